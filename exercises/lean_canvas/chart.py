"""The Lean Canvas drawn as one page: nine framed boxes in the classic layout, and its alt text.

The live image is a :class:`~exercises.kit.charts.ChartPanel` whose figure keeps one frame, title
and text per box and updates them (:class:`CanvasDrawing`); Save my work draws a sharper copy.
"""

from __future__ import annotations

import textwrap
import unicodedata
import warnings
from collections.abc import Iterator
from contextlib import contextmanager

from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.patches import Rectangle
from matplotlib.text import Text
from matplotlib.transforms import Affine2D, Bbox, Transform, TransformedBbox

from ..kit.charts import ChartPanel, figure_png, new_figure
from .boxes import BOX_KEYS
from .model import CanvasCheck

FONT_SIZE = 9
MAX_DRAWN_CHARS = 1_500  # longer text is cut before wrapping, so drawing time stays bounded
WIDTH, HEIGHT = 10, 7  # the canvas in layout units, one inch each

# The classic layout on the 10 x 7 grid: (left, bottom, width, height).
LAYOUT: dict[str, tuple[float, float, float, float]] = {
    "problem": (0, 2, 2, 5),
    "solution": (2, 4.5, 2, 2.5),
    "key_metrics": (2, 2, 2, 2.5),
    "unique_value_proposition": (4, 2, 2, 5),
    "unfair_advantage": (6, 4.5, 2, 2.5),
    "channels": (6, 2, 2, 2.5),
    "customer_segments": (8, 2, 2, 5),
    "cost_structure": (0, 0, 5, 2),
    "revenue_streams": (5, 0, 5, 2),
}
_INSET = 0.015
_FLAGGED = {"facecolor": "#fff8e6", "edgecolor": "#b36b00", "linewidth": 2}
_PLAIN = {"facecolor": "#ffffff", "edgecolor": "#444444", "linewidth": 1}


def _printable(text: str) -> str:
    # Control characters draw as boxes or upset the renderer; keep line breaks.
    return "".join(ch if ch == "\n" or unicodedata.category(ch)[0] != "C" else " " for ch in text)


def fit_text(text: str, width_chars: int, max_lines: int) -> str:
    """Wrap ``text`` to ``width_chars`` and keep at most ``max_lines`` lines, marking a cut with an ellipsis."""
    clipped = text[:MAX_DRAWN_CHARS]
    lines: list[str] = []
    for paragraph in _printable(clipped).splitlines() or [""]:
        lines += textwrap.wrap(paragraph, width_chars) or [""]
        if len(lines) > max_lines:
            break
    cut = len(lines) > max_lines or len(clipped) < len(text)
    lines = lines[:max_lines]
    if cut:
        lines[-1] = lines[-1][: max(0, width_chars - 1)] + "\u2026"
    return "\n".join(lines).strip("\n")


def box_capacity(key: str) -> tuple[int, int]:
    """How many characters fit on a line of box ``key``, and how many lines."""
    _x, _y, width, height = LAYOUT[key]
    width_chars = int(width * 72 / (FONT_SIZE * 0.6)) - 1
    max_lines = max(1, int((height * 72 - 22) / (FONT_SIZE * 1.25)))
    return width_chars, max_lines


def box_body(key: str, text: str) -> str:
    """What box ``key`` shows for ``text``: wrapped and cut to fit, or "(empty)"."""
    return fit_text(text, *box_capacity(key)) if text else "(empty)"


def flagged(check: CanvasCheck, key: str) -> bool:
    """Whether box ``key`` has an issue worse than a tip (it gets an amber frame)."""
    return any(i.severity != "tip" for i in check.issues_for(key))


