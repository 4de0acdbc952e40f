"""The experiment planner's pure layer: how many users an A/B test needs, how long it runs, and what peeking costs.

**Sample size.** Two independent proportions, a two-sided test, the normal approximation without a
continuity correction:

    n = (z(1 - alpha/2) * sqrt(2 * pbar * (1 - pbar))
         + z(power) * sqrt(p1 * (1 - p1) + p2 * (1 - p2)))**2 / (p2 - p1)**2

per group, where p1 is the baseline rate, p2 = p1 + the minimum detectable effect and pbar = (p1 + p2) / 2.
This is the formula of Fleiss, Levin and Paik, *Statistical Methods for Rates and Proportions*
(3rd ed., 2003, section 4.2) before their continuity correction, and the equation R's
``power.prop.test`` solves (with its default ``strict = FALSE``). ``tests/test_experiment_planner.py``
checks it against hand-computed values and the examples in R's documentation.

**Peeking.** :func:`false_winner_chance` is the chance that at least one of K equally spaced looks at
a test with no real difference crosses the two-sided critical value: the "repeated significance
tests" of Armitage, McPherson and Rowe (1969), computed here by numerical integration of the normal
random walk of the test statistic, and checked against their published table.
"""

from __future__ import annotations

import math
import operator
from collections.abc import Mapping
from functools import cache
from statistics import NormalDist
from typing import Any

from ..kit import render
from ..kit.frozen import Frozen
from ..kit.numbers import format_number, parse_number

__all__ = [
    "ALPHAS", "FIELDS", "LOOK_PLANS", "LONG_TEST_DAYS", "MAX_LOOKS", "POWERS", "CurvePoint", "ExperimentPlan",
    "FieldSpec", "PlanInputs", "days_needed", "effect_curve", "false_winner_chance", "false_winner_curve",
    "looks_for", "parse_plan", "percent", "plan", "plan_experiment", "power_for_sample_size",
    "sample_size_exact", "sample_size_per_group",
]

_NORMAL = NormalDist()
MAX_LOOKS = 60  # the peeking curve is computed up to this many looks
LONG_TEST_DAYS = 56  # eight weeks: past this, the product and its users change while the test runs
ALPHAS = {"1%": 0.01, "5% (the usual choice)": 0.05, "10%": 0.10}
POWERS = {"80% (the usual choice)": 0.80, "90%": 0.90, "95%": 0.95}
LOOK_PLANS = {"end": "only at the end, as planned", "weekly": "once a week", "daily": "every day"}


def _fraction(value: object, label: str, *, low: float, high: float, low_ok: bool = False,
              high_ok: bool = False, hint: str = "") -> float:
    """A number between ``low`` and ``high`` (ends excluded unless ``low_ok``/``high_ok``), or a readable error."""
    number = parse_number(value, label, minimum=-math.inf, maximum=math.inf)
    too_low = number < low or (number == low and not low_ok)
    too_high = number > high or (number == high and not high_ok)
    if too_low or too_high:
        ends = f"{'from' if low_ok else 'above'} {format_number(low)} {'up to' if high_ok else 'and below'} " \
               f"{format_number(high)}"
        raise ValueError(f"{label}: {format_number(number)} is out of range; use a value {ends}{hint}.")
    return number


def _check_rates(baseline: object, effect: object) -> tuple[float, float]:
    p1 = _fraction(baseline, "Baseline rate", low=0, high=1, hint=" (a fraction: 10% is 0.10)")
    delta = _fraction(effect, "Minimum detectable effect", low=0, high=1, hint=" (a fraction: 2 points is 0.02)")
    if p1 + delta >= 1:
        raise ValueError(
            f"The baseline rate ({format_number(p1)}) plus the minimum detectable effect ({format_number(delta)}) "
            "must stay below 1: no rate can reach 100%."
        )
    return p1, delta


