"""Benchmark case: one red-flag sorter update (choose a category, check, per-item feedback, redraw the chart)."""

from collections.abc import Callable

from exercises import red_flags

NAME = "red-flag sorter: choose a category and check"


def setup() -> Callable[[int], None]:
    view = red_flags.build_red_flag_sorter()
    items = red_flags.default_sorter().items

    def step(i: int) -> None:
        view.controls[items[i % len(items)].id].value = red_flags.CATEGORIES[i % 3]
        view.controls["check"].click()

    return step
