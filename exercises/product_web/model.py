"""The product-web explorer's pure layer: which teams a PM works with, and on what, in each life-cycle phase.

:func:`parse_product_web` validates data against ``product_web.schema.json`` and checks what a
schema cannot (unique ids, duties naming declared teams and phases, every team used);
:func:`product_web` is the shipped web, loaded once (chapter 01 calls it :func:`default_web`).
:func:`select` views the web through a phase and/or a team; :func:`readiness_note` and
:func:`snapshot_for` check and save the learner's note.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from functools import cache
from typing import Any, TypeVar

from ..kit import data, render
from ..kit.choices import by_id
from ..kit.frozen import Frozen
from ..kit.text import clean_text, escape_markdown, is_written

__all__ = [
    "ALL", "MAX_NOTE_CHARS", "NOTE_LABEL", "Interface", "Phase", "ProductWeb", "Selection", "Team", "default_web",
    "parse_product_web", "product_web", "readiness_note", "select", "snapshot_for",
]

ALL = "all"  # the menus' "All phases" / "All teams" choice; the schema keeps it out of the ids
NOTE_LABEL = "Least-ready interface"
MAX_NOTE_CHARS = 2_000


class Phase(Frozen):
    id: str
    label: str
    summary: str


class Team(Frozen):
    id: str
    label: str
    short: str
    boundary: str


T = TypeVar("T", Phase, Team)


def _find(choices: Sequence[T], wanted: str, kind: str) -> T:
    """The phase or team with id ``wanted``; ``ValueError`` listing the ids on offer otherwise."""
    known = ", ".join(choice.id for choice in choices)
    return by_id(choices, wanted, f"Unknown {kind} {str(wanted)[:40]!r}; choose one of: {known}.")


class ProductWeb(Frozen):
    """Teams, life-cycle phases and the PM's duties with each team in each phase."""

    title: str
    centre: str
    phases: tuple[Phase, ...]
    teams: tuple[Team, ...]
    duties: Mapping[tuple[str, str], tuple[str, ...]]  # (team id, phase id) -> duties; absent = no regular interface

    def phase(self, phase_id: str) -> Phase:
        return _find(self.phases, phase_id, "phase")

    def team(self, team_id: str) -> Team:
        return _find(self.teams, team_id, "team")


class Interface(Frozen):
    """What the PM does with one team in one phase."""

    team: Team
    phase: Phase
    duties: tuple[str, ...]


class Selection(Frozen):
    """The web seen through one phase, one team, both, or neither (``None`` means all)."""

    web: ProductWeb
    phase: Phase | None
    team: Team | None
    interfaces: tuple[Interface, ...]

    @property
    def label(self) -> str:
        phase = self.phase.label if self.phase else "All phases"
        team = self.team.label if self.team else "all teams"
        return f"{phase}, {team}"

    def active_teams(self) -> tuple[str, ...]:
        """Team ids with at least one interface in this selection, in the web's order."""
        ids = {i.team.id for i in self.interfaces}
        return tuple(t.id for t in self.web.teams if t.id in ids)

    def active_phases(self) -> tuple[str, ...]:
        ids = {i.phase.id for i in self.interfaces}
        return tuple(p.id for p in self.web.phases if p.id in ids)

    def lit_phases(self) -> tuple[str, ...]:
        """Phases highlighted on the life-cycle strip: the chosen one, or every phase the selection spans."""
        return (self.phase.id,) if self.phase else self.active_phases()

    def strength(self, team_id: str) -> int:
        """How many phases of this selection involve ``team_id``."""
        return sum(i.team.id == team_id for i in self.interfaces)

    def headline(self) -> str:
        if not self.interfaces:
            assert self.phase and self.team
            return (f"{self.phase.label}, {self.team.label}: no regular interface in this phase. "
                    f"Pick another phase, or All phases, to see when the PM works with {self.team.label}.")
        if self.phase and self.team:
            return f"{self.label}: what the PM does together."
        if self.phase:
            return f"{self.label}: the PM works with {len(self.active_teams())} of {len(self.web.teams)} teams."
        if self.team:
            phases = f"{len(self.active_phases())} of {len(self.web.phases)} phases"
            return f"{self.label}: the PM works with them in {phases}."
        return (f"{self.label}: {len(self.interfaces)} interfaces between the PM and "
                f"{len(self.active_teams())} teams across {len(self.web.phases)} phases.")

    def summary(self) -> str:
        """Plain text: the headline, then one line per interface (or per team, for the whole web)."""
        lines = [self.headline()]
        if self.phase is None and self.team is None:
            lines += [f"- {t.label}: {self.strength(t.id)} of {len(self.web.phases)} phases" for t in self.web.teams]
        else:
            for interface in self.interfaces:
                where = interface.phase.label if self.phase is None else interface.team.label
                lines += [f"- {where}: {duty}" for duty in interface.duties]
        if self.team is not None:
            lines.append(f"Where the PM stops: {self.team.boundary}")
        return "\n".join(lines)

    def as_dict(self) -> dict[str, Any]:
        return {
            "phase": self.phase.id if self.phase else ALL,
            "team": self.team.id if self.team else ALL,
            "active_teams": list(self.active_teams()),
            "active_phases": list(self.active_phases()),
            "interfaces": len(self.interfaces),
            "headline": self.headline(),
        }

    def _matrix_html(self) -> str:
        head = "".join(
            f'<th scope="col" style="padding:2px 6px;">{render.escape(p.label)}</th>' for p in self.web.phases
        )
        rows = []
        for team in self.web.teams:
            cells = "".join(
                '<td style="text-align:center;padding:2px 6px;">'
                + ('<span role="img" aria-label="yes">\u25cf</span>' if (team.id, p.id) in self.web.duties else
                   '<span role="img" aria-label="no" style="color:#6b6f76;">\u2013</span>')
                + "</td>"
                for p in self.web.phases
            )
            label = f'<th scope="row" style="text-align:left;padding:2px 6px;">{render.escape(team.label)}</th>'
            rows.append(f"<tr>{label}{cells}</tr>")
        return (
            '<table class="pm-web-matrix" style="border-collapse:collapse;margin:4px 0;font-size:90%;">'
            '<caption style="text-align:left;font-weight:600;">Where the PM has a regular interface '
            "(\u25cf yes, \u2013 no). Choose a phase or a team to read the duties.</caption>"
            f'<tr><th scope="col" style="text-align:left;padding:2px 6px;">Team</th>{head}</tr>{"".join(rows)}</table>'
        )

    def _repr_html_(self) -> str:
        if not self.interfaces:
            return render.notice("info", self.headline(), title="Nothing here")
        parts = [f"<p><strong>{render.escape(self.headline())}</strong></p>"]
        if self.phase is None and self.team is None:
            parts.append(self._matrix_html())
        else:
            if self.phase is not None:
                parts.append(f"<p><em>{render.escape(self.phase.label)}:</em> {render.escape(self.phase.summary)}</p>")
            items = []
            for interface in self.interfaces:
                where = interface.phase.label if self.phase is None else interface.team.label
                duties = " ".join(render.escape(d) for d in interface.duties)
                items.append(f"<li><strong>{render.escape(where)}:</strong> {duties}</li>")
            parts.append("<ul>" + "".join(items) + "</ul>")
        if self.team is not None:
            parts.append(render.notice("warn", self.team.boundary, title="Where the PM stops"))
        return "".join(parts)


