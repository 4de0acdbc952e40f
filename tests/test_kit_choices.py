"""The kit's shared helpers for choices and written fields: kit.choices (Titled, menu, by_id), kit.text.clean_texts."""

from __future__ import annotations

from dataclasses import fields

import pytest
from hypothesis import given
from hypothesis import strategies as st

from exercises.kit.choices import Titled, by_id, menu
from exercises.kit.text import clean_texts


class Entry(Titled):
    note: str = ""


ENTRIES = (Entry("a", "First"), Entry("b", "Second"), Entry("a", "A later duplicate"))


def test_a_titled_record_starts_with_its_id_and_title_and_stays_frozen():
    assert [f.name for f in fields(Entry)] == ["id", "title", "note"]
    assert Entry("a", "First", note="n") == Entry(id="a", title="First", note="n")
    with pytest.raises(AttributeError):
        ENTRIES[0].title = "changed"  # frozen: the assignment must fail


@given(st.lists(st.tuples(st.text(max_size=5), st.text(max_size=8)), max_size=6))
def test_menu_shows_each_title_for_its_id_in_order(pairs):
    records = [Entry(record_id, title) for record_id, title in pairs]
    assert menu(records) == [(title, record_id) for record_id, title in pairs]


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
