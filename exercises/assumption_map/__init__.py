"""The assumption map (chapter 09): rate assumptions by importance and evidence, and find what to test first.

- :mod:`.model`: the pure layer (no Matplotlib, no ipywidgets);
- :mod:`.chart`: ``plot_*(ax, ...)`` and the chart panel;
- :mod:`.widget`: :func:`build_assumption_map`, the only part that touches ipywidgets.

The model's names are available here; ``build_assumption_map`` is imported on first use.
"""

from ..kit.lazy import lazy_attributes
from .model import *  # noqa: F403 (the package's public surface is the model's)

__getattr__ = lazy_attributes(__name__, {"build_assumption_map": "widget"})
