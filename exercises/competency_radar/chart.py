"""The competency radar's chart: your ratings over the typical profile of your background, on a polar grid."""

from __future__ import annotations

import math
from collections.abc import Sequence

from matplotlib.axes import Axes
from matplotlib.figure import Figure

from ..kit.charts import ChartPanel, new_figure
from .model import SCALE_MAX, SCALE_MIN, Competency, RadarResult, one_decimal

YOU_COLOUR, TYPICAL_COLOUR, WEAK_COLOUR = "#1a56c4", "#b36b00", "#b3261e"


def angles(count: int) -> list[float]:
    """Where each competency's spoke points, in radians, first at the top."""
    return [2 * math.pi * i / count for i in range(count)]


def _set_up_grid(ax: Axes, competencies: Sequence[Competency]) -> None:
    """Spokes labelled with the competencies and rings for the scale (kept between redraws)."""
    ax.set_theta_offset(math.pi / 2)
    ax.set_theta_direction(-1)
    ax.set_xticks(angles(len(competencies)), [c.chart_label for c in competencies], fontsize="small")
    ax.tick_params(axis="x", pad=6)
    ax.set_rlabel_position(15)
    scale = range(SCALE_MIN, SCALE_MAX + 1)
    ax.set_yticks(scale, [str(v) for v in scale], fontsize="x-small")


def plot_radar(ax: Axes, result: RadarResult) -> None:
    """Your ratings (solid, filled) over the typical profile (dashed), weakest two ringed in red.

    ``ax`` must be polar: ``fig.add_subplot(projection="polar")``.
    """
    if getattr(ax, "name", "") != "polar":
        raise ValueError("plot_radar needs an Axes created with projection='polar'.")
    competencies = [r.competency for r in result.rated]
    spokes = angles(len(competencies))
    if [t.get_text() for t in ax.get_xticklabels()] != [c.chart_label for c in competencies]:
        _set_up_grid(ax, competencies)
    # The whole circle and the whole scale, whatever is plotted (clearing a panel turns autoscaling on).
    ax.set_xlim(0, 2 * math.pi)
    ax.set_ylim(0, SCALE_MAX)
    closed = [*spokes, spokes[0]]
    typical = [r.typical for r in (*result.rated, result.rated[0])]
    ratings = [r.rating for r in (*result.rated, result.rated[0])]
    typical_label = "Typical: " + (result.backgrounds[0].label if len(result.backgrounds) == 1
                                   else f"average of {len(result.backgrounds)} backgrounds")
    ax.plot(closed, typical, color=TYPICAL_COLOUR, linestyle="--", linewidth=1.8, marker="s", markersize=5,
            label=typical_label)
    ax.plot(closed, ratings, color=YOU_COLOUR, linewidth=2.2, marker="o", markersize=6, label="You")
    ax.fill(closed, ratings, color=YOU_COLOUR, alpha=0.15)
    index = {c.id: i for i, c in enumerate(competencies)}
    weak = [index[c] for c in result.weakest]
    ax.plot([spokes[i] for i in weak], [ratings[i] for i in weak], linestyle="none", marker="o",
            markersize=14, markerfacecolor="none", markeredgecolor=WEAK_COLOUR, markeredgewidth=2, label="Weakest two")
    ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.1), ncol=3, fontsize="small", frameon=False)


def describe_radar(result: RadarResult) -> str:
    """Alt text for :func:`plot_radar`, written from the numbers."""
    pairs = "; ".join(
        f"{r.competency.label}: you {r.rating}, typical {one_decimal(r.typical)}" for r in result.rated
    )
    weakest = " and ".join(item.competency.label for item in result.plan)
    return (
        f"Radar chart on a 1 to 5 scale comparing your self-ratings with the typical profile of "
        f"{result.background_names}. {pairs}. Your weakest two, ringed in red: {weakest}."
    )


def draw(figure: Figure, result: RadarResult) -> None:
    """The radar on the panel's polar axes (the grid stays; only the plotted shapes are new)."""
    plot_radar(figure.axes[0], result)


def chart_panel() -> ChartPanel[RadarResult]:
    """The radar's panel: a small square figure with one polar Axes and fixed margins (cheap redraws).

    Give it results without the learner's note (``replace(result, note="")``): the note is not
    drawn, so typing one must not redraw the chart.
    """
    figure = new_figure(5.2, 5.0)
    figure.add_subplot(projection="polar")
    figure.subplots_adjust(left=0.14, right=0.86, bottom=0.18, top=0.9)
    return ChartPanel(figure, draw, describe_radar)
