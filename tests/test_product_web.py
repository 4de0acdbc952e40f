"""Pure logic of the product-web explorer: loading and validating the data, selections, notes, drawing."""

import json

import pytest
from hypothesis import given
from hypothesis import strategies as st
from matplotlib.figure import Figure

from data_edits import changed
from exercises import product_web as pw
from exercises.kit import data
from exercises.product_web import chart

RAW = data.load("product_web.json")
WEB = pw.default_web()
PHASES = [p.id for p in WEB.phases]
TEAMS = [t.id for t in WEB.teams]


# ---- the shipped data file -------------------------------------------------------------------


def test_the_data_file_has_the_teams_and_phases_the_chapter_names():
    assert TEAMS == [
        "engineering", "design", "qa", "sales", "marketing", "support", "analytics", "leadership", "customers",
    ]
    assert PHASES == ["discovery", "definition", "development", "launch", "growth", "maturity"]


def test_every_duty_in_the_data_file_is_reachable_and_non_empty():
    listed = [duty for team in RAW["duties"].values() for duties in team.values() for duty in duties]
    shown = [duty for i in pw.select(WEB).interfaces for duty in i.duties]
    assert sorted(shown) == sorted(d.strip() for d in listed)
    assert all(duty.strip() for duty in shown)


def test_launch_preparation_starts_during_the_build():
    """Issue 12: marketing, sales and leadership take part during development, not only at launch."""
    building = pw.select(WEB, phase="development")
    assert {"sales", "marketing", "leadership"} <= set(building.active_teams())
    launch_words = ("launch", "release")
    for team in ("sales", "marketing", "leadership"):
        assert any(word in duty.lower() for duty in RAW["duties"][team]["development"] for word in launch_words), team


# ---- validation on load ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda d: d["duties"].update({"legal": {"launch": ["Check the contract."]}}),
         r"^product_web\.json: Duties name an unknown team 'legal'"),
        (lambda d: d["duties"]["sales"].update({"someday": ["Chat."]}),
         r"^product_web\.json: Duties for 'sales' in 'someday': unknown phase"),
        (lambda d: d["duties"]["sales"].update({"launch": []}),
         r"^product_web\.json: at /duties/sales/launch: \[\] should be non-empty"),
        (lambda d: d["duties"]["sales"].update({"launch": ["  "]}),
         r"^product_web\.json: at /duties/sales/launch/0: '  ' does not match"),
        (lambda d: d["duties"]["sales"].update({"launch": [42]}),
         r"^product_web\.json: at /duties/sales/launch/0: 42 is not of type 'string'"),
        (lambda d: d["duties"]["sales"].update({"launch": "Brief sales."}),
         r"^product_web\.json: at /duties/sales/launch: 'Brief sales\.' is not of type 'array'"),
        (lambda d: d["duties"].pop("qa"), r"^product_web\.json: Team 'qa' has no duties"),
        (lambda d: d["teams"].append(dict(d["teams"][0])), r"^product_web\.json: Team id 'engineering' appears twice"),
        (lambda d: d["phases"][0].update({"id": "all"}),
         r"^product_web\.json: at /phases/0/id: 'all' should not be valid under \{'const': 'all'\}"),
        (lambda d: d["phases"][2].update({"label": ""}), r"^product_web\.json: at /phases/2/label: '' does not match"),
        (lambda d: d["teams"][3].pop("boundary"),
         r"^product_web\.json: at /teams/3: 'boundary' is a required property"),
        (lambda d: d.update({"phases": []}), r"^product_web\.json: at /phases: \[\] should be non-empty"),
        (lambda d: d.update({"teams": "engineering"}),
         r"^product_web\.json: at /teams: 'engineering' is not of type 'array'"),
        (lambda d: d.pop("duties"), r"^product_web\.json: at /: 'duties' is a required property"),
    ],
)
def test_bad_data_is_rejected_with_the_entry_named(change, message):
    with pytest.raises(ValueError, match=message):
        pw.parse_product_web(changed(RAW, change))


def test_non_object_data_is_rejected():
    with pytest.raises(ValueError, match=r"^product_web\.json: at /: \['not', 'an', 'object'\] is not of type"):
        pw.parse_product_web(["not", "an", "object"])


def test_custom_data_renders_with_its_own_text_and_names_its_file():
    custom = changed(RAW, lambda d: d.update({"title": "Our web"}))
    web = pw.parse_product_web(custom, source="our-web.json")
    assert chart.describe_web(pw.select(web)).startswith("Diagram of our web for All phases, all teams")
    with pytest.raises(ValueError, match=r"^our-web\.json: at /: 'duties' is a required property"):
        pw.parse_product_web(changed(RAW, lambda d: d.pop("duties")), source="our-web.json")


# ---- selections ------------------------------------------------------------------------------


def test_one_phase_lists_each_active_team_once_with_its_duty():
    selection = pw.select(WEB, phase="discovery")
    assert selection.active_phases() == ("discovery",)
    assert "qa" not in selection.active_teams()  # QA has no discovery duty in the data
    expected = [t for t in TEAMS if "discovery" in RAW["duties"][t]]
    assert list(selection.active_teams()) == expected
    assert selection.summary().splitlines()[0] == f"Discovery, all teams: the PM works with {len(expected)} of 9 teams."


