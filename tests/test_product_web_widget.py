"""Headless tests of the product-web explorer: choose as a learner would, read what it shows."""

import html

from hypothesis import given, settings
from hypothesis import strategies as st
from matplotlib.colors import to_hex

from exercises import product_web as pw
from exercises.product_web import chart
from view_checks import redrawn_after, shown_after, view_fixture

view = view_fixture(pw.build_product_web)


def test_starts_with_the_whole_web(view):
    assert "All phases, all teams" in view.outputs["duties"].value
    assert 'class="pm-web-matrix"' in view.outputs["duties"].value
    assert view.outputs["chart"].value.startswith('<img class="pm-chart" src="data:image/png;base64,')
    assert 'alt="Diagram of the product web for All phases, all teams' in view.outputs["chart"].value
    assert view.outputs["message"].value == ""


def test_every_control_has_a_visible_label(view):
    for name in ("phase", "team", "note", "name"):
        assert view.controls[name].description
    assert view.controls["phase"].options[0] == ("All phases", "all")
    assert view.controls["team"].options[0] == ("All teams", "all")


def test_choosing_a_phase_redraws_and_lists_the_duties(view):
    shown = redrawn_after(view, phase="launch")
    assert "Launch, all teams: the PM works with" in shown["duties"]
    assert "Train support and success staff" in shown["duties"]
    assert "strip below: Launch highlighted" in shown["chart"]


def test_choosing_a_team_shows_its_phases_and_where_the_pm_stops(view):
    shown = shown_after(view, team="engineering")
    assert "All phases, Engineering: the PM works with them in 6 of 6 phases." in shown["duties"]
    assert "Where the PM stops" in shown["duties"] and "not the technical design" in shown["duties"]
    assert "Highlighted threads: Engineering (6 phases)." in shown["chart"]


def test_an_empty_combination_gives_a_clear_message(view):
    view.controls["phase"].value = "discovery"
    view.controls["team"].value = "qa"
    shown = view.outputs["duties"].value
    assert "no regular interface in this phase" in shown
    assert "Traceback" not in shown
    assert "No thread is highlighted" in view.outputs["chart"].value


def test_back_to_all_restores_the_matrix(view):
    view.controls["phase"].value = "growth"
    view.controls["phase"].value = "all"
    assert 'class="pm-web-matrix"' in view.outputs["duties"].value


def test_a_bad_starting_choice_shows_a_message_not_a_traceback():
    view = pw.build_product_web(phase="someday", team="legal")
    assert "Unknown phase" in view.outputs["message"].value
    assert 'role="alert"' in view.outputs["message"].value
    assert view.controls["phase"].value == "all" and "pm-web-matrix" in view.outputs["duties"].value


def test_a_starting_choice_is_honoured():
    view = pw.build_product_web(phase="definition", team="customers")
    assert "Bring early prototypes back" in view.outputs["duties"].value


def test_the_note_is_echoed_escaped(view):
    view.controls["note"].value = "<script>alert(1)</script> Sales calls scare me"
    shown = view.outputs["note"].value
    assert "&lt;script&gt;" in shown and "<script>" not in shown


def test_an_over_long_note_gets_a_message(view):
    view.controls["note"].value = "a" * 100_000
    assert "too long" in view.outputs["note"].value and 'role="alert"' in view.outputs["note"].value


def test_save_without_a_note_explains_what_to_do(view, refused_save, work_folder):
    refused_save(view, "Not saved")
    assert "Least-ready interface: this field is empty" in view.outputs["status"].value
    assert not work_folder.exists()


def test_save_writes_the_note_and_the_selection(view, save_view, work_folder):
    view.controls["phase"].value = "growth"
    view.controls["team"].value = "sales"
    view.controls["note"].value = "Sales <b>calls</b>: I have never sold anything."
    record = save_view(view, name="Ada")
    assert "Saved" in view.outputs["status"].value
    (saved,) = work_folder.glob("product-web_ada_*.json")
    note = "Sales <b>calls</b>: I have never sold anything."
    assert record["inputs"] == {"phase": "growth", "team": "sales", "note": note}
    assert record["results"]["active_phases"] == ["growth"]
    markdown = saved.with_suffix(".md").read_text()
    assert "Sales &lt;b&gt;calls&lt;/b&gt;" in markdown and "<b>" not in markdown


def test_returning_to_a_choice_shows_the_same_picture(view):
    first = view.outputs["chart"].value
    view.controls["team"].value = "qa"
    assert view.outputs["chart"].value != first
    view.controls["team"].value = "all"
    assert view.outputs["chart"].value == first


SHARED_VIEW = pw.build_product_web()


@settings(max_examples=60)
@given(st.text(max_size=400) | st.just("<img src=x onerror=alert(1)>") | st.just("x" * 100_000))
def test_any_note_is_echoed_as_text_or_refused_with_a_message(text):
    SHARED_VIEW.controls["note"].value = text
    shown = SHARED_VIEW.outputs["note"].value
    if not text.strip():
        assert shown == ""
    elif len(text.strip()) > pw.MAX_NOTE_CHARS:
        assert "too long" in shown
    else:
        assert "<img" not in shown and "<script" not in shown
        assert html.unescape(shown).count(text.strip().splitlines()[0]) >= 1


WEB = pw.default_web()
PHASE_CHOICES = ["all", *(p.id for p in WEB.phases)]
TEAM_CHOICES = ["all", *(t.id for t in WEB.teams)]


def _shown_web(view) -> dict:
    """What the web chart shows: threads, discs, numbers on threads, lit phases, title."""
    ax = view.charts["chart"].figure.axes[0]
    discs, boxes = ax.collections
    return {
        "threads": [(to_hex(line.get_color()), round(line.get_linewidth(), 6)) for line in ax.lines],
        "discs": [to_hex(colour) for colour in discs.get_facecolors()],
        "numbers": sorted(t.get_text() for t in ax.texts if t.get_text().isdigit()),
        "lit": [to_hex(colour) == chart.ACTIVE for colour in boxes.get_facecolors()],
        "title": ax.get_title(),
    }


@settings(max_examples=50)
@given(st.lists(st.tuples(st.sampled_from(["phase", "team"]), st.integers(0, len(TEAM_CHOICES) - 1)),
                min_size=1, max_size=5))
def test_the_web_always_shows_the_current_choice(changes):
    """After any sequence of menu changes, the chart shows exactly the selection the menus name.

    One view serves every example, so each sequence continues from where the last one left the menus.
    """
    view = SHARED_VIEW
    for menu, n in changes:
        choices = PHASE_CHOICES if menu == "phase" else TEAM_CHOICES
        view.controls[menu].value = choices[n % len(choices)]
    selection = pw.select(WEB, view.controls["phase"].value, view.controls["team"].value)
    active = selection.active_teams()
    expected_threads = [
        (chart.ACTIVE, round(1.5 + 4.5 * selection.strength(t.id) / len(WEB.phases), 6)) if t.id in active
        else (chart.QUIET, 1.0)
        for t in WEB.teams
    ]
    shown = _shown_web(view)
    assert shown["threads"] == expected_threads
    assert shown["discs"] == [chart.ACTIVE if t.id in active else "#f2f3f5" for t in WEB.teams] + [chart.CENTRE]
    assert shown["numbers"] == (sorted(str(selection.strength(t)) for t in active) if selection.phase is None else [])
    assert shown["lit"] == [p.id in selection.lit_phases() for p in WEB.phases]
    assert shown["title"] == f"{WEB.title}: {selection.label}"
    assert f'alt="{html.escape(chart.describe_web(selection))}"' in view.outputs["chart"].value
