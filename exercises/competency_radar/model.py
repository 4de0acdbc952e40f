"""The competency radar's pure layer: rate yourself on six PM competencies against the profile of your background.

:func:`assess` checks the choices (:func:`parse_backgrounds`, :func:`parse_ratings`), averages the
typical profile (:func:`typical_profile`) and plans the two weakest competencies (:func:`weakest`,
:func:`plan_steps`). A :class:`RadarResult` prints (``summary``), saves (``as_dict``,
``plan_markdown``) and shows as HTML. The data classes and their loader are in :mod:`.profiles`.
"""

from __future__ import annotations

import math
import textwrap
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from ..kit import render
from ..kit.frozen import Frozen
from ..kit.numbers import format_number, parse_number
from ..kit.text import clean_text, escape_markdown, is_written
from .profiles import (
    DATA_FILE,
    SCALE_MAX,
    SCALE_MIN,
    Advice,
    Background,
    Catalogue,
    Competency,
    origin_profiles,
    parse_origin_profiles,
)

__all__ = [
    "DATA_FILE", "MAX_NOTE_CHARS", "PLAN_SIZE", "SCALE_MAX", "SCALE_MIN", "TIE_RULE", "Advice", "Background",
    "Catalogue", "Competency", "PlanItem", "PlanStep", "RadarResult", "Rated", "assess", "backgrounds_html",
    "one_decimal", "origin_profiles", "parse_backgrounds", "parse_origin_profiles", "parse_ratings", "plan_steps",
    "typical_profile", "weakest",
]

PLAN_SIZE = 2
MAX_NOTE_CHARS = 2_000
TIE_RULE = (
    "Lowest self-rating first. On a tie, the competency in which your background is typically weaker "
    "comes first (your rating and your background agree it is a gap, and the advice for your background targets it); "
    "on a further tie, the order of the list."
)


class PlanStep(Frozen):
    text: str
    background: str = ""  # the background's label when the step is that background's advice


class Rated(Frozen):
    """One competency: your rating, and the typical rating of your background(s)."""

    competency: Competency
    rating: int
    typical: float


class PlanItem(Rated):
    """One weak competency and what to do about it."""

    steps: tuple[PlanStep, ...]


class RadarResult(Frozen):
    """A learner's self-rating compared with the typical profile of their background(s)."""

    backgrounds: tuple[Background, ...]
    rated: tuple[Rated, ...]  # every competency, in the catalogue's order
    plan: tuple[PlanItem, ...]
    note: str = ""

    @property
    def weakest(self) -> tuple[str, ...]:
        return tuple(item.competency.id for item in self.plan)

    @property
    def gaps(self) -> dict[str, float]:
        """Typical minus your rating, per competency: positive means you rated yourself below the typical profile."""
        return {r.competency.id: round(r.typical - r.rating, 2) for r in self.rated}

    @property
    def background_names(self) -> str:
        return " + ".join(b.label for b in self.backgrounds)

    def cautions(self) -> list[str]:
        """Remarks on ratings that make the plan less informative."""
        remarks = []
        ratings = [r.rating for r in self.rated]
        if len(set(ratings)) == 1:
            remarks.append(
                f"You gave every competency the same rating ({ratings[0]}), so your background's typical "
                "gaps alone chose the two below. Try spreading your ratings: which one would you lower first?"
            )
        elif min(ratings) >= 4:
            remarks.append(
                "Even your weakest ratings are 4 or more. Ask a colleague to rate you too: "
                "self-ratings tend to be generous."
            )
        return remarks

    def rows(self) -> list[tuple[str, str, str, str]]:
        """Competency, your rating, typical rating and the difference, formatted for people."""
        return [(r.competency.label, str(r.rating), one_decimal(r.typical), _difference(r.rating - r.typical))
                for r in self.rated]

    def summary(self) -> str:
        """A plain-text report (what ``print`` shows)."""
        lines = [f"Background: {self.background_names}"]
        lines += [f"{label}: you {you}, typical {typical} ({difference})"
                  for label, you, typical, difference in self.rows()]
        weakest = " and ".join(f"{item.competency.label} ({item.rating})" for item in self.plan)
        lines.append(f"Weakest two: {weakest}")
        lines += self.cautions()
        for number, item in enumerate(self.plan, 1):
            lines.append(f"Plan {number}: {item.competency.label}")
            lines += [textwrap.fill(_step_text(step), 88, initial_indent="  - ", subsequent_indent="    ")
                      for step in item.steps]
        return "\n".join(lines)

    def as_dict(self) -> dict[str, Any]:
        """JSON-ready results for Save my work."""
        return {
            "weakest_two": list(self.weakest),
            "gaps": self.gaps,
            "typical_profile": {r.competency.id: round(r.typical, 2) for r in self.rated},
            "growth_plan": {item.competency.id: [_step_text(s) for s in item.steps] for item in self.plan},
        }

    def _repr_html_(self) -> str:
        return _comparison_table(self) + _plan_html(self)

    def plan_markdown(self) -> str:
        """The growth plan and the learner's note as safe Markdown (for the saved file)."""
        lines = ["## My growth plan", "", f"Background: {escape_markdown(self.background_names)}", ""]
        for number, item in enumerate(self.plan, 1):
            lines.append(f"{number}. **{escape_markdown(item.competency.label)}** "
                         f"(you {item.rating}, typical {one_decimal(item.typical)})")
            lines += [f"    - {escape_markdown(_step_text(step))}" for step in item.steps]
        lines += ["", ("In the results, *gaps* are the typical rating minus yours: a positive number means "
                       "you rated yourself below the typical profile of your background.")]
        if self.note:
            lines += ["", "## My note", "", escape_markdown(self.note).replace("\n", "  \n")]
        return "\n".join(lines)


