"""Benchmark case: one red-flag sorter update (choose a category, check, per-item feedback, redraw the chart)."""

from collections.abc import Callable

from exercises import red_flags

NAME = "red-flag sorter: choose a category and check"
EXERCISE_ID = "red-flags"


def setup() -> Callable[[int], None]:
    view = red_flags.build_red_flag_sorter()
    sorter = red_flags.red_flags()

    def step(i: int) -> None:
        # Each pass over the items shifts every answer by one category, so every step changes the sort
        # (and the chart), whatever the number of items.
        count = len(sorter.items)
        view.controls[sorter.items[i % count].id].value = sorter.categories[(i + i // count) % 3]
        view.controls["check"].click()

    return step
