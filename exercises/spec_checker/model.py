"""The spec checker's pure layer: a one-page spec, section by section, checked before the team reads it.

The sections and word lists live in ``exercises/data/spec_rules.json`` (:mod:`.rules`). Words are
:func:`exercises.kit.text.words`; listed words and phrases match whole words, ignoring case
(:func:`exercises.kit.text.phrase_spans`). The checks, each applied to the sections the rules name:

1. **missing**: a required section is empty.
2. **too long**: a section has more words than its share of one page.
3. **solution first** (problem section): a listed solution phrase ("build a", "a dashboard") comes
   before any listed sign of a problem ("today", "cannot", "forget"), or there is no such sign at all.
4. **untestable** (acceptance criteria): a criterion names nothing a person could observe (an outcome
   word such as "then", "shows", "receives"), or has neither a number nor a condition ("given",
   "when", "within", "at most"). A number is any word with a digit, or a listed number word.
5. **story shape** (user stories): a story lacks its who ("As a"), what ("I want") or why ("so that").
6. **vague**: a listed vague word ("fast", "easy", "intuitive", "everyone"), once per word per section.

Criteria and stories are one per line; leading bullets and numbers are ignored. A criterion that
starts with "Given" may continue on lines that start with "When", "Then", "And" or "But".
"""

from __future__ import annotations

import re
import textwrap
from collections.abc import Mapping
from functools import cache
from typing import Any

from ..kit import render
from ..kit.frozen import Frozen
from ..kit.text import clean_text, clean_texts, phrase_spans, sentences, words
from .rules import (
    RULES_FILE,
    SCENARIOS_FILE,
    Scenario,
    Section,
    SpecRules,
    StoryPart,
    VagueGroup,
    parse_spec_rules,
    parse_spec_scenarios,
    scenario,
    spec_rules,
    spec_scenarios,
)

__all__ = [
    "CONDITION_GAP", "KINDS", "MAX_SECTION_CHARS", "MUST_FIX", "OBSERVABLE_GAP", "RULES_FILE", "SCENARIOS_FILE",
    "Flag", "FlagChart", "Scenario", "Section", "SpecCheck", "SpecRules", "StoryPart", "VagueGroup", "check_section",
    "check_spec", "criterion_gaps", "describe_limits", "find_phrases", "items", "parse_spec_rules",
    "parse_spec_scenarios", "scenario", "spec_rules", "spec_scenarios",
]

MAX_SECTION_CHARS = 4_000
EXCERPT_CHARS = 140
KINDS = ("missing", "solution first", "untestable", "story shape", "vague", "too long")
MUST_FIX = frozenset({"missing", "solution first", "untestable"})
OBSERVABLE_GAP = "nothing anyone could observe"
CONDITION_GAP = "no number or condition"
_GAP_ADVICE = {
    OBSERVABLE_GAP: "say what a person sees, receives or can check afterwards (\u201cthen \u2026 shows \u2026\u201d)",
    CONDITION_GAP: "say when it applies (\u201cgiven \u2026, when \u2026\u201d) or how much, with a number",
}
Spans = list[tuple[int, int]]  # (start, end) of each match in a text
Found = Mapping[str, Spans]  # phrase -> where it occurs, from find_phrases
_BULLET = re.compile(r"^\s*(?:[-*\u2022\u2013]|\d{1,2}[.)])\s+")


class Flag(Frozen):
    """One thing to fix before the spec goes to design and engineering."""

    section_id: str
    section_label: str
    kind: str  # one of KINDS
    message: str
    excerpt: str = ""  # the sentence, story or criterion the flag is about
    words: str = ""  # the words that raised it, as the learner wrote them (vague words, a solution phrase)

    @property
    def must_fix(self) -> bool:
        return self.kind in MUST_FIX


class FlagChart(Frozen):
    """What the chart shows: each section's label, how many flags it has, and whether any must be fixed."""

    labels: tuple[str, ...]
    counts: tuple[int, ...]
    must_fix: tuple[bool, ...]

    @property
    def total(self) -> int:
        return sum(self.counts)


