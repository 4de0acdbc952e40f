"""What the browser tests share beyond fixtures: on CI a missing browser or build fails, elsewhere it skips."""

from __future__ import annotations

import os

import pytest

ON_CI = os.environ.get("CI") == "true"


def unavailable(reason: str) -> None:
    """Skip the test, or fail it on CI (CI=true), where every browser test must run."""
    if ON_CI:
        pytest.fail(f"{reason} (CI=true: browser tests must run)")
    pytest.skip(reason)
