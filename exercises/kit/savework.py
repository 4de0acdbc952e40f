"""The "Save my work" files every exercise writes, and the rules that keep them safe.

A save writes two files with the same stem into a ``my-work/`` folder next to
the notebook (the kernel's working directory):

``<exercise>_<learner>_<UTC time>.json``
    The machine-readable record that instructors collect (format below).
``<same stem>.md``
    The same work as readable Markdown.

Exercises may add attachments (for example a PNG of a canvas) with the same
stem and their own suffix.

JSON format, ``schema_version`` 1 (documented for instructors in the book's
"Saved work" page; validated by :func:`validate_record`)::

    {
      "schema": "becoming-a-pm/saved-work",
      "schema_version": 1,
      "exercise_id": "feasibility",           # [a-z0-9-], names the exercise
      "exercise_title": "Feasibility calculator",
      "learner_name": "Ada" | null,            # optional, as typed (see below)
      "saved_at": "2026-11-23T15:04:05Z",      # UTC, ISO 8601
      "inputs": {...},                          # what the learner entered
      "results": {...}                          # what the exercise computed;
                                                # "score" and "max_score" when scored
    }

Names follow one rule, shared by Save and the gradebook: any printable name a learner can
type (up to 100 characters; ``Smith/Jones``, ``<b>Zoë</b>``, ``../../x``, right-to-left text)
is kept as data, exactly as typed but for surrounding spaces; it is made safe only in file
names (:func:`safe_slug`) and escaped wherever it is shown. Only characters that cannot be
shown (control characters, line separators) are refused. :func:`name_key` folds case,
spacing and Unicode form, for matching one learner's saves.

A save never overwrites an earlier file: a clash gets ``-2``, ``-3``... added.
File names are built only from ``[a-z0-9-]`` so that nothing a learner types
can leave the folder.
"""

from __future__ import annotations

import json
import math
import re
import unicodedata
from collections.abc import Callable, Mapping
from dataclasses import field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from .frozen import Frozen
from .numbers import format_number
from .text import clean_text, escape_markdown

SCHEMA = "becoming-a-pm/saved-work"
SCHEMA_VERSION = 1
WORK_FOLDER_NAME = "my-work"
MAX_NAME_CHARS = 100
_EXERCISE_ID = re.compile(r"^[a-z0-9][a-z0-9-]{0,39}$")
_SUFFIX = re.compile(r"^[a-z0-9][a-z0-9-]{0,19}\.[a-z0-9]{1,5}$")
_REQUIRED_KEYS = {
    "schema", "schema_version", "exercise_id", "exercise_title", "learner_name", "saved_at", "inputs", "results"
}


class SavedFiles(Frozen):
    """Where a save went."""

    json_path: Path
    markdown_path: Path
    attachments: tuple[Path, ...] = field(default_factory=tuple)

    @property
    def all_paths(self) -> tuple[Path, ...]:
        return (self.json_path, self.markdown_path, *self.attachments)


def safe_slug(text: str, *, fallback: str = "anonymous", max_chars: int = 40) -> str:
    """Reduce any text to ``[a-z0-9-]`` (accents folded), or ``fallback`` if nothing is left."""
    ascii_text = unicodedata.normalize("NFKD", str(text)).encode("ascii", "ignore").decode("ascii")
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")[:max_chars].strip("-")
    return slug or fallback


_NOT_PRINTABLE = frozenset({"Cc", "Cs", "Zl", "Zp"})  # controls, lone surrogates, line and paragraph separators


def _name_problem(name: object) -> str | None:
    """Why ``name`` cannot be a learner's name, or None when it can (the one rule for Save and the gradebook)."""
    if name is None:
        return None
    if not isinstance(name, str):
        return "must be text or null"
    if len(name) > MAX_NAME_CHARS:
        return f"is {len(name):,} characters; keep it under {MAX_NAME_CHARS}"
    if name.isprintable():  # the usual case, quickly: printable text holds none of _NOT_PRINTABLE
        return None
    for char in name:
        if unicodedata.category(char) in _NOT_PRINTABLE:
            return f"contains a character that cannot be shown (U+{ord(char):04X})"
    return None


def clean_name(raw: object) -> str | None:
    """A learner's name as typed, stripped (None when blank); ``ValueError`` if it cannot be kept."""
    name = clean_text(raw, "Your name", max_chars=MAX_NAME_CHARS) or None
    problem = _name_problem(name)
    if problem:
        raise ValueError(f"Your name {problem}: use letters, digits, spaces and punctuation.")
    return name


def name_key(name: str | None) -> str:
    """``name`` folded for matching: Unicode form (NFKC), case and runs of spaces; ``""`` for no name."""
    folded = unicodedata.normalize("NFKC", unicodedata.normalize("NFKC", name or "").casefold())
    return " ".join(folded.split())


