"""Your personal plan: a kind note to a friend, a key-skills check, a "try it" project and dated next steps.

Pure layer: :func:`check_reframe`, :func:`assess_skills`, :func:`plan_try_it`,
:func:`parse_next_steps`, :func:`make_plan`. Drawing: :func:`plot_skills`,
:func:`describe_skills`. Widget: :func:`build_personal_plan`.

The note checker is deliberately simple and never judges: it looks for words
from a list in the data file, not for meaning. A harsh word counts as pushed
back when one of the three words before it is a negation ("you are *not* a
failure"). Its notes are suggestions worded as invitations, never scores.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache
from typing import Any

import ipywidgets as widgets
from matplotlib.axes import Axes
from matplotlib.figure import Figure

from . import feasibility, render
from .datafiles import load_json
from .savework import escape_markdown
from .ui import LABEL_STYLE, WIDE, ExerciseView, build_save_panel
from .validation import clean_text

EXERCISE_ID = "personal-plan"
EXERCISE_TITLE = "Your personal plan"
SHORT_TEXT_CHARS = 1_000  # the problem and the fix: a sentence or two each
_NEGATIONS = {"not", "no", "nothing", "hardly", "nor"}
_WORD = re.compile(r"\w+(?:'\w+)*")
_DATE_START = re.compile(r"^(\d{1,4})-(\d{1,2})-(\d{1,2})(?=$|[\s:\u2013\u2014-])\s*[:\u2013\u2014-]?\s*(.*)$")


# ---- data --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class HarshPhrase:
    """A harsh word or phrase and a gentler way to say the same thing."""

    phrase: str
    gentler: str


@dataclass(frozen=True)
class ReframeRules:
    prompt: str
    max_chars: int
    enough_words: int
    harsh: tuple[HarshPhrase, ...]
    kind_words: frozenset[str]
    next_step_words: frozenset[str]


@dataclass(frozen=True)
class Skill:
    """One self-assessed skill; ``group`` is communication, knowledge or ambiguity."""

    id: str
    group: str
    label: str
    question: str
    suggestion_low: str
    suggestion_mid: str
    suggestion_high: str


@dataclass(frozen=True)
class PlanData:
    reframe: ReframeRules
    levels: tuple[tuple[int, str], ...]
    strong_level: int
    skills: tuple[Skill, ...]
    no_deep_knowledge: str
    max_steps: int
    max_steps_chars: int
    max_days_ahead: int
    max_step_chars: int


_GROUPS = ("communication", "knowledge", "ambiguity")


def _normalise(text: str) -> str:
    """Fold case, compatibility forms and curly apostrophes so that matching is forgiving."""
    text = unicodedata.normalize("NFKC", text).casefold()
    return re.sub(r"\s+", " ", text.replace("\u2019", "'").replace("\u2018", "'"))


def _positive_int(value: object, where: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        raise ValueError(f"personal_plan.json: {where} must be a whole number of at least 1, not {value!r}.")
    return value


def _text(record: Mapping[str, Any], key: str, where: str) -> str:
    value = record.get(key) if isinstance(record, Mapping) else None
    if not isinstance(value, str) or not value.strip():
        raise ValueError(f"personal_plan.json: {where} needs a non-empty text {key!r}.")
    return value


def load_plan_data(raw: Mapping[str, Any]) -> PlanData:
    """Check the data file's contents and build :class:`PlanData`; the error names the bad entry."""
    if not isinstance(raw, Mapping):
        raise ValueError("personal_plan.json: the file must hold a JSON object.")
    try:
        reframe, steps = raw["reframe"], raw["next_steps"]
        level_records, skill_records = raw["levels"], raw["skills"]
    except KeyError as missing:
        raise ValueError(f"personal_plan.json: missing section {missing}.") from None
    harsh = []
    for index, entry in enumerate(reframe.get("harsh_words", [])):
        where = f"reframe.harsh_words[{index}]"
        harsh.append(HarshPhrase(_normalise(_text(entry, "phrase", where)).strip(), _text(entry, "gentler", where)))
    if not harsh:
        raise ValueError("personal_plan.json: reframe.harsh_words must list at least one phrase.")
    word_lists = {}
    for key in ("kind_words", "next_step_words"):
        words = reframe.get(key)
        if not isinstance(words, list) or not words or not all(isinstance(w, str) and w.strip() for w in words):
            raise ValueError(f"personal_plan.json: reframe.{key} must be a non-empty list of words.")
        word_lists[key] = frozenset(_normalise(w).strip() for w in words)
    rules = ReframeRules(
        _text(reframe, "prompt", "reframe"),
        _positive_int(reframe.get("max_chars"), "reframe.max_chars"),
        _positive_int(reframe.get("enough_words"), "reframe.enough_words"),
        tuple(harsh), word_lists["kind_words"], word_lists["next_step_words"],
    )
    levels = []
    for index, entry in enumerate(level_records):
        value = _positive_int(entry.get("value") if isinstance(entry, Mapping) else None, f"levels[{index}].value")
        levels.append((value, _text(entry, "label", f"levels[{index}]")))
    if [value for value, _ in levels] != list(range(1, len(levels) + 1)) or len(levels) < 2:
        raise ValueError("personal_plan.json: levels must be numbered 1, 2, 3... in order.")
    strong = _positive_int(raw.get("strong_level"), "strong_level")
    if strong > len(levels):
        raise ValueError(f"personal_plan.json: strong_level {strong} is above the highest level {len(levels)}.")
    skills, seen = [], set()
    for index, entry in enumerate(skill_records):
        where = f"skills[{index}]"
        fields_ = [_text(entry, key, where) for key in
                   ("id", "group", "label", "question", "suggestion_low", "suggestion_mid", "suggestion_high")]
        skill = Skill(*fields_)
        if skill.group not in _GROUPS:
            raise ValueError(f"personal_plan.json: {where} ({skill.id}) has group {skill.group!r}; use one of {_GROUPS}.")
        if skill.id in seen:
            raise ValueError(f"personal_plan.json: skill id {skill.id!r} appears twice.")
        seen.add(skill.id)
        skills.append(skill)
    missing_groups = [group for group in _GROUPS if not any(s.group == group for s in skills)]
    if missing_groups:
        raise ValueError(f"personal_plan.json: no skill in group(s) {', '.join(missing_groups)}.")
    return PlanData(
        rules, tuple(levels), strong, tuple(skills), _text(raw, "no_deep_knowledge", "the top level"),
        _positive_int(steps.get("max_steps"), "next_steps.max_steps"),
        _positive_int(steps.get("max_chars"), "next_steps.max_chars"),
        _positive_int(steps.get("max_days_ahead"), "next_steps.max_days_ahead"),
        _positive_int(steps.get("max_step_chars"), "next_steps.max_step_chars"),
    )


