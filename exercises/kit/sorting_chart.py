"""Drawing for the sorting exercise: a bar per category, and its alt text."""

from __future__ import annotations

from matplotlib.axes import Axes

from .charts import ChartPanel, fixed_figure, plot_panel
from .sorting import SortResult


def plot_sort_summary(ax: Axes, result: SortResult) -> None:
    """Bars per category: how many of the items that belong there were sorted correctly."""
    counts = result.by_category()
    positions = range(len(counts))
    ax.bar(positions, [total for _, total in counts.values()], color="#d0d7e2", label="Items in this category")
    ax.bar(positions, [right for right, _ in counts.values()], color="#2e7d32", label="Sorted correctly")
    ax.set_xticks(list(positions), list(counts))
    ax.set_ylabel("Items")
    ax.set_title(f"{result.summary()}")
    ax.yaxis.get_major_locator().set_params(integer=True)
    ax.set_ylim(0, max([total for _, total in counts.values()] + [1]) * 1.35)  # room for the legend
    ax.legend(loc="upper center", ncols=2, fontsize="small")


def describe_summary(result: SortResult) -> str:
    """Alt text for :func:`plot_sort_summary`."""
    parts = [f"{category}: {right} of {total} right" for category, (right, total) in result.by_category().items()]
    return f"Bar chart of your sort. {result.summary()}. " + "; ".join(parts) + "."


def summary_panel() -> ChartPanel[SortResult]:
    """A chart panel for the sort summary."""
    figure = fixed_figure(6, 3, left=0.12, right=0.98, bottom=0.15, top=0.88)
    return plot_panel(figure, plot_sort_summary, describe_summary)
