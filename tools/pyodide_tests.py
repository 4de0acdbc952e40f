"""Run the unit and widget tests inside Pyodide under Node: the Python of the "Run live" buttons.

    python -m tools.pyodide_tests [PYTEST ARGS...]    # default: the portable tests (not `book`), tools aside

This catches code that works on CPython but not in the reader's browser (another Matplotlib, no
jsonschema, WebAssembly). The packages are exactly those the page loads (``.cache/live/runtime``,
prepared first if needed), plus pytest and hypothesis (its last pure-Python release) from PyPI.
Exit status: pytest's.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

from tools import ROOT, live_runtime
from tools import live_sources as sources

# The test command's portable tests (not marked `book`), but for those that test the tools (they
# import the `tools` package) or need what Pyodide has not: they run on CPython only.
NEEDS_A_KERNEL = {"test_live_kernel.py"}
TOOLS_IMPORT = re.compile(r"^\s*(from tools\b|import tools\b)", re.MULTILINE)
HOST_ONLY_TESTS = [
    # start a fresh Python (Pyodide has no subprocesses)
    "tests/test_registry.py::test_importing_the_registry_and_pure_layers_skips_matplotlib_and_ipywidgets",
    "tests/test_registry.py::test_no_menu_is_blank_whatever_the_hash_seed",
    # measures labels as JupyterLab draws them, with the host's Matplotlib; Pyodide's 3.8 measures 1% wider
    "tests/test_registry.py::test_no_label_is_cut_off",
]


def host_only(path: Path) -> bool:
    """A test file that collecting in Pyodide would break: it tests the tools, or needs a kernel."""
    return path.name in NEEDS_A_KERNEL or bool(TOOLS_IMPORT.search(path.read_text(encoding="utf-8")))


def default_tests() -> list[str]:
    """The portable tests: test files marked `book` as a whole are left out, not only deselected, since
    collecting them imports what Pyodide lacks (Sphinx, PyYAML, Playwright)."""
    left_out = [path.name for path in (ROOT / "tests").glob("test_*.py")
                if "pytestmark = pytest.mark.book" in path.read_text(encoding="utf-8") or host_only(path)]
    ignored = [f"--ignore=tests/{name}" for name in sorted(left_out)]
    return ["-q", "tests", "-m", "not book", *ignored, *(f"--deselect={test}" for test in HOST_ONLY_TESTS)]


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
            "/repo/tools/pyodide/pytest_main.py", *(pytest_args or default_tests())]


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
