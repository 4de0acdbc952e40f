import copy
import json
import math
import re

import pytest
from hypothesis import given
from hypothesis import strategies as st
from matplotlib.figure import Figure

from exercises import competency_radar as r
from exercises import registry
from exercises.competency_radar import chart
from exercises.kit import data, render
from exercises.kit.savework import make_record

CATALOGUE = r.origin_profiles()
IDS = CATALOGUE.ids
BACKGROUND_IDS = [b.id for b in CATALOGUE.backgrounds]
rating = st.integers(min_value=1, max_value=5)
all_ratings = st.fixed_dictionaries(dict.fromkeys(IDS, rating))
some_backgrounds = st.lists(st.sampled_from(BACKGROUND_IDS), min_size=1, max_size=len(BACKGROUND_IDS))


def ratings(**overrides):
    return dict.fromkeys(IDS, 3) | overrides


# ---- the data file -------------------------------------------------------------------------------


def test_the_six_competencies_in_the_essays_order():
    assert {c.id: c.label for c in CATALOGUE.competencies} == {
        "product_innovation": "Product innovation",
        "user_experience": "User experience",
        "development_execution": "Development execution",
        "analytics": "Analytics",
        "customer_research": "Customer research",
        "customer_relationships": "Customer and client relationship management",
    }
    assert IDS[0] == "product_innovation" and IDS[-1] == "customer_relationships"  # the essay's order


# What "Product Management: Origin Stories" lists for each background (checked by hand against essay 003).
ESSAY_003 = {
    "sales": (["customer_relationships"], ["development_execution"]),
    "content_analytics": (["analytics", "customer_research"], ["development_execution"]),
    "business_analysis": (["product_innovation", "analytics"], ["user_experience", "development_execution"]),
    "development": (["development_execution"], ["product_innovation", "user_experience"]),
    "ux_design": (["product_innovation", "user_experience"], ["customer_relationships"]),
    "qa": (["development_execution"], ["customer_relationships"]),
    "project_management": (["development_execution"], ["product_innovation", "user_experience"]),
}


@pytest.mark.parametrize("background_id", ESSAY_003)
def test_strengths_and_weaknesses_follow_the_essay(background_id):
    background = next(b for b in CATALOGUE.backgrounds if b.id == background_id)
    assert (list(background.strengths), list(background.weaknesses)) == ESSAY_003[background_id]
    assert background.advice and background.summary


def test_inferred_backgrounds_are_flagged_as_such():
    inferred = {b.id for b in CATALOGUE.backgrounds if b.inferred}
    assert inferred == {"content_analytics", "tech_support"}
    for background in CATALOGUE.backgrounds:
        assert ("inferred" in background.label.lower() or "memoir" in background.label.lower()) == background.inferred


def test_every_competency_has_general_steps_and_the_profiles_stay_on_the_scale():
    assert all(len(steps) >= 2 for steps in CATALOGUE.growth_steps)
    assert all(1 <= v <= 5 for b in CATALOGUE.backgrounds for v in b.profile)


def broken(mutate):
    raw = copy.deepcopy(data.load(r.DATA_FILE))
    mutate(raw)
    return raw


