"""The backlog prioritiser's pure layer: RICE estimates, a product's backlog, and its ranking.

RICE (Sean McBride, Intercom) scores an item as reach x impact x confidence / effort. The
learner types the four estimates as text: :func:`parse_estimates` turns them into
:class:`Estimates` or raises one ``ValueError`` listing every problem. :func:`rank` orders a
:class:`Backlog`; the :class:`Ranking` prints (``summary``), saves (``as_dict``) and shows as HTML.
"""

from __future__ import annotations

import math
import statistics
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import replace
from functools import cache
from typing import Any

from ..kit import data, render
from ..kit.choices import Titled, by_id
from ..kit.frozen import Frozen
from ..kit.numbers import format_number, parse_number
from ..kit.text import clean_text

__all__ = [
    "ESTIMATE_NAMES", "IMPACT_SCALE", "MAX_EFFORT", "MAX_OWN_ITEMS", "MAX_TITLE_CHARS", "Backlog", "BacklogItem",
    "Estimates", "OwnItem", "Product", "QUADRANTS", "RankedItem", "Ranking", "Theme", "add_own_item", "backlog",
    "estimate_label", "new_own_item", "parse_backlog", "parse_estimate", "parse_estimates", "quadrants", "rank",
    "score_text",
]

# RICE's impact scale, as McBride's article defines it.
IMPACT_SCALE: dict[float, str] = {3: "massive", 2: "high", 1: "medium", 0.5: "low", 0.25: "minimal"}
ESTIMATE_NAMES = ("reach", "impact", "confidence", "effort")
MAX_REACH = 1e9
MAX_EFFORT = 120  # ten years of one person's work: anything bigger should be split before it is scored
MAX_OWN_ITEMS = 10
MAX_TITLE_CHARS = 80


class Product(Frozen):
    name: str
    description: str
    reach_unit: str  # e.g. "members per quarter"
    effort_unit: str = "person-months"


class Theme(Frozen):
    id: str
    name: str


class Estimates(Frozen):
    """One item's four RICE estimates. Confidence is a percentage; effort is in person-months.

    Built directly, the numbers need only make arithmetic sense (what-if values may leave the
    impact scale); :func:`parse_estimates` holds typed values to RICE's rules.
    """

    reach: float
    impact: float
    confidence: float
    effort: float

    def __post_init__(self) -> None:
        values = (self.reach, self.impact, self.confidence, self.effort)
        if not all(math.isfinite(v) for v in values) or self.reach < 0 or self.impact <= 0 \
                or not 0 < self.confidence <= 100 or self.effort <= 0:
            raise ValueError(f"Estimates out of range: {values}.")

    @property
    def value(self) -> float:
        """Reach x impact x confidence: the top of the RICE fraction."""
        return self.reach * self.impact * self.confidence / 100

    @property
    def score(self) -> float:
        return self.value / self.effort

    def changed(self, name: str, factor: float) -> Estimates:
        """These estimates with ``name`` multiplied by ``factor`` (confidence stops at 100%)."""
        new = getattr(self, name) * factor
        if name == "confidence":
            new = min(new, 100.0)
        return replace(self, **{name: new})

    def as_dict(self) -> dict[str, float]:
        return {name: getattr(self, name) for name in ESTIMATE_NAMES}


class BacklogItem(Titled):
    theme: str  # a Theme id
    estimates: Estimates
    evidence: str = ""
    own: bool = False  # added by the learner

    @property
    def score(self) -> float:
        return self.estimates.score


class Backlog(Frozen):
    """A product, its themes and its items: the data every ranking is built from."""

    product: Product
    themes: tuple[Theme, ...]
    items: tuple[BacklogItem, ...]

    def theme_name(self, theme_id: str) -> str:
        themes = ", ".join(theme.id for theme in self.themes)
        return by_id(self.themes, theme_id, f"No theme {theme_id!r}; the themes are {themes}.").name

    def with_items(self, items: Iterable[BacklogItem]) -> Backlog:
        return replace(self, items=tuple(items))


def estimate_label(name: str, product: Product) -> str:
    """The label a learner sees for one estimate, with its unit."""
    return {
        "reach": f"Reach ({product.reach_unit})",
        "impact": "Impact (0.25 to 3)",
        "confidence": "Confidence (%)",
        "effort": f"Effort ({product.effort_unit})",
    }[name]


