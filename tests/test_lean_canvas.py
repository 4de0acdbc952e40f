"""The Lean Canvas builder's pure logic, drawing and data file."""

import base64
import copy
import io
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from PIL import Image

from data_edits import changed
from exercises import feasibility
from exercises import lean_canvas as lc
from exercises.kit import data
from exercises.lean_canvas import chart

HIKING = lc.example("hiking-club")
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


def _numbers(revenue="", costs=""):
    return lc.extract_numbers({"revenue_streams": revenue, "cost_structure": costs})


@pytest.mark.parametrize(
    ("revenue", "price"),
    [
        ("15 per month", 15), ("Subscription: 15 per month per club", 15), ("$1,200/month per team", 1200),
        ("Price: \u20ac9.50", 9.5), ("priced at 2k a year", 2000), ("We charge 30 EUR each month", 30),
        ("Advertising, sponsorship", None), ("No new price: keeps Northwind (180,000 yearly)", None),
        ("Free plan for one trip a year", None), ("", None),
    ],
)
def test_price_is_read_from_revenue_streams(revenue, price):
    assert _numbers(revenue=revenue).price == price


@pytest.mark.parametrize(
    ("costs", "variable", "fixed"),
    [
        ("Fixed: 2000 per month. Variable: 4 per club per month.", 4, 2000),
        ("fixed costs of 2,000; 4 per customer", 4, 2000),
        ("2k fixed, cost to serve about 3.5", 3.5, 2000),
        ("Hosting 300 a month", None, None),
        ("Three engineer-weeks", None, None),
    ],
)
def test_costs_are_read_from_cost_structure(costs, variable, fixed):
    numbers = _numbers(costs=costs)
    assert (numbers.variable_cost, numbers.fixed_costs) == (variable, fixed)


def test_found_numbers_seed_only_the_calculators_matching_inputs():
    numbers = lc.extract_numbers(HIKING)
    assert numbers.calculator_values() == {"willingness_to_pay": 18, "price": 15, "variable_cost": 4,
                                           "fixed_costs": 2000}
    assert "Price you charge: 15 (from \u201cSubscription: 15\u201d)" in numbers.summary()
    assert lc.extract_numbers({}).calculator_values() == {}
    assert "No numbers found" in lc.extract_numbers({})._repr_html_()
    assert "<script" not in lc.extract_numbers({"revenue_streams": "<script>price: 5"})._repr_html_()


def test_the_hiking_club_example_is_complete_and_consistent():
    check = lc.check_canvas(HIKING)
    assert check.issues == () and check.complete and check.filled == 9


def test_the_flawed_example_shows_what_the_check_catches():
    check = lc.check_canvas(lc.example("order-events"))
    found = {(i.box, i.severity) for i in check.issues}
    assert ("revenue_streams", "inconsistent") in found  # costs without revenue
    assert ("channels", "missing") in found
    assert ("unique_value_proposition", "too long") in found
    assert ("customer_segments", "inconsistent") in found
    assert not check.complete


def _with(**boxes):
    return HIKING | boxes


def test_costs_without_revenue_and_revenue_without_costs():
    assert "lists costs but no revenue" in lc.check_canvas(_with(revenue_streams="")).summary()
    assert "lists revenue but no costs" in lc.check_canvas(_with(cost_structure="")).summary()


def test_a_segment_never_named_in_the_problem_is_reported():
    check = lc.check_canvas(_with(customer_segments="Hiking clubs; wedding planners"))
    messages = [i.message for i in check.issues if i.box == "customer_segments"]
    assert len(messages) == 1 and "wedding planners" in messages[0]


def test_segments_match_plurals_and_ignore_filler_words():
    assert lc.unnamed_segments("Early adopters: treasurer", "Treasurers chase money.") == []
    assert lc.unnamed_segments("Early adopters", "Treasurers chase money.", frozenset({"early", "adopters"})) == []


def test_boxes_over_their_limit_and_empty_boxes():
    check = lc.check_canvas(_with(unique_value_proposition="word " * 26, channels=""))
    kinds = {(i.box, i.severity) for i in check.issues}
    assert ("unique_value_proposition", "too long") in kinds and ("channels", "missing") in kinds
    blank = lc.check_canvas({})
    assert blank.filled == 0 and sum(i.severity == "missing" for i in blank.issues) == 8
    assert any(i.box == "unfair_advantage" and i.severity == "tip" for i in blank.issues)


def test_price_at_or_below_the_cost_to_serve_is_inconsistent():
    check = lc.check_canvas(_with(revenue_streams="3 per month"))
    assert any("does not exceed the cost to serve" in i.message for i in check.issues)


