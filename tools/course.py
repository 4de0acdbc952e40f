#!/usr/bin/env python3
"""One entry point for the course: set up, build, test, execute notebooks, serve.

    python3 tools/course.py build      # install what is missing, build the book strictly
    python3 tools/course.py test       # install what is missing, build, run every test

Run it with Python 3.11. It keeps its own virtual environment in .venv/ and
re-installs only when requirements.txt or pyproject.toml change.
Other commands: execute NOTEBOOK..., serve [PORT], set-repo URL, bench,
pdf (the whole book as one PDF), linkcheck (external links), bench-site (Lighthouse etc.).
For instructors (see README): build --edition instructor, course-map [--check],
pack CHAPTER... --out DIR [--force] [--edition instructor], gradebook FOLDER --out FILE.csv.
"""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
VENV = ROOT / ".venv"
BIN = VENV / ("Scripts" if os.name == "nt" else "bin")
PYTHON = BIN / "python"
STAMP = VENV / ".course-installed"
HTML = ROOT / "_build" / "html"
# Commands that are each a script in tools/, run in the virtual environment.
TOOLS = {"course-map": "coursemap.py", "pack": "packs.py", "gradebook": "gradebook.py",
         "pdf": "book_pdf.py", "bench-site": "bench_site.py"}


def say(message: str) -> None:
    print(f"[course] {message}", flush=True)


def run(*args: object, check: bool = True) -> int:
    env = os.environ | {"MPLBACKEND": "Agg", "PYDEVD_DISABLE_FILE_VALIDATION": "1"}
    completed = subprocess.run([str(a) for a in args], cwd=ROOT, env=env)
    if check and completed.returncode != 0:
        sys.exit(completed.returncode)
    return completed.returncode


def install_fingerprint() -> str:
    digest = hashlib.sha256()
    for name in ("requirements.txt", "pyproject.toml"):
        digest.update((ROOT / name).read_bytes())
    return digest.hexdigest()


def ensure_environment() -> None:
    """Create .venv and install the pins plus the course package, if anything is missing or changed."""
    if sys.version_info[:2] != (3, 11):
        sys.exit(f"[course] This course needs Python 3.11; this is {sys.version.split()[0]}. "
                 "Run the command with python3.11.")
    if not PYTHON.exists():
        say("Creating the virtual environment in .venv/ ...")
        venv.EnvBuilder(with_pip=True).create(VENV)
    fingerprint = install_fingerprint()
    if STAMP.exists() and STAMP.read_text() == fingerprint:
        return
    say("Installing the pinned requirements and the exercises package (first run takes a few minutes) ...")
    run(PYTHON, "-m", "pip", "install", "--quiet", "--disable-pip-version-check", "-r", "requirements.txt")
    run(PYTHON, "-m", "pip", "install", "--quiet", "--disable-pip-version-check", "--no-deps", "-e", ".")
    STAMP.write_text(fingerprint)


def build_book(*args: str) -> None:
    """Build an edition (student by default) from a staged copy of the sources; see tools/editions.py."""
    run(PYTHON, ROOT / "tools" / "editions.py", "build", *args)
    if "instructor" not in args:
        say(f"Open {HTML / 'index.html'} in a browser, or serve it with: python3 tools/course.py serve")


def test() -> None:
    build_book()
    run(PYTHON, ROOT / "tools" / "site_commands.py", "prepare-tests")  # CI: install Chromium; print the PDF
    say("Running every test: unit, widget, notebooks (nbval) and the built site ...")
    code = run(PYTHON, "-m", "pytest", check=False)
    sys.exit(code)


def execute(notebooks: list[str]) -> None:
    """Re-run notebooks in place so that their committed outputs and widget state are current."""
    run(PYTHON, str(ROOT / "tools" / "execute_notebooks.py"), *notebooks)


def serve(port: str = "8000") -> None:
    if not HTML.exists():
        build_book()
    say(f"Serving {HTML} at http://127.0.0.1:{port}/ (Ctrl+C to stop)")
    run(PYTHON, "-m", "http.server", port, "--bind", "127.0.0.1", "--directory", HTML)


def main(argv: list[str]) -> None:
    if not argv or argv[0] in {"-h", "--help", "help"}:
        print(__doc__)
        return
    command, *rest = argv
    ensure_environment()
    if command == "build":
        build_book(*rest)
    elif command == "test":
        test()
    elif command == "execute":
        execute(rest)
    elif command == "serve":
        serve(*rest[:1])
    elif command == "bench":
        run(PYTHON, str(ROOT / "tools" / "benchmarks.py"), *rest)
    elif command == "linkcheck":
        run(PYTHON, ROOT / "tools" / "site_commands.py", "linkcheck")
    elif command == "set-repo":
        run(PYTHON, str(ROOT / "tools" / "set_repo_url.py"), *rest)
    elif command in TOOLS:
        run(PYTHON, ROOT / "tools" / TOOLS[command], *rest)
    else:
        sys.exit(f"[course] Unknown command {command!r}. Commands: build, test, execute, serve, bench, set-repo, "
                 f"linkcheck, {', '.join(TOOLS)}.")


if __name__ == "__main__":
    main(sys.argv[1:])