class SpecCheck(Frozen):
    """A checked spec: the texts, word counts, every flag, and where the vague words are (for highlighting)."""

    rules: SpecRules
    scenario: Scenario | None
    texts: tuple[str, ...]  # in the order of rules.sections
    word_counts: tuple[int, ...]
    flags: tuple[Flag, ...]
    vague_spans: tuple[tuple[tuple[int, int], ...], ...]  # per section, sorted

    @property
    def written(self) -> int:
        return sum(bool(text) for text in self.texts)

    def count(self, kind: str) -> int:
        return sum(flag.kind == kind for flag in self.flags)

    @property
    def ready(self) -> bool:
        """Nothing that must be fixed: every section there, the problem first, every criterion testable."""
        return not any(flag.must_fix for flag in self.flags)

    @property
    def chart(self) -> FlagChart:
        sections = self.rules.sections
        return FlagChart(
            tuple(s.label for s in sections),
            tuple(sum(f.section_id == s.id for f in self.flags) for s in sections),
            tuple(any(f.section_id == s.id and f.must_fix for f in self.flags) for s in sections),
        )

    def text(self, section_id: str) -> str:
        return self.texts[self.rules.section_ids.index(section_id)]

    def _counts_line(self) -> str:
        found = ", ".join(f"{self.count(k)} {k}" for k in KINDS if self.count(k))
        return f"Flags: {len(self.flags)}" + (f" ({found})" if found else "")

    def overview(self) -> str:
        """The flag counts, then one line per flag: the section, the kind, and the words that raised it
        (or the story or criterion it is about)."""
        lines = [self._counts_line()]
        lines += [f"- {f.section_label}: {f.kind}" + (f": \u201c{f.words or f.excerpt}\u201d" if f.excerpt else "")
                  for f in self.flags]
        return "\n".join(lines)

    def summary(self) -> str:
        lines = [f"Sections written: {self.written} of {len(self.texts)}", self._counts_line()]
        lines += [f"- {flag.section_label}: {flag.kind}: {flag.message}" for flag in self.flags]
        return "\n".join(lines)

    def as_dict(self) -> dict[str, Any]:
        return {
            "scenario": self.scenario.id if self.scenario else None,
            "sections_written": self.written,
            "sections_total": len(self.texts),
            "ready": self.ready,
            "word_counts": {s.id: n for s, n in zip(self.rules.sections, self.word_counts, strict=True)},
            "flags_per_section": {s.id: n for s, n in zip(self.rules.sections, self.chart.counts, strict=True)},
            "flags": [
                {"section": f.section_id, "kind": f.kind, "message": f.message, "excerpt": f.excerpt, "words": f.words}
                for f in self.flags
            ],
        }

    def _repr_html_(self) -> str:
        if not self.flags:
            return render.notice("ok", "Every section is there, the problem comes first, every criterion can be "
                                 "tested and no listed vague word is left. Now talk it through with design and "
                                 "engineering.", title="No flags")
        title = "Ready to discuss, with words to sharpen" if self.ready else "Not ready yet"
        head = render.notice("warn" if self.ready else "error", self._counts_line(), title=title)
        rows = [
            render.notice("error" if f.must_fix else "warn",
                          f.message + (f"\n\u201c{f.excerpt}\u201d" if f.excerpt else ""),
                          title=f"{f.section_label}: {f.kind}")
            for f in self.flags
        ]
        return head + "".join(rows)


# ---- splitting a section into stories or criteria --------------------------------------------


@cache
def _words_of(phrase: str) -> frozenset[str]:
    return frozenset(words(phrase))


def find_phrases(text: str, phrases: tuple[str, ...]) -> dict[str, Spans]:
    """:func:`exercises.kit.text.phrase_spans`, given only the phrases whose every word is in ``text``.

    The word lists are long and a spec's sections short: skipping the phrases that cannot match
    makes a whole check several times faster.
    """
    present = set(words(text))
    candidates = [phrase for phrase in phrases if _words_of(phrase) <= present]
    return phrase_spans(text, candidates) if candidates else {}


