"""The one declared list of the course's exercises.

The course map, the gradebook, the benchmarks and the shared widget tests read this list;
nothing crawls code to find exercises. Importing this module imports neither Matplotlib
nor ipywidgets: :meth:`Exercise.builder` imports the widget module only when called.

To add an exercise, add an :class:`Exercise` here (see the README's recipe).
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from functools import cache
from typing import Any


@cache
def _function(path: str) -> Callable[..., Any]:
    """The function a "module:function" path names, imported once (the gradebook asks for it per record)."""
    module_name, function_name = path.split(":")
    return getattr(importlib.import_module(module_name), function_name)


@dataclass(frozen=True)
class Exercise:
    """One exercise, as its chapter, its saves and the tools know it."""

    id: str  # the exercise_id its saves use: [a-z0-9-]
    title: str
    chapter: str  # the chapter notebook's file stem, e.g. "04-is-it-worth-building"
    build: str  # "package.module:function" returning an ExerciseView (a widget) or a CheckBank (a check)
    data_files: tuple[str, ...] = ()  # names in exercises/data/, each validated by a schema
    max_score: int | None = None  # None: not scored; otherwise the most a complete attempt can score
    kind: str = "widget"  # "widget": an ipywidgets exercise; "check": a chapter's scored check (no Python needed)
    # "module:function" taking a saved record, True when the attempt is complete; None: any valid record is.
    # Save refuses an attempt this calls incomplete, with ``incomplete_hint`` as the message.
    complete: str | None = None
    incomplete_hint: str = "Do the exercise first: nothing in it is your own work yet."

    @property
    def scored(self) -> bool:
        return self.max_score is not None

    @property
    def module(self) -> str:
        """The exercise's package, e.g. ``exercises.feasibility``."""
        return self.build.split(":")[0].rsplit(".", 1)[0]

    def is_complete(self, record: Mapping[str, Any]) -> bool:
        """Whether ``record`` (a saved record of this exercise) is a complete attempt; a malformed one is not."""
        if record.get("exercise_id") != self.id:
            return False
        if self.complete is None:
            return True
        try:
            return bool(_function(self.complete)(record))
        except (KeyError, TypeError, AttributeError, ValueError):
            return False

    def completion_rule(self) -> Callable[[Mapping[str, Any]], Any] | None:
        """The function :meth:`is_complete` asks (imported now, once), or None when any valid record is complete."""
        return None if self.complete is None else _function(self.complete)

    def builder(self) -> Callable[..., Any]:
        """The ``build_*`` function (imports the widget module, and so ipywidgets, now)."""
        module_name, function_name = self.build.split(":")
        return getattr(importlib.import_module(module_name), function_name)


