"""The assumption map's widget: pick a product, rate each assumption, add your own, and see what to test first."""

from __future__ import annotations

from typing import Any

import ipywidgets as widgets

from ..kit import render
from ..kit.choices import menu
from ..kit.text import escape_markdown
from ..kit.views import LABEL_STYLE, WIDE, ExerciseView, assemble, batched, fix_first, update_showing
from .chart import chart_panel
from .model import (
    EVIDENCE_LEVELS,
    IMPORTANCE_LEVELS,
    MAX_OWN_CHARS,
    MIN_PLACED,
    AssumptionBank,
    AssumptionMap,
    assumption_map,
    own_assumption,
    place,
)

EXERCISE_ID = "assumption-map"
OWN_SLOTS = 2
_RATING_STYLE = {"description_width": "7.5em"}
_RATING_LAYOUT = widgets.Layout(width="17em")


def _rating(description: str, levels: dict[int, str]) -> widgets.Dropdown:
    return widgets.Dropdown(options=[("not rated", 0), *((text, value) for value, text in levels.items())], value=0,
                            description=description, style=_RATING_STYLE, layout=_RATING_LAYOUT)


class _Row:
    """One assumption: its text, and its importance and evidence ratings."""

    def __init__(self, number: int) -> None:
        self.label = widgets.HTML(layout=widgets.Layout(width="100%"))
        self.importance = _rating(f"#{number} importance", IMPORTANCE_LEVELS)
        self.evidence = _rating(f"#{number} evidence", EVIDENCE_LEVELS)
        self.box = widgets.VBox([self.label, widgets.HBox([self.importance, self.evidence])],
                                layout=widgets.Layout(margin="0 0 6px 0"))


def build_assumption_map(bank: AssumptionBank | None = None) -> ExerciseView:
    """The live assumption map over ``bank`` (default: the shipped products)."""
    bank = bank or assumption_map()
    most = max(len(s.assumptions) for s in bank.scenarios)
    rows = [_Row(n) for n in range(1, most + 1)]
    own_rows = [_Row(most + n) for n in range(1, OWN_SLOTS + 1)]
    own_texts = [widgets.Text(description=f"Your assumption {n}", placeholder="We believe that ...",
                              continuous_update=False, style=LABEL_STYLE, layout=widgets.Layout(width="42em"))
                 for n in range(1, OWN_SLOTS + 1)]
    own_risks = [widgets.Dropdown(options=[("choose a risk", ""), *((r.label, r.id) for r in bank.risks)], value="",
                                  description=f"Your assumption {n}: risk", style=LABEL_STYLE, layout=WIDE)
                 for n in range(1, OWN_SLOTS + 1)]
    product = widgets.Dropdown(options=menu(bank.scenarios), value=bank.scenarios[0].id,
                               description="Product", style=LABEL_STYLE, layout=WIDE)
    pitch, message, results, chart = widgets.HTML(), widgets.HTML(), widgets.HTML(), widgets.HTML()
    panel = chart_panel(bank.risks)
    saved: dict[str, dict[str, tuple[int, int]]] = {}  # ratings per product, kept when the learner switches
    state = {"product": product.value}

    def show_product() -> None:
        scenario = bank.scenario(product.value)
        pitch.value = f"<p><strong>{render.escape(scenario.title)}.</strong> {render.escape(scenario.pitch)}</p>"
        for number, row in enumerate(rows, 1):
            if number <= len(scenario.assumptions):
                assumption = scenario.assumptions[number - 1]
                risk = bank.risk(assumption.risk).label
                row.label.value = f"<strong>#{number}</strong> {render.escape(assumption.text)} <em>({risk})</em>"
                row.box.layout.display = None
            else:
                row.box.layout.display = "none"
        for number, row in enumerate(own_rows, len(scenario.assumptions) + 1):
            row.label.value = f"<strong>#{number}</strong> your assumption {number - len(scenario.assumptions)}"
            row.importance.description = f"#{number} importance"
            row.evidence.description = f"#{number} evidence"

    def ratings(scenario_id: str | None = None) -> dict[str, tuple[int, int]]:
        scenario = bank.scenario(scenario_id or product.value)
        pairs = zip(scenario.assumptions, rows, strict=False)  # spare rows (hidden) have no assumption
        found = {a.id: (row.importance.value, row.evidence.value) for a, row in pairs}
        return found | {f"own-{n}": (row.importance.value, row.evidence.value) for n, row in enumerate(own_rows, 1)}

    def switch_product(_change: Any) -> None:
        """Keep the ratings of the product left behind; bring back any earlier ratings of the new one.

        Your own assumptions belong to you, not to a product, so they stay as they are.
        """
        saved[state["product"]] = ratings(state["product"])
        state["product"] = product.value
        scenario = bank.scenario(product.value)
        kept = saved.get(product.value, {})
        with batched():
            show_product()
            for assumption, row in zip(scenario.assumptions, rows, strict=False):  # spare rows are hidden
                row.importance.value, row.evidence.value = kept.get(assumption.id, (0, 0))

    def current() -> AssumptionMap:
        own = [own_assumption(bank, n, text.value, risk.value)
               for n, (text, risk) in enumerate(zip(own_texts, own_risks, strict=True), 1)]
        return place(bank, bank.scenario(product.value), ratings(), own)

    update = update_showing(current, message, [(results, AssumptionMap._repr_html_), (chart, panel.html)],
                            title="Check your assumptions")

    def snapshot() -> dict[str, Any]:
        result = fix_first(current, "your assumptions")
        if len(result.placements) < MIN_PLACED:
            raise ValueError(f"Rate at least {MIN_PLACED} assumptions on both scales first.")
        markdown = [f"**{escape_markdown(result.scenario.title)}**", ""] + [
            f"- #{p.number} {escape_markdown(p.assumption.text)}: importance {p.importance}, evidence {p.evidence} "
            f"({escape_markdown(row[5])})" for p, row in zip(result.placements, result.rows(), strict=True)
        ]
        return {
            "inputs": {"product": product.value, "ratings": {k: list(v) for k, v in ratings().items() if all(v)},
                       "own_assumptions": [{"text": t.value.strip(), "risk": r.value}
                                           for t, r in zip(own_texts, own_risks, strict=True) if t.value.strip()]},
            "results": result.as_dict(),
            "markdown_body": "\n".join(markdown),
        }

    show_product()
    product.observe(switch_product, names="value")
    controls: dict[str, widgets.Widget] = {"product": product}
    for number, row in enumerate(rows, 1):
        controls |= {f"importance_{number}": row.importance, f"evidence_{number}": row.evidence}
    for number, (row, text, risk) in enumerate(zip(own_rows, own_texts, own_risks, strict=True), 1):
        controls |= {f"own_text_{number}": text, f"own_risk_{number}": risk,
                     f"own_importance_{number}": row.importance, f"own_evidence_{number}": row.evidence}
        row.box.children = (row.label, widgets.HBox([text, risk]), *row.box.children[1:])
    note = widgets.HTML(f"<p>Add up to {OWN_SLOTS} assumptions of your own ({MAX_OWN_CHARS} characters at most), "
                        "each with the risk it belongs to.</p>")
    body = widgets.VBox([product, pitch, *(row.box for row in rows), note, *(row.box for row in own_rows)])
    return assemble(
        EXERCISE_ID,
        [body, message, results, chart],
        controls=controls,
        outputs={"pitch": pitch, "message": message, "results": results, "chart": chart},
        update=update,
        snapshot=snapshot,
        charts={"chart": panel},
    )
