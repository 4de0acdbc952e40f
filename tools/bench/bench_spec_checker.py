"""Benchmark case: one edit of the acceptance criteria (check every section, redraw the chart, render the spec)."""

from collections.abc import Callable

from exercises.spec_checker.widget import build_spec_checker

EXERCISE_ID = "spec-checker"
NAME = "spec checker: edit the acceptance criteria"

TESTABLE = "Given a trip closed {i} days ago, when the reminder run happens, then each member who owes gets one email."
UNTESTABLE = "Reminders are quick and work well."


def setup() -> Callable[[int], None]:
    view = build_spec_checker()
    view.controls["flawed"].click()

    def step(i: int) -> None:
        # A different number of untestable lines each time, so the chart has a new count to draw.
        lines = [TESTABLE.format(i=i)] + [UNTESTABLE] * (i % 4)
        view.controls["criteria"].value = "\n".join(lines)

    return step
