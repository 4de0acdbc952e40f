"""The competency radar: rate yourself on six PM competencies against the profile of your background.

Pure layer: :func:`parse_catalogue`, :func:`load_catalogue`, :func:`parse_backgrounds`,
:func:`parse_ratings`, :func:`typical_profile`, :func:`weakest`, :func:`assess`.
Drawing: :func:`plot_radar`, :func:`describe_radar`. Widget: :func:`build_radar`.

The profiles, the advice and the growth steps live in ``exercises/data/origin_profiles.json``.
"""

from __future__ import annotations

import math
import textwrap
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any

import ipywidgets as widgets
from matplotlib.axes import Axes
from matplotlib.figure import Figure

from . import render
from .datafiles import load_json, require_text
from .savework import escape_markdown
from .ui import ExerciseView, build_save_panel, on_any_change
from .validation import clean_text, format_number

EXERCISE_ID = "competency-radar"
EXERCISE_TITLE = "Competency radar"
DATA_FILE = "origin_profiles.json"
PLAN_SIZE = 2
MAX_NOTE_CHARS = 2_000
SCALE_MIN, SCALE_MAX = 1, 5
COMPETENCY_COUNT = 6
TIE_RULE = (
    "Lowest self-rating first. On a tie, the competency in which your background is typically weaker "
    "comes first (your rating and your background agree it is a gap, and the advice for your background targets it); "
    "on a further tie, the order of the list."
)


@dataclass(frozen=True)
class Competency:
    id: str
    label: str
    chart_label: str
    meaning: str


@dataclass(frozen=True)
class Advice:
    """One piece of advice aimed at one competency."""

    competency: str
    text: str


@dataclass(frozen=True)
class Background:
    """A career a PM may come from, with its typical profile (one rating per competency, in list order)."""

    id: str
    label: str
    inferred: bool
    summary: str
    profile: tuple[int, ...]
    profile_note: str
    strengths: tuple[str, ...]
    weaknesses: tuple[str, ...]
    advice: tuple[Advice, ...]
    beyond_the_six: str = ""


@dataclass(frozen=True)
class Catalogue:
    """Everything the data file holds, validated."""

    competencies: tuple[Competency, ...]
    backgrounds: tuple[Background, ...]
    growth_steps: tuple[tuple[str, ...], ...]  # per competency, in list order

    def competency(self, competency_id: str) -> Competency:
        return next(c for c in self.competencies if c.id == competency_id)

    @property
    def ids(self) -> tuple[str, ...]:
        return tuple(c.id for c in self.competencies)


@dataclass(frozen=True)
class PlanStep:
    text: str
    background: str = ""  # the background's label when the step is that background's advice


@dataclass(frozen=True)
class PlanItem:
    """One weak competency and what to do about it."""

    competency: Competency
    rating: int
    typical: float
    steps: tuple[PlanStep, ...]


@dataclass(frozen=True)
class RadarResult:
    """A learner's self-rating compared with the typical profile of their background(s)."""

    competencies: tuple[Competency, ...]
    backgrounds: tuple[Background, ...]
    ratings: tuple[int, ...]
    typical: tuple[float, ...]
    plan: tuple[PlanItem, ...]
    note: str = ""

    @property
    def weakest(self) -> tuple[str, ...]:
        return tuple(item.competency.id for item in self.plan)

    @property
    def gaps(self) -> dict[str, float]:
        """Typical minus your rating, per competency: positive means you rated yourself below the typical profile."""
        return {c.id: round(t - r, 2) for c, r, t in zip(self.competencies, self.ratings, self.typical)}

    @property
    def background_names(self) -> str:
        return " + ".join(b.label for b in self.backgrounds)

    def cautions(self) -> list[str]:
        """Remarks on ratings that make the plan less informative."""
        remarks = []
        if len(set(self.ratings)) == 1:
            remarks.append(
                f"You gave every competency the same rating ({self.ratings[0]}), so the tie rule alone chose "
                "the two below. Try spreading your ratings: which one would you lower first?"
            )
        elif min(self.ratings) >= 4:
            remarks.append(
                "Even your weakest ratings are 4 or more. Ask a colleague to rate you too: "
                "self-ratings tend to be generous."
            )
        return remarks

    def rows(self) -> list[tuple[str, str, str, str]]:
        """Competency, your rating, typical rating and the difference, formatted for people."""
        return [
            (c.label, str(r), _one_decimal(t), _difference(r - t))
            for c, r, t in zip(self.competencies, self.ratings, self.typical)
        ]

    def summary(self) -> str:
        """A plain-text report (what ``print`` shows)."""
        lines = [f"Background: {self.background_names}"]
        lines += [f"{label}: you {you}, typical {typical} ({difference})" for label, you, typical, difference in self.rows()]
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
            "typical_profile": {c.id: round(t, 2) for c, t in zip(self.competencies, self.typical)},
            "growth_plan": {item.competency.id: [_step_text(s) for s in item.steps] for item in self.plan},
        }

    def _repr_html_(self) -> str:
        return _comparison_table(self) + _plan_html(self)

    def plan_markdown(self) -> str:
        """The growth plan and the learner's note as safe Markdown (for the saved file)."""
        lines = ["## My growth plan", "", f"Background: {escape_markdown(self.background_names)}", ""]
        for number, item in enumerate(self.plan, 1):
            lines.append(f"{number}. **{escape_markdown(item.competency.label)}** "
                         f"(you {item.rating}, typical {_one_decimal(item.typical)})")
            lines += [f"    - {escape_markdown(_step_text(step))}" for step in item.steps]
        lines += ["", "In the results, *gaps* are the typical rating minus yours: a positive number means "
                  "you rated yourself below the typical profile of your background."]
        if self.note:
            lines += ["", "## My note", "", escape_markdown(self.note).replace("\n", "  \n")]
        return "\n".join(lines)


