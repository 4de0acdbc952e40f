"""The interview-question lab's pure layer: the question bank (part 1) and the question checker (part 2).

Part 1 sorts the questions of ``data/interview_questions.json`` into "open and neutral" or
"leading" with the kit's sorter: :func:`parse_interview_questions`, :func:`interview_questions`.

Part 2 checks a question the learner writes against the rules in ``data/leading_rules.json``:
regular expressions, each with the kind of leading question it finds, what it looks for in plain
words (what learners see; the patterns stay in the data), why that leads, and how to reword it:
:func:`parse_leading_rules`, :func:`leading_rules`, :func:`check_question`.

Limits of the checker, which the chapter also states: it is pattern matching, not
understanding. It can miss a leading question written in words no rule mentions, and it can
flag a fine one (a useful "Is there anything else ...?" still starts like a yes/no question).
Every rule is shown to the learner in words, so a flag can always be traced to the words that
triggered it. To keep matching fast, rules may not nest repetition or use back-references,
and a question may be at most :data:`MAX_QUESTION_CHARS` characters long.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from functools import cache
from typing import Any

from ..kit import data, render
from ..kit.frozen import Frozen
from ..kit.sorting import SortItem, load_items
from ..kit.text import escape_markdown, is_written

__all__ = [
    "MAX_DRAFTS_KEPT", "MAX_QUESTION_CHARS", "SAMPLE_QUESTION", "Flag", "QuestionBank", "QuestionCheck", "Rule",
    "check_question", "clean_question", "describe_rules", "interview_questions", "leading_rules",
    "markdown_report", "parse_interview_questions", "parse_leading_rules", "rules_html", "rules_table_rows",
]

MAX_QUESTION_CHARS = 1_000
MAX_DRAFTS_KEPT = 30
SAMPLE_QUESTION = "Would you use an app that reminds club members what they owe?"
OPEN_KIND, OPEN_ANSWER = "open", "open and neutral"

# Curly apostrophes become straight ones (one character for one, so match positions still fit the text).
_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'", "\uff07": "'"})
# A group that repeats something and is itself repeated, like (a+)+ : the classic catastrophic backtracking.
_NESTED_REPEAT = re.compile(r"\((?:[^()\\]|\\.)*(?:[+*]|\{\d*,\d*\})(?:[^()\\]|\\.)*\)(?:[+*]|\{\d*,\d*\})")
_BACKREFERENCE = re.compile(r"\\[1-9]|\(\?P=")
_RULE_FLAGS = re.IGNORECASE | re.MULTILINE


# ---- part 1: the question bank ---------------------------------------------------------------


class QuestionBank(Frozen):
    """The questions to sort, their two categories, the kinds of question (kind id -> description),
    and the ids of the subtle leading questions (those that look open)."""

    categories: tuple[str, ...]
    kinds: Mapping[str, str]
    items: tuple[SortItem, ...]
    subtle: frozenset[str] = frozenset()


def parse_interview_questions(raw: Any, *, source: str = "interview_questions.json") -> QuestionBank:
    """The bank from data-file contents; ``ValueError`` names ``source`` and the bad entry.

    Beyond the schema: ids are unique, answers name a category, every kind is declared, a
    question's kind fits its answer (open questions are open and neutral, every other kind
    leads), only leading questions are marked subtle, and every declared kind has a question.
    """
    data.validate(raw, "interview_questions.schema.json", source=source)
    categories, kinds, records = tuple(raw["categories"]), dict(raw["kinds"]), raw["questions"]
    try:
        items = tuple(load_items(records, categories))
    except ValueError as error:
        raise ValueError(f"{source}: {error}") from None
    for record in records:
        kind = record["kind"]
        if kind not in kinds:
            raise ValueError(f"{source}: Question {record['id']}: kind {kind!r} is not one of {sorted(kinds)}.")
        if (kind == OPEN_KIND) != (record["answer"] == OPEN_ANSWER):
            raise ValueError(
                f"{source}: Question {record['id']}: kind {kind!r} does not fit the answer {record['answer']!r}."
            )
        if record.get("subtle") and kind == OPEN_KIND:
            raise ValueError(f"{source}: Question {record['id']}: only a leading question can be subtle.")
    missing = set(kinds) - {record["kind"] for record in records}
    if missing:
        raise ValueError(f"{source}: The question bank has no question of kind: {', '.join(sorted(missing))}.")
    subtle = frozenset(record["id"] for record in records if record.get("subtle"))
    return QuestionBank(categories, kinds, items, subtle)


@cache
def interview_questions() -> QuestionBank:
    """The course's question bank, from ``exercises/data/interview_questions.json``."""
    return parse_interview_questions(data.load("interview_questions.json"))