def _impact(raw: object, label: str) -> float:
    value = parse_number(raw, label, maximum=1e12)
    if value not in IMPACT_SCALE:
        scale = ", ".join(f"{format_number(k)} {v}" for k, v in IMPACT_SCALE.items())
        raise ValueError(f"{label}: use RICE's scale: {scale}; {format_number(value)} is not on it.")
    return value


def _confidence(raw: object, label: str) -> float:
    text = str(raw).strip().removesuffix("%") if isinstance(raw, str) else raw
    value = parse_number(text, label, maximum=1e12, allow_minimum=False)
    if value < 1:
        raise ValueError(f"{label}: type a percentage, such as 80 for 80%; {format_number(value)} would mean under 1%.")
    if value > 100:
        raise ValueError(f"{label}: cannot be more than 100%; {format_number(value)}% is surer than certain.")
    return value


def _effort(raw: object, label: str) -> float:
    value = parse_number(raw, label, maximum=1e12, allow_minimum=False)
    if value > MAX_EFFORT:
        raise ValueError(
            f"{label}: {format_number(value)} is more than ten years of one person's work; split it into smaller items."
        )
    return value


def _reach(raw: object, label: str) -> float:
    return parse_number(raw, label, maximum=MAX_REACH, whole=True)


_PARSERS = {"reach": _reach, "impact": _impact, "confidence": _confidence, "effort": _effort}


def parse_estimate(name: str, raw: object, product: Product) -> float:
    """One estimate from text or a number, held to RICE's rules; ``ValueError`` names the field."""
    return _PARSERS[name](raw, estimate_label(name, product))


def parse_estimates(raw: Mapping[str, object], product: Product) -> Estimates:
    """The four estimates from text or numbers; one ``ValueError`` lists every problem."""
    values, problems = {}, []
    for name in ESTIMATE_NAMES:
        try:
            values[name] = parse_estimate(name, raw.get(name, ""), product)
        except ValueError as error:
            problems.append(str(error))
    if problems:
        raise ValueError("\n".join(problems))
    return Estimates(**values)


def parse_backlog(raw: Any, *, source: str = "backlog data") -> Backlog:
    """Validate ``raw`` against ``prioritiser.schema.json`` and build the backlog."""
    data.validate(raw, "prioritiser.schema.json", source=source)
    product = Product(**raw["product"])
    themes = tuple(Theme(t["id"], t["name"].strip()) for t in raw["themes"])
    theme_ids = {t.id for t in themes}
    if len(theme_ids) != len(themes):
        raise ValueError(f"{source}: theme ids must be unique.")
    items = []
    for index, entry in enumerate(raw["items"]):
        where = f"{source}: item {index + 1} ({entry['id']})"
        if entry["theme"] not in theme_ids:
            raise ValueError(f"{where}: theme {entry['theme']!r} is not one of {', '.join(sorted(theme_ids))}.")
        estimates = Estimates(*(float(entry[name]) for name in ESTIMATE_NAMES))
        items.append(
            BacklogItem(entry["id"], entry["title"].strip(), entry["theme"], estimates, entry["evidence"].strip())
        )
    for attribute in ("id", "title"):
        values = [getattr(item, attribute).lower() for item in items]
        if len(set(values)) != len(values):
            raise ValueError(f"{source}: item {attribute}s must be unique.")
    return Backlog(product, themes, tuple(items))


@cache
def backlog() -> Backlog:
    """The shipped backlog (``exercises/data/prioritiser.json``)."""
    return parse_backlog(data.load("prioritiser.json"), source="exercises/data/prioritiser.json")


class OwnItem(Titled):
    """An item the learner added: its estimates are typed like any other item's."""

    theme: str


def new_own_item(base: Backlog, own: Sequence[OwnItem], title: object, theme: str) -> OwnItem:
    """Check a new item's title and theme against ``base`` and the learner's ``own`` items so far."""
    text = " ".join(clean_text(title, "Your item's title", max_chars=MAX_TITLE_CHARS, required=True).split())
    titles = [*(i.title for i in base.items), *(o.title for o in own)]
    clash = next((title for title in titles if title.lower() == text.lower()), None)
    if clash:
        raise ValueError(f"Your item's title: the backlog already has an item called \u201c{clash}\u201d.")
    if len(own) >= MAX_OWN_ITEMS:
        raise ValueError(f"You can add up to {MAX_OWN_ITEMS} items of your own; remove one first.")
    if theme not in {t.id for t in base.themes}:
        raise ValueError(f"Your item's theme: choose one of the backlog's themes, not {theme!r}.")
    taken = {item.id for item in base.items} | {o.id for o in own}
    return OwnItem(next(f"own-{n}" for n in range(1, len(taken) + 2) if f"own-{n}" not in taken), text, theme)


