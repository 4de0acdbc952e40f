"""The product-web explorer (chapter 01): which teams a PM works with, and on what, in each life-cycle phase.

- :mod:`.model`: the pure layer (no Matplotlib, no ipywidgets): the web, selections, the learner's note;
- :mod:`.chart`: ``plot_product_web(ax, ...)``, the chart panel and :func:`web_figure_html` (chapter 01's figure);
- :mod:`.widget`: :func:`build_product_web`, the only part that touches ipywidgets.

The model's names are available here; ``build_product_web`` and ``web_figure_html`` are imported on first use.
"""

from ..kit.lazy import lazy_attributes
from .model import *  # noqa: F403 (the package's public surface is the model's)

__getattr__ = lazy_attributes(__name__, {"build_product_web": "widget", "web_figure_html": "chart"})
