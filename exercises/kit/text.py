"""Learner text: clean it, split it into words and sentences, and escape it for Markdown.

One definition of a word and one of a sentence serve every exercise.
"""

from __future__ import annotations

import re

MAX_TEXT_CHARS = 5_000

# A word: letters or digits, with inner apostrophes, hyphens and decimal points ("don't", "3.5", "e-mail").
_WORD = re.compile(r"[^\W_]+(?:(?:['\u2019-]|(?<=\d)[.,](?=\d))[^\W_]+)*")
# A sentence ends at . ! or ? followed by a space or the end, or at a blank line or line break.
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+|\n+")
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]|#])")


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


def words(text: str) -> list[str]:
    """The words of ``text``, lower-cased, with curly apostrophes made straight."""
    return [word.replace("\u2019", "'") for word in _WORD.findall(text.lower())]


def word_spans(text: str) -> list[tuple[int, int]]:
    """Where each word of ``text`` starts and ends (for highlighting)."""
    return [match.span() for match in _WORD.finditer(text)]


def sentences(text: str) -> list[str]:
    """The non-empty sentences of ``text``, stripped."""
    return [part.strip() for part in _SENTENCE_END.split(text.strip()) if part.strip()]


def escape_markdown(text: str) -> str:
    """Escape learner text so Markdown viewers show it literally (no HTML, no table breaks)."""
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return _MARKDOWN_SPECIAL.sub(r"\\\1", text)
