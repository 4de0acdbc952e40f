"""The audience translator's pure layer: how well does a message suit its audience?

:func:`count_syllables` and :func:`readability` measure a text; :func:`check_message` checks a
message for one audience of the :mod:`.scenario` (jargon, concerns, reading level, length);
:func:`message_markdown` writes it for Save my work. Words, sentences and term matching
(``"cost*"``, ``#number``, ``#date``) are the kit's: :mod:`exercises.kit.text`.

The reading level is the Flesch-Kincaid grade::

    grade = 0.39 * (words / sentences) + 11.8 * (syllables / words) - 15.59

with syllables estimated by counting groups of vowels. It is a rough guide
for English prose only: see :func:`count_syllables` and :func:`readability`.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from ..kit import render
from ..kit.frozen import Frozen
from ..kit.text import clean_text, escape_markdown, find_terms, is_written, sentences, words
from .scenario import Audience, Scenario, audience_scenario

__all__ = [
    "HEAVY_JARGON_PER_100_WORDS", "MAX_MESSAGE_CHARS", "ConcernCheck", "MessageCheck", "Readability",
    "check_message", "count_syllables", "message_markdown", "readability",
]

MAX_MESSAGE_CHARS = 5_000
HEAVY_JARGON_PER_100_WORDS = 2.0  # above this, roughly one unfamiliar term in every other sentence

_VOWEL_GROUPS = re.compile(r"[aeiouy]+")


def count_syllables(word: str) -> int:
    """Estimate the syllables in an English word: groups of vowels, less a silent final e.

    A heuristic, right for most everyday words and off by one for some
    ("created" gives 2, not 3). Words without English vowels, such as numbers
    or words in other scripts, count as one syllable.
    """
    word = word.lower().strip("'-")
    groups = len(_VOWEL_GROUPS.findall(word))
    if word.endswith("e") and not word.endswith(("le", "ee", "ye")) and groups > 1:
        groups -= 1
    return max(1, groups)


class Readability(Frozen):
    """Counts and the Flesch-Kincaid grade of a text."""

    words: int
    sentences: int
    syllables: int
    grade: float | None  # None for a text without words


def readability(text: str) -> Readability:
    """Flesch-Kincaid grade: ``0.39 * words/sentences + 11.8 * syllables/words - 15.59``.

    Words and sentences are the kit's (:func:`exercises.kit.text.sentences`): a sentence
    ends at ``.``, ``!`` or ``?`` followed by a space, or at a line break, and only
    sentences with a word count. Limits: it is calibrated for English prose;
    abbreviations such as "e.g." add sentences, and it says nothing about whether the
    reader knows the words. The grade is clipped at 0 below.
    """
    text_words = words(text)
    if not text_words:
        return Readability(0, 0, 0, None)
    sentence_count = max(1, sum(1 for sentence in sentences(text) if words(sentence)))
    syllables = sum(count_syllables(w) for w in text_words)
    grade = 0.39 * len(text_words) / sentence_count + 11.8 * syllables / len(text_words) - 15.59
    return Readability(len(text_words), sentence_count, syllables, round(max(0.0, grade), 1))


# ---- checking a message ---------------------------------------------------------------------


class ConcernCheck(Frozen):
    label: str
    matched: tuple[str, ...]

    @property
    def addressed(self) -> bool:
        return bool(self.matched)


class MessageCheck(Frozen):
    """How well a message suits its audience."""

    audience: Audience
    reading: Readability
    jargon: dict[str, int]
    concerns: tuple[ConcernCheck, ...]

    @property
    def jargon_count(self) -> int:
        return sum(self.jargon.values())

    @property
    def jargon_per_100_words(self) -> float:
        return round(100 * self.jargon_count / self.reading.words, 1) if self.reading.words else 0.0

    @property
    def concerns_addressed(self) -> int:
        return sum(c.addressed for c in self.concerns)

    def findings(self) -> list[tuple[str, str, str]]:
        """(kind, title, message) for each check, kind being ok, warn or error."""
        a, r = self.audience, self.reading
        found = []
        if self.jargon_count == 0:
            found.append(("ok", "Jargon", f"none of the terms this audience may not know ({r.words} words)."))
        else:
            terms = ", ".join(f"{t} \u00d7{n}" for t, n in self.jargon.items())
            kind = "error" if self.jargon_per_100_words > HEAVY_JARGON_PER_100_WORDS else "warn"
            found.append((kind, "Jargon", (
                f"{self.jargon_count} term(s) this audience may not know, {self.jargon_per_100_words:g} per 100 words: "
                f"{terms}. Replace them, or explain each in a few plain words."
            )))
        for concern in self.concerns:
            if concern.addressed:
                found.append(("ok", concern.label, "addressed (spotted: " + ", ".join(concern.matched) + ")."))
            else:
                found.append(("warn", concern.label, "not addressed yet; this audience will look for it."))
        if r.grade is not None and r.grade > a.target_grade:
            found.append(("warn", "Reading level", (
                f"grade {r.grade:g}, above the target of {a.target_grade:g} for this audience. "
                "Use shorter sentences and shorter words."
            )))
        else:
            found.append(("ok", "Reading level", f"grade {r.grade:g}, within the target of {a.target_grade:g}."))
        if r.words > a.max_words:
            found.append(("warn", "Length", f"{r.words} words; this audience reads about {a.max_words} at most."))
        else:
            found.append(("ok", "Length", f"{r.words} words, within about {a.max_words}."))
        return found

    def summary(self) -> str:
        r = self.reading
        lines = [
            f"Audience: {self.audience.label}",
            f"Words: {r.words}, sentences: {r.sentences}, "
            f"reading grade: {r.grade:g} (target {self.audience.target_grade:g})",
            f"Jargon: {self.jargon_count} term(s), {self.jargon_per_100_words:g} per 100 words",
            f"Concerns addressed: {self.concerns_addressed} of {len(self.concerns)}",
        ]
        return "\n".join(lines + [f"- {title}: {message}" for _kind, title, message in self.findings()])

    def as_dict(self) -> dict[str, Any]:
        r = self.reading
        return {
            "audience": self.audience.key,
            "words": r.words,
            "sentences": r.sentences,
            "syllables": r.syllables,
            "reading_grade": r.grade,
            "target_grade": self.audience.target_grade,
            "jargon": dict(self.jargon),
            "jargon_per_100_words": self.jargon_per_100_words,
            "concerns": {c.label: list(c.matched) for c in self.concerns},
            "concerns_addressed": self.concerns_addressed,
            "concerns_total": len(self.concerns),
        }

    def _repr_html_(self) -> str:
        head = (
            f"<p><strong>{render.escape(self.audience.label)}</strong>: {self.concerns_addressed} of "
            f"{len(self.concerns)} concerns addressed, reading grade {render.escape(f'{self.reading.grade:g}')}, "
            f"{self.jargon_count} jargon term(s).</p>"
        )
        return head + "".join(render.notice(kind, message, title=title) for kind, title, message in self.findings())


def check_message(audience_key: str, text: object, scenario: Scenario | None = None) -> MessageCheck:
    """Check ``text`` written for ``audience_key``; ``ValueError`` if it is empty, too long or the audience unknown."""
    scenario = scenario or audience_scenario()
    if audience_key not in scenario.audiences:
        raise ValueError(f"Choose one of the audiences: {', '.join(a.label for a in scenario.audiences.values())}.")
    message = clean_text(text, "Your message", max_chars=MAX_MESSAGE_CHARS, required=True)
    message_words = words(message)
    if not message_words:
        raise ValueError("Your message: it has no words yet; write a sentence or two.")
    audience = scenario.audiences[audience_key]
    concerns = tuple(
        ConcernCheck(c.label, tuple(find_terms(c.keywords, message_words))) for c in audience.concerns
    )
    return MessageCheck(audience, readability(message), find_terms(audience.jargon, message_words), concerns)


def message_markdown(audience: Audience, text: str, check: MessageCheck | None) -> str:
    """The learner's message and its feedback as safe Markdown for Save my work."""
    quoted = "\n".join(f"> {escape_markdown(line)}" if line.strip() else ">" for line in text.splitlines())
    lines = [f"## My message for: {escape_markdown(audience.label)}", "", quoted or "> (empty)", ""]
    if check is not None:
        lines += [f"- {escape_markdown(title)}: {escape_markdown(message)}" for _k, title, message in check.findings()]
    return "\n".join(lines)


def attempt_complete(record: Mapping[str, Any]) -> bool:
    """Complete when at least one message is sorted or a message of the learner's own is written."""
    inputs = record["inputs"]
    return any(choice is not None for choice in inputs.get("sort", {}).values()) or is_written(inputs.get("message"))
