"""The roadmap builder's chart: the work in now, next and later, stacked by item and coloured by theme."""

from __future__ import annotations

from collections.abc import Sequence

from matplotlib.axes import Axes
from matplotlib.collections import PolyCollection
from matplotlib.ticker import MaxNLocator

from ..kit.charts import ChartPanel, fixed_figure, plot_panel
from ..kit.numbers import format_number
from ..prioritiser.chart import key_html, swatch, text_colour, theme_colours
from ..prioritiser.model import Theme
from .model import HORIZONS, PLACE_NAMES, Roadmap

CAPACITY_COLOUR = "#b3261e"
SEGMENTS_GID, CAPACITY_GID = "roadmap-segments", "roadmap-capacity"
BAR_WIDTH = 0.6
POSITIONS = tuple(range(len(HORIZONS)))
X_LIMITS = (-0.6, len(HORIZONS) - 0.4)


def segments(roadmap: Roadmap) -> list[tuple[int, float, float, str, int]]:
    """Each bar segment: (position, bottom, height, theme id, rank), items in rank order within a period."""
    found = []
    for position, place in zip(POSITIONS, HORIZONS, strict=False):
        bottom = 0.0
        for item in roadmap.items_in(place):
            found.append((position, bottom, item.effort, item.theme, item.rank))
            bottom += item.effort
    return found


def plot_roadmap(ax: Axes, roadmap: Roadmap) -> None:
    """Stacked bars of effort per period, with the team's capacity marked over Now and Next."""
    colours = theme_colours(roadmap.backlog.themes)
    parts = segments(roadmap)
    if parts:  # one collection of rectangles: far cheaper than bar()'s separate patches
        half = BAR_WIDTH / 2
        boxes = [[(x - half, bottom), (x + half, bottom), (x + half, bottom + height), (x - half, bottom + height)]
                 for x, bottom, height, _theme, _rank in parts]
        ax.add_collection(PolyCollection(boxes, facecolors=[colours[p[3]] for p in parts], edgecolors="white",
                                         linewidths=1, gid=SEGMENTS_GID), autolim=False)
    capacity = roadmap.capacity.per_period
    loads = [roadmap.load(place) for place in HORIZONS]
    top = max([*loads, capacity, 1.0]) * 1.18
    for position, bottom, height, theme, rank in parts:
        if height >= top * 0.05:  # room for the number inside the segment
            ax.text(position, bottom + height / 2, f"#{rank}", ha="center", va="center", fontsize=7,
                    color=text_colour(colours[theme]))
    span = BAR_WIDTH / 2 + 0.08  # the capacity line reaches a little past each bar
    ax.hlines([capacity, capacity], [POSITIONS[0] - span, POSITIONS[1] - span],
              [POSITIONS[0] + span, POSITIONS[1] + span], colors=CAPACITY_COLOUR, linestyles="--", linewidth=1.8,
              gid=CAPACITY_GID)
    for position, load in zip(POSITIONS, loads, strict=False):
        planned = position < 2  # now and next have a capacity line; keep the total clear of it
        over = planned and load > capacity + 1e-9
        label = f"{format_number(round(load, 1))} of {format_number(round(capacity, 1))}" if planned else \
            format_number(round(load, 1))
        ax.text(position, max(load, capacity if planned else 0) + top * 0.02, label + (" (over)" if over else ""),
                ha="center", va="bottom", fontsize=8, color=CAPACITY_COLOUR if over else "#333333")
    ax.set_ylim(0, top)
    ax.set_xlim(*X_LIMITS)  # the rectangles do not count towards autoscaling, so keep all three periods in view


def style_axes(ax: Axes) -> None:
    ax.set_xticks(POSITIONS, [PLACE_NAMES[place] for place in HORIZONS])
    ax.set_title("Work per period (person-months)")
    ax.set_ylabel("Person-months")
    ax.yaxis.set_major_locator(MaxNLocator(5))


def describe_roadmap(roadmap: Roadmap) -> str:
    """Alt text from the numbers the chart shows."""
    capacity = format_number(round(roadmap.capacity.per_period, 2))
    parts = [f"Stacked bar chart of planned work; the team's capacity is {capacity} person-months a period, "
             "marked by a dashed line over Now and Next."]
    for place in HORIZONS:
        items = roadmap.items_in(place)
        load = format_number(round(roadmap.load(place), 2))
        full = place != "later" and roadmap.load(place) > roadmap.capacity.per_period + 1e-9
        over = " (over capacity)" if full else ""
        listed = ", ".join(f"#{i.rank}" for i in items) or "no items"
        parts.append(f"{PLACE_NAMES[place]}: {load} person-months{over}, items {listed}.")
    off = roadmap.items_in("off")
    if off:
        parts.append(f"Not on the roadmap, and not drawn: {', '.join(f'#{i.rank}' for i in off)}.")
    return " ".join(parts)


def chart_key(themes: Sequence[Theme]) -> str:
    """The chart's key as HTML beside the image."""
    colours = theme_colours(themes)
    entries = [(swatch("square", colours[t.id]), t.name) for t in themes]
    entries.append((swatch("dashed", CAPACITY_COLOUR), "the team's capacity per period"))
    return key_html(entries)


def chart_panel() -> ChartPanel[Roadmap]:
    figure = fixed_figure(6.5, 3.8, left=0.12, right=0.97, bottom=0.1, top=0.9)
    style_axes(figure.axes[0])
    return plot_panel(figure, plot_roadmap, describe_roadmap)
