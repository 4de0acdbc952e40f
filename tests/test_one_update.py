"""A menu that fills several boxes at once updates the view once, not once per box."""

import ipywidgets as widgets

from exercises.assumption_map import build_assumption_map
from exercises.kit.views import assemble, batched
from exercises.metric_tree import NORTH_STAR, build_metric_tree
from exercises.okr_checker import build_okr_checker
from exercises.prioritiser import ESTIMATE_NAMES, build_prioritiser
from view_checks import apply_changes


def test_a_batch_updates_each_view_once_when_the_outermost_batch_ends():
    shown: dict[str, list[str]] = {"first": [], "second": []}
    views = {}
    for name in shown:
        boxes = {letter: widgets.Text() for letter in "abc"}
        views[name] = assemble(name, list(boxes.values()), controls=boxes, outputs={},
                               update=lambda name=name, boxes=boxes: shown[name].append(
                                   "".join(box.value for box in boxes.values())))
    assert shown == {"first": [""], "second": [""]}
    with batched():
        views["first"].controls["a"].value = "x"
        with batched():
            views["first"].controls["b"].value = "y"
            views["second"].controls["c"].value = "z"
        assert shown == {"first": [""], "second": [""]}  # the inner batch's end is not the end
    assert shown == {"first": ["", "xy"], "second": ["", "z"]}
    views["first"].controls["c"].value = "w"
    assert shown["first"][-1] == "xyw"
    assert [view.live.updates for view in views.values()] == [3, 2]


def test_an_error_inside_a_batch_still_updates_and_ends_the_batch():
    boxes = {"a": widgets.Text()}
    shown: list[str] = []
    view = assemble("test", [boxes["a"]], controls=boxes, outputs={}, update=lambda: shown.append(boxes["a"].value))
    try:
        with batched():
            boxes["a"].value = "set, then an error"
            raise RuntimeError
    except RuntimeError:
        pass
    assert shown == ["", "set, then an error"]
    boxes["a"].value = "after"
    assert shown[-1] == "after" and view.live.updates == 3


def redraws_after(view, changes) -> int:
    before = view.charts["chart"].redraws
    apply_changes(view, changes)
    return view.charts["chart"].redraws - before


def test_choosing_an_okr_example_fills_six_boxes_and_redraws_once():
    view = build_okr_checker()
    assert redraws_after(view, [("start", "stronger")]) == 1
    assert redraws_after(view, [("start", "draft")]) == 1


def test_switching_product_in_the_metric_tree_redraws_once():
    view = build_metric_tree()
    apply_changes(view, [("north_star", 1), ("link_1", NORTH_STAR)])
    second = view.controls["product"].options[1][1]
    assert redraws_after(view, [("product", second)]) == 1
    assert view.controls["north_star"].label == "Choose\u2026"  # not an empty box
    first = view.controls["product"].options[0][1]
    assert redraws_after(view, [("product", first)]) == 1  # the kept choices come back in one update
    assert view.controls["link_1"].value == NORTH_STAR


def test_switching_product_in_the_assumption_map_redraws_once():
    view = build_assumption_map()
    apply_changes(view, [("importance_1", 4), ("evidence_1", 1), ("importance_2", 2), ("evidence_2", 3)])
    first = view.controls["product"].value
    assert redraws_after(view, [("product", "meal-kits")]) == 1
    assert redraws_after(view, [("product", first)]) == 1
    assert (view.controls["importance_2"].value, view.controls["evidence_2"].value) == (2, 3)


def test_choosing_another_backlog_item_loads_its_four_estimates_in_one_update():
    view = build_prioritiser()
    before = view.live.updates
    assert before == 1
    apply_changes(view, [("item", "dues")])
    assert view.live.updates == before + 1
    assert [view.controls[name].value for name in ESTIMATE_NAMES] == ["8000", "0.5", "50", "6"]
