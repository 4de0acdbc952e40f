"""The interview-question lab: spot leading questions, then write your own and have it checked.

Part 1 sorts a curated bank of questions (``data/interview_questions.json``)
into "open and neutral" or "leading" with :mod:`exercises.sorting`.

Part 2 checks a question the learner writes against the rules in
``data/leading_rules.json``: regular expressions, each with the kind of leading
question it finds, why that leads, and how to reword it.

Limits of the checker, which the chapter also states: it is pattern matching,
not understanding. It can miss a leading question written in words no rule
mentions, and it can flag a fine one (a useful "Is there anything else ...?"
still starts like a yes/no question). Every rule is shown to the learner, so a
flag can always be traced to the words that triggered it. To keep matching
fast, rules may not nest repetition or use back-references, and a question may
be at most :data:`MAX_QUESTION_CHARS` characters long.

Pure layer: :func:`load_question_bank`, :func:`load_rules`, :func:`check_question`.
Drawing: :func:`plot_draft_history`, :func:`describe_draft_history`.
Widgets: :func:`build_question_sorter`, :func:`build_question_checker`.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any

import ipywidgets as widgets
from matplotlib.axes import Axes
from matplotlib.figure import Figure

from . import render, sorting
from .datafiles import load_json
from .savework import escape_markdown
from .ui import LABEL_STYLE, ExerciseView, build_save_panel, on_any_change

SORT_ID = "interview-lab-sort"
SORT_TITLE = "Interview-question lab, part 1: sort the questions"
WRITE_ID = "interview-lab-write"
WRITE_TITLE = "Interview-question lab, part 2: write your own question"
CATEGORIES = ("open and neutral", "leading")
MIN_BANK_SIZE = 15
MAX_QUESTION_CHARS = 1_000
MAX_PATTERN_CHARS = 300
MAX_DRAFTS_KEPT = 30
SAMPLE_QUESTION = "Would you use an app that reminds club members what they owe?"

# Curly apostrophes become straight ones (one character for one, so match positions still fit the text).
_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'", "\uff07": "'"})
# A group that repeats something and is itself repeated, like (a+)+ : the classic catastrophic backtracking.
_NESTED_REPEAT = re.compile(r"\((?:[^()\\]|\\.)*(?:[+*]|\{\d*,\d*\})(?:[^()\\]|\\.)*\)(?:[+*]|\{\d*,\d*\})")
_BACKREFERENCE = re.compile(r"\\[1-9]|\(\?P=")
_RULE_FLAGS = re.IGNORECASE | re.MULTILINE


# ---- part 1: the question bank ---------------------------------------------------------------


def load_question_bank(data: Mapping[str, Any] | None = None) -> list[sorting.SortItem]:
    """The sorting items from ``interview_questions.json`` (or ``data``), checked.

    Raises ``ValueError`` naming the bad entry: unknown kind, a kind that does
    not fit the answer, too few questions, or a kind of leading question missing.
    """
    data = load_json("interview_questions.json") if data is None else data
    try:
        categories, kinds, records = list(data["categories"]), dict(data["kinds"]), list(data["questions"])
    except (KeyError, TypeError) as error:
        raise ValueError(f"The question bank needs categories, kinds and questions ({error}).") from None
    if tuple(categories) != CATEGORIES:
        raise ValueError(f"The question bank's categories must be {list(CATEGORIES)}, not {categories}.")
    items = sorting.load_items(records, categories)
    for record in records:
        kind = record.get("kind")
        if kind not in kinds:
            raise ValueError(f"Question {record['id']}: kind {kind!r} is not one of {sorted(kinds)}.")
        if (kind == "open") != (record["answer"] == "open and neutral"):
            raise ValueError(f"Question {record['id']}: kind {kind!r} does not fit the answer {record['answer']!r}.")
    if len(items) < MIN_BANK_SIZE:
        raise ValueError(f"The question bank has {len(items)} questions; it needs at least {MIN_BANK_SIZE}.")
    missing = set(kinds) - {record["kind"] for record in records}
    if missing:
        raise ValueError(f"The question bank has no question of kind: {', '.join(sorted(missing))}.")
    return items


# ---- part 2: the rules and the checker ------------------------------------------------------


@dataclass(frozen=True)
class Rule:
    """One pattern that suggests a leading question, and what to do about it."""

    id: str
    kind: str
    kind_label: str
    pattern: re.Pattern[str]
    explanation: str
    suggestion: str


@dataclass(frozen=True)
class Flag:
    """One place where a rule matched the learner's question."""

    rule: Rule
    start: int
    end: int
    words: str

    def as_dict(self) -> dict[str, Any]:
        return {"rule": self.rule.id, "kind": self.rule.kind, "words": self.words, "start": self.start, "end": self.end}


