"""The red-flag sorter: its data file, its checks and its widget."""

import copy
import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from exercises import red_flags as rf
from exercises import sorting
from exercises.datafiles import load_json

RAW = load_json("red_flags.json")
SORTER = rf.default_sorter()
IDS = [item.id for item in SORTER.items]


def test_the_data_has_enough_situations_and_the_four_temptations():
    assert len(SORTER.items) >= 12
    answers = {item.id: item.answer for item in SORTER.items}
    for temptation in ("persona-pitches", "run-sales-ops", "senior-engineer", "route-tickets"):
        assert answers[temptation] == "red flag"
    assert {item.answer for item in SORTER.items} == set(rf.CATEGORIES)


def mutate(change):
    data = copy.deepcopy(RAW)
    change(data)
    return data


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda d: d.update({"categories": ["own", "help", "red flag"]}), "categories must be exactly"),
        (lambda d: d.update({"items": d["items"][:11]}), "at least 12 situations"),
        (lambda d: d["items"][0].update({"why": " "}), "Item 0: 'why' must be non-empty text"),
        (lambda d: d["items"][3].update({"answer": "maybe"}), "not one of"),
        (lambda d: d["items"].append(dict(d["items"][0])), "appears twice"),
        (lambda d: [i.update({"answer": "help, but don't own it"}) for i in d["items"] if i["answer"] == "red flag"],
         "No situation belongs in 'red flag'"),
        (lambda d: d.pop("prompt"), "non-empty 'prompt'"),
        (lambda d: d.update({"items": "none"}), "needs a list of items"),
    ],
)
def test_bad_data_is_rejected(change, message):
    with pytest.raises(ValueError, match=message):
        rf.load_sorter(mutate(change))


def test_all_right_answers_score_full_marks():
    result = rf.check({item.id: item.answer for item in SORTER.items})
    assert (result.score, result.unanswered) == (len(IDS), 0)
    assert result.as_dict()["max_score"] == len(IDS)


@given(st.dictionaries(st.sampled_from(IDS), st.one_of(st.none(), st.sampled_from(rf.CATEGORIES))))
def test_score_counts_exactly_the_matching_choices(choices):
    answers = {item.id: item.answer for item in SORTER.items}
    result = rf.check(choices)
    assert result.score == sum(answers[i] == c for i, c in choices.items())
    assert "Score:" in sorting.describe_summary(result)


@given(st.text(max_size=200))
def test_free_text_choices_are_refused_unless_a_category(text):
    if text in rf.CATEGORIES:
        return
    with pytest.raises(ValueError):
        rf.check({IDS[0]: text})


# ---- widget ---------------------------------------------------------------------------------


@pytest.fixture
def view():
    return rf.build_red_flag_sorter()


def test_one_labelled_dropdown_per_situation(view):
    for number, item_id in enumerate(IDS, 1):
        assert view.controls[item_id].description == f"Item {number}"
        assert [label for label, _ in view.controls[item_id].options][1:] == list(rf.CATEGORIES)


def test_checking_with_nothing_chosen_gives_a_message_not_the_answers(view):
    view.controls["check"].click()
    assert sorting.NOTHING_CHOSEN in view.outputs["feedback"].value
    assert "belongs in" not in view.outputs["feedback"].value
    assert view.outputs["chart"].value == ""


def test_feedback_explains_why_and_scores(view):
    view.controls["persona-pitches"].value = "red flag"
    view.controls["sales-objections"].value = "red flag"
    view.controls["check"].click()
    shown = view.outputs["feedback"].value
    assert f"Score: 1 of {len(IDS)}" in shown
    assert "Messaging is marketing&#x27;s work" in shown
    assert "You chose \u201cred flag\u201d; it belongs in \u201chelp, but don&#x27;t own it\u201d" in shown
    assert "alt=\"Bar chart of your sort. Score: 1 of" in view.outputs["chart"].value


def test_save_records_score_and_choices(view, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    for item in SORTER.items:
        view.controls[item.id].value = item.answer
    view.controls["name"].value = "<b>Grace</b>"
    view.controls["save"].click()
    (saved,) = (tmp_path / "my-work").glob("red-flags_b-grace-b_*.json")
    record = json.loads(saved.read_text())
    assert record["results"]["score"] == record["results"]["max_score"] == len(IDS)
    assert record["inputs"]["route-tickets"] == "red flag"
