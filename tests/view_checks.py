"""For the widget tests: a view built afresh for each test, changes made as a learner makes them, what is then shown,
and the check that a problem is shown in place of results."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import Any, TypeVar

import pytest

T = TypeVar("T")


def view_fixture(build: Callable[..., Any], **arguments: Any) -> Any:
    """A fixture returning ``build(**arguments)``, afresh for each test: ``planner = view_fixture(build_planner)``."""

    @pytest.fixture
    def view() -> Any:
        return build(**arguments)

    return view


def all_widgets(root: Any) -> Iterator[Any]:
    """``root`` and every widget under it, depth first."""
    yield root
    for child in getattr(root, "children", ()):
        yield from all_widgets(child)


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


def shown_after(view: Any, **values: Any) -> dict[str, str]:
    """Set controls as a learner would (``shown_after(calc, price="3")``); return what each output then shows."""
    apply_changes(view, values.items())
    return {name: output.value for name, output in view.outputs.items() if hasattr(output, "value")}


def redrawn_after(view: Any, **values: Any) -> dict[str, str]:
    """Like :func:`shown_after`, and check that the chart was redrawn (its image or alt text changed)."""
    before = view.outputs["chart"].value
    shown = shown_after(view, **values)
    assert shown["chart"] != before, "the chart was not redrawn"
    return shown


def assert_shows(shown: dict[str, str], **expected: str | tuple[str, ...]) -> None:
    """Each named output shows each expected text: ``assert_shows(shown, checklist="6 missing", chart=(a, b))``."""
    for output, texts in expected.items():
        for text in [texts] if isinstance(texts, str) else texts:
            assert text in shown[output], f"the {output} output does not show {text!r}"


def control_values(view: Any, names: Iterable[str]) -> dict[str, Any]:
    """The current value of each named control, as the pure layer takes them."""
    return {name: view.controls[name].value for name in names}


def result_or_empty_chart(
    view: Any, changes: Iterable[tuple[str, Any] | tuple[str]], compute: Callable[[], T]
) -> T | None:
    """Make ``changes``, then return ``compute()``: the pure layer's result for the inputs now in the view. When the
    pure layer refuses them (``ValueError``), check that the chart is empty and return None."""
    apply_changes(view, changes)
    try:
        return compute()
    except ValueError:
        assert view.outputs["chart"].value == ""
        return None
