"""Headless tests of the interview-question lab's two widgets."""

from __future__ import annotations

import ipywidgets as widgets
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from chart_reading import bar_heights, bars, markers
from exercises import interview_lab as il
from exercises.interview_lab import chart
from view_checks import shown_after, view_fixture

sorter = view_fixture(il.build_question_sorter)
checker = view_fixture(il.build_question_checker)


def test_sorter_has_a_labelled_dropdown_per_question(sorter):
    items = il.interview_questions().items
    for number, item in enumerate(items, 1):
        dropdown = sorter.controls[item.id]
        assert isinstance(dropdown, widgets.Dropdown) and dropdown.description == f"Item {number}"
        assert dropdown.value is None


def test_sorter_gives_per_item_feedback_and_a_score(sorter):
    sorter.controls["q02"].value = "leading"  # right
    sorter.controls["q01"].value = "leading"  # wrong
    sorter.controls["check"].click()
    shown = sorter.outputs["feedback"].value
    assert "Score: 1 of 24 (22 not answered yet)" in shown
    assert "You chose \u201cleading\u201d; it belongs in \u201copen and neutral\u201d" in shown
    assert "Right: \u201cleading\u201d. Leading: it asks them to approve your idea." in shown
    assert 'alt="Bar chart of your sort. Score: 1 of 24' in sorter.outputs["chart"].value


def test_sorter_saves_score_and_max_score(sorter, save_view):
    for item in il.interview_questions().items:
        sorter.controls[item.id].value = item.answer
    record = save_view(sorter)
    assert "Saved to the my-work folder" in sorter.outputs["status"].value
    assert record["exercise_id"] == "interview-lab-sort"
    assert (record["results"]["score"], record["results"]["max_score"]) == (24, 24)


def test_checker_starts_with_the_sample_checked(checker):
    assert isinstance(checker.controls["question"], widgets.Textarea)
    assert checker.controls["question"].description == "Your question"
    shown = checker.outputs["feedback"].value
    assert "Flags: 3" in shown and "Would you use" in shown
    assert 'alt="Bar chart of flags per draft, 1 drafts. draft 1: 3."' in checker.outputs["chart"].value
    assert "hypothetical-would-you" in checker.outputs["rules"].value


def test_rewriting_the_question_updates_flags_and_history(checker):
    shown = shown_after(checker, question="Tell me about the last time you split a bill.")
    assert "Flags: 0. No leading pattern found." in shown["feedback"] and 'pm-notice-ok' in shown["feedback"]
    assert "draft 1: 3, draft 2: 0." in shown["chart"]


def test_the_check_button_rechecks_without_adding_a_duplicate_draft(checker):
    checker.controls["check"].click()
    checker.controls["check"].click()
    assert "1 drafts" in checker.outputs["chart"].value


def test_each_flag_names_its_words_reason_and_rewording(checker):
    shown = shown_after(checker, question="How frustrating is it, right?")["feedback"]
    assert "Triggered by: \u201cHow frustrating\u201d (rule loaded-how-frustrating)" in shown
    assert "Why it leads:" in shown and "Try instead:" in shown
    assert "<mark" in shown


@pytest.mark.parametrize(
    ("typed", "message"),
    [("", "Your question is empty"), ("   \n ", "Your question is empty"),
     ("Do you like it? " * 6249 + "Do you like it??", "100,000 characters long")],
)
def test_bad_input_shows_a_message_not_a_traceback(checker, typed, message):
    checker.controls["question"].value = typed
    shown = checker.outputs["feedback"].value
    assert message in shown and 'role="alert"' in shown
    assert "Traceback" not in shown


def test_html_and_script_are_shown_as_text(checker):
    checker.controls["question"].value = '<script>alert("x")</script><img src=x onerror=alert(1)> Do you like it?'
    shown = checker.outputs["feedback"].value
    assert "<script>" not in shown and "<img" not in shown
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in shown


