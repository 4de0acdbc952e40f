"""The experiment planner's numbers, checked against published values and hand computation.

Sources the numbers are checked against:

- the formula of Fleiss, Levin and Paik, *Statistical Methods for Rates and Proportions* (3rd ed.,
  Wiley, 2003), section 4.2, without the continuity correction, computed by hand below;
- the examples in R's documentation of ``power.prop.test`` (R Core Team, package stats), which solves
  the same equation: ``power.prop.test(p1 = .50, p2 = .75, power = .90)`` gives n = 76.7 per group and
  ``power.prop.test(n = 50, p1 = .50, p2 = .75)`` gives power = 0.740;
- for peeking, the overall false-positive rates of repeated significance tests at a nominal two-sided
  5% in Armitage, McPherson and Rowe, "Repeated significance tests on accumulating data", *Journal of
  the Royal Statistical Society A* 132 (1969), as reproduced in Jennison and Turnbull, *Group Sequential
  Methods with Applications to Clinical Trials* (2000), Table 1.1.
"""

import math
from itertools import pairwise
from statistics import NormalDist

import pytest
from hypothesis import given
from hypothesis import strategies as st

from exercises import experiment_planner as ep

Z_975 = 1.959963984540054  # z for a two-sided 5% test
Z_80 = 0.8416212335729143  # z for 80% power


def by_hand(p1: float, p2: float, z_alpha: float = Z_975, z_power: float = Z_80) -> float:
    pbar = (p1 + p2) / 2
    return (z_alpha * math.sqrt(2 * pbar * (1 - pbar)) + z_power * math.sqrt(p1 * (1 - p1) + p2 * (1 - p2))) ** 2 \
        / (p2 - p1) ** 2


def test_worked_example_from_the_chapter_by_hand():
    # p1 = 0.10, p2 = 0.12, pbar = 0.11:
    # 1.959964 * sqrt(2 * 0.11 * 0.89) = 1.959964 * 0.442493 = 0.867270
    # 0.841621 * sqrt(0.09 + 0.1056)   = 0.841621 * 0.442267 = 0.372222
    # (0.867270 + 0.372222)^2 / 0.02^2 = 1.536340 / 0.0004  = 3840.85 -> 3841 per group
    assert ep.sample_size_exact(0.10, 0.02) == pytest.approx(3840.85, abs=0.01)
    assert ep.sample_size_per_group(0.10, 0.02) == 3841


def test_a_second_hand_computed_value():
    # p1 = 0.20, p2 = 0.25, pbar = 0.225:
    # 1.959964 * sqrt(0.34875) = 1.157457; 0.841621 * sqrt(0.3475) = 0.496127
    # (1.653584)^2 / 0.0025 = 1093.74 -> 1094 per group
    assert ep.sample_size_exact(0.20, 0.05) == pytest.approx(1093.74, abs=0.01)
    assert ep.sample_size_per_group(0.20, 0.05) == 1094


def test_matches_the_examples_in_r_power_prop_test_documentation():
    assert round(ep.sample_size_exact(0.50, 0.25, power=0.90), 1) == 76.7
    assert ep.sample_size_per_group(0.50, 0.25, power=0.90) == 77
    assert round(ep.power_for_sample_size(50, 0.50, 0.25), 3) == 0.740


@given(st.floats(0.01, 0.9), st.floats(0.001, 0.09), st.sampled_from([0.01, 0.05, 0.1]), st.sampled_from([0.8, 0.9]))
def test_agrees_with_the_formula_and_rounds_up(baseline, effect, alpha, power):
    z_alpha, z_power = NormalDist().inv_cdf(1 - alpha / 2), NormalDist().inv_cdf(power)
    exact = by_hand(baseline, baseline + effect, z_alpha, z_power)
    n = ep.sample_size_per_group(baseline, effect, alpha, power)
    assert n == pytest.approx(math.ceil(exact), abs=1)
    assert n >= exact - 1e-6
    # and the power at that many users is at least what was asked for
    assert ep.power_for_sample_size(n, baseline, effect, alpha) >= power - 1e-9


@given(st.floats(0.02, 0.5), st.floats(0.01, 0.5))
def test_halving_the_effect_roughly_quadruples_the_users(baseline, relative_lift):
    # "roughly four times" holds for lifts up to half the baseline; bigger lifts change the variance more
    effect = baseline * relative_lift
    ratio = ep.sample_size_exact(baseline, effect / 2) / ep.sample_size_exact(baseline, effect)
    assert 3.5 < ratio < 4.3


def test_stricter_significance_and_more_power_need_more_users():
    base = ep.sample_size_per_group(0.1, 0.02)
    assert ep.sample_size_per_group(0.1, 0.02, alpha=0.01) > base
    assert ep.sample_size_per_group(0.1, 0.02, power=0.9) > base


