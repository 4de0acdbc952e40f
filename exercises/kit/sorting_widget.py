"""The sorting exercise's widget: one dropdown per item, a Check button, feedback, a chart, Save my work."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import ipywidgets as widgets

from . import render
from .sorting import NOTHING_CHOSEN, SortItem, SortResult, check_sort
from .sorting_chart import summary_panel
from .views import LABEL_STYLE, ExerciseView, assemble, choice_menu


def build_sorter(
    exercise_id: str,
    items: Sequence[SortItem],
    categories: Sequence[str],
    *,
    prompt: str = "",
    save: bool = True,
) -> ExerciseView:
    """The sorter for the registry's exercise ``exercise_id``.

    ``save=False`` leaves out the Save my work panel, for exercises that save the sort with more.
    """
    dropdowns = {
        item.id: choice_menu(
            [(c, c) for c in categories],
            description=f"Item {number}",
            style=LABEL_STYLE,
            layout=widgets.Layout(width="28em"),
        )
        for number, item in enumerate(items, 1)
    }
    rows = [
        widgets.VBox([widgets.HTML(f"<p><strong>{n}.</strong> {render.escape(item.text)}</p>"), dropdowns[item.id]])
        for n, item in enumerate(items, 1)
    ]
    check = widgets.Button(description="Check my answers", button_style="primary", icon="check")
    feedback = widgets.HTML()
    chart = widgets.HTML()
    panel = summary_panel()

    def current() -> SortResult:
        return check_sort(items, {item_id: d.value for item_id, d in dropdowns.items()}, categories)

    def show(_button: widgets.Button | None = None) -> None:
        result = current()
        if result.unanswered == len(items):
            feedback.value = render.notice("info", NOTHING_CHOSEN, title="Nothing to check yet")
            chart.value = ""
            return
        feedback.value = result._repr_html_()
        chart.value = panel.html(result)

    def snapshot() -> dict[str, Any]:
        result = current()
        if result.unanswered == len(items):
            raise ValueError(NOTHING_CHOSEN)
        return {"inputs": {item_id: d.value for item_id, d in dropdowns.items()}, "results": result.as_dict()}

    check.on_click(show)
    intro = [widgets.HTML(f"<p>{render.escape(prompt)}</p>")] if prompt else []
    return assemble(
        exercise_id,
        [*intro, *rows, check, feedback, chart],
        controls={**dropdowns, "check": check},
        outputs={"feedback": feedback, "chart": chart},
        snapshot=snapshot if save else None,
        charts={"chart": panel},
    )
