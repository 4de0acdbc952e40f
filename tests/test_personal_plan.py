"""Pure logic of the personal plan: the note checker, the skills check, try it, next steps, the export."""

import copy
import re
from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st
from matplotlib.figure import Figure

from exercises import feasibility
from exercises import personal_plan as p
from exercises.kit.data import load
from exercises.personal_plan.chart import describe_skills, plot_skills
from shown_bars import shown_bars

TODAY = date(2026, 11, 23)
DATA = p.plan_data()
ALL_RATED = {"communication": 4, "engineering": 5, "sales": 2, "customer": 3, "ambiguity": 2}
NUMBERS = {
    "willingness_to_pay": "12", "price": "12", "variable_cost": "3", "fixed_costs": "500",
    "people_with_problem": "2000", "reach_percent": "4",
}
PAYLOADS = [
    "<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "[link](javascript:alert(1))", "# heading | a | b",
]


# ---- data file --------------------------------------------------------------------------------------


def test_shipped_data_loads_with_the_three_key_skill_groups():
    assert {s.group for s in DATA.skills} == {"communication", "knowledge", "ambiguity"}
    assert [s.id for s in DATA.skills if s.group == "knowledge"] == ["engineering", "sales", "customer"]
    assert [value for value, _ in DATA.levels] == [1, 2, 3, 4, 5]


@pytest.mark.parametrize(
    ("damage", "message"),
    [
        (lambda d: d.pop("skills"), "personal_plan.json: at /: 'skills' is a required property"),
        (lambda d: d["skills"][1].update(group="maths"),
         "personal_plan.json: at /skills/1/group: 'maths' is not one of"),
        (lambda d: d["skills"][2].update(id="engineering"),
         "personal_plan.json: at /skills/2/id: skill id 'engineering' appears twice"),
        (lambda d: d["skills"][0].update(question=""), "personal_plan.json: at /skills/0/question: '' does not match"),
        (lambda d: d["reframe"]["harsh_words"][3].pop("gentler"),
         "personal_plan.json: at /reframe/harsh_words/3: 'gentler' is a required property"),
        (lambda d: d["reframe"].update(kind_words=[]),
         "personal_plan.json: at /reframe/kind_words: [] should be non-empty"),
        (lambda d: d["levels"].reverse(), "personal_plan.json: at /levels: levels must be numbered 1, 2, 3"),
        (lambda d: d.update(strong_level=9),
         "personal_plan.json: at /strong_level: strong_level 9 is above the highest level 5"),
        (lambda d: d["next_steps"].update(max_steps=0),
         "personal_plan.json: at /next_steps/max_steps: 0 is less than the minimum of 1"),
        (lambda d: d.update(skills=[s for s in d["skills"] if s["group"] != "ambiguity"]),
         "personal_plan.json: at /skills: no skill in group(s) ambiguity"),
    ],
)
def test_bad_data_is_rejected_naming_the_entry(damage, message):
    raw = copy.deepcopy(load("personal_plan.json"))
    damage(raw)
    with pytest.raises(ValueError, match=re.escape(message)):
        p.parse_plan_data(raw)


def test_learner_facing_data_holds_no_model_answers():
    text = str(load("personal_plan.json")).lower()
    assert "model answer" not in text and "solution" not in text


# ---- part 1: the note to a friend ---------------------------------------------------------------------


def test_a_kind_specific_note_gets_only_the_closing_invitation():
    note = ("It is normal to feel flat after this. You prepared well and your answer about the outage was clear. "
            "Rest this weekend, then next week ask the hiring manager which part to practise first.")
    feedback = p.check_reframe(note)
    assert feedback.harsh == () and feedback.has_next_step and "normal" in feedback.kind_words
    assert feedback.notes == ("This reads as a kind and specific note.",
                              "Now read it again as if it were written to you. You deserve the same kindness.")


def test_harsh_words_are_noticed_with_a_gentler_version_in_any_case_or_spacing():
    feedback = p.check_reframe("Honestly you are USELESS and NOT   GOOD\nENOUGH.")
    assert [h.phrase for h in feedback.harsh] == ["useless", "not good enough"]
    assert any("A gentler version: not ready for this particular role yet." in n for n in feedback.notes)


