"""The one declared list of the course's exercises.

The course map, the gradebook, the benchmarks and the shared widget tests read this list;
nothing crawls code to find exercises. Importing this module imports neither Matplotlib
nor ipywidgets: :meth:`Exercise.builder` imports the widget module only when called.

To add an exercise, add an :class:`Exercise` here (see the README's recipe).
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any


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

    @property
    def scored(self) -> bool:
        return self.max_score is not None

    @property
    def module(self) -> str:
        """The exercise's package, e.g. ``exercises.feasibility``."""
        return self.build.split(":")[0].rsplit(".", 1)[0]

    def builder(self) -> Callable[..., Any]:
        """The ``build_*`` function (imports the widget module, and so ipywidgets, now)."""
        module_name, function_name = self.build.split(":")
        return getattr(importlib.import_module(module_name), function_name)


WIDGETS: tuple[Exercise, ...] = (
    Exercise(
        "product-web", "Product-web explorer", "01-what-a-pm-does",
        "exercises.product_web.widget:build_product_web", ("product_web.json",),
    ),
    Exercise(
        "red-flags", "Red-flag sorter", "01-what-a-pm-does",
        "exercises.red_flags.widget:build_red_flag_sorter", ("red_flags.json",), max_score=18,
    ),
    Exercise(
        "competency-radar", "Competency radar", "02-origin-stories",
        "exercises.competency_radar.widget:build_radar", ("origin_profiles.json",),
    ),
    Exercise(
        "interview-lab-sort", "Interview-question lab, part 1: sort the questions", "03-understanding-customers",
        "exercises.interview_lab.widget:build_question_sorter", ("interview_questions.json",), max_score=24,
    ),
    Exercise(
        "interview-lab-write", "Interview-question lab, part 2: write your own question", "03-understanding-customers",
        "exercises.interview_lab.widget:build_question_checker", ("leading_rules.json",),
    ),
    Exercise(
        "feasibility", "Feasibility calculator", "04-is-it-worth-building",
        "exercises.feasibility.widget:build_calculator",
    ),
    Exercise(
        "audience-translator", "Audience translator", "05-translating-between-worlds",
        "exercises.audience_translator.widget:build_translator", ("audience_translator.json",), max_score=8,
    ),
    Exercise(
        "lean-canvas", "Lean Canvas builder", "05-translating-between-worlds",
        "exercises.lean_canvas.widget:build_lean_canvas", ("lean_canvas_example.json",),
    ),
    Exercise(
        "interview-practice", "Interview practice: answer a PM interview question", "06-the-pm-interview",
        "exercises.interview_practice.widget:build_interview_practice", ("interview_practice.json",),
    ),
    Exercise(
        "say-no", "Say-no role-play", "06-the-pm-interview",
        "exercises.say_no.widget:build_role_play", ("say_no_scenarios.json",), max_score=96,
    ),
    Exercise(
        "vision-pitch", "Vision-pitch builder", "06-the-pm-interview",
        "exercises.vision_pitch.widget:build_pitch_builder", ("vision_pitch.json",),
    ),
    Exercise(
        "personal-plan", "Your personal plan", "07-setbacks-and-growth",
        "exercises.personal_plan.widget:build_personal_plan", ("personal_plan.json",),
    ),
    # Part IV (issue 13)
    Exercise(
        "prioritiser", "Backlog prioritiser", "08-prioritising-and-trade-offs",
        "exercises.prioritiser.widget:build_prioritiser", ("prioritiser.json",),
    ),
    Exercise(
        "assumption-map", "Assumption map", "09-discovery-and-experiments",
        "exercises.assumption_map.widget:build_assumption_map", ("assumption_map.json",),
    ),
    Exercise(
        "experiment-planner", "Experiment planner", "09-discovery-and-experiments",
        "exercises.experiment_planner.widget:build_planner",
    ),
    Exercise(
        "metric-tree", "Metric-tree builder", "10-metrics-and-outcomes",
        "exercises.metric_tree.widget:build_metric_tree", ("metric_trees.json",), max_score=9,
    ),
    Exercise(
        "okr-checker", "OKR checker", "10-metrics-and-outcomes",
        "exercises.okr_checker.widget:build_okr_checker", ("okr_rules.json",),
    ),
    Exercise(
        "spec-checker", "Spec checker", "11-specs-with-engineering-and-design",
        "exercises.spec_checker.widget:build_spec_checker", ("spec_rules.json", "spec_scenarios.json"),
    ),
    Exercise(
        "roadmap", "Roadmap builder", "12-roadmaps-and-strategy",
        "exercises.roadmap.widget:build_roadmap", ("roadmap.json",),
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


def exercise(exercise_id: str) -> Exercise:
    """The registry entry with this id; ``KeyError`` naming the known ids otherwise."""
    for entry in EXERCISES:
        if entry.id == exercise_id:
            return entry
    raise KeyError(f"No exercise {exercise_id!r} in the registry; known: {', '.join(e.id for e in EXERCISES)}.")


def by_chapter(chapter: str) -> tuple[Exercise, ...]:
    """The widget exercises of one chapter, in the order they appear (its scored check is separate)."""
    return tuple(entry for entry in WIDGETS if entry.chapter == chapter)
