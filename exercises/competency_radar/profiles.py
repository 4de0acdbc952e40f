"""The competency radar's data: the six competencies, the typical profile of each background, growth steps.

They live in ``exercises/data/origin_profiles.json``; ``origin_profiles.schema.json`` beside it
checks their shape. :func:`parse_origin_profiles` adds the rules that refer to the data itself
(ids are unique, every reference names a listed competency, strengths are rated above
weaknesses); :func:`origin_profiles` is the shipped catalogue, cached.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from functools import cache
from typing import Any

from ..kit import data
from ..kit.choices import by_id
from ..kit.frozen import Frozen

DATA_FILE = "origin_profiles.json"
SCALE_MIN, SCALE_MAX = 1, 5  # the schema holds the data file to this scale


class Competency(Frozen):
    id: str
    label: str
    chart_label: str
    meaning: str


class Advice(Frozen):
    """One piece of advice aimed at one competency."""

    competency: str
    text: str


class Background(Frozen):
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


class Catalogue(Frozen):
    """Everything the data file holds, validated."""

    competencies: tuple[Competency, ...]
    backgrounds: tuple[Background, ...]
    growth_steps: tuple[tuple[str, ...], ...]  # per competency, in list order

    def competency(self, competency_id: str) -> Competency:
        return by_id(self.competencies, competency_id,
                     f"No competency {competency_id!r}; the competencies are {', '.join(self.ids)}.")

    @property
    def ids(self) -> tuple[str, ...]:
        return tuple(c.id for c in self.competencies)


def _duplicates(ids: Sequence[str]) -> list[str]:
    return sorted({i for i in ids if ids.count(i) > 1})


def _check_keys(keys: Sequence[str], known: Sequence[str], source: str, path: list[str | int], what: str) -> None:
    if set(keys) != set(known):
        raise data.data_error(source, path, f"{what} must name exactly the six competencies {list(known)}.")


def _check_known(ids: Sequence[str], known: Sequence[str], source: str, path: list[str | int], where: str) -> None:
    for index, item in enumerate(ids):
        if item not in known:
            raise data.data_error(
                source, [*path, index], f"{where}: {item!r} is not one of the competencies {list(known)}."
            )


def _background(raw: Mapping[str, Any], known: Sequence[str], source: str, index: int) -> Background:
    path: list[str | int] = ["backgrounds", index]
    where = f"Background {raw['id']!r}"
    profile = raw["profile"]
    _check_keys(list(profile), known, source, [*path, "profile"], f"{where}: 'profile'")
    strengths, weaknesses = tuple(raw["strengths"]), tuple(raw["weaknesses"])
    _check_known(strengths, known, source, [*path, "strengths"], f"{where} strengths")
    _check_known(weaknesses, known, source, [*path, "weaknesses"], f"{where} weaknesses")
    if set(strengths) & set(weaknesses):
        raise data.data_error(source, path, f"{where}: a competency cannot be both a strength and a weakness.")
    if min(profile[s] for s in strengths) <= max(profile[w] for w in weaknesses):
        raise data.data_error(
            source, [*path, "profile"], f"{where}: every strength must be rated above every weakness in the profile."
        )
    for number, advice in enumerate(raw["advice"]):
        if advice["competency"] not in known:
            raise data.data_error(
                source, [*path, "advice", number, "competency"],
                f"{where}: each piece of advice needs a known 'competency'; {advice['competency']!r} is not one of "
                f"{list(known)}.",
            )
    return Background(
        id=raw["id"], label=raw["label"], inferred=raw["inferred"], summary=raw["summary"],
        profile=tuple(profile[c] for c in known), profile_note=raw["profile_note"],
        strengths=strengths, weaknesses=weaknesses,
        advice=tuple(Advice(a["competency"], a["text"]) for a in raw["advice"]),
        beyond_the_six=raw.get("beyond_the_six", ""),
    )


def parse_origin_profiles(raw: Any, *, source: str = DATA_FILE) -> Catalogue:
    """Validate profiles data (the shipped file's content, or your own) and build the catalogue.

    A ``ValueError`` names ``source`` and the path of the first problem in it.
    """
    data.validate(raw, data.schema_name(DATA_FILE), source=source)
    competencies = tuple(Competency(c["id"], c["label"], c["chart_label"], c["meaning"]) for c in raw["competencies"])
    known = [c.id for c in competencies]
    repeated = _duplicates(known)
    if repeated:
        raise data.data_error(
            source, ["competencies"], f"Competency ids must be unique; these appear twice: {', '.join(repeated)}."
        )
    backgrounds = tuple(_background(b, known, source, i) for i, b in enumerate(raw["backgrounds"]))
    repeated = _duplicates([b.id for b in backgrounds])
    if repeated:
        raise data.data_error(source, ["backgrounds"], f"Background ids appear twice: {', '.join(repeated)}.")
    steps = raw["growth_steps"]
    _check_keys(list(steps), known, source, ["growth_steps"], "'growth_steps'")
    growth_steps = tuple(tuple(step["text"] for step in steps[c]) for c in known)
    return Catalogue(competencies, backgrounds, growth_steps)


@cache
def origin_profiles() -> Catalogue:
    """The shipped catalogue, from ``exercises/data/origin_profiles.json``."""
    return parse_origin_profiles(data.load(DATA_FILE), source=f"exercises/data/{DATA_FILE}")