@dataclass(frozen=True)
class QuestionCheck:
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
        spans = _merge_spans([(flag.start, flag.end) for flag in self.flags])
        pieces, position = [], 0
        for start, end in spans:
            pieces.append(render.escape(self.question[position:start]))
            pieces.append(f'<mark style="background:#ffe08a;color:#222;">{render.escape(self.question[start:end])}</mark>')
            position = end
        pieces.append(render.escape(self.question[position:]))
        return (
            '<blockquote style="white-space:pre-wrap;overflow-wrap:anywhere;margin:6px 0;padding:4px 10px;'
            f'border-left:4px solid #8a8a8a;">{"".join(pieces)}</blockquote>'
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


def _merge_spans(spans: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def _compile_pattern(rule_id: str, pattern: str) -> re.Pattern[str]:
    if not pattern or len(pattern) > MAX_PATTERN_CHARS:
        raise ValueError(f"Rule {rule_id}: the pattern must be 1 to {MAX_PATTERN_CHARS} characters long.")
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


def load_rules(data: Mapping[str, Any] | None = None) -> tuple[Rule, ...]:
    """The checker's rules from ``leading_rules.json`` (or ``data``), every pattern compiled and checked."""
    data = load_json("leading_rules.json") if data is None else data
    try:
        kinds, records = dict(data["kinds"]), list(data["rules"])
    except (KeyError, TypeError) as error:
        raise ValueError(f"The rules file needs kinds and rules ({error}).") from None
    rules, seen = [], set()
    for index, record in enumerate(records):
        try:
            rule_id, kind, pattern = str(record["id"]), str(record["kind"]), str(record["pattern"])
            explanation, suggestion = str(record["explanation"]).strip(), str(record["suggestion"]).strip()
        except (KeyError, TypeError) as error:
            raise ValueError(f"Rule {index}: needs id, kind, pattern, explanation and suggestion ({error}).") from None
        if rule_id in seen:
            raise ValueError(f"Rule id {rule_id!r} appears twice.")
        seen.add(rule_id)
        if kind not in kinds:
            raise ValueError(f"Rule {rule_id}: kind {kind!r} is not one of {sorted(kinds)}.")
        if not explanation or not suggestion:
            raise ValueError(f"Rule {rule_id}: the explanation and the suggestion must not be empty.")
        rules.append(Rule(rule_id, kind, str(kinds[kind]), _compile_pattern(rule_id, pattern), explanation, suggestion))
    if not rules:
        raise ValueError("The rules file has no rules.")
    return tuple(rules)


@cache
def default_rules() -> tuple[Rule, ...]:
    """The shipped rules, loaded and checked once."""
    return load_rules()


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
    """Flag the leading patterns in one interview question."""
    question = clean_question(raw)
    matchable = question.translate(_APOSTROPHES)
    flags = []
    for rule in default_rules() if rules is None else rules:
        for match in rule.pattern.finditer(matchable):
            group = "hit" if "hit" in rule.pattern.groupindex and match.start("hit") >= 0 else 0
            start, end = match.span(group)
            if end > start:
                flags.append(Flag(rule, start, end, question[start:end]))
    return QuestionCheck(question, tuple(flags))


def rules_table_rows(rules: Sequence[Rule] | None = None) -> list[tuple[str, str, str]]:
    """(kind, rule id, pattern) for every rule: what the learner sees under "How the checker works"."""
    return [(rule.kind_label, rule.id, rule.pattern.pattern) for rule in (default_rules() if rules is None else rules)]


def describe_rules(rules: Sequence[Rule] | None = None) -> str:
    """Plain text: how many rules of each kind, and the explanation each one gives."""
    rules = default_rules() if rules is None else rules
    lines = [f"{len(rules)} rules:"]
    for rule in rules:
        lines.append(f"- {rule.kind_label} [{rule.id}]: {rule.explanation}")
    return "\n".join(lines)


def rules_html(rules: Sequence[Rule] | None = None) -> str:
    """A collapsible table of every rule, so a flag is never a black box."""
    body = "".join(
        f"<tr><td>{render.escape(kind)}</td><td><code>{render.escape(rule_id)}</code></td>"
        f'<td><code style="overflow-wrap:anywhere;">{render.escape(pattern)}</code></td></tr>'
        for kind, rule_id, pattern in rules_table_rows(rules)
    )
    return (
        "<details><summary>How the checker works: the rules it applies</summary>"
        "<p>Each rule is a regular expression, matched without regard to capital letters. A match is a flag, "
        "not a verdict: the checker matches words, it does not understand them, so it can miss a leading "
        "question and flag a good one.</p>"
        '<table style="border-collapse:collapse;font-size:90%;"><thead><tr><th scope="col">Kind</th>'
        '<th scope="col">Rule</th><th scope="col">Pattern</th></tr></thead>'
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


# ---- drawing -------------------------------------------------------------------------------


def plot_draft_history(ax: Axes, flag_counts: Sequence[int]) -> None:
    """Bars of the number of flags in each draft the learner checked, oldest first."""
    drafts = range(1, len(flag_counts) + 1)
    colors = ["#2e7d32" if count == 0 else "#b36b00" for count in flag_counts]
    ax.bar(drafts, flag_counts, color=colors)
    ax.set_xticks(list(drafts))
    ax.set_xlim(0.4, max(len(flag_counts), 3) + 0.6)
    ax.set_ylim(0, max([*flag_counts, 3]) + 0.5)
    ax.set_title("Flags in each draft you checked (green: none)")
    ax.set_xlabel("Draft")
    ax.set_ylabel("Flags")


def describe_draft_history(flag_counts: Sequence[int]) -> str:
    """Alt text for :func:`plot_draft_history`."""
    if not flag_counts:
        return "No drafts checked yet."
    listed = ", ".join(f"draft {n}: {count}" for n, count in enumerate(flag_counts, 1))
    return f"Bar chart of flags per draft, {len(flag_counts)} drafts. {listed}."


def _remove_plotted(ax: Axes) -> None:
    # Cheaper than ax.clear(), which rebuilds every tick.
    for container in list(ax.containers):
        container.remove()
    for artist in [*ax.patches, *ax.lines]:
        artist.remove()


# ---- widgets ---------------------------------------------------------------------------------


def build_question_sorter() -> ExerciseView:
    """Part 1: sort the question bank into open and neutral or leading, with per-item feedback."""
    return sorting.build_sorter(
        SORT_ID, SORT_TITLE, load_question_bank(), CATEGORIES,
        prompt="You are exploring how hiking-club treasurers deal with shared trip costs. "
               "Is each question open and neutral, or leading?",
    )


def build_question_checker(starting_question: str = SAMPLE_QUESTION) -> ExerciseView:
    """Part 2: write a question, see its flags with reasons, track drafts, save your work."""
    question = widgets.Textarea(
        value=starting_question,
        description="Your question",
        placeholder="Type one interview question, for example: Tell me about the last time ...",
        continuous_update=False,
        style=LABEL_STYLE,
        layout=widgets.Layout(width="44em", height="5em"),
    )
    check = widgets.Button(description="Check my question", button_style="primary", icon="search")
    feedback = widgets.HTML()
    chart = widgets.HTML()
    rules = widgets.HTML(rules_html())
    fig = Figure(figsize=(5, 2.2))
    fig.subplots()
    fig.subplots_adjust(left=0.12, right=0.98, bottom=0.24, top=0.86)
    drafts: list[tuple[str, int]] = []

    def update(_button: widgets.Button | None = None) -> None:
        try:
            result = check_question(question.value)
        except ValueError as error:
            feedback.value = render.notice("error", str(error))
            return
        if not drafts or drafts[-1][0] != result.question:
            drafts.append((result.question, len(result.flags)))
            del drafts[:-MAX_DRAFTS_KEPT]
        feedback.value = result._repr_html_()
        counts = [count for _, count in drafts]
        _remove_plotted(fig.axes[0])
        plot_draft_history(fig.axes[0], counts)
        chart.value = render.figure_html(fig, describe_draft_history(counts))

    def snapshot() -> dict[str, Any]:
        try:
            result = check_question(question.value)
        except ValueError as error:
            raise ValueError(f"Fix your question first. {error}") from None
        return {
            "inputs": {"question": result.question, "drafts": [text for text, _ in drafts]},
            "results": result.as_dict() | {"flags_per_draft": [count for _, count in drafts]},
            "markdown_body": markdown_report(result),
        }

    check.on_click(update)
    on_any_change({"question": question}, update)
    update()
    save = build_save_panel(WRITE_ID, WRITE_TITLE, snapshot)
    root = widgets.VBox([question, check, feedback, chart, rules, save.root])
    return ExerciseView(
        root,
        controls={"question": question, "check": check, **save.controls},
        outputs={"feedback": feedback, "chart": chart, "rules": rules, **save.outputs},
    )
