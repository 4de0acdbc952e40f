"""The red-flag sorter's widget: the kit's sorter with the course's situations."""

from __future__ import annotations

from ..kit.sorting_widget import build_sorter
from ..kit.views import ExerciseView
from .model import red_flags

EXERCISE_ID = "red-flags"


def build_red_flag_sorter() -> ExerciseView:
    """One labelled dropdown per situation, Check my answers, per-item feedback, a chart and Save my work."""
    sorter = red_flags()
    return build_sorter(EXERCISE_ID, sorter.items, sorter.categories, prompt=sorter.prompt)
