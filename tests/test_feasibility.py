import math

import pytest
from hypothesis import given
from hypothesis import strategies as st
from matplotlib.figure import Figure

import chart_reading
from exercises import feasibility as f
from exercises.feasibility import chart

money = st.floats(min_value=0, max_value=1e6, allow_nan=False)
positive_money = st.floats(min_value=0.01, max_value=1e6, allow_nan=False)
people = st.integers(min_value=1, max_value=10**9)
percent = st.floats(min_value=0, max_value=100, allow_nan=False)


@st.composite
def scenarios(draw, profitable_unit=False):
    price = draw(positive_money)
    willingness = draw(st.floats(min_value=price, max_value=2e6, allow_nan=False))
    cost = draw(st.floats(min_value=0, max_value=price * 0.99 if profitable_unit else 1e6, allow_nan=False))
    return f.FeasibilityInputs(willingness, price, cost, draw(money), draw(people), draw(percent))


def test_worked_example_from_the_chapter():
    result = f.calculate(price=15, variable_cost=4, fixed_costs=2000, people_with_problem=5000, reach_percent=5)
    assert (result.customers, result.revenue, result.total_cost, result.profit) == (250, 3750, 3000, 750)
    assert result.margin == pytest.approx(0.2)
    assert result.break_even_customers == 182  # 2000 / 11 = 181.8, rounded up
    assert result.verdict == "feasible"


def test_price_below_cost_is_not_feasible_with_the_reason():
    result = f.calculate(price=3, variable_cost=4)
    assert result.verdict == "not feasible"
    assert "below the cost to serve one customer" in result.reason
    assert result.break_even_customers is None


def test_above_the_willingness_to_pay_nobody_buys_so_profit_stays_at_minus_fixed_costs():
    result = f.calculate(willingness_to_pay=14)  # the example's price is 15
    assert result.break_even_customers is None and f.break_even_exact(result.inputs) is None
    assert f.profit_at(result.inputs, 0) == f.profit_at(result.inputs, 1_000) == -result.inputs.fixed_costs
    assert ("Break-even", "never (nobody buys at this price)") in result.rows()


def test_market_too_small():
    result = f.calculate(price=10, variable_cost=5, fixed_costs=10_000, people_with_problem=1000, reach_percent=100)
    assert result.verdict == "not feasible"
    assert "2,000 customers" in result.reason and "only 1,000 people" in result.reason


def test_reach_below_break_even_and_zero_customers():
    short = f.calculate(reach_percent=3)
    assert short.verdict == "not feasible" and "short of the 182" in short.reason
    none = f.calculate(reach_percent=0)
    assert none.customers == 0 and "no customers" in none.reason and none.margin is None


def test_thin_margin_is_marginal():
    result = f.calculate(price=10, variable_cost=5, fixed_costs=1150, people_with_problem=250, reach_percent=100)
    assert result.profit == 100 and result.verdict == "marginal"


def test_percentages_do_not_lose_a_customer_to_rounding():
    assert f.calculate(people_with_problem=1000, reach_percent=29.1).customers == 291


def test_every_problem_is_reported_at_once():
    with pytest.raises(ValueError) as caught:
        f.parse_inputs({"willingness_to_pay": "?", "price": "", "variable_cost": "x", "fixed_costs": -1,
                        "people_with_problem": 0, "reach_percent": 200})
    assert len(str(caught.value).splitlines()) == 6


def test_constructing_inputs_directly_is_validated_too():
    with pytest.raises(ValueError, match="cannot be negative"):
        f.FeasibilityInputs(10, 10, -1, 0, 10, 10)
    above = f.FeasibilityInputs(willingness_to_pay=10, price=11, variable_cost=1, fixed_costs=0,
                                people_with_problem=10, reach_percent=10)
    assert f.evaluate(above).customers == 0  # a scenario, not an error: nobody buys


