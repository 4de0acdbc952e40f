"""Part 2 of the personal plan: rate your skills; see your three key skills and what to work on first.

The three key skills are communication, deep knowledge of one area (the best of engineering,
sales and the target customer) and comfort without full information.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from ..kit import render
from ..kit.frozen import Frozen
from .data import PlanData, Skill, plan_data


class SkillRating(Frozen):
    skill: Skill
    level: int | None  # None: not rated yet
    suggestion: str


class KeySkill(Frozen):
    """One of the three key skills, with the level that counts for it."""

    name: str
    level: int | None
    detail: str


class SkillsResult(Frozen):
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
                notes.append(
                    "All three key skills are strengths by your own account. "
                    "Keep them in use and pick something new to learn."
                )
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

