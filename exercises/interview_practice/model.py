"""Interview practice's pure layer: questions drawn from a bank, answers written against a checklist.

The bank (``exercises/data/interview_practice.json``, :func:`parse_interview_bank`,
:func:`interview_bank`) holds the five types of PM interview question, each with what it tests,
what a strong answer does and a four-item checklist, and several questions per type, each with the
outline of a strong answer. :func:`draw_question` picks one; :func:`check_answer` takes the
learner's answer and the items they ticked, and gives hints: for each item, whether the answer uses
any of its cue words (a trailing ``*`` matches any ending, ``#number`` any word with a digit, as
:func:`exercises.kit.text.find_terms` matches them). The hints look at words, not ideas, and say so;
the ticks are the learner's own judgement. :func:`practice_progress` sums the ticks by type.
"""

from __future__ import annotations

import random
from collections.abc import Iterable, Mapping, Sequence
from functools import cache
from typing import Any

from ..kit import render
from ..kit.choices import by_id
from ..kit.data import load, schema_name, validate
from ..kit.frozen import Frozen
from ..kit.text import clean_text, escape_markdown, find_terms, is_written, words

__all__ = [
    "DATA_FILE", "MAX_ANSWER_CHARS", "ChecklistItem", "InterviewBank", "PracticeAnswer", "PracticeProgress",
    "Question", "QuestionType", "TypeProgress", "check_answer", "draw_question", "interview_bank",
    "parse_interview_bank", "practice_progress",
]

DATA_FILE = "interview_practice.json"
MAX_ANSWER_CHARS = 5_000
MIN_QUESTIONS_PER_TYPE = 3


class ChecklistItem(Frozen):
    id: str
    text: str
    cues: tuple[str, ...]
    tip: str


class QuestionType(Frozen):
    id: str
    label: str
    tests: str  # what this type of question tests
    strong_answer: str  # what a strong answer does
    checklist: tuple[ChecklistItem, ...]


class Question(Frozen):
    id: str
    type_id: str
    text: str
    outline: str  # what a strong answer to this question would cover


class InterviewBank(Frozen):
    """The checked contents of the data file."""

    types: tuple[QuestionType, ...]
    questions: tuple[Question, ...]
    limits: str
    short_answer_words: int

    def type(self, type_id: str) -> QuestionType:
        return by_id(self.types, type_id, f"Question type: {str(type_id)[:40]!r} is not one of the types on offer.")

    def question(self, question_id: str) -> Question:
        for question in self.questions:
            if question.id == question_id:
                return question
        raise ValueError(f"There is no question called {str(question_id)[:40]!r}.")

    def of_type(self, type_id: str | None) -> tuple[Question, ...]:
        """The questions of one type, or all of them for ``None``."""
        if type_id is not None:
            self.type(type_id)
        return tuple(q for q in self.questions if type_id is None or q.type_id == type_id)


class PracticeAnswer(Frozen):
    """One answer, checked: the learner's ticks, the cue words found and the hints (not a score)."""

    question: Question
    question_type: QuestionType
    text: str
    word_count: int
    ticks: tuple[bool, ...]  # in the order of the type's checklist
    cues_found: tuple[tuple[str, ...], ...]  # per checklist item, the cue words the answer uses
    hints: tuple[str, ...]
    limits: str

    @property
    def ticked(self) -> int:
        return sum(self.ticks)

    def summary(self) -> str:
        items = self.question_type.checklist
        lines = [f"{self.question_type.label}: {self.question.text}", f"Words: {self.word_count}",
                 f"Checklist ticked: {self.ticked} of {len(items)}"]
        lines += [f"[{'x' if tick else ' '}] {item.text}" for item, tick in zip(items, self.ticks, strict=True)]
        return "\n".join(lines + [f"- {hint}" for hint in self.hints])

    def as_dict(self) -> dict[str, Any]:
        return {
            "question": self.question.id,
            "type": self.question_type.id,
            "question_text": self.question.text,
            "answer": self.text,
            "words": self.word_count,
            "ticked": self.ticked,
            "items": len(self.ticks),
            "checklist": [
                {"item": item.id, "text": item.text, "ticked": tick, "cue_words_found": list(found)}
                for item, tick, found in zip(self.question_type.checklist, self.ticks, self.cues_found, strict=True)
            ],
            "hints": list(self.hints),
        }

    def markdown(self) -> str:
        """The question, the answer and the ticked checklist as safe Markdown (for Save my work)."""
        lines = [f"### {escape_markdown(self.question_type.label)}", "", f"> {escape_markdown(self.question.text)}",
                 "", escape_markdown(self.text).replace("\n", "  \n"), ""]
        lines += [f"- [{'x' if tick else ' '}] {escape_markdown(item.text)}"
                  for item, tick in zip(self.question_type.checklist, self.ticks, strict=True)]
        return "\n".join(lines) + "\n"

    def _repr_html_(self) -> str:
        count = len(self.ticks)
        head = render.notice("ok" if self.ticked == count else "info",
                             f"You ticked {self.ticked} of {count} checklist items. "
                             "The answer is kept for Save my work.",
                             title="Answer checked")
        hints = render.notice("warn" if self.hints else "ok",
                              "\n".join(f"\u2022 {hint}" for hint in self.hints) or
                              "Each item you ticked uses words the checker looks for.", title="Hints")
        outline = render.notice("info", self.question.outline, title="What a strong answer would cover")
        return head + hints + outline + render.notice("info", self.limits, title="What the hints cannot judge")


