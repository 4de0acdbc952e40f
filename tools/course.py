#!/usr/bin/env python3
"""The course's command line: set up, build, test, and the instructor and site tools.

    python3.11 tools/course.py build      # install what is missing, build the book strictly (with Run live)
    python3.11 tools/course.py test       # install what is missing, build, lint and run every test

Runs with Python 3.11, 3.12 or 3.13 and the standard library only. It keeps a virtual environment
in .venv/, made with the Python that runs it, with requirements-dev.txt (which includes
requirements.txt) and the exercises package installed, again only when those files or
pyproject.toml change, and runs every other tool there as `python -m tools.<module>`.
`COMMAND --help` shows a command's own options.
"""

from __future__ import annotations

import argparse
import hashlib
import importlib.util
import os
import re
import shutil
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

if not __package__:
    # Run as a file (python3.11 tools/course.py): import this folder as the package `tools`.
    _spec = importlib.util.spec_from_file_location("tools", Path(__file__).with_name("__init__.py"))
    assert _spec and _spec.loader
    sys.modules["tools"] = importlib.util.module_from_spec(_spec)
    _spec.loader.exec_module(sys.modules["tools"])

from tools import ROOT
from tools.live_sources import PYODIDE_VERSION

SUPPORTED = ("3.11", "3.12", "3.13")  # pyproject.toml: requires-python = ">=3.11,<3.14"
PINS = ("requirements.txt", "requirements-dev.txt", "pyproject.toml")
HTML = ROOT / "_build" / "html"
ENVIRONMENT = {"MPLBACKEND": "Agg", "PYDEVD_DISABLE_FILE_VALIDATION": "1"}
# Commands that run a tool module in the virtual environment: (module and its first arguments, help).
TOOLS = {
    "build": (["tools.editions"], "build the book strictly (warnings are errors): the student edition, "
              "or --edition instructor"),
    "execute": (["tools.execute_notebooks"], "re-run chapter notebooks in place so their outputs and widget "
                "state are current: execute [NOTEBOOK ...]"),
    "set-repo": (["tools.set_repo_url"], "point the course at a fork: set-repo https://github.com/OWNER/REPO"),
    "bench": (["tools.benchmarks"], "build times and widget-update median/p95 per benchmark case"),
    "bench-site": (["tools.bench_site"], "Lighthouse scores, page weight and browser-test time of the built site"),
    "bench-live": (["tools.bench_live"], "Run live on the built site: cold and warm start, bytes, update median/p95 "
                   "per exercise"),
    "pdf": (["tools.book_pdf"], "the whole book as one PDF in _build/pdf/"),
    "linkcheck": (["tools.site_commands", "linkcheck"], "check every external link (needs the internet)"),
    "course-map": (["tools.coursemap"], "refresh the course map in the instructor guide (--check: only check)"),
    "pack": (["tools.packs"], "a course pack of chosen chapters: pack CHAPTER... --out DIR"),
    "gradebook": (["tools.gradebook"], "a CSV gradebook from saved work: gradebook FOLDER --out FILE.csv"),
    "student-copy": (["tools.student_copy"], "the repository students launch (no instructor notes): "
                     "student-copy --out DIR"),
}
ORDER = ["build", "test", "serve", "execute", "set-repo", "pdf", "linkcheck", "bench", "bench-site", "bench-live",
         "course-map", "pack", "gradebook", "student-copy"]
# The unit and widget tests, which the test command also runs on every other supported Python:
# not the book, PDF, edition, pack and site tests (marked `book`), not the notebooks (nbval).
PORTABLE_TESTS = ["tests", "-m", "not book"]


def say(message: str) -> None:
    print(f"[course] {message}", flush=True)


def version_of(python: str | Path) -> str | None:
    """The version ("3.12") of an interpreter that runs and can make virtual environments, else None."""
    try:
        completed = subprocess.run([str(python), "-c", "import sys, venv; print('%d.%d' % sys.version_info[:2])"],
                                   capture_output=True, text=True, timeout=60)
    except (OSError, subprocess.TimeoutExpired):
        return None
    return completed.stdout.strip() if completed.returncode == 0 else None


def find_python(version: str) -> str | None:
    """``python3.X`` on the PATH, or else the newest pyenv install of it (pyenv's shims refuse
    to run a version that is installed but not selected)."""
    pyenv = Path(os.environ.get("PYENV_ROOT", Path.home() / ".pyenv")) / "versions"
    installs = sorted(pyenv.glob(f"{version}.*/bin/python{version}"),
                      key=lambda p: [int(n) for n in re.findall(r"\d+", p.parts[-3])], reverse=True)
    for candidate in [shutil.which(f"python{version}"), *map(str, installs)]:
        if candidate and version_of(candidate) == version:
            return candidate
    return None


# Not exercises.kit.frozen.Frozen: this file runs before the exercises package is installed.
@dataclass(frozen=True)
class Environment:
    """A virtual environment with the pins and the exercises package installed."""

    folder: Path
    base: str  # the interpreter that makes it
    version: str  # "3.11"

    @property
    def python(self) -> Path:
        return self.folder / ("Scripts" if os.name == "nt" else "bin") / "python"

    def fingerprint(self) -> str:
        digest = hashlib.sha256(self.version.encode())
        for name in PINS:
            digest.update((ROOT / name).read_bytes())
        return digest.hexdigest()

    def ensure(self) -> bool:
        """Create it (again, if it is of another Python) and install, unless the pins are unchanged.
        True if it installed."""
        stamp = self.folder / ".course-installed"
        if version_of(self.python) != self.version:
            say(f"Creating {self.folder.name}/ with Python {self.version} ...")
            run(self.base, "-m", "venv", "--clear", self.folder)
        elif stamp.exists() and stamp.read_text() == self.fingerprint():
            return False
        say(f"Installing the pinned requirements and the exercises package into {self.folder.name}/ "
            "(the first time takes a few minutes) ...")
        pip = [self.python, "-m", "pip", "install", "--quiet", "--disable-pip-version-check"]
        run(*pip, "-r", "requirements-dev.txt")  # which includes requirements.txt
        run(*pip, "--no-deps", "-e", ".")
        stamp.write_text(self.fingerprint())
        return True


