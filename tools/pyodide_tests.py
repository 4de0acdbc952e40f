"""Run the unit and widget tests inside Pyodide under Node: the Python of the "Run live" buttons.

    python -m tools.pyodide_tests [PYTEST ARGS...]    # default: every test file that needs no build

This catches code that works on CPython but not in the reader's browser (another Matplotlib, no
jsonschema, WebAssembly). The packages are exactly those the page loads (``.cache/live/runtime``,
prepared first if needed), plus pytest and hypothesis (its last pure-Python release) from PyPI.
Exit status: pytest's.
"""

from __future__ import annotations

import json
import subprocess
import sys

from tools import live_runtime
from tools import live_sources as sources

ROOT = sources.ROOT
# Test files that check the build, the site, the tools or a real kernel: they run on CPython only.
HOST_ONLY = {
    "test_book.py": "reads the built book", "test_book_pdf.py": "reads the PDF",
    "test_site_browser.py": "drives Chromium", "test_site_static.py": "reads the built site",
    "test_editions.py": "builds editions", "test_packs.py": "builds packs", "test_course_map.py": "a tool",
    "test_gradebook.py": "a tool", "test_live_kernel.py": "starts a Jupyter kernel",
    "test_live_browser.py": "drives Chromium", "test_live_runtime.py": "runs Node and the tools",
}


def default_tests() -> list[str]:
    return [f"tests/{path.name}" for path in sorted((ROOT / "tests").glob("test_*.py")) if path.name not in HOST_ONLY]


def command(pytest_args: list[str]) -> list[str]:
    runtime = live_runtime.assemble()
    manifest = json.loads((runtime / "manifest.json").read_text(encoding="utf-8"))
    test_wheels = sources.fetch_pypi(sources.TEST_WHEELS)
    # The page's wheels but the course's own: the tests import exercises from the sources.
    page_wheels = [runtime / name for name in manifest["wheels"] if "becoming_a_pm" not in name]
    return ["node", str(ROOT / "tools" / "pyodide" / "run.mjs"), "--pyodide", str(runtime / "pyodide"),
            "--stdlib", str(runtime / manifest["stdlib"]),
            *[arg for name in manifest["packages"] for arg in ("--package", name)],
            *[arg for path in [*page_wheels, *test_wheels] for arg in ("--wheel", str(path))],
            "--mount", f"{ROOT}=/repo", "--mount", f"{live_runtime.BRIDGE}=/bridge", "--cwd", "/repo",
            "/repo/tools/pyodide/pytest_main.py", *(pytest_args or ["-q", *default_tests()])]


def main(argv: list[str]) -> int:
    try:
        args = command(argv)
    except sources.SourceError as error:
        print(f"[pyodide-tests] {error}", file=sys.stderr)
        return 2
    print(f"[pyodide-tests] Running the tests inside Pyodide {sources.PYODIDE_VERSION} under Node ...", flush=True)
    return subprocess.run(args, cwd=ROOT).returncode


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
