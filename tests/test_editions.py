"""Student and instructor editions: the student build holds no instructor text anywhere;
the instructor build shows each instructor cell next to its exercise.

The marker text is taken from the instructor cells and blocks themselves: runs of words that
appear nowhere else in the book's sources, so finding one in the student build is a leak.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import zlib
from html.parser import HTMLParser
from pathlib import Path

import pytest

from textmatch import normalise
from tools import ROOT, booksource, editions
from tools.booksource import Edition

WINDOW = 6  # words per marker phrase


def book_pages() -> list[Path]:
    return [path for doc in booksource.toc_files() if (path := booksource.page_path(doc))]


def split_sources() -> tuple[dict[str, list[str]], str]:
    """({page: [instructor texts]}, every other word of the book's sources, normalised)."""
    instructor: dict[str, list[str]] = {}
    public = []
    for page in book_pages():
        if page.suffix == ".ipynb":
            notebook = json.loads(page.read_text(encoding="utf-8"))
            for cell in notebook["cells"]:
                text = booksource.cell_text(cell)
                if booksource.is_instructor_cell(cell):
                    instructor.setdefault(page.stem, []).append(text)
                else:
                    instructor.setdefault(page.stem, []).extend(booksource.instructor_text(text))
                    public.append(json.dumps({**cell, "source": booksource.strip_instructor_blocks(text)}))
            public.append(json.dumps(notebook["metadata"]))
        else:
            text = page.read_text(encoding="utf-8")
            instructor.setdefault(page.stem, []).extend(booksource.instructor_text(text))
            public.append(booksource.strip_instructor_blocks(text))
    for path in [*(ROOT / "exercises").rglob("*.py"), *(ROOT / "exercises").rglob("*.json"), ROOT / "_config.yml"]:
        public.append(path.read_text(encoding="utf-8"))
    return {page: texts for page, texts in instructor.items() if texts}, normalise("\n".join(public))


def markers(text: str, public: str) -> list[str]:
    words = normalise(text).split()
    phrases = [" ".join(words[i:i + WINDOW]) for i in range(0, max(1, len(words) - WINDOW + 1), WINDOW)]
    return [p for p in phrases if len(p.split()) == WINDOW and f" {p} " not in f" {public} "]


INSTRUCTOR, PUBLIC = split_sources()
ALL_MARKERS = {page: [m for text in texts for m in markers(text, PUBLIC)] for page, texts in INSTRUCTOR.items()}


def build(edition: Edition) -> Path:
    completed = subprocess.run([sys.executable, "-m", "tools.editions", "--edition", edition, "-q"],
                               cwd=ROOT, capture_output=True, text=True)
    assert completed.returncode == 0, completed.stdout[-3000:] + completed.stderr[-3000:]
    return editions.html_dir(edition)


@pytest.fixture(scope="module")
def student_html() -> Path:
    return build(Edition.STUDENT)


@pytest.fixture(scope="module")
def instructor_html() -> Path:
    return build(Edition.INSTRUCTOR)


def test_there_is_instructor_material_with_markers():
    assert INSTRUCTOR, "no instructor cells or blocks found"
    for page, texts in INSTRUCTOR.items():
        for text in texts:
            assert markers(text, PUBLIC), f"{page}: an instructor note has no text of its own"


@pytest.mark.parametrize("chapter", booksource.chapters(), ids=lambda c: c.slug)
def test_every_exercise_has_one_instructor_cell_after_it(chapter):
    cells = booksource.notebook_cells(chapter.path)
    section, notes = None, {}
    for cell in cells:
        text = booksource.cell_text(cell)
        if booksource.is_instructor_cell(cell):
            assert cell["cell_type"] == "markdown" and text.startswith("**Instructor notes.**"), chapter.slug
            assert section and section.startswith("Exercise:"), f"{chapter.slug}: instructor cell outside an exercise"
            notes[section] = notes.get(section, 0) + 1
        elif cell["cell_type"] == "markdown":
            section = next(iter(re.findall(r"(?m)^## (.+)$", text)[-1:]), section)
    exercises = re.findall(r"(?m)^## (Exercise:.+)$", "\n".join(booksource.cell_text(c) for c in cells))
    assert {e: notes.get(e, 0) for e in exercises} == dict.fromkeys(exercises, 1)


def site_files(folder: Path) -> list[Path]:
    return [p for p in folder.rglob("*") if p.is_file()]


def leaks_in(files: list[Path]) -> list[str]:
    leaks = []
    for path in files:
        raw = path.read_bytes()
        if path.name == "objects.inv":  # Sphinx's inventory: four header lines, then zlib
            raw = zlib.decompress(raw.split(b"\n", 4)[4])
        text = f" {normalise(raw.decode('utf-8', 'ignore'))} "
        leaks += [f"{path.relative_to(ROOT)}: {m!r}" for ms in ALL_MARKERS.values() for m in ms if f" {m} " in text]
        if b"instructor-notes" in raw:
            leaks.append(f"{path.relative_to(ROOT)}: an instructor-notes box")
    return leaks


@pytest.mark.book
def test_student_build_contains_no_instructor_text(student_html):
    files = site_files(student_html) + site_files(ROOT / "_build" / "jupyter_execute")
    kinds = {p.suffix for p in files}
    assert {".html", ".ipynb", ".md", ".js"} <= kinds, kinds  # pages, downloads, _sources, search index
    assert (student_html / "searchindex.js").exists() and (student_html / "_sources").is_dir()
    leaks = leaks_in(files)
    assert not leaks, "instructor text in the student build:\n" + "\n".join(leaks[:20])


@pytest.mark.book
def test_the_leak_check_finds_every_marker_in_the_instructor_build(instructor_html):
    leaks = " ".join(leaks_in(site_files(instructor_html)))
    missing = [m for ms in ALL_MARKERS.values() for m in ms if repr(m) not in leaks]
    assert not missing, missing


def index_terms(folder: Path) -> set[str]:
    """The search index's terms that lead to a page. An incremental build keeps a term whose
    pages were all removed, with an empty list: it finds nothing, so it reveals nothing."""
    raw = (folder / "searchindex.js").read_text(encoding="utf-8")
    data = json.loads(raw[raw.index("(") + 1:raw.rindex(")")])
    terms = {**data["terms"], **data.get("titleterms", {})}
    return {term for term, pages in terms.items() if pages != []}


def instructor_only_stems() -> set[str]:
    from sphinx.search.en import SearchEnglish

    language = SearchEnglish({})
    public = {language.stem(w) for w in PUBLIC.split()}
    words = {w for texts in INSTRUCTOR.values() for t in texts for w in normalise(t).split()}
    return {s for w in words if not w.isdigit() and (s := language.stem(w)) not in public and language.word_filter(s)}


@pytest.mark.book
def test_search_indexes_hold_instructor_words_only_in_the_instructor_edition(student_html, instructor_html):
    stems = instructor_only_stems()
    assert stems, "no word is unique to the instructor notes, so this test would prove nothing"
    assert not stems & index_terms(student_html), sorted(stems & index_terms(student_html))
    assert stems <= index_terms(instructor_html), sorted(stems - index_terms(instructor_html))


class NotesFinder(HTMLParser):
    """Collects each instructor-notes box's text with the level-2 heading of the section it is in."""

    def __init__(self) -> None:
        super().__init__()
        self.sections: list[str | None] = []
        self.heading: list[str] | None = None
        self.depth = 0  # div nesting inside the current box; 0 when outside one
        self.boxes: list[tuple[str | None, list[str]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        classes = (dict(attrs).get("class") or "").split()
        if tag == "section":
            self.sections.append(None)
        elif tag == "h2" and self.sections:
            self.heading = []
        elif tag == "div" and self.depth:
            self.depth += 1
        elif tag == "div" and "instructor-notes" in classes:
            self.depth = 1
            h2 = next((s for s in reversed(self.sections) if s), None)
            self.boxes.append((h2, []))

    def handle_endtag(self, tag: str) -> None:
        if tag == "section" and self.sections:
            self.sections.pop()
        elif tag == "h2" and self.heading is not None:
            self.sections[-1] = "".join(self.heading).strip().rstrip("#").strip()
            self.heading = None
        elif tag == "div" and self.depth:
            self.depth -= 1

    def handle_data(self, data: str) -> None:
        if self.heading is not None:
            self.heading.append(data)
        if self.depth:
            self.boxes[-1][1].append(data)


def boxes(page: Path) -> list[tuple[str | None, str]]:
    finder = NotesFinder()
    finder.feed(page.read_text(encoding="utf-8"))
    return [(heading, normalise(" ".join(parts))) for heading, parts in finder.boxes]


@pytest.mark.book
def test_instructor_build_shows_each_note_next_to_its_exercise(instructor_html):
    for chapter in booksource.chapters():
        cells = booksource.notebook_cells(chapter.path)
        notes = [booksource.cell_text(c) for c in cells if booksource.is_instructor_cell(c)]
        found = boxes(instructor_html / "chapters" / f"{chapter.slug}.html")
        assert len(found) == len(notes), chapter.slug
        for note, (heading, text) in zip(notes, found, strict=True):
            assert heading and heading.startswith("Exercise:"), f"{chapter.slug}: a note is in section {heading!r}"
            assert all(f" {m} " in f" {text} " for m in markers(note, PUBLIC)), chapter.slug


@pytest.mark.book
def test_instructor_blocks_in_pages_appear_in_the_instructor_edition(instructor_html):
    for page in book_pages():
        if page.suffix != ".md" or not booksource.instructor_text(page.read_text(encoding="utf-8")):
            continue
        text = " ".join(t for _h, t in boxes(instructor_html / page.relative_to(ROOT).with_suffix(".html")))
        for block in booksource.instructor_text(page.read_text(encoding="utf-8")):
            assert all(f" {m} " in f" {text} " for m in markers(block, PUBLIC)), page.name


@pytest.mark.book
def test_instructor_edition_is_titled_as_such(instructor_html, student_html):
    assert "(instructor edition)" in (instructor_html / "chapters" / "welcome.html").read_text(encoding="utf-8")
    assert "(instructor edition)" not in (student_html / "chapters" / "welcome.html").read_text(encoding="utf-8")


# ---- the transforms themselves -------------------------------------------------------------

NOTE = {"cell_type": "markdown", "metadata": {"tags": ["instructor"]}, "source": "**Instructor notes.** Answer: 12."}
PLAIN = {"cell_type": "markdown", "metadata": {}, "source": "Text\n:::{admonition} Instructor notes\nsecret\n:::\nmore"}
CODE = {"cell_type": "code", "metadata": {}, "source": "x = 1", "outputs": [], "execution_count": None}


def test_an_unknown_edition_is_refused_with_the_choices(capsys):
    with pytest.raises(SystemExit):
        editions.main(["--edition", "teacher"])
    assert "invalid choice: 'teacher' (choose from 'student', 'instructor')" in capsys.readouterr().err


def test_student_notebook_loses_instructor_cells_and_blocks():
    notebook = booksource.notebook_for_edition({"cells": [CODE, NOTE, PLAIN], "metadata": {}}, Edition.STUDENT)
    assert [c["cell_type"] for c in notebook["cells"]] == ["code", "markdown"]
    assert notebook["cells"][1]["source"] == "Text\nmore"


def test_instructor_notebook_boxes_the_note_and_keeps_code_unchanged():
    notebook = booksource.notebook_for_edition({"cells": [CODE, NOTE, PLAIN], "metadata": {}}, Edition.INSTRUCTOR)
    assert notebook["cells"][0] == CODE
    assert notebook["cells"][1]["source"].startswith("::::{admonition} Instructor notes\n:class: tip instructor-notes")
    boxed = notebook["cells"][1]["source"]
    assert "Answer: 12." in boxed and "**Instructor notes.**" not in boxed
    assert "secret" in notebook["cells"][2]["source"]


def test_a_note_with_its_own_fences_gets_a_longer_fence():
    boxed = booksource.as_admonition("**Instructor notes.** See\n:::::{note}\nx\n:::::")
    assert boxed.startswith("::::::{admonition}") and boxed.endswith("\n::::::")


def test_blocks_of_any_fence_length_are_removed_and_others_kept():
    text = ("a\n::::{admonition} Instructor notes\n:class: instructor-notes\n:::{note}\nn\n:::\n::::\n"
            "b\n:::{note}\nkeep\n:::")
    assert booksource.strip_instructor_blocks(text) == "a\nb\n:::{note}\nkeep\n:::"


def test_staging_leaves_unchanged_files_alone(tmp_path):
    booksource.sync_tree({Path("a/x.txt"): b"1", Path("y.txt"): b"2"}, tmp_path)
    before = (tmp_path / "a" / "x.txt").stat().st_mtime_ns
    (tmp_path / "stale.txt").write_text("old")
    written = booksource.sync_tree({Path("a/x.txt"): b"1", Path("y.txt"): b"3"}, tmp_path)
    assert written == 1 and (tmp_path / "a" / "x.txt").stat().st_mtime_ns == before
    assert (tmp_path / "y.txt").read_bytes() == b"3" and not (tmp_path / "stale.txt").exists()


def test_any_file_the_exercises_ship_changes_their_fingerprint(tmp_path):
    """Code, data and the scripts inlined in outputs (checks.js): a change to any re-executes the chapters."""
    kit = tmp_path / "exercises" / "kit"
    kit.mkdir(parents=True)
    files = {kit / "checks.py": "X = 1\n", kit / "checks.js": "var a;\n", tmp_path / "exercises" / "data.json": "{}"}
    for path, text in files.items():
        path.write_text(text)
    seen = {editions.exercises_fingerprint(tmp_path)}
    for path in files:
        path.write_text(path.read_text() + " ")
        seen.add(editions.exercises_fingerprint(tmp_path))
    assert len(seen) == 1 + len(files)
    (kit / "__pycache__").mkdir()
    (kit / "__pycache__" / "checks.cpython-311.pyc").write_bytes(b"\0")
    assert editions.exercises_fingerprint(tmp_path) in seen  # bytecode is not a source


def test_a_changed_exercises_package_makes_sphinx_read_every_staged_notebook_again(tmp_path):
    """Sphinx re-reads (and so re-executes) only sources newer than its doctrees: after the exercises
    change, every staged notebook must look new, once per edition's stage, while other files keep their time."""
    stage = tmp_path / "stage"
    (stage / "chapters").mkdir(parents=True)
    notebook, page = stage / "chapters" / "01-x.ipynb", stage / "chapters" / "welcome.md"
    for path in (notebook, page):
        path.write_text("{}")
        os.utime(path, (1_000_000, 1_000_000))
    editions.mark_notebooks_outdated(stage, "fingerprint-1")
    assert notebook.stat().st_mtime > 1_000_000 and page.stat().st_mtime == 1_000_000
    os.utime(notebook, (1_000_000, 1_000_000))
    editions.mark_notebooks_outdated(stage, "fingerprint-1")  # unchanged: nothing to re-read
    assert notebook.stat().st_mtime == 1_000_000
    editions.mark_notebooks_outdated(stage, "fingerprint-2")
    assert notebook.stat().st_mtime > 1_000_000
