"""The whole-book PDF (`python3.11 tools/course.py pdf`; `tools/course.py test` makes it first).

Read back with pypdf: a title page, a table of contents naming every chapter, every chapter's
title in the text and in the bookmarks, the exercise charts as images, a live link per exercise.
"""

from __future__ import annotations

import json
import os
import re
import unicodedata
from pathlib import Path

import pytest

from textmatch import normalise
from tools import ROOT, book_pdf, booksource, sitekit
from tools.booksource import markdown_text, page_title, read_config, toc_files

pytestmark = pytest.mark.book
PDF = book_pdf.pdf_path()
NOTEBOOKS = {doc: ROOT / f"{doc}.ipynb" for doc in toc_files() if (ROOT / f"{doc}.ipynb").exists()}


def squash(text: str) -> str:
    """Text without the line breaks and hyphen splits that PDF extraction introduces."""
    return re.sub(r"\s+", " ", unicodedata.normalize("NFKC", text)).strip()  # NFKC: ligatures such as "ﬀ" to "ff"


@pytest.fixture(scope="module")
def reader():
    if not PDF.exists():
        if os.environ.get("CI") == "true" or sitekit.find_chromium():
            pytest.fail(f"{PDF.relative_to(ROOT)} is missing: run python3.11 tools/course.py pdf")
        pytest.skip("no Chromium to print the PDF with")
    from pypdf import PdfReader

    return PdfReader(PDF)


@pytest.fixture(scope="module")
def pages(reader) -> list[str]:
    return [squash(page.extract_text() or "") for page in reader.pages]


def outline_titles(entries) -> list[str]:
    titles = []
    for entry in entries:
        if isinstance(entry, list):
            titles += outline_titles(entry)
        else:
            titles.append(squash(entry.title))
    return titles


def exercise_count() -> int:
    return sum(len(re.findall(r"(?m)^## Exercise\b", markdown_text(path))) for path in NOTEBOOKS.values())


def test_page_count_fits_the_book(reader):
    chapters = len(toc_files())
    # A title page and a contents page, then at least one page per document.
    assert chapters + 2 <= len(reader.pages) <= 60 * chapters, len(reader.pages)


def test_title_page_and_contents(pages):
    title = read_config()["title"]
    assert pages[0].startswith(title), pages[0][:200]
    assert "Source and live exercises" in pages[0]
    contents = pages[1]
    assert contents.startswith("Contents")
    for chapter in map(page_title, NOTEBOOKS.values()):
        assert squash(chapter) in contents, f"{chapter!r} missing from the table of contents"


def test_every_chapter_title_is_in_the_text_and_the_bookmarks(reader, pages):
    body = " ".join(pages[2:])
    bookmarks = outline_titles(reader.outline)
    titles = [page_title(path) for path in NOTEBOOKS.values()]
    assert titles, "no notebook chapters in _toc.yml"
    for title in titles:
        assert squash(title) in body, f"{title!r} is not in the PDF's text"
        # Chromium drops the space where a heading wraps, so compare without spaces.
        assert any(b.replace(" ", "") == title.replace(" ", "") for b in bookmarks), f"{title!r} is not a bookmark"


def shown_figures(notebook: Path) -> int:
    """Figures a reader sees in a notebook's saved outputs: images, HTML charts, and the charts
    inside each displayed widget's saved state (the widget tree is walked from the view)."""
    data = json.loads(notebook.read_text(encoding="utf-8"))
    state = data["metadata"].get("widgets", {}).get("application/vnd.jupyter.widget-state+json", {}).get("state", {})

    def charts_under(model_id: str, seen: set[str]) -> int:
        if model_id in seen or model_id not in state:
            return 0
        seen.add(model_id)
        fields = state[model_id].get("state", {})
        count = str(fields.get("value", "")).count('class="pm-chart"')
        for value in fields.values():
            for item in value if isinstance(value, list) else [value]:
                if isinstance(item, str) and item.startswith("IPY_MODEL_"):
                    count += charts_under(item.removeprefix("IPY_MODEL_"), seen)
        return count

    figures = 0
    for cell in data["cells"]:
        if {"remove-output", "remove-cell"} & set(cell.get("metadata", {}).get("tags", [])):
            continue
        for output in cell.get("outputs", []):
            bundle = output.get("data", {})
            if "application/vnd.jupyter.widget-view+json" in bundle:
                figures += charts_under(bundle["application/vnd.jupyter.widget-view+json"]["model_id"], set())
            elif "image/png" in bundle:
                figures += 1
            elif "text/html" in bundle:
                figures += "".join(bundle["text/html"]).count("<img")
    return figures


def test_each_exercise_shows_its_saved_state_and_a_live_link(reader, pages):
    exercises = exercise_count()
    text = " ".join(pages)
    assert text.count("Run this exercise live") == exercises
    # The label of the Save my work panel that every exercise's widget includes.
    assert text.count("Your name (optional)") >= exercises, "the exercises' widgets did not render"


def test_the_figures_are_printed(reader):
    expected = sum(shown_figures(path) for path in NOTEBOOKS.values())
    images = sum(len(page.images) for page in reader.pages)
    assert images >= expected, f"{images} images in the PDF, {expected} figures in the chapters' saved outputs"


def test_live_links_point_at_the_configured_repository(reader):
    repo = read_config()["repository"]["url"].removeprefix("https://github.com/")
    uris = [
        annotation.get_object()["/A"].get("/URI", "")
        for page in reader.pages
        for annotation in page.get("/Annots", []) or []
        if "/A" in annotation.get_object()
    ]
    colab = [u for u in uris if "colab" in u]
    binder = [u for u in uris if "/v2/gh/" in u]
    assert len(colab) == len(binder) == exercise_count()
    assert all(repo in u for u in colab + binder), colab + binder


def test_the_pdf_is_the_student_edition(pages):
    text = normalise(" ".join(pages))
    notes = [booksource.cell_text(cell) for chapter in booksource.chapters()
             for cell in booksource.notebook_cells(chapter.path)
             if booksource.is_instructor_cell(cell)]
    assert notes, "no instructor notes to look for"
    for note in notes:
        words = normalise(note.replace("**Instructor notes.**", "")).split()
        assert " ".join(words[:12]) not in text
