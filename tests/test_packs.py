"""Course packs: chapter choice, safe output, editions, links to missing pages, and one real build."""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
import yaml

from textmatch import normalise
from tools import ROOT, booksource, packs
from tools.booksource import Edition
from tools.editions import ENVIRONMENT, jupyter_book

CHAPTERS = booksource.chapters()
FIRST = CHAPTERS[0]
INSTRUCTOR_CELLS = [booksource.cell_text(c) for c in booksource.notebook_cells(FIRST.path)
                    if booksource.is_instructor_cell(c)]


@pytest.mark.parametrize("request_text", [str(FIRST.number), f"{FIRST.number:02d}", FIRST.slug,
                                          FIRST.slug.split("-", 1)[1], f"chapters/{FIRST.slug}.ipynb"])
def test_a_chapter_can_be_named_by_number_or_slug(request_text):
    assert packs.resolve_chapters([request_text], CHAPTERS) == [FIRST]


def test_an_unknown_chapter_is_refused_with_the_valid_choices(tmp_path, capsys):
    with pytest.raises(packs.PackError) as error:
        packs.resolve_chapters(["99-nothing"], CHAPTERS)
    assert "99-nothing" in str(error.value)
    assert all(c.slug in str(error.value) for c in CHAPTERS)
    assert packs.main(["99", "--out", str(tmp_path / "p")]) == 2
    assert "Choose chapters" in capsys.readouterr().err and not (tmp_path / "p").exists()


def test_chapters_come_in_course_order_without_repeats():
    assert packs.resolve_chapters([FIRST.slug, str(FIRST.number)], CHAPTERS) == [FIRST]


def test_links_to_pages_outside_the_pack_become_plain_text():
    titles = {"chapters/05-translating": "Translating between worlds"}
    included = {"chapters/welcome", "chapters/04-is-it"}
    text = ("See {doc}`05-translating`, {doc}`the canvas <05-translating>`, [chapter 5](05-translating.ipynb#x), "
            "{doc}`04-is-it`, [four](04-is-it.md), {doc}`/chapters/05-translating` and [web](https://x.org/a.md).")
    assert packs.unlink_missing(text, "chapters/welcome", included, titles) == (
        "See Translating between worlds, the canvas, chapter 5, {doc}`04-is-it`, [four](04-is-it.md), "
        "Translating between worlds and [web](https://x.org/a.md)."
    )


def test_refs_to_labels_on_missing_pages_become_plain_text():
    pages = {"chapters/05-translating": 'x\n(lean-canvas)=\n## Canvas\n', "chapters/welcome": "(home)=\n"}
    labels = packs.label_pages(pages)
    assert labels == {"lean-canvas": "chapters/05-translating", "home": "chapters/welcome"}
    text = "{ref}`lean-canvas`, {ref}`the canvas <lean-canvas>`, {ref}`home`, {ref}`unknown-here`"
    assert packs.unlink_missing(text, "chapters/welcome", {"chapters/welcome"}, {}, labels) == (
        "lean canvas, the canvas, {ref}`home`, {ref}`unknown-here`")


def all_pack_text(book: Path, archive: Path) -> str:
    texts = [p.read_text(encoding="utf-8", errors="ignore") for p in book.rglob("*") if p.is_file()]
    with zipfile.ZipFile(archive) as zipped:
        texts += [zipped.read(name).decode("utf-8", "ignore") for name in zipped.namelist()]
    return "\n".join(texts)


def test_existing_output_is_never_overwritten_without_force(tmp_path):
    book, archive = packs.make_pack([FIRST.slug], tmp_path)
    (book / "mine.txt").write_text("keep me")
    with pytest.raises(packs.PackError, match="--force"):
        packs.make_pack([FIRST.slug], tmp_path)
    assert (book / "mine.txt").read_text() == "keep me"
    packs.make_pack([FIRST.slug], tmp_path, force=True)
    assert not (book / "mine.txt").exists() and archive.exists()


def test_student_pack_has_no_instructor_material_and_the_instructor_pack_has_it(tmp_path):
    assert INSTRUCTOR_CELLS, "the first chapter should have instructor notes"
    snippet = INSTRUCTOR_CELLS[0][len("**Instructor notes.**"):][:80].strip()
    student = all_pack_text(*packs.make_pack([FIRST.slug], tmp_path / "s"))
    assert normalise(snippet) not in normalise(student)
    assert "instructor-notes" not in student and '"instructor"' not in student
    book, archive = packs.make_pack([FIRST.slug], tmp_path / "i", edition=Edition.INSTRUCTOR)
    assert normalise(snippet) in normalise(all_pack_text(book, archive))
    assert (book / "chapters" / "instructor-guide.md").exists() and archive.name.endswith("-instructor.zip")


