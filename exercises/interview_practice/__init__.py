"""Interview practice (chapter 06): answer a PM interview question drawn from a bank, against a short checklist.

- :mod:`.model`: the pure layer (no Matplotlib, no ipywidgets): the question bank, drawing a
  question, checking an answer against its type's checklist, and progress by type;
- :mod:`.chart`: ``plot_progress(ax, ...)`` and the chart panel;
- :mod:`.widget`: :func:`build_interview_practice`, the only part that touches ipywidgets.

The model's names are available here; ``build_interview_practice`` is imported on first use.
"""

from ..kit.lazy import lazy_attributes
from .model import *  # noqa: F403 (the package's public surface is the model's)

__getattr__ = lazy_attributes(__name__, {"build_interview_practice": "widget"})
