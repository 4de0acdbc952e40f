"""The feasibility calculator (chapter 04): would enough people pay enough to cover the costs?

- :mod:`.model`: the pure layer (no Matplotlib, no ipywidgets);
- :mod:`.chart`: ``plot_*(ax, ...)`` and the chart panel;
- :mod:`.widget`: :func:`build_calculator`, the only part that touches ipywidgets.

The model's names are available here; ``build_calculator`` is imported on first use.
"""

from ..kit.lazy import lazy_attributes
from .model import *  # noqa: F403 (the package's public surface is the model's)

__getattr__ = lazy_attributes(__name__, {"build_calculator": "widget"})
