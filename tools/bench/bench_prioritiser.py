"""Benchmark case: one prioritiser update (parse every estimate, rank, test each estimate at ±50%, redraw)."""

from collections.abc import Callable

from exercises import prioritiser

NAME = "backlog prioritiser: type a new reach for the top item"
EXERCISE_ID = "prioritiser"


def setup() -> Callable[[int], None]:
    view = prioritiser.build_prioritiser()

    def step(i: int) -> None:
        view.controls["reach"].value = str(4000 + 1000 * (i % 12))

    return step
