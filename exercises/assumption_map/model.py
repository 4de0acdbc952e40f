"""The assumption map's pure layer: rate each assumption's importance and evidence, and find what to test first.

The two axes follow David J. Bland's assumptions mapping (Bland and Osterwalder, *Testing Business
Ideas*, 2019); the four product risks follow Marty Cagan (*Inspired*, 2nd ed., 2017). Ratings are on a
four-point scale with no middle, so every assumption lands in a quadrant.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from functools import cache
from typing import Any

from ..kit import data, render
from ..kit.choices import Titled, by_id
from ..kit.frozen import Frozen
from ..kit.text import clean_text

__all__ = [
    "EVIDENCE_LEVELS", "IMPORTANCE_LEVELS", "MIN_PLACED", "ZONES", "Assumption", "AssumptionBank", "AssumptionMap",
    "Placement", "Risk", "Scenario", "assumption_map", "own_assumption", "parse_assumption_map",
    "place",
]

SCALE = (1, 2, 3, 4)
IMPORTANCE_LEVELS = {1: "1: little depends on it", 2: "2", 3: "3", 4: "4: the plan fails if it is wrong"}
EVIDENCE_LEVELS = {1: "1: a guess", 2: "2", 3: "3", 4: "4: seen in what people do"}
MIN_PLACED = 3
MAX_OWN_CHARS = 200
ZONES = {
    "test": "Test first",
    "proceed": "Proceed, and keep measuring",
    "park": "Park it for now",
    "ignore": "Not worth more effort",
}


class Risk(Frozen):
    id: str
    label: str
    question: str
    cheapest_test: str


class Assumption(Frozen):
    id: str
    text: str
    risk: str
    cheapest_test: str
    own: bool = False


class Scenario(Titled):
    pitch: str
    assumptions: tuple[Assumption, ...]


class AssumptionBank(Frozen):
    """The risks and the products to map, as loaded from a data file."""

    risks: tuple[Risk, ...]
    scenarios: tuple[Scenario, ...]

    def risk(self, risk_id: str) -> Risk:
        return by_id(self.risks, risk_id, f"No risk {risk_id!r}; choose one of {', '.join(r.id for r in self.risks)}.")

    def scenario(self, scenario_id: str) -> Scenario:
        return by_id(self.scenarios, scenario_id,
                     f"No product {scenario_id!r}; choose one of {', '.join(s.id for s in self.scenarios)}.")


def _first_repeat(ids: list[str]) -> int | None:
    """The index of the first id that appeared earlier in ``ids``, or ``None``."""
    return next((i for i, item in enumerate(ids) if item in ids[:i]), None)


def parse_assumption_map(raw: Any, *, source: str = "assumption map data") -> AssumptionBank:
    """Validate ``raw`` against ``assumption_map.schema.json`` and build the bank."""
    data.validate(raw, "assumption_map.schema.json", source=source)
    risks = tuple(Risk(r["id"], r["label"].strip(), r["question"].strip(), r["cheapest_test"].strip())
                  for r in raw["risks"])
    repeat = _first_repeat([r.id for r in risks])
    if repeat is not None:
        raise data.data_error(source, ["risks", repeat, "id"], "each of the four risks must appear once.")
    scenarios = []
    for index, item in enumerate(raw["scenarios"]):
        assumptions = tuple(
            Assumption(a["id"], a["text"].strip(), a["risk"], a["cheapest_test"].strip()) for a in item["assumptions"]
        )
        repeat = _first_repeat([a.id for a in assumptions])
        if repeat is not None:
            raise data.data_error(source, ["scenarios", index, "assumptions", repeat, "id"],
                                  f"product {item['id']!r} repeats an assumption id.")
        scenarios.append(Scenario(item["id"], item["title"].strip(), item["pitch"].strip(), assumptions))
    repeat = _first_repeat([s.id for s in scenarios])
    if repeat is not None:
        raise data.data_error(source, ["scenarios", repeat, "id"], "product ids must be unique.")
    return AssumptionBank(risks, tuple(scenarios))


@cache
def assumption_map() -> AssumptionBank:
    """The shipped products and risks (``exercises/data/assumption_map.json``)."""
    return parse_assumption_map(data.load("assumption_map.json"), source="exercises/data/assumption_map.json")


def own_assumption(bank: AssumptionBank, number: int, text: object, risk: str) -> Assumption | None:
    """The learner's assumption number ``number`` as an :class:`Assumption`; ``None`` if the box is empty."""
    cleaned = clean_text(text, f"Your assumption {number}", max_chars=MAX_OWN_CHARS)
    if not cleaned:
        return None
    if risk not in {r.id for r in bank.risks}:
        raise ValueError(f"Your assumption {number}: choose which risk it belongs to.")
    return Assumption(f"own-{number}", cleaned, risk, bank.risk(risk).cheapest_test, own=True)


def _rating(value: object, label: str) -> int:
    if isinstance(value, bool) or value not in SCALE:
        raise ValueError(f"{label}: choose a rating from 1 to 4.")
    return int(value)  # type: ignore[call-overload]


