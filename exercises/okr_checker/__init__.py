"""The OKR checker (chapter 10): rule-based flags for outputs, missing numbers and missing counter-metrics.

- :mod:`.model`: the pure layer (no Matplotlib, no ipywidgets);
- :mod:`.chart`: ``plot_*(ax, ...)`` and the chart panel;
- :mod:`.widget`: :func:`build_okr_checker`, the only part that touches ipywidgets.

The model's names are available here; ``build_okr_checker`` is imported on first use.
"""

from __future__ import annotations

from typing import Any

from .model import *  # noqa: F403 (the package's public surface is the model's)
from .model import __all__ as _model_names

__all__ = [*_model_names, "build_okr_checker"]


def __getattr__(name: str) -> Any:
    if name == "build_okr_checker":
        from .widget import build_okr_checker

        return build_okr_checker
    raise AttributeError(name)