@cache
def plan_data() -> PlanData:
    """The shipped data file, checked once."""
    return load_plan_data(load_json("personal_plan.json"))


# ---- part 1: what would you tell a friend? -------------------------------------------------------


@dataclass(frozen=True)
class ReframeFeedback:
    """Gentle notes on a note written to a friend. Nothing here is a score."""

    word_count: int
    harsh: tuple[HarshPhrase, ...]
    pushed_back: tuple[str, ...]
    kind_words: tuple[str, ...]
    has_next_step: bool
    notes: tuple[str, ...]

    def summary(self) -> str:
        return "\n".join([f"Words: {self.word_count}", *(f"- {note}" for note in self.notes)])

    def as_dict(self) -> dict[str, Any]:
        return {
            "word_count": self.word_count,
            "harsh_words": [h.phrase for h in self.harsh],
            "pushed_back": list(self.pushed_back),
            "kind_words": list(self.kind_words),
            "has_next_step": self.has_next_step,
            "notes": list(self.notes),
        }

    def _repr_html_(self) -> str:
        return render.notice("info", "\n".join(f"\u2022 {note}" for note in self.notes), title="What the checker noticed")


def _preceded_by_negation(text: str, start: int) -> bool:
    before = _WORD.findall(text[:start])[-3:]
    return any(word in _NEGATIONS or word.endswith("n't") for word in before)


