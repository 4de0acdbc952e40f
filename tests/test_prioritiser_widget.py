"""Headless tests of the prioritiser: edit estimates and add items as a learner would, then read what it shows."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from matplotlib.colors import to_hex

from exercises import prioritiser as p
from exercises.kit import render
from exercises.prioritiser import chart
from view_checks import redrawn_after, view_fixture

IDS = [item.id for item in p.backlog().items]


view = view_fixture(p.build_prioritiser)


def ranking_rows(view) -> list[str]:
    """The item titles in the ranking table, in order."""
    return re.findall(r'<th scope="row"[^>]*>\d+</th><td[^>]*>([^<]+)</td>', view.outputs["ranking"].value)


def test_it_starts_with_the_ranking_the_check_and_the_chart(view):
    assert ranking_rows(view)[:2] == ["Automatic reminders for unpaid shares",
                                      "Invite members with a link instead of typing emails"]
    assert "Fragile: 4 single estimates, each wrong by 50%" in view.outputs["sensitivity"].value
    assert view.outputs["chart"].value.startswith('<img class="pm-chart"')
    assert "Key:" in view.outputs["chart"].value and "Settle up faster" in view.outputs["chart"].value
    assert "no one has measured whether a reminder makes people pay sooner" in view.outputs["evidence"].value
    assert view.outputs["message"].value == ""
    assert view.controls["reach"].value == "12000" and view.controls["confidence"].value == "80"


def test_lowering_the_top_items_impact_changes_the_ranking_the_check_and_the_chart(view):
    shown = redrawn_after(view, impact="0.25")
    assert ranking_rows(view)[0] == "Invite members with a link instead of typing emails"
    assert "&#x27;Invite members" not in shown["sensitivity"]
    assert "\u201cInvite members with a link instead of typing emails\u201d" in shown["sensitivity"]
    assert "Number 1, \u201cInvite members with a link" in shown["chart"]


def test_choosing_an_item_shows_its_estimates_and_edits_only_that_item(view):
    view.controls["item"].value = "dues"
    assert [view.controls[n].value for n in p.ESTIMATE_NAMES] == ["8000", "0.5", "50", "6"]
    assert "Clubs use other tools for dues today" in view.outputs["evidence"].value
    view.controls["effort"].value = "0.1"  # now dues scores 20,000
    assert ranking_rows(view)[0] == "Collect yearly club dues"
    view.controls["item"].value = "reminders"
    assert view.controls["effort"].value == "1"


def test_restore_puts_back_the_shipped_estimates(view):
    view.controls["reach"].value = "10"
    view.controls["restore"].click()
    assert view.controls["reach"].value == "12000"
    assert ranking_rows(view)[0] == "Automatic reminders for unpaid shares"
    assert view.controls["remove"].disabled and not view.controls["restore"].disabled


def test_an_error_on_another_item_stays_visible_until_fixed(view):
    view.controls["effort"].value = "0"
    view.controls["item"].value = "dues"
    assert "\u201cAutomatic reminders for unpaid shares\u201d: Effort" in view.outputs["message"].value
    view.controls["item"].value = "reminders"
    view.controls["effort"].value = "1"
    assert view.outputs["message"].value == "" and ranking_rows(view)


def test_adding_an_item_waits_for_its_estimates_then_ranks_it(view):
    view.controls["new_title"].value = "Share trip photos"
    view.controls["new_theme"].value = "new-clubs"
    view.controls["add"].click()
    assert view.controls["item"].value == "own-1"
    assert "Added \u201cShare trip photos\u201d" in view.outputs["add_message"].value
    assert "waiting for all four estimates: Share trip photos" in view.outputs["message"].value
    assert len(ranking_rows(view)) == 13 and view.controls["restore"].disabled and not view.controls["remove"].disabled
    for name, typed in zip(p.ESTIMATE_NAMES, ["20000", "1", "100", "1"], strict=False):
        view.controls[name].value = typed
    assert ranking_rows(view)[0] == "Share trip photos (yours)"
    assert view.outputs["message"].value == ""
    ax = view.charts["chart"].figure.axes[0]
    assert [list(line.get_xdata()) for line in ax.lines if line.get_marker() == chart.OWN_MARKER] == [[1.0]]
    view.controls["remove"].click()
    assert len(ranking_rows(view)) == 13 and view.controls["item"].value == IDS[0]


def test_a_partly_typed_own_item_reports_only_the_bad_values(view):
    view.controls["new_title"].value = "Maps"
    view.controls["add"].click()
    view.controls["impact"].value = "7"
    assert "\u201cMaps\u201d: Impact (0.25 to 3)" in view.outputs["message"].value
    assert "Reach" not in view.outputs["message"].value


@pytest.mark.parametrize(("title", "message"), [
    ("", "Your item&#x27;s title: this field is empty"),
    ("track club gear lent to members", "already has an item called \u201cTrack club gear lent to members\u201d"),
])
def test_adding_an_item_with_a_bad_title_says_why(view, title, message):
    view.controls["new_title"].value = title
    view.controls["add"].click()
    assert message in view.outputs["add_message"].value
    assert [value for _label, value in view.controls["item"].options] == IDS


def test_markup_in_a_title_is_shown_as_text(view):
    view.controls["new_title"].value = "<script>alert(1)</script>"
    view.controls["add"].click()
    for name, typed in zip(p.ESTIMATE_NAMES, ["1", "1", "50", "1"], strict=False):
        view.controls[name].value = typed
    shown = view.outputs["ranking"].value + view.outputs["add_message"].value
    assert "<script>" not in shown and "&lt;script&gt;" in shown


def test_the_error_slider_changes_the_check(view):
    view.controls["swing"].value = 30
    assert "Robust: no single estimate wrong by 30%" in view.outputs["sensitivity"].value


def test_the_same_number_typed_differently_is_not_a_change(view, save_view):
    view.controls["reach"].value = "12,000"
    view.controls["confidence"].value = "80%"
    view.controls["new_title"].value = "Share trip photos"  # an own item, so that Save accepts the work
    view.controls["add"].click()
    for name, typed in zip(p.ESTIMATE_NAMES, ["3000", "0.5", "50", "2"], strict=True):
        view.controls[name].value = typed
    assert save_view(view)["inputs"]["changed_items"] == []


def test_save_keeps_the_ranking_the_estimates_and_own_items(view, save_view):
    view.controls["confidence"].value = "50"
    view.controls["new_title"].value = "Share trip photos"
    view.controls["add"].click()
    for name, typed in zip(p.ESTIMATE_NAMES, ["3000", "0.5", "50", "2"], strict=False):
        view.controls[name].value = typed
    record = save_view(view, name="Ada")
    assert record["exercise_id"] == "prioritiser" and record["exercise_title"] == "Backlog prioritiser"
    assert record["inputs"]["changed_items"] == ["reminders"]
    assert record["inputs"]["estimates"]["reminders"]["confidence"] == 50
    assert record["inputs"]["own_items"] == [{"id": "own-1", "title": "Share trip photos", "theme": "settle-up"}]
    ranking = record["results"]["ranking"]
    assert [row["rank"] for row in ranking] == list(range(1, 15))
    assert ranking[0]["id"] == "reminders" and ranking[0]["score"] == 6000
    assert next(row for row in ranking if row["id"] == "own-1")["own"] is True
    assert record["results"]["sensitivity"]["swing_percent"] == 50


def test_save_refuses_bad_estimates_and_items_without_estimates(view, refused_save):
    view.controls["reach"].value = "many"
    refused_save(view, "Not saved. Fix the estimates first.")
    view.controls["reach"].value = "12000"
    view.controls["new_title"].value = "Maps"
    view.controls["add"].click()
    refused_save(view, "Give these items all four estimates, or remove them: Maps")


def shown_chart(view) -> dict:
    """What the chart shows: the points per colour, the ring, the rank labels and the dashed line's slope."""
    ax = view.charts["chart"].figure.axes[0]
    points = {}
    for line in ax.lines:
        if line.get_marker() in (chart.SHIPPED_MARKER, chart.OWN_MARKER) and line.get_markerfacecolor() != "none":
            key = (to_hex(line.get_color()), line.get_marker())
            points.setdefault(key, set()).update(zip(line.get_xdata(), line.get_ydata(), strict=False))
    (ring,) = [line for line in ax.lines if line.get_markerfacecolor() == "none"]
    (dashed,) = [line for line in ax.lines if line.get_linestyle() == "--"]
    x, y = dashed.get_data()
    return {
        "points": points,
        "ring": (ring.get_xdata()[0], ring.get_ydata()[0]),
        "labels": sorted(int(t.get_text()) for t in ax.texts if t.get_text().isdigit()),
        "slope": y[1] / x[1],
    }