class Placement(Frozen):
    """One assumption placed on the map."""

    number: int  # as numbered in the exercise (1, 2, ...)
    assumption: Assumption
    importance: int
    evidence: int

    @property
    def priority(self) -> int:
        """Higher is more urgent: important and unproven (16) down to unimportant and proven (1)."""
        return self.importance * (5 - self.evidence)

    @property
    def zone(self) -> str:
        important, proven = self.importance >= 3, self.evidence >= 3
        return {(True, False): "test", (True, True): "proceed", (False, False): "park", (False, True): "ignore"}[
            (important, proven)
        ]


class AssumptionMap(Frozen):
    """The learner's map: placed assumptions, ranked, and what to test first."""

    scenario: Scenario
    risks: tuple[Risk, ...]
    placements: tuple[Placement, ...]  # in priority order
    unplaced: tuple[int, ...]  # numbers of assumptions not yet rated on both axes

    @property
    def test_first(self) -> tuple[Placement, ...]:
        return tuple(p for p in self.placements if p.zone == "test")

    @property
    def uncovered_risks(self) -> tuple[Risk, ...]:
        """Risks with no important assumption placed."""
        covered = {p.assumption.risk for p in self.placements if p.importance >= 3}
        return tuple(r for r in self.risks if r.id not in covered)

    def risk_label(self, risk_id: str) -> str:
        return by_id(self.risks, risk_id, f"No risk {risk_id!r} on this map.").label

    def advice(self) -> list[tuple[str, str]]:
        """(kind, text) messages: what to test first, with how, and what the map is missing."""
        messages = []
        if len(self.placements) < MIN_PLACED:
            left = MIN_PLACED - len(self.placements)
            messages.append(("info", f"Rate {left} more assumption{'s' if left != 1 else ''} on both scales "
                                     "to see what to test first."))
            return messages
        if self.test_first:
            top = self.test_first[0]
            messages.append(("ok", f"Test #{top.number} first: \u201c{top.assumption.text}\u201d "
                                   f"Cheapest test: {top.assumption.cheapest_test}"))
            for other in self.test_first[1:3]:
                messages.append(("info", f"Then #{other.number}: {other.assumption.cheapest_test}"))
        else:
            messages.append(("warn", "Nothing is both important and unproven. Either this idea is unusually safe or "
                                     "the evidence ratings are generous: for each important assumption, name what "
                                     "you have seen people do that supports it."))
        if self.uncovered_risks:
            names = ", ".join(r.label.lower() for r in self.uncovered_risks)
            messages.append(("warn", f"No important assumption about {names}. Every product carries all four "
                                     "risks: is there really nothing that could fail there?"))
        return messages

    def rows(self) -> list[tuple[str, str, str, str, str, str]]:
        return [
            (f"#{p.number}", p.assumption.text, self.risk_label(p.assumption.risk), str(p.importance), str(p.evidence),
             ZONES[p.zone])
            for p in self.placements
        ]

    def summary(self) -> str:
        """A plain-text report (what ``print`` shows)."""
        lines = [f"{number} [{zone}] {text} ({risk}; importance {imp}, evidence {ev})"
                 for number, text, risk, imp, ev, zone in self.rows()]
        return "\n".join(lines + [text for _, text in self.advice()])

    def as_dict(self) -> dict[str, Any]:
        """JSON-ready results for Save my work."""
        return {
            "product": self.scenario.id,
            "ranking": [
                {"number": p.number, "assumption": p.assumption.text, "risk": p.assumption.risk,
                 "own": p.assumption.own, "importance": p.importance, "evidence": p.evidence, "zone": p.zone,
                 "cheapest_test": p.assumption.cheapest_test}
                for p in self.placements
            ],
            "test_first": [p.number for p in self.test_first],
            "uncovered_risks": [r.id for r in self.uncovered_risks],
            "unplaced": list(self.unplaced),
        }

    def _repr_html_(self) -> str:
        advice = "".join(render.notice(kind, text) for kind, text in self.advice())
        if not self.placements:
            return advice
        table = render.data_table(("#", "Assumption", "Risk", "Importance", "Evidence", "Where it lands"),
                                  self.rows(), caption="Your assumptions, most urgent first")
        return advice + table


def place(
    bank: AssumptionBank,
    scenario: Scenario,
    ratings: Mapping[str, tuple[object, object]],
    own: Sequence[Assumption | None] = (),
) -> AssumptionMap:
    """Place every rated assumption; ``ratings`` maps an assumption id to (importance, evidence), 0 for unrated.

    ``own`` are the learner's assumptions (``None`` for an empty slot), numbered after the product's.
    """
    everything = list(scenario.assumptions) + [a for a in own if a is not None]
    placements, unplaced = [], []
    for number, assumption in enumerate(everything, 1):
        importance, evidence = ratings.get(assumption.id, (0, 0))
        if not importance or not evidence:
            unplaced.append(number)
            continue
        placements.append(Placement(
            number, assumption, _rating(importance, f"#{number} importance"), _rating(evidence, f"#{number} evidence")
        ))
    placements.sort(key=lambda p: (-p.priority, -p.importance, p.evidence, p.number))
    return AssumptionMap(scenario, bank.risks, tuple(placements), tuple(unplaced))


def attempt_complete(record: Mapping[str, Any]) -> bool:
    """Complete when at least three assumptions are rated on both scales."""
    return len(record["inputs"].get("ratings", {})) >= 3
