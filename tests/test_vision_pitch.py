"""The vision-pitch checker: missing parts, word limits, unbacked claims, jargon, and safe rendering."""

import copy
import json
import re

import pytest
from hypothesis import given
from hypothesis import strategies as st
from matplotlib.figure import Figure

from exercises import vision_pitch as v
from exercises.kit.data import load
from exercises.vision_pitch.chart import describe_word_budget, plot_word_budget
from shown_bars import shown_bars

RAW = load("vision_pitch.json")
SPEC = v.pitch_spec()
FIELD_IDS = [f.id for f in SPEC.fields]
GOOD = {
    "headline": "Every small shop can take card payments on the day it opens.",
    "problem": "Shops wait two weeks for a card terminal, according to our support tickets.",
    "for_whom": "Independent cafés and market stalls in their first month of trading.",
    "why_now": "The new instant-payments rules start next spring.",
    "success": "Half of new shops take a payment on day one; we measured 8% last quarter.",
    "cost": "Three people for one quarter, which we estimate at 150,000.",
    "returns": "We estimate 400,000 a year in fees from shops that would otherwise go elsewhere.",
}


def kinds(check):
    return [(i.field_id, i.kind) for i in check.issues]


def test_the_spec_has_the_parts_the_chapter_names():
    assert FIELD_IDS == ["headline", "problem", "for_whom", "why_now", "success", "cost", "returns"]
    assert all(f.required and f.max_words >= 20 for f in SPEC.fields)
    assert {"senior-managers", "investors", "engineering-team"} == {a.id for a in SPEC.audiences}


def test_a_complete_backed_pitch_is_ready_with_no_issues():
    check = v.check_pitch(SPEC, GOOD, "senior-managers")
    assert check.issues == () and check.ready and check.filled == 7
    assert "Ready to pitch" in check._repr_html_()
    assert check.word_counts[FIELD_IDS.index("cost")] == len(GOOD["cost"].split())


def test_missing_parts_are_flagged_with_the_prompt():
    check = v.check_pitch(SPEC, {**GOOD, "success": "  ", "why_now": ""}, "investors")
    assert kinds(check) == [("why_now", "missing"), ("success", "missing")]
    assert not check.ready and "The result you will measure" in check.issues[1].message
    assert "Not ready yet" in check._repr_html_()


def test_too_many_words_is_flagged_with_the_count():
    limit = SPEC.fields[0].max_words
    check = v.check_pitch(SPEC, {**GOOD, "headline": "word " * (limit + 1)}, "investors")
    assert kinds(check) == [("headline", "too long")]
    assert f"{limit + 1} words; the limit is {limit}" in check.issues[0].message
    assert kinds(v.check_pitch(SPEC, {**GOOD, "headline": "word " * limit}, "investors")) == []


@pytest.mark.parametrize(
    ("sentence", "flagged"),
    [
        ("Churn is 30% a year.", True),
        ("Churn is 30% a year (survey of 200 customers).", False),
        ("Churn is 30 percent, according to the finance team.", False),
        ("Source: our CRM. Churn is 30%.", True),  # the source must be in the same sentence
        ("Churn is 30%. Source: our CRM.", True),
        ("Churn is 30%, source: our CRM.", False),
        ("We measured churn at 30% last year.", False),
        ("We estimate 2 million in savings.", False),
        ("It saves $4k a month.", True),
        ("Growth was 3x.", True),
        ("The law changes in 2026.", False),
        ("Our Q3 plan targets B2B shops.", False),
        ("No numbers here at all.", False),
        ("Paste <script>alert(1)</script> to test us.", False),  # code, not a quantity
        ("<img src=x onerror=alert(1)>", False),
        ("Churn is <b>30%</b> a year.", True),  # markup around a real number keeps it a number
    ],
)
def test_the_unbacked_number_rule(sentence, flagged):
    check = v.check_pitch(SPEC, {**GOOD, "problem": sentence}, "engineering-team")
    assert (("problem", "unbacked number") in kinds(check)) is flagged


def test_sweeping_claims_and_jargon_depend_on_the_audience():
    text = {**GOOD, "why_now": "Kafka makes a revolutionary event-driven design possible."}
    managers = kinds(v.check_pitch(SPEC, text, "senior-managers"))
    assert ("why_now", "sweeping claim") in managers
    assert managers.count(("why_now", "jargon")) == 2
    engineers = kinds(v.check_pitch(SPEC, text, "engineering-team"))
    assert ("why_now", "jargon") not in engineers and ("why_now", "sweeping claim") in engineers
    backed = {**GOOD, "why_now": "Everyone in our survey of 40 shops asked for it (survey, May)."}
    assert kinds(v.check_pitch(SPEC, backed, "investors")) == []


def test_the_flawed_example_shows_every_kind_of_issue():
    found = {kind for _, kind in kinds(v.check_pitch(SPEC, SPEC.example, "senior-managers"))}
    assert found == {"missing", "unbacked number", "sweeping claim", "jargon"}


