"""The course map: generated from the chapters, and the committed guide page is up to date."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tools"))

import booksource  # noqa: E402
import coursemap  # noqa: E402


def test_the_committed_instructor_guide_has_the_current_course_map():
    page = coursemap.GUIDE.read_text(encoding="utf-8")
    assert coursemap.render_page(page, coursemap.course()) == page, (
        "chapters changed: run python3.11 tools/course.py course-map and commit the page"
    )


def test_the_guide_is_in_the_for_instructors_part_at_the_end_of_the_toc():
    toc = booksource.read_toc()
    assert toc["parts"][-1]["caption"] == "For instructors"
    assert [e["file"] for e in toc["parts"][-1]["chapters"]] == ["chapters/instructor-guide"]


@pytest.mark.parametrize("chapter", booksource.chapters(), ids=lambda c: c.slug)
def test_every_chapter_has_a_row_with_objectives_time_and_exercises(chapter):
    info = coursemap.chapter_info(chapter)
    assert info.objectives and info.time != "not stated", f"{chapter.slug}: objectives or time not found"
    assert all(e.exercise_id for e in info.exercises), f"{chapter.slug}: an exercise's saved-work id was not found"
    table = coursemap.table([info])
    assert f"<{chapter.slug}>" in table and info.time in table


@pytest.mark.parametrize("text, minutes", [("about 45 minutes", 45), ("about 1 hour 30 minutes", 90),
                                           ("1.5 hours", 90), ("about an hour", 60), ("half an hour", 30),
                                           ("two hours", 120), ("two sessions", None)])
def test_minutes(text, minutes):
    assert coursemap.minutes(text) == minutes


def test_time_to_learn_is_read_from_its_line():
    section = "- **Prerequisites:** take your time.\n- **Time to learn:** about 1 hour: 20 minutes of reading (more)"
    assert coursemap.time_to_learn(section) == "about 1 hour"


def notebook(*cells: tuple[str, str]) -> str:
    return json.dumps({"cells": [{"cell_type": kind, "metadata": {}, "source": source} for kind, source in cells],
                       "metadata": {}, "nbformat": 4, "nbformat_minor": 5})


def test_exercise_ids_are_followed_into_the_exercise_modules(tmp_path):
    """A sorter-based exercise and a save-panel exercise, imported in two different ways."""
    (tmp_path / "chapters").mkdir()
    (tmp_path / "exercises").mkdir()
    (tmp_path / "_toc.yml").write_text("format: jb-book\nroot: chapters/welcome\nparts:\n  - caption: A\n"
                                       "    chapters:\n      - file: chapters/01-first-steps\n")
    (tmp_path / "exercises" / "redflags.py").write_text(
        'from . import sorting\nRED_FLAGS = "red-flags"\nTITLE = "Red flags"\n\n'
        "def build_red_flags():\n    return sorting.build_sorter(RED_FLAGS, TITLE, [], [])\n")
    (tmp_path / "exercises" / "radar.py").write_text(
        'from .ui import build_save_panel\nEXERCISE_ID = "old-id"\nRADAR_ID = "competency-radar"\n\n'
        "def _panel():\n    return build_save_panel(RADAR_ID, 'Radar', lambda: {})\n\n"
        "def build_radar():\n    save = _panel()\n    return save\n")
    (tmp_path / "chapters" / "01-first-steps.ipynb").write_text(notebook(
        ("markdown", "# First steps\n\n## Learning objectives\n\n- spot a red flag;\n- draw\n  a radar.\n\n"
                     "## Prerequisites and time\n\n- **Time to learn:** about 1 hour 30 minutes: mostly doing."),
        ("code", "%matplotlib inline\nfrom exercises import redflags\nfrom exercises.radar import build_radar"),
        ("markdown", "## Exercise: sort the red flags"),
        ("code", "redflags.build_red_flags()"),
        ("markdown", "## Exercise: your radar"),
        ("code", "build_radar()"),
        ("markdown", "## Summary"),
    ))
    [info] = coursemap.course(tmp_path)
    assert info.title == "First steps" and info.minutes == 90
    assert info.objectives == ("spot a red flag;", "draw a radar.")
    assert [(e.heading, e.exercise_id, e.scored) for e in info.exercises] == [
        ("sort the red flags", "red-flags", True), ("your radar", "competency-radar", False)]
    assert coursemap.exercise_ids(tmp_path) == ["red-flags", "competency-radar"]
    table = coursemap.table([info])
    assert "`red-flags` saved work (scored)" in table and "about 1 h 30 min" in table


def test_a_page_without_markers_is_refused():
    with pytest.raises(SystemExit):
        coursemap.render_page("# Guide\n", [])
