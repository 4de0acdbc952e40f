"""Headless tests of the audience translator widget."""

import ipywidgets as widgets
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from exercises import audience_translator as at
from exercises.kit import render
from exercises.kit.sorting import check_sort
from exercises.kit.sorting_chart import describe_summary
from view_checks import all_widgets, view_fixture

SCENARIO = at.audience_scenario()


view = view_fixture(at.build_translator)


def test_starts_with_the_managers_brief_and_an_invitation_to_write(view):
    assert view.controls["audience"].value == "senior-manager"
    assert "Writing for: Senior manager" in view.outputs["brief"].value
    assert "Write your message above" in view.outputs["feedback"].value


def test_has_exactly_one_save_button_and_labelled_controls(view):
    buttons = [w for w in all_widgets(view.root) if isinstance(w, widgets.Button)]
    assert [b.description for b in buttons].count("Save my work") == 1
    for control in view.controls.values():
        assert control.description, control


def test_sorting_the_messages_scores_them(view):
    for item in SCENARIO.candidates:
        view.controls[item.id].value = item.answer
    view.controls[SCENARIO.candidates[0].id].value = "Sales team"
    view.controls["check"].click()
    shown = view.outputs["sort_feedback"].value
    assert f"Score: {len(SCENARIO.candidates) - 1} of {len(SCENARIO.candidates)}" in shown
    assert "it belongs in \u201cEngineering team\u201d" in shown
    assert view.outputs["sort_chart"].value.startswith('<img class="pm-chart"')


def test_writing_a_message_shows_jargon_concerns_and_reading_level(view):
    view.controls["message"].value = "We are migrating to Kafka. The broker cluster is ready."
    shown = view.outputs["feedback"].value
    assert "Jargon:</strong>" in shown and "kafka \u00d71" in shown and "broker \u00d71" in shown
    assert "How much it costs:</strong> not addressed" in shown
    assert "Reading level:</strong> grade" in shown


def test_changing_the_audience_rechecks_the_same_message(view):
    view.controls["message"].value = "Sprint 14 ships the Kafka consumer because polling fell over."
    assert "kafka" in view.outputs["feedback"].value
    view.controls["audience"].value = "engineering"
    assert "Writing for: Engineering team" in view.outputs["brief"].value
    assert "Jargon:</strong> none" in view.outputs["feedback"].value


@pytest.mark.parametrize(
    ("text", "expected"),
    [("", "Write your message above"), ("x" * 100_000, "too long"), ("... !!!", "no words")],
)
def test_empty_or_bad_messages_get_a_message_not_a_traceback(view, text, expected):
    view.controls["message"].value = text
    view.controls["check_message"].click()
    assert expected in view.outputs["feedback"].value


def test_script_in_a_message_is_shown_as_text(view):
    view.controls["audience"].value = "customer"
    view.controls["message"].value = "<script>alert('x')</script> <img src=x onerror=alert(1)> staging"
    shown = view.outputs["feedback"].value
    assert "<script" not in shown and "<img src=x" not in shown


def test_save_my_work_records_the_sort_and_the_message(view, save_view, work_folder):
    first = SCENARIO.candidates[0]
    view.controls[first.id].value = first.answer
    view.controls["message"].value = "Because peak load <b>breaks</b> it, we need 3 weeks and 1,200 a month."
    record = save_view(view)
    assert "Saved to the my-work folder" in view.outputs["status"].value
    assert record["exercise_id"] == "audience-translator"
    assert record["results"]["score"] == 1 and record["results"]["max_score"] == len(SCENARIO.candidates)
    assert record["inputs"]["audience"] == "senior-manager"
    assert record["results"]["message_check"]["concerns"]["How much it costs"] == []
    (markdown,) = work_folder.glob("*.md")
    text = markdown.read_text()
    assert "## My message for: Senior manager" in text and "&lt;b&gt;breaks&lt;/b&gt;" in text


def test_save_refuses_an_overlong_message(view, refused_save, work_folder):
    view.controls["message"].value = "word " * 30_000
    refused_save(view, "Not saved. Fix your message first.")
    assert not work_folder.exists()


_SHARED_VIEW = at.build_translator()


@settings(max_examples=40)
@given(st.text(max_size=300).map(lambda s: s + " <script>x</script>"))
def test_any_typed_message_gets_feedback_and_no_markup(text):
    _SHARED_VIEW.controls["message"].value = text
    shown = _SHARED_VIEW.outputs["feedback"].value
    assert 'class="pm-notice' in shown or "concerns addressed" in shown
    assert "<script" not in shown


@settings(max_examples=40)
@given(st.lists(st.tuples(st.integers(0, len(SCENARIO.candidates) - 1),
                          st.sampled_from([None, *SCENARIO.categories]), st.booleans()), min_size=1, max_size=10))
def test_the_sort_chart_always_shows_the_last_checked_sort(changes):
    view = at.build_translator()
    checked = None
    for index, choice, press_check in changes:
        view.controls[SCENARIO.candidates[index].id].value = choice
        if press_check:
            view.controls["check"].click()
            checked = check_sort(SCENARIO.candidates, {item.id: view.controls[item.id].value
                                                       for item in SCENARIO.candidates}, SCENARIO.categories)
    chart = view.outputs["sort_chart"].value
    if checked is None or checked.unanswered == len(SCENARIO.candidates):
        assert chart == ""
    else:
        assert f'alt="{render.escape(describe_summary(checked))}"' in chart
        assert chart.count("<img ") == 1