def check_reframe(text: object, rules: ReframeRules | None = None) -> ReframeFeedback:
    """Notice harsh words, kind words, a next step and length in a note to a friend."""
    rules = rules or plan_data().reframe
    note = clean_text(text, "Your note to a friend", max_chars=rules.max_chars, required=True)
    normal = _normalise(note)
    words = _WORD.findall(normal)
    harsh, pushed_back = [], []
    for entry in rules.harsh:
        pattern = r"(?<!\w)" + r"\s+".join(map(re.escape, entry.phrase.split())) + r"(?!\w)"
        matches = list(re.finditer(pattern, normal))
        if not matches:
            continue
        if all(_preceded_by_negation(normal, m.start()) for m in matches):
            pushed_back.append(entry.phrase)
        else:
            harsh.append(entry)
    kind = tuple(sorted(rules.kind_words.intersection(words)))
    has_next_step = bool(rules.next_step_words.intersection(words))
    notes = []
    for entry in harsh:
        notes.append(f"\u201c{entry.phrase}\u201d sounds hard on your friend. A gentler version: {entry.gentler}.")
    if pushed_back:
        quoted = ", ".join(f"\u201c{p}\u201d" for p in pushed_back)
        notes.append(f"You argued against a harsh label ({quoted}). Saying what they are, not only what they are not, can land even better.")
    if len(words) < rules.enough_words:
        notes.append(
            f"Your note has {len(words)} words. Could you add one specific thing, such as something your friend "
            "did well or what the feedback showed them? Specific words are easier to believe than general comfort."
        )
    if not kind:
        notes.append("You might say that feeling low after a rejection is normal, and that they are allowed to rest.")
    if not has_next_step:
        notes.append("You might suggest one small next step for when they are ready, such as asking for feedback or practising.")
    if not notes:
        notes.append("This reads as a kind and specific note.")
    notes.append("Now read it again as if it were written to you. You deserve the same kindness.")
    return ReframeFeedback(len(words), tuple(harsh), tuple(pushed_back), kind, has_next_step, tuple(notes))


# ---- part 2: the key skills ------------------------------------------------------------------------


@dataclass(frozen=True)
class SkillRating:
    skill: Skill
    level: int | None  # None: not rated yet
    suggestion: str


@dataclass(frozen=True)
class KeySkill:
    """One of the three key skills, with the level that counts for it."""

    name: str
    level: int | None
    detail: str


@dataclass(frozen=True)
class SkillsResult:
    ratings: tuple[SkillRating, ...]
    strong_level: int
    top_level: int
    no_deep_knowledge: str

    @property
    def unrated(self) -> int:
        return sum(r.level is None for r in self.ratings)

    def key_skills(self) -> tuple[KeySkill, ...]:
        """Communication; the deepest of the knowledge areas; comfort without full information."""
        keys = []
        for group, name in (("communication", "Communication"), ("knowledge", "Deep knowledge of one area"),
                            ("ambiguity", "Comfort without full information")):
            rated = [r for r in self.ratings if r.skill.group == group and r.level is not None]
            if not rated:
                keys.append(KeySkill(name, None, "not rated yet"))
                continue
            best = max(rated, key=lambda r: r.level or 0)  # the first of equals wins, in data order
            detail = best.skill.label.removeprefix("Knowledge: ") if group == "knowledge" else ""
            keys.append(KeySkill(name, best.level, detail))
        return tuple(keys)

    def focus(self) -> KeySkill | None:
        """The key skill to work on first: the lowest rated (``None`` until all are rated)."""
        keys = self.key_skills()
        if any(k.level is None for k in keys):
            return None
        return min(keys, key=lambda k: k.level or 0)

    def notes(self) -> list[str]:
        notes = []
        if self.unrated:
            notes.append(f"{self.unrated} of {len(self.ratings)} skills are not rated yet.")
        knowledge = self.key_skills()[1]
        if self.unrated == 0 and knowledge.level is not None and knowledge.level < self.strong_level:
            notes.append(self.no_deep_knowledge)
        focus = self.focus()
        if focus is not None:
            if focus.level is not None and focus.level >= self.strong_level:
                notes.append("All three key skills are strengths by your own account. Keep them in use and pick something new to learn.")
            else:
                notes.append(f"Work on first: {focus.name.lower()} (your rating: {focus.level} of {self.top_level}).")
        return notes

    def summary(self) -> str:
        lines = []
        for key in self.key_skills():
            level = "not rated" if key.level is None else f"{key.level} of {self.top_level}"
            lines.append(f"{key.name}: {level}" + (f" ({key.detail})" if key.detail else ""))
        return "\n".join(lines + self.notes())

    def as_dict(self) -> dict[str, Any]:
        return {
            "ratings": {r.skill.id: r.level for r in self.ratings},
            "key_skills": {k.name: {"level": k.level, "detail": k.detail} for k in self.key_skills()},
            "focus": None if self.focus() is None else self.focus().name,
            "suggestions": {r.skill.id: r.suggestion for r in self.ratings if r.level is not None},
            "notes": self.notes(),
        }

    def _repr_html_(self) -> str:
        rows = [(k.name, ("not rated" if k.level is None else f"{k.level} of {self.top_level}")
                 + (f" ({k.detail})" if k.detail else "")) for k in self.key_skills()]
        suggestions = [f"{r.skill.label}: {r.suggestion}" for r in self.ratings if r.level is not None]
        html = render.table(rows, caption="Your three key skills")
        html += "".join(render.notice("info", note) for note in self.notes())
        if suggestions:
            html += "<p><strong>Suggestions</strong></p>" + render.bullet_list(suggestions)
        return html


