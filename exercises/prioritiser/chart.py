"""The prioritiser's chart: every item's value against its effort, numbered by rank."""

from __future__ import annotations

import statistics
from collections.abc import Sequence

from matplotlib.axes import Axes
from matplotlib.ticker import MaxNLocator

from ..kit import render
from ..kit.charts import ChartPanel, compact_ticks, fixed_figure, plot_panel
from .model import QUADRANTS, Ranking, Theme, quadrants, score_text

# Okabe and Ito's colour-blind-safe palette, without its yellow (too pale on white).
THEME_COLOURS = ("#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#000000", "#999999")
TOP_RING = "#b3261e"
OWN_MARKER, SHIPPED_MARKER = "D", "o"
# Where each quadrant's name sits, in axes coordinates: quick wins top left, money pits bottom right.
_QUADRANT_PLACES = {"Quick wins": (0.02, 0.97, "left", "top"), "Big bets": (0.98, 0.97, "right", "top"),
                    "Fill-ins": (0.02, 0.03, "left", "bottom"), "Money pits": (0.98, 0.03, "right", "bottom")}


def theme_colours(themes: Sequence[Theme]) -> dict[str, str]:
    """Theme id -> colour, by the themes' order (the roadmap's chart uses the same colours)."""
    return {theme.id: THEME_COLOURS[index % len(THEME_COLOURS)] for index, theme in enumerate(themes)}


def text_colour(background: str) -> str:
    """Black or white, whichever reads better on ``background`` ("#rrggbb")."""
    red, green, blue = (int(background[i:i + 2], 16) / 255 for i in (1, 3, 5))
    return "black" if 0.299 * red + 0.587 * green + 0.114 * blue > 0.5 else "white"


def plot_value_effort(ax: Axes, ranking: Ranking) -> None:
    """Value (reach x impact x confidence) against effort; the dashed line scores the same as #1."""
    colours = theme_colours(ranking.backlog.themes)
    items = [ranked.item for ranked in ranking.order]
    efforts = [item.estimates.effort for item in items]
    values = [item.estimates.value for item in items]
    x_max, y_max = max(efforts) * 1.15, max(max(values) * 1.15, 1.0)
    # One line of markers per theme and kind: far cheaper to draw than scatter's collections.
    for own, marker in ((False, SHIPPED_MARKER), (True, OWN_MARKER)):
        for theme in ranking.backlog.themes:
            chosen = [i for i, item in enumerate(items) if item.own == own and item.theme == theme.id]
            if chosen:
                ax.plot([efforts[i] for i in chosen], [values[i] for i in chosen], linestyle="", marker=marker,
                        markersize=7, color=colours[theme.id], markeredgecolor="white", markeredgewidth=0.6, zorder=3)
    ax.plot([efforts[0]], [values[0]], linestyle="", marker="o", markersize=14, markerfacecolor="none",
            markeredgecolor=TOP_RING, markeredgewidth=1.8, zorder=4)
    ax.plot([0, x_max], [0, ranking.top.score * x_max], linestyle="--", color=TOP_RING, linewidth=1, zorder=2)
    ax.axvline(statistics.median(efforts), color="#8a8a8a", linestyle=":", linewidth=1, zorder=1)
    ax.axhline(statistics.median(values), color="#8a8a8a", linestyle=":", linewidth=1, zorder=1)
    for ranked, x, y in zip(ranking.order, efforts, values, strict=False):  # text, not annotate: a third of the cost
        ax.text(x + x_max * 0.012, y + y_max * 0.015, str(ranked.rank), fontsize=8, zorder=5)
    for name, (x, y, ha, va) in _QUADRANT_PLACES.items():
        ax.text(x, y, name, transform=ax.transAxes, ha=ha, va=va, fontsize=8, color="#555555")
    ax.set_xlim(0, x_max)
    ax.set_ylim(0, y_max)


