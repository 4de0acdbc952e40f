"""Interview practice's widget: draw a question, write an answer, tick the checklist, check, save."""

from __future__ import annotations

import random
from contextlib import suppress
from typing import Any

import ipywidgets as widgets

from ..kit import render
from ..kit.views import LABEL_STYLE, ExerciseView, assemble
from .chart import chart_panel
from .model import (
    InterviewBank,
    PracticeAnswer,
    Question,
    check_answer,
    draw_question,
    interview_bank,
    practice_progress,
)

EXERCISE_ID = "interview-practice"
ANY_TYPE = "any"
CHECKLIST_SIZE = 4  # every type has four items (the schema says so)


def _question_html(bank: InterviewBank, question: Question) -> str:
    kind = bank.type(question.type_id)
    return (
        f'<div style="border-left:4px solid #1a56c4;padding:4px 10px;margin:6px 0;">'
        f'<p style="margin:0;color:#444;"><em>{render.escape(kind.label)} question</em></p>'
        f'<p style="margin:4px 0;font-size:110%;"><strong>{render.escape(question.text)}</strong></p>'
        f'<p style="margin:4px 0;"><strong>What it tests:</strong> {render.escape(kind.tests)}</p>'
        f'<p style="margin:4px 0;"><strong>A strong answer:</strong> {render.escape(kind.strong_answer)}</p></div>'
    )


def build_interview_practice(bank: InterviewBank | None = None, *, seed: int | None = None) -> ExerciseView:
    """A question from the bank, a box for the answer, the type's checklist, hints, a chart and Save my work.

    It starts on the bank's first question; **Draw a question** picks another at random
    (``seed`` makes the draws repeatable, for tests).
    """
    bank = bank or interview_bank()
    rng = random.Random(seed)
    answers: dict[str, PracticeAnswer] = {}  # question id -> its last checked answer
    current: list[Question] = [bank.questions[0]]

    kind = widgets.Dropdown(options=[("Any type", ANY_TYPE), *[(t.label, t.id) for t in bank.types]], value=ANY_TYPE,
                            description="Question type", style=LABEL_STYLE, layout=widgets.Layout(width="32em"))
    draw = widgets.Button(description="Draw a question", icon="random", tooltip="Another question of the chosen type")
    question_box = widgets.HTML()
    answer = widgets.Textarea(description="Your answer", placeholder="Write it as you would say it in the interview.",
                              continuous_update=False, style=LABEL_STYLE,
                              layout=widgets.Layout(width="52em", height="12em"))
    ticks = [widgets.Checkbox(value=False, description=f"Checklist item {n + 1}", indent=False)
             for n in range(CHECKLIST_SIZE)]
    check = widgets.Button(description="Check my answer", icon="check", button_style="primary",
                           tooltip="Read your answer against the checklist and keep it for Save my work")
    feedback, chart, answered = widgets.HTML(), widgets.HTML(), widgets.HTML()
    panel = chart_panel()

    def show_progress() -> None:
        chart.value = panel.html(practice_progress(bank, answers.values()))
        done = [answers[q.id] for q in bank.questions if q.id in answers]
        answered.value = render.data_table(
            ("Type", "Question", "Checklist ticked"),
            [(a.question_type.label, a.question.text, f"{a.ticked} of {len(a.ticks)}") for a in done],
            caption="Answers kept for Save my work",
        ) if done else ""

    def show(question: Question) -> None:
        """Put ``question`` on screen with its checklist, and the learner's kept answer to it, if any."""
        current[0] = question
        question_box.value = _question_html(bank, question)
        kept = answers.get(question.id)
        for box, item, n in zip(ticks, bank.type(question.type_id).checklist, range(CHECKLIST_SIZE), strict=True):
            box.description = item.text
            box.value = bool(kept and kept.ticks[n])
        answer.value = kept.text if kept else ""
        feedback.value = kept._repr_html_() if kept else ""

    def wanted_type() -> str | None:
        return None if kind.value == ANY_TYPE else kind.value

    def update() -> None:
        """The type changed: draw a question of that type unless the current one already is."""
        if wanted_type() not in (None, current[0].type_id):
            show(draw_question(bank, wanted_type(), rng=rng))
        else:
            question_box.value = _question_html(bank, current[0])
        show_progress()

    def check_current() -> None:
        """Check the answer on screen and keep it; a ``ValueError`` is shown under the answer, then re-raised."""
        question = current[0]
        try:
            result = check_answer(bank, question, answer.value, [box.value for box in ticks])
        except ValueError as error:
            feedback.value = render.notice("error", str(error), title="Not checked yet")
            raise
        answers[question.id] = result
        feedback.value = result._repr_html_()
        show_progress()

    def check_pressed(_button: object) -> None:
        with suppress(ValueError):  # check_current has shown the message
            check_current()

    def draw_pressed(_button: object) -> None:
        show(draw_question(bank, wanted_type(), avoid=current[0].id, rng=rng))

    def snapshot() -> dict[str, Any]:
        kept = answers.get(current[0].id)
        on_screen = answer.value.strip(), tuple(box.value for box in ticks)
        if on_screen[0] and (kept is None or (kept.text, kept.ticks) != on_screen):
            check_current()  # written or re-ticked since the last check: keep it as it is now
        if not answers:
            raise ValueError("Write an answer and press Check my answer first.")
        done = [answers[q.id] for q in bank.questions if q.id in answers]
        return {
            "inputs": {"answers": {a.question.id: {"answer": a.text, "ticks": {
                item.id: tick for item, tick in zip(a.question_type.checklist, a.ticks, strict=True)}} for a in done}},
            "results": {"answered": len(done), "by_type": practice_progress(bank, done).as_dict(),
                        "answers": [a.as_dict() for a in done]},
            "markdown_body": "## My practice answers\n\n" + "\n".join(a.markdown() for a in done),
        }

    draw.on_click(draw_pressed)
    check.on_click(check_pressed)
    show(current[0])
    checklist = widgets.VBox([widgets.HTML("<p style='margin:6px 0 0 0'><strong>Checklist.</strong> Tick what your "
                                           "answer does; the hints compare your ticks with your words.</p>"), *ticks])
    return assemble(
        EXERCISE_ID,
        [widgets.HBox([kind, draw]), question_box, answer, checklist, check, feedback, chart, answered],
        controls={"type": kind, "draw": draw, "answer": answer,
                  **{f"item_{n + 1}": box for n, box in enumerate(ticks)}, "check": check},
        outputs={"question": question_box, "feedback": feedback, "chart": chart, "answered": answered},
        update=update,
        snapshot=snapshot,
        watch={"type": kind},
        charts={"chart": panel},
    )
