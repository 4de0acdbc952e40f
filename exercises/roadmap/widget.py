"""The roadmap builder's widget: choose the ranked backlog, set the team's capacity, move items between
now, next and later, write each theme's outcome, and read the warnings, the board and the chart."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

import ipywidgets as widgets

from ..kit import render
from ..kit.numbers import format_number
from ..kit.text import escape_markdown
from ..kit.views import ExerciseView, assemble, batched, fix_first, update_showing
from ..prioritiser.model import Ranking
from .chart import chart_key, chart_panel
from .checks import LIMITS
from .model import PLACE_NAMES, PLACES, Roadmap, build, parse_capacity, person_months, starting
from .sources import RankedBacklog, default_backlog, from_ranking, read_saved_ranking, saved_rankings

EXERCISE_ID = "roadmap"
# Labels wide enough for the longest, "Kept for bugs and support (%)"; buttons as wide as their labels.
LABELS = {"description_width": "17em"}
FIELD, WIDE = widgets.Layout(width="28em"), widgets.Layout(width="100%", max_width="44em")
AUTO_WIDTH = widgets.Layout(width="auto", flex="0 0 auto", align_self="flex-start")
AS_SUGGESTED = "auto"
GIVEN, SHIPPED = "given", "shipped"


def _context_html(vision: str, diagnosis: str, policy: str, team: str) -> str:
    rows = [("Vision", vision), ("Strategy: the challenge", diagnosis), ("Strategy: our approach", policy),
            ("The team", team)]
    return "".join(f'<p style="margin:2px 0;"><strong>{render.escape(label)}:</strong> {render.escape(text)}</p>'
                   for label, text in rows)


def _notes_html(roadmap: Roadmap) -> str:
    shown = "".join(render.notice(note.kind, note.text, title="Warning" if note.kind == "warn" else "Worth a thought")
                    for note in roadmap.notes)
    if not roadmap.warnings:
        shown = render.notice("ok", "Now fits the team's capacity and every planned theme has an outcome.",
                              title="No warnings") + shown
    return shown + f'<p style="font-size:0.85em;margin:2px 0;"><em>{render.escape(LIMITS)}</em></p>'


def _markdown(roadmap: Roadmap) -> str:
    lines = ["## My roadmap", "", f"Capacity: {escape_markdown(roadmap.capacity.describe())}.", ""]
    for place in PLACES:
        items = roadmap.items_in(place)
        lines += [f"### {PLACE_NAMES[place]}", ""]
        if not items:
            lines += ["Nothing.", ""]
            continue
        for theme in roadmap.backlog.themes:
            members = [i for i in items if i.theme == theme.id]
            if members:
                outcome = roadmap.outcome(theme.id) or "(no outcome yet)"
                lines.append(f"- **{escape_markdown(theme.name)}**: {escape_markdown(outcome)}")
                lines += [f"  - #{i.rank} {escape_markdown(i.title)} ({person_months(i.effort)})" for i in members]
        lines.append("")
    if roadmap.not_statement:
        lines += [f"**This roadmap is not:** {escape_markdown(roadmap.not_statement)}", ""]
    lines += [f"- {'Warning' if n.kind == 'warn' else 'Note'}: {escape_markdown(n.text)}" for n in roadmap.notes]
    return "\n".join(lines)


class _Sources:
    """The backlogs a learner can plan from: one passed in, the shipped one, and their saved rankings."""

    def __init__(self, given: RankedBacklog | None, folder: Path | None) -> None:
        self.given, self.folder = given, folder
        self.options: list[tuple[str, str]] = []
        self.skipped = 0
        self.refresh()

    def refresh(self) -> None:
        saved, self.skipped = saved_rankings(self.folder)
        self.options = ([("The ranking passed to the builder", GIVEN)] if self.given else []) + [
            ("The shipped backlog, ranked by RICE", SHIPPED)] + [(s.label, str(s.path)) for s in saved]

    def preferred(self) -> str:
        """The ranking passed in, else the newest saved ranking, else the shipped backlog."""
        if self.given:
            return GIVEN
        return self.options[1][1] if len(self.options) > 1 else SHIPPED

    def load(self, key: str) -> RankedBacklog:
        if key == GIVEN and self.given is not None:
            return self.given
        if key == SHIPPED:
            return default_backlog()
        return read_saved_ranking(Path(key))


def _item_options(ranked: RankedBacklog) -> list[tuple[str, str]]:
    return [(f"#{i.rank} {i.title} ({person_months(i.effort)})", i.id) for i in ranked.items]


def build_roadmap(backlog: RankedBacklog | Ranking | None = None, *, folder: Path | None = None) -> ExerciseView:
    """The builder, planning ``backlog`` if given, else the newest ranking saved in ``folder`` (default
    ``./my-work``), else the shipped backlog ranked by RICE."""
    start = starting()
    sources = _Sources(from_ranking(backlog) if isinstance(backlog, Ranking) else backlog, folder)
    moves: dict[str, str] = {}
    outcomes = dict(start.outcomes)
    chosen: dict[str, Any] = {"key": None, "backlog": None, "error": ""}  # the backlog last read, or why it failed

    source = widgets.Dropdown(options=sources.options, value=sources.preferred(), description="Backlog to plan",
                              style=LABELS, layout=WIDE)
    refresh = widgets.Button(description="Look for saved rankings", icon="refresh", layout=AUTO_WIDTH,
                             tooltip="Look again in the my-work folder for rankings saved by the backlog prioritiser")
    capacity_fields = {
        name: widgets.Text(value=format_number(getattr(start.capacity, name)), description=label,
                           continuous_update=False, style=LABELS, layout=FIELD)
        for name, label in (("people", "People on the team"), ("months", "Months in each period"),
                            ("reserve_percent", "Kept for bugs and support (%)"))
    }
    item = widgets.Dropdown(options=[], description="Item to move", style=LABELS,
                            layout=WIDE)
    place = widgets.Dropdown(options=[("As suggested", AS_SUGGESTED)] + [(PLACE_NAMES[p], p) for p in PLACES],
                             value=AS_SUGGESTED, description="Place it in", style=LABELS, layout=FIELD)
    clear = widgets.Button(description="Undo all my moves", icon="undo", layout=AUTO_WIDTH,
                           tooltip="Go back to the suggested places")
    themes = default_backlog().themes
    theme = widgets.Dropdown(options=[(t.name, t.id) for t in themes], description="Theme", style=LABELS,
                             layout=WIDE)
    outcome = widgets.Textarea(value=outcomes.get(theme.value, ""), description="Outcome for this theme",
                               placeholder="What will change for customers or the business, and by how much?",
                               continuous_update=False, style=LABELS,
                               layout=widgets.Layout(width="100%", max_width="44em", height="4.5em"))
    not_text = widgets.Textarea(value="", description="What this roadmap is not",
                                placeholder="For example: not a promise of dates; not every request we have heard",
                                continuous_update=False, style=LABELS,
                                layout=widgets.Layout(width="100%", max_width="44em", height="4.5em"))
    source_message, message, notes, board, chart = (widgets.HTML() for _ in range(5))
    panel = chart_panel()
    key = chart_key(themes)

    def load_source() -> None:
        """Read the chosen backlog; refresh the item list. Errors are shown by update()."""
        if chosen["key"] == source.value:
            return
        chosen["key"] = source.value
        try:
            chosen["backlog"], chosen["error"] = sources.load(source.value), ""
        except ValueError as error:
            chosen["backlog"], chosen["error"] = None, f"This saved ranking cannot be used: {error}"
            source_message.value = ""
            return
        ids = [i.id for i in chosen["backlog"].items]
        with batched():
            item.options = _item_options(chosen["backlog"])
            if item.value not in ids:
                item.value = ids[0]
            place.value = moves.get(item.value, AS_SUGGESTED)
        skipped = f" {sources.skipped} other file(s) in my-work could not be read." if sources.skipped else ""
        source_message.value = render.notice("info", f"Planning from {chosen['backlog'].source}.{skipped}",
                                             title="Backlog")

    def current() -> Roadmap:
        if chosen["backlog"] is None:
            raise ValueError(chosen["error"])
        capacity = parse_capacity({name: field.value for name, field in capacity_fields.items()})
        return build(chosen["backlog"], capacity, moves, outcomes, not_text.value)

    show_roadmap = update_showing(
        current, message, [(notes, _notes_html), (board, Roadmap._repr_html_),
                           (chart, lambda roadmap: panel.html(roadmap) + key)],
        title="Check your inputs", hidden=(board, "The roadmap is hidden until every input can be used."),
    )

    def update() -> None:
        load_source()
        show_roadmap()

    def on_item(_change: Any) -> None:
        with batched():
            place.value = moves.get(item.value, AS_SUGGESTED)

    def on_place(change: Mapping[str, Any]) -> None:
        if item.value is None:
            return
        if change["new"] == AS_SUGGESTED:
            moves.pop(item.value, None)
        else:
            moves[item.value] = change["new"]

    def on_theme(_change: Any) -> None:
        with batched():
            outcome.value = outcomes.get(theme.value, "")

    def on_outcome(change: Mapping[str, Any]) -> None:
        outcomes[theme.value] = change["new"]

    def on_clear(_button: Any) -> None:
        moves.clear()
        with batched():
            place.value = AS_SUGGESTED
        update()

    def on_refresh(_button: Any) -> None:
        before = source.value
        sources.refresh()
        chosen["key"] = None  # read the chosen file again: it may have changed
        with batched():
            source.options = sources.options
            source.value = before if before in [key for _, key in sources.options] else sources.preferred()
        update()

    def snapshot() -> dict[str, Any]:
        roadmap = fix_first(current, "the inputs")
        ranked_ids = {i.id for i in roadmap.backlog.items}
        return {
            "inputs": {
                "source": roadmap.backlog.source,
                "capacity": {name: field.value for name, field in capacity_fields.items()},
                "moves": {item_id: where for item_id, where in moves.items() if item_id in ranked_ids},
                "outcomes": dict(roadmap.outcomes),
                "not_statement": roadmap.not_statement,
            },
            "results": roadmap.as_dict(),
            "markdown_body": _markdown(roadmap),
        }

    place.observe(on_place, names="value")  # before assemble: the move is stored before the update runs
    outcome.observe(on_outcome, names="value")
    item.observe(on_item, names="value")
    theme.observe(on_theme, names="value")
    clear.on_click(on_clear)
    refresh.on_click(on_refresh)
    context = widgets.HTML(_context_html(start.vision, start.diagnosis, start.guiding_policy, start.team))
    body = [
        context, source, refresh, source_message,
        widgets.HTML("<strong>The team's capacity</strong>"), *capacity_fields.values(),
        widgets.HTML("<strong>Move an item</strong> (the builder suggests a place; you decide)"),
        item, widgets.HBox([place, clear]),
        widgets.HTML("<strong>Themes and their outcomes</strong>"), theme, outcome, not_text,
        message, notes, board, chart,
    ]
    controls = {"source": source, "refresh": refresh, **capacity_fields, "item": item, "place": place,
                "clear": clear, "theme": theme, "outcome": outcome, "not": not_text}
    return assemble(
        EXERCISE_ID, body, controls=controls,
        outputs={"source_message": source_message, "message": message, "notes": notes, "board": board, "chart": chart},
        update=update, snapshot=snapshot,
        watch={"source": source, **capacity_fields, "place": place, "outcome": outcome, "not": not_text},
        charts={"chart": panel},
    )
