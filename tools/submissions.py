"""One folder of students' saved-work files, read defensively: every check a file must pass before
the gradebook uses it (see the rules in :mod:`tools.gradebook`). Nothing here raises for a bad file:
each becomes a :class:`Problem` with its reason.
"""

from __future__ import annotations

import hashlib
import json
import math
import os
import posixpath
import stat
import unicodedata
from collections.abc import Callable
from pathlib import Path
from typing import Any, NamedTuple

from exercises.kit import savework
from exercises.kit.savework import validate_record

MAX_BYTES = 1_000_000  # a saved record is a few kilobytes; anything this big is not one
MAX_DEPTH = 32
MAX_TITLE_CHARS = 200
COMPANIONS = {".md", ".png"}
SYSTEM_FOLDERS = {"__MACOSX", ".ipynb_checkpoints"}  # added by zip tools and Jupyter, never by students
_TITLE_TRICKS = ("<", ">")


class Problem(NamedTuple):
    """A file that was not used, and why (one line of the report)."""

    path: str
    reason: str


class Submission(NamedTuple):
    """One usable saved-work record: whose, which exercise, when, and its score if it has one.

    Named tuples: the reading processes send hundreds of thousands of them, and tuples travel light.
    """

    path: str
    learner_key: tuple[str, str]
    learner_label: str
    exercise_id: str
    saved_at: str
    score: float | None
    max_score: float | None
    digest: str  # SHA-256 of the file's bytes
    completed: bool = True  # False: saved (attempted) but not a complete attempt
    learner_name: str | None = None  # as typed in the record


class Rejected(ValueError):
    """Raised by an assessor: the record is valid but is not graded (the message says why)."""


# An assessor grades one valid record: (score, max score, completed), or raises Rejected.
Assessor = Callable[[dict[str, Any]], tuple[float | None, float | None, bool]]


def shown(text: str) -> str:
    """A path or name as safe, printable text for the report (no control characters or bad bytes)."""
    if text.isprintable():  # no surrogates (undecodable bytes) either: already as it would come out
        return text
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


def _too_deep(text: str, record: Any) -> bool:
    """Whether ``record`` (parsed from ``text``) nests deeper than :data:`MAX_DEPTH` levels.

    Nesting needs a container per level, so a text with fewer ``{`` and ``[`` than the limit
    cannot be too deep: the walk runs only for the few records that hold many containers.
    """
    if text.count("{") + text.count("[") < MAX_DEPTH:
        return False
    return isinstance(record, (dict, list)) and _holds_too_deep(record, 1)


def _holds_too_deep(container: dict | list, level: int) -> bool:
    """Whether a value inside ``container`` (itself at ``level``; the record is level 1) is deeper than the limit."""
    values = container.values() if isinstance(container, dict) else container
    if not values:
        return False
    if level >= MAX_DEPTH:
        return True  # its values sit one level deeper
    # The filter stays inside the generator: most values are not containers and yield nothing.
    return any(_holds_too_deep(value, level + 1) for value in values if isinstance(value, (dict, list)))


def _reject_constant(name: str) -> None:
    raise ValueError(f"it contains {name}, which is not a number JSON allows")


def _number(value: Any) -> float | None:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return None
    value = float(value)
    return value if math.isfinite(value) else None


def learner_of(record: dict[str, Any], relative: Path | str) -> tuple[tuple[str, str], str]:
    """(matching key, label for the CSV) for a record found at ``relative`` (path inside the folder)."""
    typed = record.get("learner_name") or ""
    key = name_key(typed)
    if key:
        # Kept as data (any printable name); only characters that cannot be printed are spelled out.
        return ("name", key), shown(" ".join(typed.split()))
    where = relative.as_posix() if isinstance(relative, Path) else relative
    parent, name = posixpath.split(where)
    if parent:
        return ("folder", parent), f"(no name) {parent}"
    return ("file", where), f"(no name) {name}"


def _suffix(name: str) -> str:
    """The file name's suffix, as ``Path.suffix`` gives it."""
    dot = name.rfind(".")
    return name[dot:] if 0 < dot < len(name) - 1 else ""


def read_submission(path: Path | str, relative: Path | str,
                    assess: Assessor | None = None) -> Submission | Problem | None:
    """Read one file. ``None`` for a companion file (skipped quietly).

    ``relative`` is its path inside the folder (the report's and the CSV's name for it).
    ``assess`` grades a valid record (see :mod:`tools.grading`); without it, its own score is used.
    """
    posix = relative.as_posix() if isinstance(relative, Path) else relative
    where = shown(posix)
    if posix != where or any(c in posix for c in '<>"'):
        return Problem(where, "its file name contains markup, control characters or bytes that are not UTF-8")
    suffix = _suffix(posixpath.basename(posix)).lower()
    data = _read_opened(path, where) if suffix == ".json" else None
    if data is None:
        data = _read_checked(path, where, suffix)
    if data is None or isinstance(data, Problem):
        return data
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return Problem(where, "not UTF-8 text (a binary file or another encoding)")
    if not text.strip():
        return Problem(where, "the file holds only white space")
    infinite = False

    def number(literal: str) -> float:  # 1e999 parses as infinity; the schema check below names it
        nonlocal infinite
        value = float(literal)
        infinite = infinite or not math.isfinite(value)
        return value

    try:
        record = json.loads(text, parse_constant=_reject_constant, parse_float=number)
    except json.JSONDecodeError as error:
        if error.pos >= len(text.rstrip()) or error.msg.startswith("Unterminated string"):
            return Problem(where, "the JSON ends early (the file looks truncated)")
        return Problem(where, f"not valid JSON ({error.msg} at line {error.lineno}, column {error.colno})")
    except RecursionError:
        return Problem(where, f"the JSON is nested too deeply (more than {MAX_DEPTH} levels)")
    except ValueError as error:
        return Problem(where, f"not valid JSON ({error})")
    if _too_deep(text, record):
        return Problem(where, f"the JSON is nested too deeply (more than {MAX_DEPTH} levels)")
    try:
        validate_record(record, parsed_json=not infinite)
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
    key, label = learner_of(record, posix)
    return Submission(posix, key, label, record["exercise_id"], record["saved_at"], score, max_score,
                      hashlib.sha256(data).hexdigest(), completed, record["learner_name"])