def test_tips_for_jargon_in_the_uvp_and_a_generic_advantage():
    check = lc.check_canvas(_with(unique_value_proposition="Kafka topics for everyone",
                                  unfair_advantage="Better quality"))
    tips = {i.box for i in check.issues if i.severity == "tip"}
    assert {"unique_value_proposition", "unfair_advantage"} <= tips


def test_unknown_boxes_are_refused():
    with pytest.raises(ValueError, match="Unknown box"):
        lc.check_canvas({"vision": "x"})


@given(st.dictionaries(st.sampled_from(lc.BOX_KEYS), st.text(max_size=300)))
def test_any_text_in_any_box_is_checked_without_crashing(boxes):
    check = lc.check_canvas(boxes)
    assert 0 <= check.filled <= 9 and isinstance(check.summary(), str)
    assert "<script" not in check._repr_html_().lower()
    assert "<script" not in lc.canvas_markdown(check).lower()


def test_a_100_kb_box_is_reported_too_long_and_still_drawn():
    huge = "<script>alert(1)</script> " * 4_000
    check = lc.check_canvas(_with(problem=huge))
    assert any(i.box == "problem" and i.severity == "too long" for i in check.issues)
    assert "<script" not in check._repr_html_()
    assert chart.canvas_png(check).startswith(PNG_SIGNATURE)
    assert len(chart.describe_canvas(check)) < 2_000


@given(st.text(max_size=3_000), st.integers(5, 80), st.integers(1, 40))
def test_fit_text_respects_width_and_line_limits(text, width, lines):
    fitted = chart.fit_text(text, width, lines)
    rows = fitted.split("\n")
    assert len(rows) <= lines
    assert all(len(row) <= width for row in rows)


def test_fit_text_marks_a_cut_with_an_ellipsis():
    assert chart.fit_text("one two three four five six", 9, 2).endswith("\u2026")
    assert chart.fit_text("short", 20, 3) == "short"


@settings(max_examples=15)
@given(st.text(max_size=200))
def test_any_text_draws_to_a_png(text):
    check = lc.check_canvas(_with(problem=text, solution=f"${text}$"))
    assert chart.canvas_png(check, dpi=30).startswith(PNG_SIGNATURE)


def test_the_live_image_matches_the_canvas_size_and_alt_text_names_the_boxes():
    check = lc.check_canvas(_with(channels=""))
    shown = chart.chart_panel().html(check)
    png = base64.b64decode(re.search(r'src="data:image/png;base64,([^"]+)"', shown).group(1))
    assert Image.open(io.BytesIO(png)).size == (800, 560)
    alt = chart.describe_canvas(check)
    assert alt.startswith("Lean Canvas with 8 of 9 boxes filled.")
    assert "Channels: empty." in alt and "Marked for attention: Channels." in alt


def test_markdown_export_lists_every_box_and_escapes_text():
    check = lc.check_canvas(_with(problem="<b>Money</b> | *chasing*"))
    text = lc.canvas_markdown(check)
    assert text.count("### ") == 9 and "&lt;b&gt;Money&lt;/b&gt; \\| \\*chasing\\*" in text


SHIPPED = data.load(lc.DATA_FILE)


@pytest.mark.parametrize(
    ("broken", "message"),
    [
        (changed(SHIPPED, lambda d: d["boxes"].pop("channels")), "at /boxes: 'channels' is a required property"),
        (changed(SHIPPED, lambda d: d["boxes"]["problem"].update(max_words=0)),
         "at /boxes/problem/max_words: 0 is less than the minimum of 1"),
        (changed(SHIPPED, lambda d: d["boxes"]["problem"].update(max_chars=10)),
         "at /boxes/problem/max_chars: 10 is less than max_words (60); a word takes at least one character."),
        (changed(SHIPPED, lambda d: d["boxes"].update(vision={})),
         "at /boxes: Additional properties are not allowed ('vision' was unexpected)"),
        (changed(SHIPPED, lambda d: d["examples"][0]["boxes"].update(vision="x")),
         "at /examples/0/boxes: 'vision' is not one of ['problem', "),
        (changed(SHIPPED, lambda d: d["examples"].append(d["examples"][0])),
         "at /examples/2/id: 'hiking-club' is the id of an earlier example."),
        (changed(SHIPPED, lambda d: d.update(examples=[])), "at /examples: [] should be non-empty"),
        (changed(SHIPPED, lambda d: d.pop("rules")), "at /: 'rules' is a required property"),
    ],
)
def test_bad_data_files_are_rejected_naming_the_file_and_the_path(broken, message):
    with pytest.raises(ValueError, match=re.escape(f"lean_canvas_example.json: {message}")):
        lc.parse_canvas_data(broken, source="lean_canvas_example.json")


