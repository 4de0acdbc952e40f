"""The feasibility calculator's pure layer: would enough people pay enough to cover the costs?

:func:`parse_inputs`, :func:`evaluate`, :func:`sensitivity` and :func:`calculate`; results
are dataclasses that print (``summary``), save (``as_dict``) and show as HTML.

Willingness to pay (the most one customer would pay) and the price you charge are two
inputs. Above the willingness to pay nobody buys: the verdict is "not feasible", and
:func:`price_warning` says what to change. The verdict is one of
:data:`VERDICTS`; "marginal" means a profit below :data:`THIN_MARGIN` of revenue.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import asdict, fields, replace
from typing import Any

from ..kit import render
from ..kit.frozen import Frozen
from ..kit.numbers import format_money as money
from ..kit.numbers import format_number, parse_number
from ..kit.text import is_written

__all__ = [
    "FIELDS", "MAX_SWING_PERCENT", "THIN_MARGIN", "VERDICTS", "FeasibilityInputs", "FeasibilityResult", "FieldSpec",
    "SensitivityPoint", "break_even_customers", "break_even_exact", "calculate", "evaluate", "money",
    "parse_inputs", "price_warning", "profit_at", "reached_customers", "sensitivity",
]

THIN_MARGIN = 0.10  # below a 10% margin, a small slip in price or reach wipes out the profit
MAX_SWING_PERCENT = 90
VERDICTS = ("not feasible", "break-even", "marginal", "feasible")


class FieldSpec(Frozen):
    """How one input is labelled, bounded and explained."""

    label: str
    default: float
    maximum: float
    help_text: str
    allow_zero: bool = True
    whole: bool = False
    minimum: float = 0.0


FIELDS: dict[str, FieldSpec] = {
    "willingness_to_pay": FieldSpec(
        "Willingness to pay", 18, 1e9, "The most one customer would pay per period", allow_zero=False
    ),
    "price": FieldSpec(
        "Price you charge", 15, 1e9, "What you ask each customer per period: at most their willingness to pay",
        allow_zero=False,
    ),
    "variable_cost": FieldSpec("Cost to serve one customer", 4, 1e9, "Variable cost per customer per period"),
    "fixed_costs": FieldSpec("Fixed costs", 2_000, 1e12, "Costs per period that do not grow with customers"),
    "people_with_problem": FieldSpec(
        "People with the problem", 5_000, 1e10, "How many people have this problem", whole=True, minimum=1
    ),
    "reach_percent": FieldSpec("Reach and convert (%)", 5, 100, "Share of those people who become customers"),
}


class FeasibilityInputs(Frozen):
    """One scenario. Money is per period (say, a month) in any single currency."""

    willingness_to_pay: float
    price: float
    variable_cost: float
    fixed_costs: float
    people_with_problem: float
    reach_percent: float

    def __post_init__(self) -> None:
        problems = _problems({f.name: getattr(self, f.name) for f in fields(self)})
        if problems:
            raise ValueError("\n".join(problems))

    @property
    def above_willingness(self) -> bool:
        """True when the price is above what customers would pay: nobody buys."""
        return self.price > self.willingness_to_pay


class FeasibilityResult(Frozen):
    """Everything the calculator reports for one scenario."""

    inputs: FeasibilityInputs
    customers: int
    revenue: float
    total_cost: float
    profit: float
    margin: float | None
    contribution_per_customer: float
    break_even_customers: int | None
    verdict: str
    reason: str

    def rows(self) -> list[tuple[str, str]]:
        """Label/value pairs, formatted for people."""
        margin = "n/a (no revenue)" if self.margin is None else f"{self.margin:.1%}"
        if self.inputs.above_willingness:
            break_even = "never (nobody buys at this price)"
        elif self.break_even_customers is None:
            break_even = "never (each sale loses money)"
        else:
            break_even = f"{self.break_even_customers:,} customers"
        return [
            ("Customers", f"{self.customers:,}"),
            ("Revenue", money(self.revenue)),
            ("Total cost", money(self.total_cost)),
            ("Profit", money(self.profit)),
            ("Margin", margin),
            ("Break-even", break_even),
        ]

    def summary(self) -> str:
        """A plain-text report (what ``print`` shows)."""
        lines = [f"{label}: {value}" for label, value in self.rows()]
        return "\n".join([*lines, f"Verdict: {self.verdict}: {self.reason}"])

    def as_dict(self) -> dict[str, Any]:
        """JSON-ready results for Save my work."""
        data = asdict(self)
        data.pop("inputs")
        return data

    def _repr_html_(self) -> str:
        kind = {"feasible": "ok", "marginal": "warn", "break-even": "warn"}.get(self.verdict, "error")
        return render.table(self.rows(), caption="Results per period") + render.notice(
            kind, self.reason, title=f"Verdict: {self.verdict}"
        )


class SensitivityPoint(Frozen):
    """Profit when the price you charge moves by ``change_percent``.

    Above the willingness to pay nobody buys (``above_willingness``), so profit is minus the fixed costs.
    """

    change_percent: float
    price: float
    profit: float
    above_willingness: bool = False


def _problems(raw: Mapping[str, object]) -> list[str]:
    problems, values = [], {}
    for name, spec in FIELDS.items():
        try:
            values[name] = parse_number(
                raw.get(name, ""), spec.label, minimum=spec.minimum, maximum=spec.maximum,
                allow_minimum=spec.allow_zero, whole=spec.whole,
            )
        except ValueError as error:
            problems.append(str(error))
    return problems


def price_warning(inputs: FeasibilityInputs) -> str | None:
    """What to change when the price is above the willingness to pay (nobody buys); else ``None``."""
    if not inputs.above_willingness:
        return None
    ceiling = money(inputs.willingness_to_pay)
    return (
        f"{FIELDS['price'].label}: {money(inputs.price)} is above the willingness to pay ({ceiling}). "
        f"Customers will not pay more than that: charge {ceiling} or less, or check your estimate of "
        "what they would pay."
    )


def parse_inputs(raw: Mapping[str, object]) -> FeasibilityInputs:
    """Parse the five inputs (text or numbers); one ``ValueError`` lists every problem."""
    problems = _problems(raw)
    if problems:
        raise ValueError("\n".join(problems))
    return FeasibilityInputs(**{name: parse_number(raw[name], spec.label) for name, spec in FIELDS.items()})


def _money_noise(inputs: FeasibilityInputs) -> float:
    """Floating-point noise in a profit, not money: profits this close to zero are zero."""
    return 1e-9 * max(1.0, inputs.fixed_costs)


def profit_at(inputs: FeasibilityInputs, customers: float) -> float:
    """Profit per period with ``customers`` reached; above the willingness to pay none of them buys."""
    if inputs.above_willingness:
        return -inputs.fixed_costs
    return customers * (inputs.price - inputs.variable_cost) - inputs.fixed_costs


def _without_noise(inputs: FeasibilityInputs, profit: float) -> float:
    """0.0 for a profit within floating-point noise of zero (so break-even shows as 0, not -0.00)."""
    return 0.0 if abs(profit) <= _money_noise(inputs) else profit


def break_even_exact(inputs: FeasibilityInputs) -> float | None:
    """Customers (fractional) at which profit is zero; ``None`` if it never is (nobody buys, or sales lose money)."""
    contribution = inputs.price - inputs.variable_cost
    if inputs.above_willingness or contribution <= 0:
        return 0.0 if contribution == 0 and inputs.fixed_costs == 0 else None
    return inputs.fixed_costs / contribution


def break_even_customers(inputs: FeasibilityInputs) -> int | None:
    """The fewest whole customers with profit >= 0; ``None`` if no number of customers gets there."""
    exact = break_even_exact(inputs)
    if exact is None:
        return None
    tolerance = _money_noise(inputs)
    customers = math.ceil(exact)
    while customers > 0 and profit_at(inputs, customers - 1) >= -tolerance:
        customers -= 1
    while profit_at(inputs, customers) < -tolerance:
        customers += 1
    return customers


def _verdict(
    inputs: FeasibilityInputs, customers: int, break_even: int | None, profit: float, margin: float | None
) -> tuple[str, str]:
    price, cost = money(inputs.price), money(inputs.variable_cost)
    if inputs.above_willingness:
        return "not feasible", (
            f"nobody buys: the price you charge ({price}) is above what customers would pay "
            f"({money(inputs.willingness_to_pay)})."
        )
    if inputs.price < inputs.variable_cost:
        return "not feasible", (
            f"the price ({price}) is below the cost to serve one customer ({cost}), so every sale loses money."
        )
    if inputs.price == inputs.variable_cost:
        return "not feasible", (
            f"the price ({price}) only equals the cost to serve one customer, so no sale earns anything."
        )
    assert break_even is not None
    people = int(inputs.people_with_problem)
    if break_even > people:
        return "not feasible", (
            f"you need {break_even:,} customers to break even, but only {people:,} people have the problem."
        )
    if customers == 0:
        reach = format_number(inputs.reach_percent)
        return "not feasible", f"reaching {reach}% of {people:,} people gives no customers."
    if customers < break_even:
        return "not feasible", (
            f"{customers:,} customers is short of the {break_even:,} needed to break even "
            f"({break_even / people:.1%} of the people with the problem)."
        )
    if profit <= _money_noise(inputs):
        return "break-even", (
            f"{customers:,} customers exactly cover the costs: no profit and no loss. "
            "Any drop in price or reach turns it into a loss."
        )
    if margin is not None and margin < THIN_MARGIN:
        return "marginal", (
            f"it makes a profit of {money(profit)}, but the margin ({margin:.1%}) is below {THIN_MARGIN:.0%}: "
            "a small drop in price or reach would erase it."
        )
    return "feasible", (
        f"{customers:,} customers is above the break-even point of {break_even:,}, with a {margin:.1%} margin "
        f"(at least {THIN_MARGIN:.0%})."
    )


def reached_customers(inputs: FeasibilityInputs) -> int:
    """The people you reach and convert, who buy at any price up to their willingness to pay."""
    # Round first so that 29.1% of 1000 people is 291 customers, not 290 by floating-point error.
    return math.floor(round(inputs.people_with_problem * inputs.reach_percent / 100, 6))


def evaluate(inputs: FeasibilityInputs) -> FeasibilityResult:
    """Compute customers, money, break-even and a verdict with its reason."""
    customers = 0 if inputs.above_willingness else reached_customers(inputs)
    revenue = customers * inputs.price
    total_cost = inputs.fixed_costs + customers * inputs.variable_cost
    profit = _without_noise(inputs, profit_at(inputs, customers))
    margin = profit / revenue if revenue > 0 else None
    break_even = break_even_customers(inputs)
    verdict, reason = _verdict(inputs, customers, break_even, profit, margin)
    return FeasibilityResult(
        inputs, customers, revenue, total_cost, profit, margin,
        inputs.price - inputs.variable_cost, break_even, verdict, reason,
    )


def sensitivity(inputs: FeasibilityInputs, swing_percent: float, steps: int = 4) -> list[SensitivityPoint]:
    """Profit at price changes from ``-swing_percent`` to ``+swing_percent``, with today's customers.

    ``steps`` points on each side of today's price (so ``2 * steps + 1`` in all). A price above the
    willingness to pay wins no customers.
    """
    swing = parse_number(swing_percent, "Price swing (%)", maximum=MAX_SWING_PERCENT)
    if not 1 <= steps <= 50:
        raise ValueError("Sensitivity steps: must be between 1 and 50.")
    customers = reached_customers(inputs)
    points = []
    for index in range(-steps, steps + 1):
        change = swing * index / steps
        price = inputs.price * (1 + change / 100)
        above = price > inputs.willingness_to_pay * (1 + 1e-12)  # 1e-12: rounding in price * (1 + change)
        moved = replace(inputs, price=min(price, inputs.willingness_to_pay))
        profit = _without_noise(inputs, profit_at(moved, 0 if above else customers))
        points.append(SensitivityPoint(change, price, profit, above))
    return points


def calculate(**raw: object) -> FeasibilityResult:
    """Parse and evaluate in one call: ``calculate(price=20, variable_cost=5, ...)``."""
    defaults = {name: spec.default for name, spec in FIELDS.items()}
    return evaluate(parse_inputs({**defaults, **raw}))


def attempt_complete(record: Mapping[str, Any]) -> bool:
    """Complete when a number differs from the calculator's example numbers, or the notes are written."""
    inputs = record["inputs"]
    return any(inputs.get(name) != spec.default for name, spec in FIELDS.items()) or is_written(inputs.get("notes"))
