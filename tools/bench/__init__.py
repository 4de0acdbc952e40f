"""Benchmark cases: one module ``bench_<name>.py`` per case, with ``NAME``, ``EXERCISE_ID`` and ``setup()``."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any


def setting(view: Any, control: str, value: Callable[[int], object]) -> Callable[[int], None]:
    """The step of a case that times one control: update ``i`` sets ``view.controls[control]`` to ``value(i)``."""

    def step(i: int) -> None:
        view.controls[control].value = value(i)

    return step


def numbered_drafts(drafts: Sequence[str]) -> Callable[[int], str]:
    """Update ``i`` types ``drafts[i % len(drafts)]`` followed by `` (i)``, so that no two updates type the same text
    (an unchanged text would hit the exercise's cache and time nothing)."""
    return lambda i: f"{drafts[i % len(drafts)]} ({i})"
