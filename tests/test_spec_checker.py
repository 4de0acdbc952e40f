"""The spec checker's pure layer: the data files, each check, the results, the pages and the chart."""

from __future__ import annotations

import copy
import json

import pytest
from hypothesis import given
from hypothesis import strategies as st
from matplotlib.colors import to_hex
from matplotlib.figure import Figure

from exercises import spec_checker as sc
from exercises.kit.data import load
from exercises.spec_checker.chart import describe_flags, plot_flags
from exercises.spec_checker.page import limits_html, marked_html, scenario_html, spec_html, spec_markdown
from shown_bars import shown_bars

RULES = sc.spec_rules()
SCENARIOS = sc.spec_scenarios()
RAW_RULES = load("spec_rules.json")
RAW_SCENARIOS = load("spec_scenarios.json")
SECTION_IDS = ["problem", "users", "stories", "criteria", "non_goals", "open_questions"]


def kinds(check: sc.SpecCheck) -> list[tuple[str, str]]:
    return [(f.section_id, f.kind) for f in check.flags]


def good() -> dict[str, str]:
    return dict(sc.scenario("club-payments").good)


# ---- the data files ----------------------------------------------------------------------------


def test_the_rules_have_the_sections_the_chapter_teaches():
    assert list(RULES.section_ids) == SECTION_IDS
    assert [s.label for s in RULES.sections] == [
        "Problem", "Users", "User stories", "Acceptance criteria", "Non-goals", "Open questions and risks"]
    assert all(s.required for s in RULES.sections)
    assert sum(s.max_words for s in RULES.sections) <= 700  # one page
    for word in ("fast", "easy", "intuitive", "user-friendly", "seamless", "everyone"):
        assert word in RULES.vague_phrases, word
    assert len(RULES.limits) >= 4


def test_there_are_at_least_two_scenarios_each_with_two_examples():
    assert len(SCENARIOS) >= 2
    for item in SCENARIOS:
        for which in ("flawed", "good"):
            assert set(item.example(which)) == set(SECTION_IDS)
        assert len(item.known) >= 2 and item.request


@pytest.mark.parametrize("item", SCENARIOS, ids=lambda s: s.id)
def test_every_good_example_passes_and_fits_on_a_page(item):
    check = sc.check_spec(item.good, scenario=item)
    assert check.flags == () and check.ready and check.written == 6
    assert sum(check.word_counts) <= 700


@pytest.mark.parametrize("item", SCENARIOS, ids=lambda s: s.id)
def test_every_flawed_example_is_not_ready_and_puts_the_solution_first(item):
    check = sc.check_spec(item.flawed, scenario=item)
    assert not check.ready
    found = {kind for _, kind in kinds(check)}
    assert {"solution first", "untestable", "story shape", "vague"} <= found
    assert ("problem", "solution first") in kinds(check)


def test_the_flawed_examples_between_them_miss_a_section():
    assert any(sc.check_spec(s.flawed).count("missing") for s in SCENARIOS)


def test_a_rules_file_that_breaks_the_schema_names_the_file_and_the_place():
    raw = copy.deepcopy(RAW_RULES)
    raw["sections"][2]["checks"] = ["spelling"]
    with pytest.raises(ValueError, match=r"^custom\.json: at /sections/2/checks/0: 'spelling' is not one of"):
        sc.parse_spec_rules(raw, source="custom.json")
    raw = copy.deepcopy(RAW_RULES)
    del raw["limits"]
    with pytest.raises(ValueError, match=r"^custom\.json: at /: 'limits' is a required property"):
        sc.parse_spec_rules(raw, source="custom.json")


def test_a_vague_word_listed_twice_is_refused():
    raw = copy.deepcopy(RAW_RULES)
    raw["vague_words"][1]["phrases"].append("fast")
    with pytest.raises(ValueError, match=r"custom\.json: at /vague_words/1/phrases: 'fast' is already listed in "
                                         r"the group 'speed'"):
        sc.parse_spec_rules(raw, source="custom.json")


def test_duplicate_section_ids_are_refused():
    raw = copy.deepcopy(RAW_RULES)
    raw["sections"][1]["id"] = "problem"
    with pytest.raises(ValueError, match=r"at /sections/1/id: two entries share the id 'problem'"):
        sc.parse_spec_rules(raw, source="custom.json")


