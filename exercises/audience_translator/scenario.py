"""The audience translator's scenario: the product update, its four audiences and the messages to sort.

:func:`parse_audience_scenario` checks data against ``audience_translator.schema.json``, then
what a schema cannot express (labels differ, every answer names an audience, every audience
has a message); :func:`audience_scenario` is the shipped scenario, cached.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace
from functools import cache
from typing import Any

from ..kit import data, sorting
from ..kit.frozen import Frozen

__all__ = ["DATA_FILE", "Audience", "Concern", "Scenario", "audience_scenario", "parse_audience_scenario"]

DATA_FILE = "audience_translator.json"


class Concern(Frozen):
    """Something an audience wants to hear about, spotted by keywords."""

    label: str
    keywords: tuple[str, ...]


class Audience(Frozen):
    """Who reads the message, what they care about and which words they do not share."""

    key: str
    label: str
    cares_about: str
    target_grade: float
    max_words: int
    jargon: tuple[str, ...]
    concerns: tuple[Concern, ...]


class Scenario(Frozen):
    """The product update, its audiences and the candidate messages to sort."""

    title: str
    facts: tuple[str, ...]
    audiences: dict[str, Audience]
    candidates: tuple[sorting.SortItem, ...]

    @property
    def categories(self) -> tuple[str, ...]:
        """The sorting categories: the audiences' labels."""
        return tuple(a.label for a in self.audiences.values())


def _audience(key: str, record: Mapping[str, Any]) -> Audience:
    concerns = tuple(Concern(c["label"], tuple(c["keywords"])) for c in record["concerns"])
    return Audience(key, record["label"], record["cares_about"], float(record["target_grade"]),
                    record["max_words"], tuple(record["jargon"]), concerns)


def parse_audience_scenario(raw: Any, *, source: str = "scenario data") -> Scenario:
    """Validate ``raw`` (data-file content) and build the scenario; ``ValueError`` names ``source`` and the path."""
    data.validate(raw, "audience_translator.schema.json", source=source)
    audiences = {key: _audience(key, record) for key, record in raw["audiences"].items()}
    labels: dict[str, str] = {}
    for key, audience in audiences.items():
        if audience.label in labels:
            raise ValueError(f"{source}: at /audiences/{key}/label: {audience.label!r} is also the label of "
                             f"{labels[audience.label]!r}; labels must differ.")
        labels[audience.label] = key
    for index, candidate in enumerate(raw["candidates"]):
        if candidate["answer"] not in audiences:
            raise ValueError(f"{source}: at /candidates/{index}/answer: {candidate['answer']!r} is not one of "
                             f"the audiences ({', '.join(audiences)}).")
    try:
        items = sorting.load_items(raw["candidates"], list(audiences))
    except ValueError as error:  # a repeated id
        raise ValueError(f"{source}: at /candidates: {error}") from None
    missing = [key for key in audiences if not any(item.answer == key for item in items)]
    if missing:
        raise ValueError(f"{source}: at /candidates: no candidate message belongs to {', '.join(missing)}.")
    # The data names audiences by key; learners sort by label.
    items = [replace(item, answer=audiences[item.answer].label) for item in items]
    scenario = raw["scenario"]
    return Scenario(scenario["title"], tuple(scenario["facts"]), audiences, tuple(items))


@cache
def audience_scenario() -> Scenario:
    """The scenario shipped in ``exercises/data/audience_translator.json``."""
    return parse_audience_scenario(data.load(DATA_FILE), source=f"exercises/data/{DATA_FILE}")
