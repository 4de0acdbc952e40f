"""The vision-pitch builder's pure layer: a one-page case for a team or a product, checked before you give it.

The fields, word limits, audiences and the word lists the checker uses live in
``exercises/data/vision_pitch.json`` (:func:`parse_pitch_spec`, :func:`pitch_spec`). The checker's rules:

1. **Missing part**: a required field is empty.
2. **Too long**: a field has more words than its limit (words as :func:`exercises.kit.text.words`
   counts them: letters and digits, with inner apostrophes, hyphens and decimal points).
3. **Unbacked number**: a sentence contains a number or a percentage but none
   of the *source markers* (``source:``, ``according to``, ``(survey``,
   ``we measured``, ``we estimate`` ...; case does not matter). A number is a word
   that starts with a digit (``30%``, ``1,200``, ``$4k``, ``3x``); years written as four
   digits (1900-2099) do not count, and nor do digits inside words (``Q3``, ``B2B``).
   An honest estimate counts as a stated basis.
4. **Sweeping claim**: a sentence uses a sweeping word (``revolutionary``,
   ``everyone``, ``guaranteed`` ...) without a source marker.
5. **Jargon**: for audiences that do not speak engineering (senior managers,
   investors), technical terms from the jargon list are flagged.

Sentences are :func:`exercises.kit.text.sentences`: they end at ``.``, ``!`` or ``?`` followed
by a space, or at a line break. Listed words and phrases match whole words, ignoring case.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from functools import cache
from typing import Any

from ..kit import render
from ..kit.choices import by_id
from ..kit.data import load, schema_name, validate
from ..kit.frozen import Frozen
from ..kit.text import clean_texts, escape_markdown, phrase_spans, sentences, words

__all__ = [
    "DATA_FILE", "ISSUE_KINDS", "Audience", "FieldSpec", "Issue", "PitchCheck", "PitchSpec", "WordBudget",
    "check_pitch", "has_number", "parse_pitch_spec", "pitch_html", "pitch_markdown", "pitch_spec", "word_count",
]

DATA_FILE = "vision_pitch.json"
MAX_FIELD_CHARS = 5_000
EXCERPT_CHARS = 120
ISSUE_KINDS = ("missing", "too long", "unbacked number", "sweeping claim", "jargon")
_YEAR = re.compile(r"(19|20)\d\d")


class FieldSpec(Frozen):
    """One part of the pitch."""

    id: str
    label: str
    prompt: str
    max_words: int
    required: bool


class Audience(Frozen):
    """Who hears the pitch, and whether technical terms would lose them."""

    id: str
    label: str
    flag_jargon: bool
    focus: str


class PitchSpec(Frozen):
    """The checked contents of the data file."""

    fields: tuple[FieldSpec, ...]
    audiences: tuple[Audience, ...]
    source_markers: tuple[str, ...]
    sweeping_words: tuple[str, ...]
    jargon: tuple[str, ...]
    example: Mapping[str, str]

    def audience(self, audience_id: str) -> Audience:
        return by_id(self.audiences, audience_id,
                     f"Audience: {str(audience_id)[:40]!r} is not one of the audiences on offer.")


class Issue(Frozen):
    """One thing to fix before giving the pitch."""

    field_id: str
    field_label: str
    kind: str  # one of ISSUE_KINDS
    message: str
    excerpt: str = ""


class WordBudget(Frozen):
    """What the word-budget chart shows: each part's label, its word limit and the words used."""

    labels: tuple[str, ...]
    limits: tuple[int, ...]
    used: tuple[int, ...]


