"""Part 3 of the personal plan: try it. A problem, the cheapest fix, and the numbers for the feasibility calculator."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from ..feasibility.model import FIELDS, FeasibilityResult, evaluate, parse_inputs
from ..kit import render
from ..kit.frozen import Frozen
from ..kit.text import clean_text

SHORT_TEXT_CHARS = 1_000  # the problem and the fix: a sentence or two each


class TryItPlan(Frozen):
    """A problem, the cheapest fix you can think of, and the numbers for the feasibility calculator."""

    problem: str
    fix: str
    buy_existing: bool
    result: FeasibilityResult

    def calculator_values(self) -> dict[str, float]:
        """Keyword arguments for :func:`exercises.feasibility.build_calculator`."""
        return {name: getattr(self.result.inputs, name) for name in FIELDS}

    def summary(self) -> str:
        how = "buy something that exists" if self.buy_existing else "build or arrange it yourself"
        return "\n".join([
            f"Problem: {self.problem}", f"Cheapest fix ({how}): {self.fix}",
            f"Verdict: {self.result.verdict}: {self.result.reason}",
        ])

    def as_dict(self) -> dict[str, Any]:
        return {"verdict": self.result.verdict, "reason": self.result.reason,
                "customers": self.result.customers, "profit": self.result.profit,
                "break_even_customers": self.result.break_even_customers}

    def _repr_html_(self) -> str:
        kind = {"feasible": "ok", "marginal": "warn"}.get(self.result.verdict, "info")
        project = render.table([("Problem", self.problem), ("Cheapest fix", self.fix)], caption="Your try-it project")
        return project + render.notice(
            kind, f"{self.result.reason} The calculator below starts with your numbers; explore from there.",
            title=f"First check: {self.result.verdict}",
        )


def plan_try_it(
    problem: object, fix: object, numbers: Mapping[str, object], *, buy_existing: bool = False
) -> TryItPlan:
    """Check the problem, the fix and the calculator's numbers; one ``ValueError`` lists every problem."""
    problems = []
    texts = []
    for raw, label in ((problem, "The problem"), (fix, "The cheapest fix")):
        try:
            texts.append(clean_text(raw, label, max_chars=SHORT_TEXT_CHARS, required=True))
        except ValueError as error:
            problems.append(str(error))
    try:
        inputs = parse_inputs(numbers)
    except ValueError as error:
        problems.append(str(error))
    if problems:
        raise ValueError("\n".join(problems))
    return TryItPlan(texts[0], texts[1], bool(buy_existing), evaluate(inputs))
