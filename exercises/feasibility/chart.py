"""The feasibility calculator's charts: profit against customers, and profit as the price moves."""

from __future__ import annotations

from collections.abc import Sequence

from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.patches import Patch
from matplotlib.ticker import MaxNLocator

from ..kit.charts import ChartPanel, compact_ticks, fixed_figure, vertical_bars
from ..kit.numbers import format_compact
from .model import FeasibilityResult, SensitivityPoint, money, profit_at, reached_customers

Charts = tuple[FeasibilityResult, tuple[SensitivityPoint, ...]]

PROFIT_COLOUR, LOSS_COLOUR, NOBODY_BUYS_COLOUR = "#2e7d32", "#b3261e", "#8a8a8a"
NOBODY_BUYS = "Above willingness to pay: nobody buys"


def chart_range(result: FeasibilityResult) -> float:
    """How many customers the profit chart spans: enough to show you, break-even and some room."""
    anchor = max(reached_customers(result.inputs), result.break_even_customers or 0, 10)
    return float(anchor) * 1.5


def plot_profit(ax: Axes, result: FeasibilityResult) -> None:
    """Profit against customers, marking break-even and the current scenario."""
    inputs = result.inputs
    x_max = chart_range(result)
    label = "Profit: nobody buys at this price" if inputs.above_willingness else "Profit"
    ax.plot([0, x_max], [profit_at(inputs, 0), profit_at(inputs, x_max)], color="#1a56c4", linewidth=2, label=label)
    ax.axhline(0, color="#555555", linewidth=0.8)
    people = inputs.people_with_problem
    if people < x_max:
        ax.axvspan(people, x_max, color="#999999", alpha=0.2, label=f"Beyond the {format_compact(people)} people")
    if result.break_even_customers is not None:
        ax.axvline(result.break_even_customers, color="#b36b00", linestyle="--", linewidth=1.5,
                   label=f"Break-even: {format_compact(result.break_even_customers)}")
    ax.plot([result.customers], [result.profit], "o", color="#b3261e", markersize=8,
            label=f"You: {format_compact(result.customers)} customers")
    ax.set_xlim(0, x_max)
    ax.set_title("Profit against customers")
    ax.set_xlabel("Customers")
    ax.set_ylabel("Profit per period")
    ax.xaxis.set_major_locator(MaxNLocator(5))
    ax.yaxis.set_major_locator(MaxNLocator(5))
    ax.xaxis.set_major_formatter(compact_ticks())
    ax.yaxis.set_major_formatter(compact_ticks())
    ax.legend(loc="upper left", fontsize="small")


def sensitivity_labels(points: Sequence[SensitivityPoint]) -> list[str]:
    """The bars' labels: 'today' for the current price, '+10%' and so on for the others."""
    return ["today" if p.change_percent == 0 else f"{p.change_percent:+.0f}%" for p in points]


def bar_colour(point: SensitivityPoint) -> str:
    """Grey above the willingness to pay (nobody buys), otherwise green for a profit and red for a loss."""
    if point.above_willingness:
        return NOBODY_BUYS_COLOUR
    return PROFIT_COLOUR if point.profit >= 0 else LOSS_COLOUR


def plot_sensitivity(ax: Axes, points: Sequence[SensitivityPoint]) -> None:
    """Bars of profit as the price you charge moves around today's price."""
    positions = list(range(len(points)))
    profits = [p.profit for p in points]
    vertical_bars(ax, positions, profits, [bar_colour(p) for p in points])
    low, high = min(0.0, *profits), max(0.0, *profits)
    room = (high - low) * 0.05 or 1.0
    legend_room = (high - low) * 0.2 if any(p.above_willingness for p in points) else 0.0  # keeps bars clear of it
    ax.set_xlim(-0.6, len(points) - 0.4)
    ax.set_ylim(low - room, high + room + legend_room)
    ax.set_xticks(positions, sensitivity_labels(points))
    ax.axhline(0, color="#555555", linewidth=0.8)
    if any(p.above_willingness for p in points):
        ax.legend(handles=[Patch(color=NOBODY_BUYS_COLOUR, label=NOBODY_BUYS)], loc="upper left", fontsize="small")
    swing = max(abs(p.change_percent) for p in points)
    ax.set_title(f"Profit if the price moves \u00b1{swing:g}%")
    ax.set_xlabel("Change in the price you charge")
    ax.set_ylabel("Profit per period")
    ax.yaxis.set_major_locator(MaxNLocator(5))
    ax.yaxis.set_major_formatter(compact_ticks())
    ax.tick_params(axis="x", labelsize="small")


def describe_profit(result: FeasibilityResult) -> str:
    """Alt text for the profit chart: its line, where it crosses zero, and the learner's scenario."""
    fixed = money(-result.inputs.fixed_costs)
    if result.inputs.above_willingness:
        line = f"stays at {fixed} whatever the number of customers: nobody buys at this price"
    else:
        contribution = result.contribution_per_customer
        trend = "rises" if contribution > 0 else "falls" if contribution < 0 else "stays flat"
        crossing = (
            f"it crosses zero at {result.break_even_customers:,} customers"
            if result.break_even_customers is not None else "it never reaches zero"
        )
        line = f"{trend} with the number of customers, starting at {fixed}; {crossing}"
    return f"Left chart: profit {line}; your scenario of {result.customers:,} customers makes {money(result.profit)}."


def describe_charts(charts: Charts) -> str:
    """Alt text for the two charts, written from the numbers they show."""
    result, points = charts
    low, high = points[0], points[-1]
    above = [p for p in points if p.above_willingness]
    nobody = (
        f" Prices from {above[0].change_percent:+g}% are above the willingness to pay of "
        f"{money(result.inputs.willingness_to_pay)}, so nobody buys."
        if above else ""
    )
    return (
        f"{describe_profit(result)} Right chart: profit is {money(low.profit)} at {low.change_percent:+g}% price "
        f"and {money(high.profit)} at {high.change_percent:+g}%.{nobody}"
    )


def draw(figure: Figure, charts: Charts) -> None:
    """Both charts on the calculator's figure (profit left, sensitivity right)."""
    result, points = charts
    plot_profit(figure.axes[0], result)
    plot_sensitivity(figure.axes[1], points)


def chart_panel() -> ChartPanel[Charts]:
    """The calculator's chart panel: profit chart on the left, sensitivity on the right."""
    figure = fixed_figure(10, 3.8, columns=2, left=0.08, right=0.98, bottom=0.24, top=0.9, wspace=0.28)
    return ChartPanel(figure, draw, describe_charts)