def sample_size_exact(
    baseline: float, minimum_detectable_effect: float, alpha: float = 0.05, power: float = 0.8
) -> float:
    """Users per group, before rounding up (see the module docstring for the formula and its source)."""
    p1, delta = _check_rates(baseline, minimum_detectable_effect)
    alpha = _fraction(alpha, "Significance level", low=0, high=0.5, high_ok=True)
    power = _fraction(power, "Power", low=0.5, high=1, low_ok=True)
    p2 = p1 + delta
    pbar = (p1 + p2) / 2
    z_alpha = _NORMAL.inv_cdf(1 - alpha / 2)
    z_power = _NORMAL.inv_cdf(power)
    spread = z_alpha * math.sqrt(2 * pbar * (1 - pbar)) + z_power * math.sqrt(p1 * (1 - p1) + p2 * (1 - p2))
    return spread**2 / delta**2


def sample_size_per_group(
    baseline: float, minimum_detectable_effect: float, alpha: float = 0.05, power: float = 0.8
) -> int:
    """Users needed in *each* group of a two-group test on a rate, rounded up.

    ``baseline`` is today's rate and ``minimum_detectable_effect`` the smallest absolute change worth
    finding, both as fractions (10% is 0.10; "two percentage points" is 0.02). Two-sided test at
    significance level ``alpha`` with the given ``power``; normal approximation (Fleiss, Levin and
    Paik, without continuity correction).
    """
    exact = sample_size_exact(baseline, minimum_detectable_effect, alpha, power)
    return max(1, math.ceil(exact - 1e-9))  # 1e-9: floating-point noise must not add a user


def power_for_sample_size(users_per_group: float, baseline: float, minimum_detectable_effect: float,
                          alpha: float = 0.05) -> float:
    """The power a test with ``users_per_group`` in each group has for this effect (same approximation)."""
    n = parse_number(users_per_group, "Users per group", minimum=0, allow_minimum=False)
    p1, delta = _check_rates(baseline, minimum_detectable_effect)
    alpha = _fraction(alpha, "Significance level", low=0, high=0.5, high_ok=True)
    p2 = p1 + delta
    pbar = (p1 + p2) / 2
    z_alpha = _NORMAL.inv_cdf(1 - alpha / 2)
    shift = math.sqrt(n) * delta - z_alpha * math.sqrt(2 * pbar * (1 - pbar))
    return _NORMAL.cdf(shift / math.sqrt(p1 * (1 - p1) + p2 * (1 - p2)))


def days_needed(users_per_group: int, daily_visitors: float, share_in_test: float = 1.0, groups: int = 2) -> int:
    """Whole days until every group has ``users_per_group`` users, when ``share_in_test`` of the daily visitors
    are split evenly between ``groups`` groups."""
    visitors = parse_number(daily_visitors, "Visitors per day", minimum=0, allow_minimum=False)
    share = parse_number(share_in_test, "Share of visitors in the test", minimum=0, maximum=1, allow_minimum=False)
    if groups < 2:
        raise ValueError("A test compares at least two groups.")
    return max(1, math.ceil(users_per_group * groups / (visitors * share) - 1e-9))


# ---- peeking ---------------------------------------------------------------------------------

_GRID_STEP = 0.1  # spacing of the integration grid, in units of one look's standard deviation
_KERNEL_REACH = 8.0  # the normal density beyond 8 standard deviations is negligible (< 1e-14)


def _inside_masses(density: list[float], bound: float, half: int) -> list[float]:
    """Probability mass of each grid cell (centred on i * step) that lies inside [-bound, bound]."""
    step = _GRID_STEP
    masses = []
    for index, value in enumerate(density):
        distance = abs(index - half) * step
        if distance + step / 2 <= bound:
            share = 1.0
        elif index == half:
            share = min(1.0, 2 * bound / step)
        else:
            share = max(0.0, (bound - (distance - step / 2)) / step)
        masses.append(value * step * share)
    return masses