def add_own_item(base: Backlog, title: object, theme: str, estimates: Estimates) -> Backlog:
    """``base`` with one more item of the learner's own."""
    own = [OwnItem(i.id, i.title, i.theme) for i in base.items if i.own]
    shipped = base.with_items(i for i in base.items if not i.own)
    added = new_own_item(shipped, own, title, theme)
    return base.with_items([*base.items, BacklogItem(added.id, added.title, added.theme, estimates, own=True)])


def score_text(score: float) -> str:
    """A RICE score for people: whole numbers with separators, two digits below 10."""
    return f"{score:,.0f}" if score >= 10 else f"{score:.2g}" if score > 0 else "0"


class RankedItem(Frozen):
    rank: int
    item: BacklogItem


class Ranking(Frozen):
    """A backlog in RICE order: highest score first; ties go to the smaller effort, then the backlog's order."""

    backlog: Backlog
    order: tuple[RankedItem, ...]

    @property
    def top(self) -> BacklogItem:
        return self.order[0].item

    def rows(self) -> list[list[str]]:
        rows = []
        for ranked in self.order:
            item, est = ranked.item, ranked.item.estimates
            rows.append([
                str(ranked.rank), item.title + (" (yours)" if item.own else ""), self.backlog.theme_name(item.theme),
                f"{est.reach:,.0f}", format_number(est.impact), f"{format_number(est.confidence)}%",
                format_number(est.effort), score_text(item.score),
            ])
        return rows

    def summary(self, limit: int | None = None) -> str:
        """Plain text: one line per item, ``limit`` lines at most."""
        lines = [
            f"{rank}. {title}: {score} (reach {reach}, impact {impact}, confidence {confidence}, effort {effort})"
            for rank, title, _theme, reach, impact, confidence, effort, score in self.rows()[:limit]
        ]
        return "\n".join(lines)

    def as_dict(self) -> dict[str, Any]:
        """The ranking for Save my work (and for the roadmap builder, which reads it back)."""
        return {
            "product": self.backlog.product.name,
            "reach_unit": self.backlog.product.reach_unit,
            "top_item": self.top.id,
            "ranking": [
                {
                    "rank": ranked.rank, "id": ranked.item.id, "title": ranked.item.title,
                    "theme": ranked.item.theme, "theme_name": self.backlog.theme_name(ranked.item.theme),
                    **ranked.item.estimates.as_dict(), "score": round(ranked.item.score, 4), "own": ranked.item.own,
                }
                for ranked in self.order
            ],
        }

    def _repr_html_(self) -> str:
        header = ["#", "Item", "Theme", "Reach", "Impact", "Confidence", "Effort", "RICE score"]
        caption = f"{self.backlog.product.name}: the backlog ranked by RICE score"
        return render.data_table(header, self.rows(), caption=caption)


def rank(source: Backlog) -> Ranking:
    """Rank every item of ``source`` by RICE score."""
    if not source.items:
        raise ValueError("The backlog is empty: there is nothing to rank.")
    items = source.items
    order = sorted(range(len(items)), key=lambda i: (-items[i].score, items[i].estimates.effort, i))
    return Ranking(source, tuple(RankedItem(n, items[i]) for n, i in enumerate(order, 1)))


# The value/effort matrix: the median value and the median effort split the backlog four ways.
QUADRANTS = ("Quick wins", "Big bets", "Fill-ins", "Money pits")


def quadrants(ranking: Ranking) -> dict[str, tuple[BacklogItem, ...]]:
    """Each item's place in the value/effort matrix, in rank order within each quadrant."""
    items = [ranked.item for ranked in ranking.order]
    mid_value = statistics.median(item.estimates.value for item in items)
    mid_effort = statistics.median(item.estimates.effort for item in items)
    found: dict[str, list[BacklogItem]] = {name: [] for name in QUADRANTS}
    for item in items:
        high_value, low_effort = item.estimates.value >= mid_value, item.estimates.effort <= mid_effort
        name = QUADRANTS[(0 if high_value else 2) + (0 if low_effort else 1)]
        found[name].append(item)
    return {name: tuple(members) for name, members in found.items()}


def attempt_complete(record: Mapping[str, Any]) -> bool:
    """Complete when the learner changed an estimate or added an item of their own."""
    inputs = record["inputs"]
    return bool(inputs.get("changed_items")) or bool(inputs.get("own_items"))
