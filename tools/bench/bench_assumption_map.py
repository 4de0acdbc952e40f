"""Benchmark case: one assumption-map update (rate an assumption, rank, advise, redraw the map)."""

from collections.abc import Callable

from exercises import assumption_map

NAME = "assumption map: change one assumption's importance"
EXERCISE_ID = "assumption-map"


def setup() -> Callable[[int], None]:
    view = assumption_map.build_assumption_map()
    for number, (importance, evidence) in enumerate([(4, 1), (3, 2), (2, 4), (4, 3), (1, 1)], 1):
        view.controls[f"importance_{number}"].value = importance
        view.controls[f"evidence_{number}"].value = evidence

    def step(i: int) -> None:
        view.controls[f"importance_{1 + i % 6}"].value = 1 + i % 4

    return step
