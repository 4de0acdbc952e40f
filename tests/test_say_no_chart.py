"""The debrief chart always shows the current conversation: after any sequence of requests, replies, backs and
restarts, its bars hold exactly this conversation's shares (and the shares over all finished ones), its labels
the dimensions, and it is empty while the conversation goes on."""

from __future__ import annotations

from hypothesis import example, given, settings
from hypothesis import strategies as st
from matplotlib.colors import to_hex

from exercises import say_no as s
from exercises.say_no import chart

SET = s.say_no_scenarios()
REQUESTS = [sc.id for sc in SET.scenarios]
VISITED = REQUESTS[:3]  # few enough that sequences often come back to a request they left

moves = st.lists(
    st.one_of(
        st.tuples(st.just("request"), st.sampled_from(VISITED)),
        st.tuples(st.just("reply"), st.integers(0, 3)),
        st.tuples(st.just("back"), st.none()),
        st.tuples(st.just("restart"), st.none()),
    ),
    min_size=1, max_size=20,
)


def play(view, sequence):
    """Make the moves on the widget; return each request's path as the learner left it."""
    paths = {request: [] for request in REQUESTS}
    for move, value in sequence:
        request = view.controls["request"].value
        if move == "request":
            view.controls["request"].value = value
        elif move == "reply" and not view.controls["answer"].disabled:
            options = view.controls["reply"].options
            view.controls["reply"].value = options[value % len(options)][1]
            view.controls["answer"].click()
            paths[request].append(options[value % len(options)][1])
        elif move == "back":
            view.controls["back"].click()
            paths[request] = paths[request][:-1]
        elif move == "restart":
            view.controls["restart"].click()
            paths[request] = []
    return paths


@settings(max_examples=40)
@given(moves)
# Finish a request, take the last reply back, finish another: the first no longer counts over all.
@example([("reply", 1), ("back", None), ("request", "exec-pet-feature"), ("reply", 0)])
# Finish two requests, then come back to the first: both count over all.
@example([("reply", 1), ("request", "exec-pet-feature"), ("reply", 3), ("request", "sales-friday")])
def test_the_chart_shows_exactly_the_current_conversation(sequence):
    view = s.build_role_play()
    paths = play(view, sequence)
    current = s.Conversation(SET.scenario(view.controls["request"].value), tuple(paths[view.controls["request"].value]))
    if not current.finished:
        assert view.outputs["chart"].value == ""
        return
    reports = [
        s.debrief(conversation, SET.dimensions, SET.max_per_dimension)
        for conversation in (s.Conversation(SET.scenario(r), tuple(paths[r])) for r in REQUESTS)
        if conversation.finished
    ]
    report = s.debrief(current, SET.dimensions, SET.max_per_dimension)
    overall = s.combined_shares(reports) if len(reports) > 1 else None
    ax = view.charts["chart"].figure.axes[0]
    bars = ax.patches
    assert len(bars) == (8 if overall else 4)
    assert [bar.get_width() for bar in bars[:4]] == [100 * share for share in report.shares()]
    if overall:
        assert [bar.get_width() for bar in bars[4:]] == [100 * share for share in overall]
        legend = [t.get_text() for t in ax.get_legend().get_texts()]
        assert legend == ["This conversation", "All finished conversations"]
    else:
        assert ax.get_legend() is None
    weakest = report.weakest.id if report.weakest else None
    assert [to_hex(bar.get_facecolor()) for bar in bars[:4]] == [
        chart.WEAKEST_COLOUR if d.id == weakest else chart.THIS_COLOUR for d in SET.dimensions
    ]
    assert [t.get_text() for t in ax.get_yticklabels()] == [d.label for d in SET.dimensions]
    assert ax.get_title().startswith(f"This conversation: {report.score} of {report.max_score} points")
    assert f'alt="{chart.describe_debrief(report, overall)}"' in view.outputs["chart"].value.replace("&#x27;", "'")
