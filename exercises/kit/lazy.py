"""Import an exercise's widget and chart layers only when a chapter first asks for them."""

from __future__ import annotations

import importlib
from collections.abc import Callable
from typing import Any


def lazy_attributes(package: str, sources: dict[str, str]) -> Callable[[str], Any]:
    """A module ``__getattr__`` (PEP 562): ``name`` comes from ``package.<sources[name]>`` on first use.

    So ``from exercises import feasibility`` imports only the pure model, and
    ``feasibility.build_calculator`` imports the widget module, with ipywidgets, when it is used.
    """

    def __getattr__(name: str) -> Any:
        if name not in sources:
            raise AttributeError(f"module {package!r} has no attribute {name!r}")
        return getattr(importlib.import_module(f"{package}.{sources[name]}"), name)

    return __getattr__
