"""Canvas and Moodle import files and feedback pages, against their documented layouts."""

from __future__ import annotations

import csv
import re
from datetime import UTC, datetime
from pathlib import Path

from exercises import registry
from exercises.kit.savework import make_record, save_record
from exercises.rubrics import Criterion, Level
from tools import grade_exports, gradebook

HOSTILE = "<script>alert(1)</script> Smith/Jones"
RUBRIC = {"feasibility": (Criterion("explained", "Each number explained", "inputs.note",
                                    (Level("Missing", 0, "No <b>number</b> explained."), Level("Full", 2, "All."))),)}


def saved(tmp_path: Path) -> gradebook.Gradebook:
    folder = tmp_path / "in"
    when = datetime(2026, 11, 23, 10, tzinfo=UTC)
    save_record(make_record("feasibility", "Feasibility", {"note": "<img src=x onerror=alert(1)>"}, {"profit": 5},
                            learner_name=HOSTILE, saved_at=when), folder)
    save_record(make_record("red-flags", "Red flags", {}, {"score": 9, "max_score": 18}, learner_name="Ada",
                            saved_at=when), folder)
    return gradebook.collect(folder, progress=False, rubrics=RUBRIC)


def read(path: Path) -> list[list[str]]:
    with path.open(newline="", encoding="utf-8") as handle:
        return list(csv.reader(handle))


def test_canvas_layout(tmp_path):
    book = saved(tmp_path)
    roster = {"ada": {"canvas_id": "101", "sis_user_id": "S1", "sis_login_id": "ada@x", "section": "A"}}
    out = tmp_path / "canvas.csv"
    grade_exports.write_rows(out, grade_exports.canvas_rows(book, roster))
    header, points, *learners = read(out)
    assert header[:5] == ["Student", "ID", "SIS User ID", "SIS Login ID", "Section"]
    assert len(header) == 5 + len(registry.EXERCISES)
    assert header[5] == f"{registry.EXERCISES[0].title} ({registry.EXERCISES[0].id})"
    assert points[0].strip() == "Points Possible"
    flags = header.index("Red-flag sorter (red-flags)")
    assert points[flags] == "18"
    rows = {row[0]: row for row in learners}
    assert rows["Ada"][1:5] == ["101", "S1", "ada@x", "A"] and rows["Ada"][flags] == "9"
    assert rows[HOSTILE][1:5] == ["", "", "", ""]  # not in the roster: kept, and listed by the command
    assert grade_exports.unmatched(book, roster) == [HOSTILE]


def test_moodle_layout(tmp_path):
    book = saved(tmp_path)
    out = tmp_path / "moodle.csv"
    grade_exports.write_rows(out, grade_exports.moodle_rows(book, {"ada": {"email": "ada@example.edu"}}))
    header, *learners = read(out)
    assert header[0] == "Email address" and len(header) == 1 + len(registry.EXERCISES)
    feas = next(i for i, h in enumerate(header) if h.endswith("(feasibility)"))
    assert sorted(row[0] for row in learners) == ["", "ada@example.edu"]
    assert sorted(row[feas] for row in learners) == ["0", "1"]


def test_feedback_pages_are_escaped_self_contained_with_the_rubric(tmp_path):
    book = saved(tmp_path)
    pages = grade_exports.write_feedback(book, tmp_path / "feedback")
    assert len(pages) == 2
    page = next(p for p in pages if "script" in p.name).read_text(encoding="utf-8")
    assert "<script" not in page and "<img" not in page and "<b>" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt; Smith/Jones" in page
    assert "&lt;img src=x onerror=alert(1)&gt;" in page  # the saved work, rendered
    assert "Each number explained" in page and "Points: ____ of 2" in page  # the rubric beside it
    assert not re.search(r"(src|href)=['\"]?(https?:|//)", page)


def test_the_command_writes_every_output(tmp_path, capsys):
    book_folder = tmp_path / "in"
    saved(tmp_path)
    code = gradebook.main([str(book_folder), "--out", str(tmp_path / "g.csv"), "--canvas", str(tmp_path / "c.csv"),
                           "--moodle", str(tmp_path / "m.csv"), "--feedback", str(tmp_path / "fb"), "--quiet"])
    assert code == 0
    assert (tmp_path / "c.csv").exists() and (tmp_path / "m.csv").exists()
    assert len(list((tmp_path / "fb").glob("*.html"))) == 2
    assert "Learners with no identifier" in capsys.readouterr().out