def _parse_level(value: object, label: str, top: int) -> int | None:
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, bool):
        raise ValueError(f"{label}: choose a level from 1 to {top}.")
    try:
        level = int(str(value).strip()) if isinstance(value, str) else value
    except ValueError:
        level = None
    if not isinstance(level, int) or not 1 <= level <= top:
        raise ValueError(f"{label}: choose a level from 1 to {top}, not {str(value)[:20]!r}.")
    return level


def assess_skills(ratings: Mapping[str, object], data: PlanData | None = None) -> SkillsResult:
    """Rate each skill 1 to the top level (``None`` = not rated yet); suggest what to do next."""
    data = data or plan_data()
    known = {skill.id for skill in data.skills}
    unknown = sorted(str(key) for key in ratings if key not in known)
    if unknown:
        raise ValueError(f"Unknown skill(s): {', '.join(unknown[:5])}.")
    top = len(data.levels)
    problems, rated = [], []
    for skill in data.skills:
        try:
            level = _parse_level(ratings.get(skill.id), skill.label, top)
        except ValueError as error:
            problems.append(str(error))
            continue
        if level is None:
            suggestion = ""
        elif level <= 2:
            suggestion = skill.suggestion_low
        elif level < data.strong_level:
            suggestion = skill.suggestion_mid
        else:
            suggestion = skill.suggestion_high
        rated.append(SkillRating(skill, level, suggestion))
    if problems:
        raise ValueError("\n".join(problems))
    return SkillsResult(tuple(rated), data.strong_level, top, data.no_deep_knowledge)


_GROUP_COLOURS = {"communication": "#1a56c4", "knowledge": "#2e7d32", "ambiguity": "#8e4fa8"}


def plot_skills(ax: Axes, result: SkillsResult) -> None:
    """Horizontal bars of the self-assessment, one per skill, with the 'strength' level marked."""
    ratings = list(reversed(result.ratings))  # barh draws bottom-up; keep the data order top-down
    labels = [r.skill.label for r in ratings]
    ax.barh(labels, [r.level or 0 for r in ratings], color=[_GROUP_COLOURS[r.skill.group] for r in ratings])
    for row, rating in enumerate(ratings):
        if rating.level is None:
            ax.text(0.08, row, "not rated yet", va="center", color="#555555", fontstyle="italic", fontsize="small")
    ax.axvline(result.strong_level, color="#555555", linestyle="--", linewidth=1)
    ax.set_xlim(0, result.top_level)
    ax.set_xticks(range(0, result.top_level + 1))
    ax.set_xlabel(f"Your rating (dashed line: {result.strong_level}, a real strength)")
    ax.set_title("Your key skills, as you rate them")
    ax.tick_params(axis="y", labelsize="small")


def describe_skills(result: SkillsResult) -> str:
    """Alt text for :func:`plot_skills`, from the ratings."""
    parts = [f"{r.skill.label} {'not rated' if r.level is None else r.level}" for r in result.ratings]
    focus = result.focus()
    end = "" if focus is None else f" The lowest key skill is {focus.name.lower()} at {focus.level}."
    return (
        f"Bar chart of your self-assessment from 1 to {result.top_level}: " + "; ".join(parts)
        + f". A dashed line marks {result.strong_level}, a real strength.{end}"
    )


# ---- part 3: try it ------------------------------------------------------------------------------


