"""The pure layer's number parsers: bad typed text raises ValueError with a message that names the field.

The widget layer's side (the same text typed into a box shows the message in place of the results) is in
test_bad_input_shown.py.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

import pytest

from exercises import feasibility, prioritiser, roadmap

PRODUCT = prioritiser.backlog().product
ESTIMATES = {"reach": "1000", "impact": "1", "confidence": "80", "effort": "2"}
CAPACITY = {"people": "4", "months": "3", "reserve_percent": "20"}

PARSERS: dict[str, Callable[[Mapping[str, Any]], object]] = {
    "feasibility": lambda changed: feasibility.calculate(**changed),  # the calculator's example, then the change
    "prioritiser": lambda changed: prioritiser.parse_estimates({**ESTIMATES, **changed}, PRODUCT),
    "roadmap": lambda changed: roadmap.parse_capacity({**CAPACITY, **changed}),
}


@pytest.mark.parametrize(("exercise", "field", "typed", "message"), [
    ("feasibility", "price", 0, "Price you charge: must be more than 0"),
    ("feasibility", "willingness_to_pay", 0, "Willingness to pay: must be more than 0"),
    ("feasibility", "price", "ten", "not a number"),
    ("feasibility", "variable_cost", -1, "cannot be negative"),
    ("feasibility", "fixed_costs", float("inf"), "infinity"),
    ("feasibility", "people_with_problem", 0, "at least 1"),
    ("feasibility", "people_with_problem", 2.5, "whole number"),
    ("feasibility", "reach_percent", 101, "unrealistically large"),
    ("feasibility", "fixed_costs", "nan", "NaN"),
    ("feasibility", "price", 1e20, "unrealistically large"),
    ("prioritiser", "reach", "", "Reach (members per quarter): this field is empty"),
    ("prioritiser", "reach", "-5", "Reach (members per quarter): cannot be negative"),
    ("prioritiser", "reach", "2.5", "must be a whole number"),
    ("prioritiser", "reach", "lots", "\u201clots\u201d is not a number"),
    ("prioritiser", "reach", "1e40", "unrealistically large"),
    ("prioritiser", "impact", "1.5",
     "Impact (0.25 to 3): use RICE's scale: 3 massive, 2 high, 1 medium, 0.5 low, 0.25 minimal; 1.5 is not on it."),
    ("prioritiser", "impact", "10", "10 is not on it"),
    ("prioritiser", "impact", "nan", "NaN (not a number) cannot be used"),
    ("prioritiser", "confidence", "0.8", "type a percentage, such as 80 for 80%; 0.8 would mean under 1%"),
    ("prioritiser", "confidence", "0", "Confidence (%): must be more than 0"),
    ("prioritiser", "confidence", "120", "cannot be more than 100%"),
    ("prioritiser", "confidence", "inf", "infinity cannot be used"),
    ("prioritiser", "effort", "0", "Effort (person-months): must be more than 0"),
    ("prioritiser", "effort", "500", "500 is more than ten years of one person's work; split it into smaller items"),
    ("prioritiser", "effort", "-1", "must be more than 0"),
    ("roadmap", "people", "0", "People on the team: must be at least 1"),
    ("roadmap", "people", "2.5", "People on the team: must be a whole number"),
    ("roadmap", "months", "0", "Months in each period: must be more than 0"),
    ("roadmap", "months", "24", "Months in each period: 24 is unrealistically large"),
    ("roadmap", "reserve_percent", "95", "Kept for bugs and support (%): 95 is unrealistically large"),
    ("roadmap", "reserve_percent", "", "Kept for bugs and support (%): this field is empty"),
])
def test_bad_numbers_raise_a_message_naming_the_field(exercise, field, typed, message):
    with pytest.raises(ValueError) as caught:
        PARSERS[exercise]({field: typed})
    assert message in str(caught.value)
