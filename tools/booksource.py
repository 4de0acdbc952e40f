"""The book's sources as the tools see them: ``_toc.yml``, the chapters, the two editions,
instructor material.

Instructor material is kept in two forms, both removed from the student edition:

- a notebook cell tagged ``instructor`` (a Markdown cell starting ``**Instructor notes.**``);
- in a Markdown page or cell, a colon-fenced admonition titled "Instructor notes"::

      :::{admonition} Instructor notes
      :class: instructor-notes
      ...
      :::
"""

from __future__ import annotations

import json
import re
import shutil
from collections.abc import Callable, Iterable
from enum import StrEnum
from pathlib import Path
from typing import Any

import yaml

from exercises.kit.frozen import Frozen
from tools import ROOT

INSTRUCTOR_TAG = "instructor"
CHAPTER_FILE = re.compile(r"^(\d\d)-([a-z0-9-]+)\.ipynb$")
_BLOCK_START = re.compile(r"^(?P<fence>:{3,})\{admonition\}[ \t]+Instructor notes\b.*$")
# What the book is built from: these top-level files and folders (anything else, such as
# tools, tests or a course pack written inside the repository, is never staged).
BOOK_FILES = {"_config.yml", "_toc.yml", "references.bib"}
BOOK_DIRS = {"chapters", "assets", "images", "_static", "_templates"}
SKIP_NAMES = {"__pycache__", ".ipynb_checkpoints", "my-work", ".DS_Store"}
PAGE_SUFFIXES = (".ipynb", ".md")
COLAB_URL = re.compile(r"git\+https://github\.com/[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+")


class Edition(StrEnum):
    """Who a build is for. The student edition holds no instructor material anywhere."""

    STUDENT = "student"
    INSTRUCTOR = "instructor"


class Chapter(Frozen):
    """One chapter notebook, ``chapters/NN-slug.ipynb``."""

    number: int
    slug: str  # "04-is-it-worth-building"
    path: Path

    @property
    def docname(self) -> str:
        return f"chapters/{self.slug}"


def read_toc(root: Path = ROOT) -> dict[str, Any]:
    """``_toc.yml``, parsed (the one place it is read)."""
    return yaml.safe_load((root / "_toc.yml").read_text(encoding="utf-8"))


def read_config(root: Path = ROOT) -> dict[str, Any]:
    """``_config.yml``, parsed."""
    return yaml.safe_load((root / "_config.yml").read_text(encoding="utf-8"))


def student_config(config: dict[str, Any]) -> dict[str, Any]:
    """A copy of ``config`` whose repository is the student copy's (``repository.student_url``),
    so launch buttons open notebooks without instructor notes. ``student_url`` itself is dropped."""
    out = json.loads(json.dumps(config))
    repository = out.setdefault("repository", {})
    url = repository.pop("student_url", None)
    if url:
        repository["url"] = url
    return out


def colab_to(data: bytes, url: str | None) -> bytes:
    """A notebook's bytes with its Colab install cell pointing at ``url`` (unchanged when None)."""
    if not url:
        return data
    return COLAB_URL.sub(lambda _match: f"git+{url}", data.decode("utf-8")).encode("utf-8")


def _docname(entry: str) -> str:
    return entry.removesuffix(".md").removesuffix(".ipynb")


def toc_parts(root: Path = ROOT) -> list[tuple[str, list[str]]]:
    """(caption, docnames) for every part of ``_toc.yml``, sections included, in reading order."""

    def walk(entries: list[dict[str, Any]]) -> list[str]:
        found = []
        for entry in entries:
            if "file" in entry:
                found.append(_docname(entry["file"]))
            found += walk(entry.get("sections", []))
        return found

    toc = read_toc(root)
    parts = [(part.get("caption", ""), walk(part.get("chapters", []))) for part in toc.get("parts", [])]
    if toc.get("chapters"):
        parts.append(("", walk(toc["chapters"])))
    return parts


def toc_files(root: Path = ROOT) -> list[str]:
    """Every docname in ``_toc.yml`` (``chapters/welcome``), root first, in reading order."""
    return [_docname(read_toc(root)["root"])] + [doc for _caption, docs in toc_parts(root) for doc in docs]


def page_path(docname: str, root: Path = ROOT) -> Path | None:
    """The source file of a docname (a notebook or a Markdown page), or None."""
    return next((root / f"{docname}{s}" for s in PAGE_SUFFIXES if (root / f"{docname}{s}").exists()), None)


def chapters(root: Path = ROOT) -> list[Chapter]:
    """Every chapter notebook, in TOC order (chapters missing from the TOC follow, by number)."""
    found = {}
    for path in (root / "chapters").glob("[0-9][0-9]-*.ipynb"):
        match = CHAPTER_FILE.match(path.name)
        if match:
            found[path.stem] = Chapter(int(match[1]), path.stem, path)
    order = [entry.removeprefix("chapters/") for entry in toc_files(root)]
    listed = [found[name] for name in order if name in found]
    return listed + sorted((c for c in found.values() if c not in listed), key=lambda c: (c.number, c.slug))


def notebook_cells(path: Path) -> list[dict[str, Any]]:
    return json.loads(path.read_text(encoding="utf-8"))["cells"]


def markdown_text(path: Path) -> str:
    """The Markdown of a page: a Markdown file as it is, or a notebook's Markdown cells joined."""
    if path.suffix != ".ipynb":
        return path.read_text(encoding="utf-8")
    return "\n".join(cell_text(c) for c in notebook_cells(path) if c["cell_type"] == "markdown")


def page_title(path: Path) -> str:
    """A page's ``# Title`` (its file stem if it has none)."""
    match = re.search(r"(?m)^# (.+)$", markdown_text(path))
    return match[1].strip() if match else path.stem