@dataclass(frozen=True)
class TryItPlan:
    """A problem, the cheapest fix you can think of, and the numbers for the feasibility calculator."""

    problem: str
    fix: str
    buy_existing: bool
    result: feasibility.FeasibilityResult

    def calculator_values(self) -> dict[str, float]:
        """Keyword arguments for :func:`exercises.feasibility.build_calculator`."""
        return {name: getattr(self.result.inputs, name) for name in feasibility.FIELDS}

    def summary(self) -> str:
        how = "buy something that exists" if self.buy_existing else "build or arrange it yourself"
        return "\n".join([
            f"Problem: {self.problem}", f"Cheapest fix ({how}): {self.fix}",
            f"Verdict: {self.result.verdict}: {self.result.reason}",
        ])

    def as_dict(self) -> dict[str, Any]:
        return {"verdict": self.result.verdict, "reason": self.result.reason,
                "customers": self.result.customers, "profit": self.result.profit,
                "break_even_customers": self.result.break_even_customers}

    def _repr_html_(self) -> str:
        kind = {"feasible": "ok", "marginal": "warn"}.get(self.result.verdict, "info")
        return render.table([("Problem", self.problem), ("Cheapest fix", self.fix)], caption="Your try-it project") + (
            render.notice(kind, f"{self.result.reason} The calculator below starts with your numbers; explore from there.",
                          title=f"First check: {self.result.verdict}")
        )


def plan_try_it(problem: object, fix: object, numbers: Mapping[str, object], *, buy_existing: bool = False) -> TryItPlan:
    """Check the problem, the fix and the five numbers; one ``ValueError`` lists every problem."""
    problems = []
    texts = []
    for raw, label in ((problem, "The problem"), (fix, "The cheapest fix")):
        try:
            texts.append(clean_text(raw, label, max_chars=SHORT_TEXT_CHARS, required=True))
        except ValueError as error:
            problems.append(str(error))
    try:
        inputs = feasibility.parse_inputs(numbers)
    except ValueError as error:
        problems.append(str(error))
    if problems:
        raise ValueError("\n".join(problems))
    return TryItPlan(texts[0], texts[1], bool(buy_existing), feasibility.evaluate(inputs))


# ---- part 4: next steps with dates -----------------------------------------------------------------


@dataclass(frozen=True)
class NextStep:
    when: date
    text: str


@dataclass(frozen=True)
class NextStepsPlan:
    today: date
    steps: tuple[NextStep, ...]

    def summary(self) -> str:
        if not self.steps:
            return "No next steps yet."
        lines = [f"{len(self.steps)} next step(s):"]
        for step in self.steps:
            days = (step.when - self.today).days
            when = "today" if days == 0 else "tomorrow" if days == 1 else f"in {days} days"
            lines.append(f"- {step.when.isoformat()} ({when}): {step.text}")
        return "\n".join(lines)

    def as_dict(self) -> dict[str, Any]:
        return {"today": self.today.isoformat(),
                "steps": [{"date": s.when.isoformat(), "step": s.text} for s in self.steps]}

    def _repr_html_(self) -> str:
        if not self.steps:
            return render.notice("info", "No next steps yet. Write one step per line, starting with its date.")
        rows = [(s.when.isoformat(), s.text) for s in self.steps]
        return render.table(rows, caption="Your next steps, soonest first")


def _shown(text: str, limit: int = 30) -> str:
    return text if len(text) <= limit else text[: limit - 3] + "..."


def parse_next_steps(text: object, today: date, data: PlanData | None = None) -> NextStepsPlan:
    """Parse one ``YYYY-MM-DD step`` per line; dates must be real, not past, and not too far ahead."""
    data = data or plan_data()
    body = clean_text(text, "Your next steps", max_chars=data.max_steps_chars)
    latest = today + timedelta(days=data.max_days_ahead)
    lines = [(number, line.strip()) for number, line in enumerate(body.splitlines(), 1) if line.strip()]
    problems, steps = [], []
    if len(lines) > data.max_steps:
        problems.append(f"You wrote {len(lines)} steps; keep the {data.max_steps} that matter most.")
    for number, line in lines:
        match = _DATE_START.match(line)
        if not match:
            problems.append(
                f"Line {number}: \u201c{_shown(line)}\u201d does not start with a date; "
                f"write the date as YYYY-MM-DD, then the step, e.g. {today.isoformat()} Ask a PM for a chat."
            )
            continue
        year, month, day, step = match.groups()
        shown_date = f"{year}-{month}-{day}"
        try:
            when = date(int(year), int(month), int(day))
        except ValueError:
            problems.append(f"Line {number}: {shown_date} is not a real date; check the month (1-12) and the day.")
            continue
        step = step.strip()
        if not step:
            problems.append(f"Line {number}: add the step after the date {when.isoformat()}.")
        elif len(step) > data.max_step_chars:
            problems.append(f"Line {number}: the step is {len(step):,} characters; keep each step under {data.max_step_chars}.")
        elif when < today:
            problems.append(f"Line {number}: {when.isoformat()} is in the past (today is {today.isoformat()}); pick today or later.")
        elif when > latest:
            problems.append(
                f"Line {number}: {when.isoformat()} is more than {data.max_days_ahead} days away; "
                "choose a step you can take sooner, and plan the rest later."
            )
        else:
            steps.append(NextStep(when, step))
    if problems:
        raise ValueError("\n".join(problems))
    return NextStepsPlan(today, tuple(sorted(steps, key=lambda s: s.when)))


