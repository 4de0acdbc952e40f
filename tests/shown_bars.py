"""For chart tests: read back the bars that ``kit.charts.horizontal_bars`` drew."""

from __future__ import annotations

from matplotlib.collections import PolyCollection
from matplotlib.colors import to_hex

from exercises.kit.frozen import Frozen


class ShownBar(Frozen):
    row: float  # the bar's centre on the y axis
    width: float
    height: float
    colour: str  # "#rrggbb"


def shown_bars(bars: PolyCollection) -> list[ShownBar]:
    """Each bar of one collection, in the order drawn."""
    paths = bars.get_paths()
    colours = [to_hex(colour) for colour in bars.get_facecolors()]
    colours = colours * len(paths) if len(colours) == 1 else colours
    shown = []
    for path, colour in zip(paths, colours, strict=True):
        xs, ys = path.vertices[:, 0], path.vertices[:, 1]
        row, height = round((ys.min() + ys.max()) / 2, 9), round(ys.max() - ys.min(), 9)  # float noise, not geometry
        shown.append(ShownBar(row, float(xs.max() - xs.min()), height, colour))
    return shown
