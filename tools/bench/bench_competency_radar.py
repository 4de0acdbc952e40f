"""Benchmark case: one competency-radar update (validate, plan, redraw the polar chart)."""

from collections.abc import Callable

from exercises import competency_radar
from tools.bench import setting

EXERCISE_ID = "competency-radar"
NAME = "competency radar: move a rating slider"


def setup() -> Callable[[int], None]:
    return setting(competency_radar.build_radar(), "rating_analytics", lambda i: 1 + i % 5)