_OPEN_FLAGS = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0)


def _read_opened(path: Path | str, where: str) -> bytes | Problem | None:
    """A .json file's bytes, checked after opening it (one look-up in the folder, not two).

    ``None`` when it cannot be opened so (a link, which is never followed, or an error):
    :func:`_read_checked` then finds out why. A pipe opens without waiting and is closed unread.
    """
    try:
        descriptor = os.open(path, _OPEN_FLAGS)
    except OSError:
        return None
    try:
        info = os.fstat(descriptor)
        if not stat.S_ISREG(info.st_mode):
            return Problem(where, "it is not a regular file")
        problem = _size_problem(info.st_size, where)
        if problem:
            return problem
        data = _read_at_most(descriptor, info.st_size)
    except OSError as error:
        return Problem(where, f"could not be read ({error.strerror or error})")
    finally:
        os.close(descriptor)
    if len(data) > MAX_BYTES:
        return Problem(where, f"the file is too large (over {MAX_BYTES:,} bytes)")
    return data


def _read_at_most(descriptor: int, expected: int) -> bytes:
    """The file's bytes, at most one more than :data:`MAX_BYTES`; sized for ``expected`` (its size), not the limit."""
    data = os.read(descriptor, expected + 1)
    while len(data) <= MAX_BYTES:
        more = os.read(descriptor, MAX_BYTES + 1 - len(data))  # the file grew since fstat
        if not more:
            break
        data += more
    return data


def _size_problem(size: int, where: str) -> Problem | None:
    if size == 0:
        return Problem(where, "the file is empty")
    if size > MAX_BYTES:
        return Problem(where, f"the file is too large ({size:,} bytes; a record is under {MAX_BYTES:,})")
    return None


def _read_checked(path: Path | str, where: str, suffix: str) -> bytes | Problem | None:
    """Any file's bytes, its kind checked before it is opened; ``None`` for a companion file."""
    try:
        info = os.lstat(path)
    except OSError as error:
        return Problem(where, f"could not be read ({error.strerror or error})")
    if stat.S_ISLNK(info.st_mode):
        return Problem(where, "it is a symbolic link; links are not followed")
    if not stat.S_ISREG(info.st_mode):
        return Problem(where, "it is not a regular file")
    if suffix in COMPANIONS:
        return None
    if suffix != ".json":
        return Problem(where, "not a saved-work record (those end in .json)")
    problem = _size_problem(info.st_size, where)
    if problem:
        return problem
    try:
        descriptor = os.open(path, _OPEN_FLAGS)
        try:
            data = _read_at_most(descriptor, info.st_size)
        finally:
            os.close(descriptor)
    except OSError as error:
        return Problem(where, f"could not be read ({error.strerror or error})")
    if len(data) > MAX_BYTES:
        return Problem(where, f"the file is too large (over {MAX_BYTES:,} bytes)")
    return data


def files_under(folder: Path) -> tuple[list[str], list[Problem], int]:
    """Every entry to look at, as its path inside ``folder`` (``a/b.json``, in the order of the
    paths' parts), the linked folders that are not followed, and how many system files (hidden
    files such as .DS_Store, and __MACOSX folders) were skipped."""
    found, problems, system = [], [], 0
    for directory, dirnames, filenames in os.walk(folder, followlinks=False):
        base = Path(directory)
        inside = base.relative_to(folder).as_posix()
        prefix = "" if inside == "." else f"{inside}/"
        for name in list(dirnames):
            if name in SYSTEM_FOLDERS:
                system += sum(len(files) for _d, _s, files in os.walk(base / name))
                dirnames.remove(name)
            elif (base / name).is_symlink():
                problems.append(Problem(shown(prefix + name),
                                        "it is a symbolic link to a folder; links are not followed"))
                dirnames.remove(name)
        system += sum(name.startswith(".") for name in filenames)
        found += [prefix + name for name in filenames if not name.startswith(".")]
    return sorted_paths(found), problems, system


def sorted_paths(relatives: list[str]) -> list[str]:
    """``a/b`` paths in the order of their parts, as ``Path`` sorts them: quickly, with "/" made a
    character that sorts below every other (NUL, which no file name can hold)."""
    return sorted(relatives, key=lambda relative: relative.replace("/", "\0"))
