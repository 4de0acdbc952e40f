"""A shipped data file with one bad entry is refused with a message naming its source and the path to the entry.

The schema's rules and the rules a schema cannot express (unique ids, one right answer, no loops) alike.
"""

from __future__ import annotations

import pytest

from data_edits import changed
from exercises import assumption_map as am
from exercises import metric_tree as mt
from exercises import okr_checker as okr
from exercises.kit import data


def _parents(*parents: tuple[int, str]):
    """A change that gives metrics of the first product new parents: ``(index, parent)`` pairs."""

    def change(raw: dict) -> None:
        for index, parent in parents:
            raw["products"][0]["metrics"][index]["parent"] = parent

    return change


@pytest.mark.parametrize(
    ("file_name", "parse", "change", "match"),
    [
        # assumption map
        ("assumption_map.json", am.parse_assumption_map,
         lambda raw: raw["scenarios"][1]["assumptions"][2].update(risk="money"),
         r"^mine: at /scenarios/1/assumptions/2/risk: 'money' is not one of"),
        ("assumption_map.json", am.parse_assumption_map, lambda raw: raw["risks"][1].update(id="value"),
         r"^mine: at /risks/1/id: each of the four risks must appear once"),
        ("assumption_map.json", am.parse_assumption_map,
         lambda raw: raw["scenarios"][0]["assumptions"][1].update(id=raw["scenarios"][0]["assumptions"][0]["id"]),
         r"^mine: at /scenarios/0/assumptions/1/id: product 'club-expenses' repeats"),
        ("assumption_map.json", am.parse_assumption_map, lambda raw: raw["scenarios"][1].update(id="club-expenses"),
         r"^mine: at /scenarios/1/id: product ids must be unique"),
        # metric trees
        ("metric_trees.json", mt.parse_metric_trees, lambda raw: raw["products"][0]["metrics"][0].pop("parent"),
         r"^mine: at /products/0/metrics/0: 'parent' is a required property"),
        ("metric_trees.json", mt.parse_metric_trees, _parents((1, "north-star")),  # a vanity metric with a parent
         r"^mine: at /products/0/metrics/1: "),
        ("metric_trees.json", mt.parse_metric_trees,
         lambda raw: raw["products"][0]["north_stars"][0].update(correct=True),
         r"^mine: at /products/0/north_stars: exactly one north star must be marked"),
        ("metric_trees.json", mt.parse_metric_trees, _parents((0, "downloads")),
         r"^mine: at /products/0/metrics/0/parent: 'recommended-share' feeds"),
        ("metric_trees.json", mt.parse_metric_trees, _parents((2, "first-week"), (7, "weekly-listeners")),
         r"^mine: at /products/0/metrics: .* feed each other in a loop"),
        ("metric_trees.json", mt.parse_metric_trees,
         lambda raw: raw["products"][2]["metrics"][3].update(id=raw["products"][2]["metrics"][1]["id"]),
         r"^mine: at /products/2/metrics/3/id: metric ids must be unique"),
        ("metric_trees.json", mt.parse_metric_trees, lambda raw: raw["products"][1].update(id=raw["products"][0]["id"]),
         r"^mine: at /products/1/id: product ids must be unique"),
        # OKR rules
        ("okr_rules.json", okr.parse_okr_rules, lambda raw: raw["rules"][0].update(kind="bad"),
         r"^mine: at /rules/0/kind: 'bad' is not one of"),
        ("okr_rules.json", okr.parse_okr_rules, lambda raw: raw["rules"][2]["phrases"].append("Page Views!"),
         r"^mine: at /rules/2/phrases/\d+: 'Page Views!' does not match"),
        ("okr_rules.json", okr.parse_okr_rules, lambda raw: raw["checks"]["no-counter"].pop("phrases"),
         r"^mine: at /checks/no-counter: 'phrases' is a required property"),
        ("okr_rules.json", okr.parse_okr_rules, lambda raw: raw["rules"][1].update(id=raw["rules"][0]["id"]),
         r"^mine: at /rules/1/id: rule ids must be unique"),
        ("okr_rules.json", okr.parse_okr_rules, lambda raw: raw.update(key_results={"min": 4, "max": 3}),
         r"^mine: at /key_results: min must not exceed max"),
        ("okr_rules.json", okr.parse_okr_rules, lambda raw: raw["examples"][2].update(id=raw["examples"][0]["id"]),
         r"^mine: at /examples/2/id: example ids must be unique"),
    ],
)
def test_a_bad_entry_is_refused_naming_the_source_and_the_path(file_name, parse, change, match):
    with pytest.raises(ValueError, match=match):
        parse(changed(data.load(file_name), change), source="mine")
