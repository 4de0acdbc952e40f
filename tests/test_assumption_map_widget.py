"""Headless tests of the assumption map: rate assumptions as a learner would, read what it shows."""

from hypothesis import given, settings
from hypothesis import strategies as st
from matplotlib.colors import to_hex

from exercises import assumption_map as am
from exercises.assumption_map import chart
from view_checks import assert_problem_shown, view_fixture

view = view_fixture(am.build_assumption_map)


def rate(view, number, importance, evidence, own=False):
    prefix = "own_" if own else ""
    view.controls[f"{prefix}importance_{number}"].value = importance
    view.controls[f"{prefix}evidence_{number}"].value = evidence


def test_starts_with_the_first_product_and_asks_for_ratings(view):
    assert "Shared expenses for hiking clubs" in view.outputs["pitch"].value
    assert "Rate 3 more assumptions" in view.outputs["results"].value
    assert 'alt="Assumption map for Shared expenses for hiking clubs: 0 of 6 assumptions placed."' \
        in view.outputs["chart"].value


def test_three_ratings_name_what_to_test_first_and_how(view):
    rate(view, 1, 3, 2)
    rate(view, 5, 4, 1)
    before = view.outputs["chart"].value
    rate(view, 3, 4, 4)
    shown = view.outputs["results"].value
    assert "Test #5 first: \u201cEnough clubs will pay 15 a month to cover our costs.\u201d" in shown
    assert "Then #1: Ask five treasurers" in shown
    assert "No important assumption about feasibility" in shown
    assert view.outputs["chart"].value != before
    assert "Test first: #5, #1. Proceed, and keep measuring: #3." in view.outputs["chart"].value


def test_switching_products_keeps_each_products_ratings(view):
    rate(view, 1, 4, 1)
    view.controls["product"].value = "meal-kits"
    assert "Weekly meal kits" in view.outputs["pitch"].value
    assert view.controls["importance_1"].value == 0
    assert "0 of 6 assumptions placed" in view.outputs["chart"].value
    view.controls["product"].value = "club-expenses"
    assert view.controls["importance_1"].value == 4 and view.controls["evidence_1"].value == 1
    assert "1 of 6 assumptions placed" in view.outputs["chart"].value


def test_own_assumptions_are_numbered_after_the_products_and_escaped(view):
    view.controls["own_text_1"].value = "<i>Treasurers</i> own a smartphone"
    view.controls["own_risk_1"].value = "feasibility"
    rate(view, 1, 4, 1, own=True)
    rate(view, 2, 3, 3)
    rate(view, 4, 1, 4)
    shown = view.outputs["results"].value
    assert "Test #7 first: \u201c&lt;i&gt;Treasurers&lt;/i&gt; own a smartphone\u201d" in shown
    assert "<i>" not in shown
    assert view.controls["own_importance_1"].description == "#7 importance"


def test_an_own_assumption_without_a_risk_shows_a_message(view):
    view.controls["own_text_2"].value = "Clubs meet every month"
    assert_problem_shown(view, "Your assumption 2: choose which risk it belongs to.")
    view.controls["own_risk_2"].value = "value"
    assert view.outputs["message"].value == ""


def test_save_needs_three_ratings_then_records_the_ranking(view, save_view, refused_save):
    rate(view, 1, 4, 1)
    refused_save(view, "Rate at least 3 assumptions on both scales first.")
    rate(view, 2, 4, 2)
    rate(view, 6, 2, 3)
    record = save_view(view, name="Lin")
    assert record["inputs"]["product"] == "club-expenses"
    assert record["inputs"]["ratings"] == {"pain": [4, 1], "pay-in-app": [4, 2], "licence": [2, 3]}
    assert record["results"]["test_first"] == [1, 2]
    assert record["results"]["ranking"][2]["zone"] == "ignore"


def _shown(view) -> dict[str, list[tuple[float, float]]]:
    ax = view.charts["chart"].figure.axes[0]
    points = {}
    for line in ax.lines:
        if line.get_gid():
            points[line.get_gid()] = list(zip(line.get_xdata(), line.get_ydata(), strict=True))
            assert to_hex(line.get_color()) == chart.RISK_STYLE[line.get_gid()][0]
    return points


@settings(max_examples=40)
@given(st.lists(st.tuples(st.sampled_from(["product", "rating", "own"]), st.integers(0, 5), st.integers(0, 4),
                          st.integers(0, 4)), min_size=1, max_size=8))
def test_the_map_always_shows_the_current_ratings(changes):
    view = am.build_assumption_map()
    products = [s.id for s in am.assumption_map().scenarios]
    for kind, row, importance, evidence in changes:
        if kind == "product":
            view.controls["product"].value = products[row % len(products)]
        elif kind == "own":
            view.controls["own_text_1"].value = f"My assumption {row}"
            view.controls["own_risk_1"].value = ["value", "usability", "feasibility", "viability"][row % 4]
            rate(view, 1, importance, evidence, own=True)
        else:
            rate(view, row + 1, importance, evidence)
    bank = am.assumption_map()
    scenario = bank.scenario(view.controls["product"].value)
    ratings = {a.id: (view.controls[f"importance_{n}"].value, view.controls[f"evidence_{n}"].value)
               for n, a in enumerate(scenario.assumptions, 1)}
    ratings["own-1"] = (view.controls["own_importance_1"].value, view.controls["own_evidence_1"].value)
    own = am.own_assumption(bank, 1, view.controls["own_text_1"].value, view.controls["own_risk_1"].value)
    result = am.place(bank, scenario, ratings, [own])
    where = chart.positions(result.placements)
    expected = {risk: [where[p.number] for p in result.placements if p.assumption.risk == risk]
                for risk in chart.RISK_STYLE}
    assert _shown(view) == expected
    labels = sorted(t.get_text() for t in view.charts["chart"].figure.axes[0].texts if t.get_text().isdigit())
    assert labels == sorted(str(p.number) for p in result.placements)
    assert f'alt="{chart.describe_map(result)}"' in view.outputs["chart"].value