@pytest.mark.parametrize(
    ("mutate", "message"),
    [
        # Shape rules, checked by origin_profiles.schema.json: the message names the file and the path in it.
        (lambda d: d["competencies"].pop(),
         re.escape("origin_profiles.json: at /competencies: [{'id': 'product_innovation'") + ".* is too short"),
        (lambda d: d.update(scale={"min": 0, "max": 10}),
         re.escape("origin_profiles.json: at /scale: {'min': 1, 'max': 5} was expected")),
        (lambda d: d["backgrounds"][0]["profile"].update(analytics=6),
         re.escape("origin_profiles.json: at /backgrounds/0/profile/analytics: 6 is greater than the maximum of 5")),
        (lambda d: d["backgrounds"][0]["profile"].update(analytics=True),
         re.escape("origin_profiles.json: at /backgrounds/0/profile/analytics: True is not of type 'integer'")),
        (lambda d: d["backgrounds"][2].update(advice=[]),
         re.escape("origin_profiles.json: at /backgrounds/2/advice: [] should be non-empty")),
        (lambda d: d["backgrounds"][3].update(strengths=[]),
         re.escape("origin_profiles.json: at /backgrounds/3/strengths: [] should be non-empty")),
        (lambda d: d["backgrounds"][6].update(summary=""),
         re.escape("origin_profiles.json: at /backgrounds/6/summary: '' does not match '\\\\S'")),
        (lambda d: d["growth_steps"].update(analytics=[]),
         re.escape("origin_profiles.json: at /growth_steps/analytics: [] should be non-empty")),
        # Rules about the data itself, checked in code: the message names the entry too.
        (lambda d: d["backgrounds"][1]["profile"].pop("analytics"),
         "at /backgrounds/1/profile: Background 'content_analytics'.*exactly the six"),
        (lambda d: d["backgrounds"][3].update(weaknesses=["typing"]),
         "at /backgrounds/3/weaknesses/0: .*'typing' is not one of"),
        (lambda d: d["backgrounds"][4].update(weaknesses=["user_experience"]),
         "at /backgrounds/4: .*both a strength and a weakness"),
        (lambda d: d["backgrounds"][5]["profile"].update(customer_relationships=5),
         "at /backgrounds/5/profile: Background 'qa'.*rated above every weakness"),
        (lambda d: d["backgrounds"].append(d["backgrounds"][0]), "at /backgrounds: .*appear twice: sales"),
        (lambda d: d["competencies"][1].update(id="product_innovation"),
         "at /competencies: Competency ids must be unique; these appear twice: product_innovation"),
        (lambda d: d["growth_steps"].pop("analytics"), "at /growth_steps: 'growth_steps'.*exactly the six"),
        (lambda d: d["backgrounds"][0]["advice"].append({"competency": "luck", "text": "x"}),
         "at /backgrounds/0/advice/2/competency: .*known 'competency'"),
    ],
)
def test_a_broken_data_file_is_rejected_naming_the_entry(mutate, message):
    with pytest.raises(ValueError, match=message):
        r.parse_origin_profiles(broken(mutate))


def test_custom_data_is_named_as_its_caller_says():
    with pytest.raises(ValueError, match=re.escape("my_profiles.json: at /scale:")):
        r.parse_origin_profiles(broken(lambda d: d.update(scale=1)), source="my_profiles.json")


def test_the_shipped_file_passes_validation_and_is_json():
    assert r.parse_origin_profiles(data.load(r.DATA_FILE)) == CATALOGUE


# ---- the pure logic ------------------------------------------------------------------------------


def test_worked_example_a_developer_who_rates_everything_3():
    result = r.assess(["development"], ratings())
    assert tuple(row.typical for row in result.rated) == (2, 2, 4, 3, 3, 3)
    # All ratings tie at 3, so the lower typical scores (innovation and UX, both 2) win; then list order.
    assert result.weakest == ("product_innovation", "user_experience")
    assert result.gaps["development_execution"] == 1 and result.gaps["product_innovation"] == -1
    first = result.plan[0].steps[0]
    assert first.background == "Software development"
    assert "same rating (3)" in result.summary()


def test_lowest_rating_wins_before_any_tie_rule():
    result = r.assess(["development"], ratings(analytics=1, customer_research=2))
    assert result.weakest == ("analytics", "customer_research")


def test_ties_go_to_the_typically_weaker_competency_then_to_list_order():
    # Sales: typical 3, 3, 2, 3, 4, 4. All rated 2: execution (typical 2) first, then innovation (first in the list).
    assert r.assess(["sales"], dict.fromkeys(IDS, 2)).weakest == ("development_execution", "product_innovation")


def test_several_backgrounds_are_averaged_and_each_brings_its_advice():
    result = r.assess(["qa", "sales"], ratings(development_execution=1, customer_relationships=1))
    qa, sales = (next(b for b in CATALOGUE.backgrounds if b.id == i) for i in ("qa", "sales"))
    averages = tuple((a + b) / 2 for a, b in zip(qa.profile, sales.profile, strict=False))
    assert tuple(row.typical for row in result.rated) == averages
    assert [b.id for b in result.backgrounds] == ["sales", "qa"]  # catalogue order, whatever the click order
    labels = {step.background for item in result.plan for step in item.steps if step.background}
    assert labels == {"Sales and account management", "Quality assurance"}


def test_high_ratings_get_a_caution():
    assert "self-ratings tend to be generous" in r.assess(["qa"], dict.fromkeys(IDS, 5) | {"analytics": 4}).summary()


