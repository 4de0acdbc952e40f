"""Benchmark case: one OKR-checker update (apply every rule to the OKR, redraw the flag chart)."""

from collections.abc import Callable

from exercises import okr_checker
from tools.bench import setting

NAME = "OKR checker: rewrite one key result"
EXERCISE_ID = "okr-checker"
DRAFTS = [
    "Launch the new onboarding flow",
    "Raise the share of new listeners who play ten songs in week one from 35% to 45%",
    "Improve the sign-up screen",
    "Keep quick skips of recommended songs at or below 25%",
    "Grow app downloads by 50%",
]


def setup() -> Callable[[int], None]:
    return setting(okr_checker.build_okr_checker(), "key_result_1", lambda i: f"{DRAFTS[i % len(DRAFTS)]} ({i})")
