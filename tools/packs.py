"""Make a course pack: a few chosen chapters as a small book and as a zip for a learning platform.

usage: python -m tools.packs CHAPTER [CHAPTER ...] --out DIR [--force] [--edition student|instructor]

CHAPTER is a number (4), a file stem (04-is-it-worth-building) or a slug without its number
(is-it-worth-building). DIR receives:

- ``book/``: a buildable Jupyter Book with the chosen chapters, the welcome page, the
  glossary and the saved-work page (plus the instructor guide in the instructor edition),
  with ``_toc.yml`` and ``_config.yml`` adjusted. Links to pages that are not in the pack
  become plain text, so the pack still builds strictly;
- ``<pack name>.zip``: the notebooks side by side with the ``exercises`` package,
  ``requirements.txt`` (what a learner needs, nothing more) and a short README, to upload to an
  LMS or a JupyterHub.

Packs follow the student edition (no instructor notes) unless ``--edition instructor``.
Nothing that exists is replaced without ``--force``.
"""

from __future__ import annotations

import argparse
import json
import posixpath
import re
import sys
import zipfile
from pathlib import Path

import yaml

from tools import ROOT
from tools.booksource import (
    PAGE_SUFFIXES,
    Chapter,
    Edition,
    book_files,
    cell_text,
    chapters,
    colab_to,
    dump_notebook,
    learner_requirements,
    markdown_for_edition,
    notebook_for_edition,
    page_path,
    page_title,
    read_config,
    read_toc,
    remove_tree,
    student_config,
    sync_tree,
    toc_files,
)

ALWAYS = ["chapters/welcome", "chapters/glossary", "chapters/saved-work"]
INSTRUCTOR_ONLY = ["chapters/instructor-guide"]
_DOC_ROLE = re.compile(r"\{doc\}`(?P<body>[^`]+)`")
_REF_ROLE = re.compile(r"\{ref\}`(?P<body>[^`]+)`")
_TARGET = re.compile(r"(?m)^\((?P<label>[^()\s]+)\)=\s*$")
_MD_LINK = re.compile(r"(?<!!)\[(?P<text>[^\]]+)\]\((?P<target>[^)\s]+?\.(?:md|ipynb))(?P<anchor>#[^)\s]*)?\)")


class PackError(ValueError):
    """A bad request, explained for the person who typed it."""


def resolve_chapters(requests: list[str], available: list[Chapter]) -> list[Chapter]:
    """Turn numbers and slugs into chapters (in course order), or raise ``PackError`` listing the valid ones."""
    chosen = []
    for request in requests:
        key = request.strip().removeprefix("chapters/").removesuffix(".ipynb").lower()
        matches = [c for c in available if (key.isdigit() and int(key) == c.number)
                   or key in (c.slug, c.slug.split("-", 1)[1])]
        if not matches:
            valid = ", ".join(f"{c.number} ({c.slug})" for c in available) or "none: there are no chapters"
            raise PackError(f"Unknown chapter {request!r}. Choose chapters by number or name from: {valid}.")
        chosen += matches
    if not chosen:
        raise PackError("Name at least one chapter.")
    return [c for c in available if c in chosen]


def _docname(current: str, target: str) -> str:
    target = re.sub(r"\.(md|ipynb)$", "", target.split("#", 1)[0])
    if target.startswith("/"):
        return target.lstrip("/")
    return posixpath.normpath(posixpath.join(posixpath.dirname(current), target))


def _split_role(body: str) -> tuple[str | None, str]:
    explicit = re.fullmatch(r"(?s)(?P<text>.*?)\s*<(?P<target>[^<>]+)>", body)
    return (explicit["text"], explicit["target"].strip()) if explicit else (None, body.strip())


def label_pages(pages: dict[str, str]) -> dict[str, str]:
    """MyST target label -> the docname that defines it, from ``(label)=`` lines."""
    return {match["label"]: docname for docname, text in pages.items() for match in _TARGET.finditer(text)}


