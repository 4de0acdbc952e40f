"""The audience translator's widget: sort the messages (the kit's sorter), then write and check your own."""

from __future__ import annotations

from typing import Any

import ipywidgets as widgets

from ..kit import render, sorting
from ..kit.sorting_widget import build_sorter
from ..kit.views import LABEL_STYLE, WIDE, ExerciseView, assemble, fix_first
from .model import MessageCheck, check_message, message_markdown
from .scenario import Scenario, audience_scenario

EXERCISE_ID = "audience-translator"


def _facts_html(scenario: Scenario) -> str:
    return f"<p><strong>The update: {render.escape(scenario.title)}</strong></p>" + render.bullet_list(scenario.facts)


def build_translator(scenario: Scenario | None = None) -> ExerciseView:
    """Sort the candidate messages by audience, then write and check your own message; one Save my work."""
    scenario = scenario or audience_scenario()
    sorter = build_sorter(
        EXERCISE_ID, scenario.candidates, scenario.categories,
        prompt="Part 1. For each message, choose the audience it was written for.", save=False,
    )
    audience = widgets.Dropdown(
        options=[(a.label, key) for key, a in scenario.audiences.items()],
        value="senior-manager" if "senior-manager" in scenario.audiences else next(iter(scenario.audiences)),
        description="Write for", style=LABEL_STYLE, layout=WIDE,
    )
    message = widgets.Textarea(
        value="", description="Your message", placeholder="Write the update for this audience\u2026",
        style=LABEL_STYLE, layout=widgets.Layout(width="95%", height="9em"), continuous_update=False,
    )
    check = widgets.Button(description="Check my message", button_style="primary", icon="check",
                           layout=widgets.Layout(width="auto", align_self="flex-start"))
    brief, feedback = widgets.HTML(), widgets.HTML()

    def sort_choices() -> dict[str, str | None]:
        return {item.id: sorter.controls[item.id].value for item in scenario.candidates}

    def current() -> MessageCheck | None:
        if not message.value.strip():
            return None
        return check_message(audience.value, message.value, scenario)

    def update() -> None:
        chosen = scenario.audiences[audience.value]
        brief.value = render.notice(
            "info",
            f"{chosen.cares_about} Aim for reading grade {chosen.target_grade:g} or below "
            f"and about {chosen.max_words} words at most.",
            title=f"Writing for: {chosen.label}",
        )
        try:
            result = current()
        except ValueError as error:
            feedback.value = render.notice("error", str(error), title="Check your message")
            return
        if result is None:
            feedback.value = render.notice("info", "Write your message above, then press Check my message.")
        else:
            feedback.value = result._repr_html_()

    def snapshot() -> dict[str, Any]:
        sort_result = sorting.check_sort(scenario.candidates, sort_choices(), scenario.categories)
        result = fix_first(current, "your message")
        return {
            "inputs": {"sort": sort_choices(), "audience": audience.value, "message": message.value},
            "results": {
                "score": sort_result.score,
                "max_score": len(scenario.candidates),
                "sort": sort_result.as_dict(),
                "message_check": None if result is None else result.as_dict(),
            },
            "markdown_body": message_markdown(scenario.audiences[audience.value], message.value, result),
        }

    check.on_click(lambda _button: update())
    writer = widgets.VBox([
        widgets.HTML("<p><strong>Part 2.</strong> Choose an audience and write the update for them. "
                     "The check runs when you leave the box or press the button.</p>"),
        audience, brief, message, check, feedback,
    ], layout=widgets.Layout(overflow="visible"))  # "auto" shows a stray scrollbar in the static book
    view = assemble(
        EXERCISE_ID,
        [widgets.HTML(_facts_html(scenario)), sorter.root, writer],
        controls=sorter.controls | {"audience": audience, "message": message, "check_message": check},
        outputs={"sort_feedback": sorter.outputs["feedback"], "sort_chart": sorter.outputs["chart"],
                 "brief": brief, "feedback": feedback},
        update=update,
        snapshot=snapshot,
        watch={"audience": audience, "message": message},
        charts={f"sort_{name}": panel for name, panel in sorter.charts.items()},
    )
    view.root.layout.overflow = "visible"
    return view