@pytest.mark.parametrize(
    ("args", "message"),
    [
        ((10, 0.02), "Baseline rate: 10 is out of range; use a value above 0 and below 1 (a fraction: 10% is 0.10)"),
        ((0, 0.02), "Baseline rate: 0 is out of range"),
        ((0.1, 0), "Minimum detectable effect: 0 is out of range"),
        ((0.1, -0.02), "Minimum detectable effect: -0.02 is out of range"),
        ((0.95, 0.1), "must stay below 1"),
        ((0.1, 0.02, 0), "Significance level: 0 is out of range"),
        ((0.1, 0.02, 0.05, 1), "Power: 1 is out of range"),
        ((float("nan"), 0.02), "NaN"),
        (("ten", 0.02), "is not a number"),
        ((True, 0.02), "not a yes/no value"),
    ],
)
def test_bad_arguments_raise_a_readable_message(args, message):
    with pytest.raises(ValueError, match=message.replace("(", r"\(").replace(")", r"\)")):
        ep.sample_size_per_group(*args)


def test_days_split_the_visitors_between_the_groups():
    assert ep.days_needed(3841, 2000) == 4  # 7,682 users / 2,000 a day = 3.8 days
    assert ep.days_needed(3841, 2000, share_in_test=0.5) == 8
    assert ep.days_needed(1000, 2000) == 1
    with pytest.raises(ValueError, match="Visitors per day: must be more than 0"):
        ep.days_needed(100, 0)


PUBLISHED_PEEKING = {1: 0.05, 2: 0.083, 3: 0.107, 4: 0.126, 5: 0.142, 10: 0.193, 20: 0.248, 50: 0.320}


@pytest.mark.parametrize(("looks", "published"), PUBLISHED_PEEKING.items())
def test_peeking_matches_armitage_mcpherson_and_rowe(looks, published):
    assert ep.false_winner_chance(looks) == pytest.approx(published, abs=0.0015)


def test_peeking_grows_with_every_look_and_caps_at_the_last_computed():
    curve = ep.false_winner_curve(0.05)
    assert all(b > a for a, b in pairwise(curve))
    assert ep.false_winner_chance(500) == curve[-1]
    assert ep.false_winner_chance(1, alpha=0.01) == 0.01
    with pytest.raises(ValueError, match="Looks"):
        ep.false_winner_chance(0)


def test_looks_follow_the_plan():
    assert [ep.looks_for(plan, 14) for plan in ("end", "weekly", "daily")] == [1, 2, 14]
    with pytest.raises(ValueError, match="How often you look"):
        ep.looks_for("hourly", 14)


def test_the_default_plan():
    plan = ep.plan()
    assert (plan.users_per_group, plan.total_users, plan.days_to_sample, plan.run_days) == (3841, 7682, 4, 7)
    assert plan.looks == 1 and plan.false_winner == 0.05
    assert "at least one full week" in plan.summary()
    assert plan.as_dict()["users_per_group"] == 3841
    assert "Your test plan" in plan._repr_html_()


def test_daily_peeking_is_reported_with_its_real_rate():
    plan = ep.plan(look_plan="daily")
    assert plan.looks == 7
    assert "16.6% chance of declaring a winner" in plan.summary()
    assert "(not 5%)" in plan.summary()


def test_a_long_test_is_flagged():
    plan = ep.plan(effect_points=0.5, daily_visitors=500)
    assert plan.run_days > ep.LONG_TEST_DAYS
    assert "is a long test" in plan.summary()


def test_typed_inputs_are_checked_together():
    with pytest.raises(ValueError) as error:
        ep.parse_plan({"baseline_percent": "", "effect_points": "-1", "daily_visitors": "2.5", "share_percent": "0"})
    lines = str(error.value).splitlines()
    assert lines == [
        "Baseline rate (%): this field is empty; enter a number.",
        "Minimum effect (points): must be more than 0.",
        "Visitors per day: must be a whole number, not 2.5.",
        "Share in the test (%): must be more than 0.",
    ]
    with pytest.raises(ValueError, match=r"The baseline rate \(95%\) plus the minimum effect \(5 points\)"):
        ep.plan(baseline_percent=95, effect_points=5)


@given(st.floats(0.5, 50), st.floats(0.1, 10))
def test_the_curve_spans_the_effect_and_falls(baseline, effect):
    inputs = ep.parse_plan({"baseline_percent": baseline, "effect_points": effect, "daily_visitors": 1000,
                            "share_percent": 100})
    curve = ep.effect_curve(inputs)
    assert any(p.effect == inputs.effect for p in curve)
    assert all(b.users_per_group <= a.users_per_group for a, b in pairwise(curve))
    assert curve[-1].effect + inputs.baseline < 1
