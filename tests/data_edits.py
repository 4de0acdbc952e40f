"""For the data tests: a shipped data file with one change, to check what the loader says about it."""

from __future__ import annotations

import copy
from collections.abc import Callable
from typing import Any


def changed(original: Any, change: Callable[[Any], object]) -> Any:
    """A deep copy of ``original`` with ``change`` applied to it; ``original`` itself is left alone."""
    copied = copy.deepcopy(original)
    change(copied)
    return copied