def expected_chart(ranking: p.Ranking) -> dict:
    colours = chart.theme_colours(ranking.backlog.themes)
    points = {}
    for ranked in ranking.order:
        item = ranked.item
        key = (colours[item.theme].lower(), chart.OWN_MARKER if item.own else chart.SHIPPED_MARKER)
        points.setdefault(key, set()).add((item.estimates.effort, item.estimates.value))
    top = ranking.top.estimates
    return {"points": points, "ring": (top.effort, top.value), "labels": list(range(1, len(ranking.order) + 1)),
            "slope": pytest.approx(ranking.top.score)}


CHOICES = {"reach": ["0", "500", "4000", "15000", "30000"], "impact": ["0.25", "0.5", "1", "2", "3"],
           "confidence": ["10", "50", "80", "100", "65"], "effort": ["0.5", "1", "3", "8", "20"]}


@settings(max_examples=40)  # each example redraws the chart up to a dozen times
@given(st.lists(st.tuples(st.sampled_from(IDS), st.sampled_from(p.ESTIMATE_NAMES), st.integers(0, 4)),
                min_size=1, max_size=6), st.sampled_from([10, 50, 90]))
def test_the_chart_always_shows_the_current_estimates(changes, swing):
    view = p.build_prioritiser()
    typed = {item.id: item.estimates.as_dict() for item in p.backlog().items}
    for item_id, name, index in changes:
        view.controls["item"].value = item_id
        view.controls[name].value = CHOICES[name][index]
        typed[item_id][name] = float(CHOICES[name][index])
    view.controls["swing"].value = swing
    ranking = p.rank(p.backlog().with_items(
        p.BacklogItem(item.id, item.title, item.theme, p.Estimates(**typed[item.id])) for item in p.backlog().items
    ))
    assert shown_chart(view) == expected_chart(ranking)
    assert render.escape(f"Number 1, \u201c{ranking.top.title}\u201d") in view.outputs["chart"].value
    sensitivity = p.top_item_sensitivity(ranking, swing / 100)
    assert render.escape(sensitivity.headline()) in view.outputs["sensitivity"].value
