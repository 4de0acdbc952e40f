"""The vision-pitch builder: a one-page case for a team or a product, checked before you give it.

The fields, word limits, audiences and the word lists the checker uses live in
``exercises/data/vision_pitch.json``. The checker's rules:

1. **Missing part**: a required field is empty.
2. **Too long**: a field has more words than its limit (words are runs of
   non-space characters).
3. **Unbacked number**: a sentence contains a number or a percentage but none
   of the *source markers* (``source:``, ``according to``, ``(survey``,
   ``we measured``, ``we estimate`` ...; case does not matter). Years written
   as four digits (1900-2099) do not count as numbers; digits inside words
   (``Q3``, ``B2B``) do not either. An honest estimate counts as a stated basis.
4. **Sweeping claim**: a sentence uses a sweeping word (``revolutionary``,
   ``everyone``, ``guaranteed`` ...) without a source marker.
5. **Jargon**: for audiences that do not speak engineering (senior managers,
   investors), technical terms from the jargon list are flagged.

Sentences end at ``.``, ``!`` or ``?`` followed by a space, or at a line break.

Pure layer: :func:`load_spec`, :func:`check_pitch`, :func:`pitch_html`,
:func:`pitch_markdown`. Drawing: :func:`plot_word_budget`. Widget:
:func:`build_pitch_builder`.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import ipywidgets as widgets
from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.patches import Patch
from matplotlib.ticker import MaxNLocator

from . import render
from .datafiles import load_json, require_text
from .savework import escape_markdown
from .ui import ExerciseView, build_save_panel, on_any_change
from .validation import clean_text

EXERCISE_ID = "vision-pitch"
EXERCISE_TITLE = "Vision-pitch builder"
DATA_FILE = "vision_pitch.json"
MAX_FIELD_CHARS = 5_000
EXCERPT_CHARS = 120
PART_LABEL_STYLE = {"description_width": "19em"}  # room for "What success looks like (≤50 words)"

_SENTENCE_END = re.compile(r"(?<=[.!?])\s+|\n+")
# A number not glued to a letter before it: 30, 1,200, 2.5, 30%, $4k, 3x. Q3 and B2B are names, not claims.
_NUMBER = re.compile(r"(?<![^\W\d])\d[\d,.]*")
_YEAR = re.compile(r"^(19|20)\d\d$")


@dataclass(frozen=True)
class FieldSpec:
    id: str
    label: str
    prompt: str
    max_words: int
    required: bool


@dataclass(frozen=True)
class Audience:
    id: str
    label: str
    flag_jargon: bool
    focus: str


@dataclass(frozen=True)
class PitchSpec:
    """The validated contents of the data file."""

    fields: tuple[FieldSpec, ...]
    audiences: tuple[Audience, ...]
    source_markers: tuple[str, ...]
    sweeping_words: tuple[str, ...]
    jargon: tuple[str, ...]
    example: Mapping[str, str]

    def audience(self, audience_id: str) -> Audience:
        for audience in self.audiences:
            if audience.id == audience_id:
                return audience
        raise ValueError(f"Audience: {str(audience_id)[:40]!r} is not one of the audiences on offer.")


@dataclass(frozen=True)
class Issue:
    """One thing to fix before giving the pitch."""

    field_id: str
    field_label: str
    kind: str  # "missing", "too long", "unbacked number", "sweeping claim", "jargon"
    message: str
    excerpt: str = ""


@dataclass(frozen=True)
class PitchCheck:
    """A checked pitch: the texts, word counts and every issue found."""

    spec: PitchSpec
    audience: Audience
    texts: tuple[str, ...]  # in the order of spec.fields
    word_counts: tuple[int, ...]
    issues: tuple[Issue, ...]

    @property
    def filled(self) -> int:
        return sum(bool(text) for text in self.texts)

    def count(self, kind: str) -> int:
        return sum(issue.kind == kind for issue in self.issues)

    @property
    def ready(self) -> bool:
        """No missing parts and nothing over its word limit (claims are warnings to fix, not blockers)."""
        return not (self.count("missing") or self.count("too long"))

    def summary(self) -> str:
        kinds = ["missing", "too long", "unbacked number", "sweeping claim", "jargon"]
        found = ", ".join(f"{self.count(k)} {k}" for k in kinds if self.count(k))
        lines = [
            f"Audience: {self.audience.label}",
            f"Parts written: {self.filled} of {len(self.texts)}",
            f"Issues: {len(self.issues)}" + (f" ({found})" if found else ""),
        ]
        lines += [f"- {issue.field_label}: {issue.message}" for issue in self.issues]
        return "\n".join(lines)

    def as_dict(self) -> dict[str, Any]:
        return {
            "audience": self.audience.id,
            "parts_written": self.filled,
            "parts_total": len(self.texts),
            "ready": self.ready,
            "word_counts": {f.id: n for f, n in zip(self.spec.fields, self.word_counts)},
            "issues": [
                {"field": i.field_id, "kind": i.kind, "message": i.message, "excerpt": i.excerpt} for i in self.issues
            ],
        }

    def _repr_html_(self) -> str:
        if not self.issues:
            return render.notice("ok", "Every part is there, within its limit, and every number has a stated basis.",
                                 title="Ready to pitch")
        head = render.notice("warn" if self.ready else "error", self.summary().split("\n", 3)[2],
                             title="Ready, with claims to back" if self.ready else "Not ready yet")
        rows = [
            render.notice("error" if i.kind in ("missing", "too long") else "warn",
                          i.message + (f"\n\u201c{i.excerpt}\u201d" if i.excerpt else ""),
                          title=f"{i.field_label}: {i.kind}")
            for i in self.issues
        ]
        return head + "".join(rows)


# ---- loading ---------------------------------------------------------------------------------


def _texts(record: Mapping[str, Any], key: str, where: str) -> tuple[str, ...]:
    value = record.get(key)
    if not isinstance(value, list) or not value or not all(isinstance(v, str) and v.strip() for v in value):
        raise ValueError(f"{where}: {key!r} must be a non-empty list of texts.")
    return tuple(v.strip().lower() for v in value)


def load_spec(data: Mapping[str, Any] | None = None) -> PitchSpec:
    """Validate and build the pitch specification (from the data file unless ``data`` is given)."""
    data = load_json(DATA_FILE) if data is None else data
    if not isinstance(data, Mapping):
        raise ValueError("The pitch file must hold a JSON object.")
    raw_fields = data.get("fields")
    if not isinstance(raw_fields, list) or not raw_fields:
        raise ValueError("The pitch file needs a non-empty list of fields.")
    fields = []
    for index, record in enumerate(raw_fields):
        where = f"Field {index + 1}"
        limit = record.get("max_words") if isinstance(record, Mapping) else None
        if not isinstance(limit, int) or isinstance(limit, bool) or not 5 <= limit <= 500:
            raise ValueError(f"{where}: max_words must be a whole number from 5 to 500.")
        required = record.get("required")
        if not isinstance(required, bool):
            raise ValueError(f"{where}: required must be true or false.")
        fields.append(FieldSpec(require_text(record, "id", where), require_text(record, "label", where),
                                require_text(record, "prompt", where), limit, required))
    if len({f.id for f in fields}) != len(fields):
        raise ValueError("Two fields share an id.")
    raw_audiences = data.get("audiences")
    if not isinstance(raw_audiences, list) or not raw_audiences:
        raise ValueError("The pitch file needs a non-empty list of audiences.")
    audiences = []
    for index, record in enumerate(raw_audiences):
        where = f"Audience {index + 1}"
        if not isinstance(record, Mapping) or not isinstance(record.get("flag_jargon"), bool):
            raise ValueError(f"{where}: flag_jargon must be true or false.")
        audiences.append(Audience(require_text(record, "id", where), require_text(record, "label", where),
                                  record["flag_jargon"], require_text(record, "focus", where)))
    if len({a.id for a in audiences}) != len(audiences):
        raise ValueError("Two audiences share an id.")
    example = data.get("example")
    ids = {f.id for f in fields}
    if not isinstance(example, Mapping) or set(example) != ids or not all(isinstance(v, str) for v in example.values()):
        raise ValueError("The example must give a text for every field, and only those.")
    return PitchSpec(
        tuple(fields), tuple(audiences), _texts(data, "source_markers", "Rules"),
        _texts(data, "sweeping_words", "Rules"), _texts(data, "jargon", "Rules"), dict(example),
    )


# ---- checking --------------------------------------------------------------------------------


def word_count(text: str) -> int:
    return len(text.split())


def sentences(text: str) -> list[str]:
    return [s.strip() for s in _SENTENCE_END.split(text) if s.strip()]


def has_number(sentence: str) -> bool:
    """True if the sentence states a quantity (years such as 2026 and digits inside words do not count)."""
    return any(not _YEAR.match(m.group().rstrip(".,")) for m in _NUMBER.finditer(sentence))


def _has_source(sentence: str, markers: tuple[str, ...]) -> bool:
    lowered = sentence.lower()
    return any(marker in lowered for marker in markers)


def _words_found(sentence: str, words: tuple[str, ...]) -> list[str]:
    """The listed words that occur in the sentence as whole words, as the learner wrote them."""
    found = []
    for word in words:
        match = re.search(rf"(?<![\w-]){re.escape(word)}(?![\w-])", sentence, flags=re.IGNORECASE)
        if match:
            found.append(match.group())
    return found


def _excerpt(sentence: str) -> str:
    return sentence if len(sentence) <= EXCERPT_CHARS else sentence[: EXCERPT_CHARS - 1] + "\u2026"


def _field_issues(spec: PitchSpec, field: FieldSpec, text: str, audience: Audience) -> list[Issue]:
    if not text:
        if field.required:
            return [Issue(field.id, field.label, "missing", f"This part is missing. {field.prompt}")]
        return []
    issues = []
    words = word_count(text)
    if words > field.max_words:
        issues.append(Issue(field.id, field.label, "too long",
                            f"{words} words; the limit is {field.max_words}. Cut it to what the audience needs."))
    for sentence in sentences(text):
        backed = _has_source(sentence, spec.source_markers)
        if has_number(sentence) and not backed:
            issues.append(Issue(field.id, field.label, "unbacked number",
                                "A number with no stated source. Say where it comes from "
                                "(\u201csource: \u2026\u201d, \u201caccording to \u2026\u201d, \u201cwe measured\u201d, "
                                "\u201cwe estimate\u201d).", _excerpt(sentence)))
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
    problems, cleaned = [], []
    for field in spec.fields:
        try:
            cleaned.append(clean_text(texts.get(field.id, ""), field.label, max_chars=MAX_FIELD_CHARS))
        except ValueError as error:
            problems.append(str(error))
            cleaned.append("")
    if problems:
        raise ValueError("\n".join(problems))
    issues = [issue for f, t in zip(spec.fields, cleaned) for issue in _field_issues(spec, f, t, audience)]
    return PitchCheck(spec, audience, tuple(cleaned), tuple(word_count(t) for t in cleaned), tuple(issues))


# ---- the one-page pitch ----------------------------------------------------------------------


def pitch_html(check: PitchCheck) -> str:
    """The pitch as one escaped HTML page section (headline first, then each part)."""
    parts = []
    for field, text in zip(check.spec.fields, check.texts):
        body = render.escape(text).replace("\n", "<br>") if text else "<em>(not written yet)</em>"
        parts.append(f'<h4 style="margin:8px 0 2px 0;">{render.escape(field.label)}</h4><p style="margin:0;">{body}</p>')
    return (
        '<section class="pm-pitch" aria-label="Your one-page pitch" '
        'style="border:1px solid #8a8a8a;padding:8px 14px;max-width:46em;background:#fff;color:#111;">'
        f'<p style="margin:0;color:#444;"><em>One-page pitch for {render.escape(check.audience.label.lower())}</em></p>'
        + "".join(parts) + "</section>"
    )


def pitch_markdown(check: PitchCheck) -> str:
    """The pitch and its open issues as safe Markdown (for Save my work)."""
    lines = [f"## My one-page pitch (for {escape_markdown(check.audience.label.lower())})", ""]
    for field, text in zip(check.spec.fields, check.texts):
        lines += [f"### {escape_markdown(field.label)}", "",
                  escape_markdown(text).replace("\n", "  \n") if text else "*(not written yet)*", ""]
    lines += ["## Checker", ""]
    lines += [f"- {escape_markdown(i.field_label)}: {escape_markdown(i.kind)}: {escape_markdown(i.message)}"
              for i in check.issues] or ["- No issues found."]
    return "\n".join(lines) + "\n"


# ---- drawing ---------------------------------------------------------------------------------


def plot_word_budget(ax: Axes, check: PitchCheck) -> None:
    """Horizontal bars: words used in each part against its limit."""
    labels = [f.label for f in check.spec.fields]
    limits = [f.max_words for f in check.spec.fields]
    positions = list(range(len(labels)))
    ax.barh(positions, limits, color="#e3e7ee")
    colors = ["#b3261e" if n > limit else "#1a56c4" for n, limit in zip(check.word_counts, limits)]
    ax.barh(positions, [min(n, limit * 1.5) for n, limit in zip(check.word_counts, limits)], height=0.5,
            color=colors)
    ax.set_yticks(positions, labels)
    ax.set_ylim(len(labels) - 0.5, -0.5)  # first part on top; set, not inverted, because the axes are reused
    ax.set_xlim(0, max(limits) * 1.5)
    ax.xaxis.set_major_locator(MaxNLocator(5, integer=True))  # fewer tick labels: cheaper to redraw
    ax.set_xlabel("Words")
    ax.set_title(f"Word budget: {sum(check.word_counts)} of {sum(limits)} words")
    handles = [Patch(color="#e3e7ee", label="Word limit"), Patch(color="#1a56c4", label="Words used"),
               Patch(color="#b3261e", label="Over the limit")]
    ax.legend(handles=handles, loc="lower right", fontsize="small")


def describe_word_budget(check: PitchCheck) -> str:
    """Alt text for :func:`plot_word_budget`."""
    parts = [
        f"{f.label} {n} of {f.max_words}" + (" (over)" if n > f.max_words else "")
        for f, n in zip(check.spec.fields, check.word_counts)
    ]
    return "Bar chart of words used against each part's limit: " + "; ".join(parts) + "."


def new_figure() -> Figure:
    fig = Figure(figsize=(6.4, 2.9))
    fig.subplots()
    fig.subplots_adjust(left=0.33, right=0.97, bottom=0.17, top=0.89)
    return fig


def _remove_plotted(ax: Axes) -> None:
    # Cheaper than ax.clear(): only the bars and legend change between updates.
    for container in list(ax.containers):
        container.remove()
    for patch in list(ax.patches):
        patch.remove()
    if ax.get_legend():
        ax.get_legend().remove()


# ---- widget ----------------------------------------------------------------------------------


def build_pitch_builder(spec: PitchSpec | None = None) -> ExerciseView:
    """One text box per part, an audience, the checker, the one-page pitch, a word-budget chart, Save my work."""
    spec = spec or load_spec()
    audience = widgets.Dropdown(options=[(a.label, a.id) for a in spec.audiences], value=spec.audiences[0].id,
                                description="Audience", style=PART_LABEL_STYLE, layout=widgets.Layout(width="41em"))
    focus = widgets.HTML()
    boxes = {
        f.id: widgets.Textarea(
            value="", description=f"{f.label} (\u2264{f.max_words} words)", placeholder=f.prompt,
            continuous_update=False, style=PART_LABEL_STYLE, layout=widgets.Layout(width="52em", height="4.5em"),
        )
        for f in spec.fields
    }
    example = widgets.Button(description="Load the flawed example", icon="file-text-o",
                             tooltip="Fill every part with an example pitch that has problems to find")
    clear = widgets.Button(description="Clear all", icon="eraser", tooltip="Empty every part")
    message = widgets.HTML()
    checklist = widgets.HTML()
    pitch = widgets.HTML()
    chart = widgets.HTML()
    fig = new_figure()
    drawn: dict[str, tuple[int, ...]] = {}
    filling = False

    def current() -> PitchCheck:
        return check_pitch(spec, {name: box.value for name, box in boxes.items()}, audience.value)

    def update() -> None:
        if filling:
            return
        focus.value = f"<p><em>{render.escape(spec.audience(audience.value).focus)}</em></p>"
        try:
            check = current()
        except ValueError as error:
            message.value = render.notice("error", str(error), title="Check your text")
            checklist.value = pitch.value = chart.value = ""
            return
        message.value = ""
        checklist.value = check._repr_html_()
        pitch.value = pitch_html(check)
        if check.word_counts != drawn.get("counts") or not chart.value:  # the chart shows word counts only
            _remove_plotted(fig.axes[0])
            plot_word_budget(fig.axes[0], check)
            chart.value = render.figure_html(fig, describe_word_budget(check))
            drawn["counts"] = check.word_counts

    def fill(values: Mapping[str, str]) -> None:
        nonlocal filling
        filling = True  # one update at the end, not one per box
        try:
            for name, box in boxes.items():
                box.value = values.get(name, "")
        finally:
            filling = False
        update()

    def snapshot() -> dict[str, Any]:
        try:
            check = current()
        except ValueError as error:
            raise ValueError(f"Fix the text first. {error}") from None
        return {"inputs": {"audience": check.audience.id} | dict(zip((f.id for f in spec.fields), check.texts)),
                "results": check.as_dict(), "markdown_body": pitch_markdown(check)}

    on_any_change({"audience": audience, **boxes}, update)
    example.on_click(lambda _b: fill(spec.example))
    clear.on_click(lambda _b: fill({}))
    update()
    save = build_save_panel(EXERCISE_ID, EXERCISE_TITLE, snapshot)
    root = widgets.VBox([audience, focus, *boxes.values(), widgets.HBox([example, clear]), message, checklist,
                         chart, pitch, save.root])
    return ExerciseView(
        root,
        controls={"audience": audience, **boxes, "example": example, "clear": clear} | save.controls,
        outputs={"message": message, "checklist": checklist, "pitch": pitch, "chart": chart, "focus": focus}
        | save.outputs,
    )
