"""Scored "Check your understanding" questions that work with no Python: in the online book,
offline, in JupyterLab and in Colab.

A chapter's questions live in a data file ``exercises/data/check_NN.json`` (schema:
``check.schema.json``). :func:`check` loads one; showing the result (``_repr_html_``) gives
an accessible form whose scoring, feedback, retry and "Save my results" run in the page
(``checks.js``, inlined so the output carries everything it needs). Saving downloads the
same schema-v1 record that Save my work writes, so the gradebook counts it. :func:`score`
is the same scoring in Python: the gradebook and the tests use it to re-check a record.
"""

from __future__ import annotations

import json
import math
from collections.abc import Mapping
from functools import cache
from importlib import resources
from typing import Any

from . import data, render
from .choices import Titled
from .frozen import Frozen

SCHEMA = "check.schema.json"


class Option(Frozen):
    text: str
    correct: bool
    why: str


class Question(Frozen):
    id: str
    kind: str  # "single", "multiple" or "numeric"
    prompt: str
    options: tuple[Option, ...] = ()
    answer: float | None = None
    tolerance: float = 0.0
    unit: str = ""
    explanation: str = ""
    scenario: bool = False


class CheckBank(Titled):
    """One chapter's questions."""

    intro: str
    questions: tuple[Question, ...]

    @property
    def max_score(self) -> int:
        return len(self.questions)

    def _repr_html_(self) -> str:
        return check_html(self)

    def __repr__(self) -> str:
        # The plain-text form (text-only front ends, the notebook's text/plain output) names the check
        # without the answers; the dataclass default would print every option with its "correct" flag.
        return f"{self.title} ({len(self.questions)} questions; open the page or Jupyter to answer them)"


class CheckResult(Frozen):
    """A learner's answers, scored: one point per question answered right."""

    bank: CheckBank
    correct: tuple[bool, ...]

    @property
    def score(self) -> int:
        return sum(self.correct)

    def as_dict(self) -> dict[str, Any]:
        return {
            "score": self.score,
            "max_score": self.bank.max_score,
            "questions": {q.id: {"correct": ok} for q, ok in zip(self.bank.questions, self.correct, strict=False)},
        }


def parse_check(raw: Any, *, source: str = "check data") -> CheckBank:
    """Validate ``raw`` against the schema and build the bank; rules a schema cannot say are checked here."""
    data.validate(raw, SCHEMA, source=source)
    questions = []
    for index, item in enumerate(raw["questions"]):
        where = f"{source}: question {index + 1} ({item['id']})"
        options = tuple(Option(o["text"].strip(), o["correct"], o["why"].strip()) for o in item.get("options", ()))
        right = sum(o.correct for o in options)
        if item["kind"] == "single" and right != 1:
            raise ValueError(f"{where}: a single-choice question needs exactly one right option, not {right}.")
        if item["kind"] == "multiple" and right < 1:
            raise ValueError(f"{where}: a multiple-choice question needs at least one right option.")
        questions.append(Question(
            item["id"], item["kind"], item["prompt"].strip(), options, item.get("answer"),
            float(item.get("tolerance", 0)), item.get("unit", ""), item.get("explanation", "").strip(),
            bool(item.get("scenario", False)),
        ))
    ids = [q.id for q in questions]
    if len(set(ids)) != len(ids):
        raise ValueError(f"{source}: question ids must be unique.")
    return CheckBank(raw["id"], raw["title"].strip(), raw.get("intro", "").strip(), tuple(questions))


@cache
def check(chapter_number: int) -> CheckBank:
    """The shipped check of chapter ``chapter_number`` (``check_NN.json``)."""
    name = f"check_{chapter_number:02d}.json"
    return parse_check(data.load(name, schema=SCHEMA), source=f"exercises/data/{name}")


def _numeric(raw: object) -> float | None:
    if raw is None or isinstance(raw, bool):
        return None
    try:
        value = float(str(raw).replace(",", "").strip())
    except ValueError:
        return None
    return value if math.isfinite(value) else None