def test_a_harsh_word_after_a_negation_counts_as_pushed_back():
    feedback = p.check_reframe("You aren\u2019t a failure, and you're not useless.")
    assert feedback.harsh == () and feedback.pushed_back == ("useless", "failure")


def test_a_negation_counts_anywhere_in_the_three_words_before_a_harsh_word():
    assert p.check_reframe("You are not really a failure.").pushed_back == ("failure",)  # "not" is three words back
    assert [h.phrase for h in p.check_reframe("Not that you were ever a failure.").harsh] == ["failure"]  # five back


def test_chapter_07_describes_the_negation_rule_as_the_code_applies_it():
    import json
    from pathlib import Path

    from exercises.personal_plan import reframe

    chapter = Path(__file__).resolve().parent.parent / "chapters" / "07-setbacks-and-growth.ipynb"
    cells = json.loads(chapter.read_text(encoding="utf-8"))["cells"]
    text = "\n".join("".join(c["source"]) for c in cells if c["cell_type"] == "markdown")
    notes = [t for c in cells if "instructor" in c["metadata"].get("tags", []) for t in ["".join(c["source"])]]
    assert reframe.NEGATION_WINDOW == 3
    assert any("one of the three words before it is a negation" in note for note in notes)
    assert "just before" not in text


def test_a_harsh_word_counts_if_any_use_is_not_negated():
    assert [h.phrase for h in p.check_reframe("Not a failure? I feel like a failure.").harsh] == ["failure"]


def test_words_inside_other_words_are_not_flagged():
    feedback = p.check_reframe("Nevertheless, the impostorous fraudster neverland")
    assert feedback.harsh == () and feedback.pushed_back == ()


def test_short_notes_are_invited_to_add_specifics():
    feedback = p.check_reframe("Chin up.")
    assert feedback.word_count == 2
    assert any("Your note has 2 words" in n for n in feedback.notes)
    assert any("next step" in n for n in feedback.notes) and any("normal" in n for n in feedback.notes)


@pytest.mark.parametrize("empty", ["", "   \n\t", None])
def test_an_empty_note_asks_for_words(empty):
    with pytest.raises(ValueError, match="Your note to a friend: this field is empty"):
        p.check_reframe(empty)


def test_a_100kb_note_is_refused_with_its_length():
    with pytest.raises(ValueError, match="100,000 characters is too long; keep it under 5,000"):
        p.check_reframe("a" * 100_000)


@given(st.text(max_size=6000))
def test_any_text_gives_feedback_or_a_clear_error_and_never_raw_markup(text):
    try:
        feedback = p.check_reframe(text + "<script>x</script>")
    except ValueError as error:
        assert "Your note to a friend" in str(error)
        return
    html = feedback._repr_html_()
    assert "<script" not in html
    assert feedback.notes[-1].startswith("Now read it again")
    assert feedback.word_count >= 1
    assert set(feedback.as_dict()) == {
        "word_count", "harsh_words", "pushed_back", "kind_words", "has_next_step", "notes",
    }


@given(st.sampled_from([h.phrase for h in DATA.reframe.harsh]), st.text(alphabet=" .,!?\n", max_size=5))
def test_every_listed_phrase_is_found_on_its_own(phrase, punctuation):
    feedback = p.check_reframe(f"Friend, {phrase.upper()}{punctuation} really")
    assert phrase in [h.phrase for h in feedback.harsh]


# ---- part 2: key skills -------------------------------------------------------------------------------


def test_key_skills_take_the_deepest_knowledge_area_and_name_the_focus():
    result = p.assess_skills(ALL_RATED)
    keys = result.key_skills()
    assert [(k.level, k.detail) for k in keys] == [(4, ""), (5, "engineering"), (2, "")]
    assert result.focus().name == "Comfort without full information"
    assert result.summary().splitlines()[-1] == "Work on first: comfort without full information (your rating: 2 of 5)."