def test_one_team_lists_its_phases_and_where_the_pm_stops():
    selection = pw.select(WEB, team="sales")
    assert list(selection.active_phases()) == [p for p in PHASES if p in RAW["duties"]["sales"]]
    assert selection.active_teams() == ("sales",)
    text = selection.summary()
    assert "Launch: Brief sales" in text
    assert text.splitlines()[-1].startswith("Where the PM stops: Sales owns the pipeline")


def test_a_phase_and_team_without_an_interface_says_so():
    assert "discovery" not in RAW["duties"]["qa"]
    selection = pw.select(WEB, phase="discovery", team="qa")
    assert selection.interfaces == ()
    assert "no regular interface in this phase" in selection.summary()
    assert "Nothing here" in selection._repr_html_()


def test_the_whole_web_shows_a_matrix_of_every_interface():
    selection = pw.select(WEB)
    total = sum(len(phases) for phases in RAW["duties"].values())
    assert len(selection.interfaces) == total
    html = selection._repr_html_()
    assert html.count('role="img" aria-label="yes"') == total
    assert html.count('role="img" aria-label="no"') == 9 * 6 - total


@given(st.sampled_from(["all", *PHASES]), st.sampled_from(["all", *TEAMS]))
def test_every_selection_is_consistent(phase, team):
    selection = pw.select(WEB, phase, team)
    for interface in selection.interfaces:
        assert phase in ("all", interface.phase.id) and team in ("all", interface.team.id)
        assert interface.duties == WEB.duties[(interface.team.id, interface.phase.id)]
    expected = sum(
        1 for (t, p) in WEB.duties if phase in ("all", p) and team in ("all", t)
    )
    assert len(selection.interfaces) == expected
    assert json.loads(json.dumps(selection.as_dict()))["interfaces"] == expected


@given(st.text(max_size=60))
def test_unknown_phase_or_team_raises_a_clear_value_error(text):
    if text in PHASES or text == "all":
        return
    with pytest.raises(ValueError, match="Unknown phase"):
        pw.select(WEB, phase=text)
    if text in TEAMS:
        return
    with pytest.raises(ValueError, match="Unknown team"):
        pw.select(WEB, team=text)


# ---- the learner's note ------------------------------------------------------------------------


def test_an_empty_note_is_refused():
    with pytest.raises(ValueError, match="this field is empty"):
        pw.readiness_note("   \n ")


def test_a_very_long_note_is_refused():
    with pytest.raises(ValueError, match="too long"):
        pw.readiness_note("x" * 100_000)


@given(st.text(min_size=1, max_size=300).filter(lambda s: s.strip()))
def test_any_note_is_saved_verbatim_and_escaped_in_markdown(note):
    content = pw.snapshot_for(pw.select(WEB, "launch", "support"), note)
    assert content["inputs"] == {"phase": "launch", "team": "support", "note": note.strip()}
    body = content["markdown_body"]
    assert "<" not in body.split("Selection when saved")[0].split("\n", 2)[2]
    json.dumps(content)


def test_script_in_a_note_is_escaped_in_markdown():
    content = pw.snapshot_for(pw.select(WEB), "<script>alert('x')</script> **sales**")
    assert "&lt;script&gt;" in content["markdown_body"] and "<script>" not in content["markdown_body"]
    assert "\\*\\*sales\\*\\*" in content["markdown_body"]


# ---- drawing and alt text ------------------------------------------------------------------------


def test_alt_text_follows_the_selection():
    assert "Highlighted threads: Engineering (6 phases)" in chart.describe_web(pw.select(WEB))
    text = chart.describe_web(pw.select(WEB, "discovery"))
    assert "Faint threads: Quality assurance." in text and "strip below: Discovery highlighted" in text
    assert "No thread is highlighted" in chart.describe_web(pw.select(WEB, "discovery", "qa"))


@pytest.mark.parametrize(
    ("phase", "team"), [("all", "all"), ("launch", "all"), ("all", "qa"), ("discovery", "qa")]
)
def test_plot_draws_every_team_and_phase(phase, team):
    fig = Figure()
    ax = fig.add_subplot()
    chart.plot_product_web(ax, pw.select(WEB, phase, team))
    labels = {t.get_text() for t in ax.texts}
    assert {t.short.replace("/", "/\n") for t in WEB.teams} <= labels
    assert len(ax.lines) == len(WEB.teams)
    selection = pw.select(WEB, phase, team)
    thick = [line for line in ax.lines if line.get_linewidth() > 1.0]
    assert len(thick) == len(selection.active_teams())
    assert ax.get_title().endswith(selection.label)


def test_figure_html_has_alt_text_and_caption():
    html = pw.web_figure_html(pw.select(WEB), "The <web>")
    assert 'alt="Diagram of the product web for All phases, all teams' in html
    assert "<figcaption>The &lt;web&gt;</figcaption>" in html
