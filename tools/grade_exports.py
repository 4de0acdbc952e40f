"""What the gradebook writes besides its CSV: Canvas and Moodle import files, and feedback pages.

- Canvas (Grades > Import): the columns Canvas's own export has, "Student", "ID", "SIS User ID",
  "SIS Login ID", "Section", then one column per assignment, and a second row "Points Possible".
  Canvas matches a row to a student by ID, SIS User ID or SIS Login ID, which come from a roster.
- Moodle (Grades > Import > CSV file): "Email address" as the identifier (map it to the user
  field "Email address") and one column per grade item.
- Learners are matched to a roster (``--roster FILE``: a CSV with a ``name`` column and any of
  ``email``, ``canvas_id``, ``sis_user_id``, ``sis_login_id``, ``section``) with the same name rule as
  Save. A learner the roster does not list keeps their typed name and gets empty identifiers; the
  command lists them, so nothing is dropped without a word.
- Grade columns: a scored exercise gives its score (checks re-scored); an unscored one gives 1 for a
  completed attempt, 0 otherwise.
- Feedback pages: one self-contained HTML file per learner (no scripts, no links out, every value
  escaped): each saved exercise's work, with its rubric beside it.
"""

from __future__ import annotations

import csv
import hashlib
import json
from pathlib import Path
from typing import Any

from exercises import registry
from exercises.kit.render import escape, table
from exercises.kit.savework import safe_slug
from exercises.rubrics import Criterion, field_value
from tools.gradebook import Gradebook, _format, learner_keys, spreadsheet_safe
from tools.submissions import Submission, name_key

CANVAS_FIXED = ["Student", "ID", "SIS User ID", "SIS Login ID", "Section"]
MOODLE_ID = "Email address"
Roster = dict[str, dict[str, str]]


def read_roster(path: Path) -> Roster:
    """name key -> the roster's row (lower-case column names)."""
    with path.open(newline="", encoding="utf-8-sig") as handle:
        reader = csv.DictReader(handle)
        if not reader.fieldnames or "name" not in [f.strip().lower() for f in reader.fieldnames]:
            raise ValueError(f"{path}: a roster needs a 'name' column")
        return {name_key(row["name"]): row for row in
                ({(k or "").strip().lower(): (v or "").strip() for k, v in raw.items()} for raw in reader)}


def _points(book: Gradebook, exercise: str, save: Submission | None) -> str:
    if exercise in book.scored:
        return _format(save.score) if save and save.score is not None else ""
    return "1" if save and save.completed else "0"


def _possible(book: Gradebook, exercise: str) -> str:
    entry = next((e for e in registry.EXERCISES if e.id == exercise), None)
    return _format(entry.max_score) if entry and entry.max_score is not None else "1"


def _titles(book: Gradebook) -> list[str]:
    titles = {e.id: e.title for e in registry.EXERCISES}
    return [f"{titles.get(exercise, exercise)} ({exercise})" for exercise in book.exercise_ids]


def unmatched(book: Gradebook, roster: Roster) -> list[str]:
    """Learners the roster does not list (their import rows have no identifier)."""
    return [book.labels[key] for key in learner_keys(book) if key[0] != "name" or key[1] not in roster]


def _roster_row(key: tuple[str, str], roster: Roster) -> dict[str, str]:
    return roster.get(key[1], {}) if key[0] == "name" else {}


def canvas_rows(book: Gradebook, roster: Roster) -> list[list[str]]:
    table_rows = [CANVAS_FIXED + _titles(book),
                  ["    Points Possible", "", "", "", ""] + [_possible(book, e) for e in book.exercise_ids]]
    for key in learner_keys(book):
        known = _roster_row(key, roster)
        saves = book.learners[key]
        table_rows.append([book.labels[key], known.get("canvas_id", ""), known.get("sis_user_id", ""),
                           known.get("sis_login_id", ""), known.get("section", "")]
                          + [_points(book, e, saves.get(e)) for e in book.exercise_ids])
    return table_rows


