"""Benchmark "Run live" on the built site: `python -m tools.bench_live [--runs 3] [--updates 30]`.

Prints, for the served ``_build/html`` (gzip and a one-day cache, as a static host serves it):

- cold start: click to the first live exercise in a fresh browser (empty cache), wall time and
  the CPU time Chromium spent (this machine is shared: CPU time shows the work, wall time the wait);
- bytes transferred by that first start (gzip), counted by the server;
- warm starts: a second exercise on the same page (one runtime per page), and another page
  opened with the browser's cache;
- for every exercise of the registry: the in-page update time, median and p95, from changing an
  input to the last change of its outputs.

Figures, not pass/fail: the issue's targets are printed beside them. Other hosts are blocked.
"""

from __future__ import annotations

import argparse
import functools
import http.server
import os
import statistics
import sys
import threading
import time
from contextlib import contextmanager
from pathlib import Path

from exercises import registry
from tools import livepage, sitekit

TARGETS = {"cold": "<= 8 s", "warm": "<= 3 s", "bytes": "<= 25 MB", "update": "p95 <= 150 ms"}


class CountingHandler(sitekit._GzipHandler):
    """Gzips WebAssembly too (static hosts do), keeps compressed bodies, counts the bytes it sends."""

    TEXT = sitekit._GzipHandler.TEXT | {".wasm"}
    sent = 0
    compressed: dict[Path, bytes] = {}
    lock = threading.Lock()

    def gzipped(self, path: Path) -> bytes:
        with self.lock:
            return self.compressed.get(path) or self.compressed.setdefault(path, super().gzipped(path))

    def copyfile(self, source, outputfile) -> None:
        data = source.read()
        with self.lock:
            CountingHandler.sent += len(data)
        outputfile.write(data)


@contextmanager
def serve():
    handler = functools.partial(CountingHandler, directory=str(sitekit.HTML))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


def chromium_cpu_seconds() -> float:
    """CPU time used so far by every process this one started (Chromium and Playwright's driver)."""
    children: dict[int, list[int]] = {}
    times: dict[int, float] = {}
    tick = os.sysconf("SC_CLK_TCK")
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            children.setdefault(int(fields[1]), []).append(int(entry.name))
            times[int(entry.name)] = (int(fields[11]) + int(fields[12])) / tick
    total, todo = 0.0, list(children.get(os.getpid(), []))
    while todo:
        pid = todo.pop()
        total += times.get(pid, 0.0)
        todo += children.get(pid, [])
    return total


def new_page(browser, base: str):
    context = browser.new_context(viewport={"width": 1200, "height": 900}, service_workers="block")
    context.route("**/*", sitekit.only_this_host(base, []))  # another host would be a bug; the tests report it
    return context, context.new_page()


def page_of(exercise_id: str) -> str:
    return f"chapters/{registry.exercise(exercise_id).chapter}.html"


def steps(page) -> str:
    """The worker's own account of its start: each step and its milliseconds."""
    timings = page.evaluate("() => window.pmLive && window.pmLive.runtime ? window.pmLive.runtime.timings : []")
    return ", ".join(f"{step} {ms / 1000:.1f} s" for step, ms in timings)


def cold_start(browser, base: str, exercise_id: str) -> tuple[livepage.Started, float, int, str]:
    context, page = new_page(browser, base)
    page.goto(base + page_of(exercise_id), wait_until="load")
    page.wait_for_timeout(500)
    sent, cpu = CountingHandler.sent, chromium_cpu_seconds()
    started = livepage.start(page, exercise_id)
    result = (started, chromium_cpu_seconds() - cpu, CountingHandler.sent - sent, steps(page))
    context.close()
    return result


def first_page_with_two() -> list[str]:
    by_chapter: dict[str, list[str]] = {}
    for entry in registry.WIDGETS:
        by_chapter.setdefault(entry.chapter, []).append(entry.id)
    return next((ids for ids in by_chapter.values() if len(ids) > 1), [])


def seconds(started: livepage.Started) -> str:
    return f"{started.ms / 1000:.1f} s" if started.live else f"failed ({started.status[:80]})"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--exercise", default="feasibility", help="the exercise whose cold start is timed")
    parser.add_argument("--runs", type=int, default=3, help="cold starts (the median is shown)")
    parser.add_argument("--updates", type=int, default=30, help="input changes timed per exercise")
    parser.add_argument("--only-updates", action="store_true", help="skip the start-up figures")
    args = parser.parse_args()
    if not (sitekit.HTML / "_static" / "live" / "runtime.json").exists():
        sys.exit("Build the book with its in-page runtime first: python3.11 tools/course.py build")
    print(f"Load average at start: {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores (the machine is shared)")
    with serve() as base, sitekit.browser() as browser:
        if not args.only_updates:
            start_up(browser, base, args.exercise, args.runs)
        context, page = new_page(browser, base)
        print(f"In-page updates ({args.updates} input changes each; target {TARGETS['update']}):")
        for entry in registry.WIDGETS:
            if page.url != base + page_of(entry.id):
                page.goto(base + page_of(entry.id), wait_until="load")
            started = livepage.start(page, entry.id)
            if not started.live:
                print(f"  {entry.id:22} did not start: {started.status[:100]}")
                continue
            control = livepage.find_responsive_control(page, entry.id)
            if control is None:
                print(f"  {entry.id:22} no input changed the output")
                continue
            print(f"  {entry.id:22} {livepage.summary(livepage.time_updates(page, entry.id, control, args.updates))}")
        context.close()
    print(f"Load average at the end: {os.getloadavg()[0]:.1f}")


def start_up(browser, base: str, exercise_id: str, runs: int) -> None:
    """Cold starts, a second exercise on the same page, another page with the browser cache."""
    colds = [cold_start(browser, base, exercise_id) for _ in range(runs)]
    for number, (started, cpu, sent, timings) in enumerate(colds, 1):
        print(f"Cold start {number} ({exercise_id}): {seconds(started)} wall, {cpu:.1f} s Chromium CPU, "
              f"{sent / 1e6:.1f} MB transferred (gzip)\n    steps: {timings}")
    good = [cold for cold in colds if cold[0].live]
    if good:
        median = statistics.median(cold[0].ms for cold in good) / 1000
        print(f"Cold start, median: {median:.1f} s (target {TARGETS['cold']}); "
              f"bytes {statistics.median(cold[2] for cold in good) / 1e6:.1f} MB (target {TARGETS['bytes']})")
    context, page = new_page(browser, base)
    two = first_page_with_two()
    if two:
        page.goto(base + page_of(two[0]), wait_until="load")
        first = livepage.start(page, two[0])
        second = livepage.start(page, two[1])
        print(f"Warm, second exercise on the same page ({two[1]} after {two[0]}): {seconds(second)} "
              f"(first: {seconds(first)}; target {TARGETS['warm']})")
    page.goto(base + page_of(exercise_id), wait_until="load")
    cpu = chromium_cpu_seconds()
    again = livepage.start(page, exercise_id)
    print(f"Warm, another page with the browser cache ({exercise_id}): {seconds(again)}, "
          f"{chromium_cpu_seconds() - cpu:.1f} s Chromium CPU (target {TARGETS['warm']})\n    steps: {steps(page)}")
    context.close()


if __name__ == "__main__":
    started_at = time.perf_counter()
    main()
    print(f"({time.perf_counter() - started_at:.0f} s)")
