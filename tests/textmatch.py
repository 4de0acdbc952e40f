"""Text matching for the edition and pack tests: compare words, not markup."""

from __future__ import annotations

import html
import re


def normalise(text: str) -> str:
    """Lower-case words only: markup, entities, JSON escapes and punctuation become single spaces."""
    # Ordered-list numbers are drawn by CSS in HTML, so they are not words of the text.
    text = re.sub(r"(?m)(?:^|\\n)[ \t]*\d+[.)][ \t]+", " ", text)
    text = text.replace("\\n", " ").replace("\\u2019", "'")
    text = html.unescape(re.sub(r"<[^<>]*>", " ", text))
    return " ".join(re.sub(r"[\W_]+", " ", text.lower()).split())
