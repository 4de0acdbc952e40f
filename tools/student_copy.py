"""Write the student copy: a repository tree an instructor publishes as their course's repository.

usage: python -m tools.student_copy --out DIR [--force]

DIR receives the student edition of the book (chapters without instructor cells or "Instructor
notes" blocks, no instructor guide), the ``exercises`` package, the learner's ``requirements.txt``,
``runtime.txt`` and ``pyproject.toml`` (Binder installs these), a ``_config.yml`` whose repository is
``repository.student_url``, and a README for students. No tools, tests or instructor guide.
Push DIR to the repository named by ``repository.student_url`` in ``_config.yml``.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import yaml

from tools import ROOT
from tools.booksource import (
    Edition,
    book_files,
    colab_to,
    edition_bytes,
    learner_requirements,
    read_config,
    read_toc,
    remove_tree,
    student_config,
    sync_tree,
)

INSTRUCTOR_PAGES = {"chapters/instructor-guide"}
COPIED = ("runtime.txt", "pyproject.toml")


def _toc_without_instructor_pages(toc: dict) -> dict:
    parts = []
    for part in toc.get("parts", []):
        entries = [e for e in part.get("chapters", []) if e.get("file", "").removesuffix(".md") not in INSTRUCTOR_PAGES]
        if entries:
            parts.append({**part, "chapters": entries})
    return {**toc, "parts": parts}


def student_readme(url: str) -> str:
    return f"""# Becoming a Product Manager (student copy)

An interactive course: chapters that mix reading with exercises you can try, change and save.

## Open it

- **In the browser, nothing to install:** open a chapter in `chapters/` on Binder:
  <https://mybinder.org/v2/gh/{url.removeprefix("https://github.com/")}/HEAD?urlpath=lab>
  (or use the rocket icon on any page of the course website). In Google Colab, open a chapter from
  this repository; its first cell installs the exercises.
- **On your own machine** (Python 3.11 to 3.13):

      git clone {url}
      cd {url.rstrip("/").rsplit("/", 1)[-1]}
      python3 -m venv .venv && . .venv/bin/activate
      pip install -r requirements.txt && pip install .
      jupyter lab chapters/

Run the cells of a chapter from the top. Under each exercise, **Save my work** writes a JSON file (hand
this in as your instructor asks) and a Markdown copy to keep, in a `my-work` folder next to the notebook.
"""


def write_student_copy(out: Path, *, force: bool = False, root: Path = ROOT) -> Path:
    """Write the student copy into ``out``; refuse to replace a non-empty folder without ``force``."""
    if out.exists() and (not out.is_dir() or any(out.iterdir())) and not force:
        raise FileExistsError(f"{out} exists and is not empty; add --force to replace it")
    config = read_config(root)
    url = config.get("repository", {}).get("student_url")
    if not url:
        raise ValueError("_config.yml has no repository.student_url: name the student copy's repository there")
    files: dict[Path, bytes] = {}
    for relative in book_files(root):
        if relative.with_suffix("").as_posix() in INSTRUCTOR_PAGES or relative.name == "_config.yml":
            continue
        data = edition_bytes(root / relative, Edition.STUDENT)
        files[relative] = colab_to(data, url) if relative.suffix == ".ipynb" else data
    files[Path("_config.yml")] = yaml.safe_dump(student_config(config), sort_keys=False,
                                                allow_unicode=True).encode("utf-8")
    files[Path("_toc.yml")] = yaml.safe_dump(_toc_without_instructor_pages(read_toc(root)),
                                             sort_keys=False).encode("utf-8")
    for source in sorted((root / "exercises").rglob("*")):
        relative = source.relative_to(root)
        if source.is_file() and "__pycache__" not in relative.parts and source.suffix != ".pyc":
            files[relative] = source.read_bytes()
    for name in COPIED:
        files[Path(name)] = (root / name).read_bytes()
    files[Path("requirements.txt")] = learner_requirements(root)
    files[Path("README.md")] = student_readme(url).encode("utf-8")
    if force and out.exists() and not out.is_dir():
        remove_tree(out)
    sync_tree(files, out)
    return out


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="course.py student-copy", description=__doc__.split("\n", 1)[0])
    parser.add_argument("--out", type=Path, required=True, help="folder to write the student copy into")
    parser.add_argument("--force", action="store_true", help="replace what is in that folder")
    args = parser.parse_args(argv)
    try:
        out = write_student_copy(args.out, force=args.force)
    except (FileExistsError, ValueError) as error:
        print(f"[course] {error}", file=sys.stderr)
        return 2
    url = read_config()["repository"]["student_url"]
    print(f"[course] Student copy written to {out}. Publish it as {url} (git init; git add .; git commit; git push),"
          " and send students only there.")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