def _one_decimal(value: float) -> str:
    return format_number(round(value, 1))


def _difference(value: float) -> str:
    if abs(value) < 0.05:
        return "same as typical"
    return f"{_one_decimal(abs(value))} {'above' if value > 0 else 'below'} typical"


def _step_text(step: PlanStep) -> str:
    return f"For {step.background}: {step.text}" if step.background else step.text


# ---- the data file -----------------------------------------------------------------------------


def _competency_list(value: Any, known: Sequence[str], where: str) -> tuple[str, ...]:
    if not isinstance(value, list) or not value:
        raise ValueError(f"{where}: needs a non-empty list of competency ids.")
    for item in value:
        if item not in known:
            raise ValueError(f"{where}: {item!r} is not one of the competencies {list(known)}.")
    return tuple(value)


def _parse_background(raw: Any, known: Sequence[str]) -> Background:
    if not isinstance(raw, Mapping):
        raise ValueError(f"Background {raw!r}: must be an object.")
    where = f"Background {raw.get('id', '?')!r}"
    profile_raw = raw.get("profile")
    if not isinstance(profile_raw, Mapping) or set(profile_raw) != set(known):
        raise ValueError(f"{where}: 'profile' must rate exactly the six competencies {list(known)}.")
    for key, value in profile_raw.items():
        if isinstance(value, bool) or not isinstance(value, int) or not SCALE_MIN <= value <= SCALE_MAX:
            raise ValueError(f"{where}: profile rating for {key!r} must be a whole number from 1 to 5, not {value!r}.")
    profile = tuple(profile_raw[c] for c in known)
    strengths = _competency_list(raw.get("strengths"), known, f"{where} strengths")
    weaknesses = _competency_list(raw.get("weaknesses"), known, f"{where} weaknesses")
    if set(strengths) & set(weaknesses):
        raise ValueError(f"{where}: a competency cannot be both a strength and a weakness.")
    if min(profile_raw[s] for s in strengths) <= max(profile_raw[w] for w in weaknesses):
        raise ValueError(f"{where}: every strength must be rated above every weakness in the profile.")
    advice_raw = raw.get("advice")
    if not isinstance(advice_raw, list) or not advice_raw:
        raise ValueError(f"{where}: needs a non-empty 'advice' list.")
    advice = []
    for item in advice_raw:
        if not isinstance(item, Mapping) or item.get("competency") not in known:
            raise ValueError(f"{where}: each piece of advice needs a known 'competency' and a 'text'.")
        advice.append(Advice(item["competency"], require_text(item, "text", f"{where} advice")))
    if not isinstance(raw.get("inferred"), bool):
        raise ValueError(f"{where}: 'inferred' must be true or false.")
    return Background(
        id=require_text(raw, "id", where), label=require_text(raw, "label", where), inferred=raw["inferred"],
        summary=require_text(raw, "summary", where), profile=profile, profile_note=require_text(raw, "profile_note", where),
        strengths=strengths, weaknesses=weaknesses, advice=tuple(advice),
        beyond_the_six=require_text(raw, "beyond_the_six", where, required=False),
    )


