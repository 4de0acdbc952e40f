"""The competency radar (chapter 02): rate yourself on six PM competencies against the profile of your background.

- :mod:`.profiles`: the competencies, backgrounds and growth steps from ``origin_profiles.json``;
- :mod:`.model`: the pure layer (no Matplotlib, no ipywidgets);
- :mod:`.chart`: ``plot_radar(ax, ...)`` and the chart panel;
- :mod:`.widget`: :func:`build_radar`, the only part that touches ipywidgets.

The model's names are available here; ``build_radar`` is imported on first use.
"""

from ..kit.lazy import lazy_attributes
from .model import *  # noqa: F403 (the package's public surface is the model's)

__getattr__ = lazy_attributes(__name__, {"build_radar": "widget"})
