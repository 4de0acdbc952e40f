"""Benchmark case: one edit of the acceptance criteria (check every section, redraw the chart, render the spec)."""

from collections.abc import Callable

from exercises.spec_checker.widget import build_spec_checker
from tools.bench import setting

EXERCISE_ID = "spec-checker"
NAME = "spec checker: edit the acceptance criteria"

TESTABLE = "Given a trip closed {i} days ago, when the reminder run happens, then each member who owes gets one email."
UNTESTABLE = "Reminders are quick and work well."


def setup() -> Callable[[int], None]:
    view = build_spec_checker()
    view.controls["flawed"].click()
    # A different number of untestable lines each time, so the chart has a new count to draw.
    return setting(view, "criteria", lambda i: "\n".join([TESTABLE.format(i=i)] + [UNTESTABLE] * (i % 4)))
