import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from exercises.kit.numbers import format_number, parse_number
from exercises.kit.text import clean_text


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
