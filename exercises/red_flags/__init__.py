"""The red-flag sorter (chapter 01): which requests does the PM own, help with, or treat as a red flag?

- :mod:`.model`: the pure layer (no Matplotlib, no ipywidgets): the situations and the check;
- :mod:`.widget`: :func:`build_red_flag_sorter`, the kit's sorter with these situations.

The chart is the kit's sort summary (:mod:`exercises.kit.sorting_chart`), shared by every sorter.
The model's names are available here; ``build_red_flag_sorter`` is imported on first use.
"""

from ..kit.lazy import lazy_attributes
from .model import *  # noqa: F403 (the package's public surface is the model's)

__getattr__ = lazy_attributes(__name__, {"build_red_flag_sorter": "widget"})
