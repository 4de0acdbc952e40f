"""The OKR checker (chapter 10): rule-based flags for outputs, missing numbers and missing counter-metrics.

- :mod:`.model`: the pure layer (no Matplotlib, no ipywidgets);
- :mod:`.chart`: ``plot_*(ax, ...)`` and the chart panel;
- :mod:`.widget`: :func:`build_okr_checker`, the only part that touches ipywidgets.

The model's names are available here; ``build_okr_checker`` is imported on first use.
"""

from ..kit.lazy import lazy_attributes
from .model import *  # noqa: F403 (the package's public surface is the model's)

__getattr__ = lazy_attributes(__name__, {"build_okr_checker": "widget"})
