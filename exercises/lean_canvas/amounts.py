"""Numbers for the feasibility calculator: :func:`extract_numbers` reads them with
these patterns, case-insensitively; a number may have thousands commas, a
decimal point, a currency sign and a ``k`` for thousands ("2k" is 2000):

- willingness to pay, from *Revenue streams*: a number after "would pay",
  "willing to pay" or "willingness to pay" ("would pay up to 18"); the
  price is then looked for in the rest of the box;
- price, from *Revenue streams*: a number right after "price", "fee",
  "subscription" or "charge" ("price: 15", "subscription of $15"), with only
  punctuation or small words such as "is", "of", "at", "about", "per month"
  between them (the same holds for "variable" and "fixed" below), or a number followed by
  "per", "/", "a" or "each" and a word ("15 per month", "15/user");
- cost to serve one customer, from *Cost structure*: a number after "variable"
  or "cost to serve" ("variable: 4"), or followed by "per customer" (also user,
  club, seat, team, member, account, order, subscriber, client);
- fixed costs, from *Cost structure*: a number after "fixed" ("fixed: 2000",
  "fixed costs of 2,000"), or followed by "fixed" ("2000 fixed").

The earliest match in the box wins. Periods are not converted: write every
amount for the same period (say, a month). A minus sign written against the
amount ("-5", "-$5", "\u22125") is kept, so that the check can refuse the negative
amount instead of using its size; a dash with a space after it ("fixed - 2000")
only separates, and in a range ("5-10") the dash is not a sign.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from ..kit import render
from ..kit.frozen import Frozen
from ..kit.numbers import format_money
from .boxes import normalise_boxes

__all__ = ["NUMBER_LABELS", "PATTERNS", "SOURCE_BOX", "ExtractedNumbers", "extract_numbers"]

# The feasibility calculator's names for the numbers it takes (a test keeps them the same).
NUMBER_LABELS = {
    "willingness_to_pay": "Willingness to pay",
    "price": "Price you charge",
    "variable_cost": "Cost to serve one customer",
    "fixed_costs": "Fixed costs",
}
MAX_SCANNED_CHARS = 6_000  # a money box is searched this far, so a pasted essay cannot slow the check

_MINUS = "-\u2212\u2013"  # hyphen-minus, minus sign, en dash
_SIGN = rf"(?:(?<![\w.,])(?P<minus>[{_MINUS}])(?=[$€£¥]?\s?\d))?"  # against the amount: "-5", "-$5"
_CURRENCY_BEFORE = rf"(?:[$€£¥]\s?(?P<minus_after_sign>[{_MINUS}](?=\d))?)?"  # "$-5"
_NUMBER = r"(?<![\w.,])(?P<number>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)(?P<thousands>\s?k\b)?"
_CURRENCY_AFTER = r"(?:\s?(?:[$€£¥]|usd\b|eur\b|gbp\b|dollars?\b|euros?\b|pounds?\b))?"
_AMOUNT = _SIGN + _CURRENCY_BEFORE + _NUMBER + _CURRENCY_AFTER
_PER = r"\s*(?:/|per\b|an?\b|each\b)\s*"
_PER_CUSTOMER = _PER + r"(?:customer|user|club|seat|team|member|account|order|subscriber|client)s?\b"
# Between a keyword and its number: punctuation and a few small words ("fixed costs of 2,000").
# A dash separates only with a space after it; against the number it is a minus sign.
_AFTER_WORD = (r"\b(?:[\s:=(]|-(?=\s)|\b(?:is|are|of|at|about|around|roughly|approx|approximately|cost|costs"
               r"|per|a|an|month|monthly|week|year|yearly|user|customer)\b)*")

PATTERNS: dict[str, tuple[re.Pattern[str], ...]] = {
    "willingness_to_pay": (
        re.compile(r"\b(?:would|willing to|willingness to)\s+pay\b(?:\s+(?:up\s+to|at\s+most|as\s+much\s+as)\b)?"
                   + _AFTER_WORD + _AMOUNT, re.IGNORECASE),
    ),
    "price": (
        re.compile(r"\b(?:price[sd]?|pricing|fees?|subscriptions?|charge[sd]?)" + _AFTER_WORD + _AMOUNT, re.IGNORECASE),
        re.compile(_AMOUNT + _PER + r"[a-z]+", re.IGNORECASE),  # the whole word, so the snippet reads well
    ),
    "variable_cost": (
        re.compile(r"\b(?:variable|cost to serve)" + _AFTER_WORD + _AMOUNT, re.IGNORECASE),
        re.compile(_AMOUNT + _PER_CUSTOMER, re.IGNORECASE),
    ),
    "fixed_costs": (
        re.compile(r"\bfixed" + _AFTER_WORD + _AMOUNT, re.IGNORECASE),
        re.compile(_AMOUNT + r"\s*(?:in\s+)?fixed\b", re.IGNORECASE),
    ),
}
# Willingness to pay is read first: its amount is then no candidate for the price.
SOURCE_BOX = {
    "willingness_to_pay": "revenue_streams", "price": "revenue_streams",
    "variable_cost": "cost_structure", "fixed_costs": "cost_structure",
}


class ExtractedNumbers(Frozen):
    """Numbers found in the money boxes, and the text each came from."""

    price: float | None
    variable_cost: float | None
    fixed_costs: float | None
    found_in: dict[str, str]
    willingness_to_pay: float | None = None

    def calculator_values(self) -> dict[str, float]:
        """Keyword arguments for the feasibility calculator's ``build_calculator`` (found numbers only)."""
        return {name: value for name in SOURCE_BOX if (value := getattr(self, name)) is not None}

    @property
    def negative(self) -> tuple[str, ...]:
        """The names of the numbers written with a minus sign: no price or cost can be below zero."""
        return tuple(name for name, value in self.calculator_values().items() if value < 0)

    def negative_message(self, name: str) -> str:
        """Why the negative number ``name`` cannot be used, quoting where it came from."""
        return (
            f"{NUMBER_LABELS[name]}: {format_money(getattr(self, name))} (from \u201c{self.found_in[name]}\u201d) "
            "is below zero, and no price or cost can be. Write the amount without a minus sign; "
            "for a discount, write the price after it."
        )

    def summary(self) -> str:
        if not self.found_in:
            return "No numbers found in Revenue streams or Cost structure."
        return "\n".join(
            f"{NUMBER_LABELS[name]}: {format_money(getattr(self, name))} (from \u201c{snippet}\u201d)"
            for name, snippet in self.found_in.items()
        )

    def as_dict(self) -> dict[str, Any]:
        return {"willingness_to_pay": self.willingness_to_pay, "price": self.price,
                "variable_cost": self.variable_cost, "fixed_costs": self.fixed_costs, "found_in": dict(self.found_in)}

    def _repr_html_(self) -> str:
        return render.notice("info" if self.found_in else "warn", self.summary(), title="Numbers from the canvas")


