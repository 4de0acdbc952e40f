"""The product-web explorer: which teams a PM works with, and on what, in each phase of the life cycle.

Pure layer: :func:`load_web`, :func:`default_web`, :func:`select`, :func:`readiness_note`,
:func:`snapshot_for`. Drawing: :func:`plot_product_web`, :func:`describe_web`,
:func:`web_figure_html`. Widget: :func:`build_product_web`.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from typing import Any

import ipywidgets as widgets
from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.patches import Circle, FancyBboxPatch

from . import render
from .datafiles import load_json, require_text
from .savework import escape_markdown
from .ui import LABEL_STYLE, WIDE, ExerciseView, build_save_panel
from .validation import clean_text

EXERCISE_ID = "product-web"
EXERCISE_TITLE = "Product-web explorer"
ALL = "all"
NOTE_LABEL = "Least-ready interface"
MAX_NOTE_CHARS = 2_000


@dataclass(frozen=True)
class Phase:
    id: str
    label: str
    summary: str


@dataclass(frozen=True)
class Team:
    id: str
    label: str
    short: str
    boundary: str


@dataclass(frozen=True)
class ProductWeb:
    """Teams, life-cycle phases and the PM's duties with each team in each phase."""

    title: str
    centre: str
    phases: tuple[Phase, ...]
    teams: tuple[Team, ...]
    duties: Mapping[tuple[str, str], tuple[str, ...]]  # (team id, phase id) -> duties; absent = no regular interface

    def phase(self, phase_id: str) -> Phase:
        for phase in self.phases:
            if phase.id == phase_id:
                return phase
        raise ValueError(f"Unknown phase {str(phase_id)[:40]!r}; choose one of: {', '.join(p.id for p in self.phases)}.")

    def team(self, team_id: str) -> Team:
        for team in self.teams:
            if team.id == team_id:
                return team
        raise ValueError(f"Unknown team {str(team_id)[:40]!r}; choose one of: {', '.join(t.id for t in self.teams)}.")


@dataclass(frozen=True)
class Interface:
    """What the PM does with one team in one phase."""

    team: Team
    phase: Phase
    duties: tuple[str, ...]


@dataclass(frozen=True)
class Selection:
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
            return f"{self.label}: the PM works with them in {len(self.active_phases())} of {len(self.web.phases)} phases."
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
        head = "".join(f'<th scope="col" style="padding:2px 6px;">{render.escape(p.label)}</th>' for p in self.web.phases)
        rows = []
        for team in self.web.teams:
            cells = "".join(
                '<td style="text-align:center;padding:2px 6px;">'
                + ('<span role="img" aria-label="yes">\u25cf</span>' if (team.id, p.id) in self.web.duties else
                   '<span role="img" aria-label="no" style="color:#6b6f76;">\u2013</span>')
                + "</td>"
                for p in self.web.phases
            )
            rows.append(f'<tr><th scope="row" style="text-align:left;padding:2px 6px;">{render.escape(team.label)}</th>{cells}</tr>')
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


# ---- loading and validating the data file ---------------------------------------------------


def _unique(ids: list[str], kind: str) -> None:
    seen: set[str] = set()
    for item_id in ids:
        if item_id == ALL:
            raise ValueError(f"{kind} id {ALL!r} is reserved for the 'All' choice.")
        if item_id in seen:
            raise ValueError(f"{kind} id {item_id!r} appears twice.")
        seen.add(item_id)