def one_decimal(value: float) -> str:
    """2.25 -> '2.2', 3.0 -> '3': ratings and averages as people read them."""
    return format_number(round(value, 1))


def _difference(value: float) -> str:
    if abs(value) < 0.05:
        return "same as typical"
    return f"{one_decimal(abs(value))} {'above' if value > 0 else 'below'} typical"


def _step_text(step: PlanStep) -> str:
    return f"For {step.background}: {step.text}" if step.background else step.text


def parse_backgrounds(selected: Iterable[str] | str | None | object, catalogue: Catalogue) -> tuple[Background, ...]:
    """The chosen backgrounds in the catalogue's order (duplicates ignored); at least one is required."""
    if selected is None:
        selected = []
    elif isinstance(selected, str):
        selected = [selected]
    try:
        chosen = [str(item) for item in selected]
    except TypeError:
        raise ValueError("Backgrounds: give a list of background ids, such as ['qa'].") from None
    known = {b.id: b for b in catalogue.backgrounds}
    unknown = [item for item in chosen if item not in known]
    if unknown:
        shown = ", ".join(repr(item[:40]) for item in unknown[:3])
        raise ValueError(f"Unknown background {shown}; choose from: {', '.join(known)}.")
    if not chosen:
        raise ValueError(
            "Choose at least one background: tick each role you have held. "
            "The radar compares your ratings with their typical profile."
        )
    return tuple(b for b in catalogue.backgrounds if b.id in chosen)


def _rating(raw: object, label: str) -> int:
    """One self-rating: a whole number on the scale (text digits welcome)."""
    if raw is None or (isinstance(raw, str) and not raw.strip()):
        raise ValueError(f"{label}: no rating; rate yourself from 1 to 5.")
    # The kit reports text, NaN, infinity and yes/no values; the scale's own messages follow.
    value = parse_number(raw, label, minimum=-math.inf, maximum=math.inf)
    if not SCALE_MIN <= value <= SCALE_MAX:
        raise ValueError(f"{label}: {format_number(value)} is off the scale; rate yourself from 1 to 5.")
    if value != int(value):
        raise ValueError(f"{label}: use a whole number from 1 to 5, not {format_number(value)}.")
    return int(value)


def parse_ratings(ratings: Mapping[str, object] | object, catalogue: Catalogue) -> tuple[int, ...]:
    """Whole numbers from 1 to 5, one per competency, in list order; one ``ValueError`` lists every problem."""
    if not isinstance(ratings, Mapping):
        raise ValueError("Ratings: give one rating from 1 to 5 for each of the six competencies.")
    unknown = [str(key)[:40] for key in ratings if key not in catalogue.ids]
    problems = [f"Unknown competency {', '.join(map(repr, unknown[:3]))}."] if unknown else []
    values = []
    for competency in catalogue.competencies:
        label = competency.label
        if competency.id not in ratings:
            problems.append(f"{label}: no rating; rate yourself from 1 to 5.")
            continue
        try:
            values.append(_rating(ratings[competency.id], label))
        except ValueError as error:
            problems.append(str(error))
    if problems:
        raise ValueError("\n".join(problems))
    return tuple(values)


def typical_profile(backgrounds: Sequence[Background]) -> tuple[float, ...]:
    """The average profile of the chosen backgrounds: someone who did all of these jobs."""
    if not backgrounds:
        raise ValueError("Choose at least one background.")
    return tuple(sum(values) / len(backgrounds) for values in zip(*(b.profile for b in backgrounds), strict=False))


