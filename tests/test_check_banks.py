"""The shipped "Check your understanding" banks test product management, not the course's machinery."""

from __future__ import annotations

import re
from collections import Counter

import pytest

from exercises import registry
from exercises.kit import checks

BANKS = {entry.id: checks.check(int(entry.id.removeprefix("check-"))) for entry in registry.CHECKS}
# The course's own machinery. "Button" and "label" are left out: products have them too, and
# scenario questions rightly ask about a product's "export" button.
MACHINERY = re.compile(
    r"(?i)\b(checker|tie rule|tie-break\w*|widgets?|sliders?|drop-?downs?|regex\w*|the (course|exercise)'s)\b"
)


@pytest.mark.parametrize("bank_id", sorted(BANKS))
def test_no_question_asks_how_the_course_works(bank_id):
    for question in BANKS[bank_id].questions:
        assert not MACHINERY.search(question.prompt), f"{bank_id}/{question.id}: {question.prompt}"


# Banks revised for issue 12 so far; the others join when their chapters are revised (check_04: the
# longest option is the right one in every single-choice question, and it is always first or second).
SURFACE_CHECKED = [bank_id for bank_id in sorted(BANKS) if bank_id in ("check-01", "check-02", "check-03")]


@pytest.mark.parametrize("bank_id", SURFACE_CHECKED)
def test_the_right_answer_is_not_given_away_by_its_length_or_place(bank_id):
    """Picking the longest, the shortest or the first option must not score: at most a third of the
    single-choice questions have the right answer longest, at most a third shortest, and no position
    holds the right answer in more than half of them."""
    chosen = [q for q in BANKS[bank_id].questions if q.kind == "single"]
    third, half = -(-len(chosen) // 3), len(chosen) // 2
    longest = sum(max(q.options, key=lambda o: len(o.text)).correct for q in chosen)
    shortest = sum(min(q.options, key=lambda o: len(o.text)).correct for q in chosen)
    places = Counter(next(i for i, o in enumerate(q.options) if o.correct) for q in chosen)
    assert longest <= third and shortest <= third, f"{bank_id}: right answer longest {longest}, shortest {shortest}"
    assert max(places.values()) <= half, f"{bank_id}: right answer by position {dict(places)}"


def test_the_machinery_pattern_catches_questions_about_the_course():
    assert MACHINERY.search("Which two competencies does the tie rule put first?")
    assert MACHINERY.search("The checker gives your question zero flags. Is it neutral?")
    assert not MACHINERY.search("Why is launch a demanding phase for a PM?")
