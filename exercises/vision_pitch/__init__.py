"""The vision-pitch builder (chapter 06): a one-page case for a team or a product, checked before you give it.

- :mod:`.model`: the pure layer (no Matplotlib, no ipywidgets): the data file, the checker's
  rules, and the pitch as HTML and Markdown;
- :mod:`.chart`: ``plot_word_budget(ax, ...)`` and the chart panel;
- :mod:`.widget`: :func:`build_pitch_builder`, the only part that touches ipywidgets.

The model's names are available here; ``build_pitch_builder`` is imported on first use.
"""

from ..kit.lazy import lazy_attributes
from .model import *  # noqa: F403 (the package's public surface is the model's)

__getattr__ = lazy_attributes(__name__, {"build_pitch_builder": "widget"})
