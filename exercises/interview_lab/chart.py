"""The interview-question lab's chart: flags in each draft the learner checked.

Part 1's chart is the kit's sort summary (:mod:`exercises.kit.sorting_chart`).
"""

from __future__ import annotations

from collections.abc import Sequence

from matplotlib.axes import Axes
from matplotlib.collections import PolyCollection
from matplotlib.ticker import MaxNLocator

from ..kit.charts import ChartPanel, fixed_figure, plot_panel

NO_FLAGS, SOME_FLAGS = "#2e7d32", "#b36b00"
BAR_WIDTH = 0.8


def plot_draft_history(ax: Axes, flag_counts: Sequence[int]) -> None:
    """Bars of the number of flags in each draft the learner checked, oldest first; a green dot for no flags.

    The bars are one collection, not one patch each: with up to 30 drafts, adding the patches
    one by one would take most of the redraw time.
    """
    drafts = range(1, len(flag_counts) + 1)
    half = BAR_WIDTH / 2
    ax.add_collection(PolyCollection(
        [
            [(d - half, 0), (d - half, count), (d + half, count), (d + half, 0)]
            for d, count in zip(drafts, flag_counts, strict=True)
        ],
        facecolors=[NO_FLAGS if count == 0 else SOME_FLAGS for count in flag_counts],
    ), autolim=False)
    clean = [d for d, count in zip(drafts, flag_counts, strict=False) if count == 0]
    if clean:  # a bar of height 0 is invisible: mark drafts with no flags on the baseline
        ax.plot(clean, [0] * len(clean), "o", color=NO_FLAGS, markersize=6, clip_on=False, zorder=3)
    ax.set_xlim(0.4, max(len(flag_counts), 3) + 0.6)
    ax.set_ylim(0, max([*flag_counts, 3]) + 0.5)
    ax.xaxis.set_major_locator(MaxNLocator(6, integer=True))
    ax.yaxis.set_major_locator(MaxNLocator(5, integer=True))
    ax.set_title("Flags in each draft you checked (green: none)")
    ax.set_xlabel("Draft")
    ax.set_ylabel("Flags")


def describe_draft_history(flag_counts: Sequence[int]) -> str:
    """Alt text for :func:`plot_draft_history`."""
    if not flag_counts:
        return "No drafts checked yet."
    listed = ", ".join(f"draft {n}: {count}" for n, count in enumerate(flag_counts, 1))
    return f"Bar chart of flags per draft, {len(flag_counts)} drafts. {listed}."


def chart_panel() -> ChartPanel[tuple[int, ...]]:
    """The checker's chart panel, drawn from the flag count of each draft."""
    figure = fixed_figure(5, 2.2, left=0.12, right=0.98, bottom=0.24, top=0.86)
    return plot_panel(figure, plot_draft_history, describe_draft_history)
