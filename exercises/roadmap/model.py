"""The roadmap builder's pure layer: a team's capacity, now/next/later, and what the roadmap warns about.

:func:`suggest` places a ranked backlog: each item, in rank order, goes into the earliest period
that still has room for it, and "later" takes the rest. :func:`build` applies the learner's
moves and outcomes and runs the checks in :mod:`.checks`; the :class:`Roadmap` prints
(``summary``), saves (``as_dict``) and shows as HTML, theme by theme.
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import cache
from typing import Any

from ..kit import data, render
from ..kit.frozen import Frozen
from ..kit.numbers import format_number, parse_number
from ..kit.text import clean_text, is_written
from ..prioritiser.model import backlog
from .checks import Note, roadmap_notes
from .sources import RankedBacklog, RoadmapItem

__all__ = [
    "HORIZONS", "MAX_OUTCOME_CHARS", "PLACES", "PLACE_NAMES", "Capacity", "Placement", "Roadmap", "Starting",
    "build", "parse_capacity", "parse_starting", "person_months", "starting", "suggest",
]

HORIZONS = ("now", "next", "later")
PLACES = (*HORIZONS, "off")  # "off": deliberately left off the roadmap
PLACE_NAMES = {"now": "Now", "next": "Next", "later": "Later", "off": "Not on the roadmap"}
MAX_OUTCOME_CHARS = 400
MAX_NOT_CHARS = 600


def person_months(effort: float) -> str:
    """1 -> '1 person-month', 2.5 -> '2.5 person-months'."""
    return f"{format_number(effort)} person-month{'' if effort == 1 else 's'}"


class Capacity(Frozen):
    """How much work fits in one period (the length of "now", and again of "next")."""

    people: float
    months: float
    reserve_percent: float  # kept for bugs, support and other unplanned work

    @property
    def per_period(self) -> float:
        """Person-months of planned work per period."""
        return self.people * self.months * (100 - self.reserve_percent) / 100

    def describe(self) -> str:
        return (f"{format_number(self.people)} people \u00d7 {format_number(self.months)} months, "
                f"less {format_number(self.reserve_percent)}% kept for bugs and support: "
                f"{format_number(round(self.per_period, 2))} person-months a period")


_CAPACITY_FIELDS = {
    "people": ("People on the team", {"minimum": 1, "maximum": 200, "whole": True}),
    "months": ("Months in each period", {"minimum": 0, "allow_minimum": False, "maximum": 12}),
    "reserve_percent": ("Kept for bugs and support (%)", {"maximum": 90}),
}


def parse_capacity(raw: Mapping[str, object]) -> Capacity:
    """A team's capacity from text or numbers; one ``ValueError`` lists every problem."""
    values, problems = {}, []
    for name, (label, limits) in _CAPACITY_FIELDS.items():
        try:
            values[name] = parse_number(raw.get(name, ""), label, **limits)
        except ValueError as error:
            problems.append(str(error))
    if problems:
        raise ValueError("\n".join(problems))
    return Capacity(**values)


class Starting(Frozen):
    """The roadmap's context and starting values (``exercises/data/roadmap.json``)."""

    vision: str
    diagnosis: str
    guiding_policy: str
    team: str
    capacity: Capacity
    outcomes: tuple[tuple[str, str], ...]  # (theme id, outcome)


def parse_starting(raw: Any, *, source: str = "roadmap data") -> Starting:
    """Validate ``raw`` against ``roadmap.schema.json``; every outcome must name a theme of the backlog."""
    data.validate(raw, "roadmap.schema.json", source=source)
    themes = {t.id for t in backlog().themes}
    outcomes = []
    for index, entry in enumerate(raw["outcomes"]):
        if entry["theme"] not in themes:
            raise ValueError(f"{source}: outcome {index + 1}: {entry['theme']!r} is not a theme of the backlog.")
        outcomes.append((entry["theme"], entry["outcome"].strip()))
    if len({theme for theme, _ in outcomes}) != len(outcomes):
        raise ValueError(f"{source}: each theme can have one outcome.")
    team = raw["team"]
    capacity = Capacity(float(team["people"]), float(team["months_per_period"]), float(team["reserve_percent"]))
    strategy = raw["strategy"]
    return Starting(raw["vision"].strip(), strategy["diagnosis"].strip(), strategy["guiding_policy"].strip(),
                    team["description"].strip(), capacity, tuple(outcomes))


@cache
def starting() -> Starting:
    return parse_starting(data.load("roadmap.json"), source="exercises/data/roadmap.json")


def suggest(ranked: RankedBacklog, capacity: Capacity) -> dict[str, str]:
    """Item id -> "now", "next" or "later": in rank order, the earliest period with room, else later."""
    room = {"now": capacity.per_period, "next": capacity.per_period}
    places = {}
    for item in sorted(ranked.items, key=lambda i: i.rank):
        place = next((h for h in ("now", "next") if item.effort <= room[h] + 1e-9), "later")
        if place != "later":
            room[place] -= item.effort
        places[item.id] = place
    return places


class Placement(Frozen):
    item: RoadmapItem
    place: str  # one of PLACES
    moved: bool  # the learner moved it away from the suggestion


