"""The audience translator (chapter 05): one product update, four audiences.

Part 1 sorts candidate messages by audience (the kit's sorter); part 2 checks a message the
learner writes for one audience.

- :mod:`.scenario`: the update, its audiences and the messages to sort (from the data file);
- :mod:`.model`: the pure layer: readability and the message check (no Matplotlib, no ipywidgets);
- :mod:`.widget`: :func:`build_translator`, the only part that touches ipywidgets.

The scenario's and the model's names are available here; ``build_translator`` is imported on first use.
"""

from __future__ import annotations

from typing import Any

from .model import *  # noqa: F403 (the package's public surface is the model's and the scenario's)
from .model import __all__ as _model_names
from .scenario import *  # noqa: F403 (likewise)
from .scenario import __all__ as _scenario_names

# build_translator comes from __getattr__, on first use.
__all__ = [*_scenario_names, *_model_names, "build_translator"]  # noqa: F405 (see above)


def __getattr__(name: str) -> Any:
    if name == "build_translator":
        from .widget import build_translator

        return build_translator
    raise AttributeError(name)
