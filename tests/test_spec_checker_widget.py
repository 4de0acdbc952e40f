"""Headless tests of the spec checker: write as a learner would, load the examples, read the flags, chart and spec."""

from __future__ import annotations

from html import escape

from hypothesis import given, settings
from hypothesis import strategies as st
from matplotlib.colors import to_hex

from exercises import spec_checker as sc
from exercises.spec_checker.chart import describe_flags
from shown_bars import shown_bars
from view_checks import assert_shows, control_values, redrawn_after, result_or_empty_chart, view_fixture

SECTION_IDS = list(sc.spec_rules().section_ids)
SCENARIOS = sc.spec_scenarios()


checker = view_fixture(sc.build_spec_checker)


def test_starts_empty_with_every_section_missing_the_first_scenario_and_a_chart(checker):
    assert "Flags: 6 (6 missing)" in checker.outputs["checklist"].value
    assert checker.outputs["chart"].value.startswith('<img class="pm-chart"')
    assert "Problem 1 (must fix)" in checker.outputs["chart"].value
    assert SCENARIOS[0].title in checker.outputs["brief"].value
    assert "(not written yet)" in checker.outputs["spec"].value
    assert "What the checker cannot see" in checker.outputs["limits"].value
    for name in [*SECTION_IDS, "scenario", "flawed", "good", "clear"]:
        assert checker.controls[name].description
    assert checker.controls["criteria"].description == "Acceptance criteria (\u2264170 words)"


def test_writing_a_section_updates_the_flags_the_chart_and_the_spec(checker):
    shown = redrawn_after(checker, problem="Treasurers spend 45 minutes chasing money after every trip.")
    assert_shows(shown, spec="Treasurers spend 45 minutes", checklist="Flags: 5 (5 missing)",
                 chart="Problem 0 (no flags)")


def test_a_vague_criterion_is_flagged_and_marked_and_a_precise_one_clears_it(checker):
    checker.controls["criteria"].value = "The reminder is fast."
    checklist = checker.outputs["checklist"].value
    assert "Acceptance criteria: untestable" in checklist and "Acceptance criteria: vague" in checklist
    assert '">fast</mark>.' in checker.outputs["spec"].value
    checker.controls["criteria"].value = "Given a trip closed 3 days ago, then each member who owes gets one email."
    checklist = checker.outputs["checklist"].value
    assert "Acceptance criteria:" not in checklist and "<mark" not in checker.outputs["spec"].value


def test_the_examples_fill_every_section_and_clear_empties_them(checker):
    checker.controls["flawed"].click()
    assert checker.controls["problem"].value == SCENARIOS[0].flawed["problem"]
    assert "Not ready yet" in checker.outputs["checklist"].value
    assert "solution first" in checker.outputs["checklist"].value
    checker.controls["good"].click()
    assert checker.controls["criteria"].value == SCENARIOS[0].good["criteria"]
    assert "No flags" in checker.outputs["checklist"].value
    assert "flags per section, 0 in all" in checker.outputs["chart"].value
    checker.controls["clear"].click()
    assert all(checker.controls[name].value == "" for name in SECTION_IDS)
    assert "6 missing" in checker.outputs["checklist"].value


def test_loading_an_example_checks_and_redraws_once(checker):
    before = checker.charts["chart"].redraws
    checker.controls["flawed"].click()
    assert checker.charts["chart"].redraws == before + 1


def test_the_scenario_choice_changes_the_brief_and_the_examples(checker):
    checker.controls["problem"].value = "Kept across scenarios."
    checker.controls["scenario"].value = "shop-refunds"
    assert "Online shops: refunds that wait for support" in checker.outputs["brief"].value
    assert checker.controls["problem"].value == "Kept across scenarios."  # switching never throws work away
    assert "One-page spec: Online shops" in checker.outputs["spec"].value
    checker.controls["flawed"].click()
    assert checker.controls["problem"].value == sc.scenario("shop-refunds").flawed["problem"]


def test_markup_is_shown_escaped_everywhere(checker):
    checker.controls["users"].value = "<script>alert('x')</script> everyone"
    checker.controls["stories"].value = "<img src=x onerror=alert(1)>"
    for name in ("spec", "checklist"):
        shown = checker.outputs[name].value
        assert "<script>" not in shown and "<img src=x" not in shown
    assert "&lt;script&gt;" in checker.outputs["spec"].value