class TypeProgress(Frozen):
    type_id: str
    label: str
    answered: int  # questions of this type with a checked answer
    ticked: int
    items: int  # checklist items over those answers

    @property
    def share(self) -> float:
        return self.ticked / self.items if self.items else 0.0


class PracticeProgress(Frozen):
    """The checklist ticked so far, by question type (what the chart shows)."""

    rows: tuple[TypeProgress, ...]

    @property
    def answered(self) -> int:
        return sum(row.answered for row in self.rows)

    def as_dict(self) -> dict[str, Any]:
        return {row.type_id: {"answered": row.answered, "ticked": row.ticked, "items": row.items} for row in self.rows}


# ---- the data file ---------------------------------------------------------------------------


def _check_cues(source: str, where: str, cues: Sequence[str]) -> None:
    for index, cue in enumerate(cues):
        if not cue.startswith("#") and not words(cue.replace("*", "")):
            raise ValueError(f"{source}: at {where}/cues/{index}: {cue!r} has no word in it, so it can never match.")
        if cue.startswith("#") and cue != "#number":
            raise ValueError(f"{source}: at {where}/cues/{index}: the only special cue is #number, not {cue!r}.")


def _unique(source: str, key: str, ids: Sequence[str]) -> None:
    for index, item_id in enumerate(ids):
        if item_id in ids[:index]:
            raise ValueError(f"{source}: at /{key}/{index}/id: two {key} share the id {item_id!r}.")


def parse_interview_bank(raw: Any, *, source: str = DATA_FILE) -> InterviewBank:
    """Check ``raw`` against the schema and the rules it cannot express; errors name ``source`` and the path."""
    validate(raw, schema_name(DATA_FILE), source=source)
    types = []
    for t_index, raw_type in enumerate(raw["types"]):
        items = []
        for i_index, item in enumerate(raw_type["checklist"]):
            _check_cues(source, f"/types/{t_index}/checklist/{i_index}", item["cues"])
            items.append(ChecklistItem(item["id"], item["text"].strip(), tuple(c.strip().lower() for c in item["cues"]),
                                       item["tip"].strip()))
        _unique(source, f"types/{t_index}/checklist", [item.id for item in items])
        types.append(QuestionType(raw_type["id"], raw_type["label"].strip(), raw_type["tests"].strip(),
                                  raw_type["strong_answer"].strip(), tuple(items)))
    _unique(source, "types", [t.id for t in types])
    known = {t.id for t in types}
    questions = []
    for index, item in enumerate(raw["questions"]):
        if item["type"] not in known:
            raise ValueError(f"{source}: at /questions/{index}/type: {item['type']!r} is not a declared type.")
        questions.append(Question(item["id"], item["type"], item["text"].strip(), item["outline"].strip()))
    _unique(source, "questions", [q.id for q in questions])
    for question_type in types:
        count = sum(q.type_id == question_type.id for q in questions)
        if count < MIN_QUESTIONS_PER_TYPE:
            raise ValueError(f"{source}: at /questions: the type {question_type.id!r} has {count} questions; "
                             f"give it at least {MIN_QUESTIONS_PER_TYPE}, so a learner can draw again.")
    return InterviewBank(tuple(types), tuple(questions), raw["limits"].strip(), raw["short_answer_words"])