def _listed(found: Found, phrases: tuple[str, ...]) -> dict[str, Spans]:
    """The matches in ``found`` (from :func:`find_phrases`) of the phrases on one list."""
    return {phrase: found[phrase] for phrase in phrases if phrase in found}


def _starts_with(line: str, phrases: tuple[str, ...]) -> bool:
    first = words(line)[:1]
    return bool(first) and first[0] in phrases


def items(text: str, rules: SpecRules | None = None, *, steps: bool = False) -> list[str]:
    """The stories or criteria in a section: one per line, bullets removed.

    With ``steps``, a line starting with a continuing word ("When", "Then", "And", "But") joins the
    item above it when that item started with an opening word ("Given").
    """
    rules = rules or spec_rules()
    found: list[str] = []
    for raw_line in text.splitlines():
        line = _BULLET.sub("", raw_line).strip()
        if not line:
            continue
        if steps and found and _starts_with(found[-1], rules.step_opens) and _starts_with(line, rules.step_continues):
            found[-1] = f"{found[-1]} {line}"
        else:
            found.append(line)
    return found


def criterion_gaps(criterion: str, rules: SpecRules | None = None) -> list[str]:
    """What keeps a criterion from being testable: no observable outcome, no number or condition (or neither)."""
    rules = rules or spec_rules()
    found = find_phrases(criterion, rules.all_phrases)
    gaps = []
    if not _listed(found, rules.outcome_words):
        gaps.append(OBSERVABLE_GAP)
    has_number = any(ch.isdigit() for word in words(criterion) for ch in word)
    if not (has_number or _listed(found, rules.number_words) or _listed(found, rules.condition_words)):
        gaps.append(CONDITION_GAP)
    return gaps


def _either(labels: list[str]) -> str:
    """"who", "who or why", "who, what or why"."""
    return labels[0] if len(labels) == 1 else f"{', '.join(labels[:-1])} or {labels[-1]}"


