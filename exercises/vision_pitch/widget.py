"""The vision-pitch builder's widget: a box per part, an audience, the checker, the pitch, a chart, Save my work."""

from __future__ import annotations

from typing import Any

import ipywidgets as widgets

from ..kit import render
from ..kit.text import answer_markdown, clean_text
from ..kit.views import ExerciseView, assemble, fill_on_click, fix_first, update_showing, written_answer
from .chart import chart_panel
from .model import PitchCheck, PitchSpec, check_pitch, pitch_html, pitch_markdown, pitch_spec

EXERCISE_ID = "vision-pitch"
WRONG_LABEL = "What would prove this vision wrong?"
PART_LABEL_STYLE = {"description_width": "19em"}  # room for "What success looks like (≤50 words)"


def build_pitch_builder(spec: PitchSpec | None = None) -> ExerciseView:
    """One text box per part, an audience, the checker, the one-page pitch, a word-budget chart, Save my work."""
    spec = spec or pitch_spec()
    audience = widgets.Dropdown(options=[(a.label, a.id) for a in spec.audiences], value=spec.audiences[0].id,
                                description="Audience", style=PART_LABEL_STYLE, layout=widgets.Layout(width="41em"))
    focus = widgets.HTML()
    boxes = {
        f.id: widgets.Textarea(
            value="", description=f"{f.label} (\u2264{f.max_words} words)", placeholder=f.prompt,
            continuous_update=False, style=PART_LABEL_STYLE, layout=widgets.Layout(width="52em", height="4.5em"),
        )
        for f in spec.fields
    }
    example = widgets.Button(description="Load the flawed example", icon="file-text-o",
                             tooltip="Fill every part with an example pitch that has problems to find")
    clear = widgets.Button(description="Clear all", icon="eraser", tooltip="Empty every part")
    proven_wrong = written_answer(WRONG_LABEL, "The evidence that would make you change course")
    message, checklist, pitch, chart = widgets.HTML(), widgets.HTML(), widgets.HTML(), widgets.HTML()
    panel = chart_panel()

    def current() -> PitchCheck:
        return check_pitch(spec, {name: box.value for name, box in boxes.items()}, audience.value)

    show_check = update_showing(
        current, message, [(checklist, PitchCheck._repr_html_), (pitch, pitch_html),
                           (chart, lambda check: panel.html(check.budget))], title="Check your text",
    )

    def update() -> None:
        focus.value = f"<p><em>{render.escape(spec.audience(audience.value).focus)}</em></p>"
        show_check()

    def snapshot() -> dict[str, Any]:
        check = fix_first(current, "the text")
        texts = {f.id: text for f, text in zip(spec.fields, check.texts, strict=True)}
        wrong = clean_text(proven_wrong.value, WRONG_LABEL)
        return {"inputs": {"audience": check.audience.id} | texts | {"proven_wrong": wrong}, "results": check.as_dict(),
                "markdown_body": pitch_markdown(check) + "\n" + answer_markdown(WRONG_LABEL, wrong)}

    fill_on_click(boxes, [(example, lambda: spec.example), (clear, dict)])
    return assemble(
        EXERCISE_ID,
        [audience, focus, *boxes.values(), widgets.HBox([example, clear]), message, checklist, chart, pitch,
         proven_wrong],
        controls={"audience": audience, **boxes, "example": example, "clear": clear, "proven_wrong": proven_wrong},
        outputs={"message": message, "checklist": checklist, "pitch": pitch, "chart": chart, "focus": focus},
        update=update,
        snapshot=snapshot,
        watch={"audience": audience, **boxes},
        charts={"chart": panel},
    )
