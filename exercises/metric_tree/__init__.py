"""The metric-tree builder (chapter 10): connect a north-star metric to the inputs that move it, and guard it.

- :mod:`.model`: the pure layer (no Matplotlib, no ipywidgets);
- :mod:`.chart`: ``plot_*(ax, ...)`` and the chart panel;
- :mod:`.widget`: :func:`build_metric_tree`, the only part that touches ipywidgets.

The model's names are available here; ``build_metric_tree`` is imported on first use.
"""

from ..kit.lazy import lazy_attributes
from .model import *  # noqa: F403 (the package's public surface is the model's)

__getattr__ = lazy_attributes(__name__, {"build_metric_tree": "widget"})
