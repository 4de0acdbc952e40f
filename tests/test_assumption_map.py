"""The assumption map's pure layer: loading products, placing assumptions, ranking and advice."""

import copy

import pytest
from hypothesis import given
from hypothesis import strategies as st

from exercises import assumption_map as am
from exercises.assumption_map import chart
from exercises.kit import data

BANK = am.assumption_map()
CLUB = BANK.scenario("club-expenses")


def _raw() -> dict:
    return copy.deepcopy(data.load("assumption_map.json"))


def test_the_shipped_products_cover_all_four_risks():
    assert [r.id for r in BANK.risks] == ["value", "usability", "feasibility", "viability"]
    for scenario in BANK.scenarios:
        assert {a.risk for a in scenario.assumptions} == {"value", "usability", "feasibility", "viability"}
        assert all(a.cheapest_test for a in scenario.assumptions)


def test_custom_data_is_used_as_given():
    raw = _raw()
    raw["scenarios"] = raw["scenarios"][:1]
    raw["scenarios"][0]["title"] = "Our own product"
    bank = am.parse_assumption_map(raw)
    result = am.place(bank, bank.scenarios[0], {"pain": (4, 1)})
    assert result.scenario.title == "Our own product"


def test_the_most_important_and_least_proven_comes_first():
    result = am.place(BANK, CLUB, {"pain": (3, 2), "price": (4, 1), "set-up": (4, 4), "licence": (1, 1)})
    # priorities 16, 6, then a tie at 4 that the more important assumption wins
    assert [p.assumption.id for p in result.placements] == ["price", "pain", "set-up", "licence"]
    assert [p.number for p in result.test_first] == [5, 1]
    assert result.placements[0].priority == 16
    assert [p.zone for p in result.placements] == ["test", "test", "proceed", "park"]
    advice = result.advice()
    assert advice[0] == ("ok", "Test #5 first: \u201cEnough clubs will pay 15 a month to cover our costs.\u201d "
                               "Cheapest test: " + CLUB.assumptions[4].cheapest_test)
    assert advice[1][1].startswith("Then #1: Ask five treasurers")


def test_ties_go_to_the_more_important_then_the_earlier():
    result = am.place(BANK, CLUB, {"pain": (2, 1), "pay-in-app": (4, 3), "set-up": (2, 1)})
    # priorities: 2*4 = 8, 4*2 = 8, 8: importance 4 first, then #1 before #3
    assert [p.number for p in result.placements] == [2, 1, 3]


def test_too_few_ratings_ask_for_more():
    result = am.place(BANK, CLUB, {"pain": (4, 1), "price": (4, 0)})
    assert result.unplaced == (2, 3, 4, 5, 6)
    assert result.advice() == [("info", "Rate 2 more assumptions on both scales to see what to test first.")]


def test_nothing_unproven_is_called_out():
    result = am.place(BANK, CLUB, {"pain": (4, 4), "price": (4, 3), "licence": (2, 2)})
    assert result.test_first == ()
    assert any("Nothing is both important and unproven" in text for _, text in result.advice())


def test_a_risk_with_no_important_assumption_is_flagged():
    result = am.place(BANK, CLUB, {"pain": (4, 1), "price": (4, 1), "set-up": (4, 1), "payments-build": (2, 1)})
    assert [r.id for r in result.uncovered_risks] == ["feasibility"]
    assert any("No important assumption about feasibility" in text for _, text in result.advice())


def test_own_assumptions_join_the_map_with_the_risks_generic_test():
    own = am.own_assumption(BANK, 1, "  Members check the app at least once a week  ", "usability")
    assert own.text == "Members check the app at least once a week" and own.own
    assert own.cheapest_test == BANK.risk("usability").cheapest_test
    result = am.place(BANK, CLUB, {"own-1": (4, 1), "pain": (3, 3), "price": (1, 4)}, [own, None])
    assert result.placements[0].number == 7 and result.placements[0].assumption is own
    assert am.own_assumption(BANK, 2, "   ", "") is None


def test_bad_own_assumptions_and_ratings_raise_readable_messages():
    with pytest.raises(ValueError, match="Your assumption 1: choose which risk it belongs to"):
        am.own_assumption(BANK, 1, "People will share", "")
    with pytest.raises(ValueError, match="Your assumption 2: 201 characters is too long"):
        am.own_assumption(BANK, 2, "x" * 201, "value")
    with pytest.raises(ValueError, match="#1 importance: choose a rating from 1 to 4"):
        am.place(BANK, CLUB, {"pain": (7, 1)})
    with pytest.raises(ValueError, match="#1 evidence: choose a rating from 1 to 4"):
        am.place(BANK, CLUB, {"pain": (2, True)})


def test_results_print_save_and_escape():
    own = am.own_assumption(BANK, 1, "<b>bold</b> claim", "value")
    result = am.place(BANK, CLUB, {"own-1": (4, 1), "pain": (4, 2), "price": (3, 1)}, [own])
    saved = result.as_dict()
    assert saved["test_first"] == [7, 1, 5] and saved["ranking"][0]["own"] is True
    assert "[Test first] <b>bold</b> claim" in result.summary()
    html = result._repr_html_()
    assert "<b>bold</b>" not in html and "&lt;b&gt;bold&lt;/b&gt;" in html


ratings = st.dictionaries(st.sampled_from([a.id for a in CLUB.assumptions]),
                          st.tuples(st.integers(1, 4), st.integers(1, 4)), min_size=3)


@given(ratings)
def test_ranking_is_by_priority_and_zones_match_the_quadrants(given_ratings):
    result = am.place(BANK, CLUB, given_ratings)
    priorities = [p.priority for p in result.placements]
    assert priorities == sorted(priorities, reverse=True)
    for p in result.placements:
        expected = ("test" if p.evidence <= 2 else "proceed") if p.importance >= 3 else \
            ("park" if p.evidence <= 2 else "ignore")
        assert p.zone == expected
    if result.test_first:
        assert result.advice()[0][1].startswith(f"Test #{result.test_first[0].number} first")


@given(ratings)
def test_chart_positions_stay_in_their_cell_and_never_coincide(given_ratings):
    result = am.place(BANK, CLUB, given_ratings)
    shown = chart.positions(result.placements)
    for p in result.placements:
        x, y = shown[p.number]
        assert abs(x - p.evidence) <= 0.25 and abs(y - p.importance) <= 0.25
    assert len(set(shown.values())) == len(result.placements)
