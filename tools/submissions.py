"""One folder of students' saved-work files, read defensively: every check a file must pass before
the gradebook uses it (see the rules in :mod:`tools.gradebook`). Nothing here raises for a bad file:
each becomes a :class:`Problem` with its reason.
"""

from __future__ import annotations

import hashlib
import json
import math
import os
import stat
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from exercises.kit import savework
from exercises.kit.savework import validate_record

MAX_BYTES = 1_000_000  # a saved record is a few kilobytes; anything this big is not one
MAX_DEPTH = 32
MAX_TITLE_CHARS = 200
COMPANIONS = {".md", ".png"}
SYSTEM_FOLDERS = {"__MACOSX", ".ipynb_checkpoints"}  # added by zip tools and Jupyter, never by students
_TITLE_TRICKS = ("<", ">")


@dataclass(frozen=True)
class Problem:
    """A file that was not used, and why (one line of the report)."""

    path: str
    reason: str


@dataclass(frozen=True)
class Submission:
    """One usable saved-work record: whose, which exercise, when, and its score if it has one."""

    path: str
    learner_key: tuple[str, str]
    learner_label: str
    exercise_id: str
    saved_at: str
    score: float | None
    max_score: float | None
    digest: str
    completed: bool = True  # False: saved (attempted) but not a complete attempt


class Rejected(ValueError):
    """Raised by an assessor: the record is valid but is not graded (the message says why)."""


# An assessor grades one valid record: (score, max score, completed), or raises Rejected.
Assessor = Callable[[dict[str, Any]], tuple[float | None, float | None, bool]]


def shown(text: str) -> str:
    """A path or name as safe, printable text for the report (no control characters or bad bytes)."""
    try:
        data = text.encode("utf-8", "surrogateescape")  # file names: the bytes as they are on disk
    except UnicodeEncodeError:
        data = text.encode("utf-8", "backslashreplace")
    text = data.decode("utf-8", "backslashreplace")
    return "".join(c if c.isprintable() else f"\\x{ord(c):02x}" for c in text)


def _title_is_plain(text: object) -> bool:
    return isinstance(text, str) and len(text) <= MAX_TITLE_CHARS and text.isprintable() \
        and not any(trick in text for trick in _TITLE_TRICKS)


def name_key(name: str) -> str:
    """The matching key of a learner's name: Save's own rule when the kit has it."""
    shared = getattr(savework, "name_key", None)
    if shared is not None:
        return shared(name)
    return " ".join(unicodedata.normalize("NFKC", name).split()).casefold()


def _depth(value: Any) -> int:
    deepest, stack = 0, [(value, 1)]
    while stack:
        item, level = stack.pop()
        deepest = max(deepest, level)
        if level > MAX_DEPTH:
            return level
        if isinstance(item, dict):
            stack.extend((v, level + 1) for v in item.values())
        elif isinstance(item, list):
            stack.extend((v, level + 1) for v in item)
    return deepest


def _reject_constant(name: str) -> None:
    raise ValueError(f"it contains {name}, which is not a number JSON allows")


def _number(value: Any) -> float | None:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return None
    value = float(value)
    return value if math.isfinite(value) else None


def learner_of(record: dict[str, Any], relative: Path) -> tuple[tuple[str, str], str]:
    """(matching key, label for the CSV) for a record found at ``relative`` (path inside the folder)."""
    typed = record.get("learner_name") or ""
    key = name_key(typed)
    if key:
        # Kept as data (any printable name); only characters that cannot be printed are spelled out.
        return ("name", key), shown(" ".join(typed.split()))
    if relative.parent != Path("."):
        return ("folder", relative.parent.as_posix()), f"(no name) {relative.parent.as_posix()}"
    return ("file", relative.as_posix()), f"(no name) {relative.name}"


