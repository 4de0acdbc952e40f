"""Print the course's speed figures. Benchmarks, not tests: the timings report, they do not fail.

usage: python -m tools.benchmarks [--skip-build] [--updates N]

- clean build of the whole book with execution (target <= 60 s);
- rebuild with nothing changed (target <= 5 s);
- median and p95 of one widget update, for every case in ``tools/bench/bench_*.py``
  (target: median <= 30 ms and p95 <= 50 ms).

Each case module has ``NAME``, ``EXERCISE_ID`` (an id in ``exercises.registry``) and ``setup()``,
which builds the exercise and returns ``step(i)``, one update. The run stops before timing anything
if an exercise in the registry has no case, or a case names an exercise the registry does not have.
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Iterable
from pathlib import Path

from exercises import registry
from exercises.kit.frozen import Frozen
from exercises.registry import Exercise
from tools import ROOT

CASES = ROOT / "tools" / "bench"
TARGET_MEDIAN_MS = 30.0
TARGET_P95_MS = 50.0


class BenchmarkError(ValueError):
    """The cases and the registry disagree, or a case module is incomplete."""


class Case(Frozen):
    file: str  # "bench_feasibility.py"
    name: str
    exercise_id: str
    setup: Callable[[], Callable[[int], None]]


def load_cases(folder: Path | None = None) -> list[Case]:
    """Every ``bench_*.py`` in ``folder`` (``tools/bench``), imported from its file."""
    cases = []
    for path in sorted((folder or CASES).glob("bench_*.py")):
        spec = importlib.util.spec_from_file_location(f"tools.bench.{path.stem}", path)
        assert spec and spec.loader
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        missing = [name for name in ("NAME", "EXERCISE_ID", "setup") if not hasattr(module, name)]
        if missing:
            raise BenchmarkError(f"{path.name} has no {', '.join(missing)}.")
        cases.append(Case(path.name, module.NAME, module.EXERCISE_ID, module.setup))
    return cases


def check_coverage(cases: Iterable[Case], entries: Iterable[Exercise] | None = None) -> None:
    """Raise :class:`BenchmarkError` unless every registry entry has a case and every case a registry entry."""
    cases = list(cases)
    ids = [entry.id for entry in (registry.WIDGETS if entries is None else entries)]
    covered = {case.exercise_id for case in cases}
    problems = [f"{case.file} names {case.exercise_id!r}, which is not in exercises/registry.py"
                for case in cases if case.exercise_id not in ids]
    problems += [f"{exercise_id!r} has no case in tools/bench/" for exercise_id in ids if exercise_id not in covered]
    if problems:
        raise BenchmarkError("Benchmark cases and the registry disagree:\n  " + "\n  ".join(problems))


def p95(times: list[float]) -> float:
    ordered = sorted(times)
    return ordered[max(0, round(0.95 * len(ordered)) - 1)]


def time_case(case: Case, updates: int) -> list[float]:
    """Milliseconds per update, after one warm-up update (the first draw loads fonts)."""
    step = case.setup()
    step(0)
    times = []
    for i in range(1, updates + 1):
        start = time.perf_counter()
        step(i)
        times.append((time.perf_counter() - start) * 1000)
    return times


def report(case: Case, times: list[float]) -> str:
    median, high = statistics.median(times), p95(times)
    verdict = "ok" if median <= TARGET_MEDIAN_MS and high <= TARGET_P95_MS else "OVER TARGET"
    return f"{case.name}: median {median:.1f} ms, p95 {high:.1f} ms over {len(times)} updates [{verdict}]"


def timed_build(out: Path) -> float:
    """Stage the student edition and build it into ``out``, as `course.py build` does."""
    from tools import editions

    start = time.perf_counter()
    editions.build(output=out, quiet=True)
    return time.perf_counter() - start


def main(argv: list[str]) -> None:
    parser = argparse.ArgumentParser(prog="course.py bench", description=__doc__.split("\n", 1)[0])
    parser.add_argument("--skip-build", action="store_true", help="time only the widget updates")
    parser.add_argument("--updates", type=int, default=60, help="updates timed per case (default 60)")
    args = parser.parse_args(argv)
    os.environ["MPLBACKEND"] = "Agg"
    try:
        cases = load_cases()
        check_coverage(cases)
    except BenchmarkError as error:
        sys.exit(f"[bench] {error}")
    if not args.skip_build:
        out = Path(tempfile.mkdtemp(prefix="course-bench-"))
        try:
            print(f"clean build with execution: {timed_build(out):.1f} s (target <= 60 s)")
            print(f"rebuild, nothing changed:   {timed_build(out):.1f} s (target <= 5 s)")
        finally:
            shutil.rmtree(out, ignore_errors=True)
    print(f"Widget updates (target: median <= {TARGET_MEDIAN_MS:.0f} ms, p95 <= {TARGET_P95_MS:.0f} ms):")
    for case in cases:
        print(f"  {report(case, time_case(case, args.updates))}", flush=True)


if __name__ == "__main__":
    main(sys.argv[1:])
