"""Records a learner chooses from a menu: find one by its id, and list a menu's options.

A record with an id and a title (a product, a scenario, an example to start from) derives from
:class:`Titled`; :func:`menu` makes the dropdown's options from such records.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Protocol, TypeVar

from .frozen import Frozen


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


class Titled(Frozen):
    """A record a learner picks by its title; saves and lookups use its id. Subclasses add their fields after these."""

    id: str
    title: str


def menu(records: Iterable[Titled]) -> list[tuple[str, str]]:
    """A dropdown's options for ``records``: each title, standing for its id, in the records' order."""
    return [(record.title, record.id) for record in records]
