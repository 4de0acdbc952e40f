import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from exercises import sorting

CATEGORIES = ["own it", "help", "red flag"]
RECORDS = [
    {"id": "a", "text": "Write the roadmap", "answer": "own it", "why": "Deciding direction is the job."},
    {"id": "b", "text": "Route every <b>ticket</b>", "answer": "red flag", "why": "Support owns triage."},
    {"id": "c", "text": "Review a pitch deck", "answer": "help", "why": "Marketing owns it."},
]
ITEMS = sorting.load_items(RECORDS, CATEGORIES)


def test_scores_and_counts_per_category():
    result = sorting.check_sort(ITEMS, {"a": "own it", "b": "help", "c": None}, CATEGORIES)
    assert (result.score, result.unanswered) == (1, 1)
    assert result.by_category() == {"own it": (1, 1), "help": (0, 1), "red flag": (0, 1)}
    assert result.summary() == "Score: 1 of 3 (1 not answered yet)"
    assert result.as_dict()["items"]["b"] == {"chosen": "help", "answer": "red flag", "correct": False}


@pytest.mark.parametrize(
    ("records", "message"),
    [
        ([], "at least one"),
        ([{"id": "x", "text": "t", "answer": "maybe", "why": "w"}], "not one of"),
        ([{"id": "x", "text": "t"}], "needs id, text, answer and why"),
        ([RECORDS[0], RECORDS[0]], "appears twice"),
    ],
)
def test_bad_data_is_rejected(records, message):
    with pytest.raises(ValueError, match=message):
        sorting.load_items(records, CATEGORIES)


@given(st.dictionaries(st.sampled_from(["a", "b", "c"]), st.one_of(st.none(), st.sampled_from(CATEGORIES))))
def test_score_is_bounded(choices):
    result = sorting.check_sort(ITEMS, choices, CATEGORIES)
    assert 0 <= result.score <= len(ITEMS) - result.unanswered


@given(st.text())
def test_unknown_choices_raise_value_error(text):
    if text in CATEGORIES:
        return
    with pytest.raises(ValueError):
        sorting.check_sort(ITEMS, {"a": text}, CATEGORIES)


def test_widget_checks_and_escapes(tmp_path, monkeypatch):
    view = sorting.build_sorter("red-flags", "Red-flag sorter", ITEMS, CATEGORIES, prompt="Sort <these>")
    view.controls["a"].value = "own it"
    view.controls["b"].value = "red flag"
    view.controls["check"].click()
    shown = view.outputs["feedback"].value
    assert "Score: 2 of 3 (1 not answered yet)" in shown
    assert "Route every &lt;b&gt;ticket&lt;/b&gt;" in shown and "<b>ticket" not in shown
    assert 'alt="Bar chart of your sort. Score: 2 of 3' in view.outputs["chart"].value
    monkeypatch.chdir(tmp_path)
    view.controls["save"].click()
    (saved,) = (tmp_path / "my-work").glob("*.json")
    assert json.loads(saved.read_text())["results"]["score"] == 2


def test_unanswered_items_do_not_give_the_answer_away():
    shown = sorting.check_sort(ITEMS, {"a": "own it"}, CATEGORIES)._repr_html_()
    assert "Not answered yet" in shown
    assert "Support owns triage" not in shown and "Marketing owns it" not in shown


def test_nothing_chosen_gets_a_message_and_cannot_be_saved(tmp_path, monkeypatch):
    view = sorting.build_sorter("red-flags", "Red-flag sorter", ITEMS, CATEGORIES)
    view.controls["check"].click()
    assert sorting.NOTHING_CHOSEN in view.outputs["feedback"].value and view.outputs["chart"].value == ""
    monkeypatch.chdir(tmp_path)
    view.controls["save"].click()
    assert "Not saved" in view.outputs["status"].value and not (tmp_path / "my-work").exists()
