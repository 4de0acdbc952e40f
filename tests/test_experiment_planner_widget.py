"""Headless tests of the experiment planner: set values as a learner would, read what it shows."""

from hypothesis import given, settings
from hypothesis import strategies as st

from exercises import experiment_planner as ep
from exercises.experiment_planner import chart
from view_checks import redrawn_after, shown_after, view_fixture

planner = view_fixture(ep.build_planner)


def test_starts_with_the_chapter_example(planner):
    shown = planner.outputs["results"].value
    assert "<td style=\"text-align:right;padding:2px 0;\">3,841</td>" in shown
    assert "10% to 12% (+20% relative)" in shown
    assert "at least one full week" in shown
    assert 'alt="Left chart: users needed per group fall from' in planner.outputs["chart"].value
    assert "your effect of 2 points needs 3,841 per group, 4 days of traffic" in planner.outputs["chart"].value


def test_a_smaller_effect_needs_more_users_and_redraws(planner):
    shown = redrawn_after(planner, effect_points="1")
    assert "14,751" in shown["results"]


def test_less_traffic_in_the_test_takes_longer(planner):
    results = shown_after(planner, share_percent="10")["results"]
    assert "Visitors in the test per day" in results
    assert ">39<" in results  # 7,682 users at 200 a day
    assert "42 days (6 full weeks)" in results


def test_peeking_every_day_shows_the_real_false_winner_rate(planner):
    shown = shown_after(planner, look_plan="daily")
    assert "16.6% (not 5%)" in shown["results"] and 'role="status"' in shown["results"]
    assert "your 7 looks give 16.6%" in shown["chart"]


def test_significance_and_power_choices_change_the_sample(planner):
    planner.controls["alpha"].value = 0.01
    planner.controls["power"].value = 0.9
    assert f"{ep.sample_size_per_group(0.1, 0.02, 0.01, 0.9):,}" in planner.outputs["results"].value


def test_markup_typed_into_a_box_is_shown_as_text(planner):
    planner.controls["daily_visitors"].value = "<b>lots</b>"
    assert "<b>" not in planner.outputs["message"].value and "&lt;b&gt;" in planner.outputs["message"].value


def test_recovers_after_bad_input(planner):
    planner.controls["effect_points"].value = "oops"
    planner.controls["effect_points"].value = "2"
    assert planner.outputs["message"].value == "" and "3,841" in planner.outputs["results"].value


def test_save_records_the_plan(planner, save_view):
    planner.controls["look_plan"].value = "weekly"
    record = save_view(planner, name="Grace")
    assert record["exercise_id"] == "experiment-planner"
    assert record["inputs"]["baseline_rate"] == 0.1 and record["inputs"]["look_plan"] == "weekly"
    assert record["results"]["users_per_group"] == 3841 and record["results"]["looks"] == 1


def test_save_refuses_an_invalid_plan(planner, refused_save):
    planner.controls["baseline_percent"].value = "-3"
    refused_save(planner, "Not saved. Fix the inputs first.")


def _shown(view) -> dict:
    left, right = view.charts["chart"].figure.axes
    curve, marker = left.lines
    peek, _limit, you = right.lines
    return {
        "curve": (list(curve.get_xdata()), list(curve.get_ydata())),
        "marker": (list(marker.get_xdata()), list(marker.get_ydata())),
        "peeking": list(peek.get_ydata()),
        "you": (list(you.get_xdata()), list(you.get_ydata())),
        "labels": [t.get_text() for t in left.texts + right.texts],
    }


CHANGED = ["baseline_percent", "effect_points", "daily_visitors", "alpha", "look_plan"]


@settings(max_examples=40)
@given(st.lists(st.tuples(st.sampled_from(CHANGED), st.integers(0, 9)), min_size=1, max_size=6))
def test_the_charts_always_show_the_current_plan(changes):
    view = ep.build_planner()
    for control, step in changes:
        value = {
            "baseline_percent": str(2 + step * 4), "effect_points": str(0.5 + step / 2),
            "daily_visitors": str(300 + step * 700), "alpha": [0.01, 0.05, 0.1][step % 3],
            "look_plan": ["end", "weekly", "daily"][step % 3],
        }[control]
        view.controls[control].value = value
    raw = {name: view.controls[name].value for name in ep.FIELDS}
    inputs = ep.parse_plan(raw | {name: view.controls[name].value for name in ("alpha", "power", "look_plan")})
    plan, curve = ep.plan_experiment(inputs), ep.effect_curve(inputs)
    shown = _shown(view)
    assert shown["curve"] == ([p.effect for p in curve], [p.users_per_group for p in curve])
    assert shown["marker"] == ([inputs.effect], [plan.users_per_group])
    assert shown["peeking"] == [100 * c for c in ep.false_winner_curve(inputs.alpha)]
    assert shown["you"] == ([min(plan.looks, ep.MAX_LOOKS)], [100 * plan.false_winner])
    assert f"You: {plan.users_per_group:,} per group,\n{plan.days_to_sample:,} days of traffic" in shown["labels"]
    assert view.outputs["chart"].value.endswith(f'alt="{chart.describe_charts((plan, curve))}" '
                                                'style="max-width:100%;height:auto;" width="800">')
