"""The product-web explorer (chapter 01): which teams a PM works with, and on what, in each life-cycle phase.

- :mod:`.model`: the pure layer (no Matplotlib, no ipywidgets): the web, selections, the learner's note;
- :mod:`.chart`: ``plot_product_web(ax, ...)``, the chart panel and :func:`web_figure_html` (chapter 01's figure);
- :mod:`.widget`: :func:`build_product_web`, the only part that touches ipywidgets.

The model's names are available here; ``build_product_web`` and ``web_figure_html`` are imported on first use.
"""

from __future__ import annotations

from typing import Any

from .model import *  # noqa: F403 (the package's public surface is the model's)
from .model import __all__ as _model_names

__all__ = [*_model_names, "build_product_web", "web_figure_html"]


def __getattr__(name: str) -> Any:
    if name == "build_product_web":
        from .widget import build_product_web

        return build_product_web
    if name == "web_figure_html":
        from .chart import web_figure_html

        return web_figure_html
    raise AttributeError(name)
