"""The roadmap builder's pure layers: capacity, suggested places, warnings and saved rankings read back."""

from __future__ import annotations

import copy
import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from exercises import prioritiser
from exercises import roadmap as r
from exercises.kit import data, savework

START = r.starting()
DEFAULT = r.default_backlog()
OUTCOMES = dict(START.outcomes)


def places(result: r.Roadmap) -> dict[str, list[str]]:
    return {place: [i.id for i in result.items_in(place)] for place in r.PLACES}


def texts(result: r.Roadmap, kind: str) -> list[str]:
    return [note.text for note in result.notes if note.kind == kind]


def test_capacity_is_people_times_months_less_the_reserve():
    assert START.capacity.per_period == pytest.approx(9.6)
    assert r.parse_capacity({"people": "5", "months": "2", "reserve_percent": "25%".rstrip("%")}).per_period == 7.5


def test_the_default_roadmap_fills_now_and_next_in_rank_order():
    result = r.build(DEFAULT, START.capacity, {}, OUTCOMES)
    assert places(result) == {
        "now": ["reminders", "invite-link", "bank-transfer", "annual-export", "first-trip"],
        "next": ["itemised-split", "two-step", "fast-history", "currencies"],
        "later": ["offline", "receipt-scan", "dues", "gear-loans"],
        "off": [],
    }
    assert result.load("now") == 9 and result.load("next") == 9
    assert texts(result, "warn") == [
        "The theme \u201cTrust and reliability\u201d has no outcome: say what should change for customers or the "
        "business, and how you will know."
    ]
    assert "Say what this roadmap is not" in texts(result, "info")[-1]


def test_an_item_too_big_for_now_waits_while_smaller_ones_fill_the_room():
    result = r.build(DEFAULT, r.Capacity(2, 3, 0))  # 6 person-months a period
    assert places(result)["now"] == ["reminders", "invite-link", "annual-export", "first-trip", "two-step"]
    assert places(result)["next"][0] == "bank-transfer"


def test_an_item_bigger_than_a_whole_period_goes_later_with_a_note():
    result = r.build(DEFAULT, r.Capacity(2, 2, 0))  # 4 person-months a period
    assert "bank-transfer" in places(result)["later"]
    assert ("#3 \u201cPay back by bank transfer inside the app\u201d needs 5 person-months, more than a whole period's "
            "4: split it, or plan it across two periods.") in texts(result, "info")


def test_moving_work_into_now_beyond_capacity_warns_and_says_by_how_much():
    result = r.build(DEFAULT, START.capacity, {"dues": "now"}, OUTCOMES, "Not a promise of dates.")
    assert texts(result, "warn")[0] == (
        "\u201cNow\u201d holds 15 person-months of work, but the team has 9.6 this period. Move about 5.4 "
        "person-months to Next, or agree what the team will stop doing."
    )
    assert any("#12 \u201cCollect yearly club dues\u201d ahead of #6" in text for text in texts(result, "info"))
    assert result.as_dict()["moved_items"] == ["dues"]


def test_outcomes_that_read_as_outputs_or_have_no_number_are_flagged():
    outcomes = OUTCOMES | {"trust": "Launch two-step sign-in", "treasurers": "Happier treasurers"}
    result = r.build(DEFAULT, START.capacity, {}, outcomes, "Not dates")
    assert ("The theme \u201cTrust and reliability\u201d has an outcome that starts with \u201claunch\u201d, so it "
            "reads like work to deliver; say what will change for customers or the business instead.") \
        in texts(result, "warn")
    assert "The outcome for \u201cLess admin for treasurers\u201d has no number: how will you know it happened?" in \
        texts(result, "info")


def test_a_theme_with_nothing_planned_gets_a_note_not_a_warning():
    moves = {"two-step": "later", "fast-history": "off"}
    result = r.build(DEFAULT, START.capacity, moves, OUTCOMES, "Not dates")
    assert texts(result, "warn") == []
    assert any("\u201cTrust and reliability\u201d has nothing in Now or Next" in text for text in texts(result, "info"))
    assert places(result)["off"] == ["fast-history"]


def test_moves_for_items_this_backlog_lacks_are_ignored_and_bad_places_refused():
    assert places(r.build(DEFAULT, START.capacity, {"own-3": "now"})) == places(r.build(DEFAULT, START.capacity))
    with pytest.raises(ValueError, match="place it in one of Now, Next, Later, Not on the roadmap"):
        r.build(DEFAULT, START.capacity, {"dues": "soon"})


def test_over_long_text_is_refused_with_the_fields_name():
    with pytest.raises(ValueError, match="Outcome for \u201cSettle up faster\u201d: 401 characters is too long"):
        r.build(DEFAULT, START.capacity, {}, {"settle-up": "x" * 401})


@given(st.integers(1, 12), st.sampled_from([0.5, 1, 2, 3, 6]), st.integers(0, 90),
       st.dictionaries(st.sampled_from([i.id for i in DEFAULT.items]), st.sampled_from(r.PLACES), max_size=5))
