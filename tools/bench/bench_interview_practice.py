"""Benchmark case: tick a checklist item and check the answer again (hints, outline and chart redrawn)."""

from collections.abc import Callable

from exercises.interview_practice.widget import build_interview_practice

EXERCISE_ID = "interview-practice"
NAME = "interview practice: tick an item and check the answer"
ANSWER = ("Assume 900,000 households; say one in five has a dog. Twice a week at 15 per walk is about 28 million a "
          "year. Check: about 1,500 walks a day, which seems reasonable.")


def setup() -> Callable[[int], None]:
    view = build_interview_practice(seed=1)
    view.controls["type"].value = "estimation"
    view.controls["answer"].value = ANSWER

    def step(i: int) -> None:
        box = view.controls[f"item_{1 + i % 4}"]
        box.value = not box.value
        view.controls["check"].click()

    return step
