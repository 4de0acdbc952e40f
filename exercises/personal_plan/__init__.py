"""Your personal plan (chapter 07): a note to a friend, a key-skills check, a "try it" project and dated next steps.

- the pure layer (no Matplotlib, no ipywidgets): one module per part, :mod:`.reframe`,
  :mod:`.skills`, :mod:`.try_it` and :mod:`.next_steps`; :mod:`.data` for the data file; and
  :mod:`.model`, the whole plan for Save my work;
- :mod:`.chart`: ``plot_skills(ax, ...)`` and the chart panel;
- :mod:`.widget`: :func:`build_personal_plan`, the only part that touches ipywidgets.

The model's names are available here; ``build_personal_plan`` is imported on first use.
"""

from ..kit.lazy import lazy_attributes
from .model import *  # noqa: F403 (the package's public surface is the model's)

__getattr__ = lazy_attributes(__name__, {"build_personal_plan": "widget"})
