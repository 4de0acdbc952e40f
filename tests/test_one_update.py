"""A menu that fills several boxes at once updates the view once, not once per box."""

import ipywidgets as widgets

from exercises.assumption_map import build_assumption_map
from exercises.kit.views import LiveUpdate, assemble
from exercises.metric_tree import NORTH_STAR, build_metric_tree
from exercises.okr_checker import build_okr_checker
from exercises.prioritiser import ESTIMATE_NAMES, build_prioritiser
from view_checks import apply_changes


def test_a_batch_made_before_the_view_is_assembled_still_gathers_its_changes():
    boxes = {name: widgets.Text() for name in ("a", "b", "c")}
    shown: list[str] = []
    live = LiveUpdate()
    with live.batch():  # nothing is watched yet: no update, and no error
        boxes["a"].value = "set before assembling"
    assemble("test", list(boxes.values()), controls=boxes, outputs={},
             update=lambda: shown.append("".join(box.value for box in boxes.values())), live=live)
    assert shown == ["set before assembling"]
    with live.batch():
        for name, box in boxes.items():
            box.value = name
    assert shown == ["set before assembling", "abc"]
    boxes["a"].value = "x"
    assert shown[-1] == "xbc"


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
    apply_changes(view, [("item", "dues")])
    assert view.live.updates == before + 1
    assert [view.controls[name].value for name in ESTIMATE_NAMES] == ["8000", "0.5", "50", "6"]
