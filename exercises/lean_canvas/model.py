"""The Lean Canvas's pure layer: is a canvas complete and consistent?

:func:`check_canvas` finds empty boxes, boxes over their limits and boxes that contradict each
other; its :class:`CanvasCheck` keeps the :class:`~.boxes.CanvasData` it was checked against,
so everything shown from it (summary, HTML, Markdown, the drawing) uses that data.
:func:`canvas_markdown` writes a canvas and its check for Save my work. The data is in
:mod:`.boxes` and the numbers for the feasibility calculator in :mod:`.amounts`.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import field
from typing import Any

from ..kit import render
from ..kit.frozen import Frozen
from ..kit.numbers import format_money
from ..kit.text import escape_markdown, find_terms, is_written, sentences, words
from .amounts import SOURCE_BOX, ExtractedNumbers, extract_numbers
from .boxes import BOX_KEYS, CanvasData, canvas_data, normalise_boxes

__all__ = [
    "MAX_TOP_PROBLEMS", "SEVERITY_KIND", "CanvasCheck", "Issue", "canvas_markdown", "check_canvas", "unnamed_segments",
]

MAX_TOP_PROBLEMS = 3
ALL_CLEAR = "Complete and consistent, as far as these checks can tell."

SEVERITY_KIND = {"missing": "warn", "too long": "warn", "inconsistent": "error", "tip": "info"}


class Issue(Frozen):
    box: str
    severity: str  # one of SEVERITY_KIND
    message: str


class CanvasCheck(Frozen):
    """Completeness and consistency of one canvas, checked against ``data`` (which names and limits the boxes)."""

    boxes: dict[str, str]
    word_counts: dict[str, int]
    issues: tuple[Issue, ...]
    numbers: ExtractedNumbers
    data: CanvasData = field(repr=False)

    @property
    def filled(self) -> int:
        return sum(bool(text) for text in self.boxes.values())

    @property
    def complete(self) -> bool:
        return not any(i.severity in ("missing", "too long", "inconsistent") for i in self.issues)

    def issues_for(self, box: str) -> list[Issue]:
        return [i for i in self.issues if i.box == box]

    def summary(self) -> str:
        head = f"Boxes filled: {self.filled} of {len(BOX_KEYS)}; things to look at: {len(self.issues)}"
        lines = [f"- {self.data.label(i.box)} ({i.severity}): {i.message}" for i in self.issues]
        return "\n".join([head, *lines] if lines else [head, ALL_CLEAR])

    def as_dict(self) -> dict[str, Any]:
        return {
            "filled": self.filled,
            "boxes_total": len(BOX_KEYS),
            "complete": self.complete,
            "word_counts": dict(self.word_counts),
            "issues": [{"box": i.box, "severity": i.severity, "message": i.message} for i in self.issues],
            "numbers": self.numbers.as_dict(),
        }

    def _repr_html_(self) -> str:
        head = (f"<p><strong>Boxes filled: {self.filled} of {len(BOX_KEYS)}; "
                f"things to look at: {len(self.issues)}.</strong></p>")
        if not self.issues:
            return head + render.notice("ok", ALL_CLEAR)
        return head + "".join(
            render.notice(SEVERITY_KIND[i.severity], i.message, title=f"{self.data.label(i.box)} ({i.severity})")
            for i in self.issues
        )


def _stem(word: str) -> str:
    word = word.removesuffix("'s")
    return word[:-1] if len(word) > 3 and word.endswith("s") and not word.endswith("ss") else word


def _items(text: str) -> list[str]:
    """Split a box into its items: the kit's sentences (which end at line breaks too), split again at ';'."""
    parts = (part.strip(" -*\u2022\t") for sentence in sentences(text) for part in sentence.split(";"))
    return [part for part in parts if part]


def unnamed_segments(segments: str, problem: str, filler: frozenset[str] = frozenset()) -> list[str]:
    """Segments (one per line, sentence or ';') none of whose words (4+ letters) appear in the problem.

    Words are compared after dropping a plural or possessive "s"; filler words
    such as "early adopters" are ignored. Synonyms are not recognised.
    """
    problem_words = {_stem(w) for w in words(problem)}
    unnamed = []
    for segment in _items(segments):
        content = {_stem(w) for w in words(segment) if len(w) >= 4 and not w[0].isdigit() and w not in filler}
        if content and not content & problem_words:
            unnamed.append(segment)
    return unnamed


