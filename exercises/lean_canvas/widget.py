"""The Lean Canvas builder's widget: nine boxes, a live check and picture, Save my work, the feasibility calculator."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import asdict
from typing import Any

import ipywidgets as widgets

from ..feasibility.model import FIELDS as CALCULATOR_FIELDS
from ..feasibility.model import evaluate, parse_inputs
from ..feasibility.widget import build_calculator
from ..kit import render
from ..kit.choices import menu
from ..kit.numbers import format_number
from ..kit.text import answer_markdown, clean_text
from ..kit.views import LABEL_STYLE, WIDE, ExerciseView, assemble, batched, written_answer
from .boxes import BOX_KEYS, CanvasData, canvas_data
from .chart import canvas_png, chart_panel
from .model import CanvasCheck, canvas_markdown, check_canvas

EXERCISE_ID = "lean-canvas"
RISK_LABEL = "Your riskiest assumption"
NOTHING_TO_TRY = (
    "No price or costs found. Write them like \u201c15 per month\u201d in Revenue streams and "
    "\u201cfixed: 2000\u201d and \u201c4 per customer\u201d in Cost structure."
)
WILLINGNESS_NOTE = (
    "Your canvas does not say what customers would pay at most, so willingness to pay starts at your price, "
    "{start}: raise it to what customers told you."
)


def calculator_start(found: Mapping[str, float]) -> dict[str, float]:
    """The calculator's starting values by field name: the canvas's numbers, the calculator's defaults for the rest.

    A canvas that gives only one of willingness to pay and price starts the other so that the price
    does not exceed willingness to pay: willingness to pay at the price, or the price at most at it.
    """
    starting = {name: found.get(name, spec.default) for name, spec in CALCULATOR_FIELDS.items()}
    if "price" in found and "willingness_to_pay" not in found:
        starting["willingness_to_pay"] = found["price"]
    if "willingness_to_pay" in found and "price" not in found:
        starting["price"] = min(starting["price"], found["willingness_to_pay"])
    return starting


def starting_notes(found: Mapping[str, float], starting: Mapping[str, float]) -> list[str]:
    """What the calculator's starting values that the canvas did not give are based on."""
    notes = []
    if "price" in found and "willingness_to_pay" not in found:
        notes.append(WILLINGNESS_NOTE.format(start=format_number(starting["willingness_to_pay"])))
    kept = [spec.label for name, spec in CALCULATOR_FIELDS.items()
            if name not in found and not (name == "willingness_to_pay" and "price" in found)]
    if kept:
        notes.append(f"The calculator's own starting values are used for: {', '.join(kept)}. "
                     "Change any of them in the calculator.")
    return notes


