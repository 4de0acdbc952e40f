"""Benchmark case: one red-flag sorter update (choose a category, check, per-item feedback, redraw the chart)."""

from collections.abc import Callable

from exercises import red_flags

NAME = "red-flag sorter: choose a category and check"
EXERCISE_ID = "red-flags"


def setup() -> Callable[[int], None]:
    view = red_flags.build_red_flag_sorter()
    sorter = red_flags.red_flags()

    def step(i: int) -> None:
        view.controls[sorter.items[i % len(sorter.items)].id].value = sorter.categories[i % 3]
        view.controls["check"].click()

    return step
