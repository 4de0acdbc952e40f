"""Benchmark case: one edit of a pitch part (check, render the one-page pitch, redraw the word budget)."""

from collections.abc import Callable

from exercises import vision_pitch

NAME = "vision-pitch builder: edit a part"


def setup() -> Callable[[int], None]:
    view = vision_pitch.build_pitch_builder()
    view.controls["example"].click()

    def step(i: int) -> None:
        view.controls["problem"].value = f"Failed payments cost us {i}% of revenue, according to the finance report. " * (1 + i % 5)

    return step
