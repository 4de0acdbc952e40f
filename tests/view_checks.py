"""For the widget tests: a view built afresh for each test; the check that a problem is shown in place of results."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import Any

import pytest


def view_fixture(build: Callable[..., Any], **arguments: Any) -> Any:
    """A fixture returning ``build(**arguments)``, afresh for each test: ``planner = view_fixture(build_planner)``."""

    @pytest.fixture
    def view() -> Any:
        return build(**arguments)

    return view


def assert_problem_shown(
    view: Any,
    *texts: str,
    hidden: tuple[str, str] | None = None,
    emptied: Sequence[str] = ("chart",),
) -> None:
    """The view's ``message`` output is an alert that contains each of ``texts``; in place of results,
    ``hidden = (output, note)`` shows the note and each output named in ``emptied`` is empty."""
    shown = view.outputs["message"].value
    assert 'role="alert"' in shown
    for text in texts:
        assert text in shown
    if hidden is not None:
        output, note = hidden
        assert note in view.outputs[output].value
    for output in emptied:
        assert view.outputs[output].value == ""


def apply_changes(view: Any, changes: Iterable[tuple[str, Any] | tuple[str]]) -> None:
    """Make each change as a learner would: ``(control, value)`` sets a control's value, ``(button,)`` clicks it."""
    for change in changes:
        if len(change) == 1:
            view.controls[change[0]].click()
        else:
            control, value = change
            view.controls[control].value = value
