"""The personal plan's chart: the self-assessed skills as horizontal bars."""

from __future__ import annotations

from matplotlib.axes import Axes

from ..kit.charts import ChartPanel, fixed_figure, horizontal_bars, plot_panel
from .skills import SkillsResult

GROUP_COLOURS = {"communication": "#1a56c4", "knowledge": "#2e7d32", "ambiguity": "#8e4fa8"}
NOT_RATED = "not rated yet"


def plot_skills(ax: Axes, result: SkillsResult) -> None:
    """Horizontal bars of the self-assessment, one per skill, with the 'strength' level marked."""
    ratings = list(reversed(result.ratings))  # rows count up from the bottom; keep the data order top-down
    positions = list(range(len(ratings)))
    horizontal_bars(ax, positions, [r.level or 0 for r in ratings], [GROUP_COLOURS[r.skill.group] for r in ratings])
    for row, rating in zip(positions, ratings, strict=True):
        if rating.level is None:
            ax.text(0.08, row, NOT_RATED, va="center", color="#555555", fontstyle="italic", fontsize="small")
    ax.set_yticks(positions, [r.skill.label for r in ratings])
    ax.set_ylim(-0.5, len(ratings) - 0.5)
    ax.axvline(result.strong_level, color="#555555", linestyle="--", linewidth=1)
    ax.set_xlim(0, result.top_level)
    ax.set_xticks(range(0, result.top_level + 1))
    ax.set_xlabel(f"Your rating (dashed line: {result.strong_level}, a real strength)")
    ax.set_title("Your key skills, as you rate them")
    ax.tick_params(axis="y", labelsize="small")


def describe_skills(result: SkillsResult) -> str:
    """Alt text for :func:`plot_skills`, from the ratings."""
    parts = [f"{r.skill.label} {'not rated' if r.level is None else r.level}" for r in result.ratings]
    focus = result.focus()
    end = "" if focus is None else f" The lowest key skill is {focus.name.lower()} at {focus.level}."
    return (
        f"Bar chart of your self-assessment from 1 to {result.top_level}: " + "; ".join(parts)
        + f". A dashed line marks {result.strong_level}, a real strength.{end}"
    )


def chart_panel() -> ChartPanel[SkillsResult]:
    """The skills chart's panel; it redraws only when a rating changes."""
    return plot_panel(fixed_figure(7, 2.6, left=0.37, right=0.97, bottom=0.2, top=0.88), plot_skills, describe_skills)
