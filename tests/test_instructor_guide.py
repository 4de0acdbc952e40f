"""The instructor guide holds what the syllabi name: facilitator notes for every chapter and the teaching materials."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from exercises.kit import data

GUIDE = (Path(__file__).resolve().parent.parent / "chapters" / "instructor-guide.md").read_text(encoding="utf-8")


def _section(heading: str) -> str:
    """The text under a heading, up to the next heading of the same or a higher level."""
    level = heading.split(" ")[0]
    start = GUIDE.index(heading + "\n")
    rest = GUIDE[start + len(heading):]
    ends = [m.start() for m in re.finditer(rf"^#{{1,{len(level)}}} ", rest, re.M)]
    return rest[: ends[0] if ends else len(rest)]


def _criteria_rows(text: str) -> list[str]:
    """A scoring table's criterion rows (not its header or its rule)."""
    return [line for line in text.splitlines()
            if line.startswith("| ") and "not yet" not in line.lower() and "---" not in line]


@pytest.mark.parametrize("number", range(1, 13))
def test_every_chapter_has_discussion_questions_and_facilitator_notes(number):
    (heading,) = re.findall(rf"^### Chapter {number}: .*$", _section("## Discussion questions"), re.M)
    text = _section(heading)
    assert re.search(r"^1\. ", text, re.M), heading
    assert ":::{admonition} Instructor notes\n:class: instructor-notes" in text, heading


@pytest.mark.parametrize("named, heading", [
    ("short interview write-up", "### Interview write-up template"),
    ("notes from the live interview", "### Interview write-up template"),
    ("Mock interview", "### Mock-interview pack"),
    ("course reflection", "### Course reflection"),
])
def test_every_material_the_syllabi_name_exists(named, heading):
    assert named in _section("## Two ready-made syllabi")
    assert len(_section(heading).split()) > 80, heading


def test_the_mock_interview_pack_uses_the_question_bank_and_scores_add_up():
    pack = _section("### Mock-interview pack")
    assert "exercises/data/interview_practice.json" in pack
    bank = data.load("interview_practice.json")
    assert f"{len(bank['questions'])} questions" in pack
    rows = _criteria_rows(pack)
    assert f"at most {len(rows) * 2 * 3}" in pack  # criteria x 2 points x 3 questions


def test_the_capstone_has_a_brief_and_a_rubric_that_adds_up():
    capstone = _section("### Capstone brief")
    for part in ("interviews", "one-page spec", "roadmap", "pitch"):
        assert part in capstone
    rows = _criteria_rows(capstone)
    assert f"{len(rows) * 2} points" in capstone


def test_the_self_assessment_is_taken_before_and_after():
    text = _section("### Before-and-after self-assessment")
    assert "first session" in text and "last" in text
    assert len(re.findall(r"^\d+\. I can ", text, re.M)) >= 10