@given(scenarios(profitable_unit=True), st.floats(0, 1e6), st.floats(0, 1e6))
def test_profit_never_falls_as_customers_rise_when_price_exceeds_cost(inputs, a, b):
    low, high = sorted((a, b))
    assert f.profit_at(inputs, low) <= f.profit_at(inputs, high)


@given(scenarios(profitable_unit=True))
def test_break_even_really_yields_zero_profit(inputs):
    exact = f.break_even_exact(inputs)
    assert exact is not None
    scale = max(1.0, inputs.fixed_costs)
    assert abs(f.profit_at(inputs, exact)) <= 1e-9 * scale
    whole = f.evaluate(inputs).break_even_customers
    assert f.profit_at(inputs, whole) >= -1e-9 * scale
    if whole >= 1:
        assert f.profit_at(inputs, whole - 1) < 1e-9 * scale


@given(scenarios())
def test_results_are_consistent_for_any_valid_scenario(inputs):
    result = f.evaluate(inputs)
    assert result.customers == math.floor(round(inputs.people_with_problem * inputs.reach_percent / 100, 6))
    noise = 1e-9 * max(1, result.revenue, result.total_cost)
    assert result.profit == pytest.approx(result.revenue - result.total_cost, abs=noise)
    assert result.verdict in f.VERDICTS and result.reason
    if result.margin is not None:
        assert result.margin <= 1
    if result.verdict != "not feasible":
        assert result.profit >= 0
    assert (result.verdict == "break-even") == (result.profit == 0 and result.verdict != "not feasible")
    if result.verdict in ("marginal", "feasible"):
        assert (result.verdict == "marginal") == (result.margin < f.THIN_MARGIN)
    assert all(math.isfinite(v) for v in (result.revenue, result.total_cost, result.profit))