@pytest.mark.parametrize(
    ("chosen", "message"),
    [
        ([], "Choose at least one background"),
        (None, "Choose at least one background"),
        (["astronaut"], "Unknown background 'astronaut'"),
    ],
)
def test_bad_backgrounds_get_a_clear_message(chosen, message):
    with pytest.raises(ValueError, match=message):
        r.assess(chosen, ratings())


@pytest.mark.parametrize(
    ("value", "message"),
    [
        (0, "0 is off the scale"),
        (6, "6 is off the scale"),
        (-3, "off the scale"),
        (2.5, "whole number from 1 to 5, not 2.5"),
        ("lots", "is not a number"),
        ("", "no rating"),
        (float("nan"), "NaN"),
        (float("inf"), "infinity"),
        (True, "not a yes/no value"),
        (None, "no rating"),
    ],
)
def test_out_of_range_or_odd_ratings_get_a_clear_message(value, message):
    with pytest.raises(ValueError, match=message):
        r.assess(["development"], ratings(analytics=value))


def test_text_digits_are_accepted():
    assert r.assess(["development"], ratings(analytics="4")).rated[3].rating == 4


def test_missing_and_unknown_ratings_and_every_problem_at_once():
    bad = dict.fromkeys(IDS[1:], 3) | {"charisma": 5}
    with pytest.raises(ValueError) as caught:
        r.assess([], bad, "x" * 3000)
    text = str(caught.value)
    for expected in ("Choose at least one background", "Unknown competency 'charisma'",
                     "Product innovation: no rating", "Your note: 3,000 characters is too long"):
        assert expected in text
    with pytest.raises(ValueError, match="one rating from 1 to 5"):
        r.assess(["qa"], [3, 3, 3, 3, 3, 3])
    with pytest.raises(ValueError, match="give a list of background ids"):
        r.assess(7, ratings())


@given(all_ratings, st.lists(st.floats(1, 5), min_size=6, max_size=6))
def test_weakest_two_are_never_rated_above_the_rest(values, typical):
    chosen = r.weakest([values[c] for c in IDS], typical)
    ratings_list = [values[c] for c in IDS]
    assert len(set(chosen)) == 2
    others = [i for i in range(6) if i not in chosen]
    assert all(ratings_list[i] >= ratings_list[chosen[-1]] for i in others)
    assert ratings_list[chosen[0]] <= ratings_list[chosen[1]]
    for i in others:  # a tie with the second pick is lost only on typical score, then list position
        if ratings_list[i] == ratings_list[chosen[1]]:
            assert (typical[i], i) > (typical[chosen[1]], chosen[1])


@given(some_backgrounds, all_ratings)
def test_results_are_consistent_for_any_valid_choice(chosen, values):
    result = r.assess(chosen, values)
    profiles = [b.profile for b in CATALOGUE.backgrounds if b.id in chosen]
    for index, typical in enumerate(row.typical for row in result.rated):
        column = [p[index] for p in profiles]
        assert min(column) <= typical <= max(column)
        assert math.isclose(result.gaps[IDS[index]], round(typical - values[IDS[index]], 2))
    assert len(result.plan) == 2 and all(item.steps for item in result.plan)
    assert r.assess(list(reversed(chosen)) + chosen, values) == result  # order and repeats do not matter
    entry = registry.exercise("competency-radar")
    json.dumps(make_record(entry.id, entry.title, {"backgrounds": chosen}, result.as_dict()))


free_values = st.one_of(st.none(), st.booleans(), st.integers(), st.floats(), st.text(max_size=20))


any_choice = st.one_of(
    st.lists(st.one_of(st.sampled_from(BACKGROUND_IDS), st.text(max_size=30)), max_size=4),
    st.none(), st.integers(), st.text(max_size=30),
)


@given(st.one_of(st.dictionaries(st.sampled_from([*IDS, "other"]), free_values), free_values), any_choice)
def test_any_input_gives_a_result_or_a_value_error(values, chosen):
    try:
        result = r.assess(chosen, values)
    except ValueError as error:
        assert str(error)
    else:
        assert all(1 <= row.rating <= 5 for row in result.rated)