def style_axes(ax: Axes, reach_unit: str) -> None:
    """What stays the same between redraws: titles, labels and tick rules."""
    ax.set_title("Value against effort (numbers are ranks)")
    ax.set_xlabel("Effort (person-months)")
    ax.set_ylabel(f"Value: reach \u00d7 impact \u00d7 confidence\n({reach_unit})", fontsize="small")
    ax.xaxis.set_major_locator(MaxNLocator(6, steps=[1, 2, 5, 10]))
    ax.yaxis.set_major_locator(MaxNLocator(5))
    ax.yaxis.set_major_formatter(compact_ticks(largest="B"))


def describe_value_effort(ranking: Ranking) -> str:
    """Alt text for the chart, from the numbers it shows."""
    top = ranking.top
    groups = quadrants(ranking)
    months = f"{top.estimates.effort:g} person-month{'' if top.estimates.effort == 1 else 's'}"
    parts = [
        f"Scatter chart of value against effort for {len(ranking.order)} items, each numbered by its rank. "
        f"Number 1, \u201c{top.title}\u201d, has a value of {top.estimates.value:,.0f} for "
        f"{months} (RICE score {score_text(top.score)}); a dashed line marks every "
        "point with the same score, and no item lies above it."
    ]
    for name in QUADRANTS:
        members = groups[name]
        listed = ", ".join(f"{ranking_number(ranking, item.id)}" for item in members) or "none"
        parts.append(f"{name}: {listed}.")
    return " ".join(parts)


def ranking_number(ranking: Ranking, item_id: str) -> str:
    return next(f"#{ranked.rank}" for ranked in ranking.order if ranked.item.id == item_id)


def swatch(shape: str, colour: str) -> str:
    """A small picture of a chart mark, as inline SVG: a picture, so it needs no text contrast in either theme."""
    body = {
        "dot": f'<circle cx="7" cy="7" r="5" fill="{colour}"/>',
        "diamond": f'<polygon points="7,1 13,7 7,13 1,7" fill="{colour}"/>',
        "ring": f'<circle cx="7" cy="7" r="5" fill="none" stroke="{colour}" stroke-width="2"/>',
        "square": f'<rect x="2" y="2" width="10" height="10" fill="{colour}"/>',
        "dashed": f'<line x1="0" y1="7" x2="22" y2="7" stroke="{colour}" stroke-width="2" stroke-dasharray="5,3"/>',
        "dotted": f'<line x1="0" y1="7" x2="22" y2="7" stroke="{colour}" stroke-width="2" stroke-dasharray="1,3"/>',
    }[shape]
    width = 22 if shape in ("dashed", "dotted") else 14
    return f'<svg width="{width}" height="14" viewBox="0 0 {width} 14" style="vertical-align:middle;">{body}</svg>'


def chart_key(themes: Sequence[Theme]) -> str:
    """The chart's key as HTML beside the image: a Matplotlib legend would double every redraw."""
    colours = theme_colours(themes)
    entries = [(swatch("dot", colours[t.id]), t.name) for t in themes] + [
        (swatch("diamond", "#555555"), "your own item"),
        (swatch("ring", TOP_RING), "the top item (#1)"),
        (swatch("dashed", TOP_RING), "same RICE score as #1"),
        (swatch("dotted", "#8a8a8a"), "median value and effort"),
    ]
    return key_html(entries)


def key_html(entries: Sequence[tuple[str, str]]) -> str:
    """A chart key: (mark as SVG, label) pairs; the marks are hidden from screen readers, the labels are read."""
    shown = " ".join(f'<span style="margin-right:1em;white-space:nowrap;"><span aria-hidden="true">{mark}</span> '
                     f"{render.escape(label)}</span>" for mark, label in entries)
    return f'<p class="pm-chart-key" style="margin:2px 0;font-size:0.9em;"><strong>Key:</strong> {shown}</p>'


def chart_panel(reach_unit: str) -> ChartPanel[Ranking]:
    """The prioritiser's chart panel."""
    figure = fixed_figure(8, 4.4, left=0.12, right=0.97, bottom=0.13, top=0.9)
    style_axes(figure.axes[0], reach_unit)
    return plot_panel(figure, plot_value_effort, describe_value_effort)