@given(scenarios(), st.floats(0, f.MAX_SWING_PERCENT))
def test_sensitivity_is_symmetric_around_todays_profit(inputs, swing):
    points = f.sensitivity(inputs, swing)
    assert len(points) == 9
    middle = points[len(points) // 2]
    assert middle.change_percent == 0 and middle.profit == pytest.approx(f.evaluate(inputs).profit)
    assert not middle.above_willingness
    buying = [p for p in points if not p.above_willingness]
    profits = [p.profit for p in buying]
    assert profits == sorted(profits)  # a higher price never lowers profit at fixed customers...
    assert all(p.price <= inputs.willingness_to_pay * (1 + 1e-9) for p in buying)
    for point in points:  # ...until it passes the willingness to pay, where nobody buys
        if point.above_willingness:
            assert point.price > inputs.willingness_to_pay
            assert point.profit == pytest.approx(-inputs.fixed_costs, abs=1e-9 * max(1, inputs.fixed_costs))


@pytest.mark.parametrize("swing", [-5, 95, "lots", float("nan")])
def test_sensitivity_rejects_bad_swings(swing):
    with pytest.raises(ValueError, match="Price swing"):
        f.sensitivity(f.calculate().inputs, swing)


def test_summary_and_html_agree():
    result = f.calculate()
    assert "Break-even: 182 customers" in result.summary()
    assert "Verdict: feasible" in result._repr_html_()
    assert "inputs" not in result.as_dict()


def test_plot_profit_marks_break_even_and_the_current_point():
    fig = Figure()
    ax = fig.subplots()
    chart.plot_profit(ax, f.calculate())
    labels = [text.get_text() for text in ax.get_legend().get_texts()]
    assert labels == ["Profit", "Break-even: 182", "You: 250 customers"]
    marker = ax.lines[-1]
    assert list(marker.get_xdata()) == [250] and list(marker.get_ydata()) == [750]


def test_plot_profit_shades_beyond_the_market():
    fig = Figure()
    ax = fig.subplots()
    chart.plot_profit(ax, f.calculate(people_with_problem=100, reach_percent=100))
    assert any("Beyond the 100 people" in t.get_text() for t in ax.get_legend().get_texts())


def test_plot_sensitivity_colours_losses_red():
    fig = Figure()
    ax = fig.subplots()
    chart.plot_sensitivity(ax, f.sensitivity(f.calculate(reach_percent=4, willingness_to_pay=30).inputs, 50))
    colours = [colour for _, _, colour in chart_reading.bars(ax)]
    assert len(colours) == 9 and colours[0] != colours[-1]
    assert ax.get_title() == "Profit if the price moves \u00b150%"
    assert ax.get_legend() is None  # every price is within the willingness to pay


def test_plot_sensitivity_greys_out_prices_above_willingness_to_pay():
    fig = Figure()
    ax = fig.subplots()
    points = f.sensitivity(f.calculate(willingness_to_pay=16, price=15).inputs, 20)  # +10% is 16.5
    chart.plot_sensitivity(ax, points)
    greys = [colour == chart.NOBODY_BUYS_COLOUR for _, _, colour in chart_reading.bars(ax)]
    assert greys == [False] * 6 + [True] * 3
    assert chart_reading.bar_heights(ax)[-1] == -2000
    assert [t.get_text() for t in ax.get_legend().get_texts()] == [chart.NOBODY_BUYS]
    text = chart.describe_charts((f.calculate(willingness_to_pay=16, price=15), tuple(points)))
    assert "Prices from +10% are above the willingness to pay of 16, so nobody buys." in text


def test_alt_text_is_written_from_the_numbers():
    result = f.calculate()
    text = chart.describe_charts((result, tuple(f.sensitivity(result.inputs, 20))))
    assert "crosses zero at 182 customers" in text and "makes 750" in text


# ---- break-even and the price you charge (issue 12) -----------------------------------------


def test_exactly_breaking_even_has_its_own_verdict():
    result = f.calculate(price=12)  # 250 clubs x (12 - 4) = 2,000: the fixed costs, no more
    assert result.profit == 0 and result.verdict == "break-even"
    assert "0.0%" not in result.reason and "no profit and no loss" in result.reason
    assert "Verdict: break-even" in result.summary()


def test_a_thin_margin_names_the_ten_percent_threshold():
    result = f.calculate(price=10, variable_cost=5, fixed_costs=1150, people_with_problem=250, reach_percent=100)
    assert result.verdict == "marginal" and "below 10%" in result.reason


def test_price_and_willingness_to_pay_are_separate_inputs():
    result = f.calculate(willingness_to_pay=18, price=15)
    assert (result.inputs.willingness_to_pay, result.inputs.price) == (18, 15)
    assert result.revenue == 250 * 15  # customers pay the price you charge, not what they would pay at most


def test_a_price_above_willingness_to_pay_sells_nothing_and_says_why():
    result = f.calculate(willingness_to_pay=18, price=20)
    assert result.verdict == "not feasible" and "nobody buys" in result.reason
    assert (result.customers, result.revenue, result.profit) == (0, 0, -2000)
    assert ("Break-even", "never (nobody buys at this price)") in result.rows()
    assert f.price_warning(result.inputs).startswith("Price you charge: 20 is above the willingness to pay (18).")
    at_ceiling = f.calculate(willingness_to_pay=18, price=18)
    assert at_ceiling.verdict == "feasible" and f.price_warning(at_ceiling.inputs) is None


@given(st.floats(1, 1000), st.floats(0.01, 1000))
def test_above_willingness_to_pay_the_verdict_is_never_better_than_not_feasible(willing, extra):
    result = f.calculate(willingness_to_pay=willing, price=willing + extra)
    assert result.verdict == "not feasible" and result.customers == 0
    assert result.profit == -result.inputs.fixed_costs


def test_the_price_swing_sells_to_todays_customers_below_willingness_to_pay():
    above = f.parse_inputs({"willingness_to_pay": 18, "price": 20, "variable_cost": 4, "fixed_costs": 2000,
                            "people_with_problem": 5000, "reach_percent": 5})
    points = {round(p.change_percent): p for p in f.sensitivity(above, 20)}
    assert points[0].above_willingness and points[0].profit == -2000
    assert not points[-20].above_willingness and points[-20].profit == 250 * (16 - 4) - 2000


