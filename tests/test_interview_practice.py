"""Interview practice: the question bank, drawing a question, checking an answer against its checklist."""

import copy
import random
import re

import pytest
from hypothesis import given
from hypothesis import strategies as st
from matplotlib.figure import Figure

from exercises import interview_practice as ip
from exercises import registry
from exercises.interview_practice import chart
from exercises.kit import data

RAW = data.load(ip.DATA_FILE)
BANK = ip.interview_bank()
STANDARD_TYPES = ["product-sense", "estimation", "metrics", "behavioural", "strategy"]
DOG_WALKING = BANK.question("est-dog-walking")
GOOD_ESTIMATE = (
    "Assume 900,000 households, and say one in five has a dog, so 180,000 dogs. Say one owner in ten pays for walks, "
    "twice a week at 15 per walk: 18,000 x 2 x 52 x 15 is about 28 million a year. Check: that is about 1,500 walks "
    "a day, which seems reasonable for a few hundred walkers."
)


def question_type_of(question):
    return BANK.type(question.type_id)


def broken(mutate):
    raw = copy.deepcopy(RAW)
    mutate(raw)
    return raw


def test_the_bank_covers_the_standard_types_with_several_questions_each():
    assert [t.id for t in BANK.types] == STANDARD_TYPES
    for question_type in BANK.types:
        assert len(BANK.of_type(question_type.id)) >= 4
        assert len(question_type.checklist) == 4
        assert question_type.tests and question_type.strong_answer
    assert registry.exercise("interview-practice").data_files == (ip.DATA_FILE,)


@pytest.mark.parametrize(
    ("mutate", "message"),
    [
        (lambda d: d["questions"][0].__setitem__("type", "riddles"),
         "at /questions/0/type: 'riddles' is not a declared"),
        (lambda d: d["questions"][1].__setitem__("id", d["questions"][0]["id"]), "at /questions/1/id: two questions"),
        (lambda d: d["types"][1].__setitem__("id", "product-sense"), "at /types/1/id: two types share"),
        (lambda d: d["types"][0]["checklist"][1].__setitem__("id", "user"), "at /types/0/checklist/1/id: two"),
        (lambda d: d["types"][0]["checklist"][0]["cues"].append("***"), "has no word in it"),
        (lambda d: d["types"][0]["checklist"][0]["cues"].append("#date"), "the only special cue is #number"),
        (lambda d: d.__setitem__("questions", [q for q in d["questions"] if q["type"] != "strategy"]
                                 + [q for q in d["questions"] if q["type"] == "strategy"][:2]),
         "the type 'strategy' has 2 questions"),
        # Shape rules, checked by interview_practice.schema.json.
        (lambda d: d["types"][0]["checklist"].pop(), re.escape("interview_practice.json: at /types/0/checklist: [")),
        (lambda d: d["questions"][0].__setitem__("outline", " "), "at /questions/0/outline: ' ' does not match"),
        (lambda d: d.pop("limits"), "'limits' is a required property"),
    ],
)
def test_broken_banks_are_refused_naming_the_problem(mutate, message):
    with pytest.raises(ValueError, match=message):
        ip.parse_interview_bank(broken(mutate))


def test_drawing_respects_the_type_and_avoids_the_current_question():
    rng = random.Random(7)
    for _ in range(50):
        question = ip.draw_question(BANK, "metrics", avoid="met-orders-fell", rng=rng)
        assert question.type_id == "metrics" and question.id != "met-orders-fell"
    seen = {ip.draw_question(BANK, None, rng=rng).type_id for _ in range(200)}
    assert seen == set(STANDARD_TYPES)
    with pytest.raises(ValueError, match="not one of the types"):
        ip.draw_question(BANK, "riddles")


def test_a_good_estimate_with_honest_ticks_gets_no_checklist_hints():
    result = ip.check_answer(BANK, DOG_WALKING, GOOD_ESTIMATE, [True, True, True, True])
    assert result.ticked == 4 and result.hints == ()
    assert result.cues_found[0][0] == "assume" and "180,000" in result.cues_found[2]
    assert "Checklist ticked: 4 of 4" in result.summary()


