"""Rubrics as data: every criterion is gradable from what its exercise saves, and score bands have no gaps."""

from __future__ import annotations

import copy
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from exercises import registry, rubrics
from exercises.kit import data

ROOT = Path(__file__).resolve().parent.parent
RAW = data.load(rubrics.DATA_FILE)


def test_every_widget_exercise_has_a_rubric_and_every_rubric_an_exercise():
    assert list(rubrics.rubrics()) == [entry.id for entry in registry.WIDGETS]


@pytest.mark.parametrize("entry", registry.WIDGETS, ids=[e.id for e in registry.WIDGETS])
def test_every_criterion_names_a_field_the_saved_record_holds(entry, save_view):
    from registry_work import DO_THE_WORK

    view = entry.builder()()
    DO_THE_WORK[entry.id](view)
    record = save_view(view, name="Ada")
    assert record is not None, view.outputs["status"].value
    for criterion in rubrics.rubrics()[entry.id].criteria:
        rubrics.field_value(record, criterion.field)  # raises KeyError naming the path
        if criterion.banded:
            assert criterion.field == "results.score" and "max_score" in record["results"]


def test_a_missing_field_is_named():
    with pytest.raises(KeyError, match="the record has no inputs.riskiest_assumption"):
        rubrics.field_value({"inputs": {"problem": "x"}}, "inputs.riskiest_assumption")


@given(st.integers(0, 96), st.integers(1, 96))
def test_every_score_falls_in_exactly_one_band(score, max_score):
    score = min(score, max_score)
    for rubric in rubrics.rubrics().values():
        for criterion in (c for c in rubric.criteria if c.banded):
            share = score / max_score
            matching = [lv for lv, nxt in zip(criterion.levels, [*criterion.levels[1:], None], strict=True)
                        if share >= lv.from_share and (nxt is None or share < nxt.from_share)]
            assert matching == [criterion.band(score, max_score)]


def test_metric_tree_bands_follow_the_described_counts():
    (score,) = [c for c in rubrics.rubrics()["metric-tree"].criteria if c.banded]
    assert [score.band(n, 9).name for n in (0, 6, 7, 8, 9)] == ["Not yet", "Not yet", "Meets", "Meets", "Strong"]


def _broken(change) -> dict:
    raw = copy.deepcopy(RAW)
    change(raw)
    return raw


@pytest.mark.parametrize(("change", "message"), [
    (lambda raw: raw["rubrics"][1]["criteria"][0]["levels"][1].update(from_share=0.0),
     "rubrics.json: at /rubrics/1/criteria/0/levels: score bands need from_share on every level, from 0, rising"),
    (lambda raw: raw["rubrics"][1]["criteria"][0]["levels"][0].update(from_share=0.2),
     "rubrics.json: at /rubrics/1/criteria/0/levels: score bands need from_share"),
    (lambda raw: raw["rubrics"][0]["criteria"][0]["levels"][2].update(points=1),
     "rubrics.json: at /rubrics/0/criteria/0/levels: points must start at 0 and rise level by level"),
    (lambda raw: raw["rubrics"][0].update(exercise_id="no-such-exercise"),
     "rubrics.json: at /rubrics/0/exercise_id: No exercise 'no-such-exercise'"),
    (lambda raw: raw["rubrics"][0]["criteria"][0].update(field="note"), "rubrics.json"),
])
def test_broken_rubrics_are_refused_with_the_file_and_path(change, message):
    with pytest.raises(ValueError, match=message.replace("(", r"\(").replace(")", r"\)")):
        rubrics.parse_rubrics(_broken(change), source="rubrics.json")


def test_the_instructor_guide_shows_the_rubrics_from_the_data():
    guide = (ROOT / "chapters" / "instructor-guide.md").read_text(encoding="utf-8")
    assert rubrics.guide_tables() in guide, "run `python -m exercises.rubrics` and paste its output into the guide"
    assert "under half right" not in guide and "at least two thirds right" not in guide
