"""The interview-question lab's widgets: part 1 sorts the question bank, part 2 checks the learner's own question."""

from __future__ import annotations

from typing import Any

import ipywidgets as widgets

from ..kit import render
from ..kit.sorting_widget import build_sorter
from ..kit.views import LABEL_STYLE, ExerciseView, assemble, fix_first
from .chart import chart_panel
from .model import MAX_DRAFTS_KEPT, SAMPLE_QUESTION, check_question, interview_questions, markdown_report, rules_html

SORT_ID = "interview-lab-sort"
WRITE_ID = "interview-lab-write"
SORT_PROMPT = (
    "You are exploring how hiking-club treasurers deal with shared trip costs. "
    "Is each question open and neutral, or leading?"
)


def build_question_sorter() -> ExerciseView:
    """Part 1: sort the question bank into open and neutral or leading, with per-item feedback."""
    bank = interview_questions()
    return build_sorter(SORT_ID, bank.items, bank.categories, prompt=SORT_PROMPT)


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
    feedback, chart, rules = widgets.HTML(), widgets.HTML(), widgets.HTML(rules_html())
    panel = chart_panel()
    drafts: list[tuple[str, int]] = []  # (question, flags), oldest first

    def update() -> None:
        try:
            result = check_question(question.value)
        except ValueError as error:
            feedback.value = render.notice("error", str(error))
            return
        if not drafts or drafts[-1][0] != result.question:
            drafts.append((result.question, len(result.flags)))
            del drafts[:-MAX_DRAFTS_KEPT]
        feedback.value = result._repr_html_()
        chart.value = panel.html(tuple(count for _, count in drafts))

    def snapshot() -> dict[str, Any]:
        result = fix_first(lambda: check_question(question.value), "your question")
        return {
            "inputs": {"question": result.question, "drafts": [text for text, _ in drafts]},
            "results": result.as_dict() | {"flags_per_draft": [count for _, count in drafts]},
            "markdown_body": markdown_report(result),
        }

    check.on_click(lambda _button: update())
    return assemble(
        WRITE_ID,
        [question, check, feedback, chart, rules],
        controls={"question": question, "check": check},
        outputs={"feedback": feedback, "chart": chart, "rules": rules},
        update=update,
        snapshot=snapshot,
        watch={"question": question},
        charts={"chart": panel},
    )
