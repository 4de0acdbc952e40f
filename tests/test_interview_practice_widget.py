"""Headless tests of the interview-practice widget: draw, write, tick and check as a learner would."""

import html

from hypothesis import given, settings
from hypothesis import strategies as st

from exercises import interview_practice as ip
from shown_bars import shown_bars

BANK = ip.interview_bank()
ANSWER = ("Assume 900,000 households; say one in five has a dog. Twice a week at 15 per walk is about 28 million a "
          "year. Check: about 1,500 walks a day, which seems reasonable.")


def build():
    return ip.build_interview_practice(seed=3)


def on_screen(view):
    """The bank's question shown now (its text is escaped in the page, so unescape before comparing)."""
    shown = html.unescape(view.outputs["question"].value)
    (question,) = [q for q in BANK.questions if q.text in shown]
    return question


def ticks(view):
    return [view.controls[f"item_{n}"] for n in range(1, 5)]


def test_starts_on_the_first_question_with_its_checklist_and_an_empty_chart():
    view = build()
    first = BANK.questions[0]
    assert on_screen(view) == first
    assert "What it tests:" in view.outputs["question"].value and "A strong answer:" in view.outputs["question"].value
    assert [box.description for box in ticks(view)] == [i.text for i in BANK.type(first.type_id).checklist]
    assert view.outputs["feedback"].value == "" and view.outputs["answered"].value == ""
    assert "Product sense or design: not practised yet" in view.outputs["chart"].value


def test_choosing_a_type_draws_a_question_of_that_type_and_its_checklist():
    view = build()
    view.controls["type"].value = "estimation"
    assert on_screen(view).type_id == "estimation"
    assert ticks(view)[0].description == "I stated my assumptions out loud"
    seen = {on_screen(view).id}
    for _ in range(12):
        view.controls["draw"].click()
        assert on_screen(view).type_id == "estimation"
        seen.add(on_screen(view).id)
    assert len(seen) > 1


def test_checking_an_answer_shows_hints_the_outline_and_the_chart():
    view = build()
    view.controls["type"].value = "estimation"
    view.controls["answer"].value = ANSWER
    for box in ticks(view)[:3]:
        box.value = True
    view.controls["check"].click()
    shown = view.outputs["feedback"].value
    assert "You ticked 3 of 4 checklist items" in shown and "What a strong answer would cover" in shown
    assert "may already cover \u201cI checked it against something I know\u201d" in shown
    assert "These hints look for words, not ideas" in shown
    assert "Estimation: 3 of 4 items ticked over 1 answer (75%)" in view.outputs["chart"].value
    assert "Answers kept for Save my work" in view.outputs["answered"].value


def test_an_empty_answer_explains_and_keeps_nothing(refused_save):
    view = build()
    view.controls["check"].click()
    assert 'role="alert"' in view.outputs["feedback"].value and "Your answer is empty" in view.outputs["feedback"].value
    refused_save(view, "Write an answer and press Check my answer first")


def test_a_kept_answer_comes_back_with_its_question(save_view):
    view = build()
    view.controls["answer"].value = "My <b>answer</b> to the plants question, for new gardeners."
    ticks(view)[0].value = True
    view.controls["check"].click()
    first = BANK.questions[0]
    view.controls["type"].value = "strategy"
    assert view.controls["answer"].value == "" and not any(box.value for box in ticks(view))
    view.controls["type"].value = "product-sense"  # the current question is strategy, so one is drawn
    while on_screen(view) != first:
        view.controls["draw"].click()
    assert view.controls["answer"].value.startswith("My <b>answer</b>") and ticks(view)[0].value
    assert "You ticked 1 of 4" in view.outputs["feedback"].value and "<b>" not in view.outputs["feedback"].value


def test_save_keeps_questions_answers_and_ticks_and_checks_what_is_on_screen(save_view, work_folder):
    view = build()
    view.controls["type"].value = "behavioural"
    view.controls["answer"].value = "When our launch slipped I told the team early. We shipped 2 weeks late; I learned."
    ticks(view)[1].value = True
    view.controls["check"].click()
    question = on_screen(view)
    ticks(view)[3].value = True  # ticked after checking: Save checks it again first
    record = save_view(view, name="Ada")
    assert record["exercise_id"] == "interview-practice"
    saved = record["inputs"]["answers"][question.id]
    assert saved["answer"].startswith("When our launch slipped")
    assert saved["ticks"] == {"situation": False, "action": True, "result": False, "learning": True}
    result = record["results"]["answers"][0]
    assert result["question_text"] == question.text and result["ticked"] == 2
    assert record["results"]["by_type"]["behavioural"] == {"answered": 1, "ticked": 2, "items": 4}
    markdown = next(work_folder.glob("*.md")).read_text()
    assert "> " + question.text in markdown and "- [x] I said what I did myself" in markdown


def test_a_bad_answer_on_screen_stops_the_save_with_its_reason(save_view):
    view = build()
    view.controls["answer"].value = "A fine answer about plants and the people who forget to water them."
    view.controls["check"].click()
    view.controls["answer"].value = "x" * 5_001
    assert save_view(view) is None
    assert "Not saved." in view.outputs["status"].value and "too long" in view.outputs["status"].value


def _shown(view):
    """The chart, top row first: tick labels, bar widths, and the rows marked 'not practised yet'."""
    ax = view.charts["chart"].figure.axes[0]
    labelled = sorted(zip(ax.get_yticks(), ax.get_yticklabels(), strict=True), key=lambda tick: -tick[0])
    rows = [position for position, _ in labelled]
    (collection,) = ax.collections
    bars = sorted(shown_bars(collection), key=lambda bar: -bar.row)
    assert [bar.row for bar in bars] == rows
    idle = sorted(rows.index(t.get_position()[1]) for t in ax.texts if t.get_text() == "not practised yet")
    return [label.get_text() for _, label in labelled], [round(bar.width, 6) for bar in bars], idle


ACTIONS = st.one_of(
    st.tuples(st.just("type"), st.sampled_from(["any", *[t.id for t in BANK.types]])),
    st.tuples(st.just("draw"), st.none()),
    st.tuples(st.just("tick"), st.integers(1, 4)),
    st.tuples(st.just("write"), st.sampled_from(["", ANSWER, "I did it.", "We did it together, roughly."])),
    st.tuples(st.just("check"), st.none()),
)


@settings(max_examples=40)  # each example builds the exercise
@given(st.lists(ACTIONS, min_size=1, max_size=12))
def test_the_chart_always_shows_the_checked_answers(actions):
    view = build()
    kept: dict[str, tuple[str, int]] = {}  # question id -> (type id, ticks), as a learner would track it
    for action, value in actions:
        if action == "type":
            view.controls["type"].value = value
        elif action == "draw":
            view.controls["draw"].click()
        elif action == "tick":
            box = view.controls[f"item_{value}"]
            box.value = not box.value
        elif action == "write":
            view.controls["answer"].value = value
        else:
            view.controls["check"].click()
            question = on_screen(view)
            if view.controls["answer"].value.strip():
                kept[question.id] = (question.type_id, sum(box.value for box in ticks(view)))
    labels, widths, idle = _shown(view)
    assert labels == [t.label for t in BANK.types]
    expected = []
    for t in BANK.types:
        mine = [n for type_id, n in kept.values() if type_id == t.id]
        expected.append(round(100 * sum(mine) / (4 * len(mine)), 6) if mine else 0)
    assert widths == expected
    assert idle == [i for i, t in enumerate(BANK.types) if not any(type_id == t.id for type_id, _ in kept.values())]