# ---- the whole plan, for Save my work ---------------------------------------------------------------


def _md_text(text: str) -> str:
    """Learner text as literal Markdown: escaped, and no line can start a list, quote or heading."""
    lines = []
    for line in escape_markdown(text).splitlines() or [""]:
        line = line.lstrip()
        if re.match(r"[-+=~]", line):
            line = "\\" + line
        line = re.sub(r"^(\d+)([.)])", r"\1\\\2", line)
        lines.append(line)
    return "<br>".join(lines)


@dataclass(frozen=True)
class PersonalPlan:
    friend_note: str
    reframe: ReframeFeedback | None
    skills: SkillsResult
    try_it: TryItPlan | None
    next_steps: NextStepsPlan
    raw_inputs: Mapping[str, Any]

    def results(self) -> dict[str, Any]:
        return {
            "reframe": None if self.reframe is None else self.reframe.as_dict(),
            "skills": self.skills.as_dict(),
            "try_it": None if self.try_it is None else self.try_it.as_dict(),
            "next_steps": self.next_steps.as_dict()["steps"],
        }

    def markdown(self) -> str:
        """The whole plan as safe Markdown; every piece of learner text is escaped."""
        out = ["## 1. What I would tell a friend", ""]
        if self.reframe is None:
            out.append("(not written yet)")
        else:
            out += [f"> {_md_text(self.friend_note)}", ""]
            out += [f"- {_md_text(note)}" for note in self.reframe.notes]
        out += ["", "## 2. My key skills", "", "| Skill | My rating |", "| --- | --- |"]
        for key in self.skills.key_skills():
            level = "not rated" if key.level is None else f"{key.level} of {self.skills.top_level}"
            out.append(f"| {key.name} | {level}{f' ({key.detail})' if key.detail else ''} |")
        out += [""] + [f"- {_md_text(note)}" for note in self.skills.notes()]
        out += [f"- {r.skill.label}: {r.suggestion}" for r in self.skills.ratings if r.level is not None]
        out += ["", "## 3. Try it", ""]
        if self.try_it is None:
            out.append("(not started yet)")
        else:
            result = self.try_it.result
            out += [
                f"- Problem: {_md_text(self.try_it.problem)}",
                f"- Cheapest fix: {_md_text(self.try_it.fix)}"
                + (" (buy something that already exists)" if self.try_it.buy_existing else ""),
                "- Numbers: " + ", ".join(
                    f"{spec.label.lower()} {feasibility.money(getattr(result.inputs, name))}"
                    for name, spec in feasibility.FIELDS.items()
                ),
                f"- First check: {result.verdict}: {_md_text(result.reason)}",
            ]
        out += ["", "## 4. Next steps", ""]
        if not self.next_steps.steps:
            out.append("(none yet)")
        out += [f"- [ ] {s.when.isoformat()}: {_md_text(s.text)}" for s in self.next_steps.steps]
        return "\n".join(out) + "\n"


