"""Build the student edition (the default) or the instructor edition of the book.

usage: python tools/editions.py build [--edition student|instructor]

Both editions are built from a staged copy of the book's sources in ``_build/stage/<edition>``:

- student (``_build/html``): instructor cells and "Instructor notes" blocks are removed
  before Sphinx sees the sources, so no solution text reaches the HTML, ``_sources``,
  the downloads or the search index;
- instructor (``_build/instructor/html``): each instructor cell is shown as an
  "Instructor notes" box where it stands, next to its exercise.

The staged copy is updated file by file (unchanged files are not touched) and both
editions share one execution cache, so a rebuild with nothing changed takes seconds.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import shutil
import subprocess
import sys
from pathlib import Path

import yaml

from booksource import ROOT, book_files, edition_bytes, sync_tree

EDITIONS = ("student", "instructor")
STRICT = ["-W", "-n", "--keep-going"]
CACHE = ROOT / "_build" / ".jupyter_cache"


def exercises_fingerprint(root: Path = ROOT) -> str:
    """A hash of the exercises package: code and data files."""
    digest = hashlib.sha256()
    for path in sorted((root / "exercises").rglob("*")):
        if path.is_file() and path.suffix in {".py", ".json"}:
            digest.update(str(path.relative_to(root)).encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()


def drop_cache_if_exercises_changed(cache: Path = CACHE) -> None:
    """jupyter-cache keys executions on a notebook's code cells only, so a change to the
    exercises package would otherwise leave stale widget previews in the book."""
    stamp = cache.parent / ".exercises-fingerprint"
    fingerprint = exercises_fingerprint()
    if stamp.exists() and stamp.read_text() == fingerprint:
        return
    if cache.exists():
        print("[course] The exercises package changed: re-executing every notebook.", flush=True)
        shutil.rmtree(cache)
    stamp.parent.mkdir(parents=True, exist_ok=True)
    stamp.write_text(fingerprint)


def stage_dir(edition: str) -> Path:
    return ROOT / "_build" / "stage" / edition


def output_root(edition: str) -> Path:
    """``--path-output`` for jupyter-book: it writes to ``<this>/_build/html``."""
    return ROOT if edition == "student" else ROOT / "_build" / "instructor"


def html_dir(edition: str) -> Path:
    return ROOT / "_build" / "html" if edition == "student" else ROOT / "_build" / "instructor" / "html"


def edition_config(text: str, edition: str, cache: Path = CACHE) -> bytes:
    """The ``_config.yml`` for ``edition``: the student one is the file as it is."""
    if edition == "student":
        return text.encode("utf-8")
    config = yaml.safe_load(text)
    config["title"] = f"{config.get('title', 'Course')} (instructor edition)"
    config.setdefault("execute", {})["cache"] = str(cache)  # share the student build's executions
    return yaml.safe_dump(config, sort_keys=False, allow_unicode=True).encode("utf-8")


def stage(edition: str, root: Path = ROOT) -> Path:
    """Bring ``_build/stage/<edition>`` up to date with the sources; return it."""
    files = {relative: (lambda p=root / relative: edition_bytes(p, edition)) for relative in book_files(root)}
    files[Path("_config.yml")] = edition_config((root / "_config.yml").read_text(encoding="utf-8"), edition)
    dest = stage_dir(edition)
    sync_tree(files, dest)
    return dest


def build(edition: str = "student", quiet: bool = False) -> Path:
    """Stage and build ``edition`` strictly; return its HTML folder. Exits on a failed build."""
    if edition not in EDITIONS:
        raise SystemExit(f"Unknown edition {edition!r}: choose student or instructor.")
    source = stage(edition)
    drop_cache_if_exercises_changed()
    print(f"[course] Building the {edition} edition strictly (warnings are errors) ...", flush=True)
    command = [str(Path(sys.executable).parent / "jupyter-book"), "build", str(source),
               "--path-output", str(output_root(edition)), *STRICT, *(["-q"] if quiet else [])]
    env = os.environ | {"MPLBACKEND": "Agg", "PYDEVD_DISABLE_FILE_VALIDATION": "1"}
    completed = subprocess.run(command, cwd=ROOT, env=env)
    if completed.returncode != 0:
        sys.exit(completed.returncode)
    html = html_dir(edition)
    if edition == "instructor":
        link = html
        if not link.is_symlink():
            link.unlink(missing_ok=True)
            link.symlink_to(Path("_build") / "html", target_is_directory=True)
    print(f"[course] The {edition} edition's HTML is in {html}", flush=True)
    return html


def main(argv: list[str]) -> None:
    parser = argparse.ArgumentParser(prog="course.py build", description="Build the book (student edition by default).")
    parser.add_argument("command", choices=["build", "stage"])
    parser.add_argument("--edition", choices=EDITIONS, default="student")
    parser.add_argument("-q", "--quiet", action="store_true", help="less output from jupyter-book")
    args = parser.parse_args(argv)
    if args.command == "stage":
        print(stage(args.edition))
    else:
        build(args.edition, quiet=args.quiet)


if __name__ == "__main__":
    main(sys.argv[1:])
