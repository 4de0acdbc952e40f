"""The vision-pitch builder's chart: words used in each part against its limit."""

from __future__ import annotations

from matplotlib.axes import Axes
from matplotlib.patches import Patch
from matplotlib.ticker import MaxNLocator

from ..kit.charts import ChartPanel, fixed_figure, horizontal_bars, plot_panel
from .model import WordBudget

LIMIT_COLOUR, USED_COLOUR, OVER_COLOUR = "#e3e7ee", "#1a56c4", "#b3261e"
OVERFLOW_SHOWN = 1.5  # a part over its limit is drawn up to 1.5 times the limit, so one part cannot squash the rest
_MARGINS = {"left": 0.33, "right": 0.97, "bottom": 0.17, "top": 0.89}


def plot_word_budget(ax: Axes, budget: WordBudget) -> None:
    """Horizontal bars, first part on top: the limit behind, the words used in front."""
    positions = list(range(len(budget.labels)))
    horizontal_bars(ax, positions, budget.limits, LIMIT_COLOUR)
    pairs = list(zip(budget.used, budget.limits, strict=True))
    colours = [OVER_COLOUR if used > limit else USED_COLOUR for used, limit in pairs]
    shown = [min(used, limit * OVERFLOW_SHOWN) for used, limit in pairs]
    horizontal_bars(ax, positions, shown, colours, height=0.5)
    ax.set_yticks(positions, budget.labels)
    ax.set_ylim(len(positions) - 0.5, -0.5)  # first part on top; set, not inverted, because the axes are reused
    ax.set_xlim(0, max(budget.limits) * OVERFLOW_SHOWN)
    ax.xaxis.set_major_locator(MaxNLocator(5, integer=True))  # fewer tick labels: cheaper to redraw
    ax.set_xlabel("Words")
    ax.set_title(f"Word budget: {sum(budget.used)} of {sum(budget.limits)} words")


def describe_word_budget(budget: WordBudget) -> str:
    """Alt text for :func:`plot_word_budget`."""
    parts = [
        f"{label} {used} of {limit}" + (" (over)" if used > limit else "")
        for label, used, limit in zip(budget.labels, budget.used, budget.limits, strict=True)
    ]
    return "Bar chart of words used against each part's limit: " + "; ".join(parts) + "."


def chart_panel() -> ChartPanel[WordBudget]:
    """The word-budget panel; it redraws only when a word count changes."""
    figure = fixed_figure(6.4, 2.9, **_MARGINS)
    # The legend never changes, so it belongs to the figure (made once, at the axes' lower right), not to each plot.
    handles = [Patch(color=LIMIT_COLOUR, label="Word limit"), Patch(color=USED_COLOUR, label="Words used"),
               Patch(color=OVER_COLOUR, label="Over the limit")]
    figure.legend(handles=handles, loc="lower right", bbox_to_anchor=(_MARGINS["right"], _MARGINS["bottom"]),
                  fontsize="small")
    return plot_panel(figure, plot_word_budget, describe_word_budget)
