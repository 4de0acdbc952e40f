"""The red-flag sorter: which requests does the PM own, help with, or treat as a red flag?

A thin wrapper around :mod:`exercises.sorting` with the situations in
``exercises/data/red_flags.json``. Pure layer: :func:`load_sorter`, :func:`default_sorter`,
:func:`check`. Drawing: :func:`exercises.sorting.plot_sort_summary` (shared by every sorting exercise).
Widget: :func:`build_red_flag_sorter`.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from typing import Any


from . import sorting
from .datafiles import load_json
from .ui import ExerciseView

EXERCISE_ID = "red-flags"
EXERCISE_TITLE = "Red-flag sorter"
CATEGORIES = ("the PM owns it", "help, but don't own it", "red flag")
MIN_ITEMS = 12


@dataclass(frozen=True)
class RedFlagSorter:
    """The sorter's prompt, categories and situations, checked on load."""

    title: str
    prompt: str
    categories: tuple[str, ...]
    items: tuple[sorting.SortItem, ...]


def load_sorter(data: Mapping[str, Any]) -> RedFlagSorter:
    """Check the data file's contents; ``ValueError`` names the bad entry."""
    if not isinstance(data, Mapping):
        raise ValueError("The red-flag data must be a JSON object.")
    categories = data.get("categories")
    if not isinstance(categories, list) or tuple(categories) != CATEGORIES:
        raise ValueError(f"The categories must be exactly {list(CATEGORIES)}, in that order.")
    records = data.get("items")
    if not isinstance(records, list):
        raise ValueError("The red-flag data needs a list of items.")
    for index, record in enumerate(records):
        for key in ("id", "text", "answer", "why"):
            value = record.get(key) if isinstance(record, Mapping) else None
            if not isinstance(value, str) or not value.strip():
                raise ValueError(f"Item {index}: {key!r} must be non-empty text.")
    items = tuple(sorting.load_items(records, CATEGORIES))
    if len(items) < MIN_ITEMS:
        raise ValueError(f"The sorter needs at least {MIN_ITEMS} situations, not {len(items)}.")
    for category in CATEGORIES:
        if not any(item.answer == category for item in items):
            raise ValueError(f"No situation belongs in {category!r}; each category needs at least one.")
    for key in ("title", "prompt"):
        if not isinstance(data.get(key), str) or not data[key].strip():
            raise ValueError(f"The red-flag data needs a non-empty {key!r}.")
    return RedFlagSorter(data["title"], data["prompt"], CATEGORIES, items)


@cache
def default_sorter() -> RedFlagSorter:
    """The course's situations, from ``exercises/data/red_flags.json``."""
    return load_sorter(load_json("red_flags.json"))


def check(choices: Mapping[str, str | None], sorter: RedFlagSorter | None = None) -> sorting.SortResult:
    """Check a learner's choices (situation id -> category, or ``None``)."""
    sorter = sorter or default_sorter()
    return sorting.check_sort(sorter.items, choices, sorter.categories)


def build_red_flag_sorter() -> ExerciseView:
    """One labelled dropdown per situation, Check my answers, per-item feedback, a chart and Save my work."""
    sorter = default_sorter()
    view = sorting.build_sorter(EXERCISE_ID, EXERCISE_TITLE, sorter.items, sorter.categories, prompt=sorter.prompt)
    return view
