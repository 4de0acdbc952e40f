"""Benchmark case: one edit of a pitch part (check, render the one-page pitch, redraw the word budget)."""

from collections.abc import Callable

from exercises.vision_pitch.widget import build_pitch_builder

EXERCISE_ID = "vision-pitch"
NAME = "vision-pitch builder: edit a part"


def setup() -> Callable[[int], None]:
    view = build_pitch_builder()
    view.controls["example"].click()

    def step(i: int) -> None:
        sentence = f"Failed payments cost us {i}% of revenue, according to the finance report. "
        view.controls["problem"].value = sentence * (1 + i % 5)

    return step