def make_plan(
    *,
    friend_note: object = "",
    ratings: Mapping[str, object] | None = None,
    problem: object = "",
    fix: object = "",
    buy_existing: bool = False,
    numbers: Mapping[str, object] | None = None,
    steps_text: object = "",
    today: date,
) -> PersonalPlan:
    """Check all four parts. Empty parts are fine; invalid ones raise one ``ValueError`` naming the part."""
    numbers = dict(numbers or {})
    problems: list[str] = []

    def attempt(part: str, compute: Callable[[], Any]) -> Any:
        try:
            return compute()
        except ValueError as error:
            problems.append(f"{part}: {error}")
            return None

    note = "" if friend_note is None else str(friend_note)
    reframe = attempt("Part 1", lambda: check_reframe(note)) if note.strip() else None
    skills = attempt("Part 2", lambda: assess_skills(ratings or {}))
    started = any(str(v).strip() for v in (problem or "", fix or "", *numbers.values()))
    try_it = attempt("Part 3", lambda: plan_try_it(problem, fix, numbers, buy_existing=buy_existing)) if started else None
    steps = attempt("Part 4", lambda: parse_next_steps(steps_text, today))
    if problems:
        raise ValueError("\n".join(problems))
    raw_inputs = {
        "friend_note": note.strip(),
        "ratings": skills.as_dict()["ratings"],
        "problem": "" if problem is None else str(problem).strip(),
        "fix": "" if fix is None else str(fix).strip(),
        "buy_existing": bool(buy_existing),
        "numbers": None if try_it is None else try_it.calculator_values(),
        "next_steps_text": str(steps_text or "").strip(),
        "today": today.isoformat(),
    }
    return PersonalPlan(note.strip(), reframe, skills, try_it, steps, raw_inputs)


# ---- widget ------------------------------------------------------------------------------------------


def _section(title: str, children: Sequence[widgets.Widget]) -> widgets.VBox:
    return widgets.VBox(
        [widgets.HTML(f"<h4 style='margin:4px 0'>{render.escape(title)}</h4>"), *children],
        layout=widgets.Layout(border="1px solid #c4c4c4", padding="6px", margin="6px 0"),
    )


def _new_skills_figure() -> Figure:
    # Fixed margins: constrained layout would double the redraw time.
    fig = Figure(figsize=(7, 2.6))
    fig.subplots()
    fig.subplots_adjust(left=0.37, right=0.97, bottom=0.2, top=0.88)
    return fig