def weakest(ratings: Sequence[int], typical: Sequence[float], count: int = PLAN_SIZE) -> tuple[int, ...]:
    """Indices of the ``count`` weakest competencies, ties broken as :data:`TIE_RULE` says."""
    order = sorted(range(len(ratings)), key=lambda i: (ratings[i], typical[i], i))
    return tuple(order[:count])


def plan_steps(competency_index: int, backgrounds: Sequence[Background], catalogue: Catalogue) -> tuple[PlanStep, ...]:
    """Next steps for one competency: the chosen backgrounds' own advice first, then the general steps."""
    competency_id = catalogue.competencies[competency_index].id
    steps = [PlanStep(a.text, b.label) for b in backgrounds for a in b.advice if a.competency == competency_id]
    steps += [PlanStep(text) for text in catalogue.growth_steps[competency_index]]
    return tuple(steps)


def assess(
    backgrounds: Iterable[str] | str | None | object,
    ratings: Mapping[str, object] | object,
    note: object = "",
    catalogue: Catalogue | None = None,
) -> RadarResult:
    """Compare the ratings with the chosen backgrounds' typical profile and plan the two weakest competencies.

    Raises ``ValueError`` listing every problem (no background, unknown ids, ratings off the scale, a note
    that is too long).
    """
    catalogue = catalogue or origin_profiles()
    problems = []
    try:
        chosen = parse_backgrounds(backgrounds, catalogue)
    except ValueError as error:
        problems.append(str(error))
    try:
        values = parse_ratings(ratings, catalogue)
    except ValueError as error:
        problems.append(str(error))
    try:
        text = clean_text(note, "Your note", max_chars=MAX_NOTE_CHARS)
    except ValueError as error:
        problems.append(str(error))
    if problems:
        raise ValueError("\n".join(problems))
    typical = typical_profile(chosen)
    rated = tuple(Rated(c, v, t) for c, v, t in zip(catalogue.competencies, values, typical, strict=True))
    plan = tuple(PlanItem(rated[i].competency, rated[i].rating, rated[i].typical, plan_steps(i, chosen, catalogue))
                 for i in weakest(values, typical))
    return RadarResult(chosen, rated, plan, text)


def _comparison_table(result: RadarResult) -> str:
    weak = set(result.weakest)
    rows = [
        (label + (" (one of your weakest two)" if r.competency.id in weak else ""), you, typical, difference)
        for r, (label, you, typical, difference) in zip(result.rated, result.rows(), strict=True)
    ]
    return render.data_table(
        ("Competency", "You", "Typical", "Difference"), rows,
        caption=f"You against the typical profile of: {result.background_names}",
    )


def _plan_html(result: RadarResult) -> str:
    parts = ["<h4 style=\"margin:8px 0 4px 0;\">Your growth plan</h4>"]
    parts += [render.notice("info", remark) for remark in result.cautions()]
    for number, item in enumerate(result.plan, 1):
        heading = f"{number}. {item.competency.label}: you {item.rating}, typical {one_decimal(item.typical)}"
        parts.append(f"<p style=\"margin:6px 0 0 0;\"><strong>{render.escape(heading)}</strong></p>")
        parts.append(render.bullet_list(_step_text(step) for step in item.steps))
    extras = [b.beyond_the_six for b in result.backgrounds if b.beyond_the_six]
    if extras:
        parts.append(render.notice("info", " ".join(extras), title="Beyond the six"))
    parts.append(f"<p style=\"font-size:small;\">{render.escape('How the two were chosen: ' + TIE_RULE)}</p>")
    if result.note:
        parts.append(render.notice("info", result.note, title="Your note"))
    return "".join(parts)


def backgrounds_html(catalogue: Catalogue) -> str:
    """A short description of every background, for reading next to the check boxes."""
    items = []
    for b in catalogue.backgrounds:
        strengths = ", ".join(catalogue.competency(s).label for s in b.strengths)
        weaknesses = ", ".join(catalogue.competency(w).label for w in b.weaknesses)
        items.append(
            f"<li><strong>{render.escape(b.label)}</strong>: {render.escape(b.summary)} "
            f"<em>Strong in {render.escape(strengths)}; weaker in {render.escape(weaknesses)}.</em></li>"
        )
    return f"<details><summary>What each background usually brings</summary><ul>{''.join(items)}</ul></details>"


def attempt_complete(record: Mapping[str, Any]) -> bool:
    """Complete when the learner wrote their examples: the starting ratings alone are not an attempt."""
    return is_written(record["inputs"].get("note"))
