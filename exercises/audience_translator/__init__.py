"""The audience translator (chapter 05): one product update, four audiences.

Part 1 sorts candidate messages by audience (the kit's sorter); part 2 checks a message the
learner writes for one audience.

- :mod:`.scenario`: the update, its audiences and the messages to sort (from the data file);
- :mod:`.model`: the pure layer: readability and the message check (no Matplotlib, no ipywidgets);
- :mod:`.widget`: :func:`build_translator`, the only part that touches ipywidgets.

The scenario's and the model's names are available here; ``build_translator`` is imported on first use.
"""

from ..kit.lazy import lazy_attributes
from .model import *  # noqa: F403 (the package's public surface is the model's and the scenario's)
from .scenario import *  # noqa: F403 (likewise)

__getattr__ = lazy_attributes(__name__, {"build_translator": "widget"})
