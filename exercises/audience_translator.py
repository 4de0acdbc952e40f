"""The audience translator: one product update, four audiences.

Part 1 sorts candidate messages by audience (with :mod:`exercises.sorting`).
Part 2 checks a message the learner writes for one audience.

Pure layer: :func:`load_scenario`, :func:`tokens`, :func:`count_syllables`,
:func:`readability`, :func:`find_terms`, :func:`check_message`.
Widget: :func:`build_translator`.

The reading level is the Flesch-Kincaid grade::

    grade = 0.39 * (words / sentences) + 11.8 * (syllables / words) - 15.59

with syllables estimated by counting groups of vowels. It is a rough guide
for English prose only: see :func:`count_syllables` and :func:`readability`.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from functools import cache
from typing import Any

import ipywidgets as widgets

from . import render, sorting
from .datafiles import load_json
from .savework import escape_markdown
from .ui import LABEL_STYLE, ExerciseView, build_save_panel
from .validation import clean_text

EXERCISE_ID = "audience-translator"
EXERCISE_TITLE = "Audience translator"
DATA_FILE = "audience_translator.json"
MAX_MESSAGE_CHARS = 5_000
HEAVY_JARGON_PER_100_WORDS = 2.0  # above this, roughly one unfamiliar term in every other sentence

# Words keep inner hyphens and apostrophes, and numbers keep their separators (4,000 or 2.5).
_WORD = re.compile(r"[^\W_]+(?:(?:['\u2019-]|(?<=\d)[.,](?=\d))[^\W_]+)*")
_SENTENCE_END = re.compile(r"[.!?]+(?=\s|$)|\n\s*\n")
_VOWEL_GROUPS = re.compile(r"[aeiouy]+")
_MONTHS = (
    "january february march april may june july august september october november december "
    "jan feb mar apr jun jul aug sep sept oct nov dec"
).split()
_WEEKDAYS = "monday tuesday wednesday thursday friday saturday sunday".split()
_DATE_LIKE = re.compile(r"^(\d{1,2}[/.]\d{1,2}([/.]\d{2,4})?|q[1-4]|\d{4}-\d{2}(-\d{2})?)$")


# ---- the data -------------------------------------------------------------------------------


@dataclass(frozen=True)
class Concern:
    """Something an audience wants to hear about, spotted by keywords."""

    label: str
    keywords: tuple[str, ...]


@dataclass(frozen=True)
class Audience:
    """Who reads the message, what they care about and which words they do not share."""

    key: str
    label: str
    cares_about: str
    target_grade: float
    max_words: int
    jargon: tuple[str, ...]
    concerns: tuple[Concern, ...]


@dataclass(frozen=True)
class Scenario:
    """The product update, its audiences and the candidate messages to sort."""

    title: str
    facts: tuple[str, ...]
    audiences: dict[str, Audience]
    candidates: tuple[sorting.SortItem, ...]

    @property
    def categories(self) -> tuple[str, ...]:
        """The sorting categories: the audiences' labels."""
        return tuple(a.label for a in self.audiences.values())


def _text_list(value: object, where: str) -> tuple[str, ...]:
    if not isinstance(value, list) or not value or not all(isinstance(v, str) and v.strip() for v in value):
        raise ValueError(f"{where}: needs a non-empty list of non-empty strings.")
    return tuple(value)


def _audience(key: str, record: Mapping[str, Any]) -> Audience:
    where = f"Audience {key!r}"
    try:
        concerns = tuple(
            Concern(str(c["label"]), _text_list(c["keywords"], f"{where}, concern {c.get('label')!r}"))
            for c in record["concerns"]
        )
        audience = Audience(
            key, str(record["label"]), str(record["cares_about"]), float(record["target_grade"]),
            int(record["max_words"]), _text_list(record["jargon"], f"{where}, jargon"), concerns,
        )
    except (KeyError, TypeError, AttributeError) as error:
        raise ValueError(f"{where}: needs label, cares_about, target_grade, max_words, jargon and concerns ({error}).") from None
    if not audience.concerns:
        raise ValueError(f"{where}: needs at least one concern.")
    if audience.max_words < 1 or not 0 < audience.target_grade < 30:
        raise ValueError(f"{where}: max_words must be positive and target_grade between 0 and 30.")
    return audience