def unlink_missing(text: str, current: str, included: set[str], titles: dict[str, str],
                   labels: dict[str, str] | None = None) -> str:
    """Turn {doc} and {ref} roles and Markdown links to pages outside ``included`` into plain text."""
    labels = labels or {}

    def ref_role(match: re.Match[str]) -> str:
        shown_text, label = _split_role(match["body"])
        if labels.get(label, current) in included:
            return match[0]
        return shown_text or label.replace("-", " ")

    def doc_role(match: re.Match[str]) -> str:
        shown_text, target = _split_role(match["body"])
        docname = _docname(current, target)
        if docname in included:
            return match[0]
        return shown_text or titles.get(docname, target)

    def md_link(match: re.Match[str]) -> str:
        if re.match(r"^[a-z]+://", match["target"]) or _docname(current, match["target"]) in included:
            return match[0]
        return match["text"]

    return _MD_LINK.sub(md_link, _REF_ROLE.sub(ref_role, _DOC_ROLE.sub(doc_role, text)))


def pack_file(path: Path, docname: str, edition: Edition, included: set[str], titles: dict[str, str],
              labels: dict[str, str], repo_url: str | None = None) -> bytes:
    """One page of the pack: the edition's version with links to missing pages made plain
    (and the Colab cell pointing at ``repo_url`` when given)."""
    if path.suffix == ".ipynb":
        notebook = notebook_for_edition(json.loads(path.read_text(encoding="utf-8")), edition)
        for cell in notebook["cells"]:
            if cell["cell_type"] == "markdown":
                cell["source"] = unlink_missing(cell_text(cell), docname, included, titles, labels)
        return colab_to(dump_notebook(notebook), repo_url)
    text = markdown_for_edition(path.read_text(encoding="utf-8"), edition)
    return unlink_missing(text, docname, included, titles, labels).encode("utf-8")


def pack_toc(included: list[str], root: Path = ROOT) -> dict:
    toc = read_toc(root)
    parts = []
    for part in toc.get("parts", []):
        entries = [entry for entry in part.get("chapters", []) if entry["file"] in included]
        if entries:
            parts.append({**part, "chapters": entries})
    return {**toc, "parts": parts}


def pack_name(chosen: list[Chapter], edition: Edition) -> str:
    numbers = "-".join(f"{c.number:02d}" for c in chosen)
    return f"becoming-a-pm-pack-{numbers}" + ("-instructor" if edition is Edition.INSTRUCTOR else "")


def _zip_readme(name: str, chosen: list[Chapter], titles: dict[str, str], edition: Edition) -> str:
    lines = [f"# {name}", "", "Chapters of the course *Becoming a Product Manager*"
             + (" (instructor edition: the notebooks hold the instructor notes; do not give them to students)"
                if edition is Edition.INSTRUCTOR else " (student edition: no instructor notes)") + ":", ""]
    lines += [f"- `{c.slug}.ipynb`: {titles[c.docname]}" for c in chosen]
    lines += [
        "", "This folder holds those notebooks, the `exercises` package they import and `requirements.txt`.",
        "", "## Set-up", "",
        "Keep the notebooks next to the `exercises` folder: the notebooks import it from there.",
        "On a JupyterHub or your own machine with Python 3.11 to 3.13, install the pinned packages once:", "",
        "    pip install -r requirements.txt", "",
        "Then open a notebook and run all cells. Under each exercise, **Save my work** writes a",
        "JSON file (to hand in) and a Markdown file (to keep) into a `my-work` folder next to the notebook.",
        "In Colab, the first cell of each notebook installs the `exercises` package from the course's student",
        "repository instead.",
    ]
    return "\n".join(lines) + "\n"


def write_zip(path: Path, name: str, pages: dict[Path, bytes], chosen: list[Chapter], titles: dict[str, str],
              root: Path = ROOT, edition: Edition = Edition.STUDENT) -> None:
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for chapter in chosen:
            archive.writestr(f"{name}/{chapter.slug}.ipynb", pages[Path(chapter.path.relative_to(root))])
        for source in sorted((root / "exercises").rglob("*")):
            relative = source.relative_to(root)
            if source.is_file() and "__pycache__" not in relative.parts and source.suffix != ".pyc":
                archive.write(source, f"{name}/{relative.as_posix()}")
        archive.writestr(f"{name}/requirements.txt", learner_requirements(root))
        archive.writestr(f"{name}/README.md", _zip_readme(name, chosen, titles, edition))