def load_web(data: Mapping[str, Any]) -> ProductWeb:
    """Build and check a web from data-file contents; ``ValueError`` names the first bad entry."""
    if not isinstance(data, Mapping):
        raise ValueError("The product-web data must be a JSON object.")
    phase_records, team_records = data.get("phases"), data.get("teams")
    if not isinstance(phase_records, list) or not phase_records:
        raise ValueError("The product web needs a non-empty list of phases.")
    if not isinstance(team_records, list) or not team_records:
        raise ValueError("The product web needs a non-empty list of teams.")
    phases = tuple(
        Phase(require_text(r, "id", f"Phase {n}"), require_text(r, "label", f"Phase {n}"), require_text(r, "summary", f"Phase {n}"))
        for n, r in enumerate(phase_records)
    )
    teams = tuple(
        Team(require_text(r, "id", f"Team {n}"), require_text(r, "label", f"Team {n}"), require_text(r, "short", f"Team {n}"),
             require_text(r, "boundary", f"Team {n}"))
        for n, r in enumerate(team_records)
    )
    _unique([p.id for p in phases], "Phase")
    _unique([t.id for t in teams], "Team")
    phase_ids, team_ids = {p.id for p in phases}, {t.id for t in teams}
    raw_duties = data.get("duties")
    if not isinstance(raw_duties, Mapping):
        raise ValueError("The product web needs a 'duties' object: team id -> phase id -> list of duties.")
    duties: dict[tuple[str, str], tuple[str, ...]] = {}
    for team_id, by_phase in raw_duties.items():
        if team_id not in team_ids:
            raise ValueError(f"Duties name an unknown team {team_id!r}.")
        if not isinstance(by_phase, Mapping) or not by_phase:
            raise ValueError(f"Duties for team {team_id!r} must map at least one phase to a list of duties.")
        for phase_id, items in by_phase.items():
            where = f"Duties for {team_id!r} in {phase_id!r}"
            if phase_id not in phase_ids:
                raise ValueError(f"{where}: unknown phase.")
            if not isinstance(items, list) or not items:
                raise ValueError(f"{where}: must be a non-empty list.")
            if not all(isinstance(item, str) and item.strip() for item in items):
                raise ValueError(f"{where}: every duty must be non-empty text.")
            duties[(team_id, phase_id)] = tuple(item.strip() for item in items)
    lonely = [t.id for t in teams if not any(team == t.id for team, _ in duties)]
    if lonely:
        raise ValueError(f"Team {lonely[0]!r} has no duties in any phase.")
    return ProductWeb(require_text(data, "title", "Product web"), require_text(data, "centre", "Product web"), phases, teams, duties)


@cache
def default_web() -> ProductWeb:
    """The course's product web, from ``exercises/data/product_web.json``."""
    return load_web(load_json("product_web.json"))


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


# ---- drawing -----------------------------------------------------------------------------

ACTIVE, QUIET, CENTRE = "#1a56c4", "#b8bec8", "#b36b00"
RADIUS = 1.0


def team_positions(web: ProductWeb) -> dict[str, tuple[float, float]]:
    """Teams evenly spaced on a circle around the PM, starting at the top, clockwise."""
    count = len(web.teams)
    return {
        t.id: (RADIUS * math.sin(2 * math.pi * n / count), RADIUS * math.cos(2 * math.pi * n / count))
        for n, t in enumerate(web.teams)
    }


def lit_phases(selection: Selection) -> tuple[str, ...]:
    """Phases highlighted on the life-cycle strip: the chosen one, or every phase the selection spans."""
    return (selection.phase.id,) if selection.phase else selection.active_phases()


def plot_product_web(ax: Axes, selection: Selection) -> None:
    """The PM in the centre, teams around, threads thick where the selection is active; phases below."""
    web = selection.web
    active = set(selection.active_teams())
    most = max(len(web.phases), 1)
    for team_id, (x, y) in team_positions(web).items():
        strength = selection.strength(team_id)
        on = team_id in active
        ax.plot([0, x * 0.82], [0, y * 0.82], color=ACTIVE if on else QUIET, zorder=1, solid_capstyle="round",
                linewidth=1.5 + 4.5 * strength / most if on else 1.0, linestyle="-" if on else (0, (3, 3)))
        if on and selection.phase is None:  # label each thread with how many phases it spans
            ax.text(x * 0.5, y * 0.5, str(strength), ha="center", va="center", fontsize=8, color=ACTIVE, zorder=3,
                    bbox={"boxstyle": "circle,pad=0.25", "facecolor": "white", "edgecolor": ACTIVE})
        ax.add_patch(Circle((x, y), 0.2, facecolor=ACTIVE if on else "#f2f3f5",
                            edgecolor=ACTIVE if on else QUIET, linewidth=1.5, zorder=2))
        team = web.team(team_id)
        ax.text(x, y, team.short.replace("/", "/\n"), ha="center", va="center", fontsize=8.5, zorder=3,
                color="white" if on else "#4a4f57", fontweight="bold" if on else "normal")
    ax.add_patch(Circle((0, 0), 0.27, facecolor=CENTRE, edgecolor="#6b3f00", linewidth=1.5, zorder=2))
    ax.text(0, 0, web.centre.replace(" ", "\n", 1), ha="center", va="center", fontsize=9, color="white",
            fontweight="bold", zorder=3)
    lit = set(lit_phases(selection))
    width = 2.7 / len(web.phases)
    for n, phase in enumerate(web.phases):
        left = -1.35 + n * width
        on = phase.id in lit
        ax.add_patch(FancyBboxPatch((left + 0.02, -1.62), width - 0.04, 0.22, boxstyle="round,pad=0,rounding_size=0.04",
                                    facecolor=ACTIVE if on else "#f2f3f5", edgecolor=ACTIVE if on else QUIET))
        ax.text(left + width / 2, -1.51, phase.label.replace(" and ", " &\n"), ha="center", va="center",
                fontsize=7.5, color="white" if on else "#4a4f57")
    ax.text(0, -1.74, "Product life cycle \u2192", ha="center", va="center", fontsize=8, color="#4a4f57")
    ax.set_xlim(-1.4, 1.4)
    ax.set_ylim(-1.82, 1.3)
    ax.set_aspect("equal")
    ax.set_axis_off()
    ax.set_title(f"{web.title}: {selection.label}", fontsize=11)


