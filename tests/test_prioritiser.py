"""The prioritiser's pure layers: RICE estimates and messages, the ranking, the ±50% check, cost of delay."""

from __future__ import annotations

import copy
import itertools
import json
import re

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from exercises import prioritiser as p
from exercises.kit import data
from exercises.prioritiser import chart

PRODUCT = p.backlog().product
THEMES = p.backlog().themes


def estimates(reach=1000, impact=1, confidence=80, effort=2) -> p.Estimates:
    return p.Estimates(reach, impact, confidence, effort)


def backlog_of(*rows: tuple[str, p.Estimates]) -> p.Backlog:
    items = [p.BacklogItem(name, name.title(), THEMES[i % len(THEMES)].id, est) for i, (name, est) in enumerate(rows)]
    return p.backlog().with_items(items)


# ---- RICE and the shipped backlog ------------------------------------------------------------

def test_rice_is_reach_times_impact_times_confidence_over_effort():
    # McBride's article works examples this way: 2,000 people a quarter, high impact (2), 80% sure, 4 person-months.
    assert estimates(2000, 2, 80, 4).score == pytest.approx(800)
    assert estimates(2000, 2, 80, 4).value == pytest.approx(3200)


def test_the_shipped_backlog_ranks_as_the_chapter_says():
    ranking = p.rank(p.backlog())
    assert 10 <= len(ranking.order) <= 15
    assert [r.item.id for r in ranking.order[:4]] == ["reminders", "invite-link", "bank-transfer", "annual-export"]
    assert [round(r.item.score) for r in ranking.order[:4]] == [9600, 5000, 1800, 1740]
    assert ranking.summary(1) == (
        "1. Automatic reminders for unpaid shares: 9,600 (reach 12,000, impact 1, confidence 80%, effort 1)"
    )


def test_ties_go_to_the_smaller_effort_then_to_the_backlog_order():
    ranking = p.rank(backlog_of(("big", estimates(2000, 1, 100, 2)), ("small", estimates(1000, 1, 100, 1)),
                                ("same", estimates(1000, 1, 100, 1))))
    assert [r.item.id for r in ranking.order] == ["small", "same", "big"]


def test_the_shipped_data_is_validated_with_the_file_and_the_path_in_errors():
    raw = copy.deepcopy(data.load("prioritiser.json"))
    raw["items"][2]["impact"] = 1.5
    with pytest.raises(ValueError, match=r"^mine: at /items/2/impact: 1\.5 is not one of"):
        p.parse_backlog(raw, source="mine")
    raw = copy.deepcopy(data.load("prioritiser.json"))
    raw["items"][0]["theme"] = "nowhere"
    with pytest.raises(ValueError, match=r"item 1 \(reminders\): theme 'nowhere' is not one of"):
        p.parse_backlog(raw)
    raw = copy.deepcopy(data.load("prioritiser.json"))
    raw["items"][1]["title"] = raw["items"][0]["title"].upper()
    with pytest.raises(ValueError, match="item titles must be unique"):
        p.parse_backlog(raw)
    raw = copy.deepcopy(data.load("prioritiser.json"))
    del raw["items"][3:]
    with pytest.raises(ValueError, match=r"at /items: .* is too short"):
        p.parse_backlog(raw)


# ---- typed estimates ---------------------------------------------------------------------------

def test_typed_estimates_accept_separators_and_a_percent_sign():
    parsed = p.parse_estimates({"reach": "12,000", "impact": "0.5", "confidence": "80%", "effort": "1.5"}, PRODUCT)
    assert parsed == p.Estimates(12000, 0.5, 80, 1.5)


def test_every_problem_is_reported_at_once():
    with pytest.raises(ValueError) as caught:
        p.parse_estimates({"reach": "x", "impact": "7", "confidence": "", "effort": "0"}, PRODUCT)
    assert len(str(caught.value).splitlines()) == 4


@given(reach=st.integers(0, 10**9), impact=st.sampled_from(sorted(p.IMPACT_SCALE)),
       confidence=st.floats(1, 100), effort=st.floats(0.01, 120))
def test_any_valid_estimate_typed_as_text_comes_back_as_typed(reach, impact, confidence, effort):
    typed = {"reach": f"{reach:,}", "impact": repr(impact), "confidence": repr(confidence), "effort": repr(effort)}
    assert p.parse_estimates(typed, PRODUCT) == p.Estimates(reach, impact, confidence, effort)


@given(st.text(max_size=40))
def test_free_text_never_crashes_the_parser(text):
    try:
        parsed = p.parse_estimates({"reach": text, "impact": text, "confidence": text, "effort": text}, PRODUCT)
    except ValueError as error:
        assert str(error)
    else:
        assert parsed.score >= 0