def test_an_example_must_cover_every_section_and_only_those():
    raw = copy.deepcopy(RAW_SCENARIOS)
    del raw["scenarios"][1]["examples"]["good"]["users"]
    raw["scenarios"][1]["examples"]["good"]["solution"] = "A chatbot."
    with pytest.raises(ValueError, match=r"custom\.json: at /scenarios/1/examples/good: .*missing: users; "
                                         r"not a section: solution"):
        sc.parse_spec_scenarios(raw, source="custom.json")


def test_one_scenario_is_not_enough_and_ids_must_be_unique():
    raw = copy.deepcopy(RAW_SCENARIOS)
    raw["scenarios"] = raw["scenarios"][:1]
    with pytest.raises(ValueError, match=r"custom\.json: at /scenarios: .* is too short"):
        sc.parse_spec_scenarios(raw, source="custom.json")
    raw = copy.deepcopy(RAW_SCENARIOS)
    raw["scenarios"][2]["id"] = raw["scenarios"][0]["id"]
    with pytest.raises(ValueError, match=r"at /scenarios/2/id: two entries share the id 'club-payments'"):
        sc.parse_spec_scenarios(raw, source="custom.json")


def test_custom_rules_carry_into_the_check():
    raw = copy.deepcopy(RAW_RULES)
    raw["vague_words"][0]["phrases"].append("zippy")
    raw["sections"][0]["label"] = "The problem"
    rules = sc.parse_spec_rules(raw, source="custom.json")
    check = sc.check_spec({**good(), "problem": "Treasurers wait for a zippy fix today."}, rules=rules)
    assert kinds(check) == [("problem", "vague")] and check.flags[0].section_label == "The problem"
    assert "\u201czippy\u201d is vague" in check.flags[0].message


def test_unknown_scenarios_and_examples_get_a_clear_message():
    with pytest.raises(ValueError, match="'mars-base' is not one of the scenarios on offer"):
        sc.scenario("mars-base")
    with pytest.raises(ValueError, match="choose 'flawed' or 'good'"):
        SCENARIOS[0].example("perfect")


# ---- missing and too long ----------------------------------------------------------------------


def test_an_empty_spec_has_every_section_missing_with_its_prompt():
    check = sc.check_spec({})
    assert kinds(check) == [(s, "missing") for s in SECTION_IDS]
    assert check.written == 0 and not check.ready
    assert "leave the solution out" in check.flags[0].message


def test_blank_text_counts_as_missing():
    check = sc.check_spec({**good(), "non_goals": "  \n\t "})
    assert kinds(check) == [("non_goals", "missing")]


def test_a_section_over_its_share_of_the_page_is_too_long_but_not_blocking():
    limit = RULES.sections[4].max_words
    check = sc.check_spec({**good(), "non_goals": "Refund flows. " * limit})
    assert kinds(check) == [("non_goals", "too long")]
    assert f"{2 * limit} words; keep it to {limit}" in check.flags[0].message
    assert check.ready


# ---- solution first ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("problem", "flagged"),
    [
        ("We will build a reminder feature. Treasurers forget who paid.", True),
        ("Add a refund button. Sellers wait 2 days.", True),
        ("Add a refund button to the order page.", True),
        ("Sellers wait 2 days for support. We could add a refund button.", False),
        ("Treasurers spend 45 minutes after each trip chasing members.", False),
        ("Clinics want an AI assistant because patients forget appointments.", True),
        ("Patients forget appointments, so clinics asked for an AI assistant.", False),
        ("Building is hard.", False),  # "build" alone names no solution
    ],
)
def test_a_solution_before_the_problem_is_flagged(problem, flagged):
    check = sc.check_spec({**good(), "problem": problem})
    assert (("problem", "solution first") in kinds(check)) is flagged


def test_the_solution_first_flag_quotes_the_words_and_says_whether_a_problem_follows():
    check = sc.check_spec({**good(), "problem": "Nice weather. We need a dashboard. Members forget to pay."})
    flag = next(f for f in check.flags if f.kind == "solution first")
    assert "(\u201cWe need a\u201d) before it says what the problem is" in flag.message
    assert flag.excerpt == "We need a dashboard."
    check = sc.check_spec({**good(), "problem": "Let users export to Excel."})
    assert "and never says what the problem is" in check.flags[0].message


