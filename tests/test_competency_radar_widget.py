"""Headless tests of the competency radar: tick, slide and type as a learner would, read what it shows."""

import ipywidgets as widgets

from exercises import competency_radar as r
from view_checks import assert_problem_shown, redrawn_after, view_fixture

radar = view_fixture(r.build_radar)


def test_starts_with_a_chart_and_a_plan(radar):
    assert radar.outputs["message"].value == ""
    chart = radar.outputs["chart"].value
    assert chart.startswith('<img class="pm-chart" src="data:image/png;base64,')
    assert "typical profile of Software development" in chart
    assert "1. Product innovation: you 3, typical 2" in radar.outputs["plan"].value


def test_moving_a_slider_changes_the_plan_and_the_chart(radar):
    shown = redrawn_after(radar, rating_analytics=1)
    assert "1. Analytics: you 1, typical 3" in shown["plan"]
    assert "Analytics: you 1, typical 3" in shown["chart"]


def test_ticking_a_second_background_averages_the_profiles(radar):
    radar.controls["background_qa"].value = True
    assert "Software development + Quality assurance" in radar.outputs["plan"].value
    # Typical innovation, UX and relationships are all 2.5 now; the list order puts innovation and UX first.
    assert "1. Product innovation: you 3, typical 2.5" in radar.outputs["plan"].value
    assert "2. User experience: you 3, typical 2.5" in radar.outputs["plan"].value
    assert "Development execution: you 3, typical 4" in radar.outputs["chart"].value


def test_no_background_shows_a_message_and_hides_the_chart(radar):
    radar.controls["background_development"].value = False
    assert_problem_shown(radar, "Choose at least one background", hidden=("plan", "appear once every choice is valid"))
    radar.controls["background_ux_design"].value = True
    assert radar.outputs["message"].value == ""
    assert "typical profile of User experience design" in radar.outputs["chart"].value


def test_sliders_cannot_leave_the_scale(radar):
    slider = radar.controls["rating_user_experience"]
    slider.value = 9  # ipywidgets clamps; the pure function reports off-scale values from other callers
    assert slider.value == 5 and radar.outputs["message"].value == ""


def test_a_note_is_escaped_and_does_not_redraw_the_chart(radar):
    chart = radar.outputs["chart"].value
    radar.controls["note"].value = "<script>alert(1)</script> <b>me</b>"
    plan = radar.outputs["plan"].value
    assert "<script>" not in plan and "<b>me</b>" not in plan and "&lt;script&gt;" in plan
    assert radar.outputs["chart"].value == chart


def test_an_overlong_note_is_reported(radar):
    radar.controls["note"].value = "x" * 5000
    assert "too long" in radar.outputs["message"].value


def test_every_control_has_a_visible_label(radar):
    for name, control in radar.controls.items():
        if isinstance(control, widgets.Button):
            assert control.description, name
        else:
            assert control.description.strip(), name
            assert control.style.description_width != "0px", name


def test_save_my_work_writes_inputs_results_plan_and_the_chart(radar, save_view, work_folder):
    radar.controls["background_sales"].value = True
    radar.controls["rating_analytics"].value = 1
    radar.controls["note"].value = "Ask <Kim> | *soon*"
    record = save_view(radar, name="Ada")
    assert "Saved to the my-work folder" in radar.outputs["status"].value
    assert record["exercise_id"] == "competency-radar"
    assert record["inputs"]["backgrounds"] == ["sales", "development"]
    assert record["inputs"]["ratings"]["analytics"] == 1 and record["inputs"]["note"] == "Ask <Kim> | *soon*"
    assert record["results"]["weakest_two"][0] == "analytics"
    assert record["results"]["gaps"]["analytics"] == 2.0
    (markdown,) = work_folder.glob("*.md")
    assert "## My growth plan" in markdown.read_text() and "Ask &lt;Kim&gt; \\| \\*soon\\*" in markdown.read_text()
    (png,) = work_folder.glob("*-radar.png")
    assert png.read_bytes().startswith(b"\x89PNG")


def test_save_refuses_without_a_background(radar, refused_save, work_folder):
    radar.controls["background_development"].value = False
    refused_save(radar, "Not saved. Fix your choices first.")
    assert not work_folder.exists()


def test_starting_values_can_be_given():
    view = r.build_radar(["ux_design"], {"customer_relationships": 1}, note="hello")
    assert view.controls["background_ux_design"].value and not view.controls["background_development"].value
    assert "1. Customer and client relationship management: you 1" in view.outputs["plan"].value