def parse_catalogue(raw: Any) -> Catalogue:
    """Validate the data file's content; a ``ValueError`` names the bad entry."""
    if not isinstance(raw, Mapping):
        raise ValueError("The profiles file must hold a JSON object.")
    if raw.get("scale") != {"min": SCALE_MIN, "max": SCALE_MAX}:
        raise ValueError("The profiles file must use a 1 to 5 scale.")
    competencies_raw = raw.get("competencies")
    if not isinstance(competencies_raw, list) or len(competencies_raw) != COMPETENCY_COUNT:
        raise ValueError(f"The profiles file must list exactly {COMPETENCY_COUNT} competencies.")
    competencies = []
    for item in competencies_raw:
        where = f"Competency {item.get('id', '?') if isinstance(item, Mapping) else item!r}"
        if not isinstance(item, Mapping):
            raise ValueError(f"{where}: must be an object.")
        competencies.append(Competency(*(require_text(item, key, where) for key in ("id", "label", "chart_label", "meaning"))))
    known = [c.id for c in competencies]
    if len(set(known)) != len(known):
        raise ValueError("Competency ids must be unique.")
    backgrounds_raw = raw.get("backgrounds")
    if not isinstance(backgrounds_raw, list) or not backgrounds_raw:
        raise ValueError("The profiles file must list at least one background.")
    backgrounds = tuple(_parse_background(item, known) for item in backgrounds_raw)
    ids = [b.id for b in backgrounds]
    duplicates = sorted({i for i in ids if ids.count(i) > 1})
    if duplicates:
        raise ValueError(f"Background ids appear twice: {', '.join(duplicates)}.")
    steps_raw = raw.get("growth_steps")
    if not isinstance(steps_raw, Mapping) or set(steps_raw) != set(known):
        raise ValueError(f"'growth_steps' must give steps for exactly the six competencies {known}.")
    growth_steps = []
    for competency_id in known:
        steps = steps_raw[competency_id]
        if not isinstance(steps, list) or not steps:
            raise ValueError(f"Growth steps for {competency_id!r}: need at least one step.")
        where = f"Growth step for {competency_id!r}"
        growth_steps.append(tuple(require_text(step if isinstance(step, Mapping) else {}, "text", where) for step in steps))
    return Catalogue(tuple(competencies), backgrounds, tuple(growth_steps))


@cache
def load_catalogue() -> Catalogue:
    """The validated profiles from ``exercises/data/origin_profiles.json``."""
    return parse_catalogue(load_json(DATA_FILE))


# ---- pure logic ------------------------------------------------------------------------------


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


def _rating_number(raw: object, label: str) -> float:
    if raw is None or (isinstance(raw, str) and not raw.strip()):
        raise ValueError(f"{label}: no rating; rate yourself from 1 to 5.")
    if isinstance(raw, bool):
        raise ValueError(f"{label}: enter a number from 1 to 5, not a yes/no value.")
    if isinstance(raw, (int, float)):
        value = float(raw)
    else:
        try:
            value = float(str(raw).strip())
        except ValueError:
            shown = str(raw).strip()
            shown = shown if len(shown) <= 30 else shown[:27] + "..."
            raise ValueError(f"{label}: \u201c{shown}\u201d is not a number; rate yourself from 1 to 5.") from None
    if math.isnan(value):
        raise ValueError(f"{label}: NaN (not a number) is not a rating; rate yourself from 1 to 5.")
    if math.isinf(value):
        raise ValueError(f"{label}: infinity is off the scale; rate yourself from 1 to 5.")
    return value


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
            value = _rating_number(ratings[competency.id], label)
        except ValueError as error:
            problems.append(str(error))
            continue
        if not SCALE_MIN <= value <= SCALE_MAX:
            problems.append(f"{label}: {format_number(value)} is off the scale; rate yourself from 1 to 5.")
        elif value != int(value):
            problems.append(f"{label}: use a whole number from 1 to 5, not {format_number(value)}.")
        else:
            values.append(int(value))
    if problems:
        raise ValueError("\n".join(problems))
    return tuple(values)


def typical_profile(backgrounds: Sequence[Background]) -> tuple[float, ...]:
    """The average profile of the chosen backgrounds: someone who did all of these jobs."""
    if not backgrounds:
        raise ValueError("Choose at least one background.")
    return tuple(sum(values) / len(backgrounds) for values in zip(*(b.profile for b in backgrounds)))


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
    catalogue = catalogue or load_catalogue()
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
    plan = tuple(
        PlanItem(catalogue.competencies[i], values[i], typical[i], plan_steps(i, chosen, catalogue))
        for i in weakest(values, typical)
    )
    return RadarResult(catalogue.competencies, chosen, values, typical, plan, text)


# ---- HTML --------------------------------------------------------------------------------------


