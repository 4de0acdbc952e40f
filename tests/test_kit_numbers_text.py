import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from exercises.kit.numbers import format_compact, format_number, parse_number
from exercises.kit.text import clean_text, find_terms, word_spans, words


@pytest.mark.parametrize(
    ("raw", "expected"),
    [("12", 12.0), (" 1,200 ", 1200.0), ("$15", 15.0), ("2.5", 2.5), (7, 7.0), ("1e3", 1000.0), ("12 000", 12000.0)],
)
def test_parse_number_accepts_what_people_type(raw, expected):
    assert parse_number(raw, "Price") == expected


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        ("", "empty"),
        ("   ", "empty"),
        ("abc", "is not a number"),
        ("nan", "NaN"),
        (float("nan"), "NaN"),
        ("inf", "infinity"),
        (-1, "cannot be negative"),
        ("1e30", "unrealistically large"),
        (True, "not a yes/no"),
    ],
)
def test_parse_number_rejects_bad_input_with_a_clear_message(raw, message):
    with pytest.raises(ValueError, match=message) as caught:
        parse_number(raw, "Price")
    assert str(caught.value).startswith("Price:")


def test_parse_number_minimum_and_whole_rules():
    with pytest.raises(ValueError, match="more than 0"):
        parse_number(0, "Price", allow_minimum=False)
    with pytest.raises(ValueError, match="whole number"):
        parse_number("2.5", "People", whole=True)
    with pytest.raises(ValueError, match="at least 1"):
        parse_number(0, "People", minimum=1)
    assert parse_number("0", "Costs") == 0


@given(st.text())
def test_parse_number_never_fails_other_than_with_value_error(text):
    try:
        value = parse_number(text, "Field")
    except ValueError as error:
        assert str(error).startswith("Field:")
        assert len(str(error)) < 200  # the learner's text is truncated in the message
    else:
        assert math.isfinite(value) and 0 <= value <= 1e12


@given(st.floats(min_value=0, max_value=1e12, allow_nan=False))
def test_formatted_numbers_parse_back(value):
    assert parse_number(format_number(value), "Field") == pytest.approx(value, rel=1e-5)


@given(st.text(max_size=300))
def test_clean_text_strips_and_never_escapes(text):
    assert clean_text(text, "Note") == text.strip()


def test_clean_text_limits():
    with pytest.raises(ValueError, match="empty"):
        clean_text("  ", "Note", required=True)
    with pytest.raises(ValueError, match="too long"):
        clean_text("x" * 101, "Note", max_chars=100)


# ---- code and markup are not prose: `alert(1)` states no number --------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("<script>alert(1)</script>", ["alert"]),
        ("<img src=x onerror=alert(1)>", []),
        ("Paste <h1>a heading</h1> here", ["paste", "a", "heading", "here"]),
        ("print(2) and f(x, y)", ["print", "and", "f"]),
        ("Churn is <b>30%</b> a year.", ["churn", "is", "30", "a", "year"]),
        ("Churn is 30% a year (survey of 200 customers).", ["churn", "is", "30", "a", "year", "survey", "of", "200",
                                                              "customers"]),
        ("costs < 5 and revenue > 10", ["costs", "5", "and", "revenue", "10"]),
    ],
)
def test_code_and_markup_are_not_words_of_prose(text, expected):
    assert words(text) == expected


def test_digits_in_code_or_markup_are_not_numbers():
    pasted = words("Try <script>alert(1)</script>, <h1>Title</h1> or onerror=alert(2)")
    assert find_terms(["#number"], pasted) == {}
    assert find_terms(["#number"], words("Churn fell 3 points (source: survey).")) == {"3": 1}


@given(st.text(alphabet=st.sampled_from("ab1 2<>/()=.,'-"), max_size=60))
def test_word_spans_and_words_agree(text):
    assert [text[start:end].lower() for start, end in word_spans(text)] == words(text)


@pytest.mark.parametrize(
    ("value", "largest", "expected"),
    [(950, "T", "950"), (1500, "T", "1.5k"), (-2e6, "T", "-2M"), (3e12, "T", "3T"), (3e12, "B", "3000B")],
)
def test_format_compact_shortens_big_numbers_up_to_the_largest_suffix(value, largest, expected):
    assert format_compact(value, largest=largest) == expected
