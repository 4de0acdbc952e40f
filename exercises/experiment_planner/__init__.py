"""The experiment planner (chapter 09): how many users an A/B test needs, how long it runs, and what peeking costs.

- :mod:`.model`: the pure layer (no Matplotlib, no ipywidgets), including
  :func:`sample_size_per_group`;
- :mod:`.chart`: ``plot_*(ax, ...)`` and the chart panel;
- :mod:`.widget`: :func:`build_planner`, the only part that touches ipywidgets.

The model's names are available here; ``build_planner`` is imported on first use.
"""

from ..kit.lazy import lazy_attributes
from .model import *  # noqa: F403 (the package's public surface is the model's)

__getattr__ = lazy_attributes(__name__, {"build_planner": "widget"})