# ---- the learner's own items -------------------------------------------------------------------

def test_own_items_need_a_new_title_and_a_known_theme():
    base = p.backlog()
    added = p.new_own_item(base, [], "  Split   the fuel  ", "settle-up")
    assert (added.id, added.title) == ("own-1", "Split the fuel")
    with pytest.raises(ValueError, match="Your item's title: this field is empty"):
        p.new_own_item(base, [], "   ", "settle-up")
    with pytest.raises(ValueError, match="an item called \u201cAutomatic reminders for unpaid shares\u201d"):
        p.new_own_item(base, [], "AUTOMATIC reminders for unpaid shares", "settle-up")
    with pytest.raises(ValueError, match="already has an item called \u201cSplit the fuel\u201d"):
        p.new_own_item(base, [added], "split the fuel", "settle-up")
    with pytest.raises(ValueError, match="too long"):
        p.new_own_item(base, [], "x" * 81, "settle-up")
    with pytest.raises(ValueError, match="choose one of the backlog's themes"):
        p.new_own_item(base, [], "Maps", "maps")


def test_at_most_ten_own_items_and_ids_are_reused_after_a_removal():
    base = p.backlog()
    own = [p.OwnItem(f"own-{n}", f"Idea {n}", "trust") for n in range(1, 11)]
    with pytest.raises(ValueError, match="up to 10 items of your own"):
        p.new_own_item(base, own, "One more", "trust")
    assert p.new_own_item(base, own[1:], "One more", "trust").id == "own-1"


def test_an_own_item_is_ranked_and_shown_as_yours_with_its_title_escaped():
    grown = p.add_own_item(p.backlog(), "<b>Maps</b> offline", "trust", estimates(20000, 2, 100, 1))
    ranking = p.rank(grown)
    assert ranking.top.title == "<b>Maps</b> offline" and ranking.top.own
    html = ranking._repr_html_()
    assert "&lt;b&gt;Maps&lt;/b&gt; offline (yours)" in html and "<b>Maps" not in html
    saved = ranking.as_dict()
    assert saved["ranking"][0]["own"] is True and saved["top_item"] == "own-1"
    json.dumps(saved, allow_nan=False)


# ---- which estimate would change the top item? -------------------------------------------------

def test_the_shipped_top_item_turns_on_four_estimates_at_fifty_percent():
    result = p.top_item_sensitivity(p.rank(p.backlog()))
    assert not result.robust
    assert [(f.item_id, f.estimate, f.way) for f in result.flips] == [
        ("reminders", "reach", "lower"), ("reminders", "impact", "lower"), ("reminders", "confidence", "lower"),
        ("invite-link", "effort", "lower"),
    ]
    assert all(f.new_top_id == "invite-link" for f in result.flips)
    assert result.flips[0].needed == pytest.approx(1 - 5000 / 9600)
    assert result.headline().startswith("Fragile: 4 single estimates, each wrong by 50%")


def test_a_smaller_error_leaves_the_top_item_in_place_and_names_the_closest_call():
    result = p.top_item_sensitivity(p.rank(p.backlog()), 0.3)
    assert result.robust and result.flips == ()
    assert result.nearest.item_id == "reminders" and result.nearest.needed == pytest.approx(0.479, abs=1e-3)
    closest = "The closest call: the reach of \u201cAutomatic reminders for unpaid shares\u201d 48% lower"
    assert closest in result.headline()


def test_confidence_cannot_rise_above_one_hundred_percent():
    ranking = p.rank(backlog_of(("top", estimates(1000, 1, 100, 1)), ("sure", estimates(900, 1, 100, 1))))
    flips = {(f.item_id, f.estimate) for f in p.top_item_sensitivity(ranking).flips}
    assert ("sure", "confidence") not in flips and ("sure", "reach") in flips


def test_one_item_has_nothing_to_compare_with_and_the_swing_is_checked():
    ranking = p.rank(backlog_of(("only", estimates())))
    assert p.top_item_sensitivity(ranking).headline() == "With a single item there is nothing to compare it with."
    with pytest.raises(ValueError, match="between 5% and 90%"):
        p.top_item_sensitivity(ranking, 0.95)


estimate_values = st.tuples(st.integers(0, 20000), st.sampled_from(sorted(p.IMPACT_SCALE)),
                            st.sampled_from([20, 50, 80, 100]), st.sampled_from([0.25, 0.5, 1, 2, 3, 5, 8]))


