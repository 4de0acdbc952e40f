"""The say-no role-play (chapter 06): branching conversations with stakeholders who want something now.

- :mod:`.scenarios`: the conversations as graphs, from ``say_no_scenarios.json``, and their checks;
- :mod:`.model`: the pure layer: play a conversation, score it (no Matplotlib, no ipywidgets);
- :mod:`.own_no`: the learner's own one-sentence no, checked and kept for Save my work;
- :mod:`.chart`: ``plot_debrief(ax, ...)`` and the chart panel;
- :mod:`.widget`: :func:`build_role_play`, the only part that touches ipywidgets.

The model's names are available here; ``build_role_play`` is imported on first use.
"""

from ..kit.lazy import lazy_attributes
from .model import *  # noqa: F403 (the package's public surface is the model's)

__getattr__ = lazy_attributes(__name__, {"build_role_play": "widget"})
