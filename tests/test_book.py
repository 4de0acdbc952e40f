"""The book's structure and conventions, checked for every chapter (see README, "Contributing")."""

from __future__ import annotations

import hashlib
import json
import os
import re
import subprocess
import sys

import pytest
from live_exercises import notes  # the book's extension, not a package

from exercises import registry
from tools import ROOT
from tools.booksource import markdown_text, notebook_cells, read_config, toc_files
from tools.sitekit import HTML, widget_state

pytestmark = pytest.mark.book
CHAPTERS = sorted((ROOT / "chapters").glob("[0-9][0-9]-*.ipynb"))
SKELETON = [
    "Learning objectives",
    "Prerequisites and time",
    "Exercise",
    "Check your understanding",
    "Reflection",
    "Summary",
    "Further reading",
    "Sources",
]


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
    text = markdown_text(chapter)
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


def section_cells(path, heading: str) -> list[dict]:
    """The cells from the Markdown cell holding ``## heading`` up to the next ``## `` heading."""
    found: list[dict] = []
    for cell in notebook_cells(path):
        text = "".join(cell["source"])
        if found and cell["cell_type"] == "markdown" and re.search(r"(?m)^## ", text):
            break
        if found or (cell["cell_type"] == "markdown" and re.search(rf"(?m)^## {re.escape(heading)}", text)):
            found.append(cell)
    return found


@pytest.mark.parametrize("chapter", CHAPTERS, ids=lambda p: p.stem)
def test_check_your_understanding_gives_feedback(chapter):
    """Either the chapter's scored check (one code cell showing check(NN), issue 12) or <details> feedback."""
    code = [c for c in section_cells(chapter, "Check your understanding") if c["cell_type"] == "code"]
    if code:
        assert len(code) == 1, f"{chapter.name}: the check section holds one code cell"
        number = int(chapter.stem[:2])
        source = "".join(code[0]["source"])
        assert re.search(rf"(?m)^check\({number}\)$", source), f"{chapter.name}: call check({number})"
        shown = [o for o in code[0].get("outputs", []) if "text/html" in o.get("data", {})]
        assert shown and 'class="pm-check"' in "".join(shown[0]["data"]["text/html"]), "commit the check's output"
        return
    section = markdown_text(chapter).split("## Check your understanding", 1)[1].split("\n## ", 1)[0]
    assert section.count("<details>") >= 3, f"{chapter.name}: each question needs <details> feedback"
    assert section.count("<details>") == section.count("</details>")


@pytest.mark.parametrize("chapter", CHAPTERS, ids=lambda p: p.stem)
def test_sources_credit_the_essays(chapter):
    sources = markdown_text(chapter).split("## Sources", 1)[1]
    assert re.search(r"(?i)\b(essay|interview|memoir|post|article|write-up)\b", sources)
    assert len(sources.split()) >= 20, f"{chapter.name}: Sources must name authors and titles"


@pytest.mark.parametrize("chapter", CHAPTERS, ids=lambda p: p.stem)
def test_notebook_is_committed_executed_and_portable(chapter):
    code = [c for c in notebook_cells(chapter) if c["cell_type"] == "code"]
    assert any(c.get("outputs") for c in code), f"{chapter.name}: commit the notebook with its outputs"
    for cell in code:
        source = "".join(cell["source"])
        assert "sys.path" not in source, f"{chapter.name}: no sys.path edits; the package is installed"
        assert "nbval-check-output" not in cell.get("metadata", {}).get("tags", []) or cell.get("outputs"), (
            f"{chapter.name}: a checked cell must have committed output"
        )
    meta = json.loads(chapter.read_text(encoding="utf-8"))["metadata"]
    assert meta["kernelspec"]["name"] == "python3"


MYST_ROLE = re.compile(r"\{[a-z][a-z0-9:-]*\}`[^`]*`")
PAGE_LINK = re.compile(r"\]\((?!https?:)([^)#\s]+\.(?:md|ipynb))(?:#[^)\s]*)?\)")


