"""The radar always shows the current choices: after any sequence of ticks, slides and notes, the figure holds
exactly the current ratings, typical profile, weakest two, labels and legend, on the whole circle and scale."""

from __future__ import annotations

import math

from hypothesis import given, settings
from hypothesis import strategies as st

from exercises import competency_radar as r
from exercises.competency_radar import chart

CATALOGUE = r.origin_profiles()
BACKGROUNDS = [b.id for b in CATALOGUE.backgrounds]

changes = st.lists(
    st.one_of(
        st.tuples(st.just("background"), st.sampled_from(BACKGROUNDS), st.booleans()),
        st.tuples(st.just("rating"), st.sampled_from(CATALOGUE.ids), st.integers(1, 5)),
        st.tuples(st.just("note"), st.just(""), st.sampled_from(["", "why", "<b>x</b>"])),
    ),
    min_size=1, max_size=10,
)


def closed(values):
    return [*values, values[0]]


@settings(max_examples=40)
@given(changes)
def test_the_radar_shows_exactly_the_current_choices(sequence):
    view = r.build_radar()
    for kind, key, value in sequence:
        control = {"background": f"background_{key}", "rating": f"rating_{key}", "note": "note"}[kind]
        view.controls[control].value = value
    chosen = [b for b in BACKGROUNDS if view.controls[f"background_{b}"].value]
    ratings = {c: view.controls[f"rating_{c}"].value for c in CATALOGUE.ids}
    if not chosen:
        assert view.outputs["chart"].value == ""
        assert "Choose at least one background" in view.outputs["message"].value
        return
    result = r.assess(chosen, ratings)
    ax = view.charts["chart"].figure.axes[0]
    typical, you, weak = ax.lines
    spokes = chart.angles(6)
    assert list(typical.get_ydata()) == closed([row.typical for row in result.rated])
    assert list(you.get_ydata()) == closed([row.rating for row in result.rated])
    assert list(you.get_xdata()) == closed(spokes)
    index = [CATALOGUE.ids.index(c) for c in result.weakest]
    assert list(weak.get_xdata()) == [spokes[i] for i in index]
    assert list(weak.get_ydata()) == [result.rated[i].rating for i in index]
    (fill,) = ax.patches
    assert [round(y, 9) for y in fill.get_xy()[:6, 1]] == [row.rating for row in result.rated]
    assert [t.get_text() for t in ax.get_xticklabels()] == [c.chart_label for c in CATALOGUE.competencies]
    legend = [t.get_text() for t in ax.get_legend().get_texts()]
    assert legend[1:] == ["You", "Weakest two"]
    assert legend[0] == ("Typical: " + result.backgrounds[0].label if len(chosen) == 1
                         else f"Typical: average of {len(chosen)} backgrounds")
    assert ax.get_ylim() == (0, 5)
    assert ax.get_xlim() == (0, 2 * math.pi)  # the whole circle, never a wedge
    assert f'alt="{chart.describe_radar(result)}"' in view.outputs["chart"].value.replace("&#x27;", "'")


def test_a_redraw_keeps_the_whole_circle_and_scale():
    panel = chart.chart_panel()
    for value in (3, 2, 1):
        panel.html(r.assess(["qa"], dict.fromkeys(CATALOGUE.ids, value)))
    ax = panel.figure.axes[0]
    assert ax.get_ylim() == (0, 5) and ax.get_xlim() == (0, 2 * math.pi)
    assert [t.get_text() for t in ax.get_yticklabels()] == ["1", "2", "3", "4", "5"]
