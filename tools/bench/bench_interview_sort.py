"""Benchmark case: interview-question lab, part 1 (choose a category, check, redraw the summary chart)."""

from collections.abc import Callable

from exercises import interview_lab

NAME = "interview-question lab, part 1: sort one question and check"


def setup() -> Callable[[int], None]:
    view = interview_lab.build_question_sorter()
    ids = [item.id for item in interview_lab.load_question_bank()]

    def step(i: int) -> None:
        view.controls[ids[i % len(ids)]].value = interview_lab.CATEGORIES[i % 2]
        view.controls["check"].click()

    return step