def load_scenario(data: Mapping[str, Any]) -> Scenario:
    """Build and check a scenario from data-file content; ``ValueError`` names the bad entry."""
    try:
        scenario, audiences_data, candidates = data["scenario"], data["audiences"], data["candidates"]
        title, facts = str(scenario["title"]), _text_list(scenario["facts"], "Scenario facts")
    except (KeyError, TypeError) as error:
        raise ValueError(f"The scenario needs scenario.title, scenario.facts, audiences and candidates ({error}).") from None
    if not isinstance(audiences_data, Mapping) or len(audiences_data) < 2:
        raise ValueError("The scenario needs at least two audiences.")
    audiences = {key: _audience(key, record) for key, record in audiences_data.items()}
    if len({a.label for a in audiences.values()}) != len(audiences):
        raise ValueError("Two audiences share a label; labels must differ.")
    items = sorting.load_items(candidates, list(audiences))
    missing = [a for a in audiences if not any(item.answer == a for item in items)]
    if missing:
        raise ValueError(f"No candidate message belongs to: {', '.join(missing)}.")
    # The data names audiences by key; learners sort by label.
    items = [replace(item, answer=audiences[item.answer].label) for item in items]
    return Scenario(title, facts, audiences, tuple(items))


@cache
def default_scenario() -> Scenario:
    """The scenario shipped in ``exercises/data/audience_translator.json``."""
    return load_scenario(load_json(DATA_FILE))


# ---- text measures --------------------------------------------------------------------------


def tokens(text: str) -> list[str]:
    """Lower-case words (letters and digits, with inner hyphens and apostrophes kept)."""
    return [t.replace("\u2019", "'") for t in _WORD.findall(text.lower())]


def count_syllables(word: str) -> int:
    """Estimate the syllables in an English word: groups of vowels, less a silent final e.

    A heuristic, right for most everyday words and off by one for some
    ("created" gives 2, not 3). Words without English vowels, such as numbers
    or words in other scripts, count as one syllable.
    """
    word = word.lower().strip("'-")
    groups = len(_VOWEL_GROUPS.findall(word))
    if word.endswith("e") and not word.endswith(("le", "ee", "ye")) and groups > 1:
        groups -= 1
    return max(1, groups)


@dataclass(frozen=True)
class Readability:
    """Counts and the Flesch-Kincaid grade of a text."""

    words: int
    sentences: int
    syllables: int
    grade: float | None  # None for a text without words


def readability(text: str) -> Readability:
    """Flesch-Kincaid grade: ``0.39 * words/sentences + 11.8 * syllables/words - 15.59``.

    Sentences end at ``.``, ``!`` or ``?`` followed by a space or the end, or
    at a blank line. Limits: it is calibrated for English prose; abbreviations
    such as "e.g." add sentences, bullet lists without full stops count as one
    long sentence, and it says nothing about whether the reader knows the words.
    The grade is clipped at 0 below.
    """
    words = tokens(text)
    if not words:
        return Readability(0, 0, 0, None)
    sentences = max(1, len([part for part in _SENTENCE_END.split(text) if _WORD.search(part)]))
    syllables = sum(count_syllables(w) for w in words)
    grade = 0.39 * len(words) / sentences + 11.8 * syllables / len(words) - 15.59
    return Readability(len(words), sentences, syllables, round(max(0.0, grade), 1))


def _match_length(term: str, words: Sequence[str], start: int) -> int:
    """How many words ``term`` covers at ``start`` (0 when it does not match there)."""
    if term.startswith("#"):
        return int(_special_matches(term, words[start]))
    parts = term.lower().split()
    if start + len(parts) > len(words):
        return 0
    for part, word in zip(parts, words[start:start + len(parts)]):
        if part.endswith("*"):
            if not word.startswith(part[:-1]):
                return 0
        elif word != part:
            return 0
    return len(parts)


def _special_matches(term: str, word: str) -> bool:
    if term == "#number":
        return any(ch.isdigit() for ch in word)
    if term == "#date":
        return word in _MONTHS or word in _WEEKDAYS or bool(_DATE_LIKE.match(word))
    return False


def find_terms(terms: Sequence[str], words: Sequence[str]) -> dict[str, int]:
    """The words in ``words`` (from :func:`tokens`) that match any of ``terms``, with counts.

    A term is a word or phrase; a trailing ``*`` on a word matches any ending
    ("cost*" matches "costs"). ``#number`` matches any word with a digit and
    ``#date`` a month, weekday, quarter (q3) or date such as 5/6. Matches do
    not overlap: at each position the longest term wins, so "polling" counts
    once even if both "polling" and "poll*" are terms.
    """
    ordered = sorted(terms, key=lambda t: -len(t.split()))
    counts: dict[str, int] = {}
    index = 0
    while index < len(words):
        length = next((n for n in (_match_length(t, words, index) for t in ordered) if n), 0)
        if length:
            found = " ".join(words[index:index + length])
            counts[found] = counts.get(found, 0) + 1
        index += max(1, length)
    return counts


# ---- checking a message ---------------------------------------------------------------------


