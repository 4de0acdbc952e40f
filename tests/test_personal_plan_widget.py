"""Headless tests of the personal-plan widget: type, choose and click as a learner would."""

from datetime import date

import ipywidgets as widgets
from hypothesis import given, settings
from hypothesis import strategies as st

from exercises import personal_plan as p
from exercises.personal_plan.chart import GROUP_COLOURS
from shown_bars import shown_bars
from view_checks import view_fixture

TODAY = date(2026, 11, 23)
DATA = p.plan_data()
NUMBERS = {
    "willingness_to_pay": "12", "price": "12", "variable_cost": "3", "fixed_costs": "500",
    "people_with_problem": "2000", "reach_percent": "4",
}


plan = view_fixture(p.build_personal_plan, today=TODAY)


def find_text(root: widgets.Widget, description: str) -> widgets.Text:
    """The first Text widget with this label anywhere under ``root``."""
    if isinstance(root, widgets.Text) and root.description == description:
        return root
    for child in getattr(root, "children", ()):
        found = find_text(child, description)
        if found is not None:
            return found
    return None


def write_project(plan, problem: str, fix: str) -> None:
    """Fill in part 3 as a learner would: the problem, the fix and the six numbers."""
    plan.controls["problem"].value = problem
    plan.controls["fix"].value = fix
    for name, value in NUMBERS.items():
        plan.controls[name].value = value


def test_starts_with_a_chart_of_unrated_skills_and_empty_step_help(plan):
    assert plan.outputs["skills_chart"].value.startswith('<img class="pm-chart" src="data:image/png;base64,')
    assert "Communication not rated" in plan.outputs["skills_chart"].value
    assert "5 of 5 skills are not rated yet" in plan.outputs["skills"].value
    assert "No next steps yet" in plan.outputs["steps"].value
    assert plan.outputs["reframe"].value == "" and plan.outputs["calculator"].children == ()


def test_every_control_has_a_visible_label(plan):
    for name, control in plan.controls.items():
        assert control.description, name


def test_writing_a_note_gives_gentle_feedback_without_markup(plan):
    plan.controls["friend_note"].value = "You are useless <script>alert(1)</script>"
    shown = plan.outputs["reframe"].value
    assert "What the checker noticed" in shown and "A gentler version" in shown
    assert "<script>" not in shown


def test_the_feedback_button_asks_for_words_when_empty(plan):
    plan.controls["feedback"].click()
    assert "Write a few sentences first" in plan.outputs["reframe"].value


def test_an_overlong_note_shows_an_error_not_a_traceback(plan):
    plan.controls["friend_note"].value = "\U0001f600" * 100_000
    shown = plan.outputs["reframe"].value
    assert 'role="alert"' in shown and "too long" in shown


def test_rating_skills_updates_the_summary_and_redraws_the_chart(plan):
    before = plan.outputs["skills_chart"].value
    for skill, level in {"communication": 4, "engineering": 2, "sales": 1, "customer": 5, "ambiguity": 3}.items():
        plan.controls[skill].value = level
    assert plan.outputs["skills_chart"].value != before
    assert "Knowledge: target customer 5" in plan.outputs["skills_chart"].value
    summary = plan.outputs["skills"].value
    assert "5 of 5 (target customer)" in summary
    assert "Work on first: comfort without full information (your rating: 3 of 5)." in summary


def test_the_calculator_opens_with_the_learners_numbers(plan):
    write_project(plan, "Our club's expenses <b>never</b> add up", "A shared spreadsheet")
    plan.controls["open_calculator"].click()
    shown = plan.outputs["try_it"].value
    assert "First check:" in shown and "&lt;b&gt;never&lt;/b&gt;" in shown and "<b>never" not in shown
    calculator = plan.outputs["calculator"]
    assert len(calculator.children) == 1
    assert find_text(calculator, "Willingness to pay").value == "12"
    assert find_text(calculator, "People with the problem").value == "2000"


def save_buttons(root: widgets.Widget) -> list[widgets.Button]:
    """Every "Save my work" button shown anywhere under ``root``."""
    found = [root] if isinstance(root, widgets.Button) and root.description == "Save my work" else []
    for child in getattr(root, "children", ()):
        found += save_buttons(child)
    return found


def test_the_open_calculator_adds_no_save_panel_of_its_own(plan, save_view):
    write_project(plan, "Our club's expenses never add up", "A shared spreadsheet")
    plan.controls["open_calculator"].click()
    assert len(plan.outputs["calculator"].children) == 1
    assert save_buttons(plan.root) == [plan.controls["save"]]  # one panel, and it is the plan's
    record = save_view(plan)
    assert record["exercise_id"] == "personal-plan"
    assert record["inputs"]["problem"] == "Our club's expenses never add up"


def test_bad_project_numbers_explain_and_close_the_calculator(plan):
    write_project(plan, "x", "y")
    plan.controls["open_calculator"].click()
    plan.controls["price"].value = "lots"
    plan.controls["open_calculator"].click()
    shown = plan.outputs["try_it"].value
    assert 'role="alert"' in shown and "Price you charge" in shown and "not a number" in shown
    assert plan.outputs["calculator"].children == ()


def test_an_empty_project_names_what_is_missing(plan):
    plan.controls["open_calculator"].click()
    shown = plan.outputs["try_it"].value
    assert "The problem: this field is empty" in shown and "The cheapest fix: this field is empty" in shown


