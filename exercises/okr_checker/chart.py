"""The OKR checker's chart: how many flags each line of the OKR raised."""

from __future__ import annotations

from matplotlib.axes import Axes
from matplotlib.ticker import MaxNLocator

from ..kit.charts import ChartPanel, fixed_figure, horizontal_bars, plot_panel
from .model import OkrCheck

FLAGGED, CLEAN = "#b36b00", "#2e7d32"


def counts(result: OkrCheck) -> list[tuple[str, int]]:
    """(line, number of flags) for every line, top to bottom."""
    return [(line, len(result.flags_on(line))) for line in result.lines]


def plot_flags(ax: Axes, result: OkrCheck) -> None:
    """Horizontal bars, one per line, labelled with their count; a clean line says "no flags"."""
    rows = counts(result)
    positions = list(range(len(rows)))[::-1]  # the objective at the top
    horizontal_bars(ax, positions, [n for _, n in rows], [FLAGGED if n else CLEAN for _, n in rows], height=0.6)
    for position, (_, n) in zip(positions, rows, strict=True):
        ax.text(n + 0.05, position, "no flags" if n == 0 else str(n), va="center", fontsize="small",
                color=CLEAN if n == 0 else "#333333")
    ax.set_yticks(positions, [line for line, _ in rows])
    ax.set_xlim(0, max(3, max(n for _, n in rows) + 1))
    ax.set_ylim(-0.6, len(rows) - 0.4)
    ax.xaxis.set_major_locator(MaxNLocator(4, integer=True))
    ax.set_xlabel("Flags")
    ax.set_title(f"Flags per line: {len(result.flags)} in all")


def describe_flags(result: OkrCheck) -> str:
    """Alt text from the counts."""
    parts = "; ".join(f"{line}: {n} flag{'s' if n != 1 else ''}" for line, n in counts(result))
    return f"Bar chart of flags per line of the OKR, {len(result.flags)} in all: {parts}."


def chart_panel() -> ChartPanel[OkrCheck]:
    """The checker's chart panel."""
    return plot_panel(fixed_figure(7, 2.8, left=0.2, right=0.97, bottom=0.18, top=0.88), plot_flags, describe_flags)
