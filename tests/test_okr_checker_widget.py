"""Headless tests of the OKR checker: type an OKR as a learner would, read the flags, the chart and the limits."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from exercises import okr_checker as okr
from exercises.kit import render
from exercises.okr_checker import chart
from view_checks import redrawn_after, view_fixture

GOOD = "Raise the share of new listeners who play ten songs in week one from 35% to 45%"


view = view_fixture(okr.build_okr_checker)


def test_starts_with_the_draft_and_its_flags(view):
    assert view.controls["objective"].value == "Improve onboarding"
    shown = view.outputs["results"].value
    assert "6 flags" in shown and "Key result 1: \u201cLaunch the new onboarding flow\u201d" in shown
    assert 'alt="Bar chart of flags per line of the OKR, 6 in all: Objective: 0 flags; Key result 1: 2 flags' \
        in view.outputs["chart"].value


def test_the_limits_and_every_rule_are_shown(view):
    limits = view.outputs["limits"].value
    assert "How the checker works, and its limits" in limits
    assert "It reads words, not meaning." in limits
    assert "launch, launched, ship" in limits and "at or below" in limits


def test_rewriting_a_key_result_removes_its_flags_and_redraws(view):
    shown = redrawn_after(view, key_result_1=GOOD)
    assert "4 flags" in shown["results"] and "Launch the new" not in shown["results"]
    assert "Key result 1: 0 flags" in shown["chart"]


def test_choosing_the_stronger_example_fills_every_box(view):
    view.controls["start"].value = "stronger"
    assert view.controls["key_result_4"].value.startswith("Keep quick skips")
    assert view.controls["key_result_5"].value == ""
    assert "0 flags" in view.outputs["results"].value and "No flags" in view.outputs["results"].value
    view.controls["start"].value = "blank"
    assert "Objective: this field is empty" in view.outputs["message"].value
    assert view.outputs["chart"].value == ""


def test_an_objective_alone_gets_a_message(view):
    view.controls["start"].value = "blank"
    view.controls["objective"].value = "Happier treasurers"
    assert "Key results: write at least one" in view.outputs["message"].value
    view.controls["key_result_2"].value = GOOD
    assert view.outputs["message"].value == ""
    assert "Key result 2" in view.outputs["chart"].value and "Key result 1:" not in view.outputs["chart"].value


def test_markup_is_shown_as_text(view):
    view.controls["key_result_1"].value = "Launch <img src=x onerror=alert(1)>"
    shown = view.outputs["results"].value
    assert "<img" not in shown and "&lt;img src=x" in shown


def test_saving_the_untouched_example_is_refused_then_your_own_is_saved(view, save_view, refused_save):
    refused_save(view, "This is still the example")
    view.controls["objective"].value = "New listeners love their first week"
    record = save_view(view, name="Kai")
    assert record["inputs"]["objective"] == "New listeners love their first week"
    assert record["inputs"]["key_results"][1] == "Increase app downloads by 50%"
    assert record["results"]["flag_count"] == 6
    assert record["results"]["flags"][0]["rule"] == "output-verb"


LINES = ["Launch the app", GOOD, "Improve search", "Keep refunds at or below 2%", "Grow followers to 5,000", ""]


@settings(max_examples=40)
@given(st.lists(st.tuples(st.integers(0, 5), st.integers(0, len(LINES) - 1)), min_size=1, max_size=8))
def test_the_chart_always_shows_the_current_flags(changes):
    view = okr.build_okr_checker()
    for box, line in changes:
        name = "objective" if box == 0 else f"key_result_{box}"
        view.controls[name].value = LINES[line] or ("" if box else "An objective")
    try:
        result = okr.check_okr(view.controls["objective"].value,
                               [view.controls[f"key_result_{n}"].value for n in range(1, 6)])
    except ValueError as error:
        assert render.escape(str(error)) in view.outputs["message"].value
        return
    ax = view.charts["chart"].figure.axes[0]
    rows = chart.counts(result)
    assert [t.get_text() for t in ax.get_yticklabels()] == [line for line, _ in rows]
    assert list(ax.get_yticks()) == list(range(len(rows)))[::-1]  # the objective at the top
    (bars,) = ax.collections
    ys = [path.vertices[:, 1] for path in bars.get_paths()]
    assert [path.vertices[:, 0].max() for path in bars.get_paths()] == [n for _, n in rows]  # each bar's length
    assert [(y.min() + y.max()) / 2 for y in ys] == pytest.approx(list(range(len(rows)))[::-1])  # and its row
    labels = [t.get_text() for t in ax.texts]
    assert labels == ["no flags" if n == 0 else str(n) for _, n in rows]
    assert f'alt="{render.escape(chart.describe_flags(result))}"' in view.outputs["chart"].value