class CanvasDrawing:
    """The nine boxes' artists (frame, title, text), made once on ``host`` and updated by :meth:`show`.

    ``host`` is an Axes (``transform`` its ``transData``, spanning the 10 x 7 layout) or a figure
    without axes, as the live chart panel's is: the panel then has nothing to clear, and an update
    changes only the text and colours of the boxes that changed.
    """

    def __init__(self, host: Axes | Figure, transform: Transform) -> None:
        self.frames: dict[str, Rectangle] = {}
        self.titles: dict[str, Text] = {}
        self.texts: dict[str, Text] = {}
        for key, (x, y, width, height) in LAYOUT.items():
            frame = Rectangle((x + _INSET, y + _INSET), width - 2 * _INSET, height - 2 * _INSET,
                              transform=transform, gid=key, **_PLAIN)
            # Wide characters must not spill into the next box.
            clip = TransformedBbox(Bbox.from_bounds(x, y, width, height), transform)
            # parse_math=False: a learner's "$15 ... $20" is money, not mathematics.
            title = Text(x + 0.08, y + height - 0.08, "", fontsize=FONT_SIZE, fontweight="bold", va="top",
                         ha="left", color="#1a1a1a", parse_math=False, transform=transform, gid=f"{key}:title")
            text = Text(x + 0.08, y + height - 0.36, "", fontsize=FONT_SIZE, va="top", ha="left",
                        parse_math=False, linespacing=1.15, transform=transform, gid=f"{key}:text")
            for artist in (frame, title, text):
                artist.set_clip_box(clip)
                host.add_artist(artist)
            self.frames[key], self.titles[key], self.texts[key] = frame, title, text

    def show(self, check: CanvasCheck) -> None:
        """Show ``check``'s boxes with its data's labels; boxes with an issue get an amber frame."""
        for key in LAYOUT:
            text = check.boxes[key]
            self.frames[key].set(**(_FLAGGED if flagged(check, key) else _PLAIN))
            self.titles[key].set_text(check.data.label(key))
            self.texts[key].set(text=box_body(key, text), color="#222222" if text else "#767676",
                                fontstyle="normal" if text else "italic")


def plot_canvas(ax: Axes, check: CanvasCheck) -> None:
    """Draw the nine boxes in the classic layout with the check's labels; boxes with an issue get an amber frame."""
    ax.set_xlim(0, WIDTH)
    ax.set_ylim(0, HEIGHT)
    ax.set_axis_off()
    CanvasDrawing(ax, ax.transData).show(check)


def describe_canvas(check: CanvasCheck) -> str:
    """Alt text for the canvas image."""
    label = check.data.label
    parts = [f"Lean Canvas with {check.filled} of {len(BOX_KEYS)} boxes filled."]
    for key in BOX_KEYS:
        text = " ".join(check.boxes[key].split())
        shown = text[:120] + ("\u2026" if len(text) > 120 else "") if text else "empty"
        parts.append(f"{label(key)}: {shown}.")
    marked = sorted({label(i.box) for i in check.issues if i.severity != "tip"})
    if marked:
        parts.append("Marked for attention: " + ", ".join(marked) + ".")
    return " ".join(parts)


@contextmanager
def _quiet_missing_glyphs() -> Iterator[None]:
    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", message="Glyph .* missing")  # they draw as boxes; not worth a warning
        yield


def new_canvas_figure(dpi: int = 80) -> Figure:
    """An empty figure sized for the canvas (10 x 7 units, one inch each)."""
    return new_figure(WIDTH, HEIGHT, dpi=dpi)


def _layout_to_figure(figure: Figure) -> Transform:
    # Layout units to the figure, with the margin an Axes at (0.005, 0.005, 0.99, 0.99) would leave.
    return Affine2D().scale(0.99 / WIDTH, 0.99 / HEIGHT).translate(0.005, 0.005) + figure.transFigure


def canvas_png(check: CanvasCheck, *, dpi: int = 100) -> bytes:
    """The canvas as PNG bytes (for Save my work)."""
    figure = new_canvas_figure(dpi)
    CanvasDrawing(figure, _layout_to_figure(figure)).show(check)
    with _quiet_missing_glyphs():
        return figure_png(figure)


class CanvasPanel(ChartPanel[CanvasCheck]):
    """The live canvas: a chart panel whose figure keeps the nine boxes' artists (``drawing``) between updates."""

    def __init__(self) -> None:
        figure = new_canvas_figure()
        self.drawing = CanvasDrawing(figure, _layout_to_figure(figure))
        super().__init__(figure, lambda _figure, check: self.drawing.show(check), describe_canvas)

    def html(self, value: CanvasCheck) -> str:
        with _quiet_missing_glyphs():
            return super().html(value)


def chart_panel() -> CanvasPanel:
    """The live canvas's chart panel."""
    return CanvasPanel()
