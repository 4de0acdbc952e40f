"""Benchmark case: one OKR-checker update (apply every rule to the OKR, redraw the flag chart)."""

from collections.abc import Callable

from exercises import okr_checker
from tools.bench import numbered_drafts, setting

NAME = "OKR checker: rewrite one key result"
EXERCISE_ID = "okr-checker"


def setup() -> Callable[[int], None]:
    drafts = [text for example in okr_checker.okr_rules().examples for text in example.key_results]  # weak and strong
    return setting(okr_checker.build_okr_checker(), "key_result_1", numbered_drafts(drafts))
