"""Headless tests of the roadmap builder: plan from the shipped or a saved ranking, move items, write outcomes."""

from __future__ import annotations

import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from matplotlib.colors import to_hex

from exercises import prioritiser
from exercises import roadmap as r
from exercises.prioritiser.chart import theme_colours
from exercises.roadmap import chart

IDS = [item.id for item in r.default_backlog().items]


@pytest.fixture
def view(work_folder):
    return r.build_roadmap()


def move(view, item_id: str, place: str) -> None:
    view.controls["item"].value = item_id
    view.controls["place"].value = place


def test_it_starts_from_the_shipped_ranking_with_context_board_and_chart(view):
    assert "Planning from the shipped backlog, ranked by RICE." in view.outputs["source_message"].value
    board = view.outputs["board"].value
    assert "Now: 9 of 9.6 person-months" in board
    assert "#1 Automatic reminders for unpaid shares (1 person-month)" in board
    assert "Outcome: More trips settled within a week" in board
    notes = view.outputs["notes"].value
    assert "The theme \u201cTrust and reliability\u201d has no outcome" in notes
    assert "These checks are simple rules" in notes
    assert view.outputs["chart"].value.startswith('<img class="pm-chart"') and "Key:" in view.outputs["chart"].value
    assert "Every club trip settled fairly" in view.root.children[0].value


def test_writing_the_missing_outcome_clears_the_warning(view):
    view.controls["theme"].value = "trust"
    assert view.controls["outcome"].value == ""
    view.controls["outcome"].value = "No club account taken over this year (one last year)."
    assert "has no outcome" not in view.outputs["notes"].value
    assert "No warnings" in view.outputs["notes"].value
    view.controls["theme"].value = "settle-up"
    assert view.controls["outcome"].value.startswith("More trips settled")
    view.controls["theme"].value = "trust"
    assert view.controls["outcome"].value.startswith("No club account")


def test_moving_a_big_item_into_now_warns_and_undo_restores_the_suggestion(view):
    move(view, "dues", "now")
    assert "\u201cNow\u201d holds 15 person-months of work, but the team has 9.6" in view.outputs["notes"].value
    assert "15 of 9.6 person-months" in view.outputs["board"].value
    view.controls["item"].value = "reminders"
    assert view.controls["place"].value == "auto"
    view.controls["item"].value = "dues"
    assert view.controls["place"].value == "now"
    view.controls["clear"].click()
    assert view.controls["place"].value == "auto" and "holds" not in view.outputs["notes"].value


def test_leaving_an_item_off_the_roadmap_lists_it(view):
    move(view, "gear-loans", "off")
    assert "Not on the roadmap:</strong> #13 Track club gear lent to members" in view.outputs["board"].value


def test_a_bigger_team_pulls_work_into_now(view):
    view.controls["people"].value = "6"
    assert "Now: 13 of 14.4 person-months" in view.outputs["board"].value


def test_learner_text_is_escaped(view):
    view.controls["not"].value = "<script>alert(1)</script>"
    board = view.outputs["board"].value
    assert "<script>" not in board and "This roadmap is not:</strong> &lt;script&gt;" in board
    assert "Say what this roadmap is not" not in view.outputs["notes"].value


def save_a_ranking(save_view, confidence: str) -> None:
    ranker = prioritiser.build_prioritiser()
    ranker.controls["confidence"].value = confidence
    ranker.controls["new_title"].value = "Share trip photos"
    ranker.controls["add"].click()
    for name, typed in zip(prioritiser.ESTIMATE_NAMES, ["2000", "1", "80", "1"], strict=False):
        ranker.controls[name].value = typed
    assert save_view(ranker, name="Ada") is not None


def test_it_plans_from_the_newest_saved_ranking_and_finds_new_ones(save_view):
    save_a_ranking(save_view, "10")  # reminders falls to 1,200
    view = r.build_roadmap()
    assert view.controls["source"].value.endswith(".json")
    assert "Planning from your ranking saved" in view.outputs["source_message"].value
    labels = [label for label, _value in view.controls["item"].options]
    assert labels[0] == "#1 Invite members with a link instead of typing emails (0.5 person-months)"
    assert "Share trip photos" in view.outputs["board"].value
    view.controls["source"].value = "shipped"
    assert [value for _label, value in view.controls["item"].options] == IDS
    save_a_ranking(save_view, "80")
    view.controls["refresh"].click()
    assert len(view.controls["source"].options) == 3 and view.controls["source"].value == "shipped"


