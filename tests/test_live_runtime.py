"""How Run live's runtime is made and published: hash checks, the course wheel, the book extension.

tools/live_sources.py and tools/live_runtime.py assemble the runtime in .cache/live/runtime; the
Sphinx extension assets/sphinx/live_exercises copies it into the site. Tests that read the
assembled runtime skip until it exists (``python tools/live_runtime.py``; the build runs it).
"""

from __future__ import annotations

import base64
import hashlib
import io
import json
import re
import tarfile
import zipfile
from pathlib import Path

import pytest
from live_exercises import cells, notes, publish, widgets  # the book's extension (assets/sphinx)

from tools import ROOT, live_runtime
from tools import live_sources as sources

RUNTIME = live_runtime.RUNTIME
needs_runtime = pytest.mark.skipif(not (RUNTIME / "manifest.json").exists(), reason="run tools/live_runtime.py first")


def fake_lock(**files: bytes) -> dict:
    return {"info": {"version": "0.0.0", "python": "3.12.7"}, "packages": {
        name: {"name": name, "file_name": f"{name}-1.0-py3-none-any.whl", "sha256": hashlib.sha256(data).hexdigest(),
               "depends": [], "imports": [name], "package_type": "package"} for name, data in files.items()}}


def fake_carrier(tmp_path: Path, **files: bytes) -> Path:
    path = tmp_path / "carrier.whl"
    with zipfile.ZipFile(path, "w") as archive:
        for name, data in files.items():
            archive.writestr(f"{sources.CARRIER_FOLDER}{name}-1.0-py3-none-any.whl", data)
    return path


def test_a_carrier_file_that_differs_from_the_official_lock_stops_the_build(tmp_path):
    lock = fake_lock(good=b"official bytes", numpy=b"official numpy")
    carrier = fake_carrier(tmp_path, good=b"official bytes", numpy=b"tampered numpy")
    assert sources.verified_packages(carrier, lock, ["good"]) == {"good-1.0-py3-none-any.whl": b"official bytes"}
    with pytest.raises(sources.SourceError, match=r"numpy-1.0-py3-none-any.whl .* does not match the official"):
        sources.verified_packages(carrier, lock, ["good", "numpy"])


def test_a_file_the_carrier_lacks_stops_the_build(tmp_path):
    with pytest.raises(sources.SourceError, match="has no numpy-1.0-py3-none-any.whl"):
        sources.verified_packages(fake_carrier(tmp_path), fake_lock(numpy=b"x"), ["numpy"])


def test_a_download_that_differs_from_its_pin_is_refused(tmp_path):
    path = tmp_path / "x.whl"
    path.write_bytes(b"not what was pinned")
    with pytest.raises(sources.SourceError, match="is not the pinned"):
        sources.check_pin(path, sources.Pin("x==1", "x.whl", "0" * 64))


def test_the_shipped_lock_keeps_only_imported_packages_and_their_hashes():
    lock = fake_lock(matplotlib=b"m", numpy=b"n", fonttools=b"f")
    lock["packages"]["matplotlib"]["depends"] = ["numpy", "fonttools"]
    assert sources.closure(lock, ["matplotlib"]) == ["fonttools", "matplotlib", "numpy"]
    shipped = json.loads(sources.restricted_lock(lock, ["matplotlib", "numpy"]))
    assert sorted(shipped["packages"]) == ["matplotlib", "numpy"]
    assert shipped["packages"]["matplotlib"]["depends"] == ["numpy"]
    assert shipped["packages"]["numpy"]["sha256"] == lock["packages"]["numpy"]["sha256"]
    assert shipped["info"] == lock["info"]


def test_the_course_wheel_is_reproducible_and_its_record_is_right():
    name, wheel = live_runtime.course_wheel()
    assert live_runtime.course_wheel() == (name, wheel)
    assert re.fullmatch(r"becoming_a_pm_exercises-[0-9.]+-py3-none-any\.whl", name)
    with zipfile.ZipFile(io.BytesIO(wheel)) as archive:
        names = set(archive.namelist())
        record = next(n for n in names if n.endswith(".dist-info/RECORD"))
        for line in archive.read(record).decode().splitlines():
            path, digest, size = line.split(",")
            if digest:
                data = archive.read(path)
                assert len(data) == int(size), path
                encoded = base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=").decode()
                assert digest == f"sha256={encoded}", path
    assert {"exercises/registry.py", "exercises/kit/views.py", "exercises/kit/checks.js"} <= names
    assert not any("__pycache__" in n or n.startswith("tests/") for n in names)


