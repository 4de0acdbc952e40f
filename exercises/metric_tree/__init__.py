"""The metric-tree builder (chapter 10): connect a north-star metric to the inputs that move it, and guard it.

- :mod:`.model`: the pure layer (no Matplotlib, no ipywidgets);
- :mod:`.chart`: ``plot_*(ax, ...)`` and the chart panel;
- :mod:`.widget`: :func:`build_metric_tree`, the only part that touches ipywidgets.

The model's names are available here; ``build_metric_tree`` is imported on first use.
"""

from __future__ import annotations

from typing import Any

from .model import *  # noqa: F403 (the package's public surface is the model's)
from .model import __all__ as _model_names

__all__ = [*_model_names, "build_metric_tree"]


def __getattr__(name: str) -> Any:
    if name == "build_metric_tree":
        from .widget import build_metric_tree

        return build_metric_tree
    raise AttributeError(name)
