"""The one declared list of the course's exercises.

The course map, the gradebook, the benchmarks and the shared widget tests read this list;
nothing crawls code to find exercises. Importing this module imports neither Matplotlib
nor ipywidgets: :meth:`Exercise.builder` imports the widget module only when called.

The entries are data: ``exercises/data/registry.json`` (schema: ``registry.schema.json``).
To add an exercise, add its entry there (see the README's recipe).
"""

from __future__ import annotations

import importlib
import json
from collections.abc import Callable, Mapping
from functools import cache
from importlib import resources
from typing import Any

from .kit.frozen import Frozen


@cache
def _function(path: str) -> Callable[..., Any]:
    """The function a "module:function" path names, imported once (the gradebook asks for it per record)."""
    module_name, function_name = path.split(":")
    return getattr(importlib.import_module(module_name), function_name)


class Exercise(Frozen):
    """One exercise, as its chapter, its saves and the tools know it."""

    id: str  # the exercise_id its saves use: [a-z0-9-]
    title: str
    chapter: str  # the chapter notebook's file stem, e.g. "04-is-it-worth-building"
    build: str  # "package.module:function" returning an ExerciseView (a widget) or a CheckBank (a check)
    data_files: tuple[str, ...] = ()  # names in exercises/data/, each validated by a schema
    max_score: int | None = None  # None: not scored; otherwise the most a complete attempt can score
    kind: str = "widget"  # "widget": an ipywidgets exercise; "check": a chapter's scored check (no Python needed)
    # "module:function" taking a saved record, True when the attempt is complete; None: any valid record is.
    # Save refuses an attempt this calls incomplete, with ``incomplete_hint`` as the message.
    complete: str | None = None
    incomplete_hint: str = "Do the exercise first: nothing in it is your own work yet."

    @property
    def scored(self) -> bool:
        return self.max_score is not None

    @property
    def module(self) -> str:
        """The exercise's package, e.g. ``exercises.feasibility``."""
        return self.build.split(":")[0].rsplit(".", 1)[0]

    def is_complete(self, record: Mapping[str, Any]) -> bool:
        """Whether ``record`` (a saved record of this exercise) is a complete attempt; a malformed one is not."""
        if record.get("exercise_id") != self.id:
            return False
        if self.complete is None:
            return True
        try:
            return bool(_function(self.complete)(record))
        except (KeyError, TypeError, AttributeError, ValueError):
            return False

    def completion_rule(self) -> Callable[[Mapping[str, Any]], Any] | None:
        """The function :meth:`is_complete` asks (imported now, once), or None when any valid record is complete."""
        return None if self.complete is None else _function(self.complete)

    def builder(self) -> Callable[..., Any]:
        """The ``build_*`` function (imports the widget module, and so ipywidgets, now)."""
        return _function(self.build)


REGISTRY_FILE = "registry.json"


def _read_registry() -> dict[str, Any]:
    # The standard library only: importing the registry must stay cheap (no jsonschema); the tests
    # validate the file against registry.schema.json.
    path = resources.files("exercises").joinpath("data", REGISTRY_FILE)
    return json.loads(path.read_text(encoding="utf-8"))


def _widget(entry: Mapping[str, Any]) -> Exercise:
    return Exercise(
        entry["id"], entry["title"], entry["chapter"], entry["build"], tuple(entry.get("data_files", ())),
        max_score=entry.get("max_score"), complete=entry["complete"], incomplete_hint=entry["incomplete_hint"],
    )


def _check(entry: Mapping[str, Any]) -> Exercise:
    number = int(entry["chapter"][:2])
    return Exercise(
        f"check-{number:02d}", f"Check your understanding: {entry['title']}", entry["chapter"],
        "exercises.kit.checks:check", (f"check_{number:02d}.json",), max_score=entry["questions"], kind="check",
    )


_DECLARED = _read_registry()
# The widget exercises, in the order the chapters show them.
WIDGETS: tuple[Exercise, ...] = tuple(_widget(entry) for entry in _DECLARED["widgets"])
# One scored check per chapter.
CHECKS: tuple[Exercise, ...] = tuple(_check(entry) for entry in _DECLARED["checks"])

EXERCISES: tuple[Exercise, ...] = WIDGETS + CHECKS

# Data files shared by all the exercises rather than one (each validated by its schema, like the others).
KIT_DATA_FILES: tuple[str, ...] = (REGISTRY_FILE, "rubrics.json")


def exercise(exercise_id: str) -> Exercise:
    """The registry entry with this id; ``KeyError`` naming the known ids otherwise."""
    for entry in EXERCISES:
        if entry.id == exercise_id:
            return entry
    raise KeyError(f"No exercise {exercise_id!r} in the registry; known: {', '.join(e.id for e in EXERCISES)}.")


def is_complete(record: Mapping[str, Any]) -> bool:
    """Whether a saved record is a complete attempt of its exercise (an unknown exercise id: False)."""
    for entry in EXERCISES:
        if entry.id == record.get("exercise_id"):
            return entry.is_complete(record)
    return False


def by_chapter(chapter: str) -> tuple[Exercise, ...]:
    """The widget exercises of one chapter, in the order they appear (its scored check is separate)."""
    return tuple(entry for entry in WIDGETS if entry.chapter == chapter)