class CommandFailed(Exception):
    """A command exited with ``code`` (it has printed why)."""

    def __init__(self, code: int) -> None:
        super().__init__(code)
        self.code = code


def run(*args: object, check: bool = True) -> int:
    """Run a command from the repository folder; raise :class:`CommandFailed` if ``check`` and it fails."""
    completed = subprocess.run([str(a) for a in args], cwd=ROOT, env=os.environ | ENVIRONMENT)
    if check and completed.returncode != 0:
        raise CommandFailed(completed.returncode)
    return completed.returncode


def main_environment() -> Environment:
    version = "{}.{}".format(*sys.version_info[:2])
    if version not in SUPPORTED:
        sys.exit(f"[course] This course runs on Python {', '.join(SUPPORTED)}; this is {sys.version.split()[0]}. "
                 "Run the command with python3.11 (or python3.12, python3.13).")
    return Environment(ROOT / ".venv", sys.executable, version)


@dataclass(frozen=True)
class Step:
    """One step of the test command, for its summary."""

    label: str
    code: int
    seconds: float
    python: str | None = None  # for test steps: the interpreter they ran on


def test(venv: Environment) -> int:
    """Lint, build, then every test here; then the unit and widget tests inside Pyodide (Run live's Python)
    and on every other supported Python."""
    steps: list[Step] = []

    def step(label: str, *args: object, python: str | None = None) -> int:
        """Run a command as a step of the summary; a failure is recorded and the next step still runs."""
        start = time.perf_counter()
        code = run(*args, check=False)
        steps.append(Step(label, code, time.perf_counter() - start, python))
        return code

    step("ruff check .", venv.python, "-m", "ruff", "check", ".", "--output-format", "concise")
    if step("build the book", venv.python, "-m", "tools.editions", "-q") == 0:
        run(venv.python, "-m", "tools.site_commands", "prepare-tests", check=False)  # CI: install Chromium; the PDF
        say("Running every test: unit, widget, notebooks (nbval) and the built site ...")
        step("every test (.venv)", venv.python, "-m", "pytest", python=f"{venv.version} ({venv.base})")
        say("Unit and widget tests inside Pyodide under Node: the Python of the Run live buttons ...")
        step("unit and widget tests (Pyodide)", venv.python, "-m", "tools.pyodide_tests",
             python=f"3.12 (Pyodide {PYODIDE_VERSION}, in Node)")
    for version in SUPPORTED:
        if version == venv.version:
            continue
        base = find_python(version)
        if base is None:
            say(f"Python {version}: not found (python{version} on the PATH or under pyenv); skipped.")
            continue
        other = Environment(ROOT / f".venv-{version}", base, version)
        start = time.perf_counter()
        try:
            if other.ensure():
                steps.append(Step(f"install .venv-{version}", 0, time.perf_counter() - start))
        except CommandFailed as failed:
            steps.append(Step(f"install .venv-{version}", failed.code, time.perf_counter() - start))
            continue
        say(f"Unit and widget tests on Python {version} ({base}) ...")
        step(f"unit and widget tests (.venv-{version})", other.python, "-m", "pytest", "-q", *PORTABLE_TESTS,
             python=f"{version} ({base})")
    say("Summary:")
    for done in steps:
        print(f"    {'passed' if done.code == 0 else 'FAILED'}  {done.label}  ({done.seconds:.0f} s)", flush=True)
    ran = [done.python for done in steps if done.python]
    say(f"Tests ran on Python {'; '.join(ran) if ran else 'none'}.")
    return next((done.code for done in steps if done.code != 0), 0)


def parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="course.py", description=__doc__, epilog="Instructors: see the README's section 'For instructors'.",
        formatter_class=lambda prog: argparse.RawDescriptionHelpFormatter(prog, max_help_position=18, width=100))
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    for name in ORDER:
        if name == "test":
            commands.add_parser("test", help="lint, build, run every test; then the unit and widget tests inside "
                                "Pyodide and on every other Python 3.11-3.13 found")
        elif name == "serve":
            serve = commands.add_parser("serve", help="serve the built book at http://127.0.0.1:PORT/ (default 8000)")
            serve.add_argument("port", nargs="?", type=int, default=8000)
        else:  # the tool reads its own options, --help included
            commands.add_parser(name, help=TOOLS[name][1], add_help=False)
    return parser


def main(argv: list[str]) -> int:
    args, rest = parser().parse_known_args(argv)
    if args.command not in TOOLS and rest:
        parser().error(f"unrecognized arguments: {' '.join(rest)}")
    venv = main_environment()
    try:
        venv.ensure()
        if args.command == "test":
            return test(venv)
        if args.command == "serve":
            if not (HTML / "index.html").exists():
                run(venv.python, "-m", "tools.editions")
            say(f"Serving {HTML} at http://127.0.0.1:{args.port}/ (Ctrl+C to stop)")
            return run(venv.python, "-m", "http.server", args.port, "--bind", "127.0.0.1", "--directory", HTML,
                       check=False)
        module, _help = TOOLS[args.command]
        return run(venv.python, "-m", *module, *rest, check=False)
    except CommandFailed as failed:
        return failed.code


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