# ---- part 2: the rules and the checker ------------------------------------------------------


class Rule(Frozen):
    """One pattern that suggests a leading question, and what to do about it."""

    id: str
    kind: str
    kind_label: str
    pattern: re.Pattern[str]
    explanation: str
    suggestion: str
    looks_for: str = ""


class Flag(Frozen):
    """One place where a rule matched the learner's question."""

    rule: Rule
    start: int
    end: int
    words: str

    def as_dict(self) -> dict[str, Any]:
        return {"rule": self.rule.id, "kind": self.rule.kind, "words": self.words, "start": self.start, "end": self.end}


class QuestionCheck(Frozen):
    """The checker's findings for one question."""

    question: str
    flags: tuple[Flag, ...]

    @property
    def kinds(self) -> tuple[str, ...]:
        """The kinds of leading pattern found, in rule order, each once."""
        return tuple(dict.fromkeys(flag.rule.kind for flag in self.flags))

    def summary(self) -> str:
        if not self.flags:
            return "Flags: 0. No leading pattern found. Still read it aloud: would it push you towards an answer?"
        labels = "; ".join(dict.fromkeys(flag.rule.kind_label for flag in self.flags))
        return f"Flags: {len(self.flags)} ({labels})."

    def explain(self) -> str:
        """Plain text: the summary, then each flag with its trigger words, reason and suggestion."""
        lines = [self.summary()]
        for number, flag in enumerate(self.flags, 1):
            lines += [
                f"{number}. {flag.rule.kind_label}: \u201c{flag.words}\u201d (rule {flag.rule.id})",
                f"   Why it leads: {flag.rule.explanation}",
                f"   Try instead: {flag.rule.suggestion}",
            ]
        return "\n".join(lines)

    def as_dict(self) -> dict[str, Any]:
        return {"flags": len(self.flags), "kinds": list(self.kinds), "flagged": [f.as_dict() for f in self.flags]}

    def highlighted_html(self) -> str:
        """The question, escaped, with every flagged stretch of words marked."""
        marked = render.mark_spans(self.question, [(flag.start, flag.end) for flag in self.flags],
                                   style="background:#ffe08a;color:#222;")
        return (
            '<blockquote style="white-space:pre-wrap;overflow-wrap:anywhere;margin:6px 0;padding:4px 10px;'
            f'border-left:4px solid #8a8a8a;">{marked}</blockquote>'
        )

    def _repr_html_(self) -> str:
        kind = "ok" if not self.flags else "warn"
        parts = [render.notice(kind, self.summary(), title="Your question"), self.highlighted_html()]
        for number, flag in enumerate(self.flags, 1):
            parts.append(render.notice(
                "info",
                f"Triggered by: \u201c{flag.words}\u201d (rule {flag.rule.id})\n"
                f"Why it leads: {flag.rule.explanation}\nTry instead: {flag.rule.suggestion}",
                title=f"{number}. {flag.rule.kind_label}",
            ))
        return "".join(parts)


def _compile_pattern(rule_id: str, pattern: str) -> re.Pattern[str]:
    """The rule's pattern compiled, refusing patterns that could match slowly or match nothing in particular."""
    if _NESTED_REPEAT.search(pattern):
        raise ValueError(f"Rule {rule_id}: the pattern repeats a group that itself repeats, which can make matching "
                         "take forever; rewrite it without nested repetition.")
    if _BACKREFERENCE.search(pattern):
        raise ValueError(f"Rule {rule_id}: back-references are not allowed; keep patterns simple.")
    try:
        compiled = re.compile(pattern, _RULE_FLAGS)
    except re.error as error:
        raise ValueError(f"Rule {rule_id}: the pattern is not a valid regular expression ({error}).") from None
    if compiled.search(""):
        raise ValueError(f"Rule {rule_id}: the pattern matches empty text, so it would flag every question.")
    return compiled


def parse_leading_rules(raw: Any, *, source: str = "leading_rules.json") -> tuple[Rule, ...]:
    """The checker's rules from data-file contents, every pattern compiled and checked.

    Beyond the schema: ids are unique, every kind is declared, and every pattern is a safe
    regular expression (see :func:`_compile_pattern`). ``ValueError`` names ``source`` and the rule.
    """
    data.validate(raw, "leading_rules.schema.json", source=source)
    kinds, rules, seen = raw["kinds"], [], set()
    for record in raw["rules"]:
        rule_id, kind = record["id"], record["kind"]
        if rule_id in seen:
            raise ValueError(f"{source}: Rule id {rule_id!r} appears twice.")
        seen.add(rule_id)
        if kind not in kinds:
            raise ValueError(f"{source}: Rule {rule_id}: kind {kind!r} is not one of {sorted(kinds)}.")
        try:
            pattern = _compile_pattern(rule_id, record["pattern"])
        except ValueError as error:
            raise ValueError(f"{source}: {error}") from None
        rules.append(Rule(rule_id, kind, kinds[kind], pattern, record["explanation"].strip(),
                          record["suggestion"].strip(), record["looks_for"].strip()))
    return tuple(rules)


