"""Completion means work was done: the registry's predicates, and Save refusing an empty attempt."""

from __future__ import annotations

import pytest

from exercises import registry
from exercises.kit import savework


def _record(exercise_id: str, inputs: dict, results: dict) -> dict:
    return savework.make_record(exercise_id, registry.exercise(exercise_id).title, inputs, results, learner_name="Ada")


EMPTY_PLAN_INPUTS = {
    "friend_note": "", "ratings": {"communication": None, "engineering": None, "sales": None, "customer": None,
                                   "ambiguity": None},
    "problem": "", "fix": "", "buy_existing": False, "numbers": None, "next_steps_text": "", "today": "2026-11-30",
}


def test_an_empty_plan_and_an_empty_pitch_are_not_complete():
    assert not registry.is_complete(_record("personal-plan", EMPTY_PLAN_INPUTS, {}))
    assert registry.is_complete(_record("personal-plan", EMPTY_PLAN_INPUTS | {"problem": "Minibus money"}, {}))
    assert not registry.is_complete(_record("vision-pitch", {}, {"parts_written": 0, "parts_total": 7}))
    assert registry.is_complete(_record("vision-pitch", {}, {"parts_written": 1, "parts_total": 7}))


def test_unknown_ids_and_malformed_records_are_not_complete():
    assert not registry.is_complete(savework.make_record("not-an-exercise", "Unknown", {}, {}))
    assert not registry.is_complete(_record("vision-pitch", {}, {}))  # no parts_written: malformed, not complete
    assert not registry.is_complete({"exercise_id": "personal-plan", "inputs": "text"})


def test_a_check_with_no_predicate_is_complete_when_saved():
    assert registry.exercise("check-01").complete is None
    assert registry.is_complete(_record("check-01", {}, {"score": 0, "max_score": 8}))


def test_every_widget_exercise_declares_what_complete_means():
    assert [entry.id for entry in registry.WIDGETS if entry.complete is None] == []


@pytest.mark.parametrize(("exercise_id", "message"), [
    ("personal-plan", "Fill in at least one part of your plan first: it is empty."),
    ("vision-pitch", "Write at least one part of your pitch first: 0 of 7 parts are written."),
    ("feasibility", "Enter your own numbers first: these are still the example&#x27;s."),
])
def test_save_refuses_an_empty_attempt_with_its_message(exercise_id, message, save_view):
    view = registry.exercise(exercise_id).builder()()
    assert save_view(view, name="Ada") is None
    status = view.outputs["status"].value
    assert "Not saved." in status and message in status


@pytest.mark.parametrize("entry", registry.WIDGETS, ids=[e.id for e in registry.WIDGETS])
def test_no_exercise_saves_its_untouched_starting_state(entry, refused_save):
    view = entry.builder()()
    refused_save(view, "Not saved.", name="Ada")
