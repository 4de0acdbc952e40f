"""The metric-tree builder's pure layer: products load, trees build or are refused, and checks score."""


import pytest
from hypothesis import given
from hypothesis import strategies as st

from exercises import metric_tree as mt
from exercises.metric_tree import chart

PRODUCTS = mt.metric_trees()
MUSIC = PRODUCTS[0]


def model_choices(product: mt.Product) -> dict[str, str]:
    return {m.id: m.parent if m.role == "input" else mt.COUNTER if m.role == "counter" else mt.OUT
            for m in product.metrics}


def right_star(product: mt.Product) -> int:
    return next(i for i, s in enumerate(product.north_stars) if s.correct)


def test_every_shipped_product_has_one_right_north_star_and_every_role():
    for product in PRODUCTS:
        assert sum(s.correct for s in product.north_stars) == 1
        assert {m.role for m in product.metrics} == {"input", "counter", "vanity", "lagging", "output"}
        assert len(product.metrics) == 8  # the registry's max_score of 9 is 1 + 8


def test_the_model_answer_scores_full_marks_for_every_product():
    for product in PRODUCTS:
        result = mt.check_tree(mt.build_tree(product, right_star(product), model_choices(product)))
        assert result.score == result.max_score == 9
        assert all("In the model tree" not in f.text(product) for f in result.feedback)


def test_trees_with_impossible_links_are_refused_with_one_line_each():
    with pytest.raises(ValueError) as error:
        mt.build_tree(MUSIC, 1, {"recommended-share": "recommended-share", "first-week": "downloads",
                                 "weekly-listeners": "skips", "skips": mt.COUNTER})
    assert str(error.value).splitlines() == [
        "#1 cannot feed itself.",
        "#3 feeds #4, but #4 is a counter-metric: connect #4 to the tree first, or connect #3 elsewhere.",
        "#8 feeds #2, but #2 is left out: connect #2 to the tree first, or connect #8 elsewhere.",
    ]
    with pytest.raises(ValueError, match="#3, #8 feed each other in a loop"):
        mt.build_tree(MUSIC, 1, {"weekly-listeners": "first-week", "first-week": "weekly-listeners"})
    with pytest.raises(ValueError, match="North star: choose one of the candidates"):
        mt.build_tree(MUSIC, 7, {})


def test_scoring_counts_roles_and_advises_on_structure():
    choices = model_choices(MUSIC) | {"first-week": mt.NORTH_STAR, "revenue": mt.NORTH_STAR, "skips": mt.OUT}
    result = mt.check_tree(mt.build_tree(MUSIC, 0, choices))
    assert not result.north_star_correct
    assert result.score == 6  # north star wrong; revenue and skips in the wrong role
    texts = {f.metric.id: f.text(MUSIC) for f in result.feedback}
    assert texts["first-week"].startswith("Right: an input.")
    assert texts["first-week"].endswith("In the model tree it feeds #3 (Weekly active listeners).")
    assert texts["revenue"].startswith("You made it an input; it is a lagging business result.")
    assert texts["skips"].startswith("You made it left out; it is a counter-metric.")
    notes = [text for _, text in result.notes()]
    assert "No counter-metric: what would tell you the north star is rising for a bad reason?" in notes
    assert "Subscription revenue: lagging, so it moves too late to steer by as an input." in notes


def test_an_empty_tree_says_what_is_missing():
    result = mt.check_tree(mt.build_tree(MUSIC, None, {}))
    notes = [text for _, text in result.notes()]
    assert notes[:2] == ["Choose a north star: the tree has nothing at the top yet.",
                         "Nothing feeds the north star yet: which numbers could a team move this month?"]
    assert result.score == 3  # the vanity, lagging and output metrics, which belong out of the tree


def test_results_save_and_print():
    result = mt.check_tree(mt.build_tree(MUSIC, right_star(MUSIC), model_choices(MUSIC)))
    saved = result.as_dict()
    assert saved["score"] == 9 and saved["max_score"] == 9
    assert saved["metrics"]["skips"] == {"chosen": "counter", "connects_to": "counter", "model": "counter",
                                         "correct": True}
    assert result.summary().startswith("Score: 9 of 9\nNorth star: Total time spent listening each week: right.")
    assert "Score: 9 of 9" in result._repr_html_()


def test_describe_names_every_link():
    tree = mt.build_tree(MUSIC, right_star(MUSIC), model_choices(MUSIC))
    assert tree.describe() == (
        "Metric tree for A music-streaming app: north star \u201cWeekly listening time\u201d. "
        "The north star is fed by Weekly active listeners, Hours per listener. "
        "Weekly active listeners is fed by New listeners activated. "
        "Hours per listener is fed by Listening from recommendations. "
        "Counter-metrics: Quick skips. Left out: App downloads, Features released, Subscription revenue."
    )


def test_layout_puts_parents_above_the_middle_of_their_children():
    tree = mt.build_tree(MUSIC, right_star(MUSIC), model_choices(MUSIC))
    spots = chart.layout(tree)
    assert spots["north-star"][1] == 0 and spots["weekly-listeners"][1] == -1 and spots["first-week"][1] == -2
    assert spots["weekly-listeners"][0] == spots["first-week"][0]
    assert spots["north-star"][0] == (spots["weekly-listeners"][0] + spots["hours-per-listener"][0]) / 2
    assert spots["skips"][1] == 0.0
    assert spots["skips"][0] == max(x for key, (x, _) in spots.items() if key != "skips") + chart.COUNTER_GAP


TARGETS = [mt.OUT, mt.NORTH_STAR, mt.COUNTER, *[m.id for m in MUSIC.metrics]]
choices = st.fixed_dictionaries({m.id: st.sampled_from(TARGETS) for m in MUSIC.metrics})


@given(st.one_of(st.none(), st.integers(0, 2)), choices)
def test_any_choices_either_build_a_scorable_tree_or_explain_why_not(star, given_choices):
    try:
        tree = mt.build_tree(MUSIC, star, given_choices)
    except ValueError as error:
        assert str(error).strip()
        return
    result = mt.check_tree(tree)
    assert 0 <= result.score <= result.max_score == 9
    spots = chart.layout(tree)
    assert set(spots) == {"north-star", *(m.id for m in tree.inputs), *(m.id for m in tree.counters)}
    assert len(set(spots.values())) == len(spots)  # no two boxes on the same spot
