"""Benchmark case: one calculator update (parse, compute, redraw both charts)."""

from collections.abc import Callable

from exercises import feasibility

EXERCISE_ID = "feasibility"
NAME = "feasibility calculator: type a new price"


def setup() -> Callable[[int], None]:
    view = feasibility.build_calculator()

    def step(i: int) -> None:
        view.controls["price"].value = str(10 + i % 40)

    return step