def instructor_texts() -> list[str]:
    """A distinctive line from every instructor cell and block of the book's sources."""
    from tools.booksource import cell_text, instructor_text, is_instructor_cell

    texts = []
    for path in sorted((ROOT / "chapters").glob("*")):
        if path.suffix == ".ipynb":
            cells_ = json.loads(path.read_text(encoding="utf-8"))["cells"]
            bodies = [cell_text(cell) for cell in cells_ if is_instructor_cell(cell)]
        elif path.suffix == ".md":
            bodies = instructor_text(path.read_text(encoding="utf-8"))
        else:
            continue
        texts += [max(body.splitlines(), key=len).strip() for body in bodies if body.strip()]
    return [text for text in texts if len(text) > 40]


def shipped_texts(folder: Path) -> dict[str, str]:
    """Every shipped file as text, archives opened (wheels, zips)."""
    found = {}
    for path in sorted(p for p in folder.rglob("*") if p.is_file()):
        if path.suffix in {".whl", ".zip"}:
            with zipfile.ZipFile(path) as archive:
                for name in archive.namelist():
                    found[f"{path.name}/{name}"] = archive.read(name).decode("utf-8", "ignore")
        elif path.suffix != ".wasm":
            found[str(path.relative_to(folder))] = path.read_bytes().decode("utf-8", "ignore")
    return found


@needs_runtime
def test_no_instructor_note_reaches_the_runtime():
    texts = instructor_texts()
    assert texts, "the book should have instructor notes to look for"
    shipped = shipped_texts(RUNTIME)
    for name, content in shipped.items():
        assert "Instructor notes" not in content, name
        for text in texts:
            assert text not in content, f"{name} holds instructor text: {text[:60]}"


@needs_runtime
def test_every_shipped_pyodide_file_matches_the_official_npm_package_and_lock():
    with tarfile.open(sources.DOWNLOADS / sources.PYODIDE.file_name) as archive:
        names = (*sources.CORE_FILES, "pyodide-lock.json")
        official = {name: archive.extractfile(f"package/{name}").read() for name in names}
    lock = json.loads(official["pyodide-lock.json"])
    by_file = {entry["file_name"]: entry["sha256"] for entry in lock["packages"].values()}
    shipped = sorted((RUNTIME / "pyodide").iterdir())
    assert {p.name for p in shipped} >= set(sources.CORE_FILES) - {"python_stdlib.zip"}
    for path in shipped:
        if path.name in sources.CORE_FILES:
            assert path.read_bytes() == official[path.name], path.name
        elif path.name != "pyodide-lock.json":
            assert hashlib.sha256(path.read_bytes()).hexdigest() == by_file[path.name], path.name
    with zipfile.ZipFile(io.BytesIO(official["python_stdlib.zip"])) as theirs, \
            zipfile.ZipFile(RUNTIME / "python" / "python_stdlib.zip") as stdlib:
        assert all(stdlib.read(entry.filename) == theirs.read(entry) for entry in theirs.infolist())
        added = set(stdlib.namelist()) - set(theirs.namelist())
        assert added and all(name.endswith(".pyc") and name[:-1] in theirs.namelist() for name in added)
    ours = json.loads((RUNTIME / "pyodide" / "pyodide-lock.json").read_text())
    assert ours["info"] == lock["info"]
    assert all(ours["packages"][n]["sha256"] == lock["packages"][n]["sha256"] for n in ours["packages"])


@needs_runtime
def test_the_manifest_lists_every_file_with_its_hash_and_the_licences_are_shipped():
    manifest = json.loads((RUNTIME / "manifest.json").read_text())
    for name, facts in manifest["files"].items():
        data = (RUNTIME / name).read_bytes()
        assert (len(data), hashlib.sha256(data).hexdigest()) == (facts["size"], facts["sha256"]), name
    notice = (RUNTIME / "LICENSES" / "NOTICE.md").read_text()
    for component in ("Pyodide", "CPython", "matplotlib", "numpy", "ipywidgets", *manifest["packages"]):
        assert component.replace("-", "_").lower() in notice.replace("-", "_").lower(), component
    assert (RUNTIME / "LICENSES" / "MPL-2.0.txt").read_text().startswith("Mozilla Public License Version 2.0")
    assert manifest["transfer_bytes"] <= 25_000_000  # the budget for everything a first start downloads


