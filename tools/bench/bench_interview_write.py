"""Benchmark case: interview-question lab, part 2 (type a new question: check it, redraw the drafts chart)."""

from collections.abc import Callable

from exercises import interview_lab
from tools.bench import setting

NAME = "interview-question lab, part 2: check a rewritten question"
EXERCISE_ID = "interview-lab-write"
DRAFTS = [
    "Would you use an app that reminds club members what they owe?",
    "Tell me about the last time you split the costs of a trip.",
    "As an experienced treasurer, you must see how much time this saves, right?",
    "What have you already tried, and how did it go?",
]


def setup() -> Callable[[int], None]:
    return setting(interview_lab.build_question_checker(), "question", lambda i: f"{DRAFTS[i % len(DRAFTS)]} ({i})")
