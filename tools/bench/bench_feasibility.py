"""Benchmark case: one calculator update (parse, compute, redraw both charts)."""

from collections.abc import Callable

from exercises import feasibility
from tools.bench import setting

EXERCISE_ID = "feasibility"
NAME = "feasibility calculator: type a new price"


def setup() -> Callable[[int], None]:
    # Prices 10 to 49: most within the willingness to pay, the rest refused with a message.
    return setting(feasibility.build_calculator(willingness_to_pay=45), "price", lambda i: str(10 + i % 40))
