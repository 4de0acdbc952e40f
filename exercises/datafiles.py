"""Load the exercises' data files (scenarios, question banks, profiles) shipped in ``exercises/data/``."""

from __future__ import annotations

import json
from collections.abc import Mapping
from functools import cache
from importlib import resources
from typing import Any


@cache
def load_json(name: str) -> Any:
    """Parse ``exercises/data/<name>`` once; callers must not mutate the result."""
    if "/" in name or "\\" in name or not name.endswith(".json"):
        raise ValueError(f"Data file names look like 'bank.json', not {name!r}.")
    return json.loads(resources.files("exercises").joinpath("data", name).read_text(encoding="utf-8"))


def require_text(record: Any, key: str, where: str, *, required: bool = True) -> str:
    """``record[key]`` as stripped text; ``ValueError`` naming ``where`` if it is missing, blank or not text."""
    value = record.get(key, "" if not required else None) if isinstance(record, Mapping) else None
    if not isinstance(value, str) or (required and not value.strip()):
        raise ValueError(f"{where}: {key!r} must be non-empty text.")
    return value.strip()
