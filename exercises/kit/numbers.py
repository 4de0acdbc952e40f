"""Parse and format the numbers learners type, with a clear ``ValueError`` for bad input."""

from __future__ import annotations

import math
import re

# Learners paste numbers like "$1,200" or "12 000"; these characters carry no value.
_NUMBER_NOISE = re.compile(r"[\s,_$€£¥]")


def format_number(value: float) -> str:
    """Format a number the way the widgets echo it back: 1200, 12.5, 1e+15, nan."""
    if not math.isfinite(value):
        return str(value)
    if value == int(value) and abs(value) < 1e15:
        return str(int(value))
    return f"{value:.6g}"


def parse_number(
    raw: object,
    label: str,
    *,
    minimum: float = 0.0,
    maximum: float = 1e12,
    allow_minimum: bool = True,
    whole: bool = False,
) -> float:
    """Parse ``raw`` as a finite number within ``[minimum, maximum]``.

    ``label`` names the field in the error message. ``allow_minimum=False``
    makes the minimum itself invalid (for example a price of zero). ``whole``
    requires a whole number (people, customers).
    """
    if isinstance(raw, bool):
        raise ValueError(f"{label}: enter a number, not a yes/no value.")
    if isinstance(raw, (int, float)):
        value = float(raw)
    else:
        text = _NUMBER_NOISE.sub("", str(raw))
        if not text:
            raise ValueError(f"{label}: this field is empty; enter a number.")
        try:
            value = float(text)
        except ValueError:
            shown = str(raw).strip()
            if len(shown) > 30:
                shown = shown[:27] + "..."
            raise ValueError(
                f"{label}: \u201c{shown}\u201d is not a number; enter digits only, such as 1200."
            ) from None
    if math.isnan(value):
        raise ValueError(f"{label}: NaN (not a number) cannot be used; enter a real number.")
    if math.isinf(value):
        raise ValueError(f"{label}: infinity cannot be used; enter a finite number.")
    if value < minimum or (value == minimum and not allow_minimum):
        relation = "at least" if allow_minimum else "more than"
        if minimum == 0 and allow_minimum:
            raise ValueError(f"{label}: cannot be negative.")
        raise ValueError(f"{label}: must be {relation} {format_number(minimum)}.")
    if value > maximum:
        raise ValueError(f"{label}: {format_number(value)} is unrealistically large; the limit is {maximum:,.0f}.")
    if whole and value != int(value):
        raise ValueError(f"{label}: must be a whole number, not {format_number(value)}.")
    return value


def format_money(amount: float) -> str:
    """1234.5 -> '1,234.50'; whole amounts drop the cents (2000 -> '2,000'). No currency: courses use any."""
    if abs(amount) >= 1e15 or amount == round(amount):
        return f"{amount:,.0f}"
    return f"{amount:,.2f}"


_COMPACT_SUFFIXES = ((1e12, "T"), (1e9, "B"), (1e6, "M"), (1e3, "k"))


def format_compact(value: float, *, largest: str = "T") -> str:
    """1500 -> '1.5k', 2e6 -> '2M', 3e12 -> '3T': short labels; ``largest`` is the biggest suffix used."""
    suffixes = [suffix for _, suffix in _COMPACT_SUFFIXES]
    for threshold, suffix in _COMPACT_SUFFIXES[suffixes.index(largest):]:
        if abs(value) >= threshold:
            return f"{value / threshold:g}{suffix}"
    return f"{value:g}"
