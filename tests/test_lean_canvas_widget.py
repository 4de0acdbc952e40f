"""Headless tests of the Lean Canvas builder widget."""

import copy

from hypothesis import given, settings
from hypothesis import strategies as st
from matplotlib.colors import to_hex

from exercises import lean_canvas as lc
from exercises.kit import data, render
from exercises.lean_canvas import chart
from view_checks import all_widgets, view_fixture

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


view = view_fixture(lc.build_lean_canvas)


def test_starts_with_the_example_checked_and_drawn(view):
    assert view.controls["problem"].value == lc.example("hiking-club")["problem"]
    assert "Boxes filled: 9 of 9; things to look at: 0." in view.outputs["check"].value
    canvas = view.outputs["canvas"].value
    assert canvas.startswith('<img class="pm-chart" src="data:image/png;base64,')
    assert 'alt="Lean Canvas with 9 of 9 boxes filled.' in canvas


def test_every_box_is_a_labelled_textarea(view):
    for key in lc.BOX_KEYS:
        assert view.controls[key].description == lc.canvas_data().boxes[key].label


def test_emptying_revenue_flags_costs_without_revenue_and_redraws(view):
    before = view.outputs["canvas"].value
    view.controls["revenue_streams"].value = ""
    assert "lists costs but no revenue" in view.outputs["check"].value
    assert view.outputs["canvas"].value != before
    assert "Revenue streams: empty." in view.outputs["canvas"].value


def test_loading_a_blank_canvas_clears_every_box(view):
    view.controls["start"].value = ""
    view.controls["load"].click()
    assert all(view.controls[key].value == "" for key in lc.BOX_KEYS)
    assert "Boxes filled: 0 of 9" in view.outputs["check"].value


def test_loading_the_flawed_example_shows_its_problems():
    view = lc.build_lean_canvas(start_with=None)
    view.controls["start"].value = "order-events"
    view.controls["load"].click()
    assert "never named in the Problem box" in view.outputs["check"].value


def test_numbers_from_the_canvas_open_the_calculator_with_them(view):
    view.controls["try_numbers"].click()
    (calculator,) = view.outputs["calculator"].children
    assert "Price you charge: 15" in view.outputs["numbers"].value
    assert "Willingness to pay: 18 (from \u201cwould pay up to 18\u201d)" in view.outputs["numbers"].value
    assert "People with the problem" in view.outputs["numbers"].value  # left at the calculator's default
    texts = [w.value for w in all_widgets(calculator) if w.__class__.__name__ == "Text"]
    assert "15" in texts and "4" in texts and "2000" in texts and "18" in texts


def test_no_numbers_means_a_hint_and_no_calculator(view):
    view.controls["revenue_streams"].value = "Sponsorship"
    view.controls["cost_structure"].value = "Time"
    view.controls["try_numbers"].click()
    assert "Nothing to try yet" in view.outputs["numbers"].value
    assert view.outputs["calculator"].children == ()


def test_markup_and_huge_text_are_escaped_and_reported(view):
    view.controls["problem"].value = "<script>alert(1)</script>" * 4_000
    check, canvas = view.outputs["check"].value, view.outputs["canvas"].value
    assert "<script" not in check and "<script" not in canvas
    assert "Problem (too long)" in check


def test_save_my_work_writes_json_markdown_and_png(view, save_view, work_folder):
    view.controls["problem"].value = "Treasurers <b>chase</b> members for money."
    record = save_view(view)
    assert "Saved to the my-work folder" in view.outputs["status"].value
    folder = work_folder
    assert record["exercise_id"] == "lean-canvas" and record["results"]["filled"] == 9
    assert record["inputs"]["problem"] == "Treasurers <b>chase</b> members for money."
    (markdown,) = folder.glob("*.md")
    assert "&lt;b&gt;chase&lt;/b&gt;" in markdown.read_text() and "### Unfair advantage" in markdown.read_text()
    (png,) = folder.glob("*-canvas.png")
    assert png.read_bytes().startswith(PNG_SIGNATURE)


_SHARED_VIEW = lc.build_lean_canvas()


@settings(max_examples=25)
@given(st.sampled_from(lc.BOX_KEYS), st.text(max_size=300).map(lambda s: s + " <img src=x onerror=alert(1)>"))
def test_any_text_in_any_box_updates_the_check_and_the_image_safely(key, text):
    _SHARED_VIEW.controls[key].value = text
    assert "Boxes filled:" in _SHARED_VIEW.outputs["check"].value
    assert "<img src=x" not in _SHARED_VIEW.outputs["check"].value
    assert _SHARED_VIEW.outputs["canvas"].value.count("<img ") == 1


def _shown_on_canvas(view) -> dict[str, tuple[str, str, str]]:
    """What the live canvas shows for each box: title, text and frame colour."""
    drawing = view.charts["canvas"].drawing
    return {key: (drawing.titles[key].get_text(), drawing.texts[key].get_text(),
                  to_hex(drawing.frames[key].get_edgecolor())) for key in lc.BOX_KEYS}


