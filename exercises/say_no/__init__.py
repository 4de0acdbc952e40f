"""The say-no role-play (chapter 06): branching conversations with stakeholders who want something now.

- :mod:`.scenarios`: the conversations as graphs, from ``say_no_scenarios.json``, and their checks;
- :mod:`.model`: the pure layer: play a conversation, score it (no Matplotlib, no ipywidgets);
- :mod:`.own_no`: the learner's own one-sentence no, checked and kept for Save my work;
- :mod:`.chart`: ``plot_debrief(ax, ...)`` and the chart panel;
- :mod:`.widget`: :func:`build_role_play`, the only part that touches ipywidgets.

The model's names are available here; ``build_role_play`` is imported on first use.
"""

from __future__ import annotations

from typing import Any

from .model import *  # noqa: F403 (the package's public surface is the model's)
from .model import __all__ as _model_names

__all__ = [*_model_names, "build_role_play"]


def __getattr__(name: str) -> Any:
    if name == "build_role_play":
        from .widget import build_role_play

        return build_role_play
    raise AttributeError(name)
