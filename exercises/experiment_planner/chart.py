"""The experiment planner's charts: users needed against the effect you want to find, and what peeking costs."""

from __future__ import annotations

from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.ticker import FuncFormatter, LogLocator, MaxNLocator, NullLocator

from ..kit.charts import ChartPanel, compact_ticks, fixed_figure
from .model import MAX_LOOKS, CurvePoint, ExperimentPlan, false_winner_curve, percent

Charts = tuple[ExperimentPlan, tuple[CurvePoint, ...]]
LINE, MARK, LIMIT = "#1a56c4", "#b3261e", "#b36b00"


def points_label(value: float, _position: object = None) -> str:
    """An effect as a fraction -> percentage points for the axis: 0.02 -> '2'."""
    return f"{value * 100:g}"


def plot_sample_size(ax: Axes, plan: ExperimentPlan, curve: tuple[CurvePoint, ...]) -> None:
    """Users per group against the minimum detectable effect (log scale), marking the plan."""
    ax.plot([p.effect for p in curve], [p.users_per_group for p in curve], color=LINE, linewidth=2)
    ax.plot([plan.inputs.effect], [plan.users_per_group], "o", color=MARK, markersize=8)
    ax.annotate(f"You: {plan.users_per_group:,} per group,\n{plan.days_to_sample:,} days of traffic",
                (plan.inputs.effect, plan.users_per_group), xytext=(8, 8), textcoords="offset points",
                fontsize="small", color=MARK)
    ax.set_yscale("log")
    ax.set_title(f"Users needed from a {percent(plan.inputs.baseline)} baseline")
    ax.set_xlabel("Minimum detectable effect (percentage points)")
    ax.set_ylabel("Users per group")
    ax.xaxis.set_major_locator(MaxNLocator(6))
    ax.xaxis.set_major_formatter(FuncFormatter(points_label))
    ax.yaxis.set_major_locator(LogLocator(numticks=6))
    ax.yaxis.set_minor_locator(NullLocator())
    ax.yaxis.set_major_formatter(compact_ticks(largest="B"))


def plot_peeking(ax: Axes, plan: ExperimentPlan) -> None:
    """Chance of a false winner against the number of looks, marking the plan's looks."""
    alpha = plan.inputs.alpha
    curve = false_winner_curve(alpha)
    looks = list(range(1, MAX_LOOKS + 1))
    ax.plot(looks, [100 * c for c in curve], color=LINE, linewidth=2)
    ax.axhline(100 * alpha, color=LIMIT, linestyle="--", linewidth=1.5)
    ax.text(MAX_LOOKS, 100 * alpha, f"planned: {percent(alpha)}", ha="right", va="bottom", fontsize="small",
            color=LIMIT)
    shown = min(plan.looks, MAX_LOOKS)
    ax.plot([shown], [100 * plan.false_winner], "o", color=MARK, markersize=8)
    ax.annotate(f"You: {plan.looks:,} look{'s' if plan.looks != 1 else ''}, {percent(plan.false_winner)}",
                (shown, 100 * plan.false_winner), xytext=(6, 8), textcoords="offset points", fontsize="small",
                color=MARK, ha="right" if shown > MAX_LOOKS / 2 else "left")
    ax.set_xlim(0, MAX_LOOKS + 1)
    ax.set_ylim(0, 100 * max(curve) * 1.15)
    ax.set_title("Chance of a false winner if you stop early")
    ax.set_xlabel("Looks at the results")
    ax.set_ylabel("Chance (%)")
    ax.xaxis.set_major_locator(MaxNLocator(6, integer=True))
    ax.yaxis.set_major_locator(MaxNLocator(5))


def describe_charts(charts: Charts) -> str:
    """Alt text for both charts, written from the numbers they show."""
    plan, curve = charts
    first, last = curve[0], curve[-1]
    curve_end = false_winner_curve(plan.inputs.alpha)[-1]
    return (
        f"Left chart: users needed per group fall from {first.users_per_group:,} for an effect of "
        f"{first.effect * 100:.2g} points to {last.users_per_group:,} for {last.effect * 100:.3g} points; "
        f"your effect of {plan.inputs.effect * 100:g} points needs {plan.users_per_group:,} per group, "
        f"{plan.days_to_sample:,} days of traffic. "
        f"Right chart: the chance of a false winner rises from {percent(plan.inputs.alpha)} with one look to "
        f"{percent(curve_end)} with {MAX_LOOKS} looks; your {plan.looks:,} look{'s' if plan.looks != 1 else ''} "
        f"give {percent(plan.false_winner)}."
    )


def draw(figure: Figure, charts: Charts) -> None:
    """Both charts on the planner's figure (sample size left, peeking right)."""
    plan, curve = charts
    plot_sample_size(figure.axes[0], plan, curve)
    plot_peeking(figure.axes[1], plan)


def chart_panel() -> ChartPanel[Charts]:
    """The planner's chart panel."""
    figure = fixed_figure(10, 3.8, columns=2, left=0.09, right=0.98, bottom=0.15, top=0.9, wspace=0.28)
    return ChartPanel(figure, draw, describe_charts)
