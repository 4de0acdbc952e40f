"""The say-no role-play's widget: pick a request, answer the stakeholder turn by turn, read the debrief."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import ipywidgets as widgets

from ..kit import render
from ..kit.views import LABEL_STYLE, ExerciseView, assemble
from .chart import chart_panel
from .model import (
    LETTERS,
    Conversation,
    Debrief,
    ScenarioSet,
    choices_html,
    combined_shares,
    debrief,
    overall_weakest,
    say_no_scenarios,
    transcript_html,
)

EXERCISE_ID = "say-no"


def build_role_play(scenarios: ScenarioSet | None = None) -> ExerciseView:
    """Pick a request, answer the stakeholder, follow the conversation to its end, read the debrief."""
    scenarios = scenarios or say_no_scenarios()
    conversations = {s.id: Conversation(s) for s in scenarios.scenarios}
    finished: dict[str, Debrief] = {}
    picker = widgets.Dropdown(
        options=[(f"{n}. {s.title}", s.id) for n, s in enumerate(scenarios.scenarios, 1)],
        value=scenarios.scenarios[0].id, description="Request", style=LABEL_STYLE,
        layout=widgets.Layout(width="42em"),
    )
    transcript = widgets.HTML()
    choices = widgets.HTML()  # the full reply texts; radio labels must stay one line high
    replies = widgets.RadioButtons(options=[], value=None, description="Your reply", style=LABEL_STYLE,
                                   layout=widgets.Layout(width="auto"))
    answer = widgets.Button(description="Reply", button_style="primary", icon="comment",
                            tooltip="Give the reply you picked")
    back = widgets.Button(description="Back", icon="undo", tooltip="Take back your last reply")
    restart = widgets.Button(description="Restart", icon="refresh", tooltip="Start this request again")
    message, result, chart = widgets.HTML(), widgets.HTML(), widgets.HTML()
    panel = chart_panel()

    def show() -> None:
        conversation = conversations[picker.value]
        transcript.value = transcript_html(conversation)
        back.disabled = not conversation.choices
        if conversation.finished:
            replies.options, replies.disabled, answer.disabled = [], True, True
            choices.value = ""
            report = debrief(conversation, scenarios.dimensions, scenarios.max_per_dimension)
            finished[conversation.scenario.id] = report
            overall = combined_shares(list(finished.values())) if len(finished) > 1 else None
            result.value = report._repr_html_()
            chart.value = panel.html((report, overall))
        else:
            finished.pop(conversation.scenario.id, None)  # went back: that path no longer counts
            offered = conversation.current.replies
            replies.options = [(f"Reply {letter}", r.id) for letter, r in zip(LETTERS, offered, strict=False)]
            choices.value = choices_html(conversation.current)
            replies.value, replies.disabled, answer.disabled = None, False, False
            result.value = render.notice("info", "The debrief appears when the conversation ends.")
            chart.value = ""

    def update() -> None:
        message.value = ""
        show()

    def act(move: Callable[[Conversation], Conversation]) -> None:
        try:
            conversations[picker.value] = move(conversations[picker.value])
        except ValueError as error:
            message.value = render.notice("error", str(error))
            return
        update()

    def snapshot() -> dict[str, Any]:
        if not finished:
            raise ValueError("Finish at least one conversation first.")
        reports = [finished[s.id] for s in scenarios.scenarios if s.id in finished]
        weakest = overall_weakest(reports)
        shares = combined_shares(reports)
        results = {
            "score": sum(r.score for r in reports),
            "max_score": sum(r.max_score for r in reports),
            "weakest_dimension": weakest.id if weakest else None,
            "shares": {d.id: round(s, 4) for d, s in zip(scenarios.dimensions, shares, strict=False)},
            "conversations": [r.as_dict() for r in reports],
        }
        body = "## Conversations\n\n" + "\n".join(r.markdown() for r in reports)
        return {"inputs": {"paths": {r.scenario.id: list(r.choices) for r in reports}}, "results": results,
                "markdown_body": body}

    answer.on_click(lambda _button: act(lambda conversation: conversation.choose(replies.value)))
    back.on_click(lambda _button: act(Conversation.back))
    restart.on_click(lambda _button: act(Conversation.restart))
    return assemble(
        EXERCISE_ID,
        [picker, transcript, choices, replies, widgets.HBox([answer, back, restart]), message, result, chart],
        controls={"request": picker, "reply": replies, "answer": answer, "back": back, "restart": restart},
        outputs={"transcript": transcript, "choices": choices, "message": message, "debrief": result, "chart": chart},
        update=update,
        snapshot=snapshot,
        watch={"request": picker},
        charts={"chart": panel},
    )
