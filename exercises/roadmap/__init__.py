"""The roadmap builder (chapter 12): place a ranked backlog into now, next and later for a team's capacity.

- :mod:`.sources`: the ranked backlog, from the prioritiser's model or a saved ranking (pure);
- :mod:`.model`: capacity, placement and the roadmap (pure);
- :mod:`.checks`: what the roadmap warns about (pure);
- :mod:`.chart`: ``plot_roadmap(ax, ...)`` and the chart panel;
- :mod:`.widget`: :func:`build_roadmap`, the only part that touches ipywidgets.

The pure layers' names are available here; ``build_roadmap`` is imported on first use.
"""

from __future__ import annotations

from typing import Any

from .checks import *  # noqa: F403 (the package's public surface is the pure layers')
from .checks import __all__ as _checks_names
from .model import *  # noqa: F403 (likewise)
from .model import __all__ as _model_names
from .sources import *  # noqa: F403 (likewise)
from .sources import __all__ as _sources_names

__all__ = [*_sources_names, *_model_names, *_checks_names, "build_roadmap"]


def __getattr__(name: str) -> Any:
    if name == "build_roadmap":
        from .widget import build_roadmap

        return build_roadmap
    raise AttributeError(name)