def test_next_steps_are_checked_against_the_given_today(plan):
    plan.controls["steps"].value = "2026-11-30 Ask a PM for coffee\n2026-11-01 Too late\n2026-02-30 Nope"
    shown = plan.outputs["steps"].value
    assert "Line 2: 2026-11-01 is in the past (today is 2026-11-23)" in shown
    assert "Line 3: 2026-02-30 is not a real date" in shown
    plan.controls["steps"].value = "2026-11-30 Ask a PM for <i>coffee</i>"
    assert "2026-11-30" in plan.outputs["steps"].value and "&lt;i&gt;coffee" in plan.outputs["steps"].value


def test_save_writes_every_part_escaped(plan, save_view, work_folder):
    plan.controls["friend_note"].value = "You were brave. <script>alert(1)</script>"
    plan.controls["communication"].value = 3
    write_project(plan, "Expenses", "Spreadsheet")
    plan.controls["steps"].value = "2026-12-01 Ask a PM for coffee"
    record = save_view(plan)
    assert "Saved to the my-work folder" in plan.outputs["status"].value
    (saved,) = work_folder.glob("personal-plan_*.json")
    assert record["exercise_id"] == "personal-plan"
    assert record["inputs"]["friend_note"] == "You were brave. <script>alert(1)</script>"
    assert record["inputs"]["ratings"]["communication"] == 3 and record["inputs"]["today"] == "2026-11-23"
    assert record["results"]["next_steps"] == [{"date": "2026-12-01", "step": "Ask a PM for coffee"}]
    markdown = saved.with_suffix(".md").read_text(encoding="utf-8")
    assert "## 4. Next steps" in markdown and "- [ ] 2026-12-01: Ask a PM for coffee" in markdown
    assert "<script>" not in markdown and "&lt;script&gt;" in markdown


def test_save_refuses_invalid_parts_and_names_them(plan, save_view, work_folder):
    plan.controls["steps"].value = "next week: rest"
    assert save_view(plan) is None
    status = plan.outputs["status"].value
    assert "Not saved. Fix these first:" in status and "Part 4: Line 1" in status
    assert not work_folder.exists()


def test_an_empty_plan_is_refused_with_a_message(plan, save_view, refused_save):
    # Issue 14: an empty plan used to be saved, and graded as completed.
    refused_save(plan, "Fill in at least one part of your plan first")
    plan.controls["communication"].value = 2
    assert save_view(plan) is not None
    assert "Saved" in plan.outputs["status"].value


def test_clearing_a_note_invites_one_again_and_other_parts_leave_the_feedback_alone(plan):
    plan.controls["communication"].value = 2
    assert plan.outputs["reframe"].value == ""
    plan.controls["friend_note"].value = "You are useless"
    assert "A gentler version" in plan.outputs["reframe"].value
    plan.controls["sales"].value = 3
    assert "A gentler version" in plan.outputs["reframe"].value
    plan.controls["friend_note"].value = "  "
    assert "Write a few sentences first" in plan.outputs["reframe"].value


def test_checking_new_numbers_refills_the_open_calculator(plan):
    write_project(plan, "Expenses", "Spreadsheet")
    plan.controls["open_calculator"].click()
    (first,) = plan.outputs["calculator"].children
    plan.controls["willingness_to_pay"].value = "30"
    plan.controls["price"].value = "30"
    plan.controls["reach_percent"].value = "10"
    plan.controls["open_calculator"].click()
    (second,) = plan.outputs["calculator"].children
    assert second is first
    assert find_text(second, "Price you charge").value == "30"
    assert find_text(second, "Reach and convert (%)").value == "10"
    results = [c for c in second.children if isinstance(c, widgets.HTML) and "Results per period" in c.value]
    assert "<td style=\"text-align:right;padding:2px 0;\">200</td>" in results[0].value  # 10% of 2000 customers


def _shown_skills(view) -> tuple[list[str], list[float], list[str], list[int], list[float]]:
    """What the skills chart shows, top row first: labels, bar widths, colours, unrated rows, the dashed line."""
    ax = view.charts["skills_chart"].figure.axes[0]
    ticks = sorted(zip(ax.get_yticks(), ax.get_yticklabels(), strict=True), key=lambda tick: -tick[0])
    rows = [position for position, _ in ticks]
    (collection,) = ax.collections
    bars = sorted(shown_bars(collection), key=lambda bar: -bar.row)
    assert [bar.row for bar in bars] == rows  # one bar on each labelled row
    unrated = [rows.index(text.get_position()[1]) for text in ax.texts if text.get_text() == "not rated yet"]
    (line,) = ax.lines
    return ([label.get_text() for _, label in ticks], [bar.width for bar in bars], [bar.colour for bar in bars],
            sorted(unrated), list(line.get_xdata()))


@settings(max_examples=50)  # each example builds the whole exercise
@given(st.lists(st.tuples(st.sampled_from([s.id for s in DATA.skills]), st.sampled_from([None, 1, 2, 3, 4, 5])),
                min_size=1, max_size=10))
def test_the_skills_chart_always_shows_the_current_ratings(changes):
    view = p.build_personal_plan(today=TODAY)
    for skill, level in changes:
        view.controls[skill].value = level
    ratings = {s.id: view.controls[s.id].value for s in DATA.skills}
    labels, widths, colours, unrated, line = _shown_skills(view)
    assert labels == [s.label for s in DATA.skills]
    assert widths == [ratings[s.id] or 0 for s in DATA.skills]
    assert colours == [GROUP_COLOURS[s.group] for s in DATA.skills]
    assert unrated == [index for index, s in enumerate(DATA.skills) if ratings[s.id] is None]
    assert line == [DATA.strong_level, DATA.strong_level]
    alt = view.outputs["skills_chart"].value
    assert all(f"{s.label} {ratings[s.id] or 'not rated'}" in alt for s in DATA.skills)
