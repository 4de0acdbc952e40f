"""The red-flag sorter's pure layer: the situations in ``exercises/data/red_flags.json`` and the check.

:func:`parse_red_flags` validates data against ``red_flags.schema.json`` and checks what a
schema cannot (unique ids, answers naming a category, every category used); :func:`red_flags`
is the shipped data, loaded once; :func:`check` scores a learner's sort.
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import cache
from typing import Any

from ..kit import data
from ..kit.frozen import Frozen
from ..kit.sorting import SortItem, SortResult, check_sort, load_items

__all__ = ["RedFlagSorter", "check", "parse_red_flags", "red_flags"]


class RedFlagSorter(Frozen):
    """The sorter's prompt, categories and situations."""

    title: str
    prompt: str
    categories: tuple[str, ...]
    items: tuple[SortItem, ...]


def parse_red_flags(raw: Any, *, source: str = "red_flags.json") -> RedFlagSorter:
    """Build the sorter from data-file contents; ``ValueError`` names ``source`` and the bad entry."""
    data.validate(raw, "red_flags.schema.json", source=source)
    categories = tuple(raw["categories"])
    try:
        items = tuple(load_items(raw["items"], categories))
    except ValueError as error:
        raise ValueError(f"{source}: {error}") from None
    for category in categories:
        if not any(item.answer == category for item in items):
            raise ValueError(f"{source}: No situation belongs in {category!r}; each category needs at least one.")
    return RedFlagSorter(raw["title"].strip(), raw["prompt"].strip(), categories, items)


@cache
def red_flags() -> RedFlagSorter:
    """The course's situations, from ``exercises/data/red_flags.json``."""
    return parse_red_flags(data.load("red_flags.json"))


def check(choices: Mapping[str, str | None], sorter: RedFlagSorter | None = None) -> SortResult:
    """Check a learner's choices (situation id -> category, or ``None``)."""
    sorter = sorter or red_flags()
    return check_sort(sorter.items, choices, sorter.categories)


def attempt_complete(record: Mapping[str, Any]) -> bool:
    """Complete when at least one item is sorted into a category."""
    return any(choice is not None for choice in record["inputs"].values())