@cache
def interview_bank() -> InterviewBank:
    """The shipped bank, checked once."""
    return parse_interview_bank(load(DATA_FILE), source=f"exercises/data/{DATA_FILE}")


# ---- drawing and checking ----------------------------------------------------------------------


def draw_question(bank: InterviewBank, type_id: str | None = None, *, avoid: str | None = None,
                  rng: random.Random | None = None) -> Question:
    """A question of ``type_id`` (any type for ``None``), other than ``avoid`` when there is a choice."""
    pool = bank.of_type(type_id)
    fresh = [q for q in pool if q.id != avoid] or list(pool)
    return (rng or random.Random()).choice(fresh)


def _hint(item: ChecklistItem, ticked: bool, found: Sequence[str]) -> str | None:
    if ticked and not found:
        examples = ", ".join([f"\u201c{cue.rstrip('*')}\u201d" for cue in item.cues if not cue.startswith("#")][:3])
        return (f"You ticked \u201c{item.text}\u201d, but none of the words the checker looks for "
                f"({examples or 'a number'}) appear. Is it in your answer, or only in your head?")
    if not ticked and found:
        return (f"Your answer may already cover \u201c{item.text}\u201d (it says \u201c{found[0]}\u201d). "
                "Tick it if it does.")
    if not ticked:
        return f"Not in your answer yet: \u201c{item.text}\u201d. {item.tip}"
    return None


def check_answer(bank: InterviewBank, question: Question, text: object, ticks: Sequence[bool] | Mapping[str, bool]
                 ) -> PracticeAnswer:
    """Check an answer against its type's checklist; ``ticks`` by position or by item id."""
    question_type = bank.type(question.type_id)
    items = question_type.checklist
    if isinstance(ticks, Mapping):
        unknown = sorted(set(ticks) - {item.id for item in items})
        if unknown:
            raise ValueError(f"Checklist: {', '.join(str(u)[:30] for u in unknown[:4])} is not on this checklist.")
        ticks = [bool(ticks.get(item.id, False)) for item in items]
    if len(ticks) != len(items):
        raise ValueError(f"Checklist: expected {len(items)} ticks, one per item, not {len(ticks)}.")
    if text is None or not str(text).strip():
        raise ValueError("Your answer is empty. Write it as you would say it in the interview, then check it.")
    answer = clean_text(text, "Your answer", max_chars=MAX_ANSWER_CHARS)
    answer_words = words(answer)
    if not answer_words:
        raise ValueError("Your answer has no words yet, only punctuation or markup. Write it as you would say it.")
    found = tuple(tuple(find_terms(item.cues, answer_words)) for item in items)
    hints = [hint for item, tick, cues in zip(items, ticks, found, strict=True)
             if (hint := _hint(item, bool(tick), cues)) is not None]
    if len(answer_words) < bank.short_answer_words:
        hints.append(f"Your answer has {len(answer_words)} words. Spoken, an interview answer usually runs for a few "
                     "minutes; a written practice answer this short probably leaves steps out.")
    return PracticeAnswer(question, question_type, answer, len(answer_words), tuple(bool(t) for t in ticks), found,
                          tuple(hints), bank.limits)


def practice_progress(bank: InterviewBank, answers: Iterable[PracticeAnswer]) -> PracticeProgress:
    """The checklist ticked over ``answers``, one row per question type in the bank's order."""
    answers = list(answers)
    rows = []
    for question_type in bank.types:
        mine = [a for a in answers if a.question_type.id == question_type.id]
        rows.append(TypeProgress(question_type.id, question_type.label, len(mine), sum(a.ticked for a in mine),
                                 sum(len(a.ticks) for a in mine)))
    return PracticeProgress(tuple(rows))


def attempt_complete(record: Mapping[str, Any]) -> bool:
    """Complete when at least one question has an answer."""
    return any(is_written(a.get("answer")) for a in record["inputs"].get("answers", {}).values())