def test_any_unicode_is_checked(checker):
    checker.controls["question"].value = "¿Qué hiciste la última vez? 你上次怎么做的？ 🙂 \u202e\u0000"
    assert "Flags: 0" in checker.outputs["feedback"].value


def test_checker_saves_the_question_flags_and_drafts(checker, save_view, work_folder):
    checker.controls["question"].value = "What do you think of our app? <b>be honest</b>"
    record = save_view(checker, name="Ada")
    assert "Saved to the my-work folder" in checker.outputs["status"].value
    (saved,) = work_folder.glob("interview-lab-write_*.json")
    assert record["inputs"]["question"] == "What do you think of our app? <b>be honest</b>"
    assert record["inputs"]["drafts"] == [il.SAMPLE_QUESTION, record["inputs"]["question"]]
    assert record["results"]["flags"] == 2 and record["results"]["flags_per_draft"] == [3, 2]
    markdown = saved.with_suffix(".md").read_text()
    assert "&lt;b&gt;be honest&lt;/b&gt;" in markdown and "<b>" not in markdown


def test_checker_refuses_to_save_an_empty_question(checker, refused_save, work_folder):
    checker.controls["question"].value = ""
    refused_save(checker, "Not saved. Fix your question first.")
    assert not work_folder.exists()


def test_every_control_has_a_visible_label(sorter, checker):
    for view in (sorter, checker):
        for name, control in view.controls.items():
            assert control.description, name


QUESTIONS = [
    il.SAMPLE_QUESTION, "Tell me about the last time you split a bill.", "Do you like it?",
    "How frustrating is it, right?", "What did you do next, and why?", "", "   ", "  Do you like it?  ",
]


@settings(max_examples=50)
@given(st.lists(st.tuples(st.sampled_from(["type", "check"]), st.integers(0, len(QUESTIONS) - 1)),
                min_size=1, max_size=20))
def test_the_drafts_chart_always_shows_the_current_drafts(actions):
    """After any sequence of typing and checking: one bar per draft kept, as high as its flags, in order."""
    view = il.build_question_checker()
    drafts: list[str] = []  # what a learner made: each valid question that differs from the draft before

    def checked(value: str) -> None:
        try:
            question = il.check_question(value).question
        except ValueError:
            return
        if not drafts or drafts[-1] != question:
            drafts.append(question)

    checked(il.SAMPLE_QUESTION)
    for action, n in actions:
        if action == "type":
            value = QUESTIONS[n]
            if value != view.controls["question"].value:
                checked(value)
            view.controls["question"].value = value
        else:
            view.controls["check"].click()
            checked(view.controls["question"].value)
    counts = [len(il.check_question(draft).flags) for draft in drafts][-il.MAX_DRAFTS_KEPT:]
    ax = view.charts["chart"].figure.axes[0]
    shown = bars(ax)
    assert bar_heights(ax) == counts
    assert [x for x, _, _ in shown] == list(range(1, len(counts) + 1))
    assert [colour for _, _, colour in shown] == [chart.NO_FLAGS if c == 0 else chart.SOME_FLAGS for c in counts]
    assert markers(ax) == [(n, 0, chart.NO_FLAGS) for n, c in enumerate(counts, 1) if c == 0]
    assert ax.get_xlim() == (0.4, max(len(counts), 3) + 0.6)
    assert f'alt="{chart.describe_draft_history(counts)}"' in view.outputs["chart"].value


def test_the_drafts_chart_keeps_the_last_30_drafts(checker):
    questions = [f"Tell me about trip number {n}." if n % 2 else f"Do you like plan {n}?" for n in range(35)]
    for question in questions:
        checker.controls["question"].value = question
    counts = [len(il.check_question(q).flags) for q in [il.SAMPLE_QUESTION, *questions]][-il.MAX_DRAFTS_KEPT:]
    assert bar_heights(checker.charts["chart"].figure.axes[0]) == counts
    assert f"{il.MAX_DRAFTS_KEPT} drafts. draft 1: {counts[0]}," in checker.outputs["chart"].value
