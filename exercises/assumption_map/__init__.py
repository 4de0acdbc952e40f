"""The assumption map (chapter 09): rate assumptions by importance and evidence, and find what to test first.

- :mod:`.model`: the pure layer (no Matplotlib, no ipywidgets);
- :mod:`.chart`: ``plot_*(ax, ...)`` and the chart panel;
- :mod:`.widget`: :func:`build_assumption_map`, the only part that touches ipywidgets.

The model's names are available here; ``build_assumption_map`` is imported on first use.
"""

from __future__ import annotations

from typing import Any

from .model import *  # noqa: F403 (the package's public surface is the model's)
from .model import __all__ as _model_names

__all__ = [*_model_names, "build_assumption_map"]


def __getattr__(name: str) -> Any:
    if name == "build_assumption_map":
        from .widget import build_assumption_map

        return build_assumption_map
    raise AttributeError(name)
