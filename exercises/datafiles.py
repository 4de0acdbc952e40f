"""Load the exercises' data files (scenarios, question banks, profiles) shipped in ``exercises/data/``."""

from __future__ import annotations

import json
from functools import cache
from importlib import resources
from typing import Any


@cache
def load_json(name: str) -> Any:
    """Parse ``exercises/data/<name>`` once; callers must not mutate the result."""
    if "/" in name or "\\" in name or not name.endswith(".json"):
        raise ValueError(f"Data file names look like 'bank.json', not {name!r}.")
    return json.loads(resources.files("exercises").joinpath("data", name).read_text(encoding="utf-8"))