def _check_json_safe(value: Any, where: str) -> None:
    if isinstance(value, float) and not math.isfinite(value):
        raise ValueError(f"{where}: {value} cannot be saved; only finite numbers can.")
    if isinstance(value, Mapping):
        for key, item in value.items():
            if not isinstance(key, str):
                raise ValueError(f"{where}: keys must be text, not {key!r}.")
            _check_json_safe(item, f"{where}.{key}")
    elif isinstance(value, (list, tuple)):
        for index, item in enumerate(value):
            _check_json_safe(item, f"{where}[{index}]")
    elif not isinstance(value, (str, int, float, bool, type(None))):
        raise ValueError(f"{where}: a {type(value).__name__} cannot be saved as JSON.")


def make_record(
    exercise_id: str,
    exercise_title: str,
    inputs: Mapping[str, Any],
    results: Mapping[str, Any],
    *,
    learner_name: str | None = None,
    saved_at: datetime | None = None,
) -> dict[str, Any]:
    """Build a saved-work record, checking that it is valid JSON data."""
    if not _EXERCISE_ID.match(exercise_id):
        raise ValueError(f"Exercise id {exercise_id!r} must be 1-40 characters of a-z, 0-9 and '-'.")
    name = clean_name(learner_name)
    moment = (saved_at or datetime.now(UTC)).astimezone(UTC)
    record = {
        "schema": SCHEMA,
        "schema_version": SCHEMA_VERSION,
        "exercise_id": exercise_id,
        "exercise_title": exercise_title,
        "learner_name": name,
        "saved_at": moment.strftime("%Y-%m-%dT%H:%M:%SZ"),
        "inputs": dict(inputs),
        "results": dict(results),
    }
    _check_json_safe(record, "record")
    return record


_SAVED_AT = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}Z")


def _is_utc_time(text: str) -> bool:
    """Whether ``text`` reads as ``%Y-%m-%dT%H:%M:%SZ`` (the form Save writes is checked the quick way first)."""
    if _SAVED_AT.fullmatch(text):
        try:
            datetime.fromisoformat(text[:-1])
            return True
        except ValueError:
            pass  # e.g. a leap second, which strptime allows
    try:
        datetime.strptime(text, "%Y-%m-%dT%H:%M:%SZ")
    except ValueError:
        return False
    return True


def validate_record(record: Any, *, parsed_json: bool = False) -> dict[str, Any]:
    """Check that ``record`` follows the saved-work format; return it or raise ``ValueError``.

    ``parsed_json``: ``record`` comes from ``json.loads`` and holds no infinite or NaN number, so
    every value is JSON already and the walk that checks each one is skipped (the gradebook's case).
    """
    if not isinstance(record, dict):
        raise ValueError("not a JSON object")
    missing = sorted(_REQUIRED_KEYS - record.keys())
    if missing:
        raise ValueError(f"missing keys: {', '.join(missing)}")
    if record["schema"] != SCHEMA:
        raise ValueError(f"unknown schema {str(record['schema'])[:60]!r}")
    if record["schema_version"] != SCHEMA_VERSION:
        raise ValueError(f"unsupported schema version {str(record['schema_version'])[:20]!r}")
    if not isinstance(record["exercise_id"], str) or not _EXERCISE_ID.match(record["exercise_id"]):
        raise ValueError("exercise_id is not of the form [a-z0-9-]")
    problem = _name_problem(record["learner_name"])
    if problem:
        raise ValueError(f"learner_name {problem}")
    if not _is_utc_time(str(record["saved_at"])):
        raise ValueError("saved_at is not a UTC time like 2026-01-31T12:00:00Z")
    for key in ("inputs", "results"):
        if not isinstance(record[key], dict):
            raise ValueError(f"{key} must be a JSON object")
    if not parsed_json:
        _check_json_safe(record, "record")
    return record


_LINE_BREAK = re.compile(r"\r\n|\r|\n")


def _markdown_text(text: str) -> str:
    """Learner text for one table cell: escaped, its line breaks as <br> (a raw one would end the row)."""
    return _LINE_BREAK.sub("<br>", escape_markdown(text))


def _markdown_value(value: Any) -> str:
    """Any JSON value as readable text for a table cell: no braces, quotes or ``null``."""
    if value is None:
        return "(none)"
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, (int, float)):
        return format_number(value)
    if isinstance(value, str):
        return _markdown_text(value)
    if isinstance(value, Mapping):
        return "; ".join(f"{_markdown_text(k)}: {_nested(v)}" for k, v in value.items()) or "(none)"
    return ", ".join(_nested(item) for item in value) or "(none)"


def _nested(value: Any) -> str:
    """A value inside another: containers in parentheses, so that their parts stay together."""
    text = _markdown_value(value)
    return f"({text})" if isinstance(value, (Mapping, list, tuple)) and value else text


