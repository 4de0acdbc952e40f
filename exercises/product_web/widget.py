"""The product-web explorer's widget: two menus redraw the web and list the duties; a note; Save my work."""

from __future__ import annotations

from typing import Any

import ipywidgets as widgets

from ..kit import render
from ..kit.views import LABEL_STYLE, WIDE, ExerciseView, assemble, update_showing
from .chart import chart_panel
from .model import ALL, NOTE_LABEL, Selection, product_web, readiness_note, select, snapshot_for

EXERCISE_ID = "product-web"


def build_product_web(phase: str = ALL, team: str = ALL) -> ExerciseView:
    """Two dropdowns redraw the web and list the duties; a note on your least-ready interface; Save my work."""
    web = product_web()
    start_problem = ""
    try:
        select(web, phase, team)
    except ValueError as error:
        start_problem, phase, team = str(error), ALL, ALL
    phase_menu = widgets.Dropdown(
        options=[("All phases", ALL)] + [(p.label, p.id) for p in web.phases], value=phase,
        description="Phase", style=LABEL_STYLE, layout=WIDE,
    )
    team_menu = widgets.Dropdown(
        options=[("All teams", ALL)] + [(t.label, t.id) for t in web.teams], value=team,
        description="Team", style=LABEL_STYLE, layout=WIDE,
    )
    note = widgets.Textarea(
        description=NOTE_LABEL,
        placeholder="The thread you feel least ready for: what you give that team, what you receive, and why",
        style=LABEL_STYLE, layout=widgets.Layout(width="42em", height="6em"), continuous_update=False,
    )
    message, chart, duties, note_echo = widgets.HTML(), widgets.HTML(), widgets.HTML(), widgets.HTML()
    panel = chart_panel()

    def current() -> Selection:
        return select(web, phase_menu.value, team_menu.value)

    update = update_showing(current, message, [(duties, Selection._repr_html_), (chart, panel.html)],
                            title="Choose again")

    def show_note(_change: object = None) -> None:
        if not str(note.value).strip():
            note_echo.value = ""
            return
        try:
            text = readiness_note(note.value)
        except ValueError as error:
            note_echo.value = render.notice("error", str(error), title="Your note")
            return
        note_echo.value = render.notice("info", text, title="Your note, saved with the phase and team you are viewing")

    def snapshot() -> dict[str, Any]:
        try:
            return snapshot_for(current(), note.value)
        except ValueError as error:
            raise ValueError(f"{error} Then press Save again.") from None

    note.observe(show_note, names="value")
    view = assemble(
        EXERCISE_ID,
        [widgets.HTML("<strong>Explore the web</strong>"), phase_menu, team_menu, message, chart, duties,
         widgets.HTML("<strong>Your least-ready interface</strong>"), note, note_echo],
        controls={"phase": phase_menu, "team": team_menu, "note": note},
        outputs={"message": message, "chart": chart, "duties": duties, "note": note_echo},
        update=update,
        snapshot=snapshot,
        watch={"phase": phase_menu, "team": team_menu},
        charts={"chart": panel},
    )
    if start_problem:
        message.value = render.notice("error", f"{start_problem} Showing the whole web instead.", title="Starting view")
    return view
