"""Pure logic of the interview-question lab: the question bank, the rules and the checker."""

from __future__ import annotations

import copy
import re
import time

import pytest
from hypothesis import given
from hypothesis import strategies as st
from matplotlib.figure import Figure

from chart_reading import bar_heights, markers
from exercises import interview_lab as il
from exercises.interview_lab import chart
from exercises.kit import data, render, sorting

BANK = data.load("interview_questions.json")
RULES = data.load("leading_rules.json")
CATEGORIES = ("open and neutral", "leading")


def rule_ids(question: str) -> set[str]:
    return {flag.rule.id for flag in il.check_question(question).flags}


# ---- the question bank ------------------------------------------------------------------------


def test_bank_has_enough_questions_and_every_kind():
    items = il.interview_questions().items
    assert len(items) >= 15
    kinds = {q["kind"] for q in BANK["questions"]}
    assert {"approval", "hypothetical", "yes-no", "solution", "flattery"} <= kinds
    answers = [item.answer for item in items]
    assert answers.count("leading") >= 5 and answers.count("open and neutral") >= 5


def test_at_least_a_third_of_the_leading_questions_are_subtle():
    """Issue 12: subtle leads (an assumption built in, a hypothetical future, a pitch hidden inside)."""
    bank = il.interview_questions()
    leading = {item.id for item in bank.items if item.answer == "leading"}
    assert bank.subtle <= leading
    assert 3 * len(bank.subtle) >= len(leading)
    kinds = {q["id"]: q["kind"] for q in BANK["questions"]}
    assert {"assumption", "hypothetical", "pitch"} <= {kinds[i] for i in bank.subtle}


def test_open_and_leading_questions_are_about_as_long():
    """Length is no cue either: neither category's questions are much longer on average."""
    items = il.interview_questions().items
    mean = {c: sum(len(i.text.split()) for i in items if i.answer == c) / sum(i.answer == c for i in items)
            for c in CATEGORIES}
    assert max(mean.values()) <= 1.25 * min(mean.values()), mean


def test_every_item_has_a_reason_that_matches_its_answer():
    for record in BANK["questions"]:
        assert len(record["why"].split()) >= 8, record["id"]
        assert record["why"].startswith("Leading") == (record["answer"] == "leading"), record["id"]


def _bank_with(change) -> dict:
    bank = copy.deepcopy(BANK)
    change(bank)
    return bank


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda b: b["questions"][0].update(kind="sarcasm"), "q01: kind 'sarcasm' is not one of"),
        (lambda b: b["questions"][1].update(kind="open"), "q02: kind 'open' does not fit"),
        (lambda b: b["questions"][0].update(answer="maybe"), "not one of"),
        (lambda b: b["questions"][0].update(answer=""),
         r"^interview_questions\.json: at /questions/0/answer: '' does not match"),
        (lambda b: b.update(questions=b["questions"][:10]),
         r"^interview_questions\.json: at /questions: .* is too short"),
        (lambda b: b.update(categories=["good", "bad"]),
         r"^interview_questions\.json: at /categories: \['open and neutral', 'leading'\] was expected"),
        (lambda b: b.pop("kinds"), r"^interview_questions\.json: at /: 'kinds' is a required property"),
        (lambda b: b["questions"].append(dict(b["questions"][0])), "appears twice"),
        (lambda b: b["kinds"].update(sarcasm="sarcasm"), "no question of kind: sarcasm"),
        (lambda b: b["questions"][0].update(subtle=True), "q01: only a leading question can be subtle"),
        (lambda b: b["questions"][1].update(subtle="yes"),
         r"^interview_questions\.json: at /questions/1/subtle: 'yes' is not of type 'boolean'"),
    ],
)
def test_bad_banks_are_rejected_naming_the_entry(change, message):
    with pytest.raises(ValueError, match=message):
        il.parse_interview_questions(_bank_with(change))


def test_cross_reference_errors_name_the_file_too():
    with pytest.raises(ValueError, match=r"^interview_questions\.json: Question q01: kind 'sarcasm'"):
        il.parse_interview_questions(_bank_with(lambda b: b["questions"][0].update(kind="sarcasm")))
    with pytest.raises(ValueError, match=r"^my-bank\.json: "):
        il.parse_interview_questions(_bank_with(lambda b: b.pop("kinds")), source="my-bank.json")


def test_the_rules_flag_every_plain_leading_question_and_few_open_ones():
    """The checker is not the answer key: it catches the plain patterns, and judgement does the rest.

    Subtle leading questions are written to look open, so the checker may miss them; that is
    the chapter's point about its limits, and the bank's reason for including them.
    """
    bank = il.interview_questions()
    plain = [i for i in bank.items if i.answer == "leading" and i.id not in bank.subtle]
    assert [i.id for i in plain if not il.check_question(i.text).flags] == []
    open_flagged = [i.id for i in bank.items if i.answer == "open and neutral" and il.check_question(i.text).flags]
    assert len(open_flagged) <= 1, open_flagged


