"""Scored checks: banks validate, the Python scorer agrees with what the page shows, and text is escaped."""

from __future__ import annotations

import copy

import pytest
from hypothesis import given
from hypothesis import strategies as st

from exercises import registry
from exercises.kit import checks, data

BANK = checks.check(4)


def _raw() -> dict:
    return copy.deepcopy(data.load("check_04.json", schema=checks.SCHEMA))


def test_a_full_marks_attempt_scores_every_question():
    answers = {}
    for q in BANK.questions:
        right = [i for i, o in enumerate(q.options) if o.correct]
        answers[q.id] = q.answer if q.kind == "numeric" else right[0] if q.kind == "single" else right
    result = checks.score(BANK, answers)
    assert result.score == BANK.max_score == 6
    assert result.as_dict()["max_score"] == 6


def test_numeric_answers_accept_the_tolerance_and_thousands_separators():
    question = next(q for q in BANK.questions if q.kind == "numeric")
    assert checks.score(BANK, {question.id: "200"}).correct[1]
    assert checks.score(BANK, {question.id: 200.0}).correct[1]
    assert not checks.score(BANK, {question.id: "1,200"}).correct[1]
    for bad in ("", "abc", "nan", "inf", None, True, [200]):
        assert not checks.score(BANK, {question.id: bad}).correct[1]


def test_multiple_choice_needs_exactly_the_right_set():
    question = next(q for q in BANK.questions if q.kind == "multiple")
    right = [i for i, o in enumerate(question.options) if o.correct]
    index = BANK.questions.index(question)
    assert checks.score(BANK, {question.id: right}).correct[index]
    assert not checks.score(BANK, {question.id: right[:-1]}).correct[index]
    assert not checks.score(BANK, {question.id: [*right, 2]}).correct[index]


@given(st.dictionaries(st.sampled_from([q.id for q in BANK.questions]),
                       st.one_of(st.none(), st.integers(-2, 9), st.lists(st.integers(-1, 5)), st.text(max_size=8),
                                 st.floats(allow_nan=True))))
def test_scoring_never_raises_and_stays_within_the_maximum(answers):
    result = checks.score(BANK, answers)
    assert 0 <= result.score <= BANK.max_score


def test_a_single_choice_question_must_have_one_right_option():
    raw = _raw()
    raw["questions"][0]["options"][0]["correct"] = True
    with pytest.raises(ValueError, match="question 1 .*exactly one right option, not 2"):
        checks.parse_check(raw)


def test_schema_errors_name_the_source_and_the_path():
    raw = _raw()
    del raw["questions"][1]["answer"]
    with pytest.raises(ValueError, match=r"^mine: at /questions/1: .*'answer'"):
        checks.parse_check(raw, source="mine")


def test_the_form_escapes_text_and_keeps_the_script_element_closed():
    raw = _raw()
    raw["questions"][0]["prompt"] = "Is <b>this</b> </script><script>alert(1)</script> safe?"
    html = checks.check_html(checks.parse_check(raw))
    assert "&lt;b&gt;this&lt;/b&gt;" in html
    assert html.count("</script>") == 2  # the data and the code, nothing from the bank
    assert 'aria-live="polite"' in html and "<fieldset" in html and "<legend>" in html


def test_every_check_in_the_registry_points_at_its_chapter():
    for entry in registry.CHECKS:
        assert entry.chapter.startswith(entry.id.removeprefix("check-"))


def test_the_plain_text_form_does_not_give_the_answers_away():
    shown = repr(BANK)
    assert shown.startswith(BANK.title) and f"{BANK.max_score} questions" in shown
    assert "correct" not in shown and BANK.questions[0].options[0].why not in shown
