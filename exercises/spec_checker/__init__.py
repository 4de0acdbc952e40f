"""The spec checker (chapter 11): a one-page spec, section by section, checked before design and engineering read it.

- :mod:`.rules`: the two data files (sections and word lists; scenarios with worked examples);
- :mod:`.model`: the pure layer (no Matplotlib, no ipywidgets): the checks and their results;
- :mod:`.page`: the scenario brief, the one-page spec and its Markdown, the stated limits;
- :mod:`.chart`: ``plot_flags(ax, ...)`` and the chart panel;
- :mod:`.widget`: :func:`build_spec_checker`, the only part that touches ipywidgets.

The model's names are available here; ``build_spec_checker`` is imported on first use.
"""

from ..kit.lazy import lazy_attributes
from .model import *  # noqa: F403 (the package's public surface is the model's)

__getattr__ = lazy_attributes(__name__, {"build_spec_checker": "widget"})
