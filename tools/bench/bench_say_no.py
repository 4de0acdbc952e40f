"""Benchmark case: one role-play move (reply, then back), redrawing the debrief and its chart when a conversation ends."""

from collections.abc import Callable

from exercises import say_no

NAME = "say-no role-play: give a reply (finishing the conversation) or take it back"


def setup() -> Callable[[int], None]:
    view = say_no.build_role_play()
    view.controls["reply"].value = "flat-no"
    view.controls["answer"].click()

    def step(i: int) -> None:
        if i % 2 == 0:
            view.controls["reply"].value = "recover" if i % 4 == 0 else "escalate"
            view.controls["answer"].click()  # ends the conversation: debrief and chart
        else:
            view.controls["back"].click()

    return step
