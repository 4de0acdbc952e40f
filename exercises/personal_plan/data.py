"""The personal plan's data file, ``exercises/data/personal_plan.json``: the note checker's word
lists, the skills and their levels, and the limits on next steps.

:func:`parse_plan_data` checks data against ``personal_plan.schema.json`` and the few rules a
schema cannot express; :func:`plan_data` is the shipped file, parsed once.
"""

from __future__ import annotations

import unicodedata
from functools import cache
from typing import Any

from ..kit.data import load, schema_name, validate
from ..kit.frozen import Frozen

DATA_FILE = "personal_plan.json"
GROUPS = ("communication", "knowledge", "ambiguity")


class HarshPhrase(Frozen):
    """A harsh word or phrase and a gentler way to say the same thing."""

    phrase: str
    gentler: str


class ReframeRules(Frozen):
    """What the note checker looks for (part 1)."""

    prompt: str
    max_chars: int
    enough_words: int
    harsh: tuple[HarshPhrase, ...]
    kind_words: frozenset[str]
    next_step_words: frozenset[str]


class Skill(Frozen):
    """One self-assessed skill; ``group`` is communication, knowledge or ambiguity."""

    id: str
    group: str
    label: str
    question: str
    suggestion_low: str
    suggestion_mid: str
    suggestion_high: str


class PlanData(Frozen):
    """The whole data file, checked."""

    reframe: ReframeRules
    levels: tuple[tuple[int, str], ...]
    strong_level: int
    skills: tuple[Skill, ...]
    no_deep_knowledge: str
    max_steps: int
    max_steps_chars: int
    max_days_ahead: int
    max_step_chars: int


def normalise(text: str) -> str:
    """Fold case, compatibility forms and curly quotes, so that matching is forgiving."""
    return unicodedata.normalize("NFKC", text).casefold().replace("\u2018", "'").replace("\u2019", "'")


def parse_plan_data(raw: Any, *, source: str = DATA_FILE) -> PlanData:
    """Check ``raw`` against the schema and the rules it cannot express; errors name ``source`` and the path."""
    validate(raw, schema_name(DATA_FILE), source=source)

    def problem(where: str, message: str) -> ValueError:
        return ValueError(f"{source}: at {where}: {message}")

    reframe, steps = raw["reframe"], raw["next_steps"]
    values = [level["value"] for level in raw["levels"]]
    if values != list(range(1, len(values) + 1)):
        raise problem("/levels", f"levels must be numbered 1, 2, 3... in order, not {values}.")
    if raw["strong_level"] > len(values):
        raise problem("/strong_level", f"strong_level {raw['strong_level']} is above the highest level {len(values)}.")
    skills = tuple(Skill(**record) for record in raw["skills"])
    for index, skill in enumerate(skills):
        if skill.id in {s.id for s in skills[:index]}:
            raise problem(f"/skills/{index}/id", f"skill id {skill.id!r} appears twice.")
    # A schema could demand each group with "contains", but its message would quote the whole list.
    missing_groups = [group for group in GROUPS if not any(s.group == group for s in skills)]
    if missing_groups:
        raise problem("/skills", f"no skill in group(s) {', '.join(missing_groups)}.")
    rules = ReframeRules(
        reframe["prompt"], reframe["max_chars"], reframe["enough_words"],
        tuple(HarshPhrase(normalise(h["phrase"]).strip(), h["gentler"]) for h in reframe["harsh_words"]),
        frozenset(normalise(w) for w in reframe["kind_words"]),
        frozenset(normalise(w) for w in reframe["next_step_words"]),
    )
    return PlanData(
        rules, tuple((level["value"], level["label"]) for level in raw["levels"]), raw["strong_level"], skills,
        raw["no_deep_knowledge"], steps["max_steps"], steps["max_chars"], steps["max_days_ahead"],
        steps["max_step_chars"],
    )


@cache
def plan_data() -> PlanData:
    """The shipped data file, checked once."""
    return parse_plan_data(load(DATA_FILE), source=f"exercises/data/{DATA_FILE}")
