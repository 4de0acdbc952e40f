"""The experiment planner (chapter 09): how many users an A/B test needs, how long it runs, and what peeking costs.

- :mod:`.model`: the pure layer (no Matplotlib, no ipywidgets), including
  :func:`sample_size_per_group`;
- :mod:`.chart`: ``plot_*(ax, ...)`` and the chart panel;
- :mod:`.widget`: :func:`build_planner`, the only part that touches ipywidgets.

The model's names are available here; ``build_planner`` is imported on first use.
"""

from __future__ import annotations

from typing import Any

from .model import *  # noqa: F403 (the package's public surface is the model's)
from .model import __all__ as _model_names

__all__ = [*_model_names, "build_planner"]


def __getattr__(name: str) -> Any:
    if name == "build_planner":
        from .widget import build_planner

        return build_planner
    raise AttributeError(name)
