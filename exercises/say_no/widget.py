"""The say-no role-play's widget: pick a request, answer the stakeholder turn by turn, read the debrief."""

from __future__ import annotations

from collections.abc import Callable
from contextlib import suppress
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
from .own_no import OwnNo, check_own_no

EXERCISE_ID = "say-no"
OWN_NO_PLACEHOLDER = "For example: Not by Friday, but I can have a CSV export with a mapping ready by Thursday."


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
    own_nos: dict[str, OwnNo] = {}  # request id -> the learner's own no, kept
    own_text = widgets.Textarea(description="Your own no", placeholder=OWN_NO_PLACEHOLDER, continuous_update=False,
                                style=LABEL_STYLE, layout=widgets.Layout(width="42em", height="3.5em"))
    keep = widgets.Button(description="Keep my no", icon="check", tooltip="Check your sentence and keep it for Save")
    own_feedback = widgets.HTML()

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

    def show_own_no() -> None:
        """The request's kept no, if any, in the box and under it."""
        kept = own_nos.get(picker.value)
        own_text.value = kept.text if kept else ""
        own_feedback.value = kept._repr_html_() if kept else ""

    def keep_own_no(_button: object = None) -> None:
        """Check the sentence in the box and keep it for this request (a bad one replaces nothing kept)."""
        scenario = scenarios.scenario(picker.value)
        try:
            own_nos[scenario.id] = check_own_no(own_text.value, scenario, scenarios.own_no)
        except ValueError as error:
            own_nos.pop(scenario.id, None)
            own_feedback.value = render.notice("error", str(error), title="Not kept yet")
            raise
        own_feedback.value = own_nos[scenario.id]._repr_html_()

    def keep_pressed(_button: object) -> None:
        with suppress(ValueError):  # keep_own_no has shown the message under the box
            keep_own_no()

    def keep_if_written() -> None:
        """Before saving: keep a sentence written in the box but not yet kept."""
        kept = own_nos.get(picker.value)
        if own_text.value.strip() and (kept is None or kept.text != own_text.value.strip()):
            keep_own_no()

    def update() -> None:
        message.value = ""
        show()
        show_own_no()

    def act(move: Callable[[Conversation], Conversation]) -> None:
        try:
            conversations[picker.value] = move(conversations[picker.value])
        except ValueError as error:
            message.value = render.notice("error", str(error))
            return
        update()

    def snapshot() -> dict[str, Any]:
        keep_if_written()
        if not finished:
            raise ValueError("Finish at least one conversation first." + (" Your own no is kept and will be saved "
                                                                          "with it." if own_nos else ""))
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
        own = [own_nos[s.id] for s in scenarios.scenarios if s.id in own_nos]
        results["own_nos"] = [o.as_dict() for o in own]
        body = "## Conversations\n\n" + "\n".join(r.markdown() for r in reports)
        if own:
            body += "\n## My own no, in one sentence\n\n" + "\n".join(o.markdown() for o in own) + "\n"
        inputs = {"paths": {r.scenario.id: list(r.choices) for r in reports},
                  "own_nos": {o.scenario.id: o.text for o in own}}
        return {"inputs": inputs, "results": results, "markdown_body": body}

    answer.on_click(lambda _button: act(lambda conversation: conversation.choose(replies.value)))
    back.on_click(lambda _button: act(Conversation.back))
    restart.on_click(lambda _button: act(Conversation.restart))
    keep.on_click(keep_pressed)
    own_part = widgets.VBox([
        widgets.HTML("<p style='margin:8px 0 2px 0'><strong>Your own no.</strong> In one sentence, how would you "
                     "answer this request yourself? Lead with the decision.</p>"),
        own_text, keep, own_feedback,
    ])
    return assemble(
        EXERCISE_ID,
        [picker, transcript, choices, replies, widgets.HBox([answer, back, restart]), message, result, chart,
         own_part],
        controls={"request": picker, "reply": replies, "answer": answer, "back": back, "restart": restart,
                  "own_no": own_text, "keep_no": keep},
        outputs={"transcript": transcript, "choices": choices, "message": message, "debrief": result, "chart": chart,
                 "own_no": own_feedback},
        update=update,
        snapshot=snapshot,
        watch={"request": picker},
        charts={"chart": panel},
    )
