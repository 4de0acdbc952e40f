"""The model answers in chapter 4's instructor notes agree with the calculator itself."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from exercises import feasibility

CHAPTER = Path(__file__).resolve().parent.parent / "chapters" / "04-is-it-worth-building.ipynb"
NOTE = next("".join(c["source"]) for c in json.loads(CHAPTER.read_text(encoding="utf-8"))["cells"]
            if "instructor" in c["metadata"].get("tags", []))


def number(pattern: str) -> float:
    match = re.search(pattern, NOTE)
    assert match, f"the notes no longer say {pattern!r}"
    return float(match[1].replace(",", ""))


def test_the_starting_scenario_is_the_calculators():
    start = feasibility.calculate()
    assert start.inputs.willingness_to_pay == number(r"willingness to pay (\d+), a price")
    assert start.inputs.price == number(r"a price of (\d+), a cost to serve")
    assert start.customers == number(r"which makes (\d+) paying clubs")


def test_break_even_price_for_the_starting_scenario():
    price = number(r"reaches zero at a price of exactly ([\d.]+)")
    at_price = feasibility.calculate(price=price)
    assert at_price.profit == 0 and at_price.verdict == "break-even" and '"break-even"' in NOTE
    assert feasibility.calculate(price=price - 0.01).verdict == "not feasible"
    assert feasibility.calculate().break_even_customers == number(r"number of customers\* at today's price \((\d+)\)")


def test_halving_the_reach_and_the_ways_back():
    halved = feasibility.calculate(reach_percent=2.5)
    assert halved.customers == number(r"At 2\.5% there are (\d+) customers")
    assert -halved.profit == number(r"a loss of ([\d,]+)")
    needed = number(r"A price of (\d+) would break even")
    assert feasibility.calculate(reach_percent=2.5, price=needed, willingness_to_pay=needed).profit == 0
    above = feasibility.calculate(reach_percent=2.5, price=needed)  # above the ceiling: nobody buys, as the notes say
    assert above.verdict == "not feasible" and above.customers == 0
    ceiling = feasibility.calculate(reach_percent=2.5, price=18)
    assert -ceiling.profit == number(r"at the ceiling of 18 the plan still loses (\d+)")
    assert feasibility.calculate(reach_percent=2.5, fixed_costs=number(r"fixed costs of ([\d,]+) or less")).profit == 0
    reach = number(r"a reach of about ([\d.]+)%")
    assert feasibility.calculate(reach_percent=reach).customers == halved.break_even_customers


def test_the_margin_is_the_price_cut_that_erases_the_profit():
    start = feasibility.calculate()
    assert start.margin == pytest.approx(number(r"the margin is (\d+)%") / 100)
    lowest = feasibility.sensitivity(start.inputs, number(r"with a swing of (\d+)"))[0]
    assert lowest.price == number(r"a price 20% lower, (\d+)\)") and lowest.profit == 0
    assert not any(p.above_willingness for p in feasibility.sensitivity(start.inputs, 20))
