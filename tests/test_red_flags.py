"""The red-flag sorter: its data file, its checks and its widget."""

import copy

import pytest
from hypothesis import given
from hypothesis import strategies as st

from exercises import red_flags as rf
from exercises.kit import data, sorting, sorting_chart
from view_checks import view_fixture

RAW = data.load("red_flags.json")
SORTER = rf.red_flags()
IDS = [item.id for item in SORTER.items]
CATEGORIES = ("the PM owns it", "help, but don't own it", "red flag")


def test_the_data_has_enough_situations_and_the_posts_temptations():
    """The anti-patterns post's pulls back to an old job (sales, engineering, support) are red flags.

    Its question about writing every persona pitch for marketing is not about an old job, and the
    chapter does not present it as one of them, so no marketing item is a red flag here.
    """
    assert len(SORTER.items) >= 12
    answers = {item.id: item.answer for item in SORTER.items}
    for temptation in ("pipeline-review", "every-sales-call", "schema-design", "route-urgent-tickets"):
        assert answers[temptation] == "red flag"
    assert {item.answer for item in SORTER.items} == set(CATEGORIES)
    assert not [item.id for item in SORTER.items if item.answer == "red flag" and "marketing" in item.text.lower()]


def test_no_category_gives_itself_away_by_length():
    mean = {
        c: sum(len(i.text.split()) for i in SORTER.items if i.answer == c) / sum(i.answer == c for i in SORTER.items)
        for c in CATEGORIES
    }
    assert max(mean.values()) <= 1.25 * min(mean.values()), mean


def mutate(change):
    data = copy.deepcopy(RAW)
    change(data)
    return data


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda d: d.update({"categories": ["own", "help", "red flag"]}),
         r"^red_flags\.json: at /categories: \['the PM owns it', \"help, but don't own it\", 'red flag'\] "
         "was expected"),
        (lambda d: d.update({"items": d["items"][:11]}), r"^red_flags\.json: at /items: .* is too short"),
        (lambda d: d["items"][0].update({"why": " "}), r"^red_flags\.json: at /items/0/why: ' ' does not match"),
        (lambda d: d["items"][2].update({"phrasing": "question"}),
         r"^red_flags\.json: at /items/2/phrasing: 'question' is not one of \['command', 'request', 'situation'\]"),
        (lambda d: d["items"][2].pop("phrasing"), r"^red_flags\.json: at /items/2: 'phrasing' is a required property"),
        (lambda d: d["items"][3].update({"answer": "maybe"}), r"^red_flags\.json: .*not one of"),
        (lambda d: d["items"].append(dict(d["items"][0])), r"^red_flags\.json: .*appears twice"),
        (lambda d: [i.update({"answer": "help, but don't own it"}) for i in d["items"] if i["answer"] == "red flag"],
         r"^red_flags\.json: No situation belongs in 'red flag'"),
        (lambda d: d.pop("prompt"), r"^red_flags\.json: at /: 'prompt' is a required property"),
        (lambda d: d.update({"items": "none"}), r"^red_flags\.json: at /items: 'none' is not of type 'array'"),
    ],
)
def test_bad_data_is_rejected(change, message):
    with pytest.raises(ValueError, match=message):
        rf.parse_red_flags(mutate(change))


def test_custom_data_is_named_in_its_errors():
    with pytest.raises(ValueError, match=r"^my-sorter\.json: at /: 'prompt' is a required property"):
        rf.parse_red_flags(mutate(lambda d: d.pop("prompt")), source="my-sorter.json")


def test_all_right_answers_score_full_marks():
    result = rf.check({item.id: item.answer for item in SORTER.items})
    assert (result.score, result.unanswered) == (len(IDS), 0)
    assert result.as_dict()["max_score"] == len(IDS)


@given(st.dictionaries(st.sampled_from(IDS), st.one_of(st.none(), st.sampled_from(CATEGORIES))))
def test_score_counts_exactly_the_matching_choices(choices):
    answers = {item.id: item.answer for item in SORTER.items}
    result = rf.check(choices)
    assert result.score == sum(answers[i] == c for i, c in choices.items())
    assert "Score:" in sorting_chart.describe_summary(result)


@given(st.text(max_size=200))
def test_free_text_choices_are_refused_unless_a_category(text):
    if text in CATEGORIES:
        return
    with pytest.raises(ValueError):
        rf.check({IDS[0]: text})


# ---- widget ---------------------------------------------------------------------------------


view = view_fixture(rf.build_red_flag_sorter)


def test_one_labelled_dropdown_per_situation(view):
    for number, item_id in enumerate(IDS, 1):
        assert view.controls[item_id].description == f"Item {number}"
        assert [label for label, _ in view.controls[item_id].options][1:] == list(CATEGORIES)


def test_checking_with_nothing_chosen_gives_a_message_not_the_answers(view):
    view.controls["check"].click()
    assert sorting.NOTHING_CHOSEN in view.outputs["feedback"].value
    assert "belongs in" not in view.outputs["feedback"].value
    assert view.outputs["chart"].value == ""


def test_feedback_explains_why_and_scores(view):
    view.controls["every-sales-call"].value = "red flag"
    view.controls["one-sales-call"].value = "red flag"
    view.controls["check"].click()
    shown = view.outputs["feedback"].value
    assert f"Score: 1 of {len(IDS)}" in shown
    assert "One call now and then is help; every call" in shown
    assert "You chose \u201cred flag\u201d; it belongs in \u201chelp, but don&#x27;t own it\u201d" in shown
    assert "alt=\"Bar chart of your sort. Score: 1 of" in view.outputs["chart"].value


def test_save_records_score_and_choices(view, save_view, work_folder):
    for item in SORTER.items:
        view.controls[item.id].value = item.answer
    record = save_view(view, name="<b>Grace</b>")
    assert len(list(work_folder.glob("red-flags_b-grace-b_*.json"))) == 1
    assert record["learner_name"] == "<b>Grace</b>"
    assert record["results"]["score"] == record["results"]["max_score"] == len(IDS)
    assert record["inputs"]["route-urgent-tickets"] == "red flag"