@given(st.text())
def test_any_note_is_kept_as_text_and_never_rendered_as_markup(note):
    try:
        result = r.assess(["qa"], ratings(), note)
    except ValueError as error:
        assert "too long" in str(error)
        return
    assert result.note == note.strip()
    html = result._repr_html_()
    for line in result.note.splitlines():
        assert render.escape(line) in html  # shown, escaped, in the "Your note" box
    if "<" in result.note:
        assert "<" not in html.split("Your note:</strong>", 1)[1].replace("<br>", "").replace("</div>", "")


def test_a_script_in_the_note_stays_text_in_html_and_markdown():
    result = r.assess(["qa"], ratings(), '<script>alert("x")</script> *bold* | pipe')
    assert "<script>" not in result._repr_html_() and "&lt;script&gt;" in result._repr_html_()
    markdown = result.plan_markdown()
    assert "<script>" not in markdown and "&lt;script&gt;" in markdown and r"\*bold\*" in markdown


def test_a_100_kb_note_is_refused_with_a_message():
    with pytest.raises(ValueError, match="Your note: 100,000 characters is too long"):
        r.assess(["qa"], ratings(), "a" * 100_000)


def test_summary_html_and_dict_agree():
    result = r.assess(["development"], ratings(analytics=1))
    assert "Weakest two: Analytics (1) and Product innovation (3)" in result.summary()
    html = result._repr_html_()
    assert "Analytics (one of your weakest two)" in html and "Beyond the six" in html
    assert result.as_dict()["weakest_two"] == ["analytics", "product_innovation"]
    assert result.as_dict()["growth_plan"]["analytics"][0].startswith("Before a launch")


# ---- drawing -------------------------------------------------------------------------------------


def polar_axes():
    return Figure().add_subplot(projection="polar")


def test_plot_radar_draws_you_over_the_typical_profile():
    result = r.assess(["qa"], ratings(analytics=1, user_experience=2))
    ax = polar_axes()
    chart.plot_radar(ax, result)
    typical, you, weak = ax.lines
    assert list(you.get_ydata()) == [3, 2, 3, 1, 3, 3, 3]  # closed back to the first competency
    assert list(typical.get_ydata()) == [3, 3, 4, 3, 3, 2, 3]
    assert list(weak.get_ydata()) == [1, 2]
    assert [t.get_text() for t in ax.get_legend().get_texts()] == ["Typical: Quality assurance", "You", "Weakest two"]
    assert [t.get_text() for t in ax.get_xticklabels()][2] == "Development\nexecution"


def test_plot_radar_names_an_average_and_redraws_without_piling_up():
    panel = chart.chart_panel()
    panel.html(r.assess(["qa"], ratings()))
    panel.html(r.assess(["qa", "sales", "ux_design"], ratings()))
    ax = panel.figure.axes[0]
    assert len(ax.lines) == 3 and len(ax.patches) == 1
    assert ax.get_legend().get_texts()[0].get_text() == "Typical: average of 3 backgrounds"


def test_plot_radar_refuses_a_cartesian_axes():
    with pytest.raises(ValueError, match="projection='polar'"):
        chart.plot_radar(Figure().subplots(), r.assess(["qa"], ratings()))


def test_alt_text_is_written_from_the_numbers():
    text = chart.describe_radar(r.assess(["development", "qa"], ratings(analytics=1)))
    assert "Software development + Quality assurance" in text
    assert "Analytics: you 1, typical 3" in text and "Development execution: you 3, typical 4" in text
    assert text.endswith("ringed in red: Analytics and Product innovation.")


def test_an_unknown_competency_id_is_a_clear_value_error():
    assert CATALOGUE.competency("analytics").id == "analytics"
    with pytest.raises(ValueError, match="No competency 'charisma'; the competencies are product_innovation, "):
        CATALOGUE.competency("charisma")


@given(st.lists(st.integers(1, 5), min_size=6, max_size=6))
def test_every_competency_is_rated_in_list_order_and_each_plan_item_is_one_of_those_rows(values):
    result = r.assess(["qa", "sales"], dict(zip(CATALOGUE.ids, values, strict=True)))
    assert [row.competency for row in result.rated] == list(CATALOGUE.competencies)
    assert [row.rating for row in result.rated] == values
    rows = {row.competency.id: row for row in result.rated}
    for item in result.plan:
        row = rows[item.competency.id]
        assert (item.rating, item.typical) == (row.rating, row.typical) and item.steps
