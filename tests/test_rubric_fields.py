"""The written answers added for the rubrics: labelled, saved as typed, escaped in the saved Markdown."""

from __future__ import annotations

import pytest

from exercises import registry
from registry_work import DO_THE_WORK

ADDED = [  # exercise id, control, saved field, label
    ("feasibility", "notes", "notes", "Your problem and your sources"),
    ("lean-canvas", "riskiest", "riskiest_assumption", "Your riskiest assumption"),
    ("vision-pitch", "proven_wrong", "proven_wrong", "What would prove this vision wrong?"),
    ("personal-plan", "setbacks", "setbacks", "Setbacks you expect"),
]


@pytest.mark.parametrize(("exercise_id", "control", "field", "label"), ADDED)
def test_the_written_answer_is_saved_and_escaped(exercise_id, control, field, label, save_view, work_folder):
    view = registry.exercise(exercise_id).builder()()
    DO_THE_WORK[exercise_id](view)
    assert view.controls[control].description == label
    answer = "  If <b>fewer</b> than 5 of 20 clubs pay | we stop.  "
    view.controls[control].value = answer
    record = save_view(view, name="Ada")
    assert record["inputs"][field] == answer.strip()
    (markdown,) = work_folder.glob("*.md")
    text = markdown.read_text(encoding="utf-8")
    assert f"## {label}" in text
    assert "<b>" not in text and "&lt;b&gt;fewer&lt;/b&gt;" in text


@pytest.mark.parametrize(("exercise_id", "control", "field", "label"), ADDED)
def test_an_over_long_answer_is_refused_with_its_label(exercise_id, control, field, label, save_view):
    view = registry.exercise(exercise_id).builder()()
    DO_THE_WORK[exercise_id](view)
    view.controls[control].value = "word " * 5000
    assert save_view(view) is None
    assert label.replace("?", "") in view.outputs["status"].value.replace("?", "")
