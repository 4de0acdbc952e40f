"""The widgets with typed numbers: bad text in a field shows what to fix, as an alert, in place of the results."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, NamedTuple

import pytest

from exercises import experiment_planner, feasibility, prioritiser, roadmap
from view_checks import assert_problem_shown


class InPlaceOfResults(NamedTuple):
    """What a view shows while an input is bad: a note in one output, others empty, and names every message gives."""

    build: Callable[[], Any]
    hidden: tuple[str, str]
    emptied: tuple[str, ...] = ("chart",)
    named: tuple[str, ...] = ()


VIEWS = {
    "experiment-planner": InPlaceOfResults(experiment_planner.build_planner, ("results", "The plan is hidden")),
    "feasibility": InPlaceOfResults(feasibility.build_calculator, ("results", "Results are hidden")),
    "prioritiser": InPlaceOfResults(
        prioritiser.build_prioritiser, ("ranking", "The ranking is hidden"), ("chart", "sensitivity"),
        named=("\u201cAutomatic reminders for unpaid shares\u201d:",),  # the item whose estimate is bad
    ),
    "roadmap": InPlaceOfResults(roadmap.build_roadmap, ("board", "The roadmap is hidden"), ("chart", "notes")),
}


@pytest.mark.parametrize(
    ("exercise", "field", "typed", "message"),
    [
        ("experiment-planner", "baseline_percent", "abc", "is not a number"),
        ("experiment-planner", "baseline_percent", "100", "must be below 100"),
        ("experiment-planner", "baseline_percent", "0", "must be more than 0"),
        ("experiment-planner", "effect_points", "", "this field is empty"),
        ("experiment-planner", "effect_points", "95", "must stay below 100%"),
        ("experiment-planner", "daily_visitors", "nan", "NaN"),
        ("experiment-planner", "daily_visitors", "12.5", "whole number"),
        ("experiment-planner", "share_percent", "150", "unrealistically large"),
        ("feasibility", "price", "abc", "is not a number"),
        ("feasibility", "price", "", "this field is empty"),
        ("feasibility", "price", "0", "must be more than 0"),
        ("feasibility", "variable_cost", "-4", "cannot be negative"),
        ("feasibility", "fixed_costs", "nan", "NaN"),
        ("feasibility", "fixed_costs", "inf", "infinity"),
        ("feasibility", "people_with_problem", "1e40", "unrealistically large"),
        ("feasibility", "reach_percent", "150", "unrealistically large"),
        ("prioritiser", "reach", "", "this field is empty"),
        ("prioritiser", "reach", "-3", "cannot be negative"),
        ("prioritiser", "impact", "1.5", "use RICE&#x27;s scale"),
        ("prioritiser", "confidence", "0.8", "type a percentage, such as 80 for 80%"),
        ("prioritiser", "confidence", "150", "cannot be more than 100%"),
        ("prioritiser", "effort", "0", "must be more than 0"),
        ("prioritiser", "effort", "nan", "NaN (not a number) cannot be used"),
        ("roadmap", "people", "0", "People on the team: must be at least 1"),
        ("roadmap", "people", "four", "\u201cfour\u201d is not a number"),
        ("roadmap", "months", "", "Months in each period: this field is empty"),
        ("roadmap", "reserve_percent", "100", "Kept for bugs and support (%): 100 is unrealistically large"),
    ],
)
def test_bad_input_shows_a_message_and_hides_the_results(work_folder, exercise, field, typed, message):
    shown = VIEWS[exercise]
    view = shown.build()  # in an empty work folder: the roadmap reads saved rankings from my-work
    view.controls[field].value = typed
    assert_problem_shown(view, message, *shown.named, hidden=shown.hidden, emptied=shown.emptied)