def test_pack_toc_and_config_hold_only_the_chosen_pages(tmp_path):
    book, archive = packs.make_pack([FIRST.slug], tmp_path)
    toc = yaml.safe_load((book / "_toc.yml").read_text())
    files = [e["file"] for part in toc["parts"] for e in part["chapters"]]
    assert files == [FIRST.docname, "chapters/glossary", "chapters/saved-work"] and toc["root"] == "chapters/welcome"
    assert sorted(p.name for p in (book / "chapters").glob("*.*") if p.suffix in (".md", ".ipynb")) == sorted(
        [f"{FIRST.slug}.ipynb", "glossary.md", "saved-work.md", "welcome.md"])
    assert f"chapter {FIRST.number}" in yaml.safe_load((book / "_config.yml").read_text())["title"]
    with zipfile.ZipFile(archive) as zipped:
        names = zipped.namelist()
    top = archive.stem
    assert f"{top}/{FIRST.slug}.ipynb" in names and f"{top}/requirements.txt" in names
    assert f"{top}/exercises/kit/savework.py" in names and not any("__pycache__" in n for n in names)
    assert all(n.startswith(f"{top}/") for n in names)


def test_packs_ship_only_what_a_learner_needs(tmp_path):
    book, archive = packs.make_pack([FIRST.slug], tmp_path)
    with zipfile.ZipFile(archive) as zipped:
        shipped = zipped.read(f"{archive.stem}/requirements.txt").decode("utf-8")
    assert shipped == booksource.learner_requirements().decode("utf-8") == (book / "requirements.txt").read_text()
    pins = [line for line in (ROOT / "requirements.txt").read_text().splitlines() if line and not line.startswith("#")]
    assert [line for line in shipped.splitlines() if not line.startswith("#")] == pins
    assert "binder" not in shipped.lower()  # the comment was about Binder, not the pack
    names = {line.split("==")[0].lower() for line in shipped.splitlines() if line and not line.startswith("#")}
    assert {"ipywidgets", "matplotlib", "jsonschema", "jupyterlab-myst"} <= names
    assert not names & {"jupyter-book", "sphinx", "pytest", "nbval", "playwright", "ruff", "jupyterlab"}


@pytest.mark.book
def test_pack_builds_strictly_and_its_notebooks_pass_nbval(tmp_path):
    """One small pack, built for real: the slowest test here (it executes the chapter)."""
    env = os.environ | ENVIRONMENT
    book, archive = packs.make_pack([FIRST.slug], tmp_path / "pack")
    built = jupyter_book(book, quiet=True, capture=True)
    assert built.returncode == 0, built.stdout[-3000:] + built.stderr[-3000:]
    assert (book / "_build" / "html" / "chapters" / f"{FIRST.slug}.html").exists()
    unpacked = tmp_path / "lms"
    with zipfile.ZipFile(archive) as zipped:
        zipped.extractall(unpacked)
    folder = unpacked / archive.stem
    found = subprocess.run([sys.executable, "-c", "import exercises; print(exercises.__file__)"], cwd=folder,
                           capture_output=True, text=True, env=env)
    assert Path(found.stdout.strip()).resolve().is_relative_to(folder.resolve()), "the zip must be self-contained"
    (tmp_path / "pytest.ini").write_text("[pytest]\n")
    tested = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-c", str(tmp_path / "pytest.ini"), "-p", "no:cacheprovider",
         "--nbval-lax", "--nbval-current-env", "--nbval-sanitize-with", str(ROOT / "tests" / "sanitize.cfg"),
         *map(str, folder.glob("*.ipynb"))],
        cwd=folder, capture_output=True, text=True, env=env)
    assert tested.returncode == 0, tested.stdout[-3000:]
    assert " passed" in tested.stdout


def test_student_pack_launches_the_student_copy_and_its_readme_fits(tmp_path):
    student_url = booksource.read_config()["repository"]["student_url"]
    book, archive = packs.make_pack([FIRST.slug], tmp_path)
    config = yaml.safe_load((book / "_config.yml").read_text())
    assert config["repository"]["url"] == student_url and "student_url" not in config["repository"]
    with zipfile.ZipFile(archive) as zipped:
        notebook = zipped.read(f"{archive.stem}/{FIRST.slug}.ipynb").decode("utf-8")
        readme = zipped.read(f"{archive.stem}/README.md").decode("utf-8")
        names = zipped.namelist()
    assert f"git+{student_url}" in notebook and "git+https://github.com/becoming-a-pm/becoming-a-pm\"" not in notebook
    assert f"{FIRST.slug}.ipynb" in readme and "student edition" in readme
    assert f"{archive.stem}/requirements.txt" in names
    assert any(n.startswith(f"{archive.stem}/exercises/") for n in names)
