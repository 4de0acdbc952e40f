"""Interview practice (chapter 06): answer a PM interview question drawn from a bank, against a short checklist.

- :mod:`.model`: the pure layer (no Matplotlib, no ipywidgets): the question bank, drawing a
  question, checking an answer against its type's checklist, and progress by type;
- :mod:`.chart`: ``plot_progress(ax, ...)`` and the chart panel;
- :mod:`.widget`: :func:`build_interview_practice`, the only part that touches ipywidgets.

The model's names are available here; ``build_interview_practice`` is imported on first use.
"""

from __future__ import annotations

from typing import Any

from .model import *  # noqa: F403 (the package's public surface is the model's)
from .model import __all__ as _model_names

__all__ = [*_model_names, "build_interview_practice"]


def __getattr__(name: str) -> Any:
    if name == "build_interview_practice":
        from .widget import build_interview_practice

        return build_interview_practice
    raise AttributeError(name)
