"""Part 4 of the personal plan: next steps, one per line, each starting with its date (YYYY-MM-DD)."""

from __future__ import annotations

import re
from datetime import date, timedelta
from typing import Any

from ..kit import render
from ..kit.frozen import Frozen
from ..kit.text import clean_text
from .data import PlanData, plan_data

_DATE_START = re.compile(r"^(\d{1,4})-(\d{1,2})-(\d{1,2})(?=$|[\s:\u2013\u2014-])\s*[:\u2013\u2014-]?\s*(.*)$")


class NextStep(Frozen):
    when: date
    text: str


class NextStepsPlan(Frozen):
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
            problems.append(
                f"Line {number}: the step is {len(step):,} characters; keep each step under {data.max_step_chars}."
            )
        elif when < today:
            problems.append(
                f"Line {number}: {when.isoformat()} is in the past (today is {today.isoformat()}); pick today or later."
            )
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
