"""Headless tests of the metric-tree builder: connect metrics as a learner would, read the tree and the feedback."""

from hypothesis import given, settings
from hypothesis import strategies as st

from exercises import metric_tree as mt
from exercises.kit import render
from exercises.kit.views import batched
from exercises.metric_tree import chart
from view_checks import assert_problem_shown, view_fixture

PRODUCTS = mt.metric_trees()
MUSIC = PRODUCTS[0]


view = view_fixture(mt.build_metric_tree)


def connect(view, choices: dict[int, str], star: int | None = 1) -> None:
    with batched():
        view.controls["north_star"].value = star
        for number, target in choices.items():
            view.controls[f"link_{number}"].value = target


MODEL = {1: "hours-per-listener", 2: mt.OUT, 3: mt.NORTH_STAR, 4: mt.COUNTER, 5: mt.OUT, 6: mt.NORTH_STAR,
         7: mt.OUT, 8: "weekly-listeners"}


def test_starts_with_the_first_product_and_an_empty_tree(view):
    assert "Listeners can use the app free" in view.outputs["context"].value
    assert view.controls["north_star"].value is None
    assert ('alt="Metric tree for A music-streaming app: no north star chosen yet. '
            'Left out: Listening from recommendations, App downloads') in view.outputs["chart"].value
    assert [o[0] for o in view.controls["link_1"].options][:4] == [
        "leave it out", "feeds the north star", "counter-metric", "feeds #2: App downloads"]


def test_connecting_metrics_draws_the_tree(view):
    connect(view, MODEL)
    alt = view.outputs["chart"].value
    assert "The north star is fed by Weekly active listeners, Hours per listener." in alt
    assert "Counter-metrics: Quick skips." in alt
    boxes = {t.get_gid(): t.get_text() for t in view.charts["chart"].figure.axes[0].texts if t.get_gid()}
    assert boxes["north-star"] == "Weekly listening\ntime"
    assert boxes["first-week"] == "#8 New listeners\nactivated"


def test_check_scores_the_tree_and_a_change_clears_the_feedback(view):
    connect(view, MODEL)
    view.controls["check"].click()
    assert "Score: 9 of 9" in view.outputs["feedback"].value
    view.controls["link_7"].value = mt.NORTH_STAR
    assert view.outputs["feedback"].value == ""
    view.controls["check"].click()
    shown = view.outputs["feedback"].value
    assert "Score: 8 of 9" in shown and "You made it an input; it is a lagging business result." in shown


def test_check_before_any_work_says_what_to_do(view):
    view.controls["check"].click()
    assert "Choose a north star and connect at least one metric to it first." in view.outputs["feedback"].value


def test_a_loop_or_a_link_outside_the_tree_shows_a_message_and_hides_the_tree(view):
    connect(view, {3: "first-week", 8: "weekly-listeners"})
    assert_problem_shown(view, "#3, #8 feed each other in a loop")
    view.controls["link_3"].value = mt.NORTH_STAR
    assert view.outputs["message"].value == "" and view.outputs["chart"].value


def test_switching_products_keeps_each_products_tree(view):
    connect(view, MODEL)
    view.controls["product"].value = "home-repairs"
    assert "Homeowners post repair jobs" in view.outputs["context"].value
    assert view.controls["north_star"].value is None and view.controls["link_1"].value == mt.OUT
    assert "feeds #2: Time to first quote" in [o[0] for o in view.controls["link_1"].options]
    view.controls["product"].value = "music-streaming"
    assert view.controls["north_star"].value == 1 and view.controls["link_8"].value == "weekly-listeners"
    assert "Counter-metrics: Quick skips." in view.outputs["chart"].value


def test_save_needs_a_tree_then_records_it_with_its_score(view, save_view, refused_save):
    refused_save(view, "Choose a north star and connect at least one metric")
    connect(view, MODEL | {4: mt.OUT})
    record = save_view(view, name="Sam")
    assert record["inputs"]["north_star"] == "Total time spent listening each week"
    assert record["inputs"]["connections"]["first-week"] == "weekly-listeners"
    assert (record["results"]["score"], record["results"]["max_score"]) == (8, 9)


@settings(max_examples=40)
@given(st.lists(st.tuples(st.integers(0, 8), st.integers(0, 10)), min_size=1, max_size=10))
def test_the_chart_always_shows_the_current_tree(changes):
    view = mt.build_metric_tree()
    for row, pick in changes:
        if row == 0:
            view.controls["product"].value = PRODUCTS[pick % len(PRODUCTS)].id
        elif row == 8 and pick > 7:
            view.controls["north_star"].value = pick % 3
        else:
            options = view.controls[f"link_{row}"].options
            view.controls[f"link_{row}"].value = options[pick % len(options)][1]
    product = next(p for p in PRODUCTS if p.id == view.controls["product"].value)
    choices = {m.id: view.controls[f"link_{n}"].value for n, m in enumerate(product.metrics, 1)}
    try:
        tree = mt.build_tree(product, view.controls["north_star"].value, choices)
    except ValueError as error:
        assert render.escape(str(error).splitlines()[0]) in view.outputs["message"].value
        assert view.outputs["chart"].value == ""
        return
    ax = view.charts["chart"].figure.axes[0]
    boxes = {t.get_gid(): (t.get_position(), t.get_text()) for t in ax.texts if t.get_gid()}
    spots = chart.layout(tree)
    assert boxes == {node: (spots[node], chart.node_text(tree, node)) for node in spots}
    assert len(ax.lines) == len(tree.inputs) + len(tree.counters)
    assert f'alt="{render.escape(tree.describe())}"' in view.outputs["chart"].value
