"""Build the student edition (the default) or the instructor edition of the book.

usage: python -m tools.editions [--edition student|instructor] [--builder html|singlehtml] [-q]

Both editions are built from a staged copy of the book's sources in ``_build/stage/<edition>``:

- student (``_build/html``): instructor cells and "Instructor notes" blocks are removed
  before Sphinx sees the sources, so no solution text reaches the HTML, ``_sources``,
  the downloads or the search index;
- instructor (``_build/instructor/html``): each instructor cell is shown as an
  "Instructor notes" box where it stands, next to its exercise.

The staged copy is updated file by file (unchanged files are not touched) and both
editions share one execution cache, so a rebuild with nothing changed takes seconds.
:func:`jupyter_book` is the one place the ``jupyter-book`` command is put together.
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

from tools import ROOT
from tools.booksource import Edition, book_files, colab_to, edition_bytes, read_config, student_config, sync_tree

CACHE = ROOT / "_build" / ".jupyter_cache"
ENVIRONMENT = {"MPLBACKEND": "Agg", "PYDEVD_DISABLE_FILE_VALIDATION": "1"}


class BuildFailed(RuntimeError):
    """jupyter-book failed; its own messages say why."""


def say(message: str) -> None:
    print(f"[course] {message}", flush=True)


def jupyter_book(source: Path, *options: str, output_root: Path | None = None, builder: str = "html",
                 strict: bool = True, quiet: bool = False, capture: bool = False) -> subprocess.CompletedProcess[str]:
    """Run ``jupyter-book build`` (1.x) on ``source``, strictly by default (warnings are errors).

    It writes into ``<output_root>/_build/<builder>`` (``source`` itself by default).
    """
    command = [str(Path(sys.executable).parent / "jupyter-book"), "build", str(source), "--builder", builder]
    if output_root is not None:
        command += ["--path-output", str(output_root)]
    if strict:
        command += ["-W", "-n", "--keep-going"]
    if quiet:
        command.append("-q")
    return subprocess.run([*command, *options], cwd=ROOT, env=os.environ | ENVIRONMENT, text=True,
                          capture_output=capture, check=False)


def exercises_fingerprint(root: Path = ROOT) -> str:
    """A hash of the exercises package: code, data, and the scripts its outputs inline (``.js``)."""
    digest = hashlib.sha256()
    for path in sorted((root / "exercises").rglob("*")):
        if path.is_file() and path.suffix in {".py", ".json", ".js"} and "__pycache__" not in path.parts:
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
        say("The exercises package changed: re-executing every notebook.")
        shutil.rmtree(cache)
    stamp.parent.mkdir(parents=True, exist_ok=True)
    stamp.write_text(fingerprint)


def mark_notebooks_outdated(stage: Path, fingerprint: str) -> None:
    """When the exercises changed since this stage was last built, give its notebooks a new time.

    Sphinx reads again only sources newer than their doctrees, and only what it reads is executed,
    so without this an unchanged chapter would keep the previews of the old exercises."""
    stamp = stage.with_name(f".{stage.name}.exercises-fingerprint")  # beside it: syncing the stage would remove it
    if stamp.exists() and stamp.read_text() == fingerprint:
        return
    for notebook in stage.rglob("*.ipynb"):
        notebook.touch()
    stamp.write_text(fingerprint)


def stage_dir(edition: Edition) -> Path:
    return ROOT / "_build" / "stage" / edition


def output_root(edition: Edition) -> Path:
    """``--path-output`` for jupyter-book: it writes to ``<this>/_build/<builder>``."""
    return ROOT if edition is Edition.STUDENT else ROOT / "_build" / "instructor"


def html_dir(edition: Edition) -> Path:
    """Where an edition's HTML is (for the instructor edition, a link to it)."""
    return ROOT / "_build" / "html" if edition is Edition.STUDENT else ROOT / "_build" / "instructor" / "html"


