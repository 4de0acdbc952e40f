"""Headless tests of the personal-plan widget: type, choose and click as a learner would."""

import json
from datetime import date

import ipywidgets as widgets
import pytest

from exercises import personal_plan as p

TODAY = date(2026, 11, 23)
NUMBERS = {"price": "12", "variable_cost": "3", "fixed_costs": "500", "people_with_problem": "2000", "reach_percent": "4"}


@pytest.fixture
def plan():
    return p.build_personal_plan(today=TODAY)


def find_text(root: widgets.Widget, description: str) -> widgets.Text:
    """The first Text widget with this label anywhere under ``root``."""
    if isinstance(root, widgets.Text) and root.description == description:
        return root
    for child in getattr(root, "children", ()):
        found = find_text(child, description)
        if found is not None:
            return found
    return None


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
    plan.controls["problem"].value = "Our club's expenses <b>never</b> add up"
    plan.controls["fix"].value = "A shared spreadsheet"
    for name, value in NUMBERS.items():
        plan.controls[name].value = value
    plan.controls["open_calculator"].click()
    shown = plan.outputs["try_it"].value
    assert "First check:" in shown and "&lt;b&gt;never&lt;/b&gt;" in shown and "<b>never" not in shown
    calculator = plan.outputs["calculator"]
    assert len(calculator.children) == 1
    assert find_text(calculator, "Willingness to pay").value == "12"
    assert find_text(calculator, "People with the problem").value == "2000"


def test_bad_project_numbers_explain_and_close_the_calculator(plan):
    plan.controls["problem"].value = "x"
    plan.controls["fix"].value = "y"
    for name, value in NUMBERS.items():
        plan.controls[name].value = value
    plan.controls["open_calculator"].click()
    plan.controls["price"].value = "lots"
    plan.controls["open_calculator"].click()
    shown = plan.outputs["try_it"].value
    assert 'role="alert"' in shown and "Willingness to pay" in shown and "not a number" in shown
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


def test_save_writes_every_part_escaped(plan, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    plan.controls["friend_note"].value = "You were brave. <script>alert(1)</script>"
    plan.controls["communication"].value = 3
    plan.controls["problem"].value = "Expenses"
    plan.controls["fix"].value = "Spreadsheet"
    for name, value in NUMBERS.items():
        plan.controls[name].value = value
    plan.controls["steps"].value = "2026-12-01 Ask a PM for coffee"
    plan.controls["save"].click()
    assert "Saved to the my-work folder" in plan.outputs["status"].value
    (saved,) = (tmp_path / "my-work").glob("personal-plan_*.json")
    record = json.loads(saved.read_text(encoding="utf-8"))
    assert record["exercise_id"] == "personal-plan"
    assert record["inputs"]["friend_note"] == "You were brave. <script>alert(1)</script>"
    assert record["inputs"]["ratings"]["communication"] == 3 and record["inputs"]["today"] == "2026-11-23"
    assert record["results"]["next_steps"] == [{"date": "2026-12-01", "step": "Ask a PM for coffee"}]
    markdown = saved.with_suffix(".md").read_text(encoding="utf-8")
    assert "## 4. Next steps" in markdown and "- [ ] 2026-12-01: Ask a PM for coffee" in markdown
    assert "<script>" not in markdown and "&lt;script&gt;" in markdown


def test_save_refuses_invalid_parts_and_names_them(plan, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    plan.controls["steps"].value = "next week: rest"
    plan.controls["save"].click()
    status = plan.outputs["status"].value
    assert "Not saved. Fix these first:" in status and "Part 4: Line 1" in status
    assert not (tmp_path / "my-work").exists()


def test_an_empty_plan_can_be_saved(plan, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    plan.controls["save"].click()
    assert "Saved" in plan.outputs["status"].value