def test_suggestions_follow_the_level_bands():
    result = p.assess_skills({"communication": 1, "engineering": 3, "sales": 4, "customer": None, "ambiguity": 5})
    by_id = {r.skill.id: r for r in result.ratings}
    skills = {s.id: s for s in DATA.skills}
    assert by_id["communication"].suggestion == skills["communication"].suggestion_low
    assert by_id["engineering"].suggestion == skills["engineering"].suggestion_mid
    assert by_id["sales"].suggestion == skills["sales"].suggestion_high
    assert by_id["customer"].suggestion == "" and "customer" not in result.as_dict()["suggestions"]


def test_no_deep_knowledge_gets_the_encouraging_note():
    result = p.assess_skills({"communication": 3, "engineering": 2, "sales": 1, "customer": 3, "ambiguity": 3})
    assert DATA.no_deep_knowledge in result.notes()


def test_all_strong_is_acknowledged():
    result = p.assess_skills(dict.fromkeys(ALL_RATED, 5))
    assert "All three key skills are strengths" in result.notes()[-1]


def test_unrated_skills_are_reported_and_there_is_no_focus_yet():
    result = p.assess_skills({"communication": 2})
    assert result.unrated == 4 and result.focus() is None
    assert result.notes() == ["4 of 5 skills are not rated yet."]
    assert [k.level for k in result.key_skills()] == [2, None, None]


@pytest.mark.parametrize("bad", [0, 6, -1, 2.5, True, "high", "3.5"])
def test_bad_levels_name_the_skill(bad):
    with pytest.raises(ValueError, match=r"Knowledge: sales: choose a level from 1 to 5"):
        p.assess_skills(ALL_RATED | {"sales": bad})


def test_unknown_skills_are_rejected():
    with pytest.raises(ValueError, match="Unknown skill"):
        p.assess_skills(ALL_RATED | {"juggling": 3})


@given(st.fixed_dictionaries({s.id: st.one_of(st.none(), st.integers(1, 5)) for s in DATA.skills}))
def test_any_valid_ratings_chart_and_describe_consistently(ratings):
    result = p.assess_skills(ratings)
    fig = Figure()
    ax = fig.subplots()
    plot_skills(ax, result)
    (bars,) = ax.collections
    widths = [bar.width for bar in shown_bars(bars)]
    assert widths == [ratings[s.id] or 0 for s in reversed(DATA.skills)]
    assert sum(t.get_text() == "not rated yet" for t in ax.texts) == sum(v is None for v in ratings.values())
    text = describe_skills(result)
    for skill in DATA.skills:
        assert f"{skill.label} {ratings[skill.id] or 'not rated'}" in text
    focus = result.focus()
    if focus is not None:
        assert focus.level == min(k.level for k in result.key_skills())


# ---- part 3: try it -------------------------------------------------------------------------------------


def test_try_it_evaluates_the_numbers_with_the_calculator_logic():
    plan = p.plan_try_it("Club expenses are a mess", "A shared spreadsheet", NUMBERS, buy_existing=True)
    assert plan.calculator_values() == {"willingness_to_pay": 12, "price": 12, "variable_cost": 3, "fixed_costs": 500,
                                         "people_with_problem": 2000, "reach_percent": 4}
    expected = feasibility.calculate(**plan.calculator_values())
    assert plan.result == expected and plan.as_dict()["verdict"] == expected.verdict
    assert "buy something that exists" in plan.summary()


def test_try_it_lists_every_problem_at_once():
    with pytest.raises(ValueError) as caught:
        p.plan_try_it("", "x" * 1001, NUMBERS | {"price": "free", "reach_percent": "150"})
    lines = str(caught.value).splitlines()
    assert lines[0] == "The problem: this field is empty; write something first."
    assert lines[1].startswith("The cheapest fix: 1,001 characters is too long")
    assert any("Price you charge" in line and "not a number" in line for line in lines)
    assert any("Reach and convert" in line for line in lines)


@given(st.text(max_size=300), st.text(max_size=300))
def test_try_it_text_is_escaped_in_html(problem, fix):
    try:
        plan = p.plan_try_it(problem + "<b>", "<script>" + fix, NUMBERS)
    except ValueError:
        return
    html = plan._repr_html_()
    assert "<script>" not in html and "&lt;script&gt;" in html and "&lt;b&gt;" in html