def edition_config(text: str, edition: Edition, cache: Path = CACHE) -> bytes:
    """The ``_config.yml`` for ``edition``: the student one launches the student copy
    (``repository.student_url``); the instructor one keeps the main repository."""
    config = yaml.safe_load(text)
    if edition is Edition.STUDENT:
        return yaml.safe_dump(student_config(config), sort_keys=False, allow_unicode=True).encode("utf-8")
    config.get("repository", {}).pop("student_url", None)
    config["title"] = f"{config.get('title', 'Course')} (instructor edition)"
    config.setdefault("execute", {})["cache"] = str(cache)  # share the student build's executions
    return yaml.safe_dump(config, sort_keys=False, allow_unicode=True).encode("utf-8")


def stage(edition: Edition, root: Path = ROOT) -> Path:
    """Bring ``_build/stage/<edition>`` up to date with the sources; return it."""
    url = read_config(root).get("repository", {}).get("student_url") if edition is Edition.STUDENT else None
    files = {relative: (lambda p=root / relative: colab_to(edition_bytes(p, edition), url) if p.suffix == ".ipynb"
                        else edition_bytes(p, edition)) for relative in book_files(root)}
    files[Path("_config.yml")] = edition_config((root / "_config.yml").read_text(encoding="utf-8"), edition)
    dest = stage_dir(edition)
    sync_tree(files, dest)
    mark_notebooks_outdated(dest, exercises_fingerprint(root))
    return dest


def build(edition: Edition = Edition.STUDENT, *, builder: str = "html", output: Path | None = None,
          quiet: bool = False) -> Path:
    """Stage and build ``edition`` strictly; return the folder it wrote. Raises :class:`BuildFailed`.

    ``output``: another ``--path-output`` than the edition's own (the benchmarks build into a temporary folder).
    """
    source = stage(edition)
    drop_cache_if_exercises_changed()
    say(f"Building the {edition} edition ({builder}) strictly (warnings are errors) ...")
    out = output or output_root(edition)
    if jupyter_book(source, output_root=out, builder=builder, quiet=quiet).returncode != 0:
        raise BuildFailed(f"The {edition} edition ({builder}) did not build: see jupyter-book's messages above.")
    built = out / "_build" / builder
    if edition is Edition.INSTRUCTOR and builder == "html" and output is None:
        built = html_dir(edition)  # a shorter path to give out: a link to _build/instructor/_build/html
        if not built.is_symlink():
            built.unlink(missing_ok=True)
            built.symlink_to(Path("_build") / "html", target_is_directory=True)
    say(f"The {edition} edition's {builder} is in {built}")
    return built


def prepare_runtime() -> None:
    """Assemble Run live's runtime in .cache/live (quick when nothing changed), or stop with the reason."""
    from tools import live_runtime, live_sources

    try:
        live_runtime.assemble()
    except live_sources.SourceError as error:
        sys.exit(f"[course] Run live's in-page runtime could not be prepared: {error}\n"
                 "[course] To build the book with previews only, add --skip-runtime.")


def main(argv: list[str]) -> None:
    parser = argparse.ArgumentParser(prog="course.py build", description="Build the book strictly "
                                     "(the student edition unless --edition instructor).")
    parser.add_argument("--edition", choices=[e.value for e in Edition], default=Edition.STUDENT.value)
    parser.add_argument("--builder", choices=["html", "singlehtml"], default="html")
    parser.add_argument("-q", "--quiet", action="store_true", help="less output from jupyter-book")
    parser.add_argument("--skip-runtime", action="store_true",
                        help="do not prepare Run live's in-page runtime (needs Node.js 20 and downloads from npm and "
                        "PyPI); the book then has previews only, unless a runtime is already in .cache/live")
    args = parser.parse_args(argv)
    edition = Edition(args.edition)
    if not args.skip_runtime:
        prepare_runtime()
    try:
        built = build(edition, builder=args.builder, quiet=args.quiet)
    except BuildFailed as error:
        sys.exit(f"[course] {error}")
    if edition is Edition.STUDENT and args.builder == "html":
        say(f"Open {built / 'index.html'} in a browser, or serve it with: python3.11 tools/course.py serve")


if __name__ == "__main__":
    main(sys.argv[1:])
