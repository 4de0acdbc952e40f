"""Benchmark case: one prioritiser update (parse every estimate, rank, test each estimate at ±50%, redraw)."""

from collections.abc import Callable

from exercises import prioritiser
from tools.bench import setting

NAME = "backlog prioritiser: type a new reach for the top item"
EXERCISE_ID = "prioritiser"


def setup() -> Callable[[int], None]:
    return setting(prioritiser.build_prioritiser(), "reach", lambda i: str(4000 + 1000 * (i % 12)))
