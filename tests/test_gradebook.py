"""The gradebook: valid saves are graded, every hostile file is reported with its reason, nothing crashes."""

from __future__ import annotations

import csv
import json
import os
import shutil
import tempfile
from datetime import UTC, datetime
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from exercises import registry
from exercises.kit.savework import make_record, save_record
from exercises.rubrics import Criterion, Level
from tools import gradebook, submissions


def record(exercise="feasibility", name="Ada Lovelace", when=(2026, 11, 23, 10, 0), results=None, inputs=None):
    return make_record(exercise, f"Exercise {exercise}", inputs or {"price": 15}, results or {"profit": 750.0},
                       learner_name=name, saved_at=datetime(*when, tzinfo=UTC))


def write(path: Path, data: object) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(data, bytes):
        path.write_bytes(data)
    else:
        path.write_text(data if isinstance(data, str) else json.dumps(data), encoding="utf-8")
    return path


@pytest.fixture
def corpus(tmp_path):
    """A submissions folder with valid saves and one of every kind of hostile file.

    Returns (folder, {file name: expected words in its reason}).
    """
    folder = tmp_path / "submissions"
    folder.mkdir()
    older = save_record(record(inputs={"price": 10}, when=(2026, 11, 23, 9, 0)), folder)
    save_record(record(inputs={"price": 20}, when=(2026, 11, 23, 11, 0)), folder)  # the latest save wins
    save_record(record("red-flags", "Bob", results={"score": 7, "max_score": 10}), folder)
    save_record(record("red-flags", "  bob ", results={"score": 9, "max_score": 10}, when=(2026, 11, 24, 8, 0)), folder)
    save_record(record("feasibility", "=HYPERLINK(\"evil\")"), folder)
    save_record(record("feasibility", "-1+1"), folder, attachments={"canvas.png": b"\x89PNG fake"})
    save_record(record("feasibility", None), folder / "carol-submission")
    save_record(record("red-flags", None, results={"score": 3, "max_score": 10}), folder / "carol-submission")
    save_record(record("feasibility", None, when=(2026, 11, 23, 12, 0)), folder)
    unknown = save_record(record("old-exercise", "Dan"), folder)  # not in the course: reported, not graded
    future = save_record(record("feasibility", "Zed", when=(2099, 1, 1, 0, 0)), folder)  # would win as the latest
    valid = record()
    valid_text = json.dumps(valid)
    nested_ok_depth = {"a": 1}
    for _ in range(40):
        nested_ok_depth = {"a": nested_ok_depth}
    hostile = {
        "truncated.json": (valid_text[: len(valid_text) // 2], "truncated"),
        "nan.json": (valid_text.replace('"profit": 750.0', '"profit": NaN'), "NaN"),
        "huge.json": ('{"pad": "' + "x" * (submissions.MAX_BYTES + 10) + '"}', "too large"),
        "version99.json": ({**valid, "schema_version": 99}, "schema mismatch, not a valid saved-work record: "
                           "unsupported schema version"),
        "<script>.json": (valid_text, "file name"),
        "junk.json": (bytes(range(256)) * 4, "not UTF-8"),
        "empty.json": ("", "empty"),
        "spaces.json": ("  \n ", "white space"),
        "deep.json": ("[" * 100_000 + "]" * 100_000, "nested too deeply"),
        "deep-but-parsable.json": ({**valid, "inputs": nested_ok_depth}, "nested too deeply"),
        "latin1.json": (json.dumps({**valid, "learner_name": "José"}, ensure_ascii=False).encode("latin-1"),
                        "not UTF-8"),
        "array.json": ([valid], "not a JSON object"),
        "missing.json": ({"schema": valid["schema"]}, "missing keys"),
        "bad-score.json": ({**record("red-flags", "Eve", results={"score": 11, "max_score": 10})}, "score"),
        "bool-score.json": ({**record("red-flags", "Eve", results={"score": True, "max_score": 1})}, "score"),
        "bigint.json": ('{"n": ' + "1" * 5000 + "}", "not valid JSON"),
        "notes.txt": ("hello", "not a saved-work record"),
        "bad-title.json": ({**valid, "exercise_title": "<img src=x onerror=alert(1)>"}, "exercise_title"),
    }
    for name, (data, _reason) in hostile.items():
        write(folder / name, data)
    expected = {name: reason for name, (_data, reason) in hostile.items()}
    expected[unknown.json_path.name] = "unknown exercise id 'old-exercise'"
    expected[future.json_path.name] = "saved_at 2099-01-01T00:00:00Z is more than a day in the future"
    shutil.copy(older.json_path, folder / "z-copy-of-ada.json")
    expected["z-copy-of-ada.json"] = "duplicate"
    (folder / "link.json").symlink_to(older.json_path)
    expected["link.json"] = "symbolic link"
    (folder / "linked-folder").symlink_to(folder / "carol-submission", target_is_directory=True)
    expected["linked-folder"] = "symbolic link"
    write(folder / ".DS_Store", b"\x00\x01junk")
    write(folder / "__MACOSX" / "._feasibility.json", b"\x00\x05\x16\x07")
    os.mkfifo(folder / "pipe.json")  # reading a pipe would hang the run
    expected["pipe.json"] = "not a regular file"
    with open(os.path.join(os.fsencode(folder), b"bad-\xff-name.json"), "w", encoding="utf-8") as handle:
        handle.write(valid_text)
    expected["bad-\\xff-name.json"] = "file name"
    return folder, expected


def read_csv(path: Path) -> list[dict[str, str]]:
    with path.open(newline="", encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def test_every_hostile_file_is_reported_once_with_its_reason(corpus):
    folder, expected = corpus
    book = gradebook.collect(folder, ["feasibility", "red-flags"], progress=False)
    reported = {p.path: p.reason for p in book.problems}
    assert len(reported) == len(book.problems), "a file was reported twice"
    assert set(reported) == set(expected), set(reported) ^ set(expected)
    for name, words in expected.items():
        assert words.lower() in reported[name].lower(), (name, reported[name])


def test_valid_files_are_all_graded_despite_the_hostile_ones(corpus, tmp_path):
    folder, _expected = corpus
    book = gradebook.collect(folder, ["feasibility", "red-flags"], progress=False)
    out = tmp_path / "grades.csv"
    gradebook.write_csv(book, out)
    rows = {row["learner"]: row for row in read_csv(out)}
    assert set(rows) == {"Ada Lovelace", "bob", "'=HYPERLINK(\"evil\")", "'-1+1",
                         "(no name) carol-submission", "(no name) " + next(
                             p.name for p in folder.glob("feasibility_anonymous_*.json"))}
    assert book.records_used == 9 and book.companions_skipped == 12  # eleven .md twins and one canvas PNG
    assert book.system_skipped == 2  # .DS_Store and the __MACOSX copy
    assert rows["Ada Lovelace"]["feasibility completed"] == "1" and rows["Ada Lovelace"]["red-flags completed"] == "0"
    assert rows["bob"]["red-flags score"] == "9" and rows["bob"]["red-flags max score"] == "10"
    assert rows["bob"]["last saved (UTC)"] == "2026-11-24T08:00:00Z"
    carol = rows["(no name) carol-submission"]
    assert carol["exercises completed"] == "2" and carol["red-flags score"] == "3"
    assert "feasibility score" not in rows["bob"]  # an unscored exercise has no score columns
    assert not any("old-exercise" in column for column in rows["bob"])  # an unknown id gets no column


def test_the_latest_save_wins(corpus):
    folder, _expected = corpus
    book = gradebook.collect(folder, progress=False)
    ada = book.learners[("name", "ada lovelace")]["feasibility"]
    saved = json.loads((folder / ada.path).read_text(encoding="utf-8"))
    assert saved["inputs"] == {"price": 20} and saved["saved_at"] == "2026-11-23T11:00:00Z"


def test_command_writes_csv_and_png_reports_problems_and_refuses_to_overwrite(corpus, tmp_path, capsys):
    folder, expected = corpus
    out = tmp_path / "out" / "grades.csv"
    assert gradebook.main([str(folder), "--out", str(out), "--quiet"]) == 0
    printed = capsys.readouterr().out
    assert (tmp_path / "out" / "grades.png").read_bytes().startswith(b"\x89PNG")
    problem_lines = [line for line in printed.splitlines() if line.startswith("  ")]
    assert len(problem_lines) == len(expected)
    # Names in the report are the files', not the records'.
    assert "<script>" not in printed.replace("<script>.json", "")
    with pytest.raises(SystemExit):
        gradebook.main([str(folder), "--out", str(out)])
    assert gradebook.main([str(folder), "--out", str(out), "--force", "--quiet"]) == 0


def test_progress_bar_on_large_folders(tmp_path, monkeypatch, capsys):
    monkeypatch.setattr(gradebook, "PROGRESS_FROM", 5)
    for index in range(12):
        save_record(record(name=f"Learner {index}"), tmp_path)
    gradebook.collect(tmp_path, progress=True)
    err = capsys.readouterr().err
    assert "Reading files" in err and "100% (24/24)" in err
    gradebook.collect(tmp_path, progress=False)
    assert capsys.readouterr().err == ""


def test_chart_description_counts_completion(corpus):
    folder, _expected = corpus
    book = gradebook.collect(folder, ["feasibility", "red-flags"], progress=False)
    text = gradebook.describe_chart(book)
    assert "feasibility: 5 of 6 completed (5 attempted)" in text
    assert "red-flags: 2 of 6 completed (2 attempted), mean score 60%" in text


@pytest.mark.parametrize("cell, safe", [("=1+1", "'=1+1"), ("+A1", "'+A1"), ("-2", "'-2"), ("@SUM(A1)", "'@SUM(A1)"),
                                        ("\tx", "'\tx"), ("Ada", "Ada"), (3, 3)])
def test_spreadsheet_formulas_are_neutralised(cell, safe):
    assert gradebook.spreadsheet_safe(cell) == safe


@given(st.text(max_size=100))
def test_any_learner_name_is_read_without_crashing_and_written_safely(name):
    with tempfile.TemporaryDirectory() as temp:
        folder = Path(temp)
        data = {**record(), "learner_name": name}
        (folder / "save.json").write_text(json.dumps(data), encoding="utf-8")
        book = gradebook.collect(folder, progress=False)
        assert book.records_used + len(book.problems) == 1
        for row in gradebook.rows(book)[1:]:
            assert not str(row[0]).startswith(gradebook.FORMULA_START)
            assert str(row[0]).isprintable()


def test_the_columns_follow_the_registry():
    assert gradebook.course_exercise_ids() == [entry.id for entry in registry.EXERCISES]


def test_a_broken_registry_stops_the_gradebook(corpus, tmp_path, monkeypatch):
    """It used to fall back to file order, silently, when reading the course's exercises failed."""
    folder, _expected = corpus
    monkeypatch.delattr(registry, "EXERCISES")
    with pytest.raises(AttributeError, match="EXERCISES"):
        gradebook.main([str(folder), "--out", str(tmp_path / "grades.csv"), "--quiet"])
    assert not (tmp_path / "grades.csv").exists()


NAMES = ["Smith/Jones", "Ada...", "<script>alert(1)</script>", "../../etc/passwd", "O'Brien & Sons", "back\\slash",
         "Zoë Ångström", "李小龍", "=cmd|' /C calc'!A0", "  spaced   out  ", "\"quoted\""]


@pytest.mark.parametrize("name", NAMES)
def test_every_name_save_accepts_is_graded_and_kept_as_data(name, tmp_path):
    """It used to drop Smith/Jones, Ada... and any name with < > / \\ or .. that Save had accepted."""
    save_record(record(name=name), tmp_path)
    book = gradebook.collect(tmp_path, progress=False)
    assert book.problems == [] and book.records_used == 1
    (label,) = book.labels.values()
    assert label == " ".join(name.split())
    cell = gradebook.rows(book)[1][0]
    assert cell == gradebook.spreadsheet_safe(label)


def test_names_match_on_the_shared_key(tmp_path):
    save_record(record(name="Zoë  Ångström"), tmp_path)
    save_record(record("red-flags", name="zoë ångström", results={"score": 1, "max_score": 18}), tmp_path)
    book = gradebook.collect(tmp_path, progress=False)
    assert len(book.learners) == 1


def test_a_check_is_rescored_from_its_answers_never_its_claim(tmp_path):
    from exercises.kit import checks

    bank = checks.check(4)
    right = {}
    for question in bank.questions:
        if question.kind == "numeric":
            right[question.id] = question.answer
        elif question.kind == "single":
            right[question.id] = next(i for i, o in enumerate(question.options) if o.correct)
        else:
            right[question.id] = [i for i, o in enumerate(question.options) if o.correct]
    first = bank.questions[0].id
    inflated = {k: v for k, v in right.items() if k != first}  # one question left out ...
    claimed = {"score": bank.max_score, "max_score": bank.max_score}  # ... but full marks claimed
    save_record(record("check-04", "Ada", inputs=inflated, results=claimed), tmp_path)
    book = gradebook.collect(tmp_path, progress=False)
    save = book.learners[("name", "ada")]["check-04"]
    assert (save.score, save.max_score) == (bank.max_score - 1, bank.max_score)
    header, row = gradebook.rows(book)
    assert row[header.index("check-04 score")] == str(bank.max_score - 1)


def test_attempted_and_completed_are_apart(tmp_path, monkeypatch):
    monkeypatch.setattr(registry, "is_complete", lambda rec: bool(rec["inputs"].get("price")), raising=False)
    save_record(record(name="Ada", inputs={"price": 15}), tmp_path)
    save_record(record(name="Bob", inputs={"price": 0}), tmp_path)
    book = gradebook.collect(tmp_path, progress=False)
    header, *table = gradebook.rows(book)
    got = {row[0]: (row[header.index("feasibility attempted")], row[header.index("feasibility completed")],
                    row[header.index("exercises completed")]) for row in table}
    assert got == {"Ada": (1, 1, 1), "Bob": (1, 0, 0)}


RUBRIC = {"feasibility": (Criterion("explained", "Each number explained", "inputs.price",
                                     (Level("Missing", 0, "No number is explained."),
                                      Level("Full", 3, "Every number is explained <well>."))),)}


def test_one_empty_column_per_rubric_criterion(tmp_path):
    save_record(record(name="Ada"), tmp_path)
    book = gradebook.collect(tmp_path, progress=False, rubrics=RUBRIC)
    header, row = gradebook.rows(book)
    column = header.index("feasibility rubric: Each number explained (max 3)")
    assert row[column] == ""


def test_the_chart_axis_runs_to_the_learner_count(tmp_path):
    """It ran to 18 for 14 learners."""
    for index in range(14):
        save_record(record(name=f"Learner {index}"), tmp_path)
    fig = gradebook.chart_figure(gradebook.collect(tmp_path, progress=False))
    ax = fig.axes[0]
    assert ax.get_xlim() == (0, 14)
    ticks = [t for t in ax.get_xticks() if 0 <= t <= 14]
    assert ticks and all(t == int(t) for t in ticks) and max(ax.get_xticks()) == 14