def test_sorting_the_bank_scores_like_the_key():
    bank = il.interview_questions()
    items = bank.items
    assert bank.categories == CATEGORIES
    key = {item.id: item.answer for item in items}
    assert sorting.check_sort(items, key, CATEGORIES).score == len(items)
    flipped = {i: ("leading" if a == "open and neutral" else "open and neutral") for i, a in key.items()}
    assert sorting.check_sort(items, flipped, CATEGORIES).score == 0


# ---- the rules --------------------------------------------------------------------------------


def test_shipped_rules_load_and_cover_every_kind():
    rules = il.leading_rules()
    assert {rule.kind for rule in rules} == set(RULES["kinds"])
    assert all(rule.explanation and rule.suggestion and rule.looks_for for rule in rules)


def _rules_with(**changes) -> dict:
    data = copy.deepcopy(RULES)
    data["rules"][0].update(changes)
    return data


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"pattern": "(unclosed"}, "not a valid regular expression"),
        ({"pattern": "(a+)+b"}, "nested repetition"),
        ({"pattern": r"(?:\w*\s)*x"}, "nested repetition"),
        ({"pattern": r"(\w+) \1"}, "back-references"),
        ({"pattern": "x?"}, "matches empty text"),
        ({"kind": "rudeness"}, "kind 'rudeness' is not one of"),
    ],
)
def test_bad_rules_are_rejected_naming_the_rule(changes, message):
    rule = re.escape(f"Rule {RULES['rules'][0]['id']}")
    with pytest.raises(ValueError, match=r"^leading_rules\.json: " + rule + ".*" + message):
        il.parse_leading_rules(_rules_with(**changes))


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"pattern": ""}, "at /rules/0/pattern: '' should be non-empty"),
        ({"pattern": "a" * 301}, "at /rules/0/pattern: 'a{301}' is too long"),
        ({"explanation": "  "}, "at /rules/0/explanation: '  ' does not match"),
        ({"explanation": 7}, "at /rules/0/explanation: 7 is not of type 'string'"),
        ({"looks_for": " "}, "at /rules/0/looks_for: ' ' does not match"),
    ],
)
def test_rules_the_schema_refuses_name_the_file_and_the_path(changes, message):
    with pytest.raises(ValueError, match=r"^leading_rules\.json: " + message):
        il.parse_leading_rules(_rules_with(**changes))


def test_rules_missing_fields_or_duplicated_are_rejected():
    data = copy.deepcopy(RULES)
    del data["rules"][2]["suggestion"]
    with pytest.raises(ValueError, match=r"^leading_rules\.json: at /rules/2: 'suggestion' is a required property"):
        il.parse_leading_rules(data)
    data = copy.deepcopy(RULES)
    data["rules"].append(dict(data["rules"][0]))
    with pytest.raises(ValueError, match="appears twice"):
        il.parse_leading_rules(data)
    with pytest.raises(ValueError, match=r"^leading_rules\.json: at /rules: \[\] should be non-empty"):
        il.parse_leading_rules({"kinds": RULES["kinds"], "rules": []})


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("Do you like the idea?", {"approval-like", "yes-no-opener"}),
        ("Would you pay 20 a month for it?", {"hypothetical-would-you", "yes-no-opener"}),
        ("If we built this, what would change for you?", {"hypothetical-if"}),
        ("Is tracking receipts hard?", {"yes-no-opener"}),
        ("What stops you using our app every day?", {"solution-our-thing"}),
        ("How would a tool that sends reminders fit in?", {"solution-a-thing-that"}),
        ("As an experienced treasurer, what matters most?", {"flattery-as-an-expert"}),
        ("Someone as busy as you needs help with this, no?", {"flattery-someone-as", "approval-tag"}),
        ("How frustrating is chasing payments?", {"loaded-how-frustrating"}),
        ("Wouldn\u2019t that save time?", {"approval-negative-opener"}),  # curly apostrophe
        ("Most clubs say this is a nightmare. What about you?", {"loaded-social-proof"}),
        ("Tell me about the last time you split a bill.", set()),
        ("What did you do next, and why?", set()),
        # A polite request for a story or a demonstration is not a yes/no question.
        ("Could you show me how you recorded the costs?", set()),
        ("Would you walk me through the last trip?", set()),
        ("Can you tell me what happened next?", set()),
        ("Could you use a tool like that?", {"yes-no-opener"}),
    ],
)
def test_rules_flag_the_leading_patterns_they_describe(question, expected):
    assert rule_ids(question) == expected


def test_known_limits_are_real():
    """The chapter shows one miss and one false alarm; keep them true."""
    assert rule_ids("How much easier would life be with the expense tracker we are building?") == set()
    assert rule_ids("Is there anything else I should have asked about?") == {"yes-no-opener"}