@cache
def leading_rules() -> tuple[Rule, ...]:
    """The shipped rules, from ``exercises/data/leading_rules.json``, loaded and checked once."""
    return parse_leading_rules(data.load("leading_rules.json"))


def clean_question(raw: object) -> str:
    """The learner's question, stripped; ``ValueError`` if it is empty or too long to check."""
    text = "" if raw is None else str(raw).strip()
    if not text:
        raise ValueError("Your question is empty. Type one interview question, then check it.")
    if len(text) > MAX_QUESTION_CHARS:
        raise ValueError(
            f"Your text is {len(text):,} characters long. The checker reads one question at a time, "
            f"up to {MAX_QUESTION_CHARS:,} characters: paste a single question."
        )
    return text


def check_question(raw: object, rules: Sequence[Rule] | None = None) -> QuestionCheck:
    """Flag the leading patterns in one interview question (with the shipped rules unless ``rules`` is given)."""
    question = clean_question(raw)
    matchable = question.translate(_APOSTROPHES)
    flags = []
    for rule in leading_rules() if rules is None else rules:
        for match in rule.pattern.finditer(matchable):
            group = "hit" if "hit" in rule.pattern.groupindex and match.start("hit") >= 0 else 0
            start, end = match.span(group)
            if end > start:
                flags.append(Flag(rule, start, end, question[start:end]))
    return QuestionCheck(question, tuple(flags))


def rules_table_rows(rules: Sequence[Rule] | None = None) -> list[tuple[str, str, str]]:
    """(kind, rule id, what it looks for) for every rule: what the learner sees under "How the checker works"."""
    return [(rule.kind_label, rule.id, rule.looks_for) for rule in (leading_rules() if rules is None else rules)]


def describe_rules(rules: Sequence[Rule] | None = None) -> str:
    """Plain text: how many rules of each kind, and the explanation each one gives."""
    rules = leading_rules() if rules is None else rules
    lines = [f"{len(rules)} rules:"]
    for rule in rules:
        lines.append(f"- {rule.kind_label} [{rule.id}]: {rule.explanation}")
    return "\n".join(lines)


def rules_html(rules: Sequence[Rule] | None = None) -> str:
    """A collapsible table of every rule, so a flag is never a black box."""
    body = "".join(
        f"<tr><td>{render.escape(kind)}</td><td><code>{render.escape(rule_id)}</code></td>"
        f"<td>{render.escape(looks_for)}</td></tr>"
        for kind, rule_id, looks_for in rules_table_rows(rules)
    )
    return (
        "<details><summary>How the checker works: the rules it applies</summary>"
        "<p>Each rule looks for a group of words that often signals a leading question, with or without "
        "capital letters. A match is a flag, not a verdict: the checker matches words, it does not understand "
        "them, so it can miss a leading question and flag a good one.</p>"
        '<table style="border-collapse:collapse;font-size:90%;"><thead><tr><th scope="col">Kind</th>'
        '<th scope="col">Rule</th><th scope="col">What it looks for</th></tr></thead>'
        f"<tbody>{body}</tbody></table></details>"
    )


def markdown_report(check: QuestionCheck) -> str:
    """Safe Markdown of a check, for the saved-work file."""
    lines = ["## My question", "", f"> {escape_markdown(check.question).replace(chr(10), '<br>')}", "",
             f"**{escape_markdown(check.summary())}**", ""]
    for number, flag in enumerate(check.flags, 1):
        lines.append(
            f"{number}. {escape_markdown(flag.rule.kind_label)}: \u201c{escape_markdown(flag.words)}\u201d. "
            f"{escape_markdown(flag.rule.explanation)} Try instead: {escape_markdown(flag.rule.suggestion)}"
        )
    return "\n".join(lines)


def attempt_complete(record: Mapping[str, Any]) -> bool:
    """Sorter (part 1): at least one question sorted. Writer (part 2): a question other than the sample."""
    inputs = record["inputs"]
    if "question" in inputs:
        return is_written(inputs["question"]) and inputs["question"].strip() != SAMPLE_QUESTION
    return any(choice is not None for choice in inputs.values())