@dataclass(frozen=True)
class ConcernCheck:
    label: str
    matched: tuple[str, ...]

    @property
    def addressed(self) -> bool:
        return bool(self.matched)


@dataclass(frozen=True)
class MessageCheck:
    """How well a message suits its audience."""

    audience: Audience
    reading: Readability
    jargon: dict[str, int]
    concerns: tuple[ConcernCheck, ...]

    @property
    def jargon_count(self) -> int:
        return sum(self.jargon.values())

    @property
    def jargon_per_100_words(self) -> float:
        return round(100 * self.jargon_count / self.reading.words, 1) if self.reading.words else 0.0

    @property
    def concerns_addressed(self) -> int:
        return sum(c.addressed for c in self.concerns)

    def findings(self) -> list[tuple[str, str, str]]:
        """(kind, title, message) for each check, kind being ok, warn or error."""
        a, r = self.audience, self.reading
        found = []
        if self.jargon_count == 0:
            found.append(("ok", "Jargon", f"none of the terms this audience may not know ({r.words} words)."))
        else:
            terms = ", ".join(f"{t} \u00d7{n}" for t, n in self.jargon.items())
            kind = "error" if self.jargon_per_100_words > HEAVY_JARGON_PER_100_WORDS else "warn"
            found.append((kind, "Jargon", (
                f"{self.jargon_count} term(s) this audience may not know, {self.jargon_per_100_words:g} per 100 words: "
                f"{terms}. Replace them, or explain each in a few plain words."
            )))
        for concern in self.concerns:
            if concern.addressed:
                found.append(("ok", concern.label, "addressed (spotted: " + ", ".join(concern.matched) + ")."))
            else:
                found.append(("warn", concern.label, "not addressed yet; this audience will look for it."))
        if r.grade is not None and r.grade > a.target_grade:
            found.append(("warn", "Reading level", (
                f"grade {r.grade:g}, above the target of {a.target_grade:g} for this audience. "
                "Use shorter sentences and shorter words."
            )))
        else:
            found.append(("ok", "Reading level", f"grade {r.grade:g}, within the target of {a.target_grade:g}."))
        if r.words > a.max_words:
            found.append(("warn", "Length", f"{r.words} words; this audience reads about {a.max_words} at most."))
        else:
            found.append(("ok", "Length", f"{r.words} words, within about {a.max_words}."))
        return found

    def summary(self) -> str:
        r = self.reading
        lines = [
            f"Audience: {self.audience.label}",
            f"Words: {r.words}, sentences: {r.sentences}, reading grade: {r.grade:g} (target {self.audience.target_grade:g})",
            f"Jargon: {self.jargon_count} term(s), {self.jargon_per_100_words:g} per 100 words",
            f"Concerns addressed: {self.concerns_addressed} of {len(self.concerns)}",
        ]
        return "\n".join(lines + [f"- {title}: {message}" for _kind, title, message in self.findings()])

    def as_dict(self) -> dict[str, Any]:
        r = self.reading
        return {
            "audience": self.audience.key,
            "words": r.words,
            "sentences": r.sentences,
            "syllables": r.syllables,
            "reading_grade": r.grade,
            "target_grade": self.audience.target_grade,
            "jargon": dict(self.jargon),
            "jargon_per_100_words": self.jargon_per_100_words,
            "concerns": {c.label: list(c.matched) for c in self.concerns},
            "concerns_addressed": self.concerns_addressed,
            "concerns_total": len(self.concerns),
        }

    def _repr_html_(self) -> str:
        head = (
            f"<p><strong>{render.escape(self.audience.label)}</strong>: {self.concerns_addressed} of "
            f"{len(self.concerns)} concerns addressed, reading grade {render.escape(f'{self.reading.grade:g}')}, "
            f"{self.jargon_count} jargon term(s).</p>"
        )
        return head + "".join(render.notice(kind, message, title=title) for kind, title, message in self.findings())


def check_message(audience_key: str, text: object, scenario: Scenario | None = None) -> MessageCheck:
    """Check ``text`` written for ``audience_key``; ``ValueError`` if it is empty, too long or the audience unknown."""
    scenario = scenario or default_scenario()
    if audience_key not in scenario.audiences:
        raise ValueError(f"Choose one of the audiences: {', '.join(a.label for a in scenario.audiences.values())}.")
    message = clean_text(text, "Your message", max_chars=MAX_MESSAGE_CHARS, required=True)
    words = tokens(message)
    if not words:
        raise ValueError("Your message: it has no words yet; write a sentence or two.")
    audience = scenario.audiences[audience_key]
    concerns = tuple(
        ConcernCheck(c.label, tuple(find_terms(c.keywords, words))) for c in audience.concerns
    )
    return MessageCheck(audience, readability(message), find_terms(audience.jargon, words), concerns)