def test_every_item_is_placed_once_and_suggestions_never_overfill(people, months, reserve, moves):
    capacity = r.Capacity(people, months, reserve)
    suggested = r.build(DEFAULT, capacity)
    assert suggested.load("now") <= capacity.per_period + 1e-9 and suggested.load("next") <= capacity.per_period + 1e-9
    assert not any("holds" in note.text for note in suggested.notes)
    moved = r.build(DEFAULT, capacity, moves)
    assert sorted(i.id for place in r.PLACES for i in moved.items_in(place)) == sorted(i.id for i in DEFAULT.items)
    for place in r.PLACES:
        ranks = [i.rank for i in moved.items_in(place)]
        assert ranks == sorted(ranks)  # each period lists its items in rank order
    assert {i.id for i in moved.items_in("off")} == {item_id for item_id, where in moves.items() if where == "off"}
    over = moved.load("now") > capacity.per_period + 1e-9
    assert over == any(note.kind == "warn" and note.text.startswith("\u201cNow\u201d holds") for note in moved.notes)


@given(st.text(max_size=200))
def test_the_outcome_rule_never_crashes_on_free_text(text):
    problem = r.outcome_problem(text)
    assert problem is None or problem.startswith("has ")
    if not any(ch.isalnum() for ch in text):
        assert problem is not None and problem.startswith("has no outcome")


def test_the_board_escapes_learner_text():
    result = r.build(DEFAULT, START.capacity, {}, OUTCOMES | {"trust": "<b>safe</b> 99%"}, "<script>x</script>")
    html = result._repr_html_()
    assert "&lt;b&gt;safe&lt;/b&gt; 99%" in html and "&lt;script&gt;" in html and "<script>" not in html
    json.dumps(result.as_dict(), allow_nan=False)


def test_the_starting_data_must_name_themes_of_the_backlog():
    raw = copy.deepcopy(data.load("roadmap.json"))
    raw["outcomes"][0]["theme"] = "space"
    with pytest.raises(ValueError, match="outcome 1: 'space' is not a theme of the backlog"):
        r.parse_starting(raw)
    raw = copy.deepcopy(data.load("roadmap.json"))
    raw["team"]["people"] = 0
    with pytest.raises(ValueError, match=r"^mine: at /team/people: 0 is less than the minimum of 1"):
        r.parse_starting(raw, source="mine")


# ---- saved rankings ----------------------------------------------------------------------------

def saved_record(ranking: prioritiser.Ranking | None = None, **changes) -> dict:
    ranking = ranking or prioritiser.rank(prioritiser.backlog())
    record = savework.make_record("prioritiser", "Backlog prioritiser", {}, ranking.as_dict(), learner_name="Ada")
    record.update(changes)
    return record


def test_a_saved_ranking_reads_back_with_its_own_items():
    big = prioritiser.Estimates(99999, 3, 100, 1)
    grown = prioritiser.add_own_item(prioritiser.backlog(), "Share photos", "new-clubs", big)
    ranked = r.parse_saved_ranking(saved_record(prioritiser.rank(grown)))
    assert ranked.items[0] == r.RoadmapItem(1, "own-1", "Share photos", "new-clubs", 1.0, 299997.0, True)
    assert ranked.source.startswith("your ranking saved ") and ranked.source.endswith("(Ada)")
    assert ranked.themes == prioritiser.backlog().themes


@pytest.mark.parametrize(("change", "message"), [
    (lambda rec: rec.update(exercise_id="roadmap"), "saved by 'roadmap', not by the backlog prioritiser"),
    (lambda rec: rec.update(schema="other"), "not a saved-work record (unknown schema"),
    (lambda rec: rec["results"]["ranking"][1].update(rank=5), "the ranks must run 1, 2, 3"),
    (lambda rec: rec["results"]["ranking"][1].update(id="reminders"), "an item appears twice"),
    (lambda rec: rec["results"]["ranking"][0].update(theme="space"), "theme 'space', which the backlog does not have"),
    (lambda rec: rec["results"]["ranking"][0].update(effort=-1), "at /ranking/0/effort: -1 is less than or equal to"),
    (lambda rec: rec["results"].pop("ranking"), "'ranking' is a required property"),
])
def test_a_broken_saved_ranking_says_what_is_wrong(change, message):
    record = saved_record()
    change(record)
    with pytest.raises(ValueError, match="^mine.json") as caught:
        r.parse_saved_ranking(record, source="mine.json")
    assert message in str(caught.value)


def test_saved_rankings_are_listed_newest_first_and_unreadable_files_counted(tmp_path):
    older = saved_record(saved_at="2026-01-01T10:00:00Z")
    newer = saved_record(saved_at="2026-03-01T10:00:00Z")
    (tmp_path / "prioritiser_ada_20260101T100000Z.json").write_text(json.dumps(older))
    (tmp_path / "prioritiser_zed_20260301T100000Z.json").write_text(json.dumps(newer))
    (tmp_path / "prioritiser_bad_20260401T100000Z.json").write_text("{not json")
    (tmp_path / "roadmap_ada_20260501T100000Z.json").write_text(json.dumps(newer))
    found, skipped = r.saved_rankings(tmp_path)
    assert [s.path.name for s in found] == [
        "prioritiser_zed_20260301T100000Z.json", "prioritiser_ada_20260101T100000Z.json",
    ]
    assert skipped == 1
    assert r.saved_rankings(tmp_path / "missing") == ([], 0)
    with pytest.raises(ValueError, match="prioritiser_bad_20260401T100000Z.json: could not be read"):
        r.read_saved_ranking(tmp_path / "prioritiser_bad_20260401T100000Z.json")
