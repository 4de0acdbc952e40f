"""Benchmark case: one edit of a pitch part (check, render the one-page pitch, redraw the word budget)."""

from collections.abc import Callable

from exercises.vision_pitch.widget import build_pitch_builder
from tools.bench import setting

EXERCISE_ID = "vision-pitch"
NAME = "vision-pitch builder: edit a part"


def setup() -> Callable[[int], None]:
    view = build_pitch_builder()
    view.controls["example"].click()
    sentence = "Failed payments cost us {i}% of revenue, according to the finance report. "
    return setting(view, "problem", lambda i: sentence.format(i=i) * (1 + i % 5))
