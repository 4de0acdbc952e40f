"""Read back what a chart shows, for the tests that assert every chart shows exactly the current data."""

from __future__ import annotations

from matplotlib.axes import Axes
from matplotlib.collections import PolyCollection
from matplotlib.colors import to_hex
from matplotlib.patches import Rectangle


def bars(ax: Axes) -> list[tuple[float, float, str]]:
    """(centre x, height, colour) of every bar, whether drawn by ``ax.bar`` or as one ``PolyCollection``."""
    shown = [(bar.get_x() + bar.get_width() / 2, bar.get_height(), to_hex(bar.get_facecolor()))
             for bar in ax.patches if isinstance(bar, Rectangle)]
    for collection in ax.collections:
        if isinstance(collection, PolyCollection):
            colours = [to_hex(colour) for colour in collection.get_facecolors()]
            for n, path in enumerate(collection.get_paths()):
                xs, ys = path.vertices[:, 0], path.vertices[:, 1]
                # Bars stand on 0, so one end is 0 and the sum is the signed height.
                shown.append(((xs.min() + xs.max()) / 2, ys.max() + ys.min(), colours[n % len(colours)]))
    return shown


def bar_heights(ax: Axes) -> list[float]:
    return [height for _, height, _ in bars(ax)]


def tick_labels(ax: Axes) -> list[str]:
    """The x tick labels, as shown."""
    return [label.get_text() for label in ax.get_xticklabels()]


def markers(ax: Axes, marker: str = "o") -> list[tuple[float, float, str]]:
    """(x, y, colour) of every marker of this shape plotted on ``ax``."""
    return [(x, y, to_hex(line.get_color())) for line in ax.lines if line.get_marker() == marker
            for x, y in zip(line.get_xdata(), line.get_ydata(), strict=False)]
