"""The numbers in chapters 08 and 12 (prose and instructor notes) agree with the exercises' own models."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from exercises import prioritiser as p
from exercises import roadmap as r

CHAPTERS = Path(__file__).resolve().parent.parent / "chapters"


def chapter_text(stem: str, *, instructor: bool) -> str:
    cells = json.loads((CHAPTERS / f"{stem}.ipynb").read_text(encoding="utf-8"))["cells"]
    return "\n".join("".join(c["source"]) for c in cells
                     if c["cell_type"] == "markdown" and ("instructor" in c["metadata"].get("tags", [])) == instructor)


PROSE_08 = chapter_text("08-prioritising-and-trade-offs", instructor=False)
NOTE_08 = chapter_text("08-prioritising-and-trade-offs", instructor=True)
NOTE_12 = chapter_text("12-roadmaps-and-strategy", instructor=True)
BACKLOG = p.backlog()


def number(pattern: str, text: str) -> float:
    match = re.search(pattern, text)
    assert match, f"the chapter no longer says {pattern!r}"
    return float(match[1].replace(",", ""))


def ranked_with(item_id: str, **estimates: float) -> p.Ranking:
    items = [p.BacklogItem(i.id, i.title, i.theme, p.Estimates(**(i.estimates.as_dict() | estimates)))
             if i.id == item_id else i for i in BACKLOG.items]
    return p.rank(BACKLOG.with_items(items))


def test_the_backlog_and_capacity_figures_in_the_prose():
    assert sum(i.estimates.effort for i in BACKLOG.items) == number(r"holds about (\d+) person-months", PROSE_08)
    start = r.starting()
    assert start.capacity.people * start.capacity.months == number(r"has about (\d+) person-months", PROSE_08)


def test_task_1_honest_confidence_and_impact_for_reminders():
    at_half = ranked_with("reminders", confidence=50)
    assert at_half.top.id == "reminders" and at_half.top.score == number(r"score falls to ([\d,]+)", NOTE_08)
    lower = ranked_with("reminders", confidence=50, impact=0.5)
    assert lower.top.id == "invite-link"
    assert lower.order[1].item.score == number(r"drops them to ([\d,]+)", NOTE_08)


def test_task_2_the_error_that_is_enough():
    check = p.top_item_sensitivity(p.rank(BACKLOG))
    assert len(check.flips) == 4 and round(check.flips[0].needed * 100) == number(r"An error of about (\d+)%", NOTE_08)


def test_task_3_the_money_pits():
    pits = p.quadrants(p.rank(BACKLOG))["Money pits"]
    assert [i.id for i in pits] == ["receipt-scan", "dues"]
    assert [i.estimates.value for i in pits] == [number(r"#11: value ([\d,]+)", NOTE_08),
                                                 number(r"#12: value ([\d,]+)", NOTE_08)]


def test_task_4_reach_counted_per_year():
    ranking = ranked_with("annual-export", reach=1150)
    assert ranking.order[1].item.id == "annual-export"
    assert ranking.order[1].item.score == number(r"\u00f7 0\.5 = ([\d,]+)", NOTE_08)


START = r.starting()
OUTCOMES = dict(START.outcomes)


def test_roadmap_starting_places():
    plan = r.build(r.default_backlog(), START.capacity, {}, OUTCOMES)
    assert [i.rank for i in plan.items_in("now")] == [1, 2, 3, 4, 5] and plan.load("now") == 9
    assert [i.rank for i in plan.items_in("next")] == [6, 7, 8, 9] and plan.load("next") == 9
    assert START.capacity.per_period == pytest.approx(number(r"capacity ([\d.]+) person-months a period", NOTE_12))


def test_roadmap_task_3_dues_in_now():
    plan = r.build(r.default_backlog(), START.capacity, {"dues": "now"}, OUTCOMES)
    assert plan.load("now") == number(r"Now rises to (\d+) of 9\.6", NOTE_12)
    assert plan.load("now") - plan.capacity.per_period == pytest.approx(number(r"move about (\d+(?:\.\d+)?)", NOTE_12))


def test_roadmap_task_4_a_bigger_reserve():
    capacity = r.Capacity(START.capacity.people, START.capacity.months, 40)
    plan = r.build(r.default_backlog(), capacity, {}, OUTCOMES)
    assert capacity.per_period == pytest.approx(number(r"Capacity falls to ([\d.]+) person-months", NOTE_12))
    assert [i.rank for i in plan.items_in("now")] == [1, 2, 3, 4] and plan.load("now") == 7
    assert "first-trip" in [i.id for i in plan.items_in("next")]
    assert {"fast-history", "currencies"} <= {i.id for i in plan.items_in("later")}
    assert [i.id for i in plan.items_in("next") if i.theme == "trust"] == ["two-step"]