def is_instructor_cell(cell: dict[str, Any]) -> bool:
    return INSTRUCTOR_TAG in cell.get("metadata", {}).get("tags", [])


def cell_text(cell: dict[str, Any]) -> str:
    source = cell.get("source", "")
    return "".join(source) if isinstance(source, list) else source


def instructor_blocks(text: str) -> list[tuple[int, int]]:
    """(start, end) line ranges of the "Instructor notes" admonitions in Markdown ``text``."""
    lines = text.split("\n")
    blocks, index = [], 0
    while index < len(lines):
        match = _BLOCK_START.match(lines[index])
        if not match:
            index += 1
            continue
        end = index + 1
        while end < len(lines) and lines[end].strip() != match["fence"]:
            end += 1
        blocks.append((index, min(end, len(lines) - 1)))
        index = end + 1
    return blocks


def strip_instructor_blocks(text: str) -> str:
    """Remove every "Instructor notes" admonition from Markdown ``text``."""
    lines = text.split("\n")
    for start, end in reversed(instructor_blocks(text)):
        del lines[start:end + 1]
    return "\n".join(lines)


def instructor_text(text: str) -> list[str]:
    """The contents of every "Instructor notes" admonition in Markdown ``text``."""
    lines = text.split("\n")
    contents = []
    for start, end in instructor_blocks(text):
        body = lines[start + 1:end]
        while body and re.match(r"^:[\w-]+:", body[0]):  # directive options such as :class:
            body.pop(0)
        contents.append("\n".join(body))
    return contents


def as_admonition(text: str) -> str:
    """An instructor cell's Markdown as an "Instructor notes" admonition (the lead-in becomes its title)."""
    body = re.sub(r"^\s*\*\*Instructor notes\.?\*\*\s*", "", text)
    longest = max((len(run) for run in re.findall(r":{3,}", body)), default=2)
    fence = ":" * max(4, longest + 1)
    return f"{fence}{{admonition}} Instructor notes\n:class: tip instructor-notes\n\n{body.strip()}\n{fence}"


def notebook_for_edition(data: dict[str, Any], edition: Edition) -> dict[str, Any]:
    """A copy of a notebook for ``edition``: students lose instructor material, instructors see it boxed."""
    out = json.loads(json.dumps(data))
    cells = []
    for cell in out["cells"]:
        if is_instructor_cell(cell):
            if edition is Edition.STUDENT:
                continue
            if cell["cell_type"] == "markdown":
                cell["source"] = as_admonition(cell_text(cell))
        elif cell["cell_type"] == "markdown" and edition is Edition.STUDENT:
            cell["source"] = strip_instructor_blocks(cell_text(cell))
        cells.append(cell)
    out["cells"] = cells
    return out


def dump_notebook(data: dict[str, Any]) -> bytes:
    return (json.dumps(data, indent=1, ensure_ascii=False, sort_keys=True) + "\n").encode("utf-8")


def markdown_for_edition(text: str, edition: Edition) -> str:
    return strip_instructor_blocks(text) if edition is Edition.STUDENT else text


def edition_bytes(path: Path, edition: Edition) -> bytes:
    """The bytes of one source file as ``edition`` sees it."""
    if path.suffix == ".ipynb":
        return dump_notebook(notebook_for_edition(json.loads(path.read_text(encoding="utf-8")), edition))
    if path.suffix == ".md":
        return markdown_for_edition(path.read_text(encoding="utf-8"), edition).encode("utf-8")
    return path.read_bytes()


def book_files(root: Path = ROOT) -> Iterable[Path]:
    """Every file that may belong to the book (relative paths), skipping tooling and local work."""
    for entry in sorted(root.iterdir()):
        if entry.is_file() and entry.name in BOOK_FILES:
            yield entry.relative_to(root)
        elif entry.is_dir() and entry.name in BOOK_DIRS:
            for path in sorted(entry.rglob("*")):
                if path.is_file() and not SKIP_NAMES.intersection(path.relative_to(root).parts):
                    yield path.relative_to(root)


def sync_tree(files: dict[Path, bytes | Callable[[], bytes]], dest: Path) -> int:
    """Make ``dest`` hold exactly ``files`` (relative path -> bytes), touching only what changed.

    Unchanged files keep their modification time, so Sphinx and the execution cache
    treat a rebuild with nothing changed as a no-op. Returns how many files were written.
    """
    dest.mkdir(parents=True, exist_ok=True)
    written = 0
    for relative, content in files.items():
        data = content() if callable(content) else content
        target = dest / relative
        if target.is_file() and target.stat().st_size == len(data) and target.read_bytes() == data:
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
        written += 1
    wanted = {dest / relative for relative in files}
    for path in sorted(dest.rglob("*"), reverse=True):
        if path.is_file() and path not in wanted:
            path.unlink()
        elif path.is_dir() and not any(path.iterdir()):
            path.rmdir()
    return written


def remove_tree(path: Path) -> None:
    if path.is_symlink() or path.is_file():
        path.unlink()
    elif path.exists():
        shutil.rmtree(path)


def learner_requirements(root: Path = ROOT) -> bytes:
    """``requirements.txt`` for a learner's copy: the exact pins only, with a comment that fits any copy."""
    pins = [line for line in (root / "requirements.txt").read_text(encoding="utf-8").splitlines()
            if line.strip() and not line.lstrip().startswith("#")]
    head = ["# What the notebooks need, pinned exactly: pip install -r requirements.txt (Python 3.11 to 3.13)."]
    return ("\n".join(head + pins) + "\n").encode("utf-8")
