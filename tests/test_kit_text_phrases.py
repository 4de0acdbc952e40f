"""kit.text.phrase_spans: listed words and phrases found as whole words (the note checker, the pitch checker)."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from exercises.kit.text import phrase_spans, words


@pytest.mark.parametrize(
    ("text", "phrase", "found"),
    [
        ("You are USELESS.", "useless", ["USELESS"]),
        ("NOT   GOOD\nENOUGH", "not good enough", ["NOT   GOOD\nENOUGH"]),
        ("not good, enough", "not good enough", []),
        ("Our CI/CD is slow; ci cd", "ci/cd", ["CI/CD"]),
        ("the impostorous fraudster, neverland", "fraud", []),
        ("never-ending, never", "never", ["never"]),
        ("an event-driven design", "event-driven", ["event-driven"]),
        ("You aren\u2019t", "aren't", ["aren\u2019t"]),
        ("anything", "!!", []),
    ],
)
def test_phrases_are_found_as_whole_words(text, phrase, found):
    assert [text[start:end] for start, end in phrase_spans(text, [phrase]).get(phrase, [])] == found


def test_every_match_is_reported_in_the_order_of_the_phrases():
    assert phrase_spans("b a b", ["b", "a", "c"]) == {"b": [(0, 1), (4, 5)], "a": [(2, 3)]}


@given(st.text(max_size=200), st.lists(st.sampled_from(["not", "good", "ci/cd", "e-mail"]), min_size=1, max_size=3),
       st.text(max_size=200))
def test_a_phrase_between_spaces_is_found_and_every_match_has_its_words(before, phrase_words, after):
    phrase = " ".join(phrase_words)
    text = f"{before} {phrase.upper()} {after}"
    spans = phrase_spans(text, [phrase])[phrase]
    assert (len(before) + 1, len(before) + 1 + len(phrase)) in spans
    for start, end in spans:
        assert words(text[start:end]) == words(phrase)
