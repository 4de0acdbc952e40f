"""Shared test set-up: headless plotting and Hypothesis profiles."""

from __future__ import annotations

import os

# Before Matplotlib is imported anywhere, including the kernels nbval starts (they inherit this).
os.environ["MPLBACKEND"] = "Agg"

from hypothesis import HealthCheck, settings  # noqa: E402

settings.register_profile(
    "course", deadline=None, max_examples=150, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
settings.load_profile("course")


import pytest  # noqa: E402


@pytest.hookimpl(hookwrapper=True, tryfirst=True)
def pytest_runtest_makereport(item, call):
    """Expose each phase's report as item.rep_<phase> (the browser tests screenshot failed pages)."""
    outcome = yield
    report = outcome.get_result()
    setattr(item, f"rep_{report.when}", report)
