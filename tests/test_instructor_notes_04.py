"""The model answers in chapter 4's instructor notes agree with the calculator itself."""

from __future__ import annotations

import json
import re
from pathlib import Path

from exercises import feasibility

CHAPTER = Path(__file__).resolve().parent.parent / "chapters" / "04-is-it-worth-building.ipynb"
NOTE = next("".join(c["source"]) for c in json.loads(CHAPTER.read_text(encoding="utf-8"))["cells"]
            if "instructor" in c["metadata"].get("tags", []))


def number(pattern: str) -> float:
    match = re.search(pattern, NOTE)
    assert match, f"the notes no longer say {pattern!r}"
    return float(match[1].replace(",", ""))


def test_break_even_price_for_the_starting_scenario():
    price = number(r"reaches zero at a price of exactly ([\d.]+)")
    assert feasibility.calculate(price=price).profit == 0
    assert feasibility.calculate(price=price - 0.01).verdict == "not feasible"
    assert feasibility.calculate().break_even_customers == number(r"number of customers\* at today's price \((\d+)\)")


def test_halving_the_reach_and_the_ways_back():
    halved = feasibility.calculate(reach_percent=2.5)
    assert halved.customers == number(r"At 2\.5% there are (\d+) customers")
    assert -halved.profit == number(r"a loss of ([\d,]+)")
    assert feasibility.calculate(reach_percent=2.5, price=number(r"a price of (\d+) breaks even")).profit == 0
    enough = number(r"\((\d+) or more clears")
    assert feasibility.calculate(reach_percent=2.5, price=enough).verdict == "feasible"
    assert feasibility.calculate(reach_percent=2.5, price=enough - 1).verdict != "feasible"
    assert feasibility.calculate(reach_percent=2.5, fixed_costs=number(r"fixed costs of ([\d,]+) or less")).profit == 0
    reach = number(r"a reach of about ([\d.]+)%")
    assert feasibility.calculate(reach_percent=reach).customers == halved.break_even_customers
