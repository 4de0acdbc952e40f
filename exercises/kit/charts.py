"""Charts for the widgets: a panel that owns one Matplotlib figure and shows it as an ``<img>``.

:class:`ChartPanel` keeps its figure, axes, ticks and labels between updates, removes only
what was plotted, redraws only when its inputs changed, and writes the alt text from the
same inputs. Drawing goes through :class:`_TextCachingCanvas`, because rendering text
(tick labels, titles) is most of the cost of a redraw and the same strings recur.
"""

from __future__ import annotations

import io
import math
from collections import OrderedDict
from collections.abc import Callable, Sequence
from typing import Generic, TypeVar

import matplotlib as mpl
import numpy as np
from matplotlib.axes import Axes
from matplotlib.backends import backend_agg
from matplotlib.backends.backend_agg import FigureCanvasAgg, RendererAgg
from matplotlib.collections import PolyCollection
from matplotlib.figure import Figure
from matplotlib.ticker import FuncFormatter
from PIL import Image

from . import render
from .numbers import format_compact

T = TypeVar("T")
DPI = 80
_TEXT_CACHE_SIZE = 512
# A fixed title height skips Matplotlib's search for room above the top tick labels on every draw.
_FAST_LAYOUT = {"axes.titley": 1.0}
# Room, in characters, left for y tick labels wider than those of the first draw.
_Y_LABEL_SPARE_CHARS = 2


def _has_text_shaping(mtext: object) -> bool:
    """Font features or a language on the text (Matplotlib 3.10+); Pyodide's 3.8 has neither."""
    features = getattr(mtext, "get_fontfeatures", None)
    language = getattr(mtext, "get_language", None)
    return bool((features and features()) or (language and language()))


class _TextCachingRenderer(RendererAgg):
    """Agg, with each plain-text string's bitmap rendered once and reused while it recurs."""

    def __init__(self, width: float, height: float, dpi: float) -> None:
        super().__init__(width, height, dpi)
        self._text_bitmaps: OrderedDict[tuple, tuple[np.ndarray, float, float, float]] = OrderedDict()

    def draw_text(self, gc, x, y, s, prop, angle, ismath=False, mtext=None):
        if ismath or _has_text_shaping(mtext):
            return super().draw_text(gc, x, y, s, prop, angle, ismath, mtext)
        key = (s, hash(prop), gc.get_antialiased())
        cached = self._text_bitmaps.get(key)
        if cached is None:
            font = self._prepare_font(prop)
            font.set_text(s, 0, flags=backend_agg.get_hinting_flag())
            font.draw_glyphs_to_bitmap(antialiased=gc.get_antialiased())
            x_offset, y_offset = font.get_bitmap_offset()
            cached = (np.asarray(font.get_image()).copy(), font.get_descent() / 64, x_offset / 64, y_offset / 64)
            self._text_bitmaps[key] = cached
            if len(self._text_bitmaps) > _TEXT_CACHE_SIZE:
                self._text_bitmaps.popitem(last=False)
        else:
            self._text_bitmaps.move_to_end(key)
        bitmap, descent, x_offset, y_offset = cached
        # Placement as Matplotlib's Agg renderer did before 3.10, which drew whole strings too.
        x = round(x + x_offset + descent * math.sin(math.radians(angle)))
        y = round(y + y_offset + descent * math.cos(math.radians(angle)))
        self._renderer.draw_text_image(bitmap, x, y + 1, angle, gc)
        return None


class _TextCachingCanvas(FigureCanvasAgg):
    def get_renderer(self) -> RendererAgg:
        width, height = self.get_width_height(physical=True)
        key = width, height, self.figure.dpi
        if self._lastKey != key:
            self.renderer = _TextCachingRenderer(width, height, self.figure.dpi)
            self._lastKey = key
        return self.renderer


def new_figure(width: float, height: float, *, dpi: int = DPI) -> Figure:
    """A figure for a chart panel: no pyplot, so no global state, and the fast canvas."""
    figure = Figure(figsize=(width, height), dpi=dpi)
    _TextCachingCanvas(figure)
    return figure


def clear_plotted(ax: Axes) -> None:
    """Remove what was plotted on ``ax`` but keep the axes, ticks and labels (cheaper than ``ax.clear()``)."""
    for container in list(ax.containers):
        container.remove()
    for artist in [*ax.lines, *ax.patches, *ax.collections, *ax.texts, *ax.images]:
        artist.remove()
    if ax.get_legend():
        ax.get_legend().remove()
    ax.relim()
    ax.autoscale()


def freeze_axis_labels(figure: Figure) -> None:
    """Pin each axis label where the last draw put it, so later draws skip placing it again.

    Tick labels below an x axis keep one height, so the x label stays clear of them; the
    y label moves out by a couple of characters' width for wider tick labels to come.
    """
    for ax in figure.axes:
        box = ax.get_window_extent()
        if box.width <= 0 or box.height <= 0:
            continue
        x_label_y = ax.xaxis.label.get_position()[1]
        ax.xaxis.set_label_coords(0.5, (x_label_y - box.y0) / box.height)
        font_px = ax.yaxis.get_ticklabels()[0].get_fontsize() * figure.dpi / 72 if ax.yaxis.get_ticklabels() else 0
        spare = _Y_LABEL_SPARE_CHARS * 0.6 * font_px
        y_label_x = ax.yaxis.label.get_position()[0]
        ax.yaxis.set_label_coords((y_label_x - spare - box.x0) / box.width, 0.5)


