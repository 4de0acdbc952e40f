"""Benchmark: the gradebook reading 200,000 saved-work files (target <= 20 s and <= 1 GiB).

usage: .venv/bin/python -m tools.bench_gradebook [--files N]

Writes N records (10,000 learners x 20 real exercise ids from the registry, as "Save my work"
writes them) into a temporary folder, runs the whole gradebook command on it with its progress
bar and prints the time and the peak memory (resident set). A benchmark, not a test: it reports
and does not fail.
"""

from __future__ import annotations

import argparse
import json
import resource
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

from exercises import registry
from exercises.kit.savework import make_record, safe_slug
from tools import gradebook

EXERCISES_PER_LEARNER = 20


def write_corpus(folder: Path, count: int) -> None:
    start = datetime(2026, 11, 23, 9, 0, tzinfo=UTC)
    entries = [e for e in registry.EXERCISES if e.kind == "widget" and not e.scored][:EXERCISES_PER_LEARNER - 2]
    entries += [e for e in registry.EXERCISES if e.scored][:EXERCISES_PER_LEARNER - len(entries)]
    for index in range(count):
        learner, which = divmod(index, len(entries))
        entry = entries[which]
        results = {"verdict": "done"} | ({"score": index % 9, "max_score": 9} if entry.scored else {})
        inputs = {"q1": index % 3} if entry.kind == "check" else {"answer": f"text {index}"}
        record = make_record(
            entry.id, entry.title, inputs, results,
            learner_name=f"Learner {learner}", saved_at=start + timedelta(seconds=index),
        )
        stem = f"{entry.id}_{safe_slug(record['learner_name'])}_{index}"
        (folder / f"{stem}.json").write_text(json.dumps(record, indent=2), encoding="utf-8")


def main(argv: list[str]) -> None:
    parser = argparse.ArgumentParser(prog="python -m tools.bench_gradebook", description=__doc__.split("\n", 1)[0])
    parser.add_argument("--files", type=int, default=200_000)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="gradebook-bench-") as temp:
        folder, out = Path(temp) / "submissions", Path(temp) / "grades.csv"
        folder.mkdir()
        write_corpus(folder, args.files)
        start = time.perf_counter()
        before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        gradebook.main([str(folder), "--out", str(out)])
        seconds = time.perf_counter() - start
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # kilobytes on Linux
        rows = out.read_text(encoding="utf-8").count("\n") - 1
    print(f"gradebook: {args.files:,} saved files read, {rows:,} learner rows written in {seconds:.2f} s "
          f"(target <= 20 s); peak memory {peak:,.0f} MiB (before grading {before / 1024:,.0f} MiB; "
          "target <= 1,024 MiB)")


if __name__ == "__main__":
    main(sys.argv[1:])
