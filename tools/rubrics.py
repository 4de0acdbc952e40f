"""The rubrics as data (``exercises/data/rubrics.json``) as the gradebook and feedback pages use them."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from tools import ROOT

RUBRICS = Path("exercises") / "data" / "rubrics.json"


@dataclass(frozen=True)
class Level:
    name: str
    points: float
    description: str


@dataclass(frozen=True)
class Criterion:
    """One rubric line: what is judged, where in the saved record the evidence is, and its levels."""

    id: str
    label: str
    field: str  # dotted path into the record, e.g. "inputs.note"
    levels: tuple[Level, ...]

    @property
    def max_points(self) -> float:
        return max((level.points for level in self.levels), default=0)


def load(root: Path = ROOT) -> dict[str, tuple[Criterion, ...]]:
    """exercise id -> its criteria; empty when the course has no rubric data yet.

    The data file is validated against its schema by the kit when the schema is there.
    """
    path = root / RUBRICS
    if not path.exists():
        return {}
    if root == ROOT and path.with_name("rubrics.schema.json").exists():
        from exercises.kit import data

        raw = data.load("rubrics.json")
    else:
        raw = json.loads(path.read_text(encoding="utf-8"))
    return {
        rubric["exercise_id"]: tuple(
            Criterion(c["id"], c["label"], c["field"],
                      tuple(Level(v["name"], float(v["points"]), v.get("description", "")) for v in c["levels"]))
            for c in rubric["criteria"])
        for rubric in raw["rubrics"]
    }


def field_value(record: dict[str, Any], field: str) -> Any:
    """The value at a dotted path in a record (None when it is not there)."""
    value: Any = record
    for part in field.split("."):
        if isinstance(value, dict) and part in value:
            value = value[part]
        elif isinstance(value, list) and part.isdigit() and int(part) < len(value):
            value = value[int(part)]
        else:
            return None
    return value