# ---- acceptance criteria -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("criterion", "gaps"),
    [
        ("Reminders work well.", [sc.OBSERVABLE_GAP, sc.CONDITION_GAP]),
        ("Members get reminded.", [sc.CONDITION_GAP]),
        ("Within 3 days of a trip, reminders go out.", [sc.OBSERVABLE_GAP]),
        ("Given a member owes money, when the trip closes, then they receive an email.", []),
        ("The page loads in under 2 seconds for 95 in 100 visits.", []),
        ("A member receives at most three reminders.", []),
        ("Each member sees the amount they owe.", []),
        ("If the card is declined, an error message appears.", []),
        ("Patients are happy.", [sc.OBSERVABLE_GAP, sc.CONDITION_GAP]),
        ("THEN IT SHOWS 5 ROWS", []),
    ],
)
def test_a_criterion_needs_an_observable_outcome_and_a_number_or_condition(criterion, gaps):
    assert sc.criterion_gaps(criterion) == gaps


def test_each_untestable_criterion_gets_its_own_flag_with_advice():
    text = "- Reminders work well.\n- Given a trip closed, then members get one email.\n3. Members get reminded."
    check = sc.check_spec({**good(), "criteria": text})
    flags = [f for f in check.flags if f.kind == "untestable"]
    assert [f.excerpt for f in flags] == ["Reminders work well.", "Members get reminded."]
    assert "It has nothing anyone could observe" in flags[0].message and "no number or condition" in flags[0].message
    assert "It has no number or condition: say when it applies" in flags[1].message
    assert not check.ready


def test_a_given_when_then_criterion_may_take_several_lines():
    text = "Given a member owes money\nWhen 3 days pass\nThen they receive an email\nAnd the treasurer sees it"
    assert sc.items(text, steps=True) == [" ".join(text.splitlines())]
    assert "untestable" not in [f.kind for f in sc.check_spec({**good(), "criteria": text}).flags]
    # Without "Given" at the start, every line stands alone and is judged alone.
    loose = "Members get reminded.\nThen it is fine"
    assert sc.items(loose, steps=True) == ["Members get reminded.", "Then it is fine"]


def test_items_drop_bullets_numbers_and_blank_lines():
    assert sc.items("* one\n\n  2) two\n\u2022 three\n- \n10. ten\n2026 is a year") == [
        "one", "two", "three", "ten", "2026 is a year"]


# ---- user stories ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("story", "missing"),
    [
        ("As a treasurer, I want reminders sent, so that I stop chasing friends.", None),
        ("As an admin I need an export in order to audit payments.", None),
        ("As a treasurer, I want automatic reminders.", "why"),
        ("I want a refund button so that buyers get paid.", "who"),
        ("Refunds should be seamless.", "who, what or why"),
        ("As the seller, so that I sleep at night.", "what"),
    ],
)
def test_a_story_names_who_what_and_why(story, missing):
    check = sc.check_spec({**good(), "stories": story})
    shape = [f for f in check.flags if f.kind == "story shape"]
    if missing is None:
        assert shape == []
    else:
        assert len(shape) == 1 and shape[0].message.startswith(f"This story has no {missing}.")
        assert shape[0].excerpt == story


# ---- vague words -------------------------------------------------------------------------------


def test_vague_words_match_whole_words_in_any_case_once_per_section():
    check = sc.check_spec({**good(), "users": "Fast FAST fast-moving breakfast clubs, fast."})
    vague = [f for f in check.flags if f.kind == "vague"]
    assert len(vague) == 1 and vague[0].message.startswith("\u201cFast\u201d is vague (3 times). How fast")
    assert check.vague_spans[1] == ((0, 4), (5, 9), (39, 43))


def test_every_spelling_of_user_friendly_is_caught_and_a_condition_is_not_vague():
    for text in ("A user-friendly screen.", "A user friendly screen.", "A User\nFriendly screen."):
        check = sc.check_spec({**good(), "non_goals": text})
        assert kinds(check) == [("non_goals", "vague")], text
    check = sc.check_spec({**good(), "criteria": "A member receives at most 3 reminders, at least 5 days apart."})
    assert check.flags == ()


def test_open_questions_may_use_vague_words():
    check = sc.check_spec({**good(), "open_questions": "Is an easy setup fast enough for everyone?"})
    assert check.flags == ()