class Roadmap(Frozen):
    """A ranked backlog placed into now, next and later, with each theme's outcome and the checks' notes."""

    backlog: RankedBacklog
    capacity: Capacity
    placements: tuple[Placement, ...]  # in rank order
    outcomes: tuple[tuple[str, str], ...]  # (theme id, outcome) for every theme
    not_statement: str
    notes: tuple[Note, ...]

    def items_in(self, place: str) -> tuple[RoadmapItem, ...]:
        return tuple(p.item for p in self.placements if p.place == place)

    def load(self, place: str) -> float:
        return sum(item.effort for item in self.items_in(place))

    def outcome(self, theme_id: str) -> str:
        return dict(self.outcomes).get(theme_id, "")

    @property
    def warnings(self) -> tuple[Note, ...]:
        return tuple(n for n in self.notes if n.kind == "warn")

    def summary(self) -> str:
        lines = [f"Capacity: {self.capacity.describe()}."]
        for place in PLACES:
            items = self.items_in(place)
            listed = "; ".join(f"#{i.rank} {i.title} ({format_number(i.effort)})" for i in items) or "nothing"
            load = f" [{format_number(round(self.load(place), 2))} person-months]" if place in ("now", "next") else ""
            lines.append(f"{PLACE_NAMES[place]}{load}: {listed}")
        lines += [f"{'Warning' if n.kind == 'warn' else 'Note'}: {n.text}" for n in self.notes]
        return "\n".join(lines)

    def as_dict(self) -> dict[str, Any]:
        return {
            "source": self.backlog.source,
            "capacity_per_period": round(self.capacity.per_period, 4),
            "places": {place: [i.id for i in self.items_in(place)] for place in PLACES},
            "loads": {place: round(self.load(place), 4) for place in HORIZONS},
            "moved_items": [p.item.id for p in self.placements if p.moved],
            "warnings": [n.text for n in self.notes if n.kind == "warn"],
            "notes": [n.text for n in self.notes if n.kind != "warn"],
        }

    def _column(self, place: str) -> str:
        items = self.items_in(place)
        if place in ("now", "next"):
            head = (f"{PLACE_NAMES[place]}: {format_number(round(self.load(place), 2))} of "
                    f"{format_number(round(self.capacity.per_period, 2))} person-months")
        else:
            head = f"{PLACE_NAMES[place]}: {format_number(round(self.load(place), 2))} person-months"
        parts = [f'<h4 style="margin:0 0 4px 0;font-size:1em;">{render.escape(head)}</h4>']
        if not items:
            parts.append("<p><em>Nothing here.</em></p>")
        for theme in self.backlog.themes:
            members = [i for i in items if i.theme == theme.id]
            if not members:
                continue
            outcome = self.outcome(theme.id) or "(no outcome yet)"
            parts.append(
                f'<p style="margin:6px 0 2px 0;"><strong>{render.escape(theme.name)}</strong><br>'
                f'<span style="font-size:0.9em;">Outcome: {render.escape(outcome)}</span></p>'
                + "<ul style=\"margin:0 0 0 1.2em;padding:0;font-size:0.9em;\">"
                + "".join(f"<li>#{i.rank} {render.escape(i.title)} ({person_months(i.effort)})</li>"
                          for i in members)
                + "</ul>"
            )
        return "".join(parts)

    def _repr_html_(self) -> str:
        cells = "".join(
            f'<div style="flex:1 1 14em;min-width:14em;border:1px solid #8a8a8a;border-radius:3px;padding:6px;">'
            f"{self._column(place)}</div>"
            for place in HORIZONS
        )
        off = self.items_in("off")
        off_html = (
            "<p><strong>Not on the roadmap:</strong> "
            + render.escape("; ".join(f"#{i.rank} {i.title}" for i in off)) + "</p>"
        ) if off else ""
        not_html = f"<p><strong>This roadmap is not:</strong> {render.escape(self.not_statement)}</p>" \
            if self.not_statement else ""
        return (
            f'<div class="pm-roadmap"><p style="margin:2px 0;">Planned from {render.escape(self.backlog.source)}. '
            f"Capacity: {render.escape(self.capacity.describe())}.</p>"
            f'<div style="display:flex;flex-wrap:wrap;gap:8px;">{cells}</div>{off_html}{not_html}</div>'
        )


def build(
    ranked: RankedBacklog,
    capacity: Capacity,
    moves: Mapping[str, str] | None = None,
    outcomes: Mapping[str, object] | None = None,
    not_statement: object = "",
) -> Roadmap:
    """The roadmap: suggested places, the learner's ``moves`` (item id -> place), outcomes by theme, and notes.

    Moves for items this backlog does not have are ignored (a move made on another backlog).
    """
    suggested = suggest(ranked, capacity)
    placements = []
    for item in sorted(ranked.items, key=lambda i: i.rank):
        place = (moves or {}).get(item.id, suggested[item.id])
        if place not in PLACES:
            raise ValueError(f"{item.title}: place it in one of {', '.join(PLACE_NAMES.values())}.")
        placements.append(Placement(item, place, place != suggested[item.id]))
    texts = []
    for theme in ranked.themes:
        text = clean_text((outcomes or {}).get(theme.id, ""), f"Outcome for \u201c{theme.name}\u201d",
                          max_chars=MAX_OUTCOME_CHARS)
        texts.append((theme.id, " ".join(text.split())))
    statement = " ".join(clean_text(not_statement, "What this roadmap is not", max_chars=MAX_NOT_CHARS).split())
    partial = Roadmap(ranked, capacity, tuple(placements), tuple(texts), statement, ())
    return Roadmap(ranked, capacity, tuple(placements), tuple(texts), statement, roadmap_notes(partial))


def attempt_complete(record: Mapping[str, Any]) -> bool:
    """Complete when the learner moved an item, changed an outcome or said what the roadmap is not."""
    inputs = record["inputs"]
    shipped = dict(starting().outcomes)
    changed = any(str(text).strip() != shipped.get(theme, "") for theme, text in inputs.get("outcomes", {}).items())
    return bool(inputs.get("moves")) or changed or is_written(inputs.get("not_statement"))
