"""Site commands run by tools/course.py inside .venv.

    python -m tools.site_commands prepare-tests   # CI: install Chromium if missing; print the PDF
    python -m tools.site_commands linkcheck       # check every external link (needs the internet)
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys

from tools import ROOT, book_pdf, sitekit
from tools.editions import jupyter_book


def say(message: str) -> None:
    print(f"[site] {message}", flush=True)


def ensure_chromium() -> bool:
    """On CI (CI=true) install Debian's chromium if it is missing. True if a Chromium is there."""
    if sitekit.find_chromium():
        return True
    if os.environ.get("CI") == "true" and shutil.which("apt-get"):
        say("CI: no Chromium; installing it with apt-get ...")
        subprocess.run(["apt-get", "update"], check=False)
        subprocess.run(["apt-get", "install", "-y", "--no-install-recommends", "chromium"], check=False)
    return sitekit.find_chromium() is not None


def prepare_tests() -> None:
    if not ensure_chromium():
        say("No Chromium (/usr/bin/chromium): the browser tests and the PDF test will skip "
            "(on Debian: apt-get install chromium).")
        return
    try:
        book_pdf.make_pdf()
    except Exception as error:
        # Any failure: the PDF test then fails and says why; the other tests still run.
        say(f"The whole-book PDF could not be made: {error}")


def linkcheck() -> int:
    """Sphinx's linkcheck builder over the book; prints a summary of broken and redirected links."""
    out = ROOT / "_build" / "linkcheck"
    # All the sources, instructor notes included: their links must work too.
    jupyter_book(ROOT, "--all", builder="linkcheck", strict=False)
    # jupyter-book writes the report into _build/html; move it out of the published site.
    out.mkdir(parents=True, exist_ok=True)
    for name in ("output.json", "output.txt"):
        if (sitekit.HTML / name).exists():
            (sitekit.HTML / name).replace(out / name)
    report = out / "output.json"
    if not report.exists():
        say("linkcheck wrote no report")
        return 2
    results = [json.loads(line) for line in report.read_text(encoding="utf-8").splitlines() if line.strip()]
    broken = [r for r in results if r["status"] in {"broken", "timeout"}]
    redirected = [r for r in results if r["status"] == "redirected"]
    for r in broken:
        say(f"BROKEN {r['filename']}:{r['lineno']} {r['uri']} ({r['info']})")
    for r in redirected:
        say(f"redirected {r['filename']}:{r['lineno']} {r['uri']} -> {r['info']}")
    say(f"{len(results)} links checked: {len(broken)} broken, {len(redirected)} redirected. Report: {report}")
    return 1 if broken else 0


def main(argv: list[str]) -> None:
    parser = argparse.ArgumentParser(prog="python -m tools.site_commands", description=__doc__.split("\n", 1)[0])
    parser.add_argument("command", choices=["prepare-tests", "linkcheck"])
    if parser.parse_args(argv).command == "prepare-tests":
        prepare_tests()
    else:
        sys.exit(linkcheck())


if __name__ == "__main__":
    main(sys.argv[1:])
