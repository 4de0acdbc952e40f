"""The kit's shared helpers for exercises' choices and written fields: kit.choices.by_id, kit.text.clean_texts."""

from __future__ import annotations

import pytest

from exercises.kit.choices import by_id
from exercises.kit.frozen import Frozen
from exercises.kit.text import clean_texts


class Entry(Frozen):
    id: str
    title: str


ENTRIES = (Entry("a", "First"), Entry("b", "Second"), Entry("a", "A later duplicate"))


def test_by_id_finds_the_first_entry_with_that_id():
    assert by_id(ENTRIES, "b", "unused").title == "Second"
    assert by_id(ENTRIES, "a", "unused").title == "First"


@pytest.mark.parametrize("wanted", ["c", "", None, 3])
def test_by_id_raises_the_given_message_when_no_entry_has_that_id(wanted):
    with pytest.raises(ValueError, match="^No such entry; choose a or b.$"):
        by_id(ENTRIES, wanted, "No such entry; choose a or b.")


FIELDS = (("who", "Who"), ("what", "What"), ("why", "Why"))


def test_clean_texts_strips_in_field_order_and_counts_a_missing_field_as_empty():
    assert clean_texts({"why": "  so that  ", "who": "me"}, FIELDS, max_chars=20) == ("me", "", "so that")


def test_clean_texts_lists_every_problem_at_once():
    with pytest.raises(ValueError) as raised:
        clean_texts({"who": "x" * 11, "what": "fine", "why": "y" * 12}, FIELDS, max_chars=10)
    assert str(raised.value).splitlines() == [
        "Who: 11 characters is too long; keep it under 10.",
        "Why: 12 characters is too long; keep it under 10.",
    ]