def test_hints_compare_the_ticks_with_the_words():
    text = "Around 900,000 households and 180,000 dogs, 18,000 paying, twice a week each: about 28 million a year."
    result = ip.check_answer(BANK, DOG_WALKING, text, {"assumptions": False, "parts": True, "answer": True,
                                                          "check": True})
    hints = "\n".join(result.hints)
    assert "may already cover \u201cI stated my assumptions out loud\u201d (it says \u201caround\u201d)" in hints
    assert "You ticked \u201cI checked it against something I know\u201d, but none of the words" in hints
    assert "Your answer has 17 words" in hints
    untouched = ip.check_answer(BANK, BANK.question("beh-failure"), "We shipped late and the team was sad. " * 8,
                                [False] * 4)
    assert any(h.startswith("Not in your answer yet: \u201cI said what I did myself") for h in untouched.hints)


@pytest.mark.parametrize(
    ("text", "ticks", "message"),
    [
        ("", [False] * 4, "Your answer is empty"),
        ("  \n", [False] * 4, "Your answer is empty"),
        ("?!", [False] * 4, "no words yet"),
        ("<br><hr/>", [False] * 4, "no words yet"),  # only markup: nothing a listener would hear
        ("x" * 5_001, [False] * 4, "too long"),
        ("An answer", [True], "expected 4 ticks"),
        ("An answer", {"assumptions": True, "vibes": True}, "vibes is not on this checklist"),
    ],
)
def test_bad_answers_are_refused_with_a_message(text, ticks, message):
    with pytest.raises(ValueError, match=message):
        ip.check_answer(BANK, DOG_WALKING, text, ticks)


@given(st.text(max_size=400), st.lists(st.booleans(), min_size=4, max_size=4),
       st.sampled_from([q.id for q in BANK.questions]))
def test_any_answer_is_checked_or_refused_and_shown_escaped(text, ticks, question_id):
    question = BANK.question(question_id)
    try:
        result = ip.check_answer(BANK, question, text, ticks)
    except ValueError as error:
        assert str(error).startswith(("Your answer", "Checklist"))
        return
    assert result.ticks == tuple(ticks) and result.text == text.strip() and result.word_count >= 1
    for item, tick, found in zip(question_type_of(question).checklist, ticks, result.cues_found, strict=True):
        hinted = any(f"\u201c{item.text}\u201d" in hint for hint in result.hints)
        assert hinted == (not tick or not found)  # quiet only when a ticked item's words are there
    html = result._repr_html_()
    assert "<script" not in html.lower().replace("&lt;script", "")
    assert result.as_dict()["ticked"] == sum(ticks)


def test_markdown_keeps_the_question_answer_and_ticks_escaped():
    result = ip.check_answer(BANK, DOG_WALKING, "About *28 million* | <b>bold</b>", [True, False, True, False])
    text = result.markdown()
    assert text.startswith("### Estimation\n\n> Estimate the yearly revenue")
    assert "About \\*28 million\\* \\| &lt;b&gt;bold&lt;/b&gt;" in text
    assert "- [x] I stated my assumptions out loud" in text and "- [ ] I broke the number into parts" in text


def test_progress_sums_the_ticks_by_type():
    answers = [
        ip.check_answer(BANK, DOG_WALKING, GOOD_ESTIMATE, [True, True, True, False]),
        ip.check_answer(BANK, BANK.question("est-station-coffee"), GOOD_ESTIMATE, [True, False, False, False]),
        ip.check_answer(BANK, BANK.question("beh-failure"), "I missed the deadline.", [True, True, False, False]),
    ]
    progress = ip.practice_progress(BANK, answers)
    assert progress.answered == 3
    assert progress.as_dict()["estimation"] == {"answered": 2, "ticked": 4, "items": 8}
    assert progress.as_dict()["behavioural"] == {"answered": 1, "ticked": 2, "items": 4}
    assert progress.as_dict()["metrics"] == {"answered": 0, "ticked": 0, "items": 0}
    fig = Figure()
    ax = fig.subplots()
    chart.plot_progress(ax, progress)
    assert [t.get_text() for t in ax.get_yticklabels()] == [t.label for t in reversed(BANK.types)]
    alt = chart.describe_progress(progress)
    assert "Estimation: 4 of 8 items ticked over 2 answers (50%)" in alt and "Metrics: not practised yet" in alt
