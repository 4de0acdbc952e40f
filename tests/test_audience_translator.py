"""The audience translator's pure logic and its data file."""

import copy
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from exercises import audience_translator as at
from exercises.kit import data
from exercises.kit.text import find_terms, words

SCENARIO = at.audience_scenario()


@pytest.mark.parametrize(
    ("word", "syllables"),
    [("cat", 1), ("table", 2), ("banana", 3), ("queue", 1), ("make", 1), ("free", 1), ("the", 1),
     ("kafka", 2), ("e", 1), ("2024", 1), ("rhythm", 1), ("customer", 3)],
)
def test_syllable_heuristic_on_everyday_words(word, syllables):
    assert at.count_syllables(word) == syllables


def test_flesch_kincaid_grade_follows_the_formula():
    # 3 words, 1 sentence, 5 + 4 + 4 syllables (by the vowel-group heuristic).
    reading = at.readability("Organisations communicate differently.")
    assert (reading.words, reading.sentences, reading.syllables) == (3, 1, 13)
    assert reading.grade == round(0.39 * 3 + 11.8 * 13 / 3 - 15.59, 1)


def test_short_plain_sentences_score_low_and_are_clipped_at_zero():
    assert at.readability("The cat sat. The dog ran.").grade == 0.0
    assert at.readability("").grade is None


def test_sentences_end_at_stops_and_blank_lines_but_not_inside_numbers():
    assert at.readability("It costs 2.5 a month. Yes!\n\nNew paragraph").sentences == 3


def test_a_line_break_ends_a_sentence_as_the_kit_defines_it():
    # A bullet list without full stops is one sentence per line, not one long sentence.
    assert at.readability("- Tracking moves to June\n- Costs 1,200 a month\n- Saves calls").sentences == 3


def test_words_keep_numbers_hyphens_and_apostrophes():
    assert words("It costs 4,000 a month, per user-hour. Don\u2019t!") == [
        "it", "costs", "4,000", "a", "month", "per", "user-hour", "don't"]


def test_find_terms_prefixes_phrases_and_no_double_counting():
    text_words = words("Polling costs money; message queues cost more. Load tests on 5 June, Friday.")
    assert find_terms(["poll*", "polling"], text_words) == {"polling": 1}
    assert find_terms(["cost*"], text_words) == {"costs": 1, "cost": 1}
    assert find_terms(["message queue*", "load test*"], text_words) == {"message queues": 1, "load tests": 1}
    assert find_terms(["#number"], text_words) == {"5": 1}
    assert find_terms(["#date"], text_words) == {"june": 1, "friday": 1}


def test_a_jargon_heavy_message_for_a_manager_is_flagged_with_the_terms():
    check = at.check_message("senior-manager", "We will refactor polling into Kafka topics with a broker.")
    assert set(check.jargon) == {"refactor", "polling", "kafka", "broker"}
    assert check.jargon_per_100_words == round(100 * 4 / 10, 1)
    assert any(kind == "error" and title == "Jargon" for kind, title, _ in check.findings())


def test_manager_concerns_why_cost_and_return_are_spotted_or_missed():
    full = at.check_message(
        "senior-manager",
        "Because the old design fails at peak, we need three weeks. It costs 1,200 a month and saves "
        "4,000 support calls. I recommend we approve it.",
    )
    assert full.concerns_addressed == len(full.concerns) == 5
    thin = at.check_message("senior-manager", "The feature is late. We are working hard on it.")
    missing = {c.label for c in thin.concerns if not c.addressed}
    assert {"Why", "How much it costs", "How much it makes or saves", "Numbers to back it up"} <= missing


def test_reading_level_and_length_against_the_audience_targets():
    long_words = "Organisational interdependencies necessitate comprehensive reconsideration. " * 25
    findings = {title: kind for kind, title, _ in at.check_message("customer", long_words).findings()}
    assert findings["Reading level"] == "warn" and findings["Length"] == "warn"


@pytest.mark.parametrize("audience", list(SCENARIO.audiences))
def test_every_model_message_uses_no_jargon_for_its_own_audience(audience):
    label = SCENARIO.audiences[audience].label
    for item in SCENARIO.candidates:
        if item.answer == label:
            check = at.check_message(audience, item.text)
            assert check.jargon == {}, (item.id, check.jargon)
            assert check.reading.grade <= SCENARIO.audiences[audience].target_grade, item.id


def test_the_managers_case_message_covers_why_cost_and_return():
    (case,) = [i for i in SCENARIO.candidates if i.id == "manager-case"]
    check = at.check_message("senior-manager", case.text)
    addressed = {c.label for c in check.concerns if c.addressed}
    assert {"Why", "How much it costs", "How much it makes or saves", "Numbers to back it up"} <= addressed


