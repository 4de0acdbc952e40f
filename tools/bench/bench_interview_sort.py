"""Benchmark case: interview-question lab, part 1 (choose a category, check, redraw the summary chart)."""

from collections.abc import Callable

from exercises import interview_lab

NAME = "interview-question lab, part 1: sort one question and check"
EXERCISE_ID = "interview-lab-sort"


def setup() -> Callable[[int], None]:
    view = interview_lab.build_question_sorter()
    bank = interview_lab.interview_questions()
    ids = [item.id for item in bank.items]

    def step(i: int) -> None:
        # Each pass over the questions flips every answer, so every step changes the sort (and the chart).
        view.controls[ids[i % len(ids)]].value = bank.categories[(i + i // len(ids)) % 2]
        view.controls["check"].click()

    return step
