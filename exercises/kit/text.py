"""Learner text: clean it, split it into words and sentences, find terms in it, and escape it for Markdown.

One definition of a word and one of a sentence serve every exercise.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from itertools import pairwise

MAX_TEXT_CHARS = 5_000

# A word: letters or digits, with inner apostrophes, hyphens and decimal points ("don't", "3.5", "e-mail").
_WORD = re.compile(r"[^\W_]+(?:(?:['\u2019-]|(?<=\d)[.,](?=\d))[^\W_]+)*")
# A sentence ends at . ! or ? followed by a space or the end, or at a blank line or line break.
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+|\n+")
# Code and markup pasted into prose are not words of it: an HTML tag ("<h1>", "<img src=x>") and the
# argument list of a call written straight after a name ("alert(1)", "f(x, y)"), so "1" states no number.
# Prose puts a space before "(" and after "<" in a comparison, so "(survey of 200)" and "< 5" stay prose.
_CODE_OR_MARKUP = re.compile(r"</?[A-Za-z][^<>]*>|(?<=[^\W_])\([^()]*\)")
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]|#])")
_WHITE_SPACE = re.compile(r"\s+")


def clean_text(raw: object, label: str, *, max_chars: int = MAX_TEXT_CHARS, required: bool = False) -> str:
    """Return ``raw`` as stripped text, rejecting over-long (or missing, if ``required``) input.

    The text is *not* escaped here: escaping belongs to whatever renders it.
    """
    text = "" if raw is None else str(raw).strip()
    if required and not text:
        raise ValueError(f"{label}: this field is empty; write something first.")
    if len(text) > max_chars:
        raise ValueError(f"{label}: {len(text):,} characters is too long; keep it under {max_chars:,}.")
    return text


def _prose(text: str) -> str:
    """``text`` with code and markup blanked out, character for character, so word positions stay valid."""
    return _CODE_OR_MARKUP.sub(lambda match: " " * len(match.group()), text)


def words(text: str) -> list[str]:
    """The words of ``text``, lower-cased, with curly apostrophes made straight.

    Code and markup pasted into the text are skipped: HTML tags, and the arguments of a call
    such as ``alert(1)`` (so its ``1`` is not a number anyone stated).
    """
    return [word.replace("\u2019", "'") for word in _WORD.findall(_prose(text).lower())]


def word_spans(text: str) -> list[tuple[int, int]]:
    """Where each word of ``text`` starts and ends (for highlighting); the same words as :func:`words`."""
    return [match.span() for match in _WORD.finditer(_prose(text))]


def sentences(text: str) -> list[str]:
    """The non-empty sentences of ``text``, stripped."""
    return [part.strip() for part in _SENTENCE_END.split(text.strip()) if part.strip()]


def escape_markdown(text: str) -> str:
    """Escape learner text so Markdown viewers show it literally (no HTML, no table breaks)."""
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return _MARKDOWN_SPECIAL.sub(r"\\\1", text)


# ---- finding terms in a text's words -----------------------------------------------------------

_MONTHS = frozenset((
    "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
    "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
))
_WEEKDAYS = frozenset(("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"))
_DATE_LIKE = re.compile(r"^(\d{1,2}[/.]\d{1,2}([/.]\d{2,4})?|q[1-4]|\d{4}-\d{2}(-\d{2})?)$")


def _special_term_matches(term: str, word: str) -> bool:
    if term == "#number":
        return any(ch.isdigit() for ch in word)
    if term == "#date":
        return word in _MONTHS or word in _WEEKDAYS or bool(_DATE_LIKE.match(word))
    return False


def _term_length_at(term: str, text_words: Sequence[str], start: int) -> int:
    """How many words ``term`` covers at ``start`` (0 when it does not match there)."""
    if term.startswith("#"):
        return int(_special_term_matches(term, text_words[start]))
    parts = term.lower().split()
    if start + len(parts) > len(text_words):
        return 0
    for part, word in zip(parts, text_words[start:start + len(parts)], strict=False):
        if part.endswith("*"):
            if not word.startswith(part[:-1]):
                return 0
        elif word != part:
            return 0
    return len(parts)


def find_terms(terms: Sequence[str], text_words: Sequence[str]) -> dict[str, int]:
    """The words in ``text_words`` (from :func:`words`) that match any of ``terms``, with counts.

    A term is a word or phrase; a trailing ``*`` on a word matches any ending
    ("cost*" matches "costs"). ``#number`` matches any word with a digit and
    ``#date`` a month, weekday, quarter (q3) or date such as 5/6. Matches do
    not overlap: at each position the longest term wins, so "polling" counts
    once even if both "polling" and "poll*" are terms.
    """
    ordered = sorted(terms, key=lambda t: -len(t.split()))
    counts: dict[str, int] = {}
    index = 0
    while index < len(text_words):
        length = next((n for n in (_term_length_at(t, text_words, index) for t in ordered) if n), 0)
        if length:
            found = " ".join(text_words[index:index + length])
            counts[found] = counts.get(found, 0) + 1
        index += max(1, length)
    return counts
def phrase_spans(text: str, phrases: Iterable[str]) -> dict[str, list[tuple[int, int]]]:
    """Where each phrase (one or more words) occurs in ``text`` as whole words, ignoring case.

    Between a phrase's words, ``text`` must have what the phrase has, any run of white space
    matching any other: "not good enough" matches "NOT  good\\nenough" but not "not good, enough",
    and "ci/cd" matches "CI/CD". The result maps each phrase found, in the order given, to
    the ``(start, end)`` of every match.
    """
    spans = word_spans(text)
    text_words = [text[start:end].lower().replace("\u2019", "'") for start, end in spans]
    text_gaps = [_gap(text[end:start]) for (_, end), (start, _) in pairwise(spans)]
    positions: dict[str, list[int]] = {}
    for index, word in enumerate(text_words):
        positions.setdefault(word, []).append(index)
    found: dict[str, list[tuple[int, int]]] = {}
    for phrase in phrases:
        wanted = words(phrase)
        own = word_spans(phrase)
        gaps = [_gap(phrase[end:start]) for (_, end), (start, _) in pairwise(own)]
        size = len(wanted)
        for first in positions.get(wanted[0], []) if wanted else []:
            if text_words[first:first + size] == wanted and text_gaps[first:first + size - 1] == gaps:
                found.setdefault(phrase, []).append((spans[first][0], spans[first + size - 1][1]))
    return found


def _gap(between: str) -> str:
    return _WHITE_SPACE.sub(" ", between)


def is_written(value: object) -> bool:
    """True when ``value`` is text with something other than white space (an answer was written)."""
    return isinstance(value, str) and bool(value.strip())


def answer_markdown(heading: str, text: str) -> str:
    """A written answer as a Markdown section for the saved file: the heading, then the text escaped."""
    return f"## {heading}\n\n{escape_markdown(text) if text else '(not written)'}\n"


def clean_texts(texts: Mapping[str, object], fields: Iterable[tuple[str, str]], *, max_chars: int) -> tuple[str, ...]:
    """Each field's text cleaned with :func:`clean_text`, in the order of ``fields`` ((id, label) pairs).

    A field missing from ``texts`` counts as empty. One ``ValueError`` lists every field's problem.
    """
    problems, cleaned = [], []
    for field_id, label in fields:
        try:
            cleaned.append(clean_text(texts.get(field_id, ""), label, max_chars=max_chars))
        except ValueError as error:
            problems.append(str(error))
            cleaned.append("")
    if problems:
        raise ValueError("\n".join(problems))
    return tuple(cleaned)
