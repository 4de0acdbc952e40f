"""Which single estimate, if it were wrong, would change the top of the ranking?

:func:`top_item_sensitivity` changes one estimate of one item at a time by ``-swing`` and
``+swing`` (50% by default), re-ranks, and reports every change that puts a different item on
top, with the smallest error that would already do it. Only two kinds of change can: the top
item looking worse (lower reach, impact or confidence, or more effort), or another item
looking better. Confidence never rises above 100%.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from ..kit import render
from ..kit.frozen import Frozen
from ..kit.numbers import format_number
from .model import ESTIMATE_NAMES, BacklogItem, Ranking

__all__ = ["MAX_SWING", "MIN_SWING", "Flip", "Sensitivity", "top_item_sensitivity"]

MIN_SWING, MAX_SWING = 0.05, 0.9
_WORSE = {"reach": -1, "impact": -1, "confidence": -1, "effort": +1}  # the direction that lowers a score


class Flip(Frozen):
    """One estimate that, wrong by the swing in one direction, changes the top item."""

    item_id: str
    item_title: str
    estimate: str  # "reach", "impact", "confidence" or "effort"
    direction: int  # -1: the true value is lower than the estimate; +1: higher
    before: float
    after: float
    new_top_id: str
    new_top_title: str
    # The smallest relative error that changes the top (0.48 = 48%); None if no error of this estimate can.
    needed: float | None

    @property
    def way(self) -> str:
        return "lower" if self.direction < 0 else "higher"

    def describe(self) -> str:
        return f"{self.estimate.capitalize()} of \u201c{self.item_title}\u201d"

    def change(self) -> str:
        return f"{_amount(self.estimate, self.before)} \u2192 {_amount(self.estimate, self.after)}"

    def as_dict(self) -> dict[str, Any]:
        return {
            "item": self.item_id, "estimate": self.estimate, "direction": self.way,
            "before": self.before, "after": self.after, "new_top_item": self.new_top_id,
            "error_needed_percent": None if self.needed is None else round(self.needed * 100, 1),
        }


class Sensitivity(Frozen):
    """The single-estimate errors of size ``swing`` that change the top item, most fragile first."""

    top_id: str
    top_title: str
    swing: float
    flips: tuple[Flip, ...]
    nearest: Flip | None  # the change that needs the smallest error, within the swing or not
    items: int

    @property
    def robust(self) -> bool:
        return not self.flips

    def headline(self) -> str:
        percent = f"{self.swing:.0%}"
        if self.items < 2:
            return "With a single item there is nothing to compare it with."
        if self.robust:
            closest = "" if self.nearest is None or self.nearest.needed is None else (
                f" The closest call: {_error_phrase(self.nearest)}."
            )
            return (f"Robust: no single estimate wrong by {percent} changes the top item, "
                    f"\u201c{self.top_title}\u201d.{closest}")
        count = len(self.flips)
        return (
            f"Fragile: {count} single estimate{'s' * (count != 1)}, each wrong by {percent}, "
            "would change the top item, "
            f"\u201c{self.top_title}\u201d. The smallest error that does it: {_error_phrase(self.flips[0])}."
        )

    def rows(self) -> list[list[str]]:
        return [
            [flip.describe(), f"{self.swing:.0%} {flip.way}: {flip.change()}", flip.new_top_title,
             "\u2014" if flip.needed is None else f"{flip.needed:.0%} {flip.way}"]
            for flip in self.flips
        ]

    def summary(self) -> str:
        lines = [self.headline()]
        lines += [
            f"- {flip.describe()}: if {self.swing:.0%} {flip.way} ({flip.change()}), \u201c{flip.new_top_title}\u201d "
            f"goes to the top" + ("" if flip.needed is None else f"; an error of {flip.needed:.0%} is already enough")
            for flip in self.flips
        ]
        return "\n".join(lines)

    def as_dict(self) -> dict[str, Any]:
        return {
            "top_item": self.top_id, "swing_percent": round(self.swing * 100), "robust": self.robust,
            "flips": [flip.as_dict() for flip in self.flips],
            "nearest": None if self.nearest is None else self.nearest.as_dict(),
        }

    def _repr_html_(self) -> str:
        kind = "ok" if self.robust else "warn"
        title = "How sure is the top item?"
        shown = render.notice(kind, self.headline(), title=title)
        if self.flips:
            header = ["Estimate", "If the truth is", "New top item", "Already enough"]
            caption = f"Single estimates that change the top item at \u00b1{self.swing:.0%}"
            shown += render.data_table(header, self.rows(), caption=caption)
        return shown


def _amount(estimate: str, value: float) -> str:
    if estimate == "confidence":
        return f"{format_number(round(value, 1))}%"
    return f"{value:,.0f}" if value >= 1000 else format_number(round(value, 3))


def _error_phrase(flip: Flip) -> str:
    return f"the {flip.estimate} of \u201c{flip.item_title}\u201d {flip.needed:.0%} {flip.way} than estimated"


def _needed(item: BacklogItem, name: str, top_score: float, rival_score: float, is_top: bool) -> float | None:
    """The relative error in one estimate at which ``item`` and its rival score the same."""
    worse = _WORSE[name]
    if is_top:  # the top falls to the runner-up's score
        if top_score <= 0 or (worse > 0 and rival_score <= 0):
            return None
        return 1 - rival_score / top_score if worse < 0 else top_score / rival_score - 1
    score = item.score  # a rival rises to the top's score
    if score <= 0 or top_score <= 0:
        return None
    if worse > 0:  # less effort
        return 1 - score / top_score
    needed = top_score / score - 1
    if name == "confidence" and item.estimates.confidence * (1 + needed) > 100 + 1e-9:
        return None  # confidence cannot rise that far
    return needed


def _top(items: list[BacklogItem]) -> BacklogItem:
    """The item :func:`rank` would put first, without ranking the rest."""
    return items[min(range(len(items)), key=lambda i: (-items[i].score, items[i].estimates.effort, i))]


def top_item_sensitivity(ranking: Ranking, swing: float = 0.5) -> Sensitivity:
    """Every single estimate that, wrong by ``swing`` (a fraction), changes the top of ``ranking``."""
    if not MIN_SWING <= swing <= MAX_SWING:
        raise ValueError(f"Error to test: choose between {MIN_SWING:.0%} and {MAX_SWING:.0%}.")
    source = ranking.backlog
    top = ranking.top
    if len(ranking.order) < 2:
        return Sensitivity(top.id, top.title, swing, (), None, len(ranking.order))
    runner_up = ranking.order[1].item
    candidates: list[Flip] = []
    flips: list[tuple[int, Flip]] = []
    for position, ranked in enumerate(ranking.order):
        item = ranked.item
        is_top = item.id == top.id
        for name in ESTIMATE_NAMES:
            direction = _WORSE[name] if is_top else -_WORSE[name]
            needed = _needed(item, name, top.score, runner_up.score, is_top)
            changed = item.estimates.changed(name, 1 + direction * swing)
            what_if = _top([replace(i, estimates=changed) if i.id == item.id else i for i in source.items])
            new_top = what_if if what_if.id != top.id else (runner_up if is_top else item)
            flip = Flip(item.id, item.title, name, direction, getattr(item.estimates, name), getattr(changed, name),
                        new_top.id, new_top.title, needed)
            if needed is not None:
                candidates.append(flip)
            if what_if.id != top.id:
                flips.append((position, flip))
    flips.sort(key=lambda pair: (pair[1].needed if pair[1].needed is not None else 2.0, pair[0]))
    nearest = min(candidates, key=lambda flip: flip.needed, default=None)
    return Sensitivity(top.id, top.title, swing, tuple(flip for _, flip in flips), nearest, len(ranking.order))
