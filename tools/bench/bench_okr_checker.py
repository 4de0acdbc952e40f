"""Benchmark case: one OKR-checker update (apply every rule to the OKR, redraw the flag chart)."""

from collections.abc import Callable

from exercises import okr_checker

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
    view = okr_checker.build_okr_checker()

    def step(i: int) -> None:
        view.controls["key_result_1"].value = f"{DRAFTS[i % len(DRAFTS)]} ({i})"

    return step