_CELL = "padding:2px 10px;text-align:{align};"


def _comparison_table(result: RadarResult) -> str:
    weak = set(result.weakest)
    head = "".join(
        f'<th scope="col" style="{_CELL.format(align=a)}">{render.escape(h)}</th>'
        for h, a in (("Competency", "left"), ("You", "right"), ("Typical", "right"), ("Difference", "left"))
    )
    body = ""
    for competency, (label, you, typical, difference) in zip(result.competencies, result.rows()):
        marker = " (one of your weakest two)" if competency.id in weak else ""
        weight = "font-weight:600;" if marker else ""
        body += (
            f'<tr style="{weight}"><th scope="row" style="{_CELL.format(align="left")}">{render.escape(label + marker)}</th>'
            f'<td style="{_CELL.format(align="right")}">{render.escape(you)}</td>'
            f'<td style="{_CELL.format(align="right")}">{render.escape(typical)}</td>'
            f'<td style="{_CELL.format(align="left")}">{render.escape(difference)}</td></tr>'
        )
    caption = f"You against the typical profile of: {result.background_names}"
    return (
        '<table class="pm-results" style="border-collapse:collapse;margin:4px 0;">'
        f'<caption style="text-align:left;font-weight:600;padding-bottom:4px;">{render.escape(caption)}</caption>'
        f"<thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"
    )


def _plan_html(result: RadarResult) -> str:
    parts = ["<h4 style=\"margin:8px 0 4px 0;\">Your growth plan</h4>"]
    parts += [render.notice("info", remark) for remark in result.cautions()]
    for number, item in enumerate(result.plan, 1):
        heading = f"{number}. {item.competency.label}: you {item.rating}, typical {_one_decimal(item.typical)}"
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


# ---- drawing -----------------------------------------------------------------------------------


YOU_COLOUR, TYPICAL_COLOUR, WEAK_COLOUR = "#1a56c4", "#b36b00", "#b3261e"


def _angles(count: int) -> list[float]:
    return [2 * math.pi * i / count for i in range(count)]


def plot_radar(ax: Axes, result: RadarResult) -> None:
    """Your ratings (solid, filled) over the typical profile (dashed), weakest two ringed in red.

    ``ax`` must be polar: ``fig.add_subplot(projection="polar")``.
    """
    if getattr(ax, "name", "") != "polar":
        raise ValueError("plot_radar needs an Axes created with projection='polar'.")
    angles = _angles(len(result.competencies))
    closed = [*angles, angles[0]]
    ax.set_theta_offset(math.pi / 2)
    ax.set_theta_direction(-1)
    ax.set_xticks(angles, [c.chart_label for c in result.competencies], fontsize="small")
    ax.tick_params(axis="x", pad=6)
    ax.set_rlabel_position(15)
    ax.set_ylim(0, SCALE_MAX)
    ax.set_yticks(range(SCALE_MIN, SCALE_MAX + 1), [str(v) for v in range(SCALE_MIN, SCALE_MAX + 1)], fontsize="x-small")
    typical = [*result.typical, result.typical[0]]
    ratings = [*result.ratings, result.ratings[0]]
    typical_label = "Typical: " + (result.backgrounds[0].label if len(result.backgrounds) == 1
                                   else f"average of {len(result.backgrounds)} backgrounds")
    ax.plot(closed, typical, color=TYPICAL_COLOUR, linestyle="--", linewidth=1.8, marker="s", markersize=5,
            label=typical_label)
    ax.plot(closed, ratings, color=YOU_COLOUR, linewidth=2.2, marker="o", markersize=6, label="You")
    ax.fill(closed, ratings, color=YOU_COLOUR, alpha=0.15)
    index = {c.id: i for i, c in enumerate(result.competencies)}
    weak = [index[c] for c in result.weakest]
    ax.plot([angles[i] for i in weak], [result.ratings[i] for i in weak], linestyle="none", marker="o",
            markersize=14, markerfacecolor="none", markeredgecolor=WEAK_COLOUR, markeredgewidth=2, label="Weakest two")
    ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.1), ncol=3, fontsize="small", frameon=False)


def describe_radar(result: RadarResult) -> str:
    """Alt text for :func:`plot_radar`, written from the numbers."""
    pairs = "; ".join(
        f"{c.label}: you {r}, typical {_one_decimal(t)}"
        for c, r, t in zip(result.competencies, result.ratings, result.typical)
    )
    weakest = " and ".join(item.competency.label for item in result.plan)
    return (
        f"Radar chart on a 1 to 5 scale comparing your self-ratings with the typical profile of "
        f"{result.background_names}. {pairs}. Your weakest two, ringed in red: {weakest}."
    )


