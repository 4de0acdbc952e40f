"""The student copy: a repository tree with no instructor text, launching itself."""

from __future__ import annotations

import json

import pytest
import yaml

from test_editions import ALL_MARKERS  # the editions tests' markers: instructor-only runs of words
from textmatch import normalise
from tools import ROOT, student_copy
from tools.booksource import read_config


@pytest.fixture(scope="module")
def copy(tmp_path_factory):
    return student_copy.write_student_copy(tmp_path_factory.mktemp("student") / "copy")


def test_no_instructor_text_anywhere_in_the_copy(copy):
    text = normalise("\n".join(p.read_text(encoding="utf-8", errors="ignore") for p in copy.rglob("*") if p.is_file()))
    found = [m for markers in ALL_MARKERS.values() for m in markers if m in text]
    assert sum(len(m) for m in ALL_MARKERS.values()) > 50 and found == []
    for notebook in (copy / "chapters").glob("*.ipynb"):
        cells = json.loads(notebook.read_text(encoding="utf-8"))["cells"]
        assert not any("instructor" in c.get("metadata", {}).get("tags", []) for c in cells)


def test_the_copy_holds_what_a_student_repository_needs_and_nothing_else(copy):
    top = {p.name for p in copy.iterdir()}
    assert {"chapters", "exercises", "requirements.txt", "runtime.txt", "pyproject.toml", "README.md",
            "_config.yml", "_toc.yml"} <= top
    assert not top & {"tools", "tests", "requirements-dev.txt", ".ci"}
    assert not (copy / "chapters" / "instructor-guide.md").exists()
    assert "instructor-guide" not in (copy / "_toc.yml").read_text()
    assert "pytest" not in (copy / "requirements.txt").read_text()


def test_the_copy_launches_itself(copy):
    url = read_config()["repository"]["student_url"]
    config = yaml.safe_load((copy / "_config.yml").read_text())
    assert config["repository"]["url"] == url and "student_url" not in config["repository"]
    main_url = read_config()["repository"]["url"]
    for notebook in (copy / "chapters").glob("[0-9]*.ipynb"):
        text = notebook.read_text(encoding="utf-8")
        assert f"git+{url}" in text and f'git+{main_url}\\"' not in text
    assert url in (copy / "README.md").read_text()


def test_an_existing_folder_is_kept_without_force(copy, capsys):
    assert student_copy.main(["--out", str(copy)]) == 2
    assert "--force" in capsys.readouterr().err
    assert student_copy.main(["--out", str(copy), "--force"]) == 0
    assert (ROOT / "chapters").exists()
