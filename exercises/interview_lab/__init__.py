"""The interview-question lab (chapter 03): spot leading questions, then write your own and have it checked.

- :mod:`.model`: the pure layer (no Matplotlib, no ipywidgets): the question bank, the rules, the checker;
- :mod:`.chart`: ``plot_draft_history(ax, ...)`` and the chart panel;
- :mod:`.widget`: :func:`build_question_sorter` (part 1) and :func:`build_question_checker` (part 2),
  the only part that touches ipywidgets.

The model's names are available here; the ``build_*`` functions are imported on first use.
"""

from ..kit.lazy import lazy_attributes
from .model import *  # noqa: F403 (the package's public surface is the model's)

__getattr__ = lazy_attributes(__name__, {"build_question_checker": "widget", "build_question_sorter": "widget"})
