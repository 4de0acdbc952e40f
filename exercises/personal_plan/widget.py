"""The personal plan's widget: four parts with feedback, a skills chart, the feasibility calculator and Save my work."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

import ipywidgets as widgets

from ..feasibility.model import FIELDS
from ..feasibility.widget import build_calculator
from ..kit import render
from ..kit.numbers import format_number
from ..kit.text import answer_markdown, clean_text
from ..kit.views import LABEL_STYLE, ExerciseView, assemble, batched, choice_menu, written_answer
from .chart import chart_panel
from .data import plan_data
from .model import assess_skills, check_reframe, make_plan, parse_next_steps, plan_try_it

EXERCISE_ID = "personal-plan"
SETBACKS_LABEL = "Setbacks you expect"
SKILL_LABEL_STYLE = {"description_width": "17em"}  # room for "Comfort without full information"


def _section(title: str, children: Sequence[widgets.Widget]) -> widgets.VBox:
    return widgets.VBox(
        [widgets.HTML(f"<h4 style='margin:4px 0'>{render.escape(title)}</h4>"), *children],
        layout=widgets.Layout(border="1px solid #c4c4c4", padding="6px", margin="6px 0"),
    )


def _text_area(description: str, placeholder: str, height: str, **options: Any) -> widgets.Textarea:
    return widgets.Textarea(
        description=description, placeholder=placeholder, style=LABEL_STYLE,
        layout=widgets.Layout(width="44em", height=height), **options,
    )


def build_personal_plan(today: date | None = None) -> ExerciseView:
    """The four-part personal plan with feedback, a skills chart, the calculator link and Save my work.

    ``today`` fixes the date that next steps are checked against (for tests); by default it is
    the kernel's date at the moment of each check.
    """
    data = plan_data()

    def current_day() -> date:
        return today or date.today()

    # Part 1: a note to a friend
    friend_note = _text_area("Your note to a friend", "Write as you would to someone you care about\u2026", "9em",
                             continuous_update=False)
    feedback_button = widgets.Button(description="Give me feedback", icon="comment", tooltip="Read my note and suggest")
    reframe_feedback = widgets.HTML()

    def show_reframe(asked: bool = False) -> None:
        if not friend_note.value.strip():
            # Invite a note when asked or when one was deleted, but stay quiet before the learner starts.
            if asked or reframe_feedback.value:
                reframe_feedback.value = render.notice("info", "Write a few sentences first; there is no wrong answer.")
            return
        try:
            reframe_feedback.value = check_reframe(friend_note.value, data.reframe)._repr_html_()
        except ValueError as error:
            reframe_feedback.value = render.notice("error", str(error))

    # Part 2: the key skills
    levels = [(label, value) for value, label in data.levels]
    skill_controls = {
        skill.id: choice_menu(levels, description=skill.label,
                                   tooltip=skill.question, style=SKILL_LABEL_STYLE, layout=widgets.Layout(width="34em"))
        for skill in data.skills
    }
    skills_summary, skills_chart = widgets.HTML(), widgets.HTML()
    panel = chart_panel()

    def show_skills() -> None:
        try:
            result = assess_skills({sid: c.value for sid, c in skill_controls.items()}, data)
        except ValueError as error:  # only reachable if the options are tampered with
            skills_summary.value = render.notice("error", str(error))
            skills_chart.value = ""
            return
        skills_summary.value = result._repr_html_()
        skills_chart.value = panel.html(result)

    # Part 3: try it, then check the numbers in the calculator
    problem = _text_area("A problem you have", "Who has it, and when does it bite?", "4em")
    fix = _text_area("The cheapest fix", "Quick, cheap; buying something counts", "4em")
    buy_existing = widgets.Checkbox(description="The fix is to buy something that already exists", indent=False)
    number_boxes = {
        name: widgets.Text(description=spec.label, placeholder=f"e.g. {spec.default:g}", tooltip=spec.help_text,
                           style=LABEL_STYLE, layout=widgets.Layout(width="24em"))
        for name, spec in FIELDS.items()
    }
    open_calculator = widgets.Button(description="Check in the calculator", icon="calculator", button_style="info",
                                     tooltip="Open the feasibility calculator below, filled in with these numbers",
                                     layout=widgets.Layout(width="auto"))
    try_message = widgets.HTML()
    calculator_area = widgets.VBox()
    calculator: list[ExerciseView] = []  # built on the first check, then refilled

    def show_calculator(_button: object = None) -> None:
        try:
            plan = plan_try_it(problem.value, fix.value, {n: b.value for n, b in number_boxes.items()},
                               buy_existing=buy_existing.value)
        except ValueError as error:
            try_message.value = render.notice("error", str(error), title="Check your project")
            calculator_area.children = ()
            return
        try_message.value = plan._repr_html_()
        values = plan.calculator_values()
        if not calculator:
            calculator.append(build_calculator(save=False, **values))  # the plan has the one save panel
        else:
            with batched():
                for name, value in values.items():
                    calculator[0].controls[name].value = format_number(value)
        calculator_area.children = (calculator[0].root,)

    # Part 4: dated next steps
    steps = _text_area("Your next steps", "YYYY-MM-DD  one step per line, up to five", "8em", continuous_update=False)
    check_steps = widgets.Button(description="Check my dates", icon="calendar")
    steps_feedback = widgets.HTML()
    setbacks = written_answer(SETBACKS_LABEL, "A setback you expect on the way, and what you will do when it happens")

    def show_steps(_button: object = None) -> None:
        try:
            steps_feedback.value = parse_next_steps(steps.value, current_day(), data)._repr_html_()
        except ValueError as error:
            steps_feedback.value = render.notice("error", str(error), title="Check your dates")

    def update() -> None:
        show_reframe()
        show_skills()
        show_steps()

    def snapshot() -> dict[str, Any]:
        try:
            plan = make_plan(
                friend_note=friend_note.value, ratings={sid: c.value for sid, c in skill_controls.items()},
                problem=problem.value, fix=fix.value, buy_existing=buy_existing.value,
                numbers={n: b.value for n, b in number_boxes.items()}, steps_text=steps.value, today=current_day(),
                data=data,
            )
        except ValueError as error:
            raise ValueError(f"Fix these first:\n{error}") from None
        expected = clean_text(setbacks.value, SETBACKS_LABEL)
        return {"inputs": dict(plan.raw_inputs) | {"setbacks": expected}, "results": plan.results(),
                "markdown_body": plan.markdown() + "\n" + answer_markdown(SETBACKS_LABEL, expected)}

    feedback_button.on_click(lambda _button: show_reframe(asked=True))
    open_calculator.on_click(show_calculator)
    check_steps.on_click(show_steps)
    questions = [widgets.VBox([widgets.HTML(f"<p style='margin:6px 0 0 0'>{render.escape(s.question)}</p>"),
                               skill_controls[s.id]]) for s in data.skills]
    body = [
        _section("1. What would you tell a friend?", [
            widgets.HTML(f"<p>{render.escape(data.reframe.prompt)}</p>"),
            friend_note, feedback_button, reframe_feedback,
        ]),
        _section("2. Your key skills", [*questions, skills_summary, skills_chart]),
        _section("3. Try it: a problem, a cheap fix, the numbers", [
            problem, fix, buy_existing, *number_boxes.values(), open_calculator, try_message, calculator_area,
        ]),
        _section("4. Your next steps", [
            widgets.HTML("<p>One step per line, each starting with its date (YYYY-MM-DD), at most five.</p>"),
            steps, check_steps, steps_feedback, setbacks,
        ]),
    ]
    return assemble(
        EXERCISE_ID,
        body,
        controls={"friend_note": friend_note, "feedback": feedback_button, **skill_controls, "problem": problem,
                  "fix": fix, "buy_existing": buy_existing, **number_boxes, "open_calculator": open_calculator,
                  "steps": steps, "check_steps": check_steps, "setbacks": setbacks},
        outputs={"reframe": reframe_feedback, "skills": skills_summary, "skills_chart": skills_chart,
                 "try_it": try_message, "calculator": calculator_area, "steps": steps_feedback},
        update=update,
        snapshot=snapshot,
        watch={"friend_note": friend_note, **skill_controls, "steps": steps},
        charts={"skills_chart": panel},
    )