@needs_runtime
@pytest.mark.parametrize("page", ["assets/includes/preview-or-live.md", "chapters/welcome.md"])
def test_the_documented_download_size_is_what_the_runtime_weighs(page):
    manifest = json.loads((RUNTIME / "manifest.json").read_text())
    stated = re.search(r"about (\d+) MB", (ROOT / page).read_text(encoding="utf-8"))
    assert stated, f"{page} should say how much the first start downloads"
    assert abs(int(stated[1]) - manifest["transfer_bytes"] / 1e6) <= 1.5, (stated[0], manifest["transfer_bytes"])


def test_the_widget_bundle_lends_its_manager_class_once():
    bundle = (ROOT / "assets" / "vendor" / "jupyter-widgets" / "embed.js").read_text(encoding="utf-8")
    exposed = widgets.exposed(bundle)
    assert exposed.count(widgets.GLOBAL_NAME) == 1
    assert len(exposed) - len(bundle) < 60 and widgets.exposed(exposed) == exposed
    assert re.search(r"window\.jupyterWidgetsHTMLManager=(\w+),window\._jupyter_widget_embedder", exposed)
    with pytest.raises(Exception, match="start-up code is not where"):
        widgets.exposed("(()=>{console.log('another bundle')})()")


def test_the_run_live_bar_escapes_the_title_and_names_its_buttons():
    bar = cells.bar_html("x-1", 'Say "no" <now> & then')
    assert 'data-title="Say &quot;no&quot; &lt;now&gt; &amp; then"' in bar
    assert re.search(r'<button type="button" class="pm-live-run">Run live<span class="pm-visually-hidden">: Say', bar)
    assert bar.count("<button") == 2 and " hidden>" in bar and cells.LAUNCH_PLACEHOLDER in bar


def test_the_cdn_option_sends_pyodide_elsewhere_and_keeps_our_files_here():
    manifest = {"pyodide_version": "0.27.7", "packages": ["numpy"], "wheels": ["wheels/a.whl"], "transfer_bytes": 1,
                "font_cache": {"file": "matplotlib/fontlist.json", "path": "/x"}, "bytecode": "python/bytecode.zip",
                "stdlib": "python/python_stdlib.zip"}
    here = publish.runtime_config(manifest, "")
    cdn = publish.runtime_config(manifest, "https://cdn.jsdelivr.net/pyodide/v0.27.7/full/")
    assert here["pyodide"] == "pyodide/" and cdn["pyodide"].startswith("https://cdn.jsdelivr.net/")
    assert here["stdlib"] == "python/python_stdlib.zip" and cdn["stdlib"] is None  # the CDN's own, for its Pyodide
    assert cdn["wheels"] == here["wheels"] == ["wheels/a.whl"]
    config = (ROOT / "_config.yml").read_text(encoding="utf-8")
    assert re.search(r'^\s+live_pyodide_url: ""', config, re.M), "the CDN option must be documented and off by default"


def test_publishing_copies_only_what_changed_and_removes_the_rest(tmp_path):
    source = tmp_path / "a.txt"
    source.write_text("one")
    dest = tmp_path / "site"
    (dest / "old").mkdir(parents=True)
    (dest / "old" / "stale.txt").write_text("stale")
    assert publish.sync({"a.txt": source, "b/c.json": b"{}"}, dest) == 2
    assert publish.sync({"a.txt": source, "b/c.json": b"{}"}, dest) == 0
    assert sorted(str(p.relative_to(dest)) for p in dest.rglob("*") if p.is_file()) == ["a.txt", "b/c.json"]


def test_the_preview_notes_line_becomes_the_shared_note_and_nothing_else_changes():
    quoted = f"> {notes.MARKER}"  # not the line itself: left alone
    notebook = {"cells": [
        {"cell_type": "markdown", "metadata": {},
         "source": ["## Exercise: one\n", "\n", f"{notes.MARKER}\n", "\n", "Do."]},
        {"cell_type": "markdown", "metadata": {}, "source": f"{quoted}\n{notes.MARKER}"},
        {"cell_type": "code", "metadata": {}, "source": notes.MARKER, "outputs": [], "execution_count": None},
    ], "metadata": {}, "nbformat": 4, "nbformat_minor": 5}
    expanded = json.loads(notes.expand(json.dumps(notebook), "> **Preview or live?** The shared note.\n"))
    first, second, code = expanded["cells"]
    assert first["source"] == "## Exercise: one\n\n> **Preview or live?** The shared note.\n\nDo."
    assert second["source"] == f"{quoted}\n> **Preview or live?** The shared note."
    assert code["source"] == notes.MARKER
    assert notes.SHARED_NOTE.read_text(encoding="utf-8").startswith("> **Preview or live?**")
