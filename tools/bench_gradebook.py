"""Benchmark: the gradebook reading 200,000 saved files (target <= 20 s and <= 1 GiB).

usage: .venv/bin/python -m tools.bench_gradebook [--learners N] [--corpus DIR] [--new] [--jobs N]

Writes, once, a folder of saved files as a large course collects them (kept in DIR, outside the
repository, and reused by later runs): 10,000 learners x 20 files. Every record is real: each widget
exercise's record is what its own Save wrote after a learner did the work (``tests/registry_work.py``),
each check's answers are answers to its bank's real questions (scored as the page scores them). Each
learner's 20th file is one of the cases the gradebook must get right: a later or an earlier attempt,
the same file downloaded twice, or a file it must report (cut short, schema mismatch, unknown
exercise id, saved in the future). Then runs the gradebook command in a child process, with its
progress bar, and prints its wall time, files per second and peak memory (the child's and its own
children's resident set, sampled), and checks the counts it reports against what was written.
A benchmark, not a test: it reports and does not fail.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import random
import re
import resource
import subprocess
import sys
import tempfile
import threading
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from exercises import registry
from exercises.kit import checks
from exercises.kit.savework import safe_slug
from tools import ROOT

FILES_PER_LEARNER = 20
START = datetime(2026, 11, 2, 9, 0, tzinfo=UTC)
# Each learner's 20th file, in turn: the cases the gradebook must get right.
EXTRAS = ("later attempt", "later attempt", "earlier attempt", "downloaded twice", "cut short",
          "schema mismatch", "unknown exercise", "saved in the future")
REPORTED = {"downloaded twice", "cut short", "schema mismatch", "unknown exercise", "saved in the future"}


def widget_saves() -> dict[str, dict[str, Any]]:
    """One real record per widget exercise: built, worked through as a learner would, and saved by its Save."""
    import matplotlib

    matplotlib.use("Agg")
    # What a learner does before Save accepts the work: the tests' table, read from its file.
    spec = importlib.util.spec_from_file_location("registry_work", ROOT / "tests" / "registry_work.py")
    registry_work = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(registry_work)
    DO_THE_WORK = registry_work.DO_THE_WORK

    saves, here = {}, Path.cwd()
    with tempfile.TemporaryDirectory(prefix="gradebook-templates-") as temp:
        os.chdir(temp)
        try:
            for entry in registry.WIDGETS:
                view = entry.builder()()
                DO_THE_WORK.get(entry.id, lambda _view: None)(view)
                view.controls["name"].value = "Template"
                view.controls["save"].click()
                saved = sorted(Path(temp, "my-work").glob(f"{entry.id}_*.json"))
                if not saved:
                    raise SystemExit(f"{entry.id}: Save refused the template's work; see tests/registry_work.py")
                saves[entry.id] = json.loads(saved[-1].read_text(encoding="utf-8"))
        finally:
            os.chdir(here)
    return saves


def check_save(entry: registry.Exercise, rng: random.Random) -> dict[str, Any]:
    """A check's record as the page saves it: answers to the bank's own questions, scored."""
    bank = checks.check(int(entry.id.removeprefix("check-")))
    answers: dict[str, Any] = {}
    for question in bank.questions:
        right = [i for i, option in enumerate(question.options) if option.correct]
        if rng.random() < 0.1:
            answers[question.id] = None  # not answered
        elif question.kind == "numeric":
            answers[question.id] = question.answer if rng.random() < 0.7 else question.answer * 2 + 1
        elif question.kind == "single":
            answers[question.id] = right[0] if rng.random() < 0.7 else rng.randrange(len(question.options))
        else:
            answers[question.id] = right if rng.random() < 0.6 else sorted(
                rng.sample(range(len(question.options)), rng.randint(1, len(question.options))))
    results = checks.score(bank, answers).as_dict()
    return {"schema": "becoming-a-pm/saved-work", "schema_version": 1, "exercise_id": entry.id,
            "exercise_title": bank.title, "learner_name": None, "saved_at": "", "inputs": answers, "results": results}


def write_corpus(folder: Path, learners: int, seed: int = 14) -> dict[str, int]:
    """Write the saved files; return what the gradebook must report for them."""
    rng = random.Random(seed)
    templates = widget_saves()
    entries = list(registry.EXERCISES)
    folder.mkdir(parents=True)
    expected = {"files": 0, "problems": 0, "records": 0, "learners": learners}
    for learner in range(learners):
        name = f"Learner {learner:05d}" if learner % 50 else f"Zoë {learner} O'Brien/Smith"  # some hostile names
        moment = START + timedelta(minutes=learner)
        chosen = [entries[(learner + k) % len(entries)] for k in range(FILES_PER_LEARNER - 1)]
        written: list[tuple[dict[str, Any], str]] = []
        for step, entry in enumerate(chosen):
            record = dict(templates[entry.id]) if entry.kind == "widget" else check_save(entry, rng)
            record |= {"learner_name": name, "saved_at": _stamp(moment + timedelta(hours=step))}
            written.append((record, _write(folder, record)))
        extra = EXTRAS[learner % len(EXTRAS)]
        record, path = written[learner % len(written)]
        if extra == "later attempt":
            _write(folder, record | {"saved_at": _stamp(moment + timedelta(days=3))})
        elif extra == "earlier attempt":
            _write(folder, record | {"saved_at": _stamp(moment - timedelta(days=3))})
        elif extra == "downloaded twice":
            (folder / path.replace(".json", " (1).json")).write_bytes((folder / path).read_bytes())
        elif extra == "cut short":
            data = json.dumps(record, indent=2, ensure_ascii=False).encode("utf-8")
            (folder / f"cut-short-{learner}.json").write_bytes(data[: len(data) // 2])
        elif extra == "schema mismatch":
            _write(folder, {k: v for k, v in record.items() if k != "inputs"} | {"inputs": [1, 2]}, "mismatch")
        elif extra == "unknown exercise":
            _write(folder, record | {"exercise_id": "old-exercise"})
        else:
            _write(folder, record | {"saved_at": "2099-01-01T00:00:00Z"})
        expected["files"] += FILES_PER_LEARNER
        expected["problems"] += extra in REPORTED
        expected["records"] += FILES_PER_LEARNER - (extra in REPORTED)
    return expected


def _stamp(moment: datetime) -> str:
    return moment.strftime("%Y-%m-%dT%H:%M:%SZ")


def _write(folder: Path, record: dict[str, Any], tag: str = "") -> str:
    """Write ``record`` as Save does (indented UTF-8 JSON, a Save-like file name); return the file name."""
    stamp = record["saved_at"].replace("-", "").replace(":", "")
    stem = f"{record['exercise_id']}_{safe_slug(record['learner_name'] or '')}_{stamp}{tag}"
    name = f"{stem}.json"
    number = 1
    while (folder / name).exists():
        number += 1
        name = f"{stem}-{number}.json"
    (folder / name).write_text(json.dumps(record, indent=2, ensure_ascii=False), encoding="utf-8")
    return name


def tree_rss_kib(pid: int) -> int:
    """The resident set of ``pid`` and all its descendants, in KiB (Linux /proc)."""
    children: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                parent = int(Path(f"/proc/{entry}/stat").read_text().rsplit(")", 1)[1].split()[1])
            except (OSError, IndexError, ValueError):
                continue
            children.setdefault(parent, []).append(int(entry))
    total, stack = 0, [pid]
    while stack:
        current = stack.pop()
        stack.extend(children.get(current, ()))
        try:
            match = re.search(r"VmRSS:\s+(\d+)", Path(f"/proc/{current}/status").read_text())
        except OSError:
            continue
        total += int(match.group(1)) if match else 0
    return total


def run_gradebook(folder: Path, out: Path, extra: list[str]) -> tuple[float, float, int, int, str]:
    """Run the gradebook command: (wall seconds, CPU seconds of all its processes, peak tree RSS sampled
    in KiB, the largest process's ru_maxrss in KiB, its output)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    command = [sys.executable, "-m", "tools.gradebook", str(folder), "--out", str(out), "--force", *extra]
    peak, done = 0, threading.Event()
    start = time.perf_counter()
    child = subprocess.Popen(command, cwd=ROOT, stdout=subprocess.PIPE, text=True)

    def sample() -> None:
        nonlocal peak
        while not done.wait(0.05):
            peak = max(peak, tree_rss_kib(child.pid))

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    output, _ = child.communicate()
    seconds = time.perf_counter() - start
    done.set()
    sampler.join()
    if child.returncode:
        raise SystemExit(f"the gradebook failed ({child.returncode}):\n{output}")
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime
    return seconds, cpu, peak, after.ru_maxrss, output


def main(argv: list[str]) -> None:
    parser = argparse.ArgumentParser(prog="python -m tools.bench_gradebook", description=__doc__.split("\n", 1)[0])
    parser.add_argument("--learners", type=int, default=10_000, help="learners (20 files each)")
    parser.add_argument("--corpus", type=Path, default=Path(tempfile.gettempdir()) / "gradebook-bench",
                        help="where the saved files are kept between runs (outside the repository)")
    parser.add_argument("--new", action="store_true", help="write the saved files again")
    parser.add_argument("--write-only", action="store_true", help="write the saved files, do not grade them")
    parser.add_argument("gradebook_args", nargs="*", help="more arguments for the gradebook, after --")
    args = parser.parse_args(argv)
    corpus = args.corpus / f"{args.learners}-learners"
    folder, manifest = corpus / "submissions", corpus / "expected.json"
    if args.new or not manifest.exists():
        if corpus.exists():
            import shutil

            shutil.rmtree(corpus)
        started = time.perf_counter()
        expected = write_corpus(folder, args.learners)
        manifest.write_text(json.dumps(expected), encoding="utf-8")
        print(f"Wrote {expected['files']:,} saved files in {folder} in {time.perf_counter() - started:.0f} s.")
    expected = json.loads(manifest.read_text(encoding="utf-8"))
    if args.write_only:
        return
    out = corpus / "grades.csv"
    load = os.getloadavg()[0]
    seconds, cpu, peak, largest, output = run_gradebook(folder, out, args.gradebook_args)
    summary = output.splitlines()[0]
    learners = out.read_text(encoding="utf-8").count("\n") - 1
    wanted = (f"Read {expected['files']:,} files", f"{expected['records']:,} records used",
              f"for {expected['learners']:,} learners", f"{expected['problems']:,} problems")
    verdict = "counts as expected" if all(w in summary for w in wanted) and learners == expected["learners"] \
        else f"COUNTS WRONG (expected {expected})"
    print(summary)
    print(f"gradebook: {expected['files']:,} files, {learners:,} learner rows in {seconds:.2f} s wall "
          f"({expected['files'] / seconds:,.0f} files/s; target <= 20 s), {cpu:.1f} s of CPU; peak memory of the "
          f"process tree {peak / 1024:,.0f} MiB sampled, largest process {largest / 1024:,.0f} MiB "
          f"(target <= 1,024 MiB); {verdict}; load average {load:.2f} before, {os.getloadavg()[0]:.2f} after")


if __name__ == "__main__":
    main(sys.argv[1:])
