"""The backlog prioritiser (chapter 08): rank a backlog by RICE and see how sure the top item is.

- :mod:`.model`: estimates, the backlog and its ranking (pure: no Matplotlib, no ipywidgets);
- :mod:`.sensitivity`: which single estimate, if wrong, would change the top item (pure);
- :mod:`.delay`: cost of delay and the order of work that costs least (pure);
- :mod:`.chart`: ``plot_value_effort(ax, ...)`` and the chart panel;
- :mod:`.widget`: :func:`build_prioritiser`, the only part that touches ipywidgets.

The pure layers' names are available here; ``build_prioritiser`` is imported on first use.
"""

from ..kit.lazy import lazy_attributes
from .delay import *  # noqa: F403 (the package's public surface is the pure layers')
from .model import *  # noqa: F403 (likewise)
from .sensitivity import *  # noqa: F403 (likewise)

__getattr__ = lazy_attributes(__name__, {"build_prioritiser": "widget"})
