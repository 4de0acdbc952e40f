"""Build start: the in-page runtime and the page's live scripts go to ``_static/live/``.

- the runtime assembled by tools/live_runtime.py (``.cache/live/runtime``): Pyodide's core, the
  packages the exercises import, the wheels, the font cache, the licences;
- from ``assets/live``: live.js and live.css (the page), worker.js (the Web Worker) and
  ``pm-live-python.zip`` (the Python side of the bridge, zipped from ``assets/live/python``);
- ``runtime.json``: what the worker loads, from where.

Only files that changed are copied, so a rebuild stays quick.
"""

from __future__ import annotations

import io
import json
import shutil
import zipfile
from pathlib import Path

from sphinx.application import Sphinx
from sphinx.util import logging

logger = logging.getLogger(__name__)
LIVE_DIR = "live"  # under _static
ASSETS = Path(__file__).resolve().parents[2] / "live"  # assets/live, beside assets/sphinx
PAGE_FILES = ("live.js", "live.css", "worker.js")
PYTHON_ZIP = "pm-live-python.zip"
ZIP_TIME = (1980, 1, 1, 0, 0, 0)


def find_runtime(app: Sphinx) -> Path | None:
    """The assembled runtime: ``live_runtime_dir``, else ``.cache/live/runtime`` here or above."""
    if app.config.live_runtime_dir:
        folder = Path(app.confdir, app.config.live_runtime_dir)
        if not (folder / "manifest.json").exists():
            raise FileNotFoundError(f"live_runtime_dir {folder} holds no manifest.json: run tools/live_runtime.py")
        return folder
    for folder in [Path(app.confdir).resolve(), *Path(app.confdir).resolve().parents]:
        if (folder / ".cache" / "live" / "runtime" / "manifest.json").exists():
            return folder / ".cache" / "live" / "runtime"
    return None


def python_zip(folder: Path) -> bytes:
    """``assets/live/python`` as a zip with fixed dates (unchanged sources give the same bytes)."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for path in sorted(folder.rglob("*.py")):
            if "__pycache__" not in path.parts:
                archive.writestr(zipfile.ZipInfo(str(path.relative_to(folder)), ZIP_TIME), path.read_bytes(),
                                 zipfile.ZIP_DEFLATED)
    return buffer.getvalue()


def runtime_config(manifest: dict, pyodide_url: str) -> dict:
    """runtime.json, read by worker.js: paths are relative to it unless they are URLs."""
    return {
        "pyodide": pyodide_url or "pyodide/",
        "pyodideVersion": manifest["pyodide_version"],
        "packages": manifest["packages"],
        "wheels": manifest["wheels"],
        "python": PYTHON_ZIP,
        "fontCache": manifest["font_cache"],  # {file: in the site, path: where Matplotlib reads it}
        "bytecode": manifest["bytecode"],
        # The standard library with compiled modules belongs to this Pyodide: a CDN's Pyodide uses its own.
        "stdlib": None if pyodide_url else manifest["stdlib"],
        # Pyodide: 4 core files and the lock; ours: runtime.json, the Python zip, the font cache, the bytecode.
        "files": 5 + len(manifest["packages"]) + len(manifest["wheels"]) + 4,
        "transferBytes": manifest["transfer_bytes"],
    }


def sync(files: dict[str, Path | bytes], dest: Path) -> int:
    """Make ``dest`` hold exactly ``files``; copies only what changed. Returns how many were written."""
    written = 0
    for name, source in files.items():
        target = dest / name
        target.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(source, bytes):
            if not (target.is_file() and target.read_bytes() == source):
                target.write_bytes(source)
                written += 1
        elif not (target.is_file() and target.stat().st_size == source.stat().st_size
                  and target.stat().st_mtime_ns == source.stat().st_mtime_ns):
            shutil.copy2(source, target)
            written += 1
    for path in sorted(dest.rglob("*"), reverse=True):
        if path.is_file() and str(path.relative_to(dest)) not in files:
            path.unlink()
        elif path.is_dir() and not any(path.iterdir()):
            path.rmdir()
    return written


def publish_runtime(app: Sphinx) -> None:
    app.pm_live_published = False
    if app.builder.name not in {"html", "dirhtml"}:
        return
    runtime = find_runtime(app)
    if runtime is None:
        logger.info("live_exercises: no in-page runtime (run tools/live_runtime.py); the exercises show previews only.")
        return
    manifest = json.loads((runtime / "manifest.json").read_text(encoding="utf-8"))
    pyodide_url = app.config.live_pyodide_url.strip()
    if pyodide_url and not pyodide_url.endswith("/"):
        pyodide_url += "/"
    from_cdn = {name for name in manifest["files"] if name.startswith("pyodide/")} | {manifest["stdlib"]}
    files: dict[str, Path | bytes] = {  # a CDN serves Pyodide, its packages and its standard library
        name: runtime / name for name in manifest["files"] if not (pyodide_url and name in from_cdn)
    }
    files |= {name: ASSETS / name for name in PAGE_FILES}
    files[PYTHON_ZIP] = python_zip(ASSETS / "python")
    files["runtime.json"] = json.dumps(runtime_config(manifest, pyodide_url), indent=1).encode()
    written = sync(files, Path(app.outdir) / "_static" / LIVE_DIR)
    logger.info(f"live_exercises: in-page runtime from {runtime} ({written} files updated)")
    app.pm_live_published = True