def build_lean_canvas(start_with: str | None = "hiking-club", data: CanvasData | None = None) -> ExerciseView:
    """Nine labelled boxes, a live check, the drawn canvas, export and a link to the feasibility calculator.

    ``start_with`` names an example canvas of ``data`` (default: the shipped data), or ``None`` for a blank one.
    """
    data = data or canvas_data()
    first = dict.fromkeys(BOX_KEYS, "") if start_with is None else data.example(start_with)
    riskiest = written_answer(RISK_LABEL, "The assumption that would sink the canvas if false, and a cheap test")
    areas = {
        key: widgets.Textarea(
            value=first[key], description=data.label(key), placeholder=data.boxes[key].prompt,
            style=LABEL_STYLE, layout=widgets.Layout(width="95%", height="5.5em"), continuous_update=False,
            tooltip=f"{data.boxes[key].prompt} Up to {data.boxes[key].max_words} words.",
        )
        for key in BOX_KEYS
    }
    choices = menu(data.examples) + [("A blank canvas", "")]
    start = widgets.Dropdown(options=choices, value=start_with or "", description="Start from",
                             style=LABEL_STYLE, layout=WIDE)
    load = widgets.Button(description="Load into the boxes", icon="download", layout=widgets.Layout(width="auto"),
                          tooltip="Replace the text in all nine boxes with the chosen start")
    check_html, canvas_html, numbers_note = widgets.HTML(), widgets.HTML(), widgets.HTML()
    try_numbers = widgets.Button(description="Try these numbers in the feasibility calculator",
                                 icon="calculator", layout=widgets.Layout(width="auto", align_self="flex-start"))
    calculator_box = widgets.VBox()
    panel = chart_panel()
    calculator: ExerciseView | None = None

    def current() -> CanvasCheck:
        return check_canvas({key: area.value for key, area in areas.items()}, data)

    def update() -> None:
        result = current()
        check_html.value = result._repr_html_()
        canvas_html.value = panel.html(result)

    def load_start(_button: widgets.Button) -> None:
        chosen = data.example(start.value) if start.value else dict.fromkeys(BOX_KEYS, "")
        with batched():  # nine new texts, one check
            for key, area in areas.items():
                area.value = chosen[key]
        calculator_box.children = ()
        numbers_note.value = ""

    def show_calculator(_button: widgets.Button) -> None:
        nonlocal calculator
        numbers = current().numbers
        found = numbers.calculator_values()
        if not found:
            numbers_note.value = render.notice("warn", NOTHING_TO_TRY, title="Nothing to try yet")
            calculator_box.children = ()
            return
        if numbers.negative:  # refused with the reason, never sent on as their size
            refused = "\n".join(numbers.negative_message(name) for name in numbers.negative)
            numbers_note.value = render.notice("error", refused, title="Not sent to the calculator")
            calculator_box.children = ()
            return
        starting = calculator_start(found)
        numbers_note.value = render.notice("info", "\n".join([numbers.summary(), *starting_notes(found, starting)]),
                                           title="Numbers taken from your canvas")
        if calculator is None:
            calculator = build_calculator(save=False, **starting)
            view.charts["calculator"] = calculator.charts["chart"]
        else:
            with batched():  # six new values, one update of the calculator
                for name, value in starting.items():
                    calculator.controls[name].value = format_number(value)
        calculator_box.children = (calculator.root,)

    def calculator_state() -> dict[str, Any] | None:
        """What the open calculator shows, saved with the canvas (its own Save my work is left out)."""
        if calculator is None or not calculator_box.children:
            return None
        typed = {name: calculator.controls[name].value for name in CALCULATOR_FIELDS}
        try:
            result = evaluate(parse_inputs(typed))
        except ValueError as error:
            return {"inputs": typed, "problem": str(error)}
        return {"inputs": asdict(result.inputs), "verdict": result.verdict, "reason": result.reason,
                "profit": result.profit}

    def snapshot() -> dict[str, Any]:
        result = current()
        risk = clean_text(riskiest.value, RISK_LABEL)
        return {
            "inputs": dict(result.boxes) | {"riskiest_assumption": risk},
            "results": result.as_dict() | {"calculator": calculator_state()},
            "markdown_body": canvas_markdown(result) + "\n" + answer_markdown(RISK_LABEL, risk)
            + "\nThe canvas image is saved beside this file.\n",
            "attachments": {"canvas.png": canvas_png(result)},
        }

    load.on_click(load_start)
    try_numbers.on_click(show_calculator)
    view = assemble(
        EXERCISE_ID,
        [
            widgets.HBox([start, load]),
            widgets.HTML("<p><strong>Your canvas.</strong> The check and the picture update when you leave a box.</p>"),
            *areas.values(),
            check_html, canvas_html,
            widgets.HTML("<p><strong>Is it worth building?</strong> Numbers in Revenue streams and Cost structure "
                         "can seed the feasibility calculator.</p>"),
            try_numbers, numbers_note, calculator_box, riskiest,
        ],
        controls=dict(areas) | {"start": start, "load": load, "try_numbers": try_numbers, "riskiest": riskiest},
        outputs={"check": check_html, "canvas": canvas_html, "numbers": numbers_note, "calculator": calculator_box},
        update=update,
        snapshot=snapshot,
        watch=areas,
        charts={"canvas": panel},
    )
    view.root.layout.overflow = "visible"  # "auto" shows a stray scrollbar in the static book
    return view