def test_flags_are_listed_in_section_order_and_each_section_once_in_the_chart():
    check = sc.check_spec(sc.scenario("club-payments").flawed)
    order = [SECTION_IDS.index(f.section_id) for f in check.flags]
    assert order == sorted(order)
    assert check.chart.counts == (4, 1, 4, 5, 1, 0)
    assert check.chart.must_fix == (True, False, False, True, True, False)
    assert check.chart.total == len(check.flags) == 15


# ---- bad input and results -----------------------------------------------------------------------


def test_too_long_text_and_unknown_sections_raise_clear_messages():
    with pytest.raises(ValueError, match=r"Problem: 4,001 characters is too long; keep it under 4,000"):
        sc.check_spec({"problem": "x" * 4_001})
    with pytest.raises(ValueError, match=r"(?s)Users: .*too long.*\nNon-goals: .*too long"):
        sc.check_spec({"users": "y" * 5_000, "non_goals": "z" * 5_000})
    with pytest.raises(ValueError, match="Unknown spec sections: solution"):
        sc.check_spec({"solution": "A chatbot."})


def test_summary_and_as_dict_report_the_same_flags():
    item = sc.scenario("shop-refunds")
    check = sc.check_spec(item.flawed, scenario=item)
    summary = check.summary()
    assert summary.startswith("Sections written: 6 of 6\nFlags: 11 (1 solution first, 3 untestable")
    result = check.as_dict()
    assert result["scenario"] == "shop-refunds" and result["ready"] is False
    assert len(result["flags"]) == 11 and result["flags"][0]["kind"] == "solution first"
    assert result["flags_per_section"] == {"problem": 2, "users": 1, "stories": 3, "criteria": 5, "non_goals": 0,
                                           "open_questions": 0}
    json.dumps(result, allow_nan=False)


def test_the_html_result_names_the_verdict():
    assert "No flags" in sc.check_spec(good())._repr_html_()
    assert "Not ready yet" in sc.check_spec({})._repr_html_()
    warn_only = sc.check_spec({**good(), "users": "Everyone who treasures a club."})
    assert warn_only.ready and "Ready to discuss, with words to sharpen" in warn_only._repr_html_()


SECTION_TEXT = st.text(st.characters(codec="utf-8"), max_size=300)


@given(st.dictionaries(st.sampled_from(SECTION_IDS), SECTION_TEXT))
def test_any_text_gives_flags_of_known_kinds_and_a_matching_chart(texts):
    check = sc.check_spec(texts)
    assert {f.kind for f in check.flags} <= set(sc.KINDS)
    assert check.chart.total == len(check.flags)
    assert check.count("missing") == sum(not t.strip() for t in (texts.get(s, "") for s in SECTION_IDS))
    for spans, text in zip(check.vague_spans, check.texts, strict=True):
        assert all(0 <= start < end <= len(text) for start, end in spans)
    json.dumps(check.as_dict(), allow_nan=False)


@given(SECTION_TEXT)
def test_learner_text_is_always_escaped(text):
    check = sc.check_spec({"problem": "<b>" + text, "stories": text + "<script>x</script>"})
    for shown in (spec_html(check), check._repr_html_()):
        assert "<script>" not in shown and "<b>" not in shown
    markdown = spec_markdown(check)
    assert "<script>" not in markdown and "<b>" not in markdown


@given(st.integers(0, 10_000), st.sampled_from(["then it shows", "the list shows", "they receive an email"]))
def test_a_criterion_with_a_number_and_an_outcome_is_always_testable(number, outcome):
    assert sc.criterion_gaps(f"For {number} members, {outcome}.") == []


# ---- pages ---------------------------------------------------------------------------------------


def test_the_spec_page_marks_vague_words_and_counts_flags():
    check = sc.check_spec({**good(), "users": "Everyone <in> the club & more."})
    page = spec_html(check)
    assert '">Everyone</mark> &lt;in&gt; the club &amp; more.' in page
    assert "Users (1 flag)</h4>" in page and "Problem</h4>" in page
    assert "One-page spec (" in page


def test_marked_html_merges_overlapping_marks_and_keeps_line_breaks():
    assert marked_html("ab\ncd", [(0, 2), (1, 4)]).count("<mark") == 1
    assert marked_html("a<b", []) == "a&lt;b"
    assert "<br>" in marked_html("one\ntwo", [])


