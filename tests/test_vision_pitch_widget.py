"""Headless tests of the vision-pitch builder: type as a learner would, read the checker and the pitch."""

from html import escape

from hypothesis import given, settings
from hypothesis import strategies as st

from exercises import vision_pitch as v
from exercises.vision_pitch.chart import describe_word_budget
from shown_bars import shown_bars
from view_checks import assert_shows, control_values, redrawn_after, result_or_empty_chart, view_fixture

builder = view_fixture(v.build_pitch_builder)


def test_starts_empty_with_every_part_missing_and_a_chart(builder):
    assert "7 missing" in builder.outputs["checklist"].value
    assert builder.outputs["chart"].value.startswith('<img class="pm-chart"')
    assert "(not written yet)" in builder.outputs["pitch"].value
    assert "what it costs" in builder.outputs["focus"].value.lower()
    for name in ("headline", "problem", "for_whom", "why_now", "success", "cost", "returns", "audience"):
        assert builder.controls[name].description


def test_typing_a_part_updates_the_pitch_the_checker_and_the_chart(builder):
    shown = redrawn_after(builder, problem="Half our trials end in week one.")
    assert_shows(shown, pitch="Half our trials end in week one.", checklist="6 missing", chart="The problem 7 of 60")


def test_an_unbacked_number_is_flagged_and_a_source_clears_it(builder):
    builder.controls["returns"].value = "It brings in 2 million a year."
    assert "What it returns: unbacked number" in builder.outputs["checklist"].value
    builder.controls["returns"].value = "It brings in 2 million a year, according to the sales forecast."
    assert "unbacked number" not in builder.outputs["checklist"].value


def test_the_audience_switch_changes_the_jargon_check(builder):
    builder.controls["why_now"].value = "Our API is ready."
    assert "jargon" in builder.outputs["checklist"].value
    builder.controls["audience"].value = "engineering-team"
    assert "jargon" not in builder.outputs["checklist"].value
    assert "Engineers want" in builder.outputs["focus"].value


def test_example_and_clear_buttons(builder):
    builder.controls["example"].click()
    assert builder.controls["headline"].value == v.pitch_spec().example["headline"]
    shown = builder.outputs["checklist"].value
    assert "sweeping claim" in shown and "unbacked number" in shown and "jargon" in shown and "missing" in shown
    builder.controls["clear"].click()
    assert builder.controls["headline"].value == "" and "7 missing" in builder.outputs["checklist"].value


def test_script_payload_is_shown_escaped(builder):
    builder.controls["problem"].value = "<script>alert('x')</script> 40% churn"
    for name in ("pitch", "checklist"):
        shown = builder.outputs[name].value
        assert "<script>" not in shown and "&lt;script&gt;" in shown


def test_a_hundred_kilobytes_shows_a_message_and_recovers(builder):
    builder.controls["problem"].value = "x" * 100_000
    message = builder.outputs["message"].value
    assert "too long" in message and 'role="alert"' in message
    assert builder.outputs["pitch"].value == "" and builder.outputs["chart"].value == ""
    builder.controls["problem"].value = "Short again."
    assert builder.outputs["message"].value == "" and "Short again." in builder.outputs["pitch"].value


def test_save_writes_the_pitch_as_json_and_markdown(builder, save_view, work_folder):
    builder.controls["headline"].value = "Shops get paid on day one."
    builder.controls["problem"].value = "We lose 20% of sign-ups <b>here</b>."
    record = save_view(builder)
    assert "Saved to the my-work folder" in builder.outputs["status"].value
    assert record["exercise_id"] == "vision-pitch"
    assert record["inputs"]["headline"] == "Shops get paid on day one."
    assert record["inputs"]["audience"] == "senior-managers"
    assert record["results"]["parts_written"] == 2 and record["results"]["ready"] is False
    assert {"field": "problem", "kind": "unbacked number"}.items() <= record["results"]["issues"][0].items()
    markdown = next(work_folder.glob("*.md")).read_text()
    assert "### The vision" in markdown and "Shops get paid on day one." in markdown
    assert "<b>" not in markdown and "&lt;b&gt;" in markdown


