"""The book's structure and conventions, checked for every chapter (see README, "Contributing")."""

from __future__ import annotations

import hashlib
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
CHAPTERS = sorted((ROOT / "chapters").glob("[0-9][0-9]-*.ipynb"))
HTML = ROOT / "_build" / "html"
SKELETON = [
    "Learning objectives",
    "Prerequisites and time",
    "Exercise",
    "Check your understanding",
    "Reflection",
    "Summary",
    "Sources",
]


def cells(path: Path) -> list[dict]:
    return json.loads(path.read_text(encoding="utf-8"))["cells"]


def markdown(path: Path) -> str:
    return "\n".join("".join(c["source"]) for c in cells(path) if c["cell_type"] == "markdown")


def toc_files() -> list[str]:
    toc = yaml.safe_load((ROOT / "_toc.yml").read_text())
    files = [toc["root"]]
    for part in toc.get("parts", []):
        files += [entry["file"] for entry in part["chapters"]]
    return files


def test_there_are_chapters():
    assert CHAPTERS, "no chapters/NN-slug.ipynb found"


def test_every_chapter_is_in_the_toc_and_every_toc_entry_exists():
    listed = toc_files()
    for chapter in CHAPTERS:
        assert f"chapters/{chapter.stem}" in listed, f"{chapter.name} is missing from _toc.yml"
    for entry in listed:
        assert any((ROOT / f"{entry}{suffix}").exists() for suffix in (".ipynb", ".md")), entry


@pytest.mark.parametrize("chapter", CHAPTERS, ids=lambda p: p.stem)
def test_chapter_follows_the_skeleton(chapter):
    text = markdown(chapter)
    titles = re.findall(r"(?m)^# (.+)$", text)
    assert len(titles) == 1, f"{chapter.name}: exactly one '# Title' expected, found {titles}"
    headings = re.findall(r"(?m)^## (.+)$", text)
    positions = []
    for section in SKELETON:
        found = [i for i, h in enumerate(headings) if h.startswith(section)]
        assert found, f"{chapter.name}: no '## {section}...' section"
        positions.append(found[0])
    assert positions == sorted(positions), f"{chapter.name}: sections out of order: {headings}"
    assert positions[2] > positions[1] + 1 or positions[2] > 2, f"{chapter.name}: narrative missing before exercises"


@pytest.mark.parametrize("chapter", CHAPTERS, ids=lambda p: p.stem)
def test_check_your_understanding_gives_feedback(chapter):
    section = markdown(chapter).split("## Check your understanding", 1)[1].split("\n## ", 1)[0]
    assert section.count("<details>") >= 3, f"{chapter.name}: each question needs <details> feedback"
    assert section.count("<details>") == section.count("</details>")


@pytest.mark.parametrize("chapter", CHAPTERS, ids=lambda p: p.stem)
def test_sources_credit_the_essays(chapter):
    sources = markdown(chapter).split("## Sources", 1)[1]
    assert re.search(r"(?i)\b(essay|interview|memoir|post|article|write-up)\b", sources)
    assert len(sources.split()) >= 20, f"{chapter.name}: Sources must name authors and titles"


@pytest.mark.parametrize("chapter", CHAPTERS, ids=lambda p: p.stem)
def test_notebook_is_committed_executed_and_portable(chapter):
    code = [c for c in cells(chapter) if c["cell_type"] == "code"]
    assert any(c.get("outputs") for c in code), f"{chapter.name}: commit the notebook with its outputs"
    for cell in code:
        source = "".join(cell["source"])
        assert "sys.path" not in source, f"{chapter.name}: no sys.path edits; the package is installed"
        assert "nbval-check-output" not in cell.get("metadata", {}).get("tags", []) or cell.get("outputs"), (
            f"{chapter.name}: a checked cell must have committed output"
        )
    meta = json.loads(chapter.read_text(encoding="utf-8"))["metadata"]
    assert meta["kernelspec"]["name"] == "python3"


def configured_repo_url() -> str:
    return yaml.safe_load((ROOT / "_config.yml").read_text())["repository"]["url"]


@pytest.mark.parametrize("chapter", CHAPTERS, ids=lambda p: p.stem)
def test_colab_cell_installs_from_the_configured_repository(chapter):
    first = "".join(cells(chapter)[0]["source"])
    assert "google.colab" in first, f"{chapter.name}: the first cell must be the Colab set-up cell"
    assert f"git+{configured_repo_url()}\"" in first, "run: python tools/course.py set-repo URL"
    assert "remove-cell" in cells(chapter)[0]["metadata"].get("tags", [])


