"""The experiment planner's widget: a test plan in, users, days and the cost of peeking out, with two charts."""

from __future__ import annotations

from typing import Any

import ipywidgets as widgets

from ..kit.views import LABEL_STYLE, WIDE, ExerciseView, NumberField, assemble, fix_first, update_showing
from .chart import Charts, chart_panel
from .model import ALPHAS, FIELDS, LOOK_PLANS, POWERS, effect_curve, parse_plan, plan_experiment

EXERCISE_ID = "experiment-planner"


def build_planner(**starting_values: Any) -> ExerciseView:
    """The live planner, starting from the defaults or from ``starting_values`` (field names of ``FIELDS``)."""
    values = {name: starting_values.get(name, spec.default) for name, spec in FIELDS.items()}
    sliders = {
        "baseline_percent": widgets.FloatSlider(min=0.5, max=60, step=0.5),
        "effect_points": widgets.FloatSlider(min=0.1, max=10, step=0.1),
        "daily_visitors": widgets.FloatLogSlider(min=2, max=6, step=0.1),
        "share_percent": widgets.FloatSlider(min=5, max=100, step=5),
    }
    fields = {name: NumberField(spec.label, values[name], sliders[name], spec.help_text)
              for name, spec in FIELDS.items()}
    choice = {"style": LABEL_STYLE, "layout": WIDE}
    alpha = widgets.Dropdown(options=list(ALPHAS.items()), value=starting_values.get("alpha", 0.05),
                             description="Significance level", **choice)
    power = widgets.Dropdown(options=list(POWERS.items()), value=starting_values.get("power", 0.8),
                             description="Power", **choice)
    looks = widgets.Dropdown(options=[(text, key) for key, text in LOOK_PLANS.items()],
                             value=starting_values.get("look_plan", "end"), description="You look at results", **choice)
    message, results, chart = widgets.HTML(), widgets.HTML(), widgets.HTML()
    panel = chart_panel()
    typed = {name: field.text for name, field in fields.items()}
    controls = typed | {"alpha": alpha, "power": power, "look_plan": looks}

    def current() -> Charts:
        raw = {name: box.value for name, box in typed.items()}
        inputs = parse_plan(raw | {"alpha": alpha.value, "power": power.value, "look_plan": looks.value})
        return plan_experiment(inputs), effect_curve(inputs)

    update = update_showing(
        current, message, [(results, lambda charts: charts[0]._repr_html_()), (chart, panel.html)],
        title="Check your inputs", hidden=(results, "The plan is hidden until every input is valid."),
    )

    def snapshot() -> dict[str, Any]:
        plan, _ = fix_first(current, "the inputs")
        inputs = plan.inputs
        return {
            "inputs": {
                "baseline_rate": inputs.baseline, "minimum_detectable_effect": inputs.effect, "alpha": inputs.alpha,
                "power": inputs.power, "daily_visitors": inputs.daily_visitors,
                "share_in_test": inputs.share_in_test, "look_plan": inputs.look_plan,
            },
            "results": plan.as_dict(),
            "markdown_body": "\n".join(f"- {label}: {value}" for label, value in plan.rows()),
        }

    body = widgets.VBox(
        [widgets.HTML("<strong>Your test: one rate, two groups (A and B)</strong>")]
        + [field.widget for field in fields.values()]
        + [alpha, power, looks]
    )
    return assemble(
        EXERCISE_ID,
        [body, message, results, chart],
        controls=controls | {f"{name}_slider": field.slider for name, field in fields.items()},
        outputs={"message": message, "results": results, "chart": chart},
        update=update,
        snapshot=snapshot,
        watch=controls,
        charts={"chart": panel},
    )
