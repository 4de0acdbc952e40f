"""The Lean Canvas builder (chapter 05): nine boxes on one page, checked, drawn and exported.

- :mod:`.boxes`: the nine boxes, the example canvases and the check's word lists (from the data file);
- :mod:`.amounts`: the price and costs read from the money boxes, for the feasibility calculator;
- :mod:`.model`: the pure layer: the check and the Markdown export (no Matplotlib, no ipywidgets);
- :mod:`.chart`: the canvas drawn as one page, its alt text and its chart panel;
- :mod:`.widget`: :func:`build_lean_canvas`, the only part that touches ipywidgets.

The names of the pure modules are available here; ``build_lean_canvas`` is imported on first use.
"""

from __future__ import annotations

from typing import Any

from .amounts import *  # noqa: F403 (the package's public surface is its pure modules')
from .amounts import __all__ as _amounts_names
from .boxes import *  # noqa: F403 (likewise)
from .boxes import __all__ as _boxes_names
from .model import *  # noqa: F403 (likewise)
from .model import __all__ as _model_names

# build_lean_canvas comes from __getattr__, on first use.
__all__ = [*_boxes_names, *_amounts_names, *_model_names, "build_lean_canvas"]  # noqa: F405 (see above)


def __getattr__(name: str) -> Any:
    if name == "build_lean_canvas":
        from .widget import build_lean_canvas

        return build_lean_canvas
    raise AttributeError(name)
