"""The course map: generated from the chapters and the registry, and the committed guide page is up to date."""

from __future__ import annotations

import re

import pytest

from exercises.registry import WIDGETS, Exercise
from tools import booksource, coursemap


def test_the_committed_instructor_guide_has_the_current_course_map():
    page = coursemap.GUIDE.read_text(encoding="utf-8")
    assert coursemap.render_page(page, coursemap.course()) == page, (
        "chapters changed: run python3.11 tools/course.py course-map and commit the page"
    )


def test_the_guide_is_in_the_for_instructors_part_at_the_end_of_the_toc():
    assert booksource.toc_parts()[-1] == ("For instructors", ["chapters/instructor-guide"])


@pytest.mark.parametrize("chapter", booksource.chapters(), ids=lambda c: c.slug)
def test_every_chapter_has_a_row_with_objectives_time_and_exercises(chapter):
    info = coursemap.chapter_info(chapter)
    assert info.objectives and info.time != "not stated", f"{chapter.slug}: objectives or time not found"
    assert [e.exercise_id for e in info.exercises] == [e.id for e in WIDGETS if e.chapter == chapter.slug]
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


def stub(exercise_id: str, chapter: str, build: str, max_score: int | None = None) -> Exercise:
    return Exercise(exercise_id, exercise_id.title(), chapter, build, max_score=max_score)


REGISTRY = (stub("red-flags", "01-first-steps", "exercises.redflags.widget:build_red_flags", max_score=16),
            stub("competency-radar", "01-first-steps", "exercises.radar.widget:build_radar"),
            stub("elsewhere", "02-later", "exercises.later.widget:build_later"))


@pytest.fixture
def one_chapter_book(tmp_path, write_notebook):
    """A book with one chapter of two exercises (the registry above lists them), imported in two ways."""
    (tmp_path / "_toc.yml").write_text("format: jb-book\nroot: chapters/welcome\nparts:\n  - caption: A\n"
                                       "    chapters:\n      - file: chapters/01-first-steps\n")
    write_notebook(
        tmp_path / "chapters" / "01-first-steps.ipynb",
        ("markdown", "# First steps\n\n## Learning objectives\n\n- spot a red flag;\n- draw\n  a radar.\n\n"
                     "## Prerequisites and time\n\n- **Time to learn:** about 1 hour 30 minutes: mostly doing."),
        ("code", "%matplotlib inline\nfrom exercises import redflags\nfrom exercises.radar import build_radar"),
        ("markdown", "## Exercise: sort the red flags"),
        ("code", "redflags.build_red_flags()"),
        ("markdown", "## Exercise: your radar"),
        ("code", "build_radar()"),
        ("markdown", "## Summary"),
    )
    return tmp_path


def test_exercises_are_paired_with_the_registry_in_order(one_chapter_book):
    [info] = coursemap.course(one_chapter_book, REGISTRY)
    assert info.title == "First steps" and info.minutes == 90
    assert info.objectives == ("spot a red flag;", "draw a radar.")
    assert [(e.heading, e.exercise_id, e.scored) for e in info.exercises] == [
        ("sort the red flags", "red-flags", True), ("your radar", "competency-radar", False)]
    table = coursemap.table([info])
    assert "`red-flags` saved work (scored)" in table and "about 1 h 30 min" in table


@pytest.mark.parametrize("registry, problem", [
    (REGISTRY[:1], "has 2 exercise section(s)"),
    ((REGISTRY[1], REGISTRY[0]), "build_radar(), which the section does not call"),
    ((*REGISTRY[:2], stub("extra", "01-first-steps", "exercises.extra.widget:build_extra")), "lists 3 for it"),
])
def test_a_chapter_and_registry_that_disagree_stop_the_map(one_chapter_book, registry, problem):
    with pytest.raises(coursemap.CourseMapError, match=re.escape(problem)):
        coursemap.course(one_chapter_book, registry)


def test_a_page_without_markers_is_refused():
    with pytest.raises(SystemExit):
        coursemap.render_page("# Guide\n", [])