def new_figure() -> Figure:
    """A small square figure with one polar Axes; fixed margins keep redraws cheap."""
    fig = Figure(figsize=(5.2, 5.0))
    fig.add_subplot(projection="polar")
    fig.subplots_adjust(left=0.14, right=0.86, bottom=0.18, top=0.9)
    return fig


def draw(fig: Figure, result: RadarResult) -> None:
    """Redraw the radar on ``fig`` without rebuilding the polar grid."""
    ax = fig.axes[0]
    for artist in [*ax.lines, *ax.patches, *ax.collections]:
        artist.remove()
    if ax.get_legend():
        ax.get_legend().remove()
    plot_radar(ax, result)


# ---- widget ------------------------------------------------------------------------------------


SLIDER_STYLE = {"description_width": "24em"}  # wide enough to show the longest competency name in full


def build_radar(
    backgrounds: Sequence[str] = ("development",),
    ratings: Mapping[str, int] | None = None,
    note: str = "",
) -> ExerciseView:
    """Background check boxes, six rating sliders, a note, the radar, the growth plan and Save my work."""
    catalogue = load_catalogue()
    ratings = ratings or {}
    boxes = {
        b.id: widgets.Checkbox(value=b.id in backgrounds, description=b.label, indent=False,
                               layout=widgets.Layout(width="auto"))
        for b in catalogue.backgrounds
    }
    sliders = {
        c.id: widgets.IntSlider(
            value=int(ratings.get(c.id, 3)), min=SCALE_MIN, max=SCALE_MAX, step=1, description=c.label,
            tooltip=c.meaning, style=SLIDER_STYLE, layout=widgets.Layout(width="40em"), continuous_update=False,
        )
        for c in catalogue.competencies
    }
    note_box = widgets.Textarea(
        value=note, description="Note (optional)", placeholder="Anything you want to remember, e.g. why you chose a rating",
        style=SLIDER_STYLE, layout=widgets.Layout(width="40em", height="5em"), continuous_update=False,
    )
    message, chart, plan = widgets.HTML(), widgets.HTML(), widgets.HTML()
    fig = new_figure()
    drawn: dict[str, Any] = {"key": None}

    def current() -> RadarResult:
        chosen = [key for key, box in boxes.items() if box.value]
        return assess(chosen, {key: s.value for key, s in sliders.items()}, note_box.value, catalogue)

    def redraw(result: RadarResult) -> None:
        key = (tuple(b.id for b in result.backgrounds), result.ratings)
        if key != drawn["key"]:  # typing a note must not pay for a new chart
            draw(fig, result)
            chart.value = render.figure_html(fig, describe_radar(result))
            drawn["key"] = key

    def update() -> None:
        try:
            result = current()
        except ValueError as error:
            message.value = render.notice("error", str(error), title="Check your choices")
            plan.value = render.notice("info", "The radar and your growth plan appear once every choice is valid.")
            chart.value, drawn["key"] = "", None
            return
        message.value = ""
        redraw(result)
        plan.value = result._repr_html_()

    def snapshot() -> dict[str, Any]:
        try:
            result = current()
        except ValueError as error:
            raise ValueError(f"Fix your choices first. {error}") from None
        redraw(result)
        return {
            "inputs": {
                "backgrounds": [b.id for b in result.backgrounds],
                "ratings": dict(zip(catalogue.ids, result.ratings)),
                "note": result.note,
            },
            "results": result.as_dict(),
            "markdown_body": result.plan_markdown(),
            "attachments": {"radar.png": render.figure_png(fig)},
        }

    controls = {f"background_{key}": box for key, box in boxes.items()} | {
        f"rating_{key}": s for key, s in sliders.items()} | {"note": note_box}
    on_any_change(controls, update)
    update()
    save = build_save_panel(EXERCISE_ID, EXERCISE_TITLE, snapshot)
    background_box = widgets.VBox(
        [widgets.HTML("<strong>1. Your background: tick every role you have held</strong>"), *boxes.values(),
         widgets.HTML(backgrounds_html(catalogue))]
    )
    rating_box = widgets.VBox(
        [widgets.HTML("<strong>2. Rate yourself from 1 (new to it) to 5 (could teach it)</strong>"),
         *sliders.values(), note_box]
    )
    root = widgets.VBox([background_box, rating_box, message, chart, plan, save.root])
    return ExerciseView(root, controls=controls | save.controls, outputs={"message": message, "chart": chart, "plan": plan} | save.outputs)
