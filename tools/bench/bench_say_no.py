"""Benchmark case: take back the last reply and give another that ends the conversation (debrief and chart redrawn)."""

from collections.abc import Callable

from exercises import say_no

EXERCISE_ID = "say-no"
NAME = "say-no role-play: back, then a reply that ends the conversation"


def setup() -> Callable[[int], None]:
    view = say_no.build_role_play()
    view.controls["reply"].value = "flat-no"
    view.controls["answer"].click()
    view.controls["reply"].value = "recover"
    view.controls["answer"].click()

    def step(i: int) -> None:
        view.controls["back"].click()
        view.controls["reply"].value = "recover" if i % 2 else "escalate"
        view.controls["answer"].click()

    return step
