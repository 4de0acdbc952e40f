"""Part 1 of the personal plan: what would you tell a friend?

The note checker is deliberately simple and never judges: it looks for words from a list in
the data file, not for meaning. A harsh word counts as pushed back when one of the three words
before it is a negation ("you are *not* a failure"). Its notes are suggestions worded as
invitations, never scores. Words are :func:`exercises.kit.text.words`.
"""

from __future__ import annotations

from typing import Any

from ..kit import render
from ..kit.frozen import Frozen
from ..kit.text import clean_text, phrase_spans, word_spans
from .data import HarshPhrase, ReframeRules, normalise, plan_data

NEGATIONS = frozenset({"not", "no", "nothing", "hardly", "nor"})
NEGATION_WINDOW = 3  # a harsh word is pushed back when a negation is among the three words before it


class ReframeFeedback(Frozen):
    """Gentle notes on a note written to a friend. Nothing here is a score."""

    word_count: int
    harsh: tuple[HarshPhrase, ...]
    pushed_back: tuple[str, ...]
    kind_words: tuple[str, ...]
    has_next_step: bool
    notes: tuple[str, ...]

    def summary(self) -> str:
        return "\n".join([f"Words: {self.word_count}", *(f"- {note}" for note in self.notes)])

    def as_dict(self) -> dict[str, Any]:
        return {
            "word_count": self.word_count,
            "harsh_words": [h.phrase for h in self.harsh],
            "pushed_back": list(self.pushed_back),
            "kind_words": list(self.kind_words),
            "has_next_step": self.has_next_step,
            "notes": list(self.notes),
        }

    def _repr_html_(self) -> str:
        bullets = "\n".join(f"\u2022 {note}" for note in self.notes)
        return render.notice("info", bullets, title="What the checker noticed")


def _negated(note_words: list[str], index: int) -> bool:
    """True if one of the :data:`NEGATION_WINDOW` words before ``note_words[index]`` is a negation ("not", "aren't")."""
    return any(word in NEGATIONS or word.endswith("n't")
               for word in note_words[max(0, index - NEGATION_WINDOW):index])


def check_reframe(text: object, rules: ReframeRules | None = None) -> ReframeFeedback:
    """Notice harsh words, kind words, a next step and length in a note to a friend."""
    rules = rules or plan_data().reframe
    note = clean_text(text, "Your note to a friend", max_chars=rules.max_chars, required=True)
    normal = normalise(note)
    spans = word_spans(normal)
    note_words = [normal[start:end] for start, end in spans]  # the kit's words, as `normal` is already folded
    word_at = {start: index for index, (start, _) in enumerate(spans)}
    found = phrase_spans(normal, (entry.phrase for entry in rules.harsh))
    harsh, pushed_back = [], []
    for entry in rules.harsh:
        if entry.phrase not in found:
            continue
        if all(_negated(note_words, word_at[start]) for start, _ in found[entry.phrase]):
            pushed_back.append(entry.phrase)
        else:
            harsh.append(entry)
    kind = tuple(sorted(rules.kind_words.intersection(note_words)))
    has_next_step = bool(rules.next_step_words.intersection(note_words))
    notes = [
        f"\u201c{entry.phrase}\u201d sounds hard on your friend. A gentler version: {entry.gentler}." for entry in harsh
    ]
    if pushed_back:
        quoted = ", ".join(f"\u201c{p}\u201d" for p in pushed_back)
        notes.append(
            f"You argued against a harsh label ({quoted}). "
            "Saying what they are, not only what they are not, can land even better."
        )
    if len(note_words) < rules.enough_words:
        notes.append(
            f"Your note has {len(note_words)} words. Could you add one specific thing, such as something your friend "
            "did well or what the feedback showed them? Specific words are easier to believe than general comfort."
        )
    if not kind:
        notes.append("You might say that feeling low after a rejection is normal, and that they are allowed to rest.")
    if not has_next_step:
        notes.append(
            "You might suggest one small next step for when they are ready, such as asking for feedback or practising."
        )
    if not notes:
        notes.append("This reads as a kind and specific note.")
    notes.append("Now read it again as if it were written to you. You deserve the same kindness.")
    return ReframeFeedback(len(note_words), tuple(harsh), tuple(pushed_back), kind, has_next_step, tuple(notes))