PREVIEW_NOTE = ROOT / "assets" / "includes" / "preview-or-live.md"
PREVIEW_INCLUDE = "```{include} ../assets/includes/preview-or-live.md\n```"


def test_the_shared_preview_note_says_what_readers_can_do():
    text = PREVIEW_NOTE.read_text(encoding="utf-8")
    assert text.startswith("> **Preview or live?**")
    for action in ("**Run live**", "**Forget my answers**", "**Save my work**", "Binder", "Colab"):
        assert action in text, f"{PREVIEW_NOTE.name} should tell readers about {action}"


@pytest.mark.parametrize("chapter", CHAPTERS, ids=lambda p: p.stem)
def test_exercises_have_a_preview_note(chapter):
    text = markdown(chapter)
    builds = sum("build_" in "".join(c["source"]) for c in cells(chapter) if c["cell_type"] == "code")
    # One shared note, included once before each exercise (never pasted: it would drift).
    assert text.count(PREVIEW_INCLUDE) == builds, f"{chapter.name}: include the preview note before each exercise"
    assert "**Preview or live?**" not in text, f"{chapter.name}: include the shared note instead of pasting it"


def test_config_names_the_repository_once_and_configures_launch_buttons():
    config = yaml.safe_load((ROOT / "_config.yml").read_text())
    buttons = config["launch_buttons"]
    assert buttons["binderhub_url"] and buttons["jupyterhub_url"] and buttons["colab_url"]
    assert (ROOT / "_config.yml").read_text().count(configured_repo_url()) == 1


def test_binder_files():
    assert (ROOT / "runtime.txt").read_text().strip() == "python-3.11"
    assert "pip install --no-deps -e ." in (ROOT / "postBuild").read_text()
    assert os.access(ROOT / "postBuild", os.X_OK)


def test_requirements_are_pinned_exactly():
    lines = [l for l in (ROOT / "requirements.txt").read_text().splitlines() if l and not l.startswith("#")]
    assert all(re.fullmatch(r"[A-Za-z0-9_.-]+==[0-9][A-Za-z0-9.]*", line) for line in lines), lines
    assert "jupyter-book==1.0.4.post1" in lines


def test_vendored_widget_bundle_matches_its_checksums():
    folder = ROOT / "assets" / "vendor" / "jupyter-widgets"
    for line in (folder / "SHA256SUMS").read_text().splitlines():
        digest, name = line.split()
        assert hashlib.sha256((folder / name).read_bytes()).hexdigest() == digest, name


def test_the_essays_are_not_copied():
    # ../shared sits beside the checkout in CI; a git worktree may sit one level deeper.
    candidates = [base / "shared" / "tools" / "seed_overlap.py" for base in (ROOT.parent, ROOT.parent.parent)]
    tool = next((path for path in candidates if path.exists()), candidates[0])
    if not tool.exists():
        if os.environ.get("CI") == "true":
            pytest.fail("../shared/tools/seed_overlap.py is missing")
        pytest.skip("../shared is not beside this checkout")
    result = subprocess.run([sys.executable, str(tool), str(ROOT)], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout[-3000:]


# ---- the built site (tools/course.py test builds it first) ----------------------------------

needs_build = pytest.mark.skipif(not (HTML / "index.html").exists(), reason="build the book first")


@needs_build
@pytest.mark.parametrize("chapter", CHAPTERS, ids=lambda p: p.stem)
def test_built_chapter_embeds_widget_state_and_the_local_bundle(chapter):
    page = (HTML / "chapters" / f"{chapter.stem}.html").read_text(encoding="utf-8")
    if "application/vnd.jupyter.widget-view+json" not in page:
        pytest.skip("no widgets on this page")
    assert "application/vnd.jupyter.widget-state+json" in page
    assert 'src="../_static/jupyter-widgets/embed.js' in page
    assert not re.search(r'<(script|link)[^>]+(src|href)="(https?:)?//', page), "no script or style from another host"
    assert "data:image/png;base64," in page, "the first chart must be in the saved state"


@needs_build
def test_built_pages_without_widgets_do_not_load_the_bundle():
    page = (HTML / "chapters" / "saved-work.html").read_text(encoding="utf-8")
    assert "embed.js" not in page
