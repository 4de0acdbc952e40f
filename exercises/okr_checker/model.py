"""The OKR checker's pure layer: rule-based flags for an objective and its key results.

The rules live in ``exercises/data/okr_rules.json`` (schema beside it). Phrases are matched as whole
words, using the kit's one definition of a word. The checker states its limits (``OkrRules.limits``):
it reads wording, not meaning.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any

from ..kit import data, render
from ..kit.text import clean_text, words

__all__ = [
    "MAX_LINE_CHARS", "WHOLE_OKR", "Example", "Flag", "OkrCheck", "OkrRules", "Rule", "check_okr", "okr_rules",
    "parse_okr_rules",
]

MAX_LINE_CHARS = 300
WHOLE_OKR = "The whole OKR"
Phrase = tuple[str, ...]


@dataclass(frozen=True)
class Rule:
    id: str
    kind: str  # output, vanity or vague
    applies_to: str  # objective or key_result
    position: str  # start or anywhere
    phrases: tuple[Phrase, ...]
    unless: tuple[Phrase, ...]
    unless_number: bool
    explanation: str
    suggestion: str


@dataclass(frozen=True)
class Example:
    id: str
    title: str
    objective: str
    key_results: tuple[str, ...]


@dataclass(frozen=True)
class OkrRules:
    """Everything the checker knows, as loaded from a data file."""

    rules: tuple[Rule, ...]
    checks: tuple[tuple[str, str, str], ...]  # (check id, explanation, suggestion)
    counter_phrases: tuple[Phrase, ...]
    lead_words: frozenset[str]
    number_words: frozenset[str]
    min_key_results: int
    max_key_results: int
    limits: tuple[str, ...]
    examples: tuple[Example, ...]

    def message(self, check_id: str) -> tuple[str, str]:
        return next((explanation, suggestion) for cid, explanation, suggestion in self.checks if cid == check_id)

    def example(self, example_id: str) -> Example:
        return next(e for e in self.examples if e.id == example_id)


def _phrases(raw: Sequence[str]) -> tuple[Phrase, ...]:
    return tuple(tuple(words(phrase)) for phrase in raw)


def parse_okr_rules(raw: Any, *, source: str = "OKR rules") -> OkrRules:
    """Validate ``raw`` against ``okr_rules.schema.json`` and build the rules."""
    data.validate(raw, "okr_rules.schema.json", source=source)
    rules = tuple(
        Rule(r["id"], r["kind"], r["applies_to"], r["position"], _phrases(r["phrases"]), _phrases(r["unless"]),
             r.get("unless_number", False), r["explanation"].strip(), r["suggestion"].strip())
        for r in raw["rules"]
    )
    if len({r.id for r in rules}) != len(rules):
        raise ValueError(f"{source}: rule ids must be unique.")
    counts = raw["key_results"]
    if counts["min"] > counts["max"]:
        raise ValueError(f"{source}: key_results: min must not exceed max.")
    checks = tuple((cid, c["explanation"].strip(), c["suggestion"].strip()) for cid, c in raw["checks"].items())
    examples = tuple(
        Example(e["id"], e["title"].strip(), e["objective"].strip(), tuple(k.strip() for k in e["key_results"]))
        for e in raw["examples"]
    )
    if len({e.id for e in examples}) != len(examples):
        raise ValueError(f"{source}: example ids must be unique.")
    return OkrRules(
        rules, checks, _phrases(raw["checks"]["no-counter"]["phrases"]), frozenset(raw["lead_words"]),
        frozenset(raw["number_words"]), counts["min"], counts["max"], tuple(t.strip() for t in raw["limits"]),
        examples,
    )


@cache
def okr_rules() -> OkrRules:
    """The shipped rules (``exercises/data/okr_rules.json``)."""
    return parse_okr_rules(data.load("okr_rules.json"), source="exercises/data/okr_rules.json")


@dataclass(frozen=True)
class Flag:
    """One problem found on one line."""

    line: str  # "Objective", "Key result 2" or WHOLE_OKR
    rule: str  # a rule id or a check id
    kind: str
    explanation: str
    suggestion: str
    words: str = ""  # the words that raised it, as the learner wrote them (lower-cased)


def _find(tokens: Sequence[str], phrase: Phrase, start: int = 0, only_at: int | None = None) -> bool:
    width = len(phrase)
    positions = [only_at] if only_at is not None else range(start, len(tokens) - width + 1)
    return any(tuple(tokens[i:i + width]) == phrase for i in positions if 0 <= i <= len(tokens) - width)


def _has_number(tokens: Sequence[str], rules: OkrRules) -> bool:
    return any(any(ch.isdigit() for ch in token) or token in rules.number_words for token in tokens)


def _rule_hit(rule: Rule, tokens: Sequence[str], rules: OkrRules) -> Phrase | None:
    """The phrase of ``rule`` found in ``tokens``, or ``None`` if the rule is not raised."""
    first = 0
    while first < len(tokens) and tokens[first] in rules.lead_words:
        first += 1
    at = first if rule.position == "start" else None
    hit = next((p for p in rule.phrases if _find(tokens, p, only_at=at)), None)
    if hit is None or any(_find(tokens, p) for p in rule.unless):
        return None
    if rule.unless_number and _has_number(tokens, rules):
        return None
    return hit


@dataclass(frozen=True)
class OkrCheck:
    """An objective, its key results, and every flag the rules raised."""

    objective: str
    key_results: tuple[tuple[int, str], ...]  # (box number, text) for every box that holds text
    flags: tuple[Flag, ...]

    @property
    def lines(self) -> tuple[str, ...]:
        """Every line that can carry flags, in order (the chart's rows)."""
        return ("Objective", *(f"Key result {n}" for n, _ in self.key_results), WHOLE_OKR)

    def flags_on(self, line: str) -> tuple[Flag, ...]:
        return tuple(f for f in self.flags if f.line == line)

    def summary(self) -> str:
        """A plain-text report (what ``print`` shows)."""
        if not self.flags:
            return "No flags: none of the common mistakes the rules know about. Now ask whether it is ambitious."
        return "\n".join(f"{f.line}: {f.explanation}" + (f" (\u201c{f.words}\u201d)" if f.words else "")
                         for f in self.flags)

    def as_dict(self) -> dict[str, Any]:
        """JSON-ready results for Save my work."""
        return {
            "flag_count": len(self.flags),
            "flags": [{"line": f.line, "rule": f.rule, "kind": f.kind, "words": f.words} for f in self.flags],
        }

    def _repr_html_(self) -> str:
        parts = [f"<p><strong>{len(self.flags)} flag{'s' if len(self.flags) != 1 else ''}</strong></p>"]
        if not self.flags:
            parts.append(render.notice("ok", "None of the common mistakes the rules know about. The checker cannot "
                                             "tell whether the OKR is ambitious or right for your team: ask someone "
                                             "who knows the product.", title="No flags"))
        texts = {"Objective": self.objective, **{f"Key result {n}": kr for n, kr in self.key_results}}
        for line in self.lines:
            flags = self.flags_on(line)
            if not flags:
                continue
            quoted = f": \u201c{texts[line]}\u201d" if line in texts else ""
            items = [f"{f.explanation}" + (f" (\u201c{f.words}\u201d.)" if f.words else "") + f" Try: {f.suggestion}"
                     for f in flags]
            parts.append(render.notice("warn", "\n".join(items), title=f"{line}{quoted}"))
        return "".join(parts)


def check_okr(objective: object, key_results: Sequence[object], rules: OkrRules | None = None) -> OkrCheck:
    """Check one OKR; empty key-result boxes are skipped. ``ValueError`` for a missing objective or over-long text."""
    rules = rules or okr_rules()
    goal = clean_text(objective, "Objective", max_chars=MAX_LINE_CHARS, required=True)
    cleaned = ((n, clean_text(kr, f"Key result {n}", max_chars=MAX_LINE_CHARS)) for n, kr in enumerate(key_results, 1))
    results = tuple((n, text) for n, text in cleaned if text)
    if not results:
        raise ValueError("Key results: write at least one; an objective on its own cannot be measured.")
    flags: list[Flag] = []

    def add(line: str, check_id: str, kind: str) -> None:
        explanation, suggestion = rules.message(check_id)
        flags.append(Flag(line, check_id, kind, explanation, suggestion))

    objective_tokens = words(goal)
    if _has_number(objective_tokens, rules):
        add("Objective", "objective-number", "tip")
    for rule in rules.rules:
        hit = _rule_hit(rule, objective_tokens, rules) if rule.applies_to == "objective" else None
        if hit:
            flags.append(Flag("Objective", rule.id, rule.kind, rule.explanation, rule.suggestion, " ".join(hit)))
    tokens_per_kr = [words(kr) for _, kr in results]
    for (number, _), tokens in zip(results, tokens_per_kr):
        line = f"Key result {number}"
        for rule in rules.rules:
            hit = _rule_hit(rule, tokens, rules) if rule.applies_to == "key_result" else None
            if hit:
                flags.append(Flag(line, rule.id, rule.kind, rule.explanation, rule.suggestion, " ".join(hit)))
        if not _has_number(tokens, rules):
            add(line, "no-number", "no-number")
    if not any(_has_number(tokens, rules) for tokens in tokens_per_kr):
        add(WHOLE_OKR, "unmeasured", "unmeasured")
    if not any(_find(tokens, phrase) for tokens in tokens_per_kr for phrase in rules.counter_phrases):
        add(WHOLE_OKR, "no-counter", "no-counter")
    if len(results) < rules.min_key_results:
        add(WHOLE_OKR, "too-few", "count")
    elif len(results) > rules.max_key_results:
        add(WHOLE_OKR, "too-many", "count")
    order = {line: index for index, line in enumerate(("Objective", *(f"Key result {n}" for n, _ in results),
                                                       WHOLE_OKR))}
    flags.sort(key=lambda f: order[f.line])  # stable: within a line, rules keep the data file's order
    return OkrCheck(goal, results, tuple(flags))