@cache
def false_winner_curve(alpha: float = 0.05, max_looks: int = MAX_LOOKS) -> tuple[float, ...]:
    """Chance of at least one "significant" result in 1..``max_looks`` equally spaced looks when there is no effect.

    The test statistic's sum after k looks is a normal random walk; a look "wins" when
    |sum| > z(1 - alpha/2) * sqrt(k). The chance that the walk stays inside every boundary is
    integrated look by look on a fine grid (the method behind Armitage, McPherson and Rowe's table).
    """
    alpha = _fraction(alpha, "Significance level", low=0, high=0.5, high_ok=True)
    if not 1 <= max_looks <= 200:
        raise ValueError("Looks: must be between 1 and 200.")
    step = _GRID_STEP
    critical = _NORMAL.inv_cdf(1 - alpha / 2)
    reach = int(_KERNEL_REACH / step)
    kernel = [_NORMAL.pdf(j * step) for j in range(-reach, reach + 1)]
    half = math.floor(critical / step + 0.5)
    masses = _inside_masses([_NORMAL.pdf(i * step) for i in range(-half, half + 1)], critical, half)
    curve = [1 - sum(masses)]
    for look in range(2, max_looks + 1):
        bound = critical * math.sqrt(look)
        new_half = math.floor(bound / step + 0.5)
        padding = [0.0] * (reach + new_half - half)
        padded = padding + masses + padding
        width = len(kernel)
        density = [sum(map(operator.mul, padded[i:i + width], kernel)) for i in range(2 * new_half + 1)]
        masses, half = _inside_masses(density, bound, new_half), new_half
        curve.append(1 - sum(masses))
    curve[0] = alpha  # one look is exactly the nominal level; the grid gives it to four decimals
    return tuple(curve)


def false_winner_chance(looks: int, alpha: float = 0.05) -> float:
    """Chance of declaring a winner that is not there when you stop at the first of ``looks`` looks with p < alpha.

    ``looks`` above :data:`MAX_LOOKS` count as :data:`MAX_LOOKS` (the chance only grows with more looks).
    """
    if isinstance(looks, bool) or not isinstance(looks, int) or looks < 1:
        raise ValueError("Looks: must be a whole number, at least 1.")
    return false_winner_curve(alpha)[min(looks, MAX_LOOKS) - 1]


def looks_for(look_plan: str, run_days: int) -> int:
    """How many times you look at the results over ``run_days`` days under ``look_plan``."""
    if look_plan == "end":
        return 1
    if look_plan == "weekly":
        return max(1, math.ceil(run_days / 7))
    if look_plan == "daily":
        return max(1, run_days)
    raise ValueError(f"How often you look: choose one of {', '.join(LOOK_PLANS.values())}.")


# ---- the planner -----------------------------------------------------------------------------


class FieldSpec(Frozen):
    """How one typed input is labelled, bounded and explained."""

    label: str
    default: float
    help_text: str
    maximum: float
    whole: bool = False


FIELDS: dict[str, FieldSpec] = {
    "baseline_percent": FieldSpec("Baseline rate (%)", 10, "Today's conversion rate, in percent", 100),
    "effect_points": FieldSpec(
        "Minimum effect (points)", 2, "The smallest change worth finding, in percentage points", 100
    ),
    "daily_visitors": FieldSpec("Visitors per day", 2_000, "Visitors who could enter the test each day", 1e10, True),
    "share_percent": FieldSpec("Share in the test (%)", 100, "Share of those visitors you put in the test", 100),
}


class PlanInputs(Frozen):
    """One test plan; rates as fractions."""

    baseline: float
    effect: float
    alpha: float
    power: float
    daily_visitors: float
    share_in_test: float
    look_plan: str

    def __post_init__(self) -> None:
        _check_rates(self.baseline, self.effect)
        if self.look_plan not in LOOK_PLANS:
            raise ValueError(f"How often you look: choose one of {', '.join(LOOK_PLANS.values())}.")


