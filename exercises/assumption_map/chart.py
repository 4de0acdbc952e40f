"""The assumption map's chart: importance against evidence, with the "test first" corner shaded."""

from __future__ import annotations

import math

from matplotlib.axes import Axes
from matplotlib.lines import Line2D

from ..kit.charts import ChartPanel, fixed_figure, plot_panel
from .model import ZONES, AssumptionMap, Placement, Risk

RISK_STYLE = {  # colour and marker per risk: shape as well as colour, for colour-blind readers
    "value": ("#1a56c4", "o"),
    "usability": ("#2e7d32", "s"),
    "feasibility": ("#b36b00", "^"),
    "viability": ("#8e24aa", "D"),
}
_SPREAD = 0.2  # how far apart assumptions that share a cell are drawn
TOP, BOTTOM = 4.72, 0.28  # the quadrant labels sit above and below the rows of ratings


def positions(placements: tuple[Placement, ...]) -> dict[int, tuple[float, float]]:
    """Where each placement is drawn: (evidence, importance), spread around the cell when several share it."""
    cells: dict[tuple[int, int], list[Placement]] = {}
    for placement in sorted(placements, key=lambda p: p.number):
        cells.setdefault((placement.evidence, placement.importance), []).append(placement)
    shown = {}
    for (evidence, importance), group in cells.items():
        for index, placement in enumerate(group):
            if len(group) == 1:
                shown[placement.number] = (float(evidence), float(importance))
                continue
            angle = 2 * math.pi * index / len(group) + math.pi / 4
            shown[placement.number] = (evidence + _SPREAD * math.cos(angle), importance + _SPREAD * math.sin(angle))
    return shown


def legend_handles(risks: tuple[Risk, ...]) -> list[Line2D]:
    """One marker per risk, in the data's order and with its label."""
    return [Line2D([], [], linestyle="none", marker=RISK_STYLE[r.id][1], color=RISK_STYLE[r.id][0], markersize=8,
                   label=r.label) for r in risks]


def plot_map(ax: Axes, result: AssumptionMap, *, legend: bool = True) -> None:
    """The two-by-two map: evidence runs from strong (left) to none (right), importance from low to high.

    ``legend=False`` leaves the risk legend to the caller (the chart panel draws it once, beside the axes).
    """
    ax.fill_between([0.5, 2.5], 2.5, 4.8, color="#fdecea", zorder=0)
    ax.axvline(2.5, color="#8a8a8a", linewidth=0.8)
    ax.axhline(2.5, color="#8a8a8a", linewidth=0.8)
    # The x axis runs backwards, so a label at x = 0.55 sits at the right edge and must end there.
    corners = {"test": (0.55, TOP, "right"), "proceed": (4.45, TOP, "left"), "park": (0.55, BOTTOM, "right"),
               "ignore": (4.45, BOTTOM, "left")}
    for zone, (x, y, ha) in corners.items():
        ax.text(x, y, ZONES[zone], ha=ha, va="top" if y > 2.5 else "bottom", fontsize="small", color="#444444",
                fontweight="bold" if zone == "test" else "normal")
    shown = positions(result.placements)
    for risk_id, (colour, marker) in RISK_STYLE.items():
        mine = [p for p in result.placements if p.assumption.risk == risk_id]
        ax.plot([shown[p.number][0] for p in mine], [shown[p.number][1] for p in mine], linestyle="none",
                marker=marker, color=colour, markersize=15, gid=risk_id)
    for placement in result.placements:
        x, y = shown[placement.number]
        ax.text(x, y, str(placement.number), ha="center", va="center", color="white", fontsize="small",
                fontweight="bold")
    ax.set_xlim(4.5, 0.5)  # strong evidence on the left, none on the right (as on Bland's map)
    ax.set_ylim(0.2, 4.8)
    ax.set_xticks([4, 3, 2, 1], ["4: seen", "3", "2", "1: a guess"])
    ax.set_yticks([1, 2, 3, 4], ["1: little", "2", "3", "4: fails"])
    ax.set_xlabel("Evidence (strong on the left, none on the right)")
    ax.set_ylabel("Importance")
    ax.set_title(f"Assumption map: {result.scenario.title}")
    if legend:
        ax.legend(handles=legend_handles(result.risks), loc="upper left", bbox_to_anchor=(1.01, 1.0),
                  fontsize="small", title="Risk")


def describe_map(result: AssumptionMap) -> str:
    """Alt text written from the placements."""
    total = len(result.placements) + len(result.unplaced)
    parts = [f"Assumption map for {result.scenario.title}: {len(result.placements)} of {total} assumptions placed."]
    for zone, name in ZONES.items():
        numbers = [f"#{p.number}" for p in result.placements if p.zone == zone]
        if numbers:
            parts.append(f"{name}: {', '.join(numbers)}.")
    return " ".join(parts)


def chart_panel(risks: tuple[Risk, ...]) -> ChartPanel[AssumptionMap]:
    """The map's chart panel; its risk legend is drawn once, beside the axes, since the risks never change."""
    figure = fixed_figure(7.5, 4.6, left=0.13, right=0.8, bottom=0.13, top=0.92)  # room for the legend on the right
    figure.legend(handles=legend_handles(risks), loc="upper left", bbox_to_anchor=(0.81, 0.92), fontsize="small",
                  title="Risk")
    return plot_panel(figure, lambda ax, result: plot_map(ax, result, legend=False), describe_map)
