"""Print the course's speed figures. Benchmarks, not tests: they report, they do not fail.

usage: python tools/benchmarks.py [--skip-build] [--updates N]

- clean build of the whole book with execution (target <= 60 s);
- rebuild with nothing changed (target <= 5 s);
- median and p95 of one widget update, for every case in tools/bench/bench_*.py (target <= 100 ms).
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def timed_build(out: Path) -> float:
    """Stage the student edition and build it, as `course.py build` does."""
    import editions

    start = time.perf_counter()
    source = editions.stage("student")
    subprocess.run(
        [str(Path(sys.executable).parent / "jupyter-book"), "build", str(source), "--path-output", str(out),
         "-W", "-n", "--keep-going", "-q"],
        check=True, stdout=subprocess.DEVNULL, env=os.environ | {"MPLBACKEND": "Agg"},
    )
    return time.perf_counter() - start


def widget_cases() -> list[tuple[str, object]]:
    cases = []
    for path in sorted((ROOT / "tools" / "bench").glob("bench_*.py")):
        spec = importlib.util.spec_from_file_location(path.stem, path)
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        cases.append((module.NAME, module.setup))
    return cases


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--skip-build", action="store_true")
    parser.add_argument("--updates", type=int, default=60)
    args = parser.parse_args()
    os.environ["MPLBACKEND"] = "Agg"
    if not args.skip_build:
        out = Path(tempfile.mkdtemp(prefix="course-bench-"))
        try:
            print(f"clean build with execution: {timed_build(out):.1f} s (target <= 60 s)")
            print(f"rebuild, nothing changed:   {timed_build(out):.1f} s (target <= 5 s)")
        finally:
            shutil.rmtree(out, ignore_errors=True)
    for name, setup in widget_cases():
        step = setup()
        step(0)  # warm-up: first draw loads fonts
        times = []
        for i in range(1, args.updates + 1):
            start = time.perf_counter()
            step(i)
            times.append((time.perf_counter() - start) * 1000)
        times.sort()
        p95 = times[max(0, round(0.95 * len(times)) - 1)]
        print(f"{name}: median {statistics.median(times):.1f} ms, p95 {p95:.1f} ms over {len(times)} updates "
              "(target median <= 100 ms)")


if __name__ == "__main__":
    main()
