"""Benchmark case: one roadmap update (place the backlog, run the checks, redraw the chart)."""

from collections.abc import Callable

from exercises import roadmap
from exercises.kit.views import batched

NAME = "roadmap builder: move an item between now, next and later"
EXERCISE_ID = "roadmap"
PLACES = ("now", "next", "later", "auto")


def setup() -> Callable[[int], None]:
    view = roadmap.build_roadmap()
    items = [value for _label, value in view.controls["item"].options]

    def step(i: int) -> None:
        with batched():  # choose an item, then move it somewhere it is not: every step changes the roadmap
            view.controls["item"].value = items[(i * 5) % len(items)]
            current = view.controls["place"].value
            view.controls["place"].value = PLACES[(PLACES.index(current) + 1) % len(PLACES)]

    return step