def test_the_markdown_holds_the_spec_and_its_flags():
    item = sc.scenario("clinic-no-shows")
    markdown = spec_markdown(sc.check_spec(item.flawed, scenario=item))
    assert markdown.startswith("## My one-page spec: Physiotherapy clinics: missed appointments\n")
    assert "### Acceptance criteria\n\nThe chatbot is smart and easy to use.  \n" in markdown
    assert "### Open questions and risks\n\n*(not written yet)*" in markdown
    assert "- Problem: solution first: It names a solution" in markdown
    assert spec_markdown(sc.check_spec(item.good)).rstrip().endswith("- No flags.")


def test_the_scenario_brief_and_the_limits_are_escaped_html():
    brief = scenario_html(SCENARIOS[0])
    assert SCENARIOS[0].title in brief and "&quot;a smart payment-reminder feature" in brief
    assert brief.count("<li>") == len(SCENARIOS[0].known)
    assert limits_html().count("<li>") == len(RULES.limits)
    assert sc.describe_limits().startswith("1. It reads words, not meaning.")


# ---- the chart -----------------------------------------------------------------------------------


def test_the_chart_draws_a_bar_per_flagged_section_and_a_dot_for_the_others():
    check = sc.check_spec(sc.scenario("club-payments").flawed)
    ax = Figure().subplots()
    plot_flags(ax, check.chart)
    bars = sorted(shown_bars(ax.collections[0]), key=lambda bar: bar.row)
    assert [bar.width for bar in bars] == [4, 1, 4, 5, 1, 0]
    assert [bar.colour for bar in bars] == ["#b3261e", "#b36b00", "#b36b00", "#b3261e", "#b3261e", "#b36b00"]
    dots = ax.lines[0]
    assert list(dots.get_ydata()) == [5] and to_hex(dots.get_color()) == "#2e7d32"
    assert [t.get_text() for t in ax.get_yticklabels()] == [s.label for s in RULES.sections]
    assert ax.get_title(loc="left") == "Flags per section: 15 in all"
    assert describe_flags(check.chart) == (
        "Bar chart of flags per section, 15 in all: Problem 4 (must fix); Users 1 (worth fixing); User stories 4 "
        "(worth fixing); Acceptance criteria 5 (must fix); Non-goals 1 (must fix); Open questions and risks 0 "
        "(no flags).")


def test_a_chart_with_no_flags_has_no_visible_bars():
    ax = Figure().subplots()
    plot_flags(ax, sc.check_spec(good()).chart)
    assert {bar.width for bar in shown_bars(ax.collections[0])} == {0}
    assert list(ax.lines[0].get_ydata()) == [0, 1, 2, 3, 4, 5]


def test_overview_lists_each_flag_with_the_words_it_is_about():
    overview = sc.check_spec(sc.scenario("club-payments").flawed).overview()
    lines = overview.splitlines()
    assert lines[0] == "Flags: 15 (1 missing, 1 solution first, 3 untestable, 2 story shape, 8 vague)"
    assert lines[1] == "- Problem: solution first: \u201cWe need to build\u201d"
    assert lines[2] == "- Problem: vague: \u201csmart\u201d"
    assert lines[6] == "- User stories: story shape: \u201cReminders should be fast and intuitive.\u201d"
    assert lines[-1] == "- Non-goals: missing"


def test_one_section_can_be_checked_on_its_own():
    flags = sc.check_section("criteria", "Given a member taps Quick Pay, then the payment screen opens in 2 seconds.")
    assert [(f.kind, f.message[:16]) for f in flags] == [("vague", "\u201cQuick\u201d is vague")]
    assert sc.check_section("non_goals", "")[0].kind == "missing"
    with pytest.raises(ValueError, match="Unknown spec section: goals"):
        sc.check_section("goals", "Anything.")


def test_the_kits_mark_spans_escapes_everything_and_merges_overlaps():
    from exercises.kit.render import mark_spans

    shown = mark_spans('<a> & "b"', [(4, 5), (0, 3), (1, 2)], style="x")
    assert shown == '<mark style="x">&lt;a&gt;</mark> <mark style="x">&amp;</mark> &quot;b&quot;'