def test_a_broken_saved_ranking_shows_why_and_the_other_sources_still_work(work_folder, save_view):
    save_a_ranking(save_view, "80")
    (path,) = work_folder.glob("prioritiser_*.json")
    view = r.build_roadmap()
    record = json.loads(path.read_text())
    record["results"]["ranking"][0]["theme"] = "space"
    path.write_text(json.dumps(record))
    view.controls["refresh"].click()
    assert view.controls["source"].options[-1][1] == "shipped"  # the broken file is no longer offered
    assert "1 other file(s) in my-work could not be read" in view.outputs["source_message"].value
    assert "Now: " in view.outputs["board"].value


def test_save_keeps_the_roadmap_with_its_warnings(view, save_view):
    move(view, "dues", "now")
    view.controls["not"].value = "Not a promise of dates."
    record = save_view(view, name="Ada")
    assert record["exercise_id"] == "roadmap" and record["exercise_title"] == "Roadmap builder"
    assert record["inputs"]["moves"] == {"dues": "now"}
    assert record["inputs"]["not_statement"] == "Not a promise of dates."
    assert record["inputs"]["capacity"] == {"people": "4", "months": "3", "reserve_percent": "20"}
    assert record["results"]["places"]["now"][-1] == "dues"
    assert record["results"]["loads"]["now"] == 15
    assert any(w.startswith("\u201cNow\u201d holds 15") for w in record["results"]["warnings"])


def test_save_refuses_bad_capacity(view, refused_save):
    view.controls["months"].value = "-1"
    refused_save(view, "Not saved. Fix the inputs first.")


def shown_bars(view) -> list[tuple[float, float, float, str]]:
    """Each drawn segment: (centre, bottom, height, colour)."""
    ax = view.charts["chart"].figure.axes[0]
    found = [c for c in ax.collections if c.get_gid() == chart.SEGMENTS_GID]
    if not found:
        return []
    (boxes,) = found
    shown = []
    for path, colour in zip(boxes.get_paths(), boxes.get_facecolors(), strict=False):
        xs, ys = path.vertices[:4, 0], path.vertices[:4, 1]
        shown.append((round((xs.min() + xs.max()) / 2, 6), ys.min(), ys.max() - ys.min(), to_hex(colour)))
    return shown


@settings(max_examples=60)  # each example redraws the chart several times
@given(st.lists(st.tuples(st.sampled_from(IDS), st.sampled_from([*r.PLACES, "auto"])), max_size=5),
       st.sampled_from(["2", "4", "7"]))
def test_the_chart_always_shows_the_current_roadmap(moves, people):
    view = r.build_roadmap(prioritiser.rank(prioritiser.backlog()))
    expected_moves = {}
    for item_id, place in moves:
        move(view, item_id, place)
        if place == "auto":
            expected_moves.pop(item_id, None)
        else:
            expected_moves[item_id] = place
    view.controls["people"].value = people
    expected = r.build(r.default_backlog(), r.Capacity(float(people), 3, 20), expected_moves)
    colours = theme_colours(expected.backlog.themes)
    expected_bars = [(float(pos), bottom, height, colours[theme].lower())
                     for pos, bottom, height, theme, _rank in chart.segments(expected)]
    assert [bar[:2] + (pytest.approx(bar[2]), bar[3]) for bar in shown_bars(view)] == expected_bars
    ax = view.charts["chart"].figure.axes[0]
    assert [t.get_text() for t in ax.get_xticklabels()] == ["Now", "Next", "Later"]
    assert ax.get_xlim() == chart.X_LIMITS  # every period is in view
    assert ax.get_ylim()[1] > max(expected.load(p) for p in r.HORIZONS)
    (capacity_lines,) = [c for c in ax.collections if c.get_gid() == chart.CAPACITY_GID]
    assert {round(seg[0][1], 6) for seg in capacity_lines.get_segments()} == {round(expected.capacity.per_period, 6)}
    assert r.chart.describe_roadmap(expected).replace("'", "&#x27;") in view.outputs["chart"].value
