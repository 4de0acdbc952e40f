"""Benchmark case: edit one canvas box (check all boxes, update the changed box's artists, redraw the image)."""

from collections.abc import Callable

from exercises import lean_canvas
from tools.bench import setting

EXERCISE_ID = "lean-canvas"
NAME = "lean canvas: edit the problem box"


def setup() -> Callable[[int], None]:
    view = lean_canvas.build_lean_canvas()
    base = lean_canvas.example("hiking-club")["problem"]
    return setting(view, "problem", lambda i: f"{base}\nVersion {i}.")  # new text every time: no cache hit
