"""The OKR checker's widget: write (or start from) an OKR, see each line's flags, the checker's limits, and save."""

from __future__ import annotations

from typing import Any

import ipywidgets as widgets

from ..kit import render
from ..kit.choices import menu
from ..kit.text import escape_markdown
from ..kit.views import LABEL_STYLE, WIDE, ExerciseView, assemble, batched, fix_first, update_showing
from .chart import chart_panel
from .model import MAX_LINE_CHARS, OkrCheck, OkrRules, check_okr, okr_rules

EXERCISE_ID = "okr-checker"
BOXES = 5
_LINE = widgets.Layout(width="52em")


def limits_html(rules: OkrRules) -> str:
    """What the checker cannot do, and every rule it applies, in a collapsed section."""
    limits = render.bullet_list(rules.limits)
    rule_items = [f"{rule.explanation} Words: {', '.join(rule.phrases)}." for rule in rules.rules]
    rule_items.append(f"{rules.message('no-counter')[0]} Words that mark a counter-metric: "
                      f"{', '.join(rules.counter_phrases)}.")
    return (f"<details><summary>How the checker works, and its limits</summary>{limits}"
            f"<p>The rules it applies:</p>{render.bullet_list(rule_items)}</details>")


def build_okr_checker(rules: OkrRules | None = None) -> ExerciseView:
    """The live OKR checker, starting from the rules' first example."""
    rules = rules or okr_rules()
    start = widgets.Dropdown(options=menu(rules.examples), value=rules.examples[0].id,
                             description="Start from", style=LABEL_STYLE, layout=WIDE)
    objective = widgets.Text(description="Objective", continuous_update=False, style=LABEL_STYLE, layout=_LINE,
                             placeholder="What you want to achieve, and why it matters")
    key_results = [widgets.Text(description=f"Key result {n}", continuous_update=False, style=LABEL_STYLE,
                                layout=_LINE, placeholder="A number that moves from ... to ...")
                   for n in range(1, BOXES + 1)]
    message, results, chart = widgets.HTML(), widgets.HTML(), widgets.HTML()
    limits = widgets.HTML(limits_html(rules))
    panel = chart_panel()

    def fill(example_id: str) -> None:
        example = rules.example(example_id)
        objective.value = example.objective
        for box, text in zip(key_results, [*example.key_results, *[""] * BOXES], strict=False):  # blanks pad
            box.value = text

    def load_example(_change: Any) -> None:
        with batched():
            fill(start.value)

    def current() -> OkrCheck:
        return check_okr(objective.value, [box.value for box in key_results], rules)

    update = update_showing(current, message, [(results, OkrCheck._repr_html_), (chart, panel.html)],
                            title="Check your OKR")

    def snapshot() -> dict[str, Any]:
        result = fix_first(current, "your OKR")
        for example in rules.examples:
            if (result.objective, tuple(t for _, t in result.key_results)) == (example.objective, example.key_results):
                raise ValueError("This is still the example: change it into an OKR of your own first.")
        lines = [f"**Objective:** {escape_markdown(result.objective)}", ""]
        lines += [f"{n}. {escape_markdown(text)}" for n, text in result.key_results]
        lines += ["", f"Flags: {len(result.flags)}"]
        lines += [f"- {escape_markdown(f.line)}: {escape_markdown(f.explanation)}" for f in result.flags]
        return {
            "inputs": {"objective": result.objective, "key_results": [t for _, t in result.key_results]},
            "results": result.as_dict(),
            "markdown_body": "\n".join(lines),
        }

    fill(start.value)
    start.observe(load_example, names="value")
    typed = {"objective": objective} | {f"key_result_{n}": box for n, box in enumerate(key_results, 1)}
    intro = widgets.HTML(f"<p>One objective and up to {BOXES} key results, each under {MAX_LINE_CHARS} "
                         "characters. Press Enter or leave a box to check.</p>")
    return assemble(
        EXERCISE_ID,
        [start, intro, objective, *key_results, message, results, chart, limits],
        controls={"start": start} | typed,
        outputs={"message": message, "results": results, "chart": chart, "limits": limits},
        update=update,
        snapshot=snapshot,
        watch=typed,
        charts={"chart": panel},
    )
