"""The OKR checker's pure layer: rule-based flags for an objective and its key results.

The rules live in ``exercises/data/okr_rules.json`` (schema beside it). Phrases are matched as whole
words, using the kit's one definition of a word. The checker states its limits (``OkrRules.limits``):
it reads wording, not meaning.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from functools import cache
from typing import Any

from ..kit import data, render
from ..kit.choices import Titled, by_id
from ..kit.frozen import Frozen
from ..kit.text import clean_text, is_written, phrase_spans, word_spans, words

__all__ = [
    "MAX_LINE_CHARS", "WHOLE_OKR", "Example", "Flag", "OkrCheck", "OkrRules", "Rule", "check_okr", "okr_rules",
    "parse_okr_rules",
]

MAX_LINE_CHARS = 300
WHOLE_OKR = "The whole OKR"


class Rule(Frozen):
    id: str
    kind: str  # output, vanity or vague
    applies_to: str  # objective or key_result
    position: str  # start or anywhere
    phrases: tuple[str, ...]
    unless: tuple[str, ...]
    unless_number: bool
    explanation: str
    suggestion: str


class Example(Titled):
    objective: str
    key_results: tuple[str, ...]


class OkrRules(Frozen):
    """Everything the checker knows, as loaded from a data file."""

    rules: tuple[Rule, ...]
    checks: tuple[tuple[str, str, str], ...]  # (check id, explanation, suggestion)
    counter_phrases: tuple[str, ...]
    lead_words: frozenset[str]
    number_words: frozenset[str]
    min_key_results: int
    max_key_results: int
    limits: tuple[str, ...]
    examples: tuple[Example, ...]

    def message(self, check_id: str) -> tuple[str, str]:
        return next((explanation, suggestion) for cid, explanation, suggestion in self.checks if cid == check_id)

    def example(self, example_id: str) -> Example:
        return by_id(self.examples, example_id,
                     f"No example {example_id!r}; choose one of {', '.join(e.id for e in self.examples)}.")


def parse_okr_rules(raw: Any, *, source: str = "OKR rules") -> OkrRules:
    """Validate ``raw`` against ``okr_rules.schema.json`` and build the rules."""
    data.validate(raw, "okr_rules.schema.json", source=source)
    rules = tuple(
        Rule(r["id"], r["kind"], r["applies_to"], r["position"], tuple(r["phrases"]), tuple(r["unless"]),
             r.get("unless_number", False), r["explanation"].strip(), r["suggestion"].strip())
        for r in raw["rules"]
    )
    for position, rule in enumerate(rules):
        if rule.id in [r.id for r in rules[:position]]:
            raise data.data_error(source, ["rules", position, "id"], "rule ids must be unique.")
    counts = raw["key_results"]
    if counts["min"] > counts["max"]:
        raise data.data_error(source, ["key_results"], "min must not exceed max.")
    checks = tuple((cid, c["explanation"].strip(), c["suggestion"].strip()) for cid, c in raw["checks"].items())
    examples = tuple(
        Example(e["id"], e["title"].strip(), e["objective"].strip(), tuple(k.strip() for k in e["key_results"]))
        for e in raw["examples"]
    )
    for position, example in enumerate(examples):
        if example.id in [e.id for e in examples[:position]]:
            raise data.data_error(source, ["examples", position, "id"], "example ids must be unique.")
    return OkrRules(
        rules, checks, tuple(raw["checks"]["no-counter"]["phrases"]), frozenset(raw["lead_words"]),
        frozenset(raw["number_words"]), counts["min"], counts["max"], tuple(t.strip() for t in raw["limits"]),
        examples,
    )


@cache
def okr_rules() -> OkrRules:
    """The shipped rules (``exercises/data/okr_rules.json``)."""
    return parse_okr_rules(data.load("okr_rules.json"), source="exercises/data/okr_rules.json")


class Flag(Frozen):
    """One problem found on one line."""

    line: str  # "Objective", "Key result 2" or WHOLE_OKR
    rule: str  # a rule id or a check id
    kind: str
    explanation: str
    suggestion: str
    words: str = ""  # the words that raised it, as the learner wrote them


def _has_number(text: str, rules: OkrRules) -> bool:
    return any(any(ch.isdigit() for ch in word) or word in rules.number_words for word in words(text))


def _content_start(text: str, rules: OkrRules) -> int | None:
    """Where the line's first word after any lead words ("We will", "Q3:") begins; ``None`` if there is none."""
    for start, end in word_spans(text):
        if text[start:end].lower() not in rules.lead_words:
            return start
    return None


def _rule_hit(rule: Rule, text: str, rules: OkrRules) -> str | None:
    """The words of ``text`` that raise ``rule`` (the first match, as written), or ``None``."""
    matches = sorted(span for spans in phrase_spans(text, rule.phrases).values() for span in spans)
    if rule.position == "start":
        first = _content_start(text, rules)
        matches = [span for span in matches if span[0] == first]
    if not matches or phrase_spans(text, rule.unless):
        return None
    if rule.unless_number and _has_number(text, rules):
        return None
    start, end = matches[0]
    return text[start:end]


class OkrCheck(Frozen):
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

    lines = [("Objective", "objective", goal), *((f"Key result {n}", "key_result", kr) for n, kr in results)]
    if _has_number(goal, rules):
        add("Objective", "objective-number", "tip")
    for line, applies_to, text in lines:
        for rule in rules.rules:
            hit = _rule_hit(rule, text, rules) if rule.applies_to == applies_to else None
            if hit:
                flags.append(Flag(line, rule.id, rule.kind, rule.explanation, rule.suggestion, hit))
        if applies_to == "key_result" and not _has_number(text, rules):
            add(line, "no-number", "no-number")
    if not any(_has_number(kr, rules) for _, kr in results):
        add(WHOLE_OKR, "unmeasured", "unmeasured")
    if not any(phrase_spans(kr, rules.counter_phrases) for _, kr in results):
        add(WHOLE_OKR, "no-counter", "no-counter")
    if len(results) < rules.min_key_results:
        add(WHOLE_OKR, "too-few", "count")
    elif len(results) > rules.max_key_results:
        add(WHOLE_OKR, "too-many", "count")
    order = {line: index for index, line in enumerate(("Objective", *(f"Key result {n}" for n, _ in results),
                                                       WHOLE_OKR))}
    flags.sort(key=lambda f: order[f.line])  # stable: within a line, rules keep the data file's order
    return OkrCheck(goal, results, tuple(flags))


def attempt_complete(record: Mapping[str, Any]) -> bool:
    """Complete when the OKR is not one of the shipped examples unchanged."""
    inputs = record["inputs"]
    mine = (str(inputs.get("objective", "")).strip(), tuple(inputs.get("key_results", ())))
    return is_written(mine[0]) and all(mine != (e.objective, tuple(e.key_results)) for e in okr_rules().examples)