def test_flags_report_the_trigger_words_and_positions():
    check = il.check_question("  So, do you LIKE it?  ")
    assert check.question == "So, do you LIKE it?"
    like = next(f for f in check.flags if f.rule.id == "approval-like")
    assert like.words == "do you LIKE" and check.question[like.start:like.end] == like.words
    opener = next(f for f in check.flags if f.rule.id == "yes-no-opener")
    assert opener.words == "do"  # the named group 'hit', not the comma before it
    assert check.as_dict()["flags"] == len(check.flags) == 2
    assert check.kinds == ("approval", "yes-no")
    assert "Why it leads:" in check.explain() and "Try instead:" in check.explain()


def test_overlapping_flags_are_highlighted_once():
    html = il.check_question("Do you like it?").highlighted_html()
    assert html.count("<mark") == 1 and "Do you like</mark>" in html


@pytest.mark.parametrize("raw", ["", "   ", "\n\t", None])
def test_empty_questions_are_refused_with_a_message(raw):
    with pytest.raises(ValueError, match="Your question is empty"):
        il.check_question(raw)


def test_overlong_text_is_refused_with_the_reason():
    with pytest.raises(ValueError, match=r"100,000 characters long.*up to 1,000 characters"):
        il.check_question("Do you like it? " * 6249 + "Do you like it??")
    assert il.check_question("a" * il.MAX_QUESTION_CHARS).flags == ()


def test_worst_case_inputs_are_checked_quickly():
    adversarial = [
        "do " * 333, "a " * 500, ", " * 500, "someone " * 125, ". " * 500, "x" * 1000, "\u2019" * 1000,
        ("if we " * 166)[:1000], ("an app " * 142)[:1000],
    ]
    for text in adversarial:
        start = time.perf_counter()
        il.check_question(text[: il.MAX_QUESTION_CHARS])
        assert time.perf_counter() - start < 0.5, text[:20]


@given(st.text(max_size=il.MAX_QUESTION_CHARS + 50))
def test_any_text_gives_a_check_or_a_clear_message(text):
    try:
        check = il.check_question(text)
    except ValueError as error:
        assert "Your question is empty" in str(error) or "characters long" in str(error)
        return
    for flag in check.flags:
        assert check.question[flag.start:flag.end] == flag.words and flag.words
    html = check._repr_html_()
    assert "<script" not in html.lower().replace("&lt;script", "")


@given(st.text(), st.sampled_from(["<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "</mark><b>"]))
def test_markup_is_always_escaped(text, payload):
    question = (text[:400] + payload + " Would you use it?").strip() or payload
    check = il.check_question(question)
    html = check._repr_html_()
    assert payload not in html
    assert render.escape(payload) in html.replace("<mark style=\"background:#ffe08a;color:#222;\">", "").replace(
        "</mark>", "")


@given(st.text(min_size=1, max_size=300))
def test_markdown_report_never_contains_raw_markup(text):
    try:
        check = il.check_question(text + "<script>x</script>")
    except ValueError:
        return
    assert "<script>" not in il.markdown_report(check)


def test_a_100_kb_payload_of_script_is_refused_not_rendered():
    with pytest.raises(ValueError) as caught:
        il.check_question("<script>alert(1)</script>" * 4000)
    assert "<script>" not in str(caught.value)


# ---- drawing ----------------------------------------------------------------------------------


def test_draft_history_chart_and_its_alt_text():
    fig = Figure()
    ax = fig.subplots()
    chart.plot_draft_history(ax, [3, 1, 0])
    heights = bar_heights(ax)
    assert heights == [3, 1, 0]
    assert chart.describe_draft_history([3, 1, 0]) == (
        "Bar chart of flags per draft, 3 drafts. draft 1: 3, draft 2: 1, draft 3: 0."
    )
    assert chart.describe_draft_history([]) == "No drafts checked yet."


def test_a_draft_with_no_flags_is_shown_in_green():
    """A bar of height 0 is invisible, so the title's "green: none" needs a green mark for such drafts."""
    fig = Figure()
    ax = fig.subplots()
    chart.plot_draft_history(ax, [3, 0, 2, 0])
    assert markers(ax) == [(2, 0, chart.NO_FLAGS), (4, 0, chart.NO_FLAGS)]


def test_rules_are_shown_in_words_not_as_patterns():
    """Every rule is listed with what it looks for, in words; the regular expressions stay in the data."""
    html = il.rules_html()
    for rule in il.leading_rules():
        assert rule.looks_for and render.escape(rule.looks_for) in html
        assert render.escape(rule.pattern.pattern) not in html
    assert "regular expression" not in html
    assert il.describe_rules().startswith(f"{len(il.leading_rules())} rules:")


@given(st.text(min_size=1, max_size=20).map(lambda chunk: chunk * (100_000 // len(chunk) + 1)))
def test_100_kb_of_any_text_is_refused_or_checked_never_crashes(text):
    try:
        il.check_question(text)
    except ValueError as error:
        assert "characters long" in str(error) or "empty" in str(error)
