"""The feasibility calculator's widget: six inputs, results with a verdict, two charts and Save my work."""

from __future__ import annotations

from dataclasses import asdict
from typing import Any

import ipywidgets as widgets

from ..kit import render
from ..kit.text import answer_markdown, clean_text
from ..kit.views import (
    LABEL_STYLE,
    WIDE,
    ExerciseView,
    NumberField,
    assemble,
    fix_first,
    update_showing,
    written_answer,
)
from .chart import Charts, chart_panel
from .model import FIELDS, MAX_SWING_PERCENT, evaluate, parse_inputs, price_warning, sensitivity

EXERCISE_ID = "feasibility"
NOTES_LABEL = "Your problem and your sources"


def build_calculator(*, save: bool = True, **starting_values: float) -> ExerciseView:
    """The live calculator, starting from the defaults or from ``starting_values`` (by field name).

    ``save=False`` leaves out the Save my work panel, for an exercise that embeds the calculator
    and saves its own work (an exercise shows one save panel, which saves that exercise).
    """
    values = {name: starting_values.get(name, spec.default) for name, spec in FIELDS.items()}
    unknown = sorted(starting_values.keys() - FIELDS.keys())
    if unknown:  # a misspelt or retired name would otherwise be ignored without a word
        raise TypeError(f"build_calculator: unknown inputs {', '.join(unknown)}; known: {', '.join(FIELDS)}.")
    sliders = {
        "willingness_to_pay": widgets.FloatSlider(min=0, max=200, step=1),
        "price": widgets.FloatSlider(min=0, max=200, step=1),
        "variable_cost": widgets.FloatSlider(min=0, max=200, step=1),
        "fixed_costs": widgets.FloatSlider(min=0, max=50_000, step=100),
        "people_with_problem": widgets.FloatLogSlider(min=1, max=8, step=0.1),
        "reach_percent": widgets.FloatSlider(min=0, max=100, step=0.5),
    }
    number_fields = {
        name: NumberField(spec.label, values[name], sliders[name], spec.help_text) for name, spec in FIELDS.items()
    }
    swing = widgets.IntSlider(
        value=20, min=0, max=MAX_SWING_PERCENT, step=5, description="Price swing \u00b1%",
        style=LABEL_STYLE, layout=WIDE, continuous_update=False,
    )
    message, results, chart = widgets.HTML(), widgets.HTML(), widgets.HTML()
    panel = chart_panel()
    notes = written_answer(NOTES_LABEL, "The problem, its cheapest fix; where each number comes from")
    controls = {name: field.text for name, field in number_fields.items()} | {"swing": swing}

    def current() -> Charts:
        result = evaluate(parse_inputs({name: field.text.value for name, field in number_fields.items()}))
        return result, tuple(sensitivity(result.inputs, swing.value))

    def price_notice(charts: Charts) -> str:
        warning = price_warning(charts[0].inputs)
        return render.notice("warn", warning, title="Check your price") if warning else ""

    update = update_showing(
        current, message,
        [(message, price_notice), (results, lambda charts: charts[0]._repr_html_()), (chart, panel.html)],
        title="Check your inputs", hidden=(results, "Results are hidden until every input is valid."),
    )

    def snapshot() -> dict[str, Any]:
        result, points = fix_first(current, "the inputs")
        written = clean_text(notes.value, NOTES_LABEL)
        return {
            "inputs": {name: getattr(result.inputs, name) for name in FIELDS}
            | {"swing_percent": swing.value, "notes": written},
            "results": result.as_dict() | {"sensitivity": [asdict(p) for p in points]},
            "markdown_body": answer_markdown(NOTES_LABEL, written),
        }

    inputs_box = widgets.VBox(
        [widgets.HTML("<strong>Your scenario (money per period)</strong>")]
        + [field.widget for field in number_fields.values()]
        + [swing]
    )
    return assemble(
        EXERCISE_ID,
        [inputs_box, message, results, chart, *([notes] if save else [])],
        controls=controls | {f"{name}_slider": field.slider for name, field in number_fields.items()}
        | ({"notes": notes} if save else {}),
        outputs={"message": message, "results": results, "chart": chart},
        update=update,
        snapshot=snapshot if save else None,
        watch=controls,
        charts={"chart": panel},
    )
