"""Benchmark case: one calculator update (parse, compute, redraw both charts)."""

from collections.abc import Callable

from exercises import feasibility

EXERCISE_ID = "feasibility"
NAME = "feasibility calculator: type a new price"


def setup() -> Callable[[int], None]:
    view = feasibility.build_calculator(willingness_to_pay=45)

    def step(i: int) -> None:
        # Prices 10 to 49: most within the willingness to pay, the rest refused with a message.
        view.controls["price"].value = str(10 + i % 40)

    return step