def describe_web(selection: Selection) -> str:
    """Alt text for :func:`plot_product_web`, written from the selection."""
    web = selection.web
    active = selection.active_teams()
    quiet = [t.label for t in web.teams if t.id not in active]

    def team_words(team_id: str) -> str:
        label = web.team(team_id).label
        count = selection.strength(team_id)
        return f"{label} ({count} phase{'s' if count != 1 else ''})" if selection.phase is None else label

    parts = [
        f"Diagram of {web.title.lower()} for {selection.label}: the {web.centre.lower()} in the centre, "
        f"linked to {len(web.teams)} teams around it.",
        (f"Highlighted threads: {', '.join(team_words(t) for t in active)}." if active else "No thread is highlighted."),
    ]
    if quiet:
        parts.append(f"Faint threads: {', '.join(quiet)}.")
    lit = [p.label for p in web.phases if p.id in lit_phases(selection)]
    parts.append(f"Life-cycle strip below: {', '.join(lit) if lit else 'no phase'} highlighted.")
    return " ".join(parts)


def new_figure() -> Figure:
    # Fixed margins and a small square figure keep each redraw fast.
    fig = Figure(figsize=(5.6, 6.0))
    fig.add_axes((0.02, 0.01, 0.96, 0.93))
    return fig


def web_figure_html(selection: Selection, caption: str) -> str:
    """The web as a captioned HTML figure (for the chapter's narrative)."""
    fig = new_figure()
    plot_product_web(fig.axes[0], selection)
    return (f'<figure class="pm-figure" style="margin:0;">{render.figure_html(fig, describe_web(selection))}'
            f"<figcaption>{render.escape(caption)}</figcaption></figure>")


# ---- widget ------------------------------------------------------------------------------


def build_product_web(phase: str = ALL, team: str = ALL) -> ExerciseView:
    """Two dropdowns redraw the web and list the duties; a note on your least-ready interface; Save my work."""
    web = default_web()
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
        description=NOTE_LABEL, placeholder="Which thread of the web do you feel least ready for, and why?",
        style=LABEL_STYLE, layout=widgets.Layout(width="42em", height="6em"), continuous_update=False,
    )
    message, chart, duties, note_echo = widgets.HTML(), widgets.HTML(), widgets.HTML(), widgets.HTML()
    fig = new_figure()
    drawn: dict[tuple[str, str], str] = {}  # at most 70 pictures: learners flip back and forth between choices

    def current() -> Selection:
        return select(web, phase_menu.value, team_menu.value)

    def update(_change: object = None) -> None:
        try:
            selection = current()
        except ValueError as error:
            message.value = render.notice("error", str(error), title="Choose again")
            duties.value, chart.value = "", ""
            return
        message.value = ""
        duties.value = selection._repr_html_()
        key = (phase_menu.value, team_menu.value)
        if key not in drawn:
            fig.axes[0].clear()
            plot_product_web(fig.axes[0], selection)
            drawn[key] = render.figure_html(fig, describe_web(selection))
        chart.value = drawn[key]

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

    phase_menu.observe(update, names="value")
    team_menu.observe(update, names="value")
    note.observe(show_note, names="value")
    update()
    if start_problem:
        message.value = render.notice("error", f"{start_problem} Showing the whole web instead.", title="Starting view")
    save = build_save_panel(EXERCISE_ID, EXERCISE_TITLE, snapshot)
    root = widgets.VBox([
        widgets.HTML("<strong>Explore the web</strong>"), phase_menu, team_menu, message, chart, duties,
        widgets.HTML("<strong>Your least-ready interface</strong>"), note, note_echo, save.root,
    ])
    return ExerciseView(
        root,
        controls={"phase": phase_menu, "team": team_menu, "note": note, **save.controls},
        outputs={"message": message, "chart": chart, "duties": duties, "note": note_echo, **save.outputs},
    )
