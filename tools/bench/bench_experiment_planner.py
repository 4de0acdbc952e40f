"""Benchmark case: one experiment-planner update (parse, plan, sample-size curve, redraw both charts)."""

from collections.abc import Callable

from exercises import experiment_planner
from tools.bench import setting

NAME = "experiment planner: type a new minimum detectable effect"
EXERCISE_ID = "experiment-planner"


def setup() -> Callable[[int], None]:
    view = experiment_planner.build_planner(look_plan="daily")
    return setting(view, "effect_points", lambda i: str(0.5 + (i % 24) / 4))