def read_submission(path: Path, relative: Path, assess: Assessor | None = None) -> Submission | Problem | None:
    """Read one file. ``None`` for a companion file (skipped quietly).

    ``assess`` grades a valid record (see :mod:`tools.grading`); without it, its own score is used.
    """
    where = shown(relative.as_posix())
    if relative.as_posix() != where or any(c in relative.as_posix() for c in '<>"'):
        return Problem(where, "its file name contains markup, control characters or bytes that are not UTF-8")
    try:
        info = path.lstat()
    except OSError as error:
        return Problem(where, f"could not be read ({error.strerror or error})")
    if stat.S_ISLNK(info.st_mode):
        return Problem(where, "it is a symbolic link; links are not followed")
    if not stat.S_ISREG(info.st_mode):
        return Problem(where, "it is not a regular file")
    suffix = path.suffix.lower()
    if suffix in COMPANIONS:
        return None
    if suffix != ".json":
        return Problem(where, "not a saved-work record (those end in .json)")
    if info.st_size == 0:
        return Problem(where, "the file is empty")
    if info.st_size > MAX_BYTES:
        return Problem(where, f"the file is too large ({info.st_size:,} bytes; a record is under {MAX_BYTES:,})")
    try:
        descriptor = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0))
        with os.fdopen(descriptor, "rb") as handle:
            data = handle.read(MAX_BYTES + 1)
    except OSError as error:
        return Problem(where, f"could not be read ({error.strerror or error})")
    if len(data) > MAX_BYTES:
        return Problem(where, f"the file is too large (over {MAX_BYTES:,} bytes)")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return Problem(where, "not UTF-8 text (a binary file or another encoding)")
    if not text.strip():
        return Problem(where, "the file holds only white space")
    try:
        record = json.loads(text, parse_constant=_reject_constant)
    except json.JSONDecodeError as error:
        if error.pos >= len(text.rstrip()) or error.msg.startswith("Unterminated string"):
            return Problem(where, "the JSON ends early (the file looks truncated)")
        return Problem(where, f"not valid JSON ({error.msg} at line {error.lineno}, column {error.colno})")
    except RecursionError:
        return Problem(where, f"the JSON is nested too deeply (more than {MAX_DEPTH} levels)")
    except ValueError as error:
        return Problem(where, f"not valid JSON ({error})")
    if _depth(record) > MAX_DEPTH:
        return Problem(where, f"the JSON is nested too deeply (more than {MAX_DEPTH} levels)")
    try:
        validate_record(record)
    except (ValueError, RecursionError) as error:
        return Problem(where, f"schema mismatch, not a valid saved-work record: {error}")
    if not _title_is_plain(record["exercise_title"]):
        return Problem(where, "exercise_title is not plain text of at most 200 characters")
    results = record["results"]
    score, max_score = None, None
    if "score" in results or "max_score" in results:
        score, max_score = _number(results.get("score")), _number(results.get("max_score"))
        if score is None or max_score is None or max_score <= 0 or not 0 <= score <= max_score:
            return Problem(where, "score and max_score must be numbers with 0 <= score <= max_score and max_score > 0")
    completed = True
    if assess is not None:
        try:
            score, max_score, completed = assess(record)
        except Rejected as error:
            return Problem(where, str(error))
    key, label = learner_of(record, relative)
    digest = hashlib.sha256(json.dumps(record, sort_keys=True, ensure_ascii=False).encode("utf-8")).hexdigest()
    return Submission(relative.as_posix(), key, label, record["exercise_id"], record["saved_at"], score, max_score,
                      digest, completed)


def files_under(folder: Path) -> tuple[list[Path], list[Problem], int]:
    """Every entry to look at (sorted), the linked folders that are not followed, and how many
    system files (hidden files such as .DS_Store, and __MACOSX folders) were skipped."""
    found, problems, system = [], [], 0
    for directory, dirnames, filenames in os.walk(folder, followlinks=False):
        base = Path(directory)
        for name in list(dirnames):
            if name in SYSTEM_FOLDERS:
                system += sum(len(files) for _d, _s, files in os.walk(base / name))
                dirnames.remove(name)
            elif (base / name).is_symlink():
                problems.append(Problem(shown((base / name).relative_to(folder).as_posix()),
                                        "it is a symbolic link to a folder; links are not followed"))
                dirnames.remove(name)
        system += sum(name.startswith(".") for name in filenames)
        found += [base / name for name in filenames if not name.startswith(".")]
    return sorted(found), problems, system