def percent(fraction: float, digits: int = 1) -> str:
    """0.105 -> '10.5%'; whole percentages drop the decimals: 0.1 -> '10%'."""
    value = round(fraction * 100, digits)
    return f"{value:g}%" if value == round(value) else f"{value:.{digits}f}%"


def parse_plan(raw: Mapping[str, object]) -> PlanInputs:
    """Parse the widget's typed inputs (percentages) and choices; one ``ValueError`` lists every problem."""
    problems, numbers = [], {}
    for name, spec in FIELDS.items():
        try:
            value = parse_number(raw.get(name, ""), spec.label, maximum=spec.maximum, allow_minimum=False,
                                 whole=spec.whole)
            if name == "baseline_percent" and value >= 100:
                raise ValueError(f"{spec.label}: must be below 100.")
            numbers[name] = value
        except ValueError as error:
            problems.append(str(error))
    if not problems and numbers["baseline_percent"] + numbers["effect_points"] >= 100:
        problems.append(
            f"The baseline rate ({format_number(numbers['baseline_percent'])}%) plus the minimum effect "
            f"({format_number(numbers['effect_points'])} points) must stay below 100%."
        )
    if problems:
        raise ValueError("\n".join(problems))
    return PlanInputs(
        numbers["baseline_percent"] / 100, numbers["effect_points"] / 100,
        _fraction(raw.get("alpha", 0.05), "Significance level", low=0, high=0.5, high_ok=True),
        _fraction(raw.get("power", 0.8), "Power", low=0.5, high=1, low_ok=True),
        numbers["daily_visitors"], numbers["share_percent"] / 100, str(raw.get("look_plan", "end")),
    )


class ExperimentPlan(Frozen):
    """What the planner reports for one plan."""

    inputs: PlanInputs
    users_per_group: int
    total_users: int
    visitors_in_test_per_day: float
    days_to_sample: int
    run_days: int
    looks: int
    false_winner: float
    notes: tuple[tuple[str, str], ...]

    @property
    def target(self) -> float:
        return self.inputs.baseline + self.inputs.effect

    @property
    def relative_lift(self) -> float:
        return self.inputs.effect / self.inputs.baseline

    def rows(self) -> list[tuple[str, str]]:
        """Label/value pairs, formatted for people."""
        weeks = self.run_days // 7
        looks = "1 (at the end)" if self.looks == 1 else f"{self.looks} ({LOOK_PLANS[self.inputs.look_plan]})"
        return [
            ("Baseline to target", f"{percent(self.inputs.baseline)} to {percent(self.target)} "
                                   f"({self.relative_lift:+.0%} relative)"),
            ("Users per group", f"{self.users_per_group:,}"),
            ("Users in the test (both groups)", f"{self.total_users:,}"),
            ("Visitors in the test per day", f"{self.visitors_in_test_per_day:,.0f}"),
            ("Days to reach that many users", f"{self.days_to_sample:,}"),
            ("Plan to run for", f"{self.run_days:,} days ({weeks:,} full week{'s' if weeks != 1 else ''})"),
            ("Looks at the results", looks),
            ("Chance of a false winner", percent(self.false_winner)
             + ("" if self.looks == 1 else f" (not {percent(self.inputs.alpha)})")),
        ]

    def summary(self) -> str:
        """A plain-text report (what ``print`` shows)."""
        lines = [f"{label}: {value}" for label, value in self.rows()]
        return "\n".join(lines + [f"{kind.capitalize()}: {text}" for kind, text in self.notes])

    def as_dict(self) -> dict[str, Any]:
        """JSON-ready results for Save my work."""
        return {
            "users_per_group": self.users_per_group, "total_users": self.total_users,
            "days_to_sample": self.days_to_sample, "run_days": self.run_days, "looks": self.looks,
            "false_winner_chance": round(self.false_winner, 4), "target_rate": round(self.target, 6),
            "relative_lift": round(self.relative_lift, 6), "notes": [text for _, text in self.notes],
        }

    def _repr_html_(self) -> str:
        notes = "".join(render.notice("warn" if kind == "careful" else "info", text) for kind, text in self.notes)
        return render.table(self.rows(), caption="Your test plan") + notes


