"""The spec checker's chart: how many flags each section has, and whether any of them must be fixed."""

from __future__ import annotations

from matplotlib.axes import Axes
from matplotlib.ticker import MaxNLocator

from ..kit.charts import ChartPanel, fixed_figure, horizontal_bars, plot_panel
from .model import FlagChart

MUST_FIX_COLOUR, WORTH_FIXING_COLOUR, CLEAR_COLOUR = "#b3261e", "#b36b00", "#2e7d32"
MIN_X = 4  # the axis shows at least 0 to 4 flags, so one flag does not fill the chart
_MARGINS = {"left": 0.31, "right": 0.97, "bottom": 0.17, "top": 0.8}
_KEY_Y = 0.95
_KEY = (  # figure x, symbol, colour, label
    (0.5, "\u25a0", MUST_FIX_COLOUR, "Must fix"),
    (0.64, "\u25a0", WORTH_FIXING_COLOUR, "Worth fixing"),
    (0.81, "\u25cf", CLEAR_COLOUR, "No flags"),
)


def plot_flags(ax: Axes, chart: FlagChart) -> None:
    """One bar per section, first section on top: red if a flag must be fixed, amber otherwise; a dot for none."""
    positions = list(range(len(chart.labels)))
    colours = [MUST_FIX_COLOUR if must else WORTH_FIXING_COLOUR for must in chart.must_fix]
    horizontal_bars(ax, positions, chart.counts, colours, height=0.6)
    clear = [position for position, count in zip(positions, chart.counts, strict=True) if count == 0]
    if clear:
        ax.plot([0] * len(clear), clear, linestyle="none", marker="o", color=CLEAR_COLOUR, markersize=7)
    ax.set_yticks(positions, chart.labels)
    ax.set_ylim(len(positions) - 0.5, -0.5)  # first section on top; set, not inverted, because the axes are reused
    ax.set_xlim(-0.3, max(MIN_X, *chart.counts) + 0.5)
    ax.xaxis.set_major_locator(MaxNLocator(5, integer=True))  # few, whole-number ticks: cheap to redraw
    ax.set_xlabel("Flags")
    ax.set_title(f"Flags per section: {chart.total} in all", loc="left")


def describe_flags(chart: FlagChart) -> str:
    """Alt text for :func:`plot_flags`."""
    parts = [
        f"{label} {count}" + (" (must fix)" if must else " (worth fixing)" if count else " (no flags)")
        for label, count, must in zip(chart.labels, chart.counts, chart.must_fix, strict=True)
    ]
    return f"Bar chart of flags per section, {chart.total} in all: " + "; ".join(parts) + "."


def chart_panel() -> ChartPanel[FlagChart]:
    """The flags-per-section panel; it redraws only when a count changes."""
    figure = fixed_figure(6.4, 2.9, **_MARGINS)
    # The key never changes, so it is made once, as figure text above the axes: a Matplotlib legend would be
    # laid out again on every redraw, which doubled the time of one.
    for x, symbol, colour, label in _KEY:
        figure.text(x, _KEY_Y, symbol, color=colour, fontsize=10, va="center")
        figure.text(x + 0.025, _KEY_Y, label, fontsize=8, va="center")
    return plot_panel(figure, plot_flags, describe_flags)