WIDGETS: tuple[Exercise, ...] = (
    Exercise(
        "product-web", "Product-web explorer", "01-what-a-pm-does",
        "exercises.product_web.widget:build_product_web", ("product_web.json",),
        complete="exercises.product_web.model:attempt_complete",
        incomplete_hint="Write your note on the least-ready interface first.",
    ),
    Exercise(
        "red-flags", "Red-flag sorter", "01-what-a-pm-does",
        "exercises.red_flags.widget:build_red_flag_sorter", ("red_flags.json",), max_score=18,
        complete="exercises.red_flags.model:attempt_complete",
        incomplete_hint="Choose a category for at least one item first.",
    ),
    Exercise(
        "competency-radar", "Competency radar", "02-origin-stories",
        "exercises.competency_radar.widget:build_radar", ("origin_profiles.json",),
        complete="exercises.competency_radar.model:attempt_complete",
        incomplete_hint="Write your examples in the note first: what did you do that earns each rating?",
    ),
    Exercise(
        "interview-lab-sort", "Interview-question lab, part 1: sort the questions", "03-understanding-customers",
        "exercises.interview_lab.widget:build_question_sorter", ("interview_questions.json",), max_score=24,
        complete="exercises.interview_lab.model:attempt_complete",
        incomplete_hint="Choose a category for at least one item first.",
    ),
    Exercise(
        "interview-lab-write", "Interview-question lab, part 2: write your own question", "03-understanding-customers",
        "exercises.interview_lab.widget:build_question_checker", ("leading_rules.json",),
        complete="exercises.interview_lab.model:attempt_complete",
        incomplete_hint="Write a question of your own first (the sample question is not your work).",
    ),
    Exercise(
        "feasibility", "Feasibility calculator", "04-is-it-worth-building",
        "exercises.feasibility.widget:build_calculator",
        complete="exercises.feasibility.model:attempt_complete",
        incomplete_hint="Enter your own numbers first: these are still the example's.",
    ),
    Exercise(
        "audience-translator", "Audience translator", "05-translating-between-worlds",
        "exercises.audience_translator.widget:build_translator", ("audience_translator.json",), max_score=8,
        complete="exercises.audience_translator.model:attempt_complete",
        incomplete_hint="Sort at least one message or write a message of your own first.",
    ),
    Exercise(
        "lean-canvas", "Lean Canvas builder", "05-translating-between-worlds",
        "exercises.lean_canvas.widget:build_lean_canvas", ("lean_canvas_example.json",),
        complete="exercises.lean_canvas.model:attempt_complete",
        incomplete_hint="Make the canvas your own first: it is empty or still an example.",
    ),
    Exercise(
        "interview-practice", "Interview practice: answer a PM interview question", "06-the-pm-interview",
        "exercises.interview_practice.widget:build_interview_practice", ("interview_practice.json",),
        complete="exercises.interview_practice.model:attempt_complete",
        incomplete_hint="Write an answer and press Check my answer first.",
    ),
    Exercise(
        "say-no", "Say-no role-play", "06-the-pm-interview",
        "exercises.say_no.widget:build_role_play", ("say_no_scenarios.json",), max_score=96,
        complete="exercises.say_no.model:attempt_complete",
        incomplete_hint="Finish at least one conversation first.",
    ),
    Exercise(
        "vision-pitch", "Vision-pitch builder", "06-the-pm-interview",
        "exercises.vision_pitch.widget:build_pitch_builder", ("vision_pitch.json",),
        complete="exercises.vision_pitch.model:attempt_complete",
        incomplete_hint="Write at least one part of your pitch first: 0 of 7 parts are written.",
    ),
    Exercise(
        "personal-plan", "Your personal plan", "07-setbacks-and-growth",
        "exercises.personal_plan.widget:build_personal_plan", ("personal_plan.json",),
        complete="exercises.personal_plan.model:attempt_complete",
        incomplete_hint="Fill in at least one part of your plan first: it is empty.",
    ),
    # Part IV (issue 13)
    Exercise(
        "prioritiser", "Backlog prioritiser", "08-prioritising-and-trade-offs",
        "exercises.prioritiser.widget:build_prioritiser", ("prioritiser.json",),
        complete="exercises.prioritiser.model:attempt_complete",
        incomplete_hint="Change an estimate or add an item of your own first: this is still the example backlog.",
    ),
    Exercise(
        "assumption-map", "Assumption map", "09-discovery-and-experiments",
        "exercises.assumption_map.widget:build_assumption_map", ("assumption_map.json",),
        complete="exercises.assumption_map.model:attempt_complete",
        incomplete_hint="Rate at least 3 assumptions on both scales first.",
    ),
    Exercise(
        "experiment-planner", "Experiment planner", "09-discovery-and-experiments",
        "exercises.experiment_planner.widget:build_planner",
        complete="exercises.experiment_planner.model:attempt_complete",
        incomplete_hint="Plan your own test first: these are still the example's settings.",
    ),
    Exercise(
        "metric-tree", "Metric-tree builder", "10-metrics-and-outcomes",
        "exercises.metric_tree.widget:build_metric_tree", ("metric_trees.json",), max_score=9,
        complete="exercises.metric_tree.model:attempt_complete",
        incomplete_hint="Choose a north star and connect at least one metric to it first.",
    ),
    Exercise(
        "okr-checker", "OKR checker", "10-metrics-and-outcomes",
        "exercises.okr_checker.widget:build_okr_checker", ("okr_rules.json",),
        complete="exercises.okr_checker.model:attempt_complete",
        incomplete_hint="This is still the example: change it into an OKR of your own first.",
    ),
    Exercise(
        "spec-checker", "Spec checker", "11-specs-with-engineering-and-design",
        "exercises.spec_checker.widget:build_spec_checker", ("spec_rules.json", "spec_scenarios.json"),
        complete="exercises.spec_checker.model:attempt_complete",
        incomplete_hint="Write at least one section of your spec first, or load an example to start from.",
    ),
    Exercise(
        "roadmap", "Roadmap builder", "12-roadmaps-and-strategy",
        "exercises.roadmap.widget:build_roadmap", ("roadmap.json",),
        complete="exercises.roadmap.model:attempt_complete",
        incomplete_hint="Make the roadmap your own first: move an item, write an outcome or say what it is not.",
    ),
)


def _check(number: int, chapter: str, title: str, questions: int) -> Exercise:
    return Exercise(
        f"check-{number:02d}", f"Check your understanding: {title}", chapter, "exercises.kit.checks:check",
        (f"check_{number:02d}.json",), max_score=questions, kind="check",
    )


CHECKS: tuple[Exercise, ...] = (
    # One per chapter (issues 12 and 13)
    _check(1, "01-what-a-pm-does", "What a product manager actually does", 8),
    _check(2, "02-origin-stories", "Origin stories: the path you bring", 7),
    _check(3, "03-understanding-customers", "Understanding customers without leading them", 8),
    _check(4, "04-is-it-worth-building", "Is it worth building?", 6),
    _check(5, "05-translating-between-worlds", "Translating between worlds", 8),
    _check(6, "06-the-pm-interview", "The PM interview", 9),
    _check(7, "07-setbacks-and-growth", "Setbacks, growth and your next step", 8),
    # Part IV (issue 13)
    _check(8, "08-prioritising-and-trade-offs", "Prioritising and trade-offs", 7),
    _check(9, "09-discovery-and-experiments", "Discovery and experiments", 9),
    _check(10, "10-metrics-and-outcomes", "Metrics and outcomes", 8),
    _check(11, "11-specs-with-engineering-and-design", "Specs with engineering and design", 8),
    _check(12, "12-roadmaps-and-strategy", "Roadmaps and strategy", 7),
)

EXERCISES: tuple[Exercise, ...] = WIDGETS + CHECKS

# Data files shared by all the exercises rather than one (each validated by its schema, like the others).
KIT_DATA_FILES: tuple[str, ...] = ("rubrics.json",)


def exercise(exercise_id: str) -> Exercise:
    """The registry entry with this id; ``KeyError`` naming the known ids otherwise."""
    for entry in EXERCISES:
        if entry.id == exercise_id:
            return entry
    raise KeyError(f"No exercise {exercise_id!r} in the registry; known: {', '.join(e.id for e in EXERCISES)}.")


def is_complete(record: Mapping[str, Any]) -> bool:
    """Whether a saved record is a complete attempt of its exercise (an unknown exercise id: False)."""
    for entry in EXERCISES:
        if entry.id == record.get("exercise_id"):
            return entry.is_complete(record)
    return False


def by_chapter(chapter: str) -> tuple[Exercise, ...]:
    """The widget exercises of one chapter, in the order they appear (its scored check is separate)."""
    return tuple(entry for entry in WIDGETS if entry.chapter == chapter)
