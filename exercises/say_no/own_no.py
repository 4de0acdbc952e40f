"""The learner's own no: one sentence, written for a request, kept with the role-play's saved work.

:func:`check_own_no` refuses an empty answer or more than one sentence (with a message saying
why), and otherwise gives hints from the word lists in the data file (:class:`.OwnNoRules`): does
a decision word come first, is there a hedge, is the sentence long. The hints look at words, not
meaning, and say so. Sentences and words are the kit's (:mod:`exercises.kit.text`).
"""

from __future__ import annotations

from typing import Any

from ..kit import render
from ..kit.frozen import Frozen
from ..kit.text import clean_text, escape_markdown, phrase_spans, sentences, word_spans, words
from .scenarios import OwnNoRules, Scenario

MAX_OWN_NO_CHARS = 600
BARE_WORDS = 3  # "No.", "Not this sprint.": clear, with nothing else in the sentence
LABEL = "Your own no"


class OwnNo(Frozen):
    """A learner's one-sentence no to one request, with hints (not a score)."""

    scenario: Scenario
    text: str
    word_count: int
    decision_first: bool
    hedges: tuple[str, ...]
    hints: tuple[str, ...]
    limits: str

    def summary(self) -> str:
        return "\n".join([f"{self.scenario.title}: {self.text}", *(f"- {hint}" for hint in self.hints)])

    def as_dict(self) -> dict[str, Any]:
        return {"scenario": self.scenario.id, "text": self.text, "words": self.word_count,
                "decision_first": self.decision_first, "hedges": list(self.hedges), "hints": list(self.hints)}

    def markdown(self) -> str:
        return f"- **{escape_markdown(self.scenario.title)}:** {escape_markdown(self.text)}"

    def _repr_html_(self) -> str:
        kept = render.notice("ok", f"\u201c{self.text}\u201d", title="Your no is kept; Save my work saves it")
        hints = render.notice("info", "\n".join(f"\u2022 {hint}" for hint in self.hints), title="Hints")
        return kept + hints + render.notice("info", self.limits, title="What the hints cannot judge")


def _decision_first(text: str, rules: OwnNoRules) -> bool:
    """True if a decision word or phrase starts within the first ``rules.first_words`` words."""
    starts = [start for start, _ in word_spans(text)]
    if not starts:
        return False
    limit = starts[min(rules.first_words, len(starts)) - 1]
    return any(start <= limit for spans in phrase_spans(text, rules.decision_words).values() for start, _ in spans)


def check_own_no(text: object, scenario: Scenario, rules: OwnNoRules) -> OwnNo:
    """Check a learner's own no: one sentence with words in it, or a ``ValueError`` saying what to change."""
    if text is None or not str(text).strip():
        raise ValueError(f"{LABEL} is empty. Write one sentence that starts with your decision, such as "
                         "\u201cNot by Friday, but \u2026\u201d.")
    note = clean_text(text, LABEL, max_chars=MAX_OWN_NO_CHARS)
    count = len(words(note))
    if not count:
        raise ValueError(f"{LABEL}: write words, not only punctuation. Start with your decision, such as "
                         "\u201cNot by Friday, but \u2026\u201d.")
    parts = len(sentences(note))
    if parts > 1:
        raise ValueError(f"{LABEL}: that is {parts} sentences. Keep your no to one: lead with the decision, and keep "
                         "the reasons for the conversation that follows.")
    first = _decision_first(note, rules)
    hedges = tuple(note[spans[0][0]:spans[0][1]] for spans in phrase_spans(note, rules.hedges).values())
    hints = [
        "Your decision comes first." if first else
        f"No decision word (such as \u201cno\u201d, \u201cnot\u201d or \u201cyes\u201d) in your first "
        f"{rules.first_words} words. Could the decision come first, with the reason after it?"
    ]
    hints += [f"\u201c{hedge}\u201d leaves the door half open. If the answer is no, say no." for hedge in hedges]
    if count <= BARE_WORDS:
        hints.append("A bare answer is clear. Could the same sentence name their goal, your reason or an alternative?")
    if count > rules.max_words:
        hints.append(f"{count} words is a long sentence for a no. Could you cut it to the decision and the one reason "
                     "that matters most to this person?")
    return OwnNo(scenario, note, count, first, hedges, tuple(hints), rules.limits)