def _expected_on_canvas(check) -> dict[str, tuple[str, str, str]]:
    return {key: (check.data.label(key), chart.box_body(key, check.boxes[key]),
                  "#b36b00" if chart.flagged(check, key) else "#444444") for key in lc.BOX_KEYS}


BOX_TEXTS = st.one_of(
    st.sampled_from(["", "3 per month", "Fixed: 2000. Variable: 4 per club.", "Kafka topics", "word " * 80,
                     "<b>bold</b> $15 and $20", "Hiking clubs; wedding planners"]),
    st.text(max_size=200),
)
_CHART_VIEW = lc.build_lean_canvas()


@settings(max_examples=60)
@given(st.lists(st.one_of(st.tuples(st.sampled_from(lc.BOX_KEYS), BOX_TEXTS),
                          st.tuples(st.just("load"), st.sampled_from(["hiking-club", "order-events", ""]))),
                min_size=1, max_size=6))
def test_the_canvas_always_shows_the_current_boxes(changes):
    view = _CHART_VIEW
    for control, value in changes:
        if control == "load":
            view.controls["start"].value = value
            view.controls["load"].click()
        else:
            view.controls[control].value = value
    check = lc.check_canvas({key: view.controls[key].value for key in lc.BOX_KEYS})
    assert _shown_on_canvas(view) == _expected_on_canvas(check)
    assert f'alt="{render.escape(chart.describe_canvas(check))}"' in view.outputs["canvas"].value


def test_loading_an_example_checks_and_draws_once(view):
    panel = view.charts["canvas"]
    before = panel.redraws
    view.controls["start"].value = "order-events"
    view.controls["load"].click()
    assert panel.redraws == before + 1
    assert "never named in the Problem box" in view.outputs["check"].value


def test_trying_new_numbers_updates_the_open_calculator_once(view):
    view.controls["try_numbers"].click()
    calculator_chart = view.charts["calculator"]
    before = calculator_chart.redraws
    view.controls["revenue_streams"].value = "Subscription: 20 per month per club."
    view.controls["try_numbers"].click()
    (calculator,) = view.outputs["calculator"].children
    texts = [w.value for w in all_widgets(calculator) if w.__class__.__name__ == "Text"]
    assert "20" in texts and "4" in texts and "2000" in texts
    assert calculator_chart.redraws == before + 1


def test_a_canvas_built_from_custom_data_shows_that_data():
    raw = copy.deepcopy(data.load(lc.DATA_FILE))
    raw["boxes"]["problem"]["label"] = "Pain points"
    raw["examples"][0]["boxes"]["problem"] = "Treasurers chase money."
    view = lc.build_lean_canvas(data=lc.parse_canvas_data(raw))
    assert view.controls["problem"].description == "Pain points"
    assert view.controls["problem"].value == "Treasurers chase money."
    assert view.charts["canvas"].drawing.titles["problem"].get_text() == "Pain points"
    assert "Pain points: Treasurers chase money." in view.outputs["canvas"].value


def test_negative_numbers_are_refused_by_the_calculator_button(view):
    view.controls["cost_structure"].value = "fixed: -5. 4 per club."
    view.controls["try_numbers"].click()
    shown = view.outputs["numbers"].value
    assert "Fixed costs: -5" in shown and "below zero" in shown and 'role="alert"' in shown
    assert view.outputs["calculator"].children == ()
    view.controls["cost_structure"].value = "fixed: 5. 4 per club."
    view.controls["try_numbers"].click()
    assert len(view.outputs["calculator"].children) == 1


def test_the_calculator_starts_willingness_to_pay_at_the_canvas_price_and_has_no_save_panel(view):
    view.controls["revenue_streams"].value = "Subscription: 25 per month per club."
    view.controls["try_numbers"].click()
    assert "willingness to pay starts at your price, 25" in view.outputs["numbers"].value
    (calculator,) = view.outputs["calculator"].children
    assert _text_box(calculator, "Willingness to pay").value == "25"
    assert _text_box(calculator, "Price you charge").value == "25"
    assert "Verdict: feasible" in "".join(w.value for w in all_widgets(calculator) if w.__class__.__name__ == "HTML")
    saves = [w for w in all_widgets(view.root) if w.__class__.__name__ == "Button" and w.description == "Save my work"]
    assert len(saves) == 1  # the canvas's own; the calculator is part of this exercise


def _text_box(root, label):
    (box,) = [w for w in all_widgets(root) if w.__class__.__name__ == "Text" and w.description == label]
    return box


def test_the_save_keeps_what_the_open_calculator_shows(view, save_view, work_folder):
    view.controls["unfair_advantage"].value = "Our founder runs the biggest club."  # the example alone is refused
    assert save_view(view)["results"]["calculator"] is None  # not opened yet
    view.controls["try_numbers"].click()
    (calculator,) = view.outputs["calculator"].children
    _text_box(calculator, "Reach and convert (%)").value = "3"
    saved = save_view(view)["results"]["calculator"]
    assert saved["inputs"]["reach_percent"] == 3 and saved["verdict"] == "not feasible"
    _text_box(calculator, "Price you charge").value = "99"
    above = save_view(view)["results"]["calculator"]
    assert above["verdict"] == "not feasible" and "nobody buys" in above["reason"]