class PitchCheck(Frozen):
    """A checked pitch: the texts, word counts and every issue found."""

    spec: PitchSpec
    audience: Audience
    texts: tuple[str, ...]  # in the order of spec.fields
    word_counts: tuple[int, ...]
    issues: tuple[Issue, ...]

    @property
    def filled(self) -> int:
        return sum(bool(text) for text in self.texts)

    @property
    def budget(self) -> WordBudget:
        fields = self.spec.fields
        return WordBudget(tuple(f.label for f in fields), tuple(f.max_words for f in fields), self.word_counts)

    def count(self, kind: str) -> int:
        return sum(issue.kind == kind for issue in self.issues)

    @property
    def ready(self) -> bool:
        """No missing parts and nothing over its word limit (claims are warnings to fix, not blockers)."""
        return not (self.count("missing") or self.count("too long"))

    def _issue_counts(self) -> str:
        found = ", ".join(f"{self.count(k)} {k}" for k in ISSUE_KINDS if self.count(k))
        return f"Issues: {len(self.issues)}" + (f" ({found})" if found else "")

    def summary(self) -> str:
        lines = [
            f"Audience: {self.audience.label}",
            f"Parts written: {self.filled} of {len(self.texts)}",
            self._issue_counts(),
        ]
        lines += [f"- {issue.field_label}: {issue.message}" for issue in self.issues]
        return "\n".join(lines)

    def as_dict(self) -> dict[str, Any]:
        return {
            "audience": self.audience.id,
            "parts_written": self.filled,
            "parts_total": len(self.texts),
            "ready": self.ready,
            "word_counts": {f.id: n for f, n in zip(self.spec.fields, self.word_counts, strict=True)},
            "issues": [
                {"field": i.field_id, "kind": i.kind, "message": i.message, "excerpt": i.excerpt} for i in self.issues
            ],
        }

    def _repr_html_(self) -> str:
        if not self.issues:
            return render.notice("ok", "Every part is there, within its limit, and every number has a stated basis.",
                                 title="Ready to pitch")
        head = render.notice("warn" if self.ready else "error", self._issue_counts(),
                             title="Ready, with claims to back" if self.ready else "Not ready yet")
        rows = [
            render.notice("error" if i.kind in ("missing", "too long") else "warn",
                          i.message + (f"\n\u201c{i.excerpt}\u201d" if i.excerpt else ""),
                          title=f"{i.field_label}: {i.kind}")
            for i in self.issues
        ]
        return head + "".join(rows)


# ---- the data file ---------------------------------------------------------------------------


def parse_pitch_spec(raw: Any, *, source: str = DATA_FILE) -> PitchSpec:
    """Check ``raw`` against the schema and the rules it cannot express; errors name ``source`` and the path."""
    validate(raw, schema_name(DATA_FILE), source=source)
    fields = tuple(
        FieldSpec(f["id"], f["label"].strip(), f["prompt"].strip(), f["max_words"], f["required"])
        for f in raw["fields"]
    )
    audiences = tuple(
        Audience(a["id"], a["label"].strip(), a["flag_jargon"], a["focus"].strip()) for a in raw["audiences"]
    )
    for key, items in (("fields", fields), ("audiences", audiences)):
        ids = [item.id for item in items]
        for index, item_id in enumerate(ids):
            if item_id in ids[:index]:
                raise ValueError(f"{source}: at /{key}/{index}/id: two {key} share the id {item_id!r}.")
    missing = [f.id for f in fields if f.id not in raw["example"]]
    extra = sorted(set(raw["example"]) - {f.id for f in fields})
    if missing or extra:
        raise ValueError(
            f"{source}: at /example: the example must give a text for every field, and only those "
            f"(missing: {', '.join(missing) or 'none'}; not a field: {', '.join(extra) or 'none'})."
        )

    def lowered(key: str) -> tuple[str, ...]:
        return tuple(text.strip().lower() for text in raw[key])

    return PitchSpec(fields, audiences, lowered("source_markers"), lowered("sweeping_words"), lowered("jargon"),
                     dict(raw["example"]))


@cache
def pitch_spec() -> PitchSpec:
    """The shipped data file, checked once."""
    return parse_pitch_spec(load(DATA_FILE), source=f"exercises/data/{DATA_FILE}")


# ---- checking --------------------------------------------------------------------------------


def word_count(text: str) -> int:
    return len(words(text))


def has_number(sentence: str) -> bool:
    """True if the sentence states a quantity: a word that starts with a digit, other than a year such as 2026."""
    return any(word[0].isdecimal() and not _YEAR.fullmatch(word) for word in words(sentence))


def _has_source(sentence: str, markers: tuple[str, ...]) -> bool:
    lowered = sentence.lower()
    return any(marker in lowered for marker in markers)


def _words_found(sentence: str, listed: tuple[str, ...]) -> list[str]:
    """The listed words and phrases that occur in the sentence, each once, as the learner wrote them."""
    return [sentence[spans[0][0]:spans[0][1]] for spans in phrase_spans(sentence, listed).values()]


def _excerpt(sentence: str) -> str:
    return sentence if len(sentence) <= EXCERPT_CHARS else sentence[: EXCERPT_CHARS - 1] + "\u2026"


