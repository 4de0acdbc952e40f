"""The Lean Canvas builder (chapter 05): nine boxes on one page, checked, drawn and exported.

- :mod:`.boxes`: the nine boxes, the example canvases and the check's word lists (from the data file);
- :mod:`.amounts`: the price and costs read from the money boxes, for the feasibility calculator;
- :mod:`.model`: the pure layer: the check and the Markdown export (no Matplotlib, no ipywidgets);
- :mod:`.chart`: the canvas drawn as one page, its alt text and its chart panel;
- :mod:`.widget`: :func:`build_lean_canvas`, the only part that touches ipywidgets.

The names of the pure modules are available here; ``build_lean_canvas`` is imported on first use.
"""

from ..kit.lazy import lazy_attributes
from .amounts import *  # noqa: F403 (the package's public surface is its pure modules')
from .boxes import *  # noqa: F403 (likewise)
from .model import *  # noqa: F403 (likewise)

__getattr__ = lazy_attributes(__name__, {"build_lean_canvas": "widget"})