def test_bad_inputs_give_clear_messages():
    with pytest.raises(ValueError, match="not one of the audiences"):
        v.check_pitch(SPEC, GOOD, "aliens")
    with pytest.raises(ValueError, match="Unknown pitch parts"):
        v.check_pitch(SPEC, {**GOOD, "extra": "x"}, "investors")
    with pytest.raises(ValueError, match="The problem: 100,000 characters is too long"):
        v.check_pitch(SPEC, {**GOOD, "problem": "x" * 100_000}, "investors")


def test_missing_ids_count_as_empty_and_non_text_is_read_as_text():
    check = v.check_pitch(SPEC, {"headline": 42}, "investors")
    assert check.texts[0] == "42" and check.count("missing") == 6


@given(st.text(max_size=3000), st.sampled_from(FIELD_IDS), st.sampled_from(["senior-managers", "engineering-team"]))
def test_any_text_is_checked_without_crashing_and_rendered_escaped(text, field_id, audience):
    check = v.check_pitch(SPEC, {**GOOD, field_id: text}, audience)
    html = v.pitch_html(check) + check._repr_html_()
    assert "<script" not in html.lower().replace("&lt;script", "")
    markdown = v.pitch_markdown(check)
    assert "<script" not in markdown.lower()
    assert all(i.kind in {"missing", "too long", "unbacked number", "sweeping claim", "jargon"} for i in check.issues)
    json.dumps(check.as_dict())


@given(st.sampled_from(["<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "</section><b>x</b>",
                        "]]><!-- & \"quotes\" 'single'"]))
def test_html_payloads_are_shown_as_text(payload):
    check = v.check_pitch(SPEC, {**GOOD, "problem": payload + " 50% of users."}, "investors")
    html = v.pitch_html(check) + check._repr_html_()
    assert payload not in html and "&lt;" in html
    assert payload not in v.pitch_markdown(check)


def test_a_hundred_kilobytes_of_words_is_refused_with_a_message_not_a_hang():
    big = ("We grow 10% a month. " * 5000)[:100_000]
    with pytest.raises(ValueError, match="too long"):
        v.check_pitch(SPEC, {"problem": big}, "investors")


def test_many_sentences_within_the_character_limit():
    text = "Revenue grew 10% a year. " * 190
    check = v.check_pitch(SPEC, {**GOOD, "problem": text}, "investors")
    assert check.count("unbacked number") == 190 and check.count("too long") == 1


def test_markdown_keeps_the_parts_and_lists_issues():
    text = v.pitch_markdown(v.check_pitch(SPEC, {**GOOD, "success": "", "problem": "a *b* | c"}, "investors"))
    assert "### What success looks like" in text and "*(not written yet)*" in text
    assert "a \\*b\\* \\| c" in text and "missing" in text


@pytest.mark.parametrize(
    ("mutate", "message"),
    [
        (lambda d: d["fields"][0].__setitem__("max_words", 0),
         "vision_pitch.json: at /fields/0/max_words: 0 is less than the minimum of 5"),
        (lambda d: d["fields"][0].__setitem__("required", "yes"),
         "vision_pitch.json: at /fields/0/required: 'yes' is not of type 'boolean'"),
        (lambda d: d["fields"][1].__setitem__("id", "headline"),
         "vision_pitch.json: at /fields/1/id: two fields share the id 'headline'"),
        (lambda d: d["fields"][0].pop("label"), "vision_pitch.json: at /fields/0: 'label' is a required property"),
        (lambda d: d["audiences"][0].pop("flag_jargon"),
         "vision_pitch.json: at /audiences/0: 'flag_jargon' is a required property"),
        (lambda d: d.__setitem__("source_markers", []),
         "vision_pitch.json: at /source_markers: [] should be non-empty"),
        (lambda d: d["example"].pop("cost"),
         "vision_pitch.json: at /example: the example must give a text for every field, and only those (missing: cost"),
        (lambda d: d.__setitem__("fields", []), "vision_pitch.json: at /fields: [] should be non-empty"),
    ],
)
def test_broken_spec_is_refused(mutate, message):
    data = copy.deepcopy(RAW)
    mutate(data)
    with pytest.raises(ValueError, match=re.escape(message)):
        v.parse_pitch_spec(data)


def test_word_budget_chart_and_alt_text():
    check = v.check_pitch(SPEC, {**GOOD, "headline": "word " * 40}, "investors")
    fig = Figure()
    ax = fig.subplots()
    plot_word_budget(ax, check.budget)
    _limits, used_bars = ax.collections
    used = [bar.width for bar in shown_bars(used_bars)]
    assert used[0] == 40 and used[1] == len(GOOD["problem"].split())
    alt = describe_word_budget(check.budget)
    assert "The vision 40 of 30 (over)" in alt and "The problem" in alt
