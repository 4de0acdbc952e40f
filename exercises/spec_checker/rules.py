"""The spec checker's two data files: the rules (sections and word lists) and the scenarios.

``exercises/data/spec_rules.json`` holds the spec's sections, the word lists the checks use and
the checker's stated limits; ``exercises/data/spec_scenarios.json`` holds the scenarios a learner
writes a spec for, each with a flawed and a good worked example. Each has a JSON Schema beside
it; :func:`parse_spec_rules` and :func:`parse_spec_scenarios` check what a schema cannot.
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import cache, cached_property
from typing import Any

from ..kit.choices import Titled, by_id
from ..kit.data import data_error, load, schema_name, validate
from ..kit.frozen import Frozen
from ..kit.text import words

RULES_FILE = "spec_rules.json"
SCENARIOS_FILE = "spec_scenarios.json"
SECTION_CHECKS = ("vague", "solution-first", "story-shape", "testable")


class Section(Frozen):
    """One section of the one-page spec."""

    id: str
    label: str
    prompt: str
    max_words: int
    required: bool
    checks: tuple[str, ...]  # some of SECTION_CHECKS


class VagueGroup(Frozen):
    """Vague words that share one question, the question that makes the text precise."""

    id: str
    phrases: tuple[str, ...]
    ask: str


class StoryPart(Frozen):
    """One part of a user story (who, what, why), recognised by any of its phrases."""

    id: str
    label: str
    phrases: tuple[str, ...]
    hint: str


class SpecRules(Frozen):
    """Everything the checker knows, as loaded from a rules file."""

    sections: tuple[Section, ...]
    vague_groups: tuple[VagueGroup, ...]
    solution_phrases: tuple[str, ...]
    problem_phrases: tuple[str, ...]
    story_parts: tuple[StoryPart, ...]
    outcome_words: tuple[str, ...]
    condition_words: tuple[str, ...]
    number_words: tuple[str, ...]
    step_opens: tuple[str, ...]
    step_continues: tuple[str, ...]
    limits: tuple[str, ...]

    @property
    def section_ids(self) -> tuple[str, ...]:
        return tuple(section.id for section in self.sections)

    @cached_property
    def vague_phrases(self) -> tuple[str, ...]:
        return tuple(phrase for group in self.vague_groups for phrase in group.phrases)

    @cached_property
    def story_phrases(self) -> tuple[str, ...]:
        return tuple(phrase for part in self.story_parts for phrase in part.phrases)

    @cached_property
    def all_phrases(self) -> tuple[str, ...]:
        """Every listed phrase, once: a section is searched for all of them at once."""
        lists = (self.vague_phrases, self.solution_phrases, self.problem_phrases, self.outcome_words,
                 self.condition_words, self.number_words)
        return tuple(dict.fromkeys(phrase for listed in lists for phrase in listed))

    def ask_for(self, phrase: str) -> str:
        """The question for a listed vague word or phrase (as listed, lower case)."""
        return next(group.ask for group in self.vague_groups if phrase in group.phrases)


class Scenario(Titled):
    """A situation to write a spec for, with a flawed and a good worked example."""

    product: str
    situation: str
    request: str
    known: tuple[str, ...]
    flawed: Mapping[str, str]
    good: Mapping[str, str]

    def example(self, which: str) -> Mapping[str, str]:
        """``"flawed"`` or ``"good"``: a text for every section."""
        if which not in ("flawed", "good"):
            raise ValueError(f"Example: choose 'flawed' or 'good', not {str(which)[:20]!r}.")
        return self.flawed if which == "flawed" else self.good

    def __hash__(self) -> int:  # the examples are dicts; the id names a scenario
        return hash(self.id)


def _duplicate_ids(items: list[Any], where: str, source: str) -> None:
    seen: set[str] = set()
    for index, item in enumerate(items):
        if item.id in seen:
            raise data_error(source, [where, index, "id"], f"two entries share the id {item.id!r}.")
        seen.add(item.id)


def parse_spec_rules(raw: Any, *, source: str = RULES_FILE) -> SpecRules:
    """Check ``raw`` against the schema and the rules it cannot express; errors name ``source`` and the path."""
    validate(raw, schema_name(RULES_FILE), source=source)
    sections = tuple(
        Section(s["id"], s["label"].strip(), s["prompt"].strip(), s["max_words"], s["required"], tuple(s["checks"]))
        for s in raw["sections"]
    )
    _duplicate_ids(list(sections), "sections", source)
    groups = tuple(VagueGroup(g["id"], tuple(g["phrases"]), g["ask"].strip()) for g in raw["vague_words"])
    _duplicate_ids(list(groups), "vague_words", source)
    seen: dict[str, str] = {}
    for index, group in enumerate(groups):
        for phrase in group.phrases:
            if phrase in seen:
                raise data_error(source, ["vague_words", index, "phrases"],
                                 f"{phrase!r} is already listed in the group {seen[phrase]!r}.")
            seen[phrase] = group.id
    parts = tuple(StoryPart(p["id"], p["label"].strip(), tuple(p["phrases"]), p["hint"].strip())
                  for p in raw["story_parts"])
    _duplicate_ids(list(parts), "story_parts", source)
    for key in ("solution_phrases", "problem_phrases", "outcome_words", "condition_words", "number_words"):
        for index, phrase in enumerate(raw[key]):
            if not words(phrase):
                raise data_error(source, [key, index], f"{phrase!r} has no word in it.")
    return SpecRules(
        sections, groups, tuple(raw["solution_phrases"]), tuple(raw["problem_phrases"]), parts,
        tuple(raw["outcome_words"]), tuple(raw["condition_words"]), tuple(raw["number_words"]),
        tuple(raw["steps"]["opens"]), tuple(raw["steps"]["continues"]), tuple(t.strip() for t in raw["limits"]),
    )


@cache
def spec_rules() -> SpecRules:
    """The shipped rules, checked once."""
    return parse_spec_rules(load(RULES_FILE), source=f"exercises/data/{RULES_FILE}")


def parse_spec_scenarios(raw: Any, *, rules: SpecRules | None = None,
                         source: str = SCENARIOS_FILE) -> tuple[Scenario, ...]:
    """Check ``raw`` against the schema, and each example against the sections of ``rules``."""
    validate(raw, schema_name(SCENARIOS_FILE), source=source)
    section_ids = (rules or spec_rules()).section_ids
    scenarios = []
    for index, item in enumerate(raw["scenarios"]):
        for which in ("flawed", "good"):
            given = item["examples"][which]
            missing = [s for s in section_ids if s not in given]
            extra = sorted(set(given) - set(section_ids))
            if missing or extra:
                raise data_error(
                    source, ["scenarios", index, "examples", which],
                    f"give a text for every section, and only those (missing: {', '.join(missing) or 'none'}; "
                    f"not a section: {', '.join(extra) or 'none'}).",
                )
        scenarios.append(Scenario(
            item["id"], item["title"].strip(), item["product"].strip(), item["situation"].strip(),
            item["request"].strip(), tuple(k.strip() for k in item["known"]),
            dict(item["examples"]["flawed"]), dict(item["examples"]["good"]),
        ))
    _duplicate_ids(scenarios, "scenarios", source)
    return tuple(scenarios)


@cache
def spec_scenarios() -> tuple[Scenario, ...]:
    """The shipped scenarios, checked once."""
    return parse_spec_scenarios(load(SCENARIOS_FILE), source=f"exercises/data/{SCENARIOS_FILE}")


def scenario(scenario_id: str, scenarios: tuple[Scenario, ...] | None = None) -> Scenario:
    """The scenario with this id; a learner-readable ``ValueError`` otherwise."""
    return by_id(scenarios or spec_scenarios(), scenario_id,
                 f"Scenario: {str(scenario_id)[:40]!r} is not one of the scenarios on offer.")