def make_pack(requests: list[str], out: Path, *, edition: Edition = Edition.STUDENT, force: bool = False,
              root: Path = ROOT) -> tuple[Path, Path]:
    """Write the pack's book and zip into ``out``; return (book folder, zip path)."""
    chosen = resolve_chapters(requests, chapters(root))
    name = pack_name(chosen, edition)
    book, archive = out / "book", out / f"{name}.zip"
    if out.exists() and not out.is_dir():
        raise PackError(f"{out} is a file, not a folder.")
    existing = [p for p in (book, archive) if p.exists() or p.is_symlink()]
    if existing and not force:
        raise PackError(f"{' and '.join(map(str, existing))} already exist{'s' * (len(existing) == 1)}; "
                        "add --force to replace.")
    extra = INSTRUCTOR_ONLY if edition is Edition.INSTRUCTOR else []
    wanted = [c.docname for c in chosen]
    docs = [d for d in [*ALWAYS, *extra] if page_path(d, root)]
    home = toc_files(root)[0]
    included = [home] + [d for d in [*wanted, *docs] if d != home]
    all_docs = {p.with_suffix("").as_posix(): p for p in book_files(root) if p.suffix in PAGE_SUFFIXES}
    titles = {doc: page_title(root / path) for doc, path in all_docs.items() if doc.startswith("chapters/")}
    labels = label_pages({doc: (root / path).read_text(encoding="utf-8") for doc, path in all_docs.items()})
    config = read_config(root)
    repo_url = config.get("repository", {}).get("student_url") if edition is Edition.STUDENT else None
    pages: dict[Path, bytes] = {}
    for relative in book_files(root):
        docname = relative.with_suffix("").as_posix()
        if relative.suffix in PAGE_SUFFIXES and relative.parts[0] == "chapters":
            if docname in included:
                pages[relative] = pack_file(root / relative, docname, edition, set(included), titles, labels,
                                            repo_url)
        elif relative.parts[0] in ("chapters", "assets"):
            pages[relative] = (root / relative).read_bytes()
    if edition is Edition.STUDENT:
        config = student_config(config)
    config.get("repository", {}).pop("student_url", None)
    numbers = ", ".join(str(c.number) for c in chosen)
    config["title"] = f"{config.get('title', 'Course')}: chapter{'s' * (len(chosen) > 1)} {numbers}" + (
        " (instructor edition)" if edition is Edition.INSTRUCTOR else "")
    pages[Path("_config.yml")] = yaml.safe_dump(config, sort_keys=False, allow_unicode=True).encode("utf-8")
    pages[Path("_toc.yml")] = yaml.safe_dump(pack_toc(included, root), sort_keys=False).encode("utf-8")
    pages[Path("requirements.txt")] = learner_requirements(root)
    for path in existing:
        remove_tree(path)
    sync_tree(pages, book)
    write_zip(archive, name, pages, chosen, titles, root, edition)
    return book, archive


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="course.py pack", description="Make a course pack of chosen chapters.")
    parser.add_argument("chapters", nargs="+", help="chapter numbers or names, e.g. 4 05-translating-between-worlds")
    parser.add_argument("--out", type=Path, required=True, help="folder to write the pack into")
    parser.add_argument("--force", action="store_true", help="replace a pack already in that folder")
    parser.add_argument("--edition", choices=[e.value for e in Edition], default=Edition.STUDENT.value)
    args = parser.parse_args(argv)
    try:
        book, archive = make_pack(args.chapters, args.out, edition=Edition(args.edition), force=args.force)
    except PackError as error:
        print(f"[course] {error}", file=sys.stderr)
        return 2
    print(f"[course] Course pack ({args.edition} edition):")
    print(f"[course]   book: {book} (build it with: jupyter-book build {book} -W -n --keep-going)")
    print(f"[course]   zip:  {archive}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