def check_canvas(boxes: Mapping[str, object], data: CanvasData | None = None) -> CanvasCheck:
    """Find missing boxes, boxes over their limit and inconsistencies between boxes."""
    data = data or canvas_data()
    clean = normalise_boxes(boxes)
    counts = {key: len(words(text)) for key, text in clean.items()}
    issues: list[Issue] = []
    for key, text in clean.items():
        spec = data.boxes[key]
        if not text:
            if key == "unfair_advantage":
                issues.append(Issue(key, "tip", "Empty, which is honest if you have none yet; come back to it."))
            else:
                issues.append(Issue(key, "missing", f"Empty. {spec.prompt}"))
        elif counts[key] > spec.max_words or len(text) > spec.max_chars:
            issues.append(Issue(key, "too long", (
                f"{counts[key]:,} words and {len(text):,} characters; keep it within {spec.max_words} words "
                f"and {spec.max_chars} characters so it fits on one page."
            )))
    problem, segments = clean["problem"], clean["customer_segments"]
    revenue, costs = clean["revenue_streams"], clean["cost_structure"]
    if costs and not revenue:
        issues.append(Issue("revenue_streams", "inconsistent",
                            "The canvas lists costs but no revenue: who pays for this, and how much?"))
    if revenue and not costs:
        issues.append(Issue("cost_structure", "inconsistent",
                            "The canvas lists revenue but no costs; every product costs something to build and run."))
    if problem and segments:
        for segment in unnamed_segments(segments, problem, data.filler_words)[:3]:
            issues.append(Issue("customer_segments", "inconsistent", (
                f"\u201c{segment[:80]}\u201d is never named in the {data.label('problem')} box. Whose problem is it?"
            )))
    if problem and len(_items(problem)) > MAX_TOP_PROBLEMS + 1:  # +1: a line on how people cope today is welcome
        issues.append(Issue("problem", "tip",
                            f"{len(_items(problem))} items: focus on the top {MAX_TOP_PROBLEMS} problems."))
    numbers = extract_numbers(clean)
    for name in numbers.negative:
        issues.append(Issue(SOURCE_BOX[name], "inconsistent", numbers.negative_message(name)))
    ceiling = numbers.willingness_to_pay
    if numbers.price is not None and ceiling is not None and not numbers.negative and numbers.price > ceiling:
        issues.append(Issue("revenue_streams", "inconsistent", (
            f"The price ({format_money(numbers.price)}) is above what customers would pay ({format_money(ceiling)}), "
            "so nobody would buy at that price."
        )))
    if (numbers.price is not None and numbers.variable_cost is not None and not numbers.negative
            and numbers.price <= numbers.variable_cost):
        issues.append(Issue("revenue_streams", "inconsistent", (
            f"The price ({format_money(numbers.price)}) does not exceed the cost to serve one customer "
            f"({format_money(numbers.variable_cost)}), so every sale loses money."
        )))
    if revenue and numbers.price is None:
        issues.append(Issue("revenue_streams", "tip", "No price found. Write it like \u201c15 per month\u201d "
                            "to try it in the feasibility calculator."))
    uvp = clean["unique_value_proposition"]
    if uvp:
        jargon = find_terms(data.customer_jargon, words(uvp))
        if jargon:
            issues.append(Issue("unique_value_proposition", "tip", (
                f"Customers may not know: {', '.join(list(jargon)[:5])}. Say what they get, not how it works."
            )))
    advantage = clean["unfair_advantage"]
    if advantage and find_terms(data.generic_advantages, words(advantage)):
        issues.append(Issue("unfair_advantage", "tip", "Could a competitor match this just by trying harder? "
                            "An unfair advantage cannot easily be copied or bought."))
    return CanvasCheck(clean, counts, tuple(issues), numbers, data)


def canvas_markdown(check: CanvasCheck) -> str:
    """The canvas and its check as safe Markdown (learner text escaped)."""
    lines = ["## My Lean Canvas", ""]
    for key in BOX_KEYS:
        text = check.boxes[key]
        lines += [f"### {escape_markdown(check.data.label(key))}", ""]
        lines += [escape_markdown(line) for line in text.splitlines()] if text else ["(empty)"]
        lines.append("")
    lines += ["## Check", "", escape_markdown(check.summary().splitlines()[0]), ""]
    lines += [f"- {escape_markdown(check.data.label(i.box))} ({i.severity}): {escape_markdown(i.message)}"
              for i in check.issues]
    return "\n".join(lines) + "\n"


def attempt_complete(record: Mapping[str, Any]) -> bool:
    """Complete when at least one box is written and the canvas is not one of the shipped examples unchanged."""
    boxes = {key: str(record["inputs"].get(key) or "").strip() for key in BOX_KEYS}
    examples = [{key: text.strip() for key, text in e.boxes.items()} for e in canvas_data().examples]
    own_canvas = any(boxes.values()) and all(boxes != example for example in examples)
    return own_canvas or is_written(record["inputs"].get("riskiest_assumption"))
