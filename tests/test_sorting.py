import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from chart_reading import bars, tick_labels
from exercises.kit import sorting
from exercises.kit.sorting_chart import describe_summary
from exercises.kit.sorting_widget import build_sorter

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


def test_widget_checks_and_escapes(save_view):
    view = build_sorter("red-flags", ITEMS, CATEGORIES, prompt="Sort <these>")
    view.controls["a"].value = "own it"
    view.controls["b"].value = "red flag"
    view.controls["check"].click()
    shown = view.outputs["feedback"].value
    assert "Score: 2 of 3 (1 not answered yet)" in shown
    assert "Route every &lt;b&gt;ticket&lt;/b&gt;" in shown and "<b>ticket" not in shown
    assert 'alt="Bar chart of your sort. Score: 2 of 3' in view.outputs["chart"].value
    assert save_view(view)["results"]["score"] == 2


def test_unanswered_items_do_not_give_the_answer_away():
    shown = sorting.check_sort(ITEMS, {"a": "own it"}, CATEGORIES)._repr_html_()
    assert "Not answered yet" in shown
    assert "Support owns triage" not in shown and "Marketing owns it" not in shown


def test_nothing_chosen_gets_a_message_and_cannot_be_saved(save_view, work_folder):
    view = build_sorter("red-flags", ITEMS, CATEGORIES)
    view.controls["check"].click()
    assert sorting.NOTHING_CHOSEN in view.outputs["feedback"].value and view.outputs["chart"].value == ""
    assert save_view(view) is None
    assert "Not saved" in view.outputs["status"].value and not work_folder.exists()


# Four categories, so some sequences leave a category without any item: its bars must still be there, at 0.
CHART_CATEGORIES = ["own it", "help", "red flag", "not sure"]
CHART_ITEMS = sorting.load_items(
    [{"id": f"i{n}", "text": f"Situation {n}", "answer": CHART_CATEGORIES[n % 3], "why": "Because."} for n in range(5)],
    CHART_CATEGORIES,
)


@settings(max_examples=60)
@given(st.lists(st.one_of(st.just("check"), st.tuples(st.integers(0, 4), st.sampled_from([None, *CHART_CATEGORIES]))),
                min_size=1, max_size=10))
def test_the_summary_chart_always_shows_the_answers_last_checked(actions):
    """Categories and bar heights match the answers at the last Check, after any sequence of changes."""
    view = build_sorter("red-flags", CHART_ITEMS, CHART_CATEGORIES, save=False)
    checked = None
    for action in actions:
        if action == "check":
            view.controls["check"].click()
            checked = {item.id: view.controls[item.id].value for item in CHART_ITEMS}
        else:
            number, category = action
            view.controls[f"i{number}"].value = category
    if checked is None or all(choice is None for choice in checked.values()):
        assert view.outputs["chart"].value == ""
        return
    result = sorting.check_sort(CHART_ITEMS, checked, CHART_CATEGORIES)
    totals = [sum(item.answer == c for item in CHART_ITEMS) for c in CHART_CATEGORIES]
    rights = [sum(item.answer == c and checked[item.id] == c for item in CHART_ITEMS) for c in CHART_CATEGORIES]
    ax = view.charts["chart"].figure.axes[0]
    assert tick_labels(ax) == CHART_CATEGORIES
    shown = bars(ax)
    assert [x for x, _, _ in shown] == [0, 1, 2, 3] * 2
    assert [height for _, height, _ in shown] == totals + rights
    assert ax.get_title() == result.summary()
    assert f'alt="{describe_summary(result)}"' in view.outputs["chart"].value
