"""The personal plan's pure layer: the whole four-part plan, checked and written out as Markdown.

Each part has its own module: :mod:`.reframe` (a note to a friend), :mod:`.skills` (the key
skills), :mod:`.try_it` (a problem, a cheap fix, the numbers) and :mod:`.next_steps` (dated
steps); :mod:`.data` holds the data file. :func:`make_plan` checks all four for Save my work.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from datetime import date
from typing import Any

from ..feasibility.model import FIELDS, money
from ..kit.frozen import Frozen
from ..kit.text import escape_markdown, is_written
from .data import HarshPhrase, PlanData, ReframeRules, Skill, parse_plan_data, plan_data
from .next_steps import NextStep, NextStepsPlan, parse_next_steps
from .reframe import ReframeFeedback, check_reframe
from .skills import KeySkill, SkillRating, SkillsResult, assess_skills
from .try_it import TryItPlan, plan_try_it

__all__ = [
    "HarshPhrase", "KeySkill", "NextStep", "NextStepsPlan", "PersonalPlan", "PlanData", "ReframeFeedback",
    "ReframeRules", "Skill", "SkillRating", "SkillsResult", "TryItPlan", "assess_skills", "check_reframe",
    "make_plan", "parse_next_steps", "parse_plan_data", "plan_data", "plan_try_it",
]


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


class PersonalPlan(Frozen):
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
                    f"{spec.label.lower()} {money(getattr(result.inputs, name))}"
                    for name, spec in FIELDS.items()
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
    data: PlanData | None = None,
) -> PersonalPlan:
    """Check all four parts against ``data`` (default: the shipped file).

    Empty parts are fine; invalid ones raise one ``ValueError`` naming the part.
    """
    data = data or plan_data()
    numbers = dict(numbers or {})
    problems: list[str] = []

    def attempt(part: str, compute: Callable[[], Any]) -> Any:
        try:
            return compute()
        except ValueError as error:
            problems.append(f"{part}: {error}")
            return None

    note = "" if friend_note is None else str(friend_note)
    reframe = attempt("Part 1", lambda: check_reframe(note, data.reframe)) if note.strip() else None
    skills = attempt("Part 2", lambda: assess_skills(ratings or {}, data))
    started = any(str(v).strip() for v in (problem or "", fix or "", *numbers.values()))
    try_it = None
    if started:
        try_it = attempt("Part 3", lambda: plan_try_it(problem, fix, numbers, buy_existing=buy_existing))
    steps = attempt("Part 4", lambda: parse_next_steps(steps_text, today, data))
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


def attempt_complete(record: Mapping[str, Any]) -> bool:
    """Complete when any part of the plan holds the learner's own work."""
    inputs = record["inputs"]
    texts = (inputs.get(key) for key in ("friend_note", "problem", "fix", "next_steps_text", "setbacks"))
    return any(is_written(text) for text in texts) or any(v is not None for v in inputs.get("ratings", {}).values())
