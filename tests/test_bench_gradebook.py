"""The gradebook benchmark's saved files are real saves, and the gradebook reads them as it says."""

from __future__ import annotations

import json

from exercises import registry
from exercises.kit import checks
from tools import bench_gradebook, gradebook


def test_the_benchmark_writes_saves_the_gradebook_grades_and_the_cases_it_must_report(tmp_path):
    learners = 2 * len(bench_gradebook.EXTRAS)  # each case twice; every exercise saved by someone
    expected = bench_gradebook.write_corpus(tmp_path / "saves", learners)
    book = gradebook.collect(tmp_path / "saves", progress=False)
    assert expected == {"files": 20 * learners, "records": 20 * learners - 10, "problems": 10, "learners": learners}
    assert (book.files_seen, book.records_used, len(book.problems), len(book.learners)) == (
        expected["files"], expected["records"], expected["problems"], expected["learners"])
    reasons = " ".join(problem.reason for problem in book.problems)
    for words in ("a duplicate of", "truncated", "schema mismatch", "unknown exercise id", "in the future"):
        assert words in reasons
    saved = {save.exercise_id for saves in book.learners.values() for save in saves.values()}
    assert saved == {entry.id for entry in registry.EXERCISES}  # every exercise, with its real id
    assert all(save.completed for saves in book.learners.values() for save in saves.values())
    a_check = next(path for path in (tmp_path / "saves").glob("check-04_*.json"))
    answers = json.loads(a_check.read_text(encoding="utf-8"))["inputs"]
    assert set(answers) == {question.id for question in checks.check(4).questions}  # the bank's own questions
