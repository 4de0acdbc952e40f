"""Find a record by its id: the scenario, audience, reply or team a learner chose from a menu."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Protocol, TypeVar


class HasId(Protocol):
    @property
    def id(self) -> str: ...


T = TypeVar("T", bound=HasId)


def by_id(entries: Iterable[T], wanted: object, message: str) -> T:
    """The entry whose ``id`` is ``wanted``; ``ValueError(message)`` (learner-readable) when none is."""
    for entry in entries:
        if entry.id == wanted:
            return entry
    raise ValueError(message)
