"""Benchmark case: rate one key skill in the personal plan (summary, suggestions, chart redraw)."""

from collections.abc import Callable
from datetime import date

from exercises.personal_plan.widget import build_personal_plan

EXERCISE_ID = "personal-plan"
NAME = "personal plan: change a skill rating"
SKILLS = ("communication", "engineering", "sales", "customer", "ambiguity")


def setup() -> Callable[[int], None]:
    view = build_personal_plan(today=date(2026, 11, 23))

    def step(i: int) -> None:
        view.controls[SKILLS[i % len(SKILLS)]].value = 1 + (i // len(SKILLS)) % 5

    return step