def _is_table(value: Any) -> bool:
    """Values that read better as a table of their own than inside one cell."""
    if isinstance(value, Mapping):
        return bool(value)
    return isinstance(value, (list, tuple)) and bool(value) and all(isinstance(v, Mapping) and v for v in value)


def _markdown_table(value: Mapping[str, Any] | list[Any]) -> list[str]:
    """A mapping as Item/Value rows; a list of mappings as one row each, with a column per key."""
    if isinstance(value, Mapping):
        rows = [["Item", "Value"], *([_markdown_text(k), _markdown_value(v)] for k, v in value.items())]
    else:
        keys = list(dict.fromkeys(key for item in value for key in item))
        rows = [[_markdown_text(k) for k in keys],
                *([_markdown_value(item[k]) if k in item else "" for k in keys] for item in value)]
    head, *body = rows
    return [f"| {' | '.join(head)} |", f"|{' --- |' * len(head)}", *(f"| {' | '.join(row)} |" for row in body)]


def record_to_markdown(record: Mapping[str, Any], body: str = "") -> str:
    """Render a record as Markdown; ``body`` (already safe Markdown) is appended.

    Each of inputs and results is a table; a value that is itself a mapping or a list of
    mappings gets a table of its own below it, and anything deeper is written inline.
    """
    lines = [
        f"# My work: {escape_markdown(record['exercise_title'])}",
        "",
        f"- Learner: {escape_markdown(record['learner_name'] or '(not given)')}",
        f"- Saved (UTC): {record['saved_at']}",
        f"- Exercise id: `{record['exercise_id']}`",
    ]
    for heading, key in (("What I entered", "inputs"), ("Results", "results")):
        values = record[key]
        lines += ["", f"## {heading}", ""]
        lines += _markdown_table({k: "(see below)" if _is_table(v) else v for k, v in values.items()})
        for name, value in values.items():
            if _is_table(value):
                lines += ["", f"### {heading}: {_markdown_text(name)}", "", *_markdown_table(value)]
    if body:
        lines += ["", body.rstrip()]
    return "\n".join(lines) + "\n"


def _unique_stem(folder: Path, stem: str, suffixes: list[str]) -> str:
    candidate, number = stem, 1
    while any((folder / f"{candidate}{suffix}").exists() for suffix in suffixes):
        number += 1
        candidate = f"{stem}-{number}"
    return candidate


def _write_new(path: Path, data: bytes) -> None:
    with path.open("xb") as handle:  # "x": fail rather than overwrite
        handle.write(data)


def save_record(
    record: Mapping[str, Any],
    folder: Path | None = None,
    *,
    markdown_body: str = "",
    attachments: Mapping[str, bytes] | None = None,
) -> SavedFiles:
    """Write ``record`` as JSON and Markdown (plus attachments) without overwriting anything.

    ``folder`` defaults to ``./my-work``. Attachment keys are file-name
    suffixes such as ``"canvas.png"``; they become ``<stem>-canvas.png``.
    """
    validate_record(dict(record))
    attachments = dict(attachments or {})
    for suffix in attachments:
        if not _SUFFIX.match(suffix):
            raise ValueError(f"Attachment suffix {suffix!r} must look like 'canvas.png'.")
    folder = Path.cwd() / WORK_FOLDER_NAME if folder is None else Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    stamp = record["saved_at"].replace("-", "").replace(":", "")
    stem = f"{record['exercise_id']}_{safe_slug(record['learner_name'] or '')}_{stamp}"
    suffixes = [".json", ".md", *(f"-{s}" for s in attachments)]
    for _attempt in range(3):  # another save may grab the same stem between check and write
        final = _unique_stem(folder, stem, suffixes)
        paths = [folder / f"{final}{suffix}" for suffix in suffixes]
        if any(path.resolve().parent != folder.resolve() for path in paths):
            raise ValueError("Refusing to save outside the my-work folder.")
        try:
            _write_new(paths[0], json.dumps(record, indent=2, ensure_ascii=False, allow_nan=False).encode("utf-8"))
        except FileExistsError:
            continue
        _write_new(paths[1], record_to_markdown(record, markdown_body).encode("utf-8"))
        for path, data in zip(paths[2:], attachments.values(), strict=False):
            _write_new(path, data)
        return SavedFiles(paths[0], paths[1], tuple(paths[2:]))
    raise OSError("Could not find a free file name in the my-work folder; try again.")


# Set by the in-page runtime ("Run live" in the online book, assets/live/python/pm_live.py): it hands
# the saved files to the browser as downloads and returns the message the save panel shows.
# None everywhere else: the files stay in my-work/.
after_save: Callable[[SavedFiles], str] | None = None


def saved_message(saved: SavedFiles) -> str:
    """What the save panel tells the learner about where their files went."""
    if after_save is not None:
        return after_save(saved)
    return f"Saved to the my-work folder: {', '.join(path.name for path in saved.all_paths)}"