# ---- part 4: next steps -----------------------------------------------------------------------------------


def test_steps_are_parsed_sorted_and_summarised():
    plan = p.parse_next_steps(
        "2026-12-01 Ask a PM for coffee\n\n2026-11-24: Read chapter 6\n2026-11-23 \u2013 Start", TODAY
    )
    assert [(s.when.isoformat(), s.text) for s in plan.steps] == [
        ("2026-11-23", "Start"), ("2026-11-24", "Read chapter 6"), ("2026-12-01", "Ask a PM for coffee")]
    assert plan.summary().splitlines()[1:3] == [
        "- 2026-11-23 (today): Start", "- 2026-11-24 (tomorrow): Read chapter 6",
    ]


def test_a_separator_after_the_date_is_optional():
    for line in ("2026-12-01 Call", "2026-12-01: Call", "2026-12-01 - Call", "2026-12-01\u2014Call", "2026-12-01:Call"):
        assert p.parse_next_steps(line, TODAY).steps == (p.NextStep(date(2026, 12, 1), "Call"),), line


def test_empty_steps_are_an_empty_plan():
    assert p.parse_next_steps("  \n ", TODAY).steps == ()
    assert "No next steps yet" in p.parse_next_steps("", TODAY)._repr_html_()


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("2026-02-30 x", "Line 1: 2026-02-30 is not a real date"),
        ("2026-13-01 x", "Line 1: 2026-13-01 is not a real date"),
        ("0-1-1 x", "Line 1: 0-1-1 is not a real date"),
        ("a\n2026-11-22 Too late", "Line 2: 2026-11-22 is in the past (today is 2026-11-23)"),
        ("2027-11-24 Far", "Line 1: 2027-11-24 is more than 365 days away"),
        ("Ask someone", "Line 1: \u201cAsk someone\u201d does not start with a date; write the date as YYYY-MM-DD"),
        ("01/12/2026 x", "does not start with a date"),
        ("2026-12-01", "Line 1: add the step after the date 2026-12-01"),
        ("2026-12-01 " + "y" * 201, "Line 1: the step is 201 characters; keep each step under 200"),
        ("\n".join(f"2026-12-0{d} s" for d in range(1, 7)), "You wrote 6 steps; keep the 5 that matter most"),
        ("x" * 2001, "Your next steps: 2,001 characters is too long"),
    ],
)
def test_bad_steps_give_a_clear_message(text, message):
    with pytest.raises(ValueError, match=re.escape(message)):
        p.parse_next_steps(text, TODAY)


def test_every_bad_line_is_reported_at_once():
    with pytest.raises(ValueError) as caught:
        p.parse_next_steps("2026-02-30 a\nhello\n2026-12-01 fine\n2020-01-01 old", TODAY)
    assert [line.split(":")[0] for line in str(caught.value).splitlines()] == ["Line 1", "Line 2", "Line 4"]


LINE_BREAKS = "\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029"  # what str.splitlines() splits on
one_line = st.text(alphabet=st.characters(blacklist_characters=LINE_BREAKS), min_size=1, max_size=200)


# A leading ":", "-" or dash after the date is read as a separator, so steps here start otherwise.
@given(st.integers(0, 365), one_line.filter(lambda s: s.strip() and s.strip()[0] not in ":-\u2013\u2014"))
def test_dates_from_today_to_a_year_ahead_are_accepted(days, step):
    when = TODAY + timedelta(days=days)
    plan = p.parse_next_steps(f"{when.isoformat()} {step}", TODAY)
    assert plan.steps == (p.NextStep(when, step.strip()),)


@given(st.dates(min_value=date(1, 1, 1), max_value=date(9999, 12, 31)), st.dates(min_value=date(2000, 1, 1),
                                                                                   max_value=date(2100, 1, 1)))
def test_any_date_is_accepted_or_refused_for_the_right_reason(when, today):
    try:
        plan = p.parse_next_steps(f"{when.isoformat()} Do it", today)
    except ValueError as error:
        message = str(error)
        if when < today:
            assert "is in the past" in message
        else:
            assert when > today + timedelta(days=365) and "days away" in message
        return
    assert today <= plan.steps[0].when <= today + timedelta(days=365)