def _custom_data():
    custom = copy.deepcopy(SHIPPED)
    custom["boxes"]["problem"]["label"] = "Pain points"
    custom["rules"]["customer_jargon"] = ["one tap"]
    return lc.parse_canvas_data(custom)


CUSTOM = _custom_data()
LONG_PROBLEM = HIKING | {"problem": "Treasurers chase money. " * 20}


@pytest.mark.parametrize("shown", [
    lambda check: check.summary(),
    lambda check: check._repr_html_(),
    chart.describe_canvas,
    lc.canvas_markdown,
], ids=["summary", "html", "alt text", "markdown"])
def test_a_check_built_from_custom_data_renders_with_that_data(shown):
    text = shown(lc.check_canvas(LONG_PROBLEM, CUSTOM))
    assert "Pain points" in text
    assert "Problem" not in text


def test_a_check_built_from_custom_data_is_drawn_with_that_data():
    panel = chart.chart_panel()
    panel.html(lc.check_canvas(LONG_PROBLEM, CUSTOM))
    assert panel.drawing.titles["problem"].get_text() == "Pain points"
    assert chart.canvas_png(lc.check_canvas(LONG_PROBLEM, CUSTOM)) != chart.canvas_png(lc.check_canvas(LONG_PROBLEM))


def test_a_check_uses_the_custom_datas_word_lists():
    tips = [i.message for i in lc.check_canvas(HIKING, CUSTOM).issues if i.box == "unique_value_proposition"]
    assert tips == ["Customers may not know: one tap. Say what they get, not how it works."]


def test_the_numbers_carry_the_calculators_labels():
    assert {name: feasibility.FIELDS[name].label for name in lc.NUMBER_LABELS} == lc.NUMBER_LABELS


def test_unknown_example_is_a_clear_error():
    with pytest.raises(ValueError, match="No example canvas"):
        lc.example("nope")


# ---- minus signs (issue 12: "fixed: -5" used to become fixed costs of 5) ---------------------


@pytest.mark.parametrize(
    ("box", "text", "name", "value"),
    [
        ("cost_structure", "fixed: -5", "fixed_costs", -5),
        ("cost_structure", "Fixed costs of \u22122,000 a month", "fixed_costs", -2000),
        ("cost_structure", "-5 per member", "variable_cost", -5),
        ("cost_structure", "Variable: -$4", "variable_cost", -4),
        ("revenue_streams", "-5 per member", "price", -5),
        ("revenue_streams", "Price: -15", "price", -15),
        ("cost_structure", "Fixed - 2000 per month", "fixed_costs", 2000),  # a spaced dash is not a minus
        ("revenue_streams", "5-10 per month", "price", 10),  # a range, not a negative number
    ],
)
def test_numbers_keep_their_sign(box, text, name, value):
    assert getattr(lc.extract_numbers({box: text}), name) == value


def test_a_negative_price_or_cost_is_reported_in_its_box_and_not_compared():
    check = lc.check_canvas(_with(revenue_streams="-5 per member", cost_structure="fixed: -5; 4 per club"))
    negative = [i for i in check.issues if "below zero" in i.message]
    assert {(i.box, i.severity) for i in negative} == {("revenue_streams", "inconsistent"),
                                                       ("cost_structure", "inconsistent")}
    assert any("\u201c-5 per member\u201d" in i.message for i in negative)
    assert not any("does not exceed the cost to serve" in i.message for i in check.issues)
    assert not check.complete


# ---- willingness to pay, a number apart from the price (issue 12) ------------------------------------


@pytest.mark.parametrize(
    ("revenue", "willingness", "price"),
    [
        ("Subscription: 15 per month per club. Clubs told us they would pay up to 18.", 18, 15),
        ("Clubs would pay up to 18 a month; we charge 15 per month.", 18, 15),  # the earlier amount is not the price
        ("Willingness to pay: about 20. Price: 12", 20, 12),
        ("Subscription: 15 per month", None, 15),
        ("Treasurers are willing to pay 9 each month", 9, None),
    ],
)
def test_willingness_to_pay_is_read_apart_from_the_price(revenue, willingness, price):
    numbers = _numbers(revenue=revenue)
    assert (numbers.willingness_to_pay, numbers.price) == (willingness, price)


def test_a_price_above_what_customers_would_pay_is_inconsistent():
    check = lc.check_canvas(_with(revenue_streams="Subscription: 20 per month. Clubs would pay up to 18."))
    (issue,) = [i for i in check.issues if "above" in i.message]
    assert issue.box == "revenue_streams" and issue.severity == "inconsistent"
    assert "price (20)" in issue.message and "(18)" in issue.message