@given(st.lists(estimate_values, min_size=2, max_size=7), st.sampled_from([0.2, 0.5, 0.7]))
def test_the_reported_flips_are_exactly_the_single_changes_that_change_the_top(rows, swing):
    ranking = p.rank(backlog_of(*((f"item-{i}", p.Estimates(*row)) for i, row in enumerate(rows))))
    result = p.top_item_sensitivity(ranking, swing)
    reported = {(f.item_id, f.estimate, f.direction) for f in result.flips}
    for item, name, direction in itertools.product(ranking.backlog.items, p.ESTIMATE_NAMES, (-1, 1)):
        changed = ranking.backlog.with_items(
            p.BacklogItem(i.id, i.title, i.theme, i.estimates.changed(name, 1 + direction * swing))
            if i.id == item.id else i for i in ranking.backlog.items
        )
        new_top = p.rank(changed).top.id
        assert ((item.id, name, direction) in reported) == (new_top != ranking.top.id)
    for flip in result.flips:
        assert flip.new_top_id != ranking.top.id
        if flip.needed is not None:
            assert flip.needed <= swing + 1e-9  # an error this size is enough


@given(st.lists(estimate_values.filter(lambda row: row[0] > 0), min_size=2, max_size=6), st.floats(0.05, 0.9))
def test_the_error_needed_is_where_the_top_item_changes(rows, swing):
    ranking = p.rank(backlog_of(*((f"item-{i}", p.Estimates(*row)) for i, row in enumerate(rows))))
    scores = [r.item.score for r in ranking.order]
    assume(scores[0] > scores[1] * 1.001)  # no ties at the top: the threshold is then exact
    result = p.top_item_sensitivity(ranking, swing)
    for flip in result.flips:
        assert flip.needed is not None and flip.needed <= swing + 1e-9
    if result.nearest is not None and result.nearest.needed < swing - 1e-6:
        assert not result.robust


# ---- the value/effort matrix and the chart's words ---------------------------------------------

def test_quadrants_split_the_backlog_at_the_medians():
    groups = p.quadrants(p.rank(p.backlog()))
    assert sorted(i.id for members in groups.values() for i in members) == sorted(i.id for i in p.backlog().items)
    assert [i.id for i in groups["Quick wins"]] == ["reminders", "invite-link", "first-trip"]
    assert [i.id for i in groups["Money pits"]] == ["receipt-scan", "dues"]


def test_the_alt_text_is_written_from_the_numbers():
    text = chart.describe_value_effort(p.rank(p.backlog()))
    assert "13 items" in text
    assert ("\u201cAutomatic reminders for unpaid shares\u201d, has a value of 9,600 for 1 person-month "
            "(RICE score 9,600)") in text
    assert "Quick wins: #1, #2, #5." in text and "Money pits: #11, #12." in text


# ---- cost of delay -----------------------------------------------------------------------------

CHAPTER_JOBS = [p.DelayJob("Currencies", 5000, 4), p.DelayJob("Export", 1000, 2), p.DelayJob("Bank", 2000, 8)]


def test_the_chapters_three_orders_of_work():
    totals = {s.rule: s.total for s in p.compare_orders(CHAPTER_JOBS)}
    assert totals == {"Highest cost of delay per week of work first": 54000,
                      "Highest cost of delay first": 58000, "Shortest job first": 60000}
    shortest = p.schedule("Shortest job first", sorted(CHAPTER_JOBS, key=lambda job: job.weeks))
    assert shortest.finish_weeks == (2, 6, 14)  # Export, Currencies, Bank: each finishes when the one before it has
    assert shortest.summary() == ("Shortest job first: Export (done in week 2), Currencies (done in week 6), "
                                  "Bank (done in week 14). Cost of the waiting: 60,000")


@given(st.lists(st.tuples(st.integers(0, 10000), st.integers(1, 20)), min_size=1, max_size=6))
def test_cost_of_delay_per_week_of_work_is_never_beaten_by_another_order(jobs):
    jobs = [p.DelayJob(f"job {i}", cost, weeks) for i, (cost, weeks) in enumerate(jobs)]
    best = next(s for s in p.compare_orders(jobs) if s.rule.startswith("Highest cost of delay per week"))
    for order in itertools.permutations(jobs):
        assert best.total <= p.schedule("any", order).total + 1e-6


@pytest.mark.parametrize(("args", "message"), [
    (("", 100, 2), "Job name: this field is empty"),
    (("A", -1, 2), "Cost of delay per week: cannot be negative"),
    (("A", 100, 0), "Duration (weeks): must be more than 0"),
])
def test_delay_jobs_from_typed_values(args, message):
    with pytest.raises(ValueError, match=re.escape(message)):
        p.delay_job(*args)


def test_an_unknown_theme_id_is_a_clear_value_error():
    with pytest.raises(ValueError, match="No theme 'maps'; the themes are settle-up, "):
        p.backlog().theme_name("maps")