@given(st.text(max_size=3000))
def test_any_steps_text_parses_or_explains(text):
    try:
        plan = p.parse_next_steps(text, TODAY)
    except ValueError as error:
        assert str(error)
        return
    assert len(plan.steps) <= 5
    assert all(s.when >= TODAY for s in plan.steps)


# ---- the whole plan and its Markdown -------------------------------------------------------------------------


def full_plan(**changes):
    values = {"friend_note": "You were brave to apply. Next week, ask for feedback.", "ratings": ALL_RATED,
              "problem": "Club expenses", "fix": "A spreadsheet", "numbers": NUMBERS,
              "steps_text": "2026-12-01 Ask a PM for coffee", "today": TODAY}
    return p.make_plan(**(values | changes))


def test_an_empty_plan_is_valid_and_says_what_is_missing():
    plan = p.make_plan(today=TODAY)
    assert plan.results() == {"reframe": None, "skills": plan.skills.as_dict(), "try_it": None, "next_steps": []}
    text = plan.markdown()
    assert "(not written yet)" in text and "(not started yet)" in text and "(none yet)" in text


def test_the_full_plan_exports_every_part():
    plan = full_plan()
    text = plan.markdown()
    for heading in ("## 1. What I would tell a friend", "## 2. My key skills", "## 3. Try it", "## 4. Next steps"):
        assert heading in text
    assert "> You were brave to apply. Next week, ask for feedback." in text
    assert "| Deep knowledge of one area | 5 of 5 (engineering) |" in text
    assert "- [ ] 2026-12-01: Ask a PM for coffee" in text
    assert f"- First check: {plan.try_it.result.verdict}" in text
    assert plan.raw_inputs["numbers"]["price"] == 12 and plan.raw_inputs["today"] == "2026-11-23"


def test_invalid_parts_are_named():
    with pytest.raises(ValueError) as caught:
        full_plan(friend_note="z" * 6000, numbers=NUMBERS | {"price": ""}, steps_text="tomorrow: rest")
    assert [line[:6] for line in str(caught.value).splitlines()][:1] == ["Part 1"]
    assert "Part 3: " in str(caught.value) and "Part 4: Line 1" in str(caught.value)


@given(st.text(max_size=500), st.sampled_from(PAYLOADS))
def test_learner_text_in_the_markdown_is_escaped(text, payload):
    note = f"{text}\n{payload}\n- not a list\n1. not a list either"
    try:
        plan = full_plan(friend_note=note, problem=payload, fix=text + payload,
                         steps_text=f"2026-12-01 {payload}")
    except ValueError:
        return
    markdown = plan.markdown()
    assert "<script" not in markdown and "<img" not in markdown
    assert not re.search(r"(?<!\\)\]\(", markdown), "an unescaped ](...) would be a link"
    assert "<br>\\- not a list" in markdown and "<br>1\\. not a list" in markdown
    quoted = markdown.split("## 2.")[0]
    assert "\n#" not in quoted.replace("\n## 1.", "")


def test_the_chapters_false_positive_example_is_still_flagged():
    # Check your understanding, question 3, relies on this limitation of the word-list checker.
    assert [h.phrase for h in p.check_reframe("You will never stop learning.").harsh] == ["never"]


def test_a_plan_checked_against_custom_data_uses_that_data_in_every_part():
    raw = copy.deepcopy(load("personal_plan.json"))
    raw["next_steps"]["max_steps"] = 1
    raw["reframe"]["harsh_words"].append({"phrase": "rubbish", "gentler": "still learning"})
    raw["strong_level"] = 5
    custom = p.parse_plan_data(raw, source="my_plan.json")
    plan = full_plan(friend_note="You are rubbish at this.", data=custom)
    assert [h.phrase for h in plan.reframe.harsh] == ["rubbish"]
    assert plan.skills.strong_level == 5
    with pytest.raises(ValueError, match="Part 4: You wrote 2 steps; keep the 1 that matter most"):
        full_plan(steps_text="2026-12-01 Ask a PM\n2026-12-02 Apply", data=custom)