def _first_match(text: str, patterns: tuple[re.Pattern[str], ...]) -> re.Match[str] | None:
    matches = [m for pattern in patterns if (m := pattern.search(text))]
    return min(matches, key=lambda m: m.start()) if matches else None


def _amount(match: re.Match[str]) -> tuple[float, str]:
    """The signed amount a match found, and the text it came from."""
    value = float(match.group("number").replace(",", ""))
    if match.group("thousands"):
        value *= 1000
    if match.group("minus") or match.group("minus_after_sign"):
        value = -value
    return value, " ".join(match.group(0).split())


def extract_numbers(boxes: Mapping[str, object]) -> ExtractedNumbers:
    """Willingness to pay, price, cost to serve one customer and fixed costs, read from the money boxes.

    See the module doc for how each is written.
    """
    clean = normalise_boxes(boxes)
    texts = {box: clean[box][:MAX_SCANNED_CHARS] for box in set(SOURCE_BOX.values())}
    values: dict[str, float | None] = {}
    found_in: dict[str, str] = {}
    for name, box in SOURCE_BOX.items():
        match = _first_match(texts[box], PATTERNS[name])
        values[name] = None
        if match is not None:
            values[name], found_in[name] = _amount(match)
            if name == "willingness_to_pay":  # blank it out, so that "would pay 18 a month" is not the price
                start, end = match.span()
                texts[box] = texts[box][:start] + " " * (end - start) + texts[box][end:]
    return ExtractedNumbers(values["price"], values["variable_cost"], values["fixed_costs"], found_in,
                            values["willingness_to_pay"])