def _field_issues(spec: PitchSpec, field: FieldSpec, text: str, audience: Audience) -> list[Issue]:
    if not text:
        if field.required:
            return [Issue(field.id, field.label, "missing", f"This part is missing. {field.prompt}")]
        return []
    issues = []
    count = word_count(text)
    if count > field.max_words:
        issues.append(Issue(field.id, field.label, "too long",
                            f"{count} words; the limit is {field.max_words}. Cut it to what the audience needs."))
    for sentence in sentences(text):
        backed = _has_source(sentence, spec.source_markers)
        if has_number(sentence) and not backed:
            issues.append(Issue(field.id, field.label, "unbacked number",
                                "A number with no stated source. Say where it comes from "
                                "(\u201csource: \u2026\u201d, \u201caccording to \u2026\u201d, "
                                "\u201cwe measured\u201d, \u201cwe estimate\u201d).", _excerpt(sentence)))
        for word in [] if backed else _words_found(sentence, spec.sweeping_words):
            issues.append(Issue(field.id, field.label, "sweeping claim",
                                f"\u201c{word}\u201d is a big claim with nothing behind it. "
                                "Replace it with evidence or a smaller, true statement.", _excerpt(sentence)))
        if audience.flag_jargon:
            for term in _words_found(sentence, spec.jargon):
                issues.append(Issue(field.id, field.label, "jargon",
                                    f"\u201c{term}\u201d may mean nothing to {audience.label.lower()}. "
                                    "Say what it does for the business instead.", _excerpt(sentence)))
    return issues


def check_pitch(spec: PitchSpec, texts: Mapping[str, object], audience_id: str) -> PitchCheck:
    """Check a pitch. ``texts`` maps field ids to what the learner wrote (missing ids count as empty)."""
    audience = spec.audience(audience_id)
    unknown = sorted(set(texts) - {f.id for f in spec.fields})
    if unknown:
        raise ValueError(f"Unknown pitch parts: {', '.join(str(u)[:30] for u in unknown[:5])}.")
    cleaned = clean_texts(texts, ((f.id, f.label) for f in spec.fields), max_chars=MAX_FIELD_CHARS)
    issues = [issue for f, t in zip(spec.fields, cleaned, strict=True) for issue in _field_issues(spec, f, t, audience)]
    return PitchCheck(spec, audience, cleaned, tuple(word_count(t) for t in cleaned), tuple(issues))


# ---- the one-page pitch ----------------------------------------------------------------------


def pitch_html(check: PitchCheck) -> str:
    """The pitch as one escaped HTML page section (headline first, then each part)."""
    parts = []
    for field, text in zip(check.spec.fields, check.texts, strict=True):
        body = render.escape(text).replace("\n", "<br>") if text else "<em>(not written yet)</em>"
        heading = f'<h4 style="margin:8px 0 2px 0;">{render.escape(field.label)}</h4>'
        parts.append(f'{heading}<p style="margin:0;">{body}</p>')
    return (
        '<section class="pm-pitch" aria-label="Your one-page pitch" '
        'style="border:1px solid #8a8a8a;padding:8px 14px;max-width:46em;background:#fff;color:#111;">'
        f'<p style="margin:0;color:#444;"><em>One-page pitch for {render.escape(check.audience.label.lower())}</em></p>'
        + "".join(parts) + "</section>"
    )


def pitch_markdown(check: PitchCheck) -> str:
    """The pitch and its open issues as safe Markdown (for Save my work)."""
    lines = [f"## My one-page pitch (for {escape_markdown(check.audience.label.lower())})", ""]
    for field, text in zip(check.spec.fields, check.texts, strict=True):
        lines += [f"### {escape_markdown(field.label)}", "",
                  escape_markdown(text).replace("\n", "  \n") if text else "*(not written yet)*", ""]
    lines += ["## Checker", ""]
    lines += [f"- {escape_markdown(i.field_label)}: {escape_markdown(i.kind)}: {escape_markdown(i.message)}"
              for i in check.issues] or ["- No issues found."]
    return "\n".join(lines) + "\n"


def attempt_complete(record: Mapping[str, Any]) -> bool:
    """Complete when at least one of the pitch's parts is written (0 of 7 is an empty attempt)."""
    return record["results"]["parts_written"] >= 1
