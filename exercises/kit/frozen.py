"""``Frozen``: the base of the course's value types.

Every setting, data record and result in the course is an immutable dataclass, so a learner's
inputs can be compared, cached and saved without one update changing another's values. Subclassing
``Frozen`` states that rule once: ``class Scenario(Frozen):`` means ``@dataclass(frozen=True)``.
Type checkers read it through PEP 681's ``dataclass_transform``; ``dataclasses.fields``,
``replace`` and ``asdict`` work as on any dataclass. Standard library only.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, dataclass_transform


@dataclass_transform(frozen_default=True, field_specifiers=(field,))
class Frozen:
    """Subclasses are frozen dataclasses: fields are declared as ``name: type [= default]``."""

    __slots__ = ()

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        dataclass(frozen=True)(cls)
