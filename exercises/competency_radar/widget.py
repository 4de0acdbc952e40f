"""The competency radar's widget: background check boxes, six rating sliders, a note, the radar and the plan."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import replace
from typing import Any

import ipywidgets as widgets

from ..kit.charts import figure_png
from ..kit.views import ExerciseView, assemble, fix_first, update_showing
from .chart import chart_panel
from .model import SCALE_MAX, SCALE_MIN, RadarResult, assess, backgrounds_html, origin_profiles

EXERCISE_ID = "competency-radar"
SLIDER_STYLE = {"description_width": "24em"}  # wide enough to show the longest competency name in full


def build_radar(
    backgrounds: Sequence[str] = ("development",),
    ratings: Mapping[str, int] | None = None,
    note: str = "",
) -> ExerciseView:
    """Background check boxes, six rating sliders, a note, the radar, the growth plan and Save my work."""
    catalogue = origin_profiles()
    ratings = ratings or {}
    boxes = {
        b.id: widgets.Checkbox(value=b.id in backgrounds, description=b.label, indent=False,
                               layout=widgets.Layout(width="auto"))
        for b in catalogue.backgrounds
    }
    sliders = {
        c.id: widgets.IntSlider(
            value=int(ratings.get(c.id, 3)), min=SCALE_MIN, max=SCALE_MAX, step=1, description=c.label,
            tooltip=c.meaning, style=SLIDER_STYLE, layout=widgets.Layout(width="40em"), continuous_update=False,
        )
        for c in catalogue.competencies
    }
    note_box = widgets.Textarea(
        value=note, description="Your examples",
        placeholder="An example behind your highest and your lowest rating; a strength to lean on; "
        "a next step for one of your two weakest",
        style=SLIDER_STYLE, layout=widgets.Layout(width="40em", height="5em"), continuous_update=False,
    )
    message, chart, plan = widgets.HTML(), widgets.HTML(), widgets.HTML()
    panel = chart_panel()

    def current() -> RadarResult:
        chosen = [key for key, box in boxes.items() if box.value]
        return assess(chosen, {key: s.value for key, s in sliders.items()}, note_box.value, catalogue)

    def chart_html(result: RadarResult) -> str:
        return panel.html(replace(result, note=""))  # the note is not drawn, so typing one does not redraw

    update = update_showing(
        current, message, [(chart, chart_html), (plan, RadarResult._repr_html_)], title="Check your choices",
        hidden=(plan, "The radar and your growth plan appear once every choice is valid."),
    )

    def snapshot() -> dict[str, Any]:
        result = fix_first(current, "your choices")
        chart.value = chart_html(result)
        return {
            "inputs": {
                "backgrounds": [b.id for b in result.backgrounds],
                "ratings": {r.competency.id: r.rating for r in result.rated},
                "note": result.note,
            },
            "results": result.as_dict(),
            "markdown_body": result.plan_markdown(),
            "attachments": {"radar.png": figure_png(panel.figure)},
        }

    background_box = widgets.VBox(
        [widgets.HTML("<strong>1. Your background: tick every role you have held</strong>"), *boxes.values(),
         widgets.HTML(backgrounds_html(catalogue))]
    )
    rating_box = widgets.VBox(
        [widgets.HTML("<strong>2. Rate yourself from 1 (new to it) to 5 (could teach it)</strong>"),
         *sliders.values(), note_box]
    )
    return assemble(
        EXERCISE_ID,
        [background_box, rating_box, message, chart, plan],
        controls={f"background_{key}": box for key, box in boxes.items()}
        | {f"rating_{key}": s for key, s in sliders.items()} | {"note": note_box},
        outputs={"message": message, "chart": chart, "plan": plan},
        update=update,
        snapshot=snapshot,
        charts={"chart": panel},
    )