@pytest.mark.parametrize("chapter", CHAPTERS, ids=lambda p: p.stem)
def test_chapter_text_reads_well_where_myst_is_not_rendered(chapter):
    """Colab shows Markdown cells without MyST: a role such as {term}`APM` would stay raw text there.
    Chapters link with plain Markdown instead, which every renderer and the strict build understand:
    [APM](glossary.md), [Is it worth building?](04-is-it-worth-building.ipynb)."""
    lines = markdown_text(chapter).splitlines()
    raw = [f"{match[0]!r} in: {line.strip()[:100]}" for line in lines for match in MYST_ROLE.finditer(line)]
    assert not raw, f"{chapter.name}: MyST roles show raw in Colab; use a Markdown link:\n" + "\n".join(raw)


@pytest.mark.parametrize("chapter", CHAPTERS, ids=lambda p: p.stem)
def test_chapter_links_name_pages_that_exist(chapter):
    targets = PAGE_LINK.findall(markdown_text(chapter))
    assert all((chapter.parent / target).exists() for target in targets), targets


def configured_repo_url() -> str:
    return read_config()["repository"]["url"]


@pytest.mark.parametrize("chapter", CHAPTERS, ids=lambda p: p.stem)
def test_colab_cell_installs_from_the_configured_repository(chapter):
    first = "".join(notebook_cells(chapter)[0]["source"])
    assert "google.colab" in first, f"{chapter.name}: the first cell must be the Colab set-up cell"
    assert f"git+{configured_repo_url()}\"" in first, "run: python tools/course.py set-repo URL"
    assert "remove-cell" in notebook_cells(chapter)[0]["metadata"].get("tags", [])


PREVIEW_NOTE = ROOT / "assets" / "includes" / "preview-or-live.md"


def test_the_shared_preview_note_says_what_readers_can_do():
    text = PREVIEW_NOTE.read_text(encoding="utf-8")
    assert text.startswith("> **Preview or live?**")
    for action in ("**Run live**", "**Forget my answers**", "**Save my work**", "Binder", "Colab"):
        assert action in text, f"{PREVIEW_NOTE.name} should tell readers about {action}"


@pytest.mark.parametrize("chapter", CHAPTERS, ids=lambda p: p.stem)
def test_exercises_have_a_preview_note(chapter):
    lines = markdown_text(chapter).split("\n")
    exercises = sum(entry.chapter == chapter.stem for entry in registry.WIDGETS)
    # One line for Jupyter and Colab before each exercise; the book shows the shared note instead.
    assert lines.count(notes.MARKER) == exercises, f"{chapter.name}: put the preview note's line before each exercise"
    pasted = [line for line in lines if "**Preview or live?**" in line and line != notes.MARKER]
    assert not pasted, f"{chapter.name}: write the note's one line exactly (the book expands it): {pasted}"


@pytest.mark.parametrize("chapter", CHAPTERS, ids=lambda p: p.stem)
def test_the_built_chapter_shows_the_shared_note_before_each_exercise(chapter):
    page = HTML / "chapters" / f"{chapter.stem}.html"
    if not page.exists():
        pytest.skip("build the book first")
    text = page.read_text(encoding="utf-8")
    exercises = sum(entry.chapter == chapter.stem for entry in registry.WIDGETS)
    assert text.count("Nothing you type leaves your computer") == exercises
    assert "In the online book it starts as a preview" not in text


def test_config_names_the_repository_once_and_configures_launch_buttons():
    config = read_config()
    buttons = config["launch_buttons"]
    assert buttons["binderhub_url"] and buttons["jupyterhub_url"] and buttons["colab_url"]
    named = re.findall(rf"{re.escape(configured_repo_url())}(?![\w-])", (ROOT / "_config.yml").read_text())
    assert len(named) == 1  # the student copy's URL, which starts the same, is another repository


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
    state = json.dumps(widget_state(f"chapters/{chapter.stem}.html"))
    assert 'src="../_static/jupyter-widgets/embed.js' in page
    assert not re.search(r'<(script|link)[^>]+(src|href)="(https?:)?//', page), "no script or style from another host"
    assert "data:image/png;base64," in state, "the first chart must be in the saved state"


@needs_build
def test_built_pages_without_widgets_do_not_load_the_bundle():
    page = (HTML / "chapters" / "saved-work.html").read_text(encoding="utf-8")
    assert "embed.js" not in page
