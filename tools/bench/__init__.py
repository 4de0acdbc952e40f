"""Benchmark cases: one module ``bench_<name>.py`` per case, with ``NAME``, ``EXERCISE_ID`` and ``setup()``."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any


def setting(view: Any, control: str, value: Callable[[int], object]) -> Callable[[int], None]:
    """The step of a case that times one control: update ``i`` sets ``view.controls[control]`` to ``value(i)``."""

    def step(i: int) -> None:
        view.controls[control].value = value(i)

    return step
