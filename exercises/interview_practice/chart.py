"""Interview practice's chart: the share of the checklist ticked so far, one bar per question type."""

from __future__ import annotations

from matplotlib.axes import Axes

from ..kit.charts import ChartPanel, fixed_figure, horizontal_bars, plot_panel
from .model import PracticeProgress

BAR_COLOUR = "#1a56c4"
NOT_PRACTISED = "not practised yet"


def plot_progress(ax: Axes, progress: PracticeProgress) -> None:
    """Horizontal bars, top row first: each type's ticked checklist items as a share of those answered."""
    rows = list(reversed(progress.rows))  # rows count up from the bottom; keep the bank's order top-down
    positions = list(range(len(rows)))
    horizontal_bars(ax, positions, [100 * row.share for row in rows], BAR_COLOUR, height=0.6)
    for position, row in zip(positions, rows, strict=True):
        note = NOT_PRACTISED if not row.answered else f"{row.ticked} of {row.items}"
        ax.text(2 if not row.answered else min(100 * row.share, 80) + 2, position, note, va="center",
                fontsize="small", color="#555555", fontstyle="italic" if not row.answered else "normal")
    ax.set_yticks(positions, [row.label for row in rows])
    ax.set_ylim(-0.5, len(rows) - 0.5)
    ax.set_xlim(0, 100)
    ax.set_xticks([0, 25, 50, 75, 100])
    ax.set_xlabel("Checklist items you ticked (%)")
    ax.set_title(f"Your practice so far: {progress.answered} answer{'' if progress.answered == 1 else 's'} checked",
                 fontsize="medium")


def describe_progress(progress: PracticeProgress) -> str:
    """Alt text for :func:`plot_progress`, from the numbers."""
    parts = [
        f"{row.label}: {NOT_PRACTISED}" if not row.answered
        else f"{row.label}: {row.ticked} of {row.items} items ticked over {row.answered} "
             f"answer{'' if row.answered == 1 else 's'} ({row.share:.0%})"
        for row in progress.rows
    ]
    return "Bar chart of the checklist items you ticked, by question type. " + "; ".join(parts) + "."


def chart_panel() -> ChartPanel[PracticeProgress]:
    """The practice chart's panel; it redraws only when the progress changes."""
    figure = fixed_figure(6.4, 2.6, left=0.3, right=0.97, bottom=0.22, top=0.88)
    return plot_panel(figure, plot_progress, describe_progress)
