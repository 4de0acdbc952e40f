"""What the roadmap builder warns about: too much in "now", themes without an outcome, and smaller notes.

The checks are simple rules. They notice a missing outcome, or one that starts like a delivery
("Launch...", "Build..."), or has no number to tell whether it happened; they cannot judge
whether an outcome is the right one. :data:`LIMITS` says so to the learner.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..kit.frozen import Frozen
from ..kit.numbers import format_number
from ..kit.text import words

if TYPE_CHECKING:
    from .model import Roadmap

__all__ = ["DELIVERY_VERBS", "LIMITS", "Note", "outcome_problem", "roadmap_notes"]

LIMITS = (
    "These checks are simple rules: they notice a missing outcome, an outcome that starts like a piece of work "
    "to deliver, or one with no number. They cannot tell whether an outcome is the right one; your team and your "
    "customers can."
)
# First words that announce an output (work the team delivers) rather than an outcome (a change for people).
DELIVERY_VERBS = frozenset({
    "add", "build", "create", "deliver", "design", "develop", "finish", "implement", "integrate", "launch",
    "migrate", "redesign", "release", "rewrite", "ship",
})


class Note(Frozen):
    kind: str  # "warn": the roadmap has a problem; "info": worth a thought
    text: str


def outcome_problem(outcome: str) -> str | None:
    """Why an outcome is missing or reads as an output; ``None`` if these rules find nothing."""
    found = words(outcome)
    if not found:
        return "has no outcome: say what should change for customers or the business, and how you will know"
    if found[0] in DELIVERY_VERBS:
        return (f"has an outcome that starts with \u201c{found[0]}\u201d, so it reads like work to deliver; "
                "say what will change for customers or the business instead")
    return None


def _capacity_notes(roadmap: Roadmap) -> list[Note]:
    notes = []
    capacity = roadmap.capacity.per_period
    now, following = roadmap.load("now"), roadmap.load("next")
    if now > capacity + 1e-9:
        notes.append(Note("warn", (
            f"\u201cNow\u201d holds {format_number(round(now, 2))} person-months of work, but the team has "
            f"{format_number(round(capacity, 2))} this period. Move about {format_number(round(now - capacity, 2))} "
            "person-months to Next, or agree what the team will stop doing."
        )))
    if following > capacity + 1e-9:
        notes.append(Note("info", (
            f"\u201cNext\u201d holds {format_number(round(following, 2))} person-months, more than one period's "
            f"{format_number(round(capacity, 2))}. Next can be rough, but it should not promise more than a period."
        )))
    for placement in roadmap.placements:
        item = placement.item
        if item.effort > capacity + 1e-9 and placement.place == "later" and not placement.moved:
            notes.append(Note("info", (
                f"#{item.rank} \u201c{item.title}\u201d needs {format_number(item.effort)} person-months, more than a "
                f"whole period's {format_number(round(capacity, 2))}: split it, or plan it across two periods."
            )))
    return notes


def _theme_notes(roadmap: Roadmap) -> list[Note]:
    notes = []
    for theme in roadmap.backlog.themes:
        planned = [i for i in (*roadmap.items_in("now"), *roadmap.items_in("next")) if i.theme == theme.id]
        outcome = roadmap.outcome(theme.id)
        problem = outcome_problem(outcome)
        if planned and problem:
            notes.append(Note("warn", f"The theme \u201c{theme.name}\u201d {problem}."))
        elif planned and not any(ch.isdigit() for ch in outcome):
            notes.append(Note("info", (
                f"The outcome for \u201c{theme.name}\u201d has no number: how will you know it happened?"
            )))
        elif not planned and any(i.theme == theme.id for i in roadmap.backlog.items):
            notes.append(Note("info", (
                f"The theme \u201c{theme.name}\u201d has nothing in Now or Next. If that is a decision, "
                "be ready to explain it to the people who care about it."
            )))
    return notes


def _order_notes(roadmap: Roadmap) -> list[Note]:
    """Items the learner placed ahead of higher-ranked ones: fine, but say why."""
    order = {"now": 0, "next": 1, "later": 2, "off": 3}
    jumps = []
    for placement in roadmap.placements:
        if not placement.moved:
            continue
        passed = [p for p in roadmap.placements
                  if p.item.rank < placement.item.rank and order[p.place] > order[placement.place]]
        if passed:
            jumps.append((placement.item, passed[0].item))
    if not jumps:
        return []
    listed = "; ".join(f"#{item.rank} \u201c{item.title}\u201d ahead of #{ahead.rank} \u201c{ahead.title}\u201d"
                       for item, ahead in jumps[:3])
    more = f" (and {len(jumps) - 3} more)" if len(jumps) > 3 else ""
    return [Note("info", f"You placed {listed}{more}. The score is an argument, not an answer: write down why.")]


def roadmap_notes(roadmap: Roadmap) -> tuple[Note, ...]:
    """Warnings first, then notes."""
    notes = [*_capacity_notes(roadmap), *_theme_notes(roadmap), *_order_notes(roadmap)]
    if not roadmap.not_statement:
        notes.append(Note("info", (
            "Say what this roadmap is not: for example, not a promise of dates, and not a list of every request."
        )))
    return tuple(sorted(notes, key=lambda n: n.kind != "warn"))
