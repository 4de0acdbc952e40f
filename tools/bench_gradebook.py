"""Benchmark: the gradebook reading 10,000 saved-work files (target <= 10 s).

usage: .venv/bin/python -m tools.bench_gradebook [--files N]

Writes N records (1,000 learners x 10 exercises, half of them scored, as "Save my work"
writes them) into a temporary folder, runs the whole gradebook command on it and prints
the time. A benchmark, not a test: it reports and does not fail.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

from exercises.kit.savework import make_record, safe_slug
from tools import gradebook


def write_corpus(folder: Path, count: int) -> None:
    start = datetime(2026, 11, 23, 9, 0, tzinfo=UTC)
    for index in range(count):
        learner, exercise = divmod(index, 10)
        results = {"verdict": "feasible"} | ({"score": index % 9, "max_score": 8} if exercise % 2 else {})
        record = make_record(
            f"exercise-{exercise}", f"Exercise {exercise}", {"answer": f"text {index}"}, results,
            learner_name=f"Learner {learner}", saved_at=start + timedelta(seconds=index),
        )
        stem = f"exercise-{exercise}_{safe_slug(record['learner_name'])}_{index}"
        (folder / f"{stem}.json").write_text(json.dumps(record, indent=2), encoding="utf-8")


def main(argv: list[str]) -> None:
    parser = argparse.ArgumentParser(prog="python -m tools.bench_gradebook", description=__doc__.split("\n", 1)[0])
    parser.add_argument("--files", type=int, default=10_000)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="gradebook-bench-") as temp:
        folder, out = Path(temp) / "submissions", Path(temp) / "grades.csv"
        folder.mkdir()
        write_corpus(folder, args.files)
        start = time.perf_counter()
        gradebook.main([str(folder), "--out", str(out), "--quiet"])
        seconds = time.perf_counter() - start
        rows = out.read_text(encoding="utf-8").count("\n") - 1
    print(f"gradebook: {args.files:,} saved files read, {rows:,} learner rows written in {seconds:.2f} s "
          "(target <= 10 s)")


if __name__ == "__main__":
    main(sys.argv[1:])
