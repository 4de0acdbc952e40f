"""The roadmap builder (chapter 12): place a ranked backlog into now, next and later for a team's capacity.

- :mod:`.sources`: the ranked backlog, from the prioritiser's model or a saved ranking (pure);
- :mod:`.model`: capacity, placement and the roadmap (pure);
- :mod:`.checks`: what the roadmap warns about (pure);
- :mod:`.chart`: ``plot_roadmap(ax, ...)`` and the chart panel;
- :mod:`.widget`: :func:`build_roadmap`, the only part that touches ipywidgets.

The pure layers' names are available here; ``build_roadmap`` is imported on first use.
"""

from ..kit.lazy import lazy_attributes
from .checks import *  # noqa: F403 (the package's public surface is the pure layers')
from .model import *  # noqa: F403 (likewise)
from .sources import *  # noqa: F403 (likewise)

__getattr__ = lazy_attributes(__name__, {"build_roadmap": "widget"})
