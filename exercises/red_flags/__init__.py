"""The red-flag sorter (chapter 01): which requests does the PM own, help with, or treat as a red flag?

- :mod:`.model`: the pure layer (no Matplotlib, no ipywidgets): the situations and the check;
- :mod:`.widget`: :func:`build_red_flag_sorter`, the kit's sorter with these situations.

The chart is the kit's sort summary (:mod:`exercises.kit.sorting_chart`), shared by every sorter.
The model's names are available here; ``build_red_flag_sorter`` is imported on first use.
"""

from __future__ import annotations

from typing import Any

from .model import *  # noqa: F403 (the package's public surface is the model's)
from .model import __all__ as _model_names

__all__ = [*_model_names, "build_red_flag_sorter"]


def __getattr__(name: str) -> Any:
    if name == "build_red_flag_sorter":
        from .widget import build_red_flag_sorter

        return build_red_flag_sorter
    raise AttributeError(name)