def figure_png(figure: Figure) -> bytes:
    """The figure as PNG bytes; fast zlib level, since the image lives only in the page."""
    canvas = figure.canvas if isinstance(figure.canvas, FigureCanvasAgg) else _TextCachingCanvas(figure)
    canvas.draw()
    image = Image.frombuffer("RGBA", canvas.get_width_height(physical=True), canvas.buffer_rgba(), "raw", "RGBA", 0, 1)
    buffer = io.BytesIO()
    image.convert("RGB").save(buffer, format="PNG", compress_level=1)
    return buffer.getvalue()


def figure_html(figure: Figure, alt: str) -> str:
    """The figure as an ``<img>`` with ``alt`` text for screen readers."""
    return render.png_html(figure_png(figure), alt, width=round(figure.get_figwidth() * figure.dpi))


class ChartPanel(Generic[T]):
    """One figure drawn from one value: ``html(value)`` redraws only when ``value`` changed.

    ``draw(figure, value)`` plots on the figure's axes (already cleared of earlier plots);
    ``describe(value)`` returns the alt text. ``value`` must compare by content, as frozen
    dataclasses and tuples do.
    """

    def __init__(
        self,
        figure: Figure,
        draw: Callable[[Figure, T], None],
        describe: Callable[[T], str],
    ) -> None:
        self.figure = figure
        self._draw = draw
        self._describe = describe
        self._last: tuple[T, str] | None = None
        self.redraws = 0

    def html(self, value: T) -> str:
        """The chart for ``value`` as an ``<img>``, drawn afresh only if ``value`` is new."""
        if self._last is not None and self._last[0] == value:
            return self._last[1]
        for ax in self.figure.axes:
            clear_plotted(ax)
        with mpl.rc_context(_FAST_LAYOUT):
            self._draw(self.figure, value)
        shown = figure_html(self.figure, self._describe(value))
        if not self.redraws:
            freeze_axis_labels(self.figure)
        self._last = (value, shown)
        self.redraws += 1
        return shown


def horizontal_bars(
    ax: Axes, positions: Sequence[float], widths: Sequence[float], colors: str | Sequence[str], *, height: float = 0.8
) -> PolyCollection:
    """Bars from 0 to each width, centred on each position, as one collection (which :func:`clear_plotted` removes).

    Many times cheaper to add than ``ax.barh``, which adds one patch per bar and updates the data
    limits for each. It leaves the limits alone: set them with ``ax.set_xlim`` and ``ax.set_ylim``.
    """
    return _bars(ax, positions, widths, colors, height / 2, horizontal=True)


def vertical_bars(
    ax: Axes, positions: Sequence[float], heights: Sequence[float], colors: str | Sequence[str], *, width: float = 0.8
) -> PolyCollection:
    """Bars from 0 to each height, centred on each position: :func:`horizontal_bars` standing up."""
    return _bars(ax, positions, heights, colors, width / 2, horizontal=False)


def _bars(
    ax: Axes, positions: Sequence[float], lengths: Sequence[float], colors: str | Sequence[str], half: float,
    *, horizontal: bool,
) -> PolyCollection:
    outlines = [
        [(0, p - half), (0, p + half), (n, p + half), (n, p - half)] for p, n in zip(positions, lengths, strict=True)
    ]
    if not horizontal:
        outlines = [[(y, x) for x, y in outline] for outline in outlines]
    bars = PolyCollection(outlines, facecolors=colors, edgecolors="none")
    ax.add_collection(bars, autolim=False)
    return bars


def fixed_figure(width: float, height: float, *, columns: int = 1, **margins: float) -> Figure:
    """A new figure (:func:`new_figure`) with ``columns`` axes side by side and fixed ``margins``.

    ``margins`` are :meth:`Figure.subplots_adjust`'s (``left``, ``right``, ``bottom``, ``top``,
    ``wspace``): fixed, because constrained layout would double the redraw time.
    """
    figure = new_figure(width, height)
    figure.subplots(1, columns)
    figure.subplots_adjust(**margins)
    return figure


def plot_panel(figure: Figure, plot: Callable[[Axes, T], None], describe: Callable[[T], str]) -> ChartPanel[T]:
    """A chart panel that draws ``plot(ax, value)`` on the figure's one axes, with ``describe(value)`` as alt text."""
    return ChartPanel(figure, lambda drawn_on, value: plot(drawn_on.axes[0], value), describe)


def compact_ticks(largest: str = "T") -> FuncFormatter:
    """Tick labels such as 1.5k and 2M (:func:`~exercises.kit.numbers.format_compact`)."""
    return FuncFormatter(lambda value, _position: format_compact(value, largest=largest))