def score(bank: CheckBank, answers: Mapping[str, Any]) -> CheckResult:
    """Score saved answers: an option index (single), a list of indices (multiple) or a number (numeric).

    ``None`` or a missing answer scores nothing.
    """
    correct = []
    for question in bank.questions:
        given = answers.get(question.id)
        if question.kind == "numeric":
            value = _numeric(given)
            ok = value is not None and abs(value - float(question.answer)) <= question.tolerance + 1e-9
        elif question.kind == "single":
            ok = isinstance(given, int) and not isinstance(given, bool) and 0 <= given < len(question.options) \
                and question.options[given].correct
        else:
            chosen = set(given) if isinstance(given, list) and all(isinstance(i, int) for i in given) else None
            ok = chosen == {i for i, o in enumerate(question.options) if o.correct}
        correct.append(bool(ok))
    return CheckResult(bank, tuple(correct))


@cache
def _script() -> str:
    return resources.files("exercises.kit").joinpath("checks.js").read_text(encoding="utf-8")


def _question_html(bank: CheckBank, number: int, question: Question) -> str:
    name = f"{bank.id}-{question.id}"
    legend = f'<legend><strong>{number}.</strong> {render.escape(question.prompt)}</legend>'
    if question.kind == "numeric":
        unit = f" ({render.escape(question.unit)})" if question.unit else ""
        body = (
            f'<label for="{name}">Your answer{unit}</label> '
            f'<input type="text" inputmode="decimal" id="{name}" name="{name}" autocomplete="off" size="12">'
        )
    else:
        kind = "radio" if question.kind == "single" else "checkbox"
        hint = "" if question.kind == "single" else '<p class="pm-check-hint">Choose every answer that applies.</p>'
        body = hint + "".join(
            f'<div class="pm-check-option"><input type="{kind}" id="{name}-{i}" name="{name}" value="{i}">'
            f' <label for="{name}-{i}">{render.escape(option.text)}</label></div>'
            for i, option in enumerate(question.options)
        )
    feedback = f'<div class="pm-check-feedback" id="{name}-feedback" role="status" aria-live="polite"></div>'
    return f'<fieldset class="pm-check-question" data-question="{question.id}">{legend}{body}{feedback}</fieldset>'


def _bank_json(bank: CheckBank) -> str:
    payload = {
        "id": bank.id, "title": bank.title,
        "questions": [
            {"id": q.id, "kind": q.kind, "answer": q.answer, "tolerance": q.tolerance, "unit": q.unit,
             "explanation": q.explanation,
             "options": [{"text": o.text, "correct": o.correct, "why": o.why} for o in q.options]}
            for q in bank.questions
        ],
    }
    # "</" would end the script element early; JSON allows the escaped form.
    return json.dumps(payload, ensure_ascii=False).replace("</", "<\\/")


def check_html(bank: CheckBank) -> str:
    """The check as a self-contained form: questions, Check, Try again, a score, and Save my results."""
    intro = f"<p>{render.escape(bank.intro)}</p>" if bank.intro else ""
    questions = "".join(_question_html(bank, n, q) for n, q in enumerate(bank.questions, 1))
    return (
        f'<form class="pm-check" id="{bank.id}" aria-label="{render.escape(bank.title)}" novalidate>'
        f"{intro}{questions}"
        '<div class="pm-check-actions">'
        '<button type="submit" class="pm-check-submit">Check my answers</button> '
        '<button type="button" class="pm-check-retry" hidden>Try again</button>'
        "</div>"
        f'<p class="pm-check-score" id="{bank.id}-score" role="status" aria-live="polite"></p>'
        '<div class="pm-check-save" hidden>'
        f'<label for="{bank.id}-name">Your name (optional)</label> '
        f'<input type="text" id="{bank.id}-name" autocomplete="name" size="24"> '
        '<button type="button" class="pm-check-download">Save my results</button>'
        '<span class="pm-check-saved" role="status" aria-live="polite"></span>'
        "</div>"
        "<noscript><p>These questions are scored by JavaScript in the page; turn it on to check your answers."
        "</p></noscript>"
        f'<script type="application/json" class="pm-check-data">{_bank_json(bank)}</script>'
        f"<script>{_script()}</script>"
        "</form>"
    )
