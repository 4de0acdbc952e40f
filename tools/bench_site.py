"""Benchmarks of the built site: `python3.11 tools/course.py bench-site [--skip-tests]`.

Prints
- Lighthouse scores (median of 3 runs) (performance, accessibility, best practices) for a chapter page with
  widgets, mobile (Lighthouse's default) and desktop, run by node against the system Chromium;
- the transfer size of that page on a first visit (empty cache) and a repeat visit, measured
  through the Chrome DevTools Protocol, from a local server that gzips and sets a cache
  lifetime as static hosts (GitHub Pages, Netlify) do;
- the wall time of the browser and site test run.

Lighthouse (npm package, pinned below) is installed into `.cache/lighthouse` (git-ignored) on
first use. Figures, not pass/fail: the targets are printed beside them.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time
from urllib.parse import urlsplit

from tools import ROOT, sitekit

LIGHTHOUSE_VERSION = "13.5.0"
LIGHTHOUSE_DIR = ROOT / ".cache" / "lighthouse"
LIGHTHOUSE = LIGHTHOUSE_DIR / "node_modules" / "lighthouse" / "cli" / "index.js"
TARGETS = {"performance": 95, "accessibility": 100, "best-practices": 95}


def chapter_page() -> str:
    """The first page in the TOC that holds widgets (else the first notebook chapter)."""
    pages = sitekit.toc_pages()
    for page in pages:
        if "widget-view+json" in (sitekit.HTML / page).read_text(encoding="utf-8"):
            return page
    return next((p for p in pages if (ROOT / p.replace(".html", ".ipynb")).exists()), pages[0])


def ensure_lighthouse() -> None:
    if LIGHTHOUSE.exists():
        return
    print(f"Installing lighthouse@{LIGHTHOUSE_VERSION} into {LIGHTHOUSE_DIR.relative_to(ROOT)} (npm) ...", flush=True)
    LIGHTHOUSE_DIR.mkdir(parents=True, exist_ok=True)
    subprocess.run(
        ["npm", "install", "--no-audit", "--no-fund", "--prefix", str(LIGHTHOUSE_DIR),
         f"lighthouse@{LIGHTHOUSE_VERSION}"],
        check=True,
    )


def lighthouse(url: str, preset: str | None) -> dict[str, float]:
    ensure_lighthouse()
    report = LIGHTHOUSE_DIR / f"report-{preset or 'mobile'}.json"
    command = [
        "node", str(LIGHTHOUSE), url,
        "--quiet", "--output=json", f"--output-path={report}",
        "--only-categories=performance,accessibility,best-practices",
        "--chrome-flags=" + " ".join(sitekit.CHROMIUM_ARGS),
    ]
    if preset:
        command.append(f"--preset={preset}")
    env = os.environ | {"CHROME_PATH": sitekit.find_chromium() or ""}
    subprocess.run(command, check=True, env=env)
    data = json.loads(report.read_text(encoding="utf-8"))
    scores = {key: round(100 * (data["categories"][key]["score"] or 0)) for key in TARGETS}
    audits = data["audits"]
    metrics = ("first-contentful-paint", "largest-contentful-paint", "total-blocking-time", "cumulative-layout-shift")
    for metric in metrics:
        scores[metric] = audits[metric]["displayValue"]
    failing = [
        f"{audit['id']} ({audit['score']})"
        for category in ("accessibility", "best-practices")
        for ref in data["categories"][category]["auditRefs"]
        if (audit := audits[ref["id"]])["score"] is not None and audit["score"] < 1 and ref["weight"] > 0
    ]
    scores["audits below 1"] = ", ".join(failing) or "none"
    return scores


def transfer_sizes(base: str, page: str) -> dict[str, str]:
    """Bytes over the wire for a first and a repeat visit, counted from CDP network events."""
    results = {}
    with sitekit.browser() as browser:
        context = browser.new_context()
        tab = context.new_page()
        cdp = context.new_cdp_session(tab)
        cdp.send("Network.enable")
        sizes: dict[str, float] = {}
        urls: dict[str, str] = {}
        cdp.on("Network.requestWillBeSent", lambda e: urls.__setitem__(e["requestId"], e["request"]["url"]))
        cdp.on("Network.loadingFinished", lambda e: sizes.__setitem__(e["requestId"], e["encodedDataLength"]))
        for visit in ("first visit", "repeat visit"):
            sizes.clear()
            urls.clear()
            tab.goto(base + page, wait_until="networkidle")
            tab.wait_for_timeout(500)
            total = sum(sizes.values())
            results[visit] = f"{total / 1024:.0f} KiB in {len(sizes)} responses"
            if visit == "first visit":
                files = {sitekit.HTML / urlsplit(u).path.lstrip("/") for u in urls.values() if u.startswith("http")}
                raw = sum(path.stat().st_size for path in files if path.is_file())
                results["first visit, uncompressed"] = f"{raw / 1024:.0f} KiB"
        context.close()
    return results


def test_run_time() -> str:
    started = time.perf_counter()
    tests = ["tests/test_site_browser.py", "tests/test_site_static.py", "tests/test_book_pdf.py"]
    completed = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:randomly", *tests], cwd=ROOT,
                               capture_output=True, text=True)
    elapsed = time.perf_counter() - started
    summary = (completed.stdout.strip().splitlines() or ["?"])[-1]
    return f"{elapsed:.1f} s ({summary})"


def main(argv: list[str]) -> None:
    parser = argparse.ArgumentParser(prog="course.py bench-site", description=__doc__.splitlines()[0])
    parser.add_argument("--skip-tests", action="store_true", help="do not time the browser test run")
    parser.add_argument("--runs", type=int, default=3, help="Lighthouse runs per form factor (the median is shown)")
    args = parser.parse_args(argv)
    if not (sitekit.HTML / "index.html").exists():
        sys.exit("Build the book first: python3.11 tools/course.py build")
    if not sitekit.find_chromium():
        sys.exit("No Chromium at /usr/bin/chromium (Debian: apt-get install chromium)")
    page = chapter_page()
    with sitekit.serve(like_a_host=True) as base:
        print(f"Page: {page}")
        for preset in (None, "desktop"):
            # Lighthouse varies from run to run (more so on a busy machine): report the median run.
            runs = sorted((lighthouse(base + page, preset) for _ in range(args.runs)), key=lambda r: r["performance"])
            scores = runs[len(runs) // 2]
            print(f"Lighthouse {LIGHTHOUSE_VERSION}, {preset or 'mobile'}, median of {args.runs} runs "
                  f"(performance {', '.join(str(r['performance']) for r in runs)}):")
            for key, value in scores.items():
                target = f"  (target >= {TARGETS[key]})" if key in TARGETS else ""
                print(f"  {key:26} {value}{target}")
        print("Transfer size (local server with gzip and a one-day cache, like a static host):")
        for key, value in transfer_sizes(base, page).items():
            print(f"  {key:32} {value}")
    if not args.skip_tests:
        print(f"Browser and site test run: {test_run_time()}")


if __name__ == "__main__":
    main(sys.argv[1:])
