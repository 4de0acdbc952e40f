"""Headless tests of the vision-pitch builder: type as a learner would, read the checker and the pitch."""

import json

import pytest

from exercises import vision_pitch as v


@pytest.fixture
def builder():
    return v.build_pitch_builder()


def test_starts_empty_with_every_part_missing_and_a_chart(builder):
    assert "7 missing" in builder.outputs["checklist"].value
    assert builder.outputs["chart"].value.startswith('<img class="pm-chart"')
    assert "(not written yet)" in builder.outputs["pitch"].value
    assert "what it costs" in builder.outputs["focus"].value.lower()
    for name in ("headline", "problem", "for_whom", "why_now", "success", "cost", "returns", "audience"):
        assert builder.controls[name].description


def test_typing_a_part_updates_the_pitch_the_checker_and_the_chart(builder):
    before = builder.outputs["chart"].value
    builder.controls["problem"].value = "Half our trials end in week one."
    assert "Half our trials end in week one." in builder.outputs["pitch"].value
    assert "6 missing" in builder.outputs["checklist"].value
    assert builder.outputs["chart"].value != before and "The problem 7 of 60" in builder.outputs["chart"].value


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
    assert builder.controls["headline"].value == v.load_spec().example["headline"]
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


def test_save_writes_the_pitch_as_json_and_markdown(builder, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    builder.controls["headline"].value = "Shops get paid on day one."
    builder.controls["problem"].value = "We lose 20% of sign-ups <b>here</b>."
    builder.controls["save"].click()
    assert "Saved to the my-work folder" in builder.outputs["status"].value
    record = json.loads(next((tmp_path / "my-work").glob("*.json")).read_text())
    assert record["exercise_id"] == "vision-pitch"
    assert record["inputs"]["headline"] == "Shops get paid on day one." and record["inputs"]["audience"] == "senior-managers"
    assert record["results"]["parts_written"] == 2 and record["results"]["ready"] is False
    assert {"field": "problem", "kind": "unbacked number"}.items() <= record["results"]["issues"][0].items()
    markdown = next((tmp_path / "my-work").glob("*.md")).read_text()
    assert "### The vision" in markdown and "Shops get paid on day one." in markdown
    assert "<b>" not in markdown and "&lt;b&gt;" in markdown


def test_save_refuses_overlong_text(builder, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    builder.controls["cost"].value = "y" * 6000
    builder.controls["save"].click()
    assert "Not saved. Fix the text first." in builder.outputs["status"].value
    assert not (tmp_path / "my-work").exists()


def test_the_chart_is_redrawn_only_when_a_word_count_changes(builder):
    builder.controls["problem"].value = "Two words."
    drawn = builder.outputs["chart"].value
    builder.controls["problem"].value = "Three words."
    assert builder.outputs["chart"].value is drawn
    builder.controls["problem"].value = "Now three words."
    assert builder.outputs["chart"].value != drawn and "The problem 3 of 60" in builder.outputs["chart"].value
