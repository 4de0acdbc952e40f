"""The Lean Canvas's data: the nine boxes (label, prompt, limits), the example canvases and the check's word lists.

:func:`parse_canvas_data` checks data against ``lean_canvas_example.schema.json``, then what a
schema cannot express (each box's character limit covers its word limit, example ids differ);
:func:`canvas_data` is the shipped data, cached.
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import cache
from typing import Any

from ..kit import data
from ..kit.choices import Titled, by_id
from ..kit.frozen import Frozen

__all__ = [
    "BOX_KEYS", "DATA_FILE", "BoxSpec", "CanvasData", "ExampleCanvas", "canvas_data", "example",
    "normalise_boxes", "parse_canvas_data",
]

DATA_FILE = "lean_canvas_example.json"
BOX_KEYS = (
    "problem", "customer_segments", "unique_value_proposition", "solution", "channels",
    "revenue_streams", "cost_structure", "key_metrics", "unfair_advantage",
)


class BoxSpec(Frozen):
    key: str
    label: str
    prompt: str
    max_words: int
    max_chars: int


class ExampleCanvas(Titled):
    boxes: dict[str, str]


class CanvasData(Frozen):
    """Everything the check and the drawing take from the data file."""

    boxes: dict[str, BoxSpec]
    examples: tuple[ExampleCanvas, ...]
    generic_advantages: tuple[str, ...]  # terms that mark an advantage anyone could claim
    filler_words: frozenset[str]  # words a customer segment may use without naming anyone
    customer_jargon: tuple[str, ...]  # terms customers may not know, for the value proposition

    def label(self, key: str) -> str:
        return self.boxes[key].label

    def example(self, example_id: str) -> dict[str, str]:
        """A copy of one example canvas's boxes."""
        message = f"No example canvas {example_id!r}; choose one of {', '.join(e.id for e in self.examples)}."
        return dict(by_id(self.examples, example_id, message).boxes)


def parse_canvas_data(raw: Any, *, source: str = "canvas data") -> CanvasData:
    """Validate ``raw`` (data-file content) and build the canvas data; ``ValueError`` names ``source`` and the path."""
    data.validate(raw, "lean_canvas_example.schema.json", source=source)
    specs = {key: BoxSpec(key, **raw["boxes"][key]) for key in BOX_KEYS}
    for spec in specs.values():
        if spec.max_chars < spec.max_words:
            raise ValueError(f"{source}: at /boxes/{spec.key}/max_chars: {spec.max_chars} is less than "
                             f"max_words ({spec.max_words}); a word takes at least one character.")
    examples: list[ExampleCanvas] = []
    for index, record in enumerate(raw["examples"]):
        if any(e.id == record["id"] for e in examples):
            raise ValueError(f"{source}: at /examples/{index}/id: {record['id']!r} is the id of an earlier example.")
        examples.append(ExampleCanvas(record["id"], record["title"],
                                      {key: record["boxes"].get(key, "") for key in BOX_KEYS}))
    rules = raw["rules"]
    return CanvasData(specs, tuple(examples), tuple(rules["generic_advantages"]),
                      frozenset(rules["segment_filler_words"]), tuple(rules["customer_jargon"]))


@cache
def canvas_data() -> CanvasData:
    """The box specs, examples and rules shipped in ``exercises/data/lean_canvas_example.json``."""
    return parse_canvas_data(data.load(DATA_FILE), source=f"exercises/data/{DATA_FILE}")


def example(example_id: str) -> dict[str, str]:
    """A copy of one shipped example canvas's boxes."""
    return canvas_data().example(example_id)


def normalise_boxes(boxes: Mapping[str, object]) -> dict[str, str]:
    """All nine boxes as stripped text (missing ones empty); unknown box names are an error."""
    unknown = sorted(str(k)[:40] for k in boxes if k not in BOX_KEYS)
    if unknown:
        raise ValueError(f"Unknown box(es): {', '.join(unknown)}.")
    return {key: "" if boxes.get(key) is None else str(boxes.get(key)).strip() for key in BOX_KEYS}