def build_personal_plan(today: date | None = None) -> ExerciseView:
    """The four-part personal plan with feedback, a skills chart, the calculator link and Save my work.

    ``today`` fixes the date that next steps are checked against (for tests); by default it is
    the kernel's date at the moment of each check.
    """
    data = plan_data()

    def current_day() -> date:
        return today or date.today()

    # Part 1
    friend_note = widgets.Textarea(
        description="Your note to a friend", placeholder="Write as you would to someone you care about\u2026",
        style=LABEL_STYLE, layout=widgets.Layout(width="44em", height="9em"), continuous_update=False,
    )
    feedback_button = widgets.Button(description="Give me feedback", icon="comment", tooltip="Read my note and suggest")
    reframe_feedback = widgets.HTML()

    def show_reframe(_change: object = None) -> None:
        if not friend_note.value.strip():
            reframe_feedback.value = render.notice("info", "Write a few sentences first; there is no wrong answer.")
            return
        try:
            reframe_feedback.value = check_reframe(friend_note.value, data.reframe)._repr_html_()
        except ValueError as error:
            reframe_feedback.value = render.notice("error", str(error))

    # Part 2
    level_options = [("Choose\u2026", None), *[(label, value) for value, label in data.levels]]
    skill_controls = {
        skill.id: widgets.Dropdown(options=level_options, value=None, description=skill.label,
                                   tooltip=skill.question, style=LABEL_STYLE, layout=WIDE)
        for skill in data.skills
    }
    skills_summary = widgets.HTML()
    skills_chart = widgets.HTML()
    fig = _new_skills_figure()

    def show_skills(_change: object = None) -> None:
        try:
            result = assess_skills({sid: c.value for sid, c in skill_controls.items()}, data)
        except ValueError as error:  # only reachable if the options are tampered with
            skills_summary.value = render.notice("error", str(error))
            return
        skills_summary.value = result._repr_html_()
        ax = fig.axes[0]
        ax.clear()
        plot_skills(ax, result)
        skills_chart.value = render.figure_html(fig, describe_skills(result))

    # Part 3
    problem = widgets.Textarea(description="A problem you have", placeholder="Who has it, and when does it bite?",
                               style=LABEL_STYLE, layout=widgets.Layout(width="44em", height="4em"))
    fix = widgets.Textarea(description="The cheapest fix", placeholder="Quick, cheap; buying something counts",
                           style=LABEL_STYLE, layout=widgets.Layout(width="44em", height="4em"))
    buy_existing = widgets.Checkbox(description="The fix is to buy something that already exists", indent=False)
    number_boxes = {
        name: widgets.Text(description=spec.label, placeholder=f"e.g. {spec.default:g}", tooltip=spec.help_text,
                           style=LABEL_STYLE, layout=widgets.Layout(width="24em"))
        for name, spec in feasibility.FIELDS.items()
    }
    open_calculator = widgets.Button(description="Check in the calculator", icon="calculator", button_style="info",
                                     tooltip="Open the feasibility calculator below, filled in with these numbers",
                                     layout=widgets.Layout(width="auto"))
    try_message = widgets.HTML()
    calculator_area = widgets.VBox()

    def show_calculator(_button: object = None) -> None:
        try:
            plan = plan_try_it(problem.value, fix.value, {n: b.value for n, b in number_boxes.items()},
                               buy_existing=buy_existing.value)
        except ValueError as error:
            try_message.value = render.notice("error", str(error), title="Check your project")
            calculator_area.children = ()
            return
        try_message.value = plan._repr_html_()
        calculator_area.children = (feasibility.build_calculator(**plan.calculator_values()).root,)

    # Part 4
    steps = widgets.Textarea(
        description="Your next steps", placeholder="YYYY-MM-DD  one step per line, up to five",
        style=LABEL_STYLE, layout=widgets.Layout(width="44em", height="8em"), continuous_update=False,
    )
    check_steps = widgets.Button(description="Check my dates", icon="calendar")
    steps_feedback = widgets.HTML()

    def show_steps(_change: object = None) -> None:
        try:
            steps_feedback.value = parse_next_steps(steps.value, current_day(), data)._repr_html_()
        except ValueError as error:
            steps_feedback.value = render.notice("error", str(error), title="Check your dates")

    def snapshot() -> dict[str, Any]:
        try:
            plan = make_plan(
                friend_note=friend_note.value, ratings={sid: c.value for sid, c in skill_controls.items()},
                problem=problem.value, fix=fix.value, buy_existing=buy_existing.value,
                numbers={n: b.value for n, b in number_boxes.items()}, steps_text=steps.value, today=current_day(),
            )
        except ValueError as error:
            raise ValueError(f"Fix these first:\n{error}") from None
        return {"inputs": dict(plan.raw_inputs), "results": plan.results(), "markdown_body": plan.markdown()}

    friend_note.observe(show_reframe, names="value")
    feedback_button.on_click(show_reframe)
    for control in skill_controls.values():
        control.observe(show_skills, names="value")
    open_calculator.on_click(show_calculator)
    steps.observe(show_steps, names="value")
    check_steps.on_click(show_steps)
    show_skills()
    show_steps()
    save = build_save_panel(EXERCISE_ID, EXERCISE_TITLE, snapshot)

    questions = [widgets.VBox([widgets.HTML(f"<p style='margin:6px 0 0 0'>{render.escape(s.question)}</p>"),
                               skill_controls[s.id]]) for s in data.skills]
    root = widgets.VBox([
        _section("1. What would you tell a friend?", [
            widgets.HTML(f"<p>{render.escape(data.reframe.prompt)}</p>"), friend_note, feedback_button, reframe_feedback,
        ]),
        _section("2. Your key skills", [*questions, skills_summary, skills_chart]),
        _section("3. Try it: a problem, a cheap fix, the numbers", [
            problem, fix, buy_existing, *number_boxes.values(), open_calculator, try_message, calculator_area,
        ]),
        _section("4. Your next steps", [
            widgets.HTML("<p>One step per line, each starting with its date (YYYY-MM-DD), at most five.</p>"),
            steps, check_steps, steps_feedback,
        ]),
        save.root,
    ])
    controls = {"friend_note": friend_note, "feedback": feedback_button, **skill_controls, "problem": problem,
                "fix": fix, "buy_existing": buy_existing, **number_boxes, "open_calculator": open_calculator,
                "steps": steps, "check_steps": check_steps, **save.controls}
    outputs = {"reframe": reframe_feedback, "skills": skills_summary, "skills_chart": skills_chart,
               "try_it": try_message, "calculator": calculator_area, "steps": steps_feedback, **save.outputs}
    return ExerciseView(root, controls=controls, outputs=outputs)
