"""The say-no debrief's chart: each dimension's share of full marks, in this conversation and over all."""

from __future__ import annotations

from collections.abc import Sequence

from matplotlib.axes import Axes

from ..kit.charts import ChartPanel, fixed_figure, plot_panel
from .model import Debrief

THIS_COLOUR, WEAKEST_COLOUR, OVERALL_COLOUR = "#1a56c4", "#b36b00", "#9aa9c2"
# What the panel draws: this conversation's debrief and, once two or more have ended, the shares over all.
Charts = tuple[Debrief, tuple[float, ...] | None]


def plot_debrief(ax: Axes, result: Debrief, overall: Sequence[float] | None = None) -> None:
    """Horizontal bars: each dimension's share of full marks in this conversation (and over all, if given)."""
    labels = [d.label for d in result.dimensions]
    positions = list(range(len(labels)))
    shares = [100 * s for s in result.shares()]
    height = 0.38 if overall is not None else 0.6
    offset = height / 2 if overall is not None else 0
    weakest = result.weakest.id if result.weakest else None
    colors = [WEAKEST_COLOUR if d.id == weakest else THIS_COLOUR for d in result.dimensions]
    ax.barh([p - offset for p in positions], shares, height=height, color=colors, label="This conversation")
    if overall is not None:
        ax.barh([p + offset for p in positions], [100 * s for s in overall], height=height, color=OVERALL_COLOUR,
                label="All finished conversations")
        ax.legend(loc="upper center", bbox_to_anchor=(0.4, -0.2), ncol=2, fontsize="small", frameon=False)
    ax.set_yticks(positions, labels)
    ax.set_ylim(len(labels) - 0.5, -0.5)  # first dimension on top; set, not inverted, because the axes are reused
    ax.set_xlim(0, 100)
    ax.set_xticks([0, 25, 50, 75, 100])
    ax.set_xlabel("Share of full marks (%)")
    marked = "; weakest in orange" if result.weakest else ""
    ax.set_title(f"This conversation: {result.score} of {result.max_score} points{marked}", fontsize="medium")


def describe_debrief(result: Debrief, overall: Sequence[float] | None = None) -> str:
    """Alt text for :func:`plot_debrief`, from the numbers."""
    parts = [f"{d.label} {s:.0%}" for d, s in zip(result.dimensions, result.shares(), strict=False)]
    text = f"Bar chart of this conversation's replies as a share of full marks: {'; '.join(parts)}."
    if overall is not None:
        text += " Over all finished conversations: " + "; ".join(
            f"{d.label} {s:.0%}" for d, s in zip(result.dimensions, overall, strict=False)) + "."
    return text


def chart_panel() -> ChartPanel[Charts]:
    """The debrief's panel: one wide, short Axes with room on the left for the dimensions' names."""
    figure = fixed_figure(6.4, 3.1, left=0.34, right=0.97, bottom=0.3, top=0.89)
    return plot_panel(figure, lambda ax, charts: plot_debrief(ax, *charts), lambda charts: describe_debrief(*charts))
