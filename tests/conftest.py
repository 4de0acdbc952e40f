"""Shared test set-up: headless plotting, Hypothesis profiles, and saving from a widget."""

from __future__ import annotations

import json
import os
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

# Before Matplotlib is imported anywhere, including the kernels nbval starts (they inherit this).
os.environ["MPLBACKEND"] = "Agg"

import pytest
from hypothesis import HealthCheck, settings

from browsers import unavailable

settings.register_profile(
    "course", deadline=None, max_examples=150, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
settings.load_profile("course")


@pytest.fixture
def work_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A fresh working directory; saves land in its ``my-work`` folder."""
    monkeypatch.chdir(tmp_path)
    return tmp_path / "my-work"


@pytest.fixture
def save_view(work_folder: Path) -> Callable[..., dict[str, Any] | None]:
    """``save_view(view, name="Ada")`` clicks Save and returns the newest JSON record, or None if nothing was saved."""

    def save(view: Any, name: str = "") -> dict[str, Any] | None:
        before = set(work_folder.glob("*.json")) if work_folder.exists() else set()
        view.controls["name"].value = name
        view.controls["save"].click()
        new = sorted(set(work_folder.glob("*.json")) - before) if work_folder.exists() else []
        return json.loads(new[-1].read_text(encoding="utf-8")) if new else None

    return save


@pytest.hookimpl(hookwrapper=True, tryfirst=True)
def pytest_runtest_makereport(item, call):
    """Expose each phase's report as item.rep_<phase> (the browser tests screenshot failed pages)."""
    outcome = yield
    report = outcome.get_result()
    setattr(item, f"rep_{report.when}", report)


@pytest.fixture
def write_notebook() -> Callable[..., Path]:
    """``write_notebook(path, ("markdown", "# Title"), ("code", "x = 1"))`` writes a minimal notebook (folders too)."""

    def write(path: Path, *cells: tuple[str, str]) -> Path:
        path.parent.mkdir(parents=True, exist_ok=True)
        notebook = {"cells": [{"cell_type": kind, "metadata": {}, "source": source} for kind, source in cells],
                    "metadata": {}, "nbformat": 4, "nbformat_minor": 5}
        path.write_text(json.dumps(notebook), encoding="utf-8")
        return path

    return write


@pytest.fixture
def refused_save(save_view: Callable[..., dict[str, Any] | None]) -> Callable[..., None]:
    """``refused_save(view, "Fix the inputs first.", name="Ada")`` clicks Save and checks that nothing was saved
    and that the status says "Not saved" with each of the given reasons."""

    def refused(view: Any, *reasons: str, name: str = "") -> None:
        assert save_view(view, name) is None
        status = view.outputs["status"].value
        assert "Not saved" in status
        for reason in reasons:
            assert reason in status

    return refused


@pytest.fixture(scope="session")
def chromium() -> Iterator[object]:
    """One headless Chromium for every browser test of the session (the built site's and Run live's)."""
    try:
        import playwright.sync_api  # noqa: F401 - only to say so when it is missing
    except ImportError:
        unavailable("the playwright package is not installed")
    from tools import sitekit  # here, not above: the tests also run in Pyodide, which has no browser

    if sitekit.find_chromium() is None:
        unavailable("no Chromium at /usr/bin/chromium (Debian: apt-get install chromium)")
    with sitekit.browser() as browser:
        yield browser