@pytest.mark.parametrize(
    ("audience", "text", "message"),
    [
        ("customer", "", "this field is empty"),
        ("customer", "   \n ", "this field is empty"),
        ("customer", "!!! ??? ...", "no words"),
        ("customer", "x" * 100_000, "too long"),
        ("nobody", "Hello", "Choose one of the audiences"),
    ],
)
def test_bad_messages_raise_clear_errors(audience, text, message):
    with pytest.raises(ValueError, match=message):
        at.check_message(audience, text)


@given(st.sampled_from(list(SCENARIO.audiences)), st.text(max_size=400))
def test_any_text_is_checked_or_refused_with_a_value_error(audience, text):
    try:
        check = at.check_message(audience, text)
    except ValueError as error:
        assert str(error)
        return
    assert check.reading.words > 0 and check.reading.grade >= 0
    assert check.jargon_per_100_words >= 0
    assert 0 <= check.concerns_addressed <= len(check.concerns)
    assert isinstance(check.summary(), str) and check.as_dict()["audience"] == audience


@settings(max_examples=60)
@given(st.text(alphabet=st.sampled_from("<>&\"' scriptalert()/"), min_size=1, max_size=80))
def test_markup_in_a_message_is_never_rendered(payload):
    text = f"<script>alert(1)</script> Kafka {payload}"
    html = at.check_message("customer", text)._repr_html_()
    assert "<script" not in html.lower()
    markdown = at.message_markdown(SCENARIO.audiences["customer"], text, None)
    assert "<script" not in markdown.lower()


def test_message_markdown_quotes_and_escapes_the_message():
    check = at.check_message("sales", "Date moves to *5 June*.\n\n<b>bold</b>")
    body = at.message_markdown(SCENARIO.audiences["sales"], "Date moves to *5 June*.\n\n<b>bold</b>", check)
    assert "> Date moves to \\*5 June\\*." in body and "&lt;b&gt;" in body and "- The new date: addressed" in body


def _data():
    return copy.deepcopy(data.load(at.DATA_FILE))


def _break(path, value):
    broken = _data()
    target = broken
    for key in path[:-1]:
        target = target[key]
    if value is None:
        del target[path[-1]]
    else:
        target[path[-1]] = value
    return broken


@pytest.mark.parametrize(
    ("broken", "message"),
    [
        (_break(["scenario"], None), "at /: 'scenario' is a required property"),
        (_break(["audiences", "sales", "jargon"], []), "at /audiences/sales/jargon: [] should be non-empty"),
        (_break(["audiences", "sales", "concerns"], []), "at /audiences/sales/concerns: [] should be non-empty"),
        (_break(["audiences", "sales", "target_grade"], None),
         "at /audiences/sales: 'target_grade' is a required property"),
        (_break(["audiences", "sales", "max_words"], 0),
         "at /audiences/sales/max_words: 0 is less than the minimum of 1"),
        (_break(["audiences", "sales", "label"], "A customer"),
         "at /audiences/customer/label: 'A customer' is also the label of 'sales'; labels must differ."),
        (_break(["candidates", 0, "answer"], "marketing"),
         "at /candidates/0/answer: 'marketing' is not one of the audiences "
         "(engineering, sales, customer, senior-manager)."),
        (_break(["candidates", 1, "id"], "eng-design"), "at /candidates: Item id 'eng-design' appears twice."),
        (_break(["candidates"], [c for c in data.load(at.DATA_FILE)["candidates"] if c["answer"] != "sales"]),
         "at /candidates: no candidate message belongs to sales."),
    ],
)
def test_bad_data_files_are_rejected_naming_the_file_and_the_path(broken, message):
    with pytest.raises(ValueError, match=re.escape(f"audience_translator.json: {message}")):
        at.parse_audience_scenario(broken, source="audience_translator.json")


def test_a_scenario_from_custom_data_is_the_one_checked_against():
    custom = _data()
    custom["audiences"]["customer"]["jargon"] = ["parcel*"]
    scenario = at.parse_audience_scenario(custom)
    check = at.check_message("customer", "Your parcel arrives on 5 June.", scenario)
    assert check.jargon == {"parcel": 1}
    assert at.check_message("customer", "Your parcel arrives on 5 June.").jargon == {}


def test_the_shipped_data_has_four_audiences_and_two_messages_each():
    assert set(SCENARIO.audiences) == {"engineering", "sales", "customer", "senior-manager"}
    for label in SCENARIO.categories:
        assert sum(item.answer == label for item in SCENARIO.candidates) == 2


def test_code_pasted_into_a_message_states_no_number():
    # issue 12: the 1 in alert(1) counted as a number for "Numbers to back it up"
    check = at.check_message("senior-manager", "<script>alert(1)</script> We should approve it because it saves money.")
    numbers = next(c for c in check.concerns if c.label == "Numbers to back it up")
    assert not numbers.addressed
    stated = at.check_message("senior-manager", "It saves 1,200 a month (alert(1) aside).")
    assert next(c for c in stated.concerns if c.label == "Numbers to back it up").matched == ("1,200",)
