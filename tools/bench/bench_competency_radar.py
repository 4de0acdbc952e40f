"""Benchmark case: one competency-radar update (validate, plan, redraw the polar chart)."""

from collections.abc import Callable

from exercises import competency_radar

EXERCISE_ID = "competency-radar"
NAME = "competency radar: move a rating slider"


def setup() -> Callable[[int], None]:
    view = competency_radar.build_radar()

    def step(i: int) -> None:
        view.controls["rating_analytics"].value = 1 + i % 5

    return step