def test_save_refuses_overlong_text(builder, refused_save, work_folder):
    builder.controls["cost"].value = "y" * 6000
    refused_save(builder, "Not saved. Fix the text first.")
    assert not work_folder.exists()


def test_the_chart_is_redrawn_only_when_a_word_count_changes(builder):
    builder.controls["problem"].value = "Two words."
    drawn = builder.outputs["chart"].value
    builder.controls["problem"].value = "Three words."
    assert builder.outputs["chart"].value is drawn
    builder.controls["problem"].value = "Now three words."
    assert builder.outputs["chart"].value != drawn and "The problem 3 of 60" in builder.outputs["chart"].value


def test_loading_the_example_redraws_once(builder):
    before = builder.charts["chart"].redraws
    builder.controls["example"].click()
    assert builder.charts["chart"].redraws == before + 1
    assert "The problem 25 of 60" in builder.outputs["chart"].value


def test_words_are_the_kits_words(builder):
    builder.controls["problem"].value = "Sign-ups fall \u2013 fast: we don't know why."
    assert "The problem 7 of 60" in builder.outputs["chart"].value  # the dash alone is not a word


SPEC = v.pitch_spec()
FIELD_IDS = [f.id for f in SPEC.fields]
CHANGES = st.one_of(  # for apply_changes: (control, value) or (button,)
    st.tuples(st.sampled_from(FIELD_IDS), st.integers(0, 80).map(lambda words: "word " * words)),
    st.tuples(st.just("audience"), st.sampled_from([a.id for a in SPEC.audiences])),
    st.tuples(st.sampled_from(["example", "clear"])),
    st.just(("cost", "y" * 6000)),  # too long
)


def _shown_budget(view) -> tuple[list[str], list[float], list[float], list[str], str]:
    """What the word-budget chart shows, first part first: labels, limit bars, used bars, their colours, the title."""
    ax = view.charts["chart"].figure.axes[0]
    ticks = sorted(zip(ax.get_yticks(), ax.get_yticklabels(), strict=True), key=lambda tick: tick[0])
    rows = [position for position, _ in ticks]
    limits, used = (sorted(shown_bars(bars), key=lambda bar: bar.row) for bars in ax.collections)
    assert [bar.row for bar in limits] == [bar.row for bar in used] == rows  # one pair of bars on each labelled row
    assert {bar.height for bar in limits} == {0.8} and {bar.height for bar in used} == {0.5}
    return ([label.get_text() for _, label in ticks], [bar.width for bar in limits], [bar.width for bar in used],
            [bar.colour for bar in used], ax.get_title())


@settings(max_examples=50)  # each example builds the whole exercise
@given(st.lists(CHANGES, min_size=1, max_size=8))
def test_the_word_budget_always_shows_the_current_pitch(changes):
    view = v.build_pitch_builder()
    pitch = result_or_empty_chart(
        view, changes, lambda: v.check_pitch(SPEC, control_values(view, FIELD_IDS), view.controls["audience"].value))
    if pitch is None:
        return
    budget = pitch.budget
    labels, limits, used, colours, title = _shown_budget(view)
    assert labels == [f.label for f in SPEC.fields]
    assert limits == [f.max_words for f in SPEC.fields]
    pairs = list(zip(budget.used, budget.limits, strict=True))
    assert used == [min(n, limit * 1.5) for n, limit in pairs]
    assert colours == ["#b3261e" if n > limit else "#1a56c4" for n, limit in pairs]
    assert title == f"Word budget: {sum(budget.used)} of {sum(budget.limits)} words"
    assert escape(describe_word_budget(budget)) in view.outputs["chart"].value
