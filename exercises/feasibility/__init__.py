"""The feasibility calculator (chapter 04): would enough people pay enough to cover the costs?

- :mod:`.model`: the pure layer (no Matplotlib, no ipywidgets);
- :mod:`.chart`: ``plot_*(ax, ...)`` and the chart panel;
- :mod:`.widget`: :func:`build_calculator`, the only part that touches ipywidgets.

The model's names are available here; ``build_calculator`` is imported on first use.
"""

from __future__ import annotations

from typing import Any

from .model import *  # noqa: F403 (the package's public surface is the model's)
from .model import __all__ as _model_names

__all__ = [*_model_names, "build_calculator"]


def __getattr__(name: str) -> Any:
    if name == "build_calculator":
        from .widget import build_calculator

        return build_calculator
    raise AttributeError(name)
