"""The spec checker (chapter 11): a one-page spec, section by section, checked before design and engineering read it.

- :mod:`.rules`: the two data files (sections and word lists; scenarios with worked examples);
- :mod:`.model`: the pure layer (no Matplotlib, no ipywidgets): the checks and their results;
- :mod:`.page`: the scenario brief, the one-page spec and its Markdown, the stated limits;
- :mod:`.chart`: ``plot_flags(ax, ...)`` and the chart panel;
- :mod:`.widget`: :func:`build_spec_checker`, the only part that touches ipywidgets.

The model's names are available here; ``build_spec_checker`` is imported on first use.
"""

from __future__ import annotations

from typing import Any

from .model import *  # noqa: F403 (the package's public surface is the model's)
from .model import __all__ as _model_names

__all__ = [*_model_names, "build_spec_checker"]


def __getattr__(name: str) -> Any:
    if name == "build_spec_checker":
        from .widget import build_spec_checker

        return build_spec_checker
    raise AttributeError(name)