def message_markdown(audience: Audience, text: str, check: MessageCheck | None) -> str:
    """The learner's message and its feedback as safe Markdown for Save my work."""
    quoted = "\n".join(f"> {escape_markdown(line)}" if line.strip() else ">" for line in text.splitlines())
    lines = [f"## My message for: {escape_markdown(audience.label)}", "", quoted or "> (empty)", ""]
    if check is not None:
        lines += [f"- {escape_markdown(title)}: {escape_markdown(message)}" for _k, title, message in check.findings()]
    return "\n".join(lines)


# ---- widget ---------------------------------------------------------------------------------


def _facts_html(scenario: Scenario) -> str:
    return (
        f"<p><strong>The update: {render.escape(scenario.title)}</strong></p>"
        + render.bullet_list(scenario.facts)
    )


def build_translator(scenario: Scenario | None = None) -> ExerciseView:
    """Sort the candidate messages by audience, then write and check your own message; one Save my work."""
    scenario = scenario or default_scenario()
    labels = {key: audience.label for key, audience in scenario.audiences.items()}
    sorter = sorting.build_sorter(
        EXERCISE_ID, EXERCISE_TITLE, scenario.candidates, scenario.categories,
        prompt="Part 1. For each message, choose the audience it was written for.", save=False,
    )

    audience = widgets.Dropdown(
        options=[(label, key) for key, label in labels.items()],
        value="senior-manager" if "senior-manager" in labels else scenario.categories[0],
        description="Write for", style=LABEL_STYLE, layout=widgets.Layout(width="30em"),
    )
    message = widgets.Textarea(
        value="", description="Your message", placeholder="Write the update for this audience\u2026",
        style=LABEL_STYLE, layout=widgets.Layout(width="95%", height="9em"), continuous_update=False,
    )
    check = widgets.Button(description="Check my message", button_style="primary", icon="check",
                           layout=widgets.Layout(width="auto", align_self="flex-start"))
    brief = widgets.HTML()
    feedback = widgets.HTML()

    def current() -> MessageCheck | None:
        if not message.value.strip():
            return None
        return check_message(audience.value, message.value, scenario)

    def show_brief(_change: object = None) -> None:
        a = scenario.audiences[audience.value]
        brief.value = render.notice(
            "info",
            f"{a.cares_about} Aim for reading grade {a.target_grade:g} or below and about {a.max_words} words at most.",
            title=f"Writing for: {a.label}",
        )

    def update(_change: object = None) -> None:
        try:
            result = current()
        except ValueError as error:
            feedback.value = render.notice("error", str(error), title="Check your message")
            return
        if result is None:
            feedback.value = render.notice("info", "Write your message above, then press Check my message.")
            return
        feedback.value = result._repr_html_()

    def snapshot() -> dict[str, Any]:
        sort_result = sorting.check_sort(
            scenario.candidates, {item.id: sorter.controls[item.id].value for item in scenario.candidates},
            scenario.categories,
        )
        try:
            result = current()
        except ValueError as error:
            raise ValueError(f"Fix your message first. {error}") from None
        chosen = scenario.audiences[audience.value]
        return {
            "inputs": {
                "sort": {item.id: sorter.controls[item.id].value for item in scenario.candidates},
                "audience": audience.value,
                "message": message.value,
            },
            "results": {
                "score": sort_result.score,
                "max_score": len(scenario.candidates),
                "sort": sort_result.as_dict(),
                "message_check": None if result is None else result.as_dict(),
            },
            "markdown_body": message_markdown(chosen, message.value, result),
        }

    audience.observe(show_brief, names="value")
    audience.observe(update, names="value")
    message.observe(update, names="value")
    check.on_click(update)
    show_brief()
    update()
    save = build_save_panel(EXERCISE_ID, EXERCISE_TITLE, snapshot)
    writer = widgets.VBox([
        widgets.HTML("<p><strong>Part 2.</strong> Choose an audience and write the update for them. "
                     "The check runs when you leave the box or press the button.</p>"),
        audience, brief, message, check, feedback,
    ], layout=widgets.Layout(overflow="visible"))
    # overflow visible: a box's default "auto" shows a stray scrollbar in the static book.
    root = widgets.VBox([widgets.HTML(_facts_html(scenario)), sorter.root, writer, save.root],
                        layout=widgets.Layout(overflow="visible"))
    return ExerciseView(
        root,
        controls=sorter.controls
        | {"audience": audience, "message": message, "check_message": check} | save.controls,
        outputs={"sort_feedback": sorter.outputs["feedback"], "sort_chart": sorter.outputs["chart"],
                 "brief": brief, "feedback": feedback} | save.outputs,
    )