def test_a_hundred_kilobytes_shows_a_message_and_recovers(checker):
    checker.controls["non_goals"].value = "x" * 100_000
    message = checker.outputs["message"].value
    assert "Non-goals: 100,000 characters is too long" in message and 'role="alert"' in message
    assert checker.outputs["spec"].value == checker.outputs["chart"].value == checker.outputs["checklist"].value == ""
    checker.controls["non_goals"].value = "Payments inside the app."
    assert checker.outputs["message"].value == "" and "Payments inside the app." in checker.outputs["spec"].value


def test_save_refuses_an_empty_spec(checker, refused_save, work_folder):
    refused_save(checker, "Write at least one section of your spec first")
    assert not work_folder.exists()


def test_save_refuses_overlong_text(checker, refused_save, work_folder):
    checker.controls["problem"].value = "y" * 6_000
    refused_save(checker, "Not saved. Fix the text first. Problem: 6,000 characters")


def test_save_keeps_the_spec_and_its_flags_as_json_and_markdown(checker, save_view, work_folder):
    checker.controls["scenario"].value = "clinic-no-shows"
    checker.controls["flawed"].click()
    checker.controls["users"].value = "All users <b>here</b>."
    record = save_view(checker, name="Grace")
    assert record["exercise_id"] == "spec-checker" and record["learner_name"] == "Grace"
    assert record["inputs"]["scenario"] == "clinic-no-shows"
    assert record["inputs"]["users"] == "All users <b>here</b>."
    results = record["results"]
    assert results["scenario"] == "clinic-no-shows" and results["ready"] is False
    assert results["flags_per_section"]["criteria"] == 6
    assert {"section": "problem", "kind": "solution first"}.items() <= results["flags"][0].items()
    markdown = next(work_folder.glob("*.md")).read_text(encoding="utf-8")
    assert "### Users" in markdown and "&lt;b&gt;" in markdown and "<b>" not in markdown
    assert "- Users: vague:" in markdown


SPEC_TEXTS = st.sampled_from([
    "", "Reminders are fast.", "As a treasurer, I want reminders so that I stop chasing.",
    "Given 3 days, then an email is sent.", "We will build a dashboard.", "Everyone.", "word " * 200,
])
CHANGES = st.one_of(  # for apply_changes: (control, value) or (button,)
    st.tuples(st.sampled_from(SECTION_IDS), SPEC_TEXTS),
    st.tuples(st.just("scenario"), st.sampled_from([s.id for s in SCENARIOS])),
    st.tuples(st.sampled_from(["flawed", "good", "clear"])),
    st.just(("users", "y" * 6_000)),  # too long
)


def _shown(view) -> tuple[list[str], list[float], list[str], list[float], str]:
    """What the chart shows, first section first: labels, bar widths, bar colours, rows with a dot, the title."""
    ax = view.charts["chart"].figure.axes[0]
    ticks = sorted(zip(ax.get_yticks(), ax.get_yticklabels(), strict=True), key=lambda tick: tick[0])
    (bars,) = ax.collections
    shown = sorted(shown_bars(bars), key=lambda bar: bar.row)
    assert [bar.row for bar in shown] == [position for position, _ in ticks]
    dots = [y for line in ax.lines for y in line.get_ydata()]
    assert all(to_hex(line.get_color()) == "#2e7d32" for line in ax.lines)
    return ([label.get_text() for _, label in ticks], [bar.width for bar in shown], [bar.colour for bar in shown],
            sorted(dots), ax.get_title(loc="left"))


@settings(max_examples=40)  # each example builds the whole exercise
@given(st.lists(CHANGES, min_size=1, max_size=8))
def test_the_chart_always_shows_the_current_flags(changes):
    view = sc.build_spec_checker()
    spec = result_or_empty_chart(view, changes, lambda: sc.check_spec(control_values(view, SECTION_IDS)))
    if spec is None:
        return
    chart = spec.chart
    labels, widths, colours, dots, title = _shown(view)
    assert labels == list(chart.labels)
    assert widths == list(chart.counts)
    assert colours == ["#b3261e" if must else "#b36b00" for must in chart.must_fix]
    assert dots == [row for row, count in enumerate(chart.counts) if count == 0]
    assert title == f"Flags per section: {chart.total} in all"
    assert escape(describe_flags(chart)) in view.outputs["chart"].value
