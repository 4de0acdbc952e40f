"""Reading a folder's files for the gradebook, in one process or several.

Each file is read on its own (:func:`tools.submissions.read_submission`), so a large folder is
split into chunks read by a pool of processes; the results come back in the files' order, so the
gradebook's decisions (duplicates, the latest save) are the same whichever way the files were read.
A pool is used only where it pays: on Linux, with more than one core and at least :data:`PARALLEL_FROM`
files (or as ``--jobs`` asks, where processes can be forked).
"""

from __future__ import annotations

import gc
import hashlib
import json
import multiprocessing
import os
import sys
from collections.abc import Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager
from pathlib import Path

from tools.submissions import Assessor, Problem, Submission, read_submission, shown

PARALLEL_FROM = 4_000  # files; below this, starting processes costs more than it saves
CHUNK = 500  # files per task: few enough messages, and the progress bar still moves
MAX_JOBS = 8

Result = Submission | Problem | None


def read_one(folder: str, relative: str, assess: Assessor) -> Result:
    """One file's result; a last guard turns any unexpected error into a problem, never a stop."""
    try:
        return read_submission(os.path.join(folder, relative), relative, assess)
    except Exception as error:  # one odd file must not stop the run
        return Problem(shown(relative), f"could not be read ({type(error).__name__})")


_task: tuple[str, Assessor] | None = None  # set in each worker by _start


def _start(folder: str, assess: Assessor) -> None:
    global _task
    _task = (folder, assess)


def _read_chunk(relatives: Sequence[str]) -> list[Result]:
    assert _task is not None
    folder, assess = _task
    return [read_one(folder, relative, assess) for relative in relatives]


@contextmanager
def cycles_not_collected() -> Iterator[None]:
    """Pause the cyclic garbage collector while a folder is read: reading makes hundreds of thousands
    of objects that live to the end and form no cycles, and each collection would walk them all again."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def default_jobs(files: int) -> int:
    """Processes for ``files`` files: one per usable core for a large folder on Linux, otherwise one.

    Elsewhere a forked process is not safe (macOS) or not possible (Windows), and one process will do.
    """
    if files < PARALLEL_FROM or not sys.platform.startswith("linux"):
        return 1
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1
    return max(1, min(cores, MAX_JOBS))


def read_all(folder: Path, relatives: Sequence[str], assess: Assessor, jobs: int | None = None) -> Iterator[Result]:
    """Each file's result, in the order of ``relatives``, read by ``jobs`` processes (None: :func:`default_jobs`)."""
    jobs = default_jobs(len(relatives)) if jobs is None else jobs
    base = str(folder)
    if jobs <= 1 or len(relatives) <= CHUNK or "fork" not in multiprocessing.get_all_start_methods():
        for relative in relatives:
            yield read_one(base, relative, assess)
        return
    # "fork": the workers start with the course already loaded (registry, check banks), at no cost.
    prepare = getattr(assess, "prepare", None)
    if prepare is not None:
        prepare()
    context = multiprocessing.get_context("fork")
    chunks = [relatives[start:start + CHUNK] for start in range(0, len(relatives), CHUNK)]
    # An executor, not multiprocessing.Pool: a worker that dies (killed, out of memory) stops the run
    # with BrokenProcessPool instead of leaving it waiting forever for the lost chunk.
    pool = ProcessPoolExecutor(jobs, mp_context=context, initializer=_start, initargs=(base, assess))
    try:
        for results in pool.map(_read_chunk, chunks):
            yield from results
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


class Duplicates:
    """Finds a record saved twice: the same record in two files, whatever their spacing or key order.

    The same record has the same learner name, exercise and ``saved_at``, so only files that share
    all three are compared: by their bytes, and, when those differ, by the records themselves
    (re-read from the folder, each one once). A file that changed since it was read is not called
    a duplicate: it is graded like any other save.
    """

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.groups: dict[tuple[str | None, str, str], list[Submission]] = {}
        self.canonical: dict[str, str | None] = {}

    def original_of(self, save: Submission) -> str | None:
        """The path of an earlier file holding the same record as ``save``, or None (``save`` is then kept)."""
        group = self.groups.setdefault((save.learner_name, save.exercise_id, save.saved_at), [])
        for earlier in group:
            if earlier.digest == save.digest or self._same_record(earlier, save):
                return earlier.path
        group.append(save)
        return None

    def _same_record(self, one: Submission, other: Submission) -> bool:
        first = self._canonical_digest(one)
        return first is not None and first == self._canonical_digest(other)

    def _canonical_digest(self, save: Submission) -> str | None:
        if save.path not in self.canonical:
            self.canonical[save.path] = canonical_digest(self.folder / save.path, save.digest)
        return self.canonical[save.path]


def canonical_digest(path: Path, digest: str) -> str | None:
    """SHA-256 of the record in ``path``, keys sorted; None if the file's bytes no longer match ``digest``."""
    try:
        data = path.read_bytes()
        if hashlib.sha256(data).hexdigest() != digest:
            return None
        record = json.loads(data.decode("utf-8-sig"))
    except (OSError, ValueError):
        return None
    return hashlib.sha256(json.dumps(record, sort_keys=True, ensure_ascii=False).encode("utf-8")).hexdigest()
