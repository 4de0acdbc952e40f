"""Benchmark case: interview-question lab, part 2 (type a new question: check it, redraw the drafts chart)."""

from collections.abc import Callable

from exercises import interview_lab
from tools.bench import numbered_drafts, setting

NAME = "interview-question lab, part 2: check a rewritten question"
EXERCISE_ID = "interview-lab-write"


def setup() -> Callable[[int], None]:
    drafts = [item.text for item in interview_lab.interview_questions().items]  # the bank's open and leading ones
    return setting(interview_lab.build_question_checker(), "question", numbered_drafts(drafts))
