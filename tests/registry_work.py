"""For the shared registry tests: what a learner does in each exercise before Save accepts the work.

Each exercise's entry takes the built view and sets its controls as a learner would. Save refuses an
attempt the registry calls incomplete (an example left untouched, an empty form), so every exercise has one.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import ipywidgets as widgets


def choose_first_category(view: Any) -> None:
    """Sorters: pick the first category for every item."""
    for control in view.controls.values():
        if isinstance(control, widgets.Dropdown) and control.value is None and len(control.options) > 1:
            control.value = control.options[1][1]


def finish_a_conversation(view: Any) -> None:
    """Role-plays: give the first reply on offer until the conversation ends."""
    while not view.controls["answer"].disabled:
        view.controls["reply"].value = view.controls["reply"].options[0][1]
        view.controls["answer"].click()


def write_a_readiness_note(view: Any) -> None:
    """Product web: the note on the least-ready interface is what Save keeps."""
    view.controls["note"].value = "Sales: I have never sold anything."


def open_the_calculator(view: Any) -> None:
    """Personal plan: describe a project and open the embedded feasibility calculator with its numbers."""
    from exercises.feasibility.model import FIELDS

    view.controls["problem"].value = "Our club loses track of who paid for the minibus."
    view.controls["fix"].value = "A shared spreadsheet."
    for name, spec in FIELDS.items():
        view.controls[name].value = str(spec.default)
    view.controls["open_calculator"].click()


def answer_a_question(view: Any) -> None:
    """Interview practice: write an answer to the question on screen, tick one item and check it."""
    view.controls["answer"].value = "I would start with the users and their most pressing problem."
    view.controls["item_1"].value = True
    view.controls["check"].click()


def rate_three_assumptions(view: Any) -> None:
    """Assumption map: rate the first three assumptions on both scales."""
    for number, (importance, evidence) in enumerate([(4, 1), (3, 3), (1, 2)], 1):
        view.controls[f"importance_{number}"].value = importance
        view.controls[f"evidence_{number}"].value = evidence


def connect_a_small_tree(view: Any) -> None:
    """Metric tree: choose the first north star and connect the first metric to it."""
    view.controls["north_star"].value = 0
    view.controls["link_1"].value = "north-star"


def rewrite_the_objective(view: Any) -> None:
    """OKR checker: make the example one's own (saving the untouched example is refused)."""
    view.controls["objective"].value = "New listeners love their first week"


def load_the_flawed_spec(view: Any) -> None:
    """Spec checker: an empty spec cannot be saved; the flawed example is a first draft."""
    view.controls["flawed"].click()


def write_examples(view: Any) -> None:
    """Competency radar: rate one area and give the examples behind the ratings."""
    view.controls["rating_analytics"].value = 4
    view.controls["note"].value = "Analytics 4: I built the weekly sales dashboard my team uses."


def write_own_question(view: Any) -> None:
    """Interview lab, part 2: replace the sample with a question of one's own and check it."""
    view.controls["question"].value = "Tell me about the last time you collected money for a club trip."
    view.controls["check"].click()


def enter_own_numbers(view: Any) -> None:
    """Feasibility: change the price from the example's."""
    view.controls["price"].value = "16"


def sort_and_write(view: Any) -> None:
    """Audience translator: sort the cards and write a message for the chosen audience."""
    choose_first_category(view)
    view.controls["message"].value = "We can ship the export in March if we drop the bulk editor; I recommend it."


def edit_the_canvas(view: Any) -> None:
    """Lean Canvas: make the example's unfair advantage one's own."""
    view.controls["unfair_advantage"].value = "The founder is treasurer of the largest club in the region."


def write_a_pitch(view: Any) -> None:
    """Vision pitch: write the headline and the problem."""
    view.controls["headline"].value = "Every club trip paid for within a week, without anyone chasing."
    view.controls["problem"].value = "Treasurers spend three evenings a month chasing payments; 12 told us so."


def change_an_estimate(view: Any) -> None:
    """Prioritiser: change the first item's effort."""
    view.controls["effort"].value = "2"


def plan_own_test(view: Any) -> None:
    """Experiment planner: use one's own baseline."""
    view.controls["baseline_percent"].value = "12"


def say_what_it_is_not(view: Any) -> None:
    """Roadmap: say what the roadmap is not."""
    view.controls["not"].value = "Not a promise of dates, and not every request we have heard."


DO_THE_WORK: dict[str, Callable[[Any], None]] = {
    "red-flags": choose_first_category,
    "interview-lab-sort": choose_first_category,
    "say-no": finish_a_conversation,
    "product-web": write_a_readiness_note,
    "personal-plan": open_the_calculator,
    "interview-practice": answer_a_question,
    "assumption-map": rate_three_assumptions,
    "metric-tree": connect_a_small_tree,
    "okr-checker": rewrite_the_objective,
    "spec-checker": load_the_flawed_spec,
    "competency-radar": write_examples,
    "interview-lab-write": write_own_question,
    "feasibility": enter_own_numbers,
    "audience-translator": sort_and_write,
    "lean-canvas": edit_the_canvas,
    "vision-pitch": write_a_pitch,
    "prioritiser": change_an_estimate,
    "experiment-planner": plan_own_test,
    "roadmap": say_what_it_is_not,
}
