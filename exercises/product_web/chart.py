"""The product-web explorer's chart: the PM in the centre, a thread to each team, the life-cycle strip below."""

from __future__ import annotations

import math

from matplotlib.axes import Axes
from matplotlib.collections import PatchCollection
from matplotlib.lines import Line2D
from matplotlib.patches import Circle, FancyBboxPatch

from ..kit import render
from ..kit.charts import ChartPanel, new_figure
from .model import ProductWeb, Selection

ACTIVE, QUIET, CENTRE = "#1a56c4", "#b8bec8", "#b36b00"
RADIUS = 1.0


def team_positions(web: ProductWeb) -> dict[str, tuple[float, float]]:
    """Teams evenly spaced on a circle around the PM, starting at the top, clockwise."""
    count = len(web.teams)
    return {
        t.id: (RADIUS * math.sin(2 * math.pi * n / count), RADIUS * math.cos(2 * math.pi * n / count))
        for n, t in enumerate(web.teams)
    }


def plot_product_web(ax: Axes, selection: Selection) -> None:
    """The PM in the centre, teams around, threads thick where the selection is active; phases below.

    Discs and phase boxes are drawn as two collections: adding 16 separate patches would be
    most of the redraw time.
    """
    web = selection.web
    active = set(selection.active_teams())
    most = max(len(web.phases), 1)
    discs, disc_faces, disc_edges = [], [], []
    for team, (x, y) in zip(web.teams, team_positions(web).values(), strict=False):
        strength = selection.strength(team.id)
        on = team.id in active
        ax.add_line(Line2D([0, x * 0.82], [0, y * 0.82], color=ACTIVE if on else QUIET, zorder=1,
                           solid_capstyle="round", linewidth=1.5 + 4.5 * strength / most if on else 1.0,
                           linestyle="-" if on else (0, (3, 3))))
        if on and selection.phase is None:  # label each thread with how many phases it spans
            ax.text(x * 0.5, y * 0.5, str(strength), ha="center", va="center", fontsize=8, color=ACTIVE, zorder=3,
                    bbox={"boxstyle": "circle,pad=0.25", "facecolor": "white", "edgecolor": ACTIVE})
        discs.append(Circle((x, y), 0.2))
        disc_faces.append(ACTIVE if on else "#f2f3f5")
        disc_edges.append(ACTIVE if on else QUIET)
        ax.text(x, y, team.short.replace("/", "/\n"), ha="center", va="center", fontsize=8.5, zorder=3,
                color="white" if on else "#4a4f57", fontweight="bold" if on else "normal")
    discs.append(Circle((0, 0), 0.27))
    disc_faces.append(CENTRE)
    disc_edges.append("#6b3f00")
    ax.add_collection(PatchCollection(discs, facecolors=disc_faces, edgecolors=disc_edges, linewidths=1.5, zorder=2),
                      autolim=False)
    ax.text(0, 0, web.centre.replace(" ", "\n", 1), ha="center", va="center", fontsize=9, color="white",
            fontweight="bold", zorder=3)
    lit = set(selection.lit_phases())
    width = 2.7 / len(web.phases)
    boxes, box_faces, box_edges = [], [], []
    for n, phase in enumerate(web.phases):
        left = -1.35 + n * width
        on = phase.id in lit
        boxes.append(FancyBboxPatch((left + 0.02, -1.62), width - 0.04, 0.22,
                                    boxstyle="round,pad=0,rounding_size=0.04"))
        box_faces.append(ACTIVE if on else "#f2f3f5")
        box_edges.append(ACTIVE if on else QUIET)
        ax.text(left + width / 2, -1.51, phase.label.replace(" and ", " &\n"), ha="center", va="center",
                fontsize=7.5, color="white" if on else "#4a4f57")
    ax.add_collection(PatchCollection(boxes, facecolors=box_faces, edgecolors=box_edges, zorder=1), autolim=False)
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
        (f"Diagram of {web.title.lower()} for {selection.label}: the {web.centre.lower()} in the centre, "
         f"linked to {len(web.teams)} teams around it."),
        f"Highlighted threads: {', '.join(team_words(t) for t in active)}." if active else "No thread is highlighted.",
    ]
    if quiet:
        parts.append(f"Faint threads: {', '.join(quiet)}.")
    lit = [p.label for p in web.phases if p.id in selection.lit_phases()]
    parts.append(f"Life-cycle strip below: {', '.join(lit) if lit else 'no phase'} highlighted.")
    return " ".join(parts)


def chart_panel() -> ChartPanel[Selection]:
    """The web's chart panel: one square-ish figure with fixed margins, so each redraw stays fast."""
    figure = new_figure(5.6, 6.0)
    figure.add_axes((0.02, 0.01, 0.96, 0.93))
    return ChartPanel(figure, lambda fig, selection: plot_product_web(fig.axes[0], selection), describe_web)


def web_figure_html(selection: Selection, caption: str) -> str:
    """The web as a captioned HTML figure (for the chapter's narrative)."""
    return (f'<figure class="pm-figure" style="margin:0;">{chart_panel().html(selection)}'
            f"<figcaption>{render.escape(caption)}</figcaption></figure>")