# ---- loading the data file ---------------------------------------------------------------------


def _check_unique(ids: Sequence[str], kind: str) -> None:
    seen: set[str] = set()
    for item_id in ids:
        if item_id in seen:
            raise ValueError(f"{kind} id {item_id!r} appears twice.")
        seen.add(item_id)


def _duties(
    raw: Mapping[str, Mapping[str, Sequence[str]]], teams: Sequence[Team], phases: Sequence[Phase]
) -> dict[tuple[str, str], tuple[str, ...]]:
    """(team id, phase id) -> duties, checking that every team and phase named is declared and every team has duties."""
    team_ids, phase_ids = {t.id for t in teams}, {p.id for p in phases}
    duties: dict[tuple[str, str], tuple[str, ...]] = {}
    for team_id, by_phase in raw.items():
        if team_id not in team_ids:
            raise ValueError(f"Duties name an unknown team {team_id!r}.")
        for phase_id, items in by_phase.items():
            if phase_id not in phase_ids:
                raise ValueError(f"Duties for {team_id!r} in {phase_id!r}: unknown phase.")
            duties[(team_id, phase_id)] = tuple(item.strip() for item in items)
    lonely = [t.id for t in teams if t.id not in raw]
    if lonely:
        raise ValueError(f"Team {lonely[0]!r} has no duties in any phase.")
    return duties


def parse_product_web(raw: Any, *, source: str = "product_web.json") -> ProductWeb:
    """Build a web from data-file contents; ``ValueError`` names ``source`` and the first bad entry."""
    data.validate(raw, "product_web.schema.json", source=source)
    phases = tuple(Phase(r["id"], r["label"].strip(), r["summary"].strip()) for r in raw["phases"])
    teams = tuple(Team(r["id"], r["label"].strip(), r["short"].strip(), r["boundary"].strip()) for r in raw["teams"])
    try:
        _check_unique([p.id for p in phases], "Phase")
        _check_unique([t.id for t in teams], "Team")
        duties = _duties(raw["duties"], teams, phases)
    except ValueError as error:
        raise ValueError(f"{source}: {error}") from None
    return ProductWeb(raw["title"].strip(), raw["centre"].strip(), phases, teams, duties)


@cache
def product_web() -> ProductWeb:
    """The course's product web, from ``exercises/data/product_web.json``."""
    return parse_product_web(data.load("product_web.json"))


default_web = product_web  # the name chapter 01 uses


# ---- what the learner does -------------------------------------------------------------------------


def select(web: ProductWeb, phase: str = ALL, team: str = ALL) -> Selection:
    """The interfaces in one phase and/or with one team; ``"all"`` for either means no filter."""
    chosen_phase = None if phase == ALL else web.phase(phase)
    chosen_team = None if team == ALL else web.team(team)
    interfaces = tuple(
        Interface(t, p, web.duties[(t.id, p.id)])
        for t in web.teams if chosen_team is None or t == chosen_team
        for p in web.phases if (chosen_phase is None or p == chosen_phase) and (t.id, p.id) in web.duties
    )
    return Selection(web, chosen_phase, chosen_team, interfaces)


def readiness_note(raw: object) -> str:
    """The learner's note on the interface they feel least ready for, checked (not escaped)."""
    return clean_text(raw, NOTE_LABEL, max_chars=MAX_NOTE_CHARS, required=True)


def snapshot_for(selection: Selection, note: object) -> dict[str, Any]:
    """What Save my work stores: the selection, the note, and a safe Markdown body."""
    text = readiness_note(note)
    body = "\n".join([
        "## The interface I feel least ready for",
        "",
        escape_markdown(text).replace("\n", "  \n"),
        "",
        f"Selection when saved: {escape_markdown(selection.label)}.",
    ])
    return {
        "inputs": {"phase": selection.as_dict()["phase"], "team": selection.as_dict()["team"], "note": text},
        "results": selection.as_dict(),
        "markdown_body": body,
    }


def attempt_complete(record: Mapping[str, Any]) -> bool:
    """Complete when the note on the least-ready interface is written."""
    return is_written(record["inputs"].get("note"))
