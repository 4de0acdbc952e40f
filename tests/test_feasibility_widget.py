"""Headless tests of the calculator widget: set values as a learner would, read what it shows."""


import pytest

from exercises import feasibility as f
from view_checks import assert_shows, redrawn_after, view_fixture

calc = view_fixture(f.build_calculator)


def test_starts_with_results_and_a_chart(calc):
    assert "Verdict: feasible" in calc.outputs["results"].value
    assert calc.outputs["chart"].value.startswith('<img class="pm-chart" src="data:image/png;base64,')
    assert 'alt="Left chart: profit rises' in calc.outputs["chart"].value
    assert calc.outputs["message"].value == ""


def test_typing_a_price_below_cost_updates_the_verdict_and_redraws(calc):
    shown = redrawn_after(calc, price="3")
    assert_shows(shown, results=("not feasible", "below the cost to serve one customer"), chart="never reaches zero")


def test_moving_a_slider_updates_the_text_and_the_result(calc):
    calc.controls["reach_percent_slider"].value = 10
    assert calc.controls["reach_percent"].value == "10"
    assert "<td style=\"text-align:right;padding:2px 0;\">500</td>" in calc.outputs["results"].value


def test_typed_values_beyond_the_slider_are_kept(calc):
    calc.controls["fixed_costs"].value = "1000000"
    assert calc.controls["fixed_costs_slider"].value == calc.controls["fixed_costs_slider"].max
    assert "1,000,000" not in calc.outputs["message"].value
    assert "you need" in calc.outputs["results"].value


def test_script_typed_into_a_box_is_shown_as_text(calc):
    calc.controls["price"].value = "<script>alert(1)</script>"
    shown = calc.outputs["message"].value
    assert "<script>" not in shown and "&lt;script&gt;" in shown


def test_recovers_after_bad_input(calc):
    calc.controls["price"].value = "oops"
    calc.controls["price"].value = "15"
    assert calc.outputs["message"].value == "" and "Verdict: feasible" in calc.outputs["results"].value


def test_swing_changes_the_sensitivity_chart(calc):
    calc.controls["swing"].value = 50
    assert "at -50% price" in calc.outputs["chart"].value


def test_save_my_work_writes_the_documented_record(calc, save_view, work_folder):
    calc.controls["willingness_to_pay"].value = "25"
    calc.controls["price"].value = "20"
    record = save_view(calc, name="Ada <b>L</b>")
    status = calc.outputs["status"].value
    assert "Saved to the my-work folder" in status and "<b>" not in status
    assert len(list(work_folder.glob("*.json"))) == 1
    assert record["exercise_id"] == "feasibility" and record["learner_name"] == "Ada <b>L</b>"
    assert record["inputs"]["price"] == 20 and record["results"]["customers"] == 250
    assert record["inputs"]["willingness_to_pay"] == 25 and record["results"]["verdict"] == "feasible"
    assert len(record["results"]["sensitivity"]) == 9
    assert save_view(calc, name="Ada <b>L</b>") is not None
    assert len(list(work_folder.glob("*.json"))) == 2


def test_save_refuses_invalid_inputs_with_a_message(calc, refused_save, work_folder):
    calc.controls["price"].value = "free"
    refused_save(calc, "Not saved. Fix the inputs first.")
    assert not work_folder.exists()


def test_an_overlong_name_is_refused_not_truncated(calc, refused_save):
    refused_save(calc, "too long", name="x" * 500)


def test_a_slider_set_to_nan_from_code_shows_a_message_not_an_exception(calc):
    calc.controls["price_slider"].value = float("nan")
    assert "NaN (not a number) cannot be used" in calc.outputs["message"].value
    assert "Results are hidden" in calc.outputs["results"].value


def test_typing_the_break_even_price_says_break_even_not_marginal(calc):
    calc.controls["price"].value = "12"
    shown = calc.outputs["results"].value
    assert "Verdict: break-even" in shown and "marginal" not in shown and "pm-notice-warn" in shown
    assert "<td style=\"text-align:right;padding:2px 0;\">0</td>" in shown  # the profit


def test_a_price_above_willingness_to_pay_shows_a_message(calc):
    calc.controls["willingness_to_pay"].value = "14"  # the price stays at 15
    assert "Price you charge: 15 is above the willingness to pay (14)" in calc.outputs["message"].value
    assert "Verdict: not feasible" in calc.outputs["results"].value and "nobody buys" in calc.outputs["results"].value
    alt = calc.outputs["chart"].value
    assert "profit stays at -2,000 whatever the number of customers: nobody buys at this price" in alt
    assert "crosses zero" not in alt
    calc.controls["price"].value = "14"
    assert calc.outputs["message"].value == "" and "Verdict: feasible" in calc.outputs["results"].value


def test_an_embedded_calculator_has_no_save_panel_of_its_own():
    embedded = f.build_calculator(save=False, price=12)
    assert "save" not in embedded.controls and "status" not in embedded.outputs
    assert "Verdict: break-even" in embedded.outputs["results"].value
    with pytest.raises(TypeError, match="unknown inputs wtp"):
        f.build_calculator(wtp=12)
