"""Benchmark case: edit the dated next steps in the personal plan (parse, check dates, show the table)."""

from collections.abc import Callable
from datetime import date

from exercises.personal_plan.widget import build_personal_plan

EXERCISE_ID = "personal-plan"
NAME = "personal plan: edit the next steps"


def setup() -> Callable[[int], None]:
    view = build_personal_plan(today=date(2026, 11, 23))
    note = view.controls["friend_note"]

    def step(i: int) -> None:
        view.controls["steps"].value = f"2026-12-{1 + i % 28:02d} Ask a PM for coffee\n2027-01-15 Apply for one role"
        note.value = f"You were brave to apply ({i}). It is normal to feel low; next week, ask for feedback."

    return step