def moodle_rows(book: Gradebook, roster: Roster) -> list[list[str]]:
    table_rows = [[MOODLE_ID] + _titles(book)]
    for key in learner_keys(book):
        saves = book.learners[key]
        table_rows.append([_roster_row(key, roster).get("email", "")]
                          + [_points(book, e, saves.get(e)) for e in book.exercise_ids])
    return table_rows


def write_rows(path: Path, table_rows: list[list[str]]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", newline="", encoding="utf-8") as handle:
        csv.writer(handle).writerows([[spreadsheet_safe(cell) for cell in row] for row in table_rows])


def _flatten(value: Any, prefix: str = "") -> list[tuple[str, str]]:
    if isinstance(value, dict):
        return [pair for k, v in value.items() for pair in _flatten(v, f"{prefix}{k}.")] or [(prefix[:-1], "")]
    if isinstance(value, list) and any(isinstance(v, (dict, list)) for v in value):
        return [pair for i, v in enumerate(value) for pair in _flatten(v, f"{prefix}{i + 1}.")]
    shown = ", ".join(map(str, value)) if isinstance(value, list) else "" if value is None else str(value)
    return [(prefix[:-1], shown)]


def _rubric_html(criteria: tuple[Criterion, ...], record: dict[str, Any]) -> str:
    items = []
    for criterion in criteria:
        try:
            evidence = field_value(record, criterion.field)
        except KeyError:
            evidence = None
        levels = "".join(f"<li><strong>{escape(level.name)}</strong> ({escape(_format(level.points))} points): "
                         f"{escape(level.description)}</li>" for level in criterion.levels)
        items.append(f"<section class='criterion'><h4>{escape(criterion.label)}</h4>"
                     f"<p class='evidence'>Evidence ({escape(criterion.field)}): "
                     f"{escape(json.dumps(evidence, ensure_ascii=False) if evidence is not None else 'not saved')}</p>"
                     f"<ul>{levels}</ul><p>Points: ____ of {escape(_format(criterion.max_points))}</p></section>")
    return "".join(items) or "<p>No rubric for this exercise.</p>"


STYLE = ("body{font-family:system-ui,sans-serif;max-width:70rem;margin:1rem auto;padding:0 1rem;color:#111}"
         ".exercise{display:flex;gap:2rem;border-top:1px solid #ccc;padding:1rem 0}"
         ".work,.rubric{flex:1;min-width:0;overflow-wrap:anywhere}")


def feedback_page(book: Gradebook, key: tuple[str, str]) -> str:
    name = book.labels[key]
    titles = {e.id: e.title for e in registry.EXERCISES}
    sections = []
    for exercise in book.exercise_ids:
        save = book.learners[key].get(exercise)
        if save is None:
            continue
        record = json.loads((book.folder / save.path).read_text(encoding="utf-8-sig"))
        status = "completed" if save.completed else "attempted, not complete"
        score = f"; score {_format(save.score)} of {_format(save.max_score)}" if save.max_score else ""
        work = table(_flatten(record["inputs"], "inputs.") + _flatten(record["results"], "results."),
                     caption="Saved work")
        sections.append(
            f"<section class='exercise'><div class='work'><h2>{escape(titles.get(exercise, exercise))}</h2>"
            f"<p>Saved {escape(save.saved_at)}: {escape(status)}{escape(score)}</p>{work}</div>"
            f"<div class='rubric'><h3>Rubric</h3>{_rubric_html(book.rubrics.get(exercise, ()), record)}</div>"
            "</section>")
    return (f"<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'>"
            f"<meta http-equiv='Content-Security-Policy' content=\"default-src 'none'; style-src 'unsafe-inline'\">"
            f"<title>Feedback for {escape(name)}</title><style>{STYLE}</style></head><body>"
            f"<h1>Feedback for {escape(name)}</h1>{''.join(sections)}</body></html>\n")


def write_feedback(book: Gradebook, folder: Path) -> list[Path]:
    """One page per learner; file names are safe slugs plus a short hash, so two learners never collide."""
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for key in learner_keys(book):
        tag = hashlib.sha256("\0".join(key).encode("utf-8", "surrogateescape")).hexdigest()[:8]
        path = folder / f"{safe_slug(book.labels[key])}-{tag}.html"
        path.write_text(feedback_page(book, key), encoding="utf-8")
        written.append(path)
    return written
