"""kit.frozen.Frozen: the one way the course declares a value type (a frozen dataclass)."""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from exercises.kit.frozen import Frozen

ROOT = Path(__file__).resolve().parents[1]


class Point(Frozen):
    """A two-field value with a default and a factory, as exercises declare them."""

    label: str
    size: float = 1.0
    tags: tuple[str, ...] = dataclasses.field(default_factory=tuple)


class LabelledPoint(Point):
    note: str = ""


def test_a_subclass_is_a_frozen_dataclass_with_its_fields_in_order():
    assert dataclasses.is_dataclass(Point)
    assert [f.name for f in dataclasses.fields(Point)] == ["label", "size", "tags"]
    point = Point("a")
    with pytest.raises(dataclasses.FrozenInstanceError):
        point.size = 2.0  # type: ignore[misc]
    assert dataclasses.replace(point, size=3.0) == Point("a", 3.0)
    assert dataclasses.asdict(point) == {"label": "a", "size": 1.0, "tags": ()}
    assert repr(point) == "Point(label='a', size=1.0, tags=())"


def test_a_subclass_of_a_subclass_adds_its_fields_and_stays_frozen():
    point = LabelledPoint("a", 2.0, ("x",), "hi")
    assert [f.name for f in dataclasses.fields(point)] == ["label", "size", "tags", "note"]
    with pytest.raises(dataclasses.FrozenInstanceError):
        point.note = "changed"  # type: ignore[misc]
    assert point != Point("a", 2.0, ("x",))  # another type is another value


@given(st.text(), st.floats(allow_nan=False), st.lists(st.text(), max_size=3).map(tuple))
def test_equal_fields_mean_equal_values_and_equal_hashes(label, size, tags):
    one, other = Point(label, size, tags), Point(label, size, tags)
    assert one == other and hash(one) == hash(other)
    assert {one, other} == {one}


def test_no_exercise_declares_a_frozen_dataclass_another_way():
    stray = [str(p.relative_to(ROOT)) for p in (ROOT / "exercises").rglob("*.py")
             if re.search(r"@dataclass\(frozen=True\)", p.read_text(encoding="utf-8")) and p.name != "frozen.py"]
    assert stray == []