def _excerpt(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= EXCERPT_CHARS else text[: EXCERPT_CHARS - 1] + "\u2026"


def _sentence_at(text: str, offset: int) -> str:
    """The sentence of ``text`` that holds the character at ``offset``."""
    cursor = 0
    for sentence in sentences(text):
        start = text.find(sentence, cursor)
        if start <= offset < start + len(sentence):
            return sentence
        cursor = start + len(sentence)
    return text


# ---- the checks --------------------------------------------------------------------------------


def _vague_flags(section: Section, text: str, rules: SpecRules, found: Found) -> tuple[list[Flag], Spans]:
    # A vague word inside a stated condition ("most" in "at most 3") is part of a precise statement.
    conditions = [span for spans in _listed(found, rules.condition_words).values() for span in spans]
    vague = {}
    for phrase, where in _listed(found, rules.vague_phrases).items():
        outside = [(s, e) for s, e in where if not any(cs <= s and e <= ce for cs, ce in conditions)]
        if outside:
            vague[phrase] = outside
    flags, spans = [], []
    for phrase, where in sorted(vague.items(), key=lambda item: item[1][0][0]):
        start, end = where[0]
        times = f" ({len(where)} times)" if len(where) > 1 else ""
        flags.append(Flag(section.id, section.label, "vague",
                          f"\u201c{text[start:end]}\u201d is vague{times}. {rules.ask_for(phrase)}",
                          _excerpt(_sentence_at(text, start)), text[start:end]))
        spans += where
    return flags, spans


def _solution_first(section: Section, text: str, rules: SpecRules, found: Found) -> list[Flag]:
    solutions = _listed(found, rules.solution_phrases)
    if not solutions:
        return []
    first_solution = min(spans[0][0] for spans in solutions.values())
    problems = _listed(found, rules.problem_phrases)
    first_problem = min((spans[0][0] for spans in problems.values()), default=len(text))
    if first_solution > first_problem:
        return []
    named = next(text[s[0][0]:s[0][1]] for s in solutions.values() if s[0][0] == first_solution)
    where = "before it says what the problem is" if problems else "and never says what the problem is"
    return [Flag(section.id, section.label, "solution first",
                 f"It names a solution (\u201c{named}\u201d) {where}. Start with who struggles and what happens "
                 "today; the solution is for the whole team to find.", _excerpt(_sentence_at(text, first_solution)),
                 named)]


def _story_flags(section: Section, text: str, rules: SpecRules) -> list[Flag]:
    flags = []
    for story in items(text, rules):
        found = find_phrases(story, rules.story_phrases)
        missing = [part for part in rules.story_parts if not _listed(found, part.phrases)]
        if missing:
            labels = _either([part.label for part in missing])
            hints = " ".join(part.hint for part in missing)
            flags.append(Flag(section.id, section.label, "story shape",
                              f"This story has no {labels}. {hints}", _excerpt(story)))
    return flags


def _criterion_flags(section: Section, text: str, rules: SpecRules) -> list[Flag]:
    flags = []
    for criterion in items(text, rules, steps=True):
        gaps = criterion_gaps(criterion, rules)
        if gaps:
            advice = "; and ".join(f"{gap}: {_GAP_ADVICE[gap]}" for gap in gaps)
            flags.append(Flag(section.id, section.label, "untestable",
                              f"A tester could not check this. It has {advice}.", _excerpt(criterion)))
    return flags


def _section_flags(section: Section, text: str, rules: SpecRules) -> tuple[list[Flag], Spans]:
    if not text:
        return ([Flag(section.id, section.label, "missing", f"This section is empty. {section.prompt}")]
                if section.required else []), []
    flags: list[Flag] = []
    found = find_phrases(text, rules.all_phrases)
    if "solution-first" in section.checks:
        flags += _solution_first(section, text, rules, found)
    if "testable" in section.checks:
        flags += _criterion_flags(section, text, rules)
    if "story-shape" in section.checks:
        flags += _story_flags(section, text, rules)
    spans: Spans = []
    if "vague" in section.checks:
        vague, spans = _vague_flags(section, text, rules, found)
        flags += vague
    count = len(words(text))
    if count > section.max_words:
        flags.append(Flag(section.id, section.label, "too long",
                          f"{count} words; keep it to {section.max_words} so that the whole spec fits on one page."))
    return flags, sorted(spans)


def check_spec(texts: Mapping[str, object], *, rules: SpecRules | None = None,
               scenario: Scenario | None = None) -> SpecCheck:
    """Check a spec. ``texts`` maps section ids to what the learner wrote (a missing id counts as empty)."""
    rules = rules or spec_rules()
    unknown = sorted(str(key)[:30] for key in set(texts) - set(rules.section_ids))
    if unknown:
        raise ValueError(f"Unknown spec sections: {', '.join(unknown[:5])}.")
    cleaned = clean_texts(texts, ((s.id, s.label) for s in rules.sections), max_chars=MAX_SECTION_CHARS)
    flags: list[Flag] = []
    spans = []
    for section, text in zip(rules.sections, cleaned, strict=True):
        section_flags, section_spans = _section_flags(section, text, rules)
        flags += section_flags
        spans.append(tuple(section_spans))
    return SpecCheck(rules, scenario, cleaned, tuple(len(words(t)) for t in cleaned), tuple(flags),
                     tuple(spans))


def check_section(section_id: str, text: object, rules: SpecRules | None = None) -> tuple[Flag, ...]:
    """The flags for one section on its own (the other sections are not checked)."""
    rules = rules or spec_rules()
    if section_id not in rules.section_ids:
        raise ValueError(f"Unknown spec section: {str(section_id)[:30]}.")
    section = rules.sections[rules.section_ids.index(section_id)]
    flags, _spans = _section_flags(section, clean_text(text, section.label, max_chars=MAX_SECTION_CHARS), rules)
    return tuple(flags)


def describe_limits(rules: SpecRules | None = None, *, width: int = 72) -> str:
    """The checker's stated limits, as a numbered list in plain text, wrapped to ``width`` characters."""
    return "\n".join(
        textwrap.fill(limit, width, initial_indent=f"{n}. ", subsequent_indent="   ")
        for n, limit in enumerate((rules or spec_rules()).limits, 1)
    )


def attempt_complete(record: Mapping[str, Any]) -> bool:
    """Complete when at least one section of the spec is written."""
    return record["results"]["sections_written"] >= 1