def _notes(inputs: PlanInputs, days: int, run_days: int, looks: int, false_winner: float) -> list[tuple[str, str]]:
    notes = []
    if days < 7:
        notes.append(("note", f"The sample is reached in {days} day{'s' if days != 1 else ''}, but run the test for "
                              "at least one full week so that weekday and weekend visitors are both in it."))
    if run_days > LONG_TEST_DAYS:
        notes.append(("careful", f"{run_days} days is a long test: the product and its users change while it runs. "
                                 "Look for a bigger effect worth finding, a metric closer to the change, or more "
                                 "traffic in the test."))
    if looks > 1:
        capped = "at least" if looks > MAX_LOOKS else "about"
        notes.append(("careful", f"Stopping at the first look that shows a significant result gives {capped} a "
                                 f"{percent(false_winner)} chance of declaring a winner when there is no real "
                                 f"difference, not {percent(inputs.alpha)}. Decide the sample size in advance and "
                                 "read the result once it is reached, or use a method designed for repeated looks."))
    return notes


def plan_experiment(inputs: PlanInputs) -> ExperimentPlan:
    """Sample size, duration, looks and the chance of a false winner for one plan."""
    n = sample_size_per_group(inputs.baseline, inputs.effect, inputs.alpha, inputs.power)
    days = days_needed(n, inputs.daily_visitors, inputs.share_in_test)
    run_days = max(7, math.ceil(days / 7) * 7)  # whole weeks: behaviour differs by day of the week
    looks = looks_for(inputs.look_plan, run_days)
    false_winner = false_winner_chance(looks, inputs.alpha)
    return ExperimentPlan(
        inputs, n, 2 * n, inputs.daily_visitors * inputs.share_in_test, days, run_days, looks, false_winner,
        tuple(_notes(inputs, days, run_days, looks, false_winner)),
    )


def plan(**raw: object) -> ExperimentPlan:
    """Parse and plan in one call: ``plan(baseline_percent=10, effect_points=2, daily_visitors=2000)``."""
    defaults: dict[str, object] = {name: spec.default for name, spec in FIELDS.items()}
    defaults |= {"alpha": 0.05, "power": 0.8, "look_plan": "end"}
    return plan_experiment(parse_plan(defaults | raw))


class CurvePoint(Frozen):
    """Users per group needed to find an effect of ``effect`` (a fraction)."""

    effect: float
    users_per_group: int


def effect_curve(inputs: PlanInputs, points: int = 40) -> tuple[CurvePoint, ...]:
    """Users per group for effects from a quarter of the planned one to three times it (kept below 100%)."""
    low = inputs.effect / 4
    high = min(inputs.effect * 3, (1 - inputs.baseline) * 0.99)
    effects = sorted({low + (high - low) * i / (points - 1) for i in range(points)} | {inputs.effect})
    return tuple(
        CurvePoint(effect, sample_size_per_group(inputs.baseline, effect, inputs.alpha, inputs.power))
        for effect in effects
    )


def attempt_complete(record: Mapping[str, Any]) -> bool:
    """Complete when at least one setting differs from the planner's example plan."""
    example = plan().inputs
    inputs = record["inputs"]
    return (inputs.get("baseline_rate"), inputs.get("minimum_detectable_effect"), inputs.get("daily_visitors"),
            inputs.get("share_in_test"), inputs.get("alpha"), inputs.get("power"), inputs.get("look_plan")) != (
        example.baseline, example.effect, example.daily_visitors, example.share_in_test, example.alpha,
        example.power, example.look_plan)
