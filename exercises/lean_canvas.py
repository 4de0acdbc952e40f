"""The Lean Canvas builder: nine boxes on one page, checked, drawn and exported.

Pure layer: :func:`load_canvas_data`, :func:`check_canvas`, :func:`extract_numbers`,
:func:`canvas_markdown`. Drawing: :func:`plot_canvas`, :func:`describe_canvas`.
Widget: :func:`build_lean_canvas`.

Numbers for the feasibility calculator (:func:`extract_numbers`) are read with
these patterns, case-insensitively; a number may have thousands commas, a
decimal point, a currency sign and a ``k`` for thousands ("2k" is 2000):

- price, from *Revenue streams*: a number right after "price", "fee",
  "subscription" or "charge" ("price: 15", "subscription of $15"), with only
  punctuation or small words such as "is", "of", "at", "about", "per month"
  between them (the same holds for "variable" and "fixed" below), or a number followed by
  "per", "/", "a" or "each" and a word ("15 per month", "15/user");
- cost to serve one customer, from *Cost structure*: a number after "variable"
  or "cost to serve" ("variable: 4"), or followed by "per customer" (also user,
  club, seat, team, member, account, order, subscriber, client);
- fixed costs, from *Cost structure*: a number after "fixed" ("fixed: 2000",
  "fixed costs of 2,000"), or followed by "fixed" ("2000 fixed").

The earliest match in the box wins. Periods are not converted: write every
amount for the same period (say, a month).
"""

from __future__ import annotations

import io
import re
import textwrap
import unicodedata
import warnings
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import Any

import ipywidgets as widgets
import numpy as np
from matplotlib.axes import Axes
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.patches import Rectangle
from PIL import Image

from . import audience_translator, feasibility, render
from .datafiles import load_json
from .savework import escape_markdown
from .ui import LABEL_STYLE, ExerciseView, build_save_panel

EXERCISE_ID = "lean-canvas"
EXERCISE_TITLE = "Lean Canvas builder"
DATA_FILE = "lean_canvas_example.json"
BOX_KEYS = (
    "problem", "customer_segments", "unique_value_proposition", "solution", "channels",
    "revenue_streams", "cost_structure", "key_metrics", "unfair_advantage",
)
MAX_TOP_PROBLEMS = 3
MAX_DRAWN_CHARS = 1_500  # longer text is cut before wrapping, so drawing time stays bounded

# The classic layout on a 10 x 7 grid: (left, bottom, width, height).
LAYOUT: dict[str, tuple[float, float, float, float]] = {
    "problem": (0, 2, 2, 5),
    "solution": (2, 4.5, 2, 2.5),
    "key_metrics": (2, 2, 2, 2.5),
    "unique_value_proposition": (4, 2, 2, 5),
    "unfair_advantage": (6, 4.5, 2, 2.5),
    "channels": (6, 2, 2, 2.5),
    "customer_segments": (8, 2, 2, 5),
    "cost_structure": (0, 0, 5, 2),
    "revenue_streams": (5, 0, 5, 2),
}


# ---- the data -------------------------------------------------------------------------------


@dataclass(frozen=True)
class BoxSpec:
    key: str
    label: str
    prompt: str
    max_words: int
    max_chars: int


@dataclass(frozen=True)
class ExampleCanvas:
    id: str
    title: str
    boxes: dict[str, str]


@dataclass(frozen=True)
class CanvasData:
    boxes: dict[str, BoxSpec]
    examples: tuple[ExampleCanvas, ...]
    generic_advantages: tuple[str, ...]
    filler_words: frozenset[str]


def load_canvas_data(data: Mapping[str, Any]) -> CanvasData:
    """Build and check the box specs, examples and rules; ``ValueError`` names the bad entry."""
    try:
        specs = {
            key: BoxSpec(key, str(data["boxes"][key]["label"]), str(data["boxes"][key]["prompt"]),
                         int(data["boxes"][key]["max_words"]), int(data["boxes"][key]["max_chars"]))
            for key in BOX_KEYS
        }
        rules = data["rules"]
        generic = tuple(str(w) for w in rules["generic_advantages"])
        filler = frozenset(str(w) for w in rules["segment_filler_words"])
        raw_examples = data["examples"]
    except (KeyError, TypeError, ValueError) as error:
        raise ValueError(f"The canvas data needs all nine boxes (label, prompt, max_words, max_chars), "
                         f"rules and examples ({error}).") from None
    extra = sorted(set(data["boxes"]) - set(BOX_KEYS))
    if extra:
        raise ValueError(f"Unknown box(es) in the canvas data: {', '.join(extra)}.")
    for spec in specs.values():
        if spec.max_words < 1 or spec.max_chars < spec.max_words:
            raise ValueError(f"Box {spec.key!r}: max_words must be positive and max_chars at least max_words.")
    examples, seen = [], set()
    for index, record in enumerate(raw_examples):
        try:
            example = ExampleCanvas(str(record["id"]), str(record["title"]),
                                    {key: str(record["boxes"].get(key, "")) for key in BOX_KEYS})
        except (KeyError, TypeError, AttributeError) as error:
            raise ValueError(f"Example {index}: needs id, title and boxes ({error}).") from None
        unknown = sorted(set(record["boxes"]) - set(BOX_KEYS))
        if unknown or example.id in seen:
            raise ValueError(f"Example {example.id!r}: unknown boxes {unknown} or a repeated id.")
        seen.add(example.id)
        examples.append(example)
    if not examples:
        raise ValueError("The canvas data needs at least one example canvas.")
    return CanvasData(specs, tuple(examples), generic, filler)


@cache
def default_data() -> CanvasData:
    """The box specs, examples and rules in ``exercises/data/lean_canvas_example.json``."""
    return load_canvas_data(load_json(DATA_FILE))


def example(example_id: str) -> dict[str, str]:
    """A copy of one example canvas's boxes."""
    for candidate in default_data().examples:
        if candidate.id == example_id:
            return dict(candidate.boxes)
    raise ValueError(f"No example canvas {example_id!r}; choose one of "
                     f"{', '.join(e.id for e in default_data().examples)}.")


def normalise_boxes(boxes: Mapping[str, object]) -> dict[str, str]:
    """All nine boxes as stripped text (missing ones empty); unknown box names are an error."""
    unknown = sorted(str(k)[:40] for k in boxes if k not in BOX_KEYS)
    if unknown:
        raise ValueError(f"Unknown box(es): {', '.join(unknown)}.")
    return {key: "" if boxes.get(key) is None else str(boxes.get(key)).strip() for key in BOX_KEYS}


# ---- numbers for the feasibility calculator -------------------------------------------------

_CURRENCY_BEFORE = r"(?:[$€£¥]\s?)?"
_NUMBER = r"(?<![\w.,])(?P<number>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)(?P<thousands>\s?k\b)?"
_CURRENCY_AFTER = r"(?:\s?(?:[$€£¥]|usd\b|eur\b|gbp\b|dollars?\b|euros?\b|pounds?\b))?"
_AMOUNT = _CURRENCY_BEFORE + _NUMBER + _CURRENCY_AFTER
_PER = r"\s*(?:/|per\b|an?\b|each\b)\s*"
_PER_CUSTOMER = _PER + r"(?:customer|user|club|seat|team|member|account|order|subscriber|client)s?\b"
# Between a keyword and its number: punctuation and a few small words ("fixed costs of 2,000").
_AFTER_WORD = (r"\b(?:[\s:=(\-]|\b(?:is|are|of|at|about|around|roughly|approx|approximately|cost|costs"
               r"|per|a|an|month|monthly|week|year|yearly|user|customer)\b)*")

PATTERNS: dict[str, tuple[re.Pattern[str], ...]] = {
    "price": (
        re.compile(r"\b(?:price[sd]?|pricing|fees?|subscriptions?|charge[sd]?)" + _AFTER_WORD + _AMOUNT, re.I),
        re.compile(_AMOUNT + _PER + r"[a-z]", re.I),
    ),
    "variable_cost": (
        re.compile(r"\b(?:variable|cost to serve)" + _AFTER_WORD + _AMOUNT, re.I),
        re.compile(_AMOUNT + _PER_CUSTOMER, re.I),
    ),
    "fixed_costs": (
        re.compile(r"\bfixed" + _AFTER_WORD + _AMOUNT, re.I),
        re.compile(_AMOUNT + r"\s*(?:in\s+)?fixed\b", re.I),
    ),
}
SOURCE_BOX = {"price": "revenue_streams", "variable_cost": "cost_structure", "fixed_costs": "cost_structure"}


@dataclass(frozen=True)
class ExtractedNumbers:
    """Numbers found in the money boxes, and the text each came from."""

    price: float | None
    variable_cost: float | None
    fixed_costs: float | None
    found_in: dict[str, str]

    def calculator_values(self) -> dict[str, float]:
        """Keyword arguments for :func:`exercises.feasibility.build_calculator` (found numbers only)."""
        return {name: value for name in SOURCE_BOX if (value := getattr(self, name)) is not None}

    def summary(self) -> str:
        if not self.found_in:
            return "No numbers found in Revenue streams or Cost structure."
        return "\n".join(
            f"{feasibility.FIELDS[name].label}: {feasibility.money(getattr(self, name))} (from \u201c{snippet}\u201d)"
            for name, snippet in self.found_in.items()
        )

    def as_dict(self) -> dict[str, Any]:
        return {"price": self.price, "variable_cost": self.variable_cost, "fixed_costs": self.fixed_costs,
                "found_in": dict(self.found_in)}

    def _repr_html_(self) -> str:
        return render.notice("info" if self.found_in else "warn", self.summary(), title="Numbers from the canvas")


def _first_amount(text: str, patterns: tuple[re.Pattern[str], ...]) -> tuple[float, str] | None:
    matches = [m for pattern in patterns if (m := pattern.search(text))]
    if not matches:
        return None
    match = min(matches, key=lambda m: m.start())
    value = float(match.group("number").replace(",", ""))
    if match.group("thousands"):
        value *= 1000
    return value, " ".join(match.group(0).split())


def extract_numbers(boxes: Mapping[str, object]) -> ExtractedNumbers:
    """Price, cost to serve one customer and fixed costs, read from the money boxes (see the module doc)."""
    clean = normalise_boxes(boxes)
    values: dict[str, float | None] = {}
    found_in: dict[str, str] = {}
    for name, box in SOURCE_BOX.items():
        hit = _first_amount(clean[box][:MAX_DRAWN_CHARS * 4], PATTERNS[name])
        values[name] = None if hit is None else hit[0]
        if hit is not None:
            found_in[name] = hit[1]
    return ExtractedNumbers(values["price"], values["variable_cost"], values["fixed_costs"], found_in)


# ---- checking -------------------------------------------------------------------------------

SEVERITY_KIND = {"missing": "warn", "too long": "warn", "inconsistent": "error", "tip": "info"}


@dataclass(frozen=True)
class Issue:
    box: str
    severity: str  # one of SEVERITY_KIND
    message: str


@dataclass(frozen=True)
class CanvasCheck:
    """Completeness and consistency of one canvas."""

    boxes: dict[str, str]
    word_counts: dict[str, int]
    issues: tuple[Issue, ...]
    numbers: ExtractedNumbers

    @property
    def filled(self) -> int:
        return sum(bool(text) for text in self.boxes.values())

    @property
    def complete(self) -> bool:
        return not any(i.severity in ("missing", "too long", "inconsistent") for i in self.issues)

    def issues_for(self, box: str) -> list[Issue]:
        return [i for i in self.issues if i.box == box]

    def summary(self) -> str:
        data = default_data()
        head = f"Boxes filled: {self.filled} of {len(BOX_KEYS)}; things to look at: {len(self.issues)}"
        lines = [f"- {data.boxes[i.box].label} ({i.severity}): {i.message}" for i in self.issues]
        return "\n".join([head, *lines] if lines else [head, "Complete and consistent, as far as these checks can tell."])

    def as_dict(self) -> dict[str, Any]:
        return {
            "filled": self.filled,
            "boxes_total": len(BOX_KEYS),
            "complete": self.complete,
            "word_counts": dict(self.word_counts),
            "issues": [{"box": i.box, "severity": i.severity, "message": i.message} for i in self.issues],
            "numbers": self.numbers.as_dict(),
        }

    def _repr_html_(self) -> str:
        data = default_data()
        head = (f"<p><strong>Boxes filled: {self.filled} of {len(BOX_KEYS)}; "
                f"things to look at: {len(self.issues)}.</strong></p>")
        if not self.issues:
            return head + render.notice("ok", "Complete and consistent, as far as these checks can tell.")
        return head + "".join(
            render.notice(SEVERITY_KIND[i.severity], i.message, title=f"{data.boxes[i.box].label} ({i.severity})")
            for i in self.issues
        )


def _words(text: str) -> list[str]:
    return audience_translator.tokens(text)


def _stem(word: str) -> str:
    word = word.removesuffix("'s")
    return word[:-1] if len(word) > 3 and word.endswith("s") and not word.endswith("ss") else word


def _items(text: str) -> list[str]:
    """Split a box into its items: lines, semicolons and sentences."""
    parts = re.split(r"\n+|;|(?<=[.!?])\s+", text)
    return [p.strip(" -*\u2022\t") for p in parts if p.strip(" -*\u2022\t")]


def unnamed_segments(segments: str, problem: str, filler: frozenset[str] = frozenset()) -> list[str]:
    """Segments (one per line, sentence or ';') none of whose words (4+ letters) appear in the problem.

    Words are compared after dropping a plural or possessive "s"; filler words
    such as "early adopters" are ignored. Synonyms are not recognised.
    """
    problem_words = {_stem(w) for w in _words(problem)}
    unnamed = []
    for segment in _items(segments):
        content = {_stem(w) for w in _words(segment) if len(w) >= 4 and not w[0].isdigit() and w not in filler}
        if content and not content & problem_words:
            unnamed.append(segment)
    return unnamed


def check_canvas(boxes: Mapping[str, object], data: CanvasData | None = None) -> CanvasCheck:
    """Find missing boxes, boxes over their limit and inconsistencies between boxes."""
    data = data or default_data()
    clean = normalise_boxes(boxes)
    counts = {key: len(_words(text)) for key, text in clean.items()}
    issues: list[Issue] = []
    for key, text in clean.items():
        spec = data.boxes[key]
        if not text:
            if key == "unfair_advantage":
                issues.append(Issue(key, "tip", "Empty, which is honest if you have none yet; come back to it."))
            else:
                issues.append(Issue(key, "missing", f"Empty. {spec.prompt}"))
        elif counts[key] > spec.max_words or len(text) > spec.max_chars:
            issues.append(Issue(key, "too long", (
                f"{counts[key]:,} words and {len(text):,} characters; keep it within {spec.max_words} words "
                f"and {spec.max_chars} characters so it fits on one page."
            )))
    problem, segments = clean["problem"], clean["customer_segments"]
    revenue, costs = clean["revenue_streams"], clean["cost_structure"]
    if costs and not revenue:
        issues.append(Issue("revenue_streams", "inconsistent",
                            "The canvas lists costs but no revenue: who pays for this, and how much?"))
    if revenue and not costs:
        issues.append(Issue("cost_structure", "inconsistent",
                            "The canvas lists revenue but no costs; every product costs something to build and run."))
    if problem and segments:
        for segment in unnamed_segments(segments, problem, data.filler_words)[:3]:
            issues.append(Issue("customer_segments", "inconsistent", (
                f"\u201c{segment[:80]}\u201d is never named in the Problem box. Whose problem is it?"
            )))
    if problem and len(_items(problem)) > MAX_TOP_PROBLEMS + 1:  # +1: a line on how people cope today is welcome
        issues.append(Issue("problem", "tip", f"{len(_items(problem))} items: focus on the top {MAX_TOP_PROBLEMS} problems."))
    numbers = extract_numbers(clean)
    if numbers.price is not None and numbers.variable_cost is not None and numbers.price <= numbers.variable_cost:
        issues.append(Issue("revenue_streams", "inconsistent", (
            f"The price ({feasibility.money(numbers.price)}) does not exceed the cost to serve one customer "
            f"({feasibility.money(numbers.variable_cost)}), so every sale loses money."
        )))
    if revenue and numbers.price is None:
        issues.append(Issue("revenue_streams", "tip",
                            "No price found. Write it like \u201c15 per month\u201d to try it in the feasibility calculator."))
    uvp = clean["unique_value_proposition"]
    customer = audience_translator.default_scenario().audiences.get("customer")
    if uvp and customer is not None:
        jargon = audience_translator.find_terms(customer.jargon, _words(uvp))
        if jargon:
            issues.append(Issue("unique_value_proposition", "tip", (
                f"Customers may not know: {', '.join(list(jargon)[:5])}. Say what they get, not how it works."
            )))
    advantage = clean["unfair_advantage"]
    if advantage and audience_translator.find_terms(data.generic_advantages, _words(advantage)):
        issues.append(Issue("unfair_advantage", "tip",
                            "Could a competitor match this just by trying harder? An unfair advantage cannot easily be copied or bought."))
    return CanvasCheck(clean, counts, tuple(issues), numbers)


def canvas_markdown(check: CanvasCheck, data: CanvasData | None = None) -> str:
    """The canvas and its check as safe Markdown (learner text escaped)."""
    data = data or default_data()
    lines = ["## My Lean Canvas", ""]
    for key in BOX_KEYS:
        text = check.boxes[key]
        lines += [f"### {data.boxes[key].label}", ""]
        lines += [escape_markdown(line) for line in text.splitlines()] if text else ["(empty)"]
        lines.append("")
    lines += ["## Check", "", escape_markdown(check.summary().splitlines()[0]), ""]
    lines += [f"- {escape_markdown(data.boxes[i.box].label)} ({i.severity}): {escape_markdown(i.message)}" for i in check.issues]
    return "\n".join(lines) + "\n"


# ---- drawing --------------------------------------------------------------------------------

FONT_SIZE = 9
_INCHES_PER_UNIT = 1.0


def _printable(text: str) -> str:
    # Control characters draw as boxes or upset the renderer; keep line breaks.
    return "".join(ch if ch == "\n" or unicodedata.category(ch)[0] != "C" else " " for ch in text)


def fit_text(text: str, width_chars: int, max_lines: int) -> str:
    """Wrap ``text`` to ``width_chars`` and keep at most ``max_lines`` lines, marking a cut with an ellipsis."""
    clipped = text[:MAX_DRAWN_CHARS]
    lines: list[str] = []
    for paragraph in _printable(clipped).splitlines() or [""]:
        lines += textwrap.wrap(paragraph, width_chars) or [""]
        if len(lines) > max_lines:
            break
    cut = len(lines) > max_lines or len(clipped) < len(text)
    lines = lines[:max_lines]
    if cut:
        lines[-1] = lines[-1][: max(0, width_chars - 1)] + "\u2026"
    return "\n".join(lines).strip("\n")


def _box_capacity(key: str) -> tuple[int, int]:
    _x, _y, width, height = LAYOUT[key]
    points_per_unit = 72 * _INCHES_PER_UNIT
    width_chars = int(width * points_per_unit / (FONT_SIZE * 0.6)) - 1
    max_lines = max(1, int((height * points_per_unit - 22) / (FONT_SIZE * 1.25)))
    return width_chars, max_lines


def new_canvas_figure() -> Figure:
    """An empty figure sized for the canvas (10 x 7 units, one inch each)."""
    fig = Figure(figsize=(10 * _INCHES_PER_UNIT, 7 * _INCHES_PER_UNIT))
    fig.add_axes((0.005, 0.005, 0.99, 0.99))
    return fig


def plot_box(ax: Axes, key: str, text: str, flagged: bool, data: CanvasData | None = None) -> None:
    """Draw one box at its place in the layout: frame, title and wrapped text (amber frame if flagged)."""
    data = data or default_data()
    x, y, width, height = LAYOUT[key]
    inset = 0.015
    frame = ax.add_patch(Rectangle(
        (x + inset, y + inset), width - 2 * inset, height - 2 * inset, facecolor="#fff8e6" if flagged else "#ffffff",
        edgecolor="#b36b00" if flagged else "#444444", linewidth=2 if flagged else 1,
    ))
    # parse_math=False: a learner's "$15 ... $20" is money, not mathematics.
    title = ax.text(x + 0.08, y + height - 0.08, data.boxes[key].label, fontsize=FONT_SIZE,
                    fontweight="bold", va="top", ha="left", color="#1a1a1a", parse_math=False)
    width_chars, max_lines = _box_capacity(key)
    body = fit_text(text, width_chars, max_lines) if text else "(empty)"
    text_artist = ax.text(x + 0.08, y + height - 0.36, body, fontsize=FONT_SIZE, va="top", ha="left",
                          color="#222222" if text else "#767676", style="normal" if text else "italic",
                          parse_math=False, linespacing=1.15)
    for artist in (title, text_artist):  # wide characters must not spill into the next box
        artist.set_clip_path(frame)


def _flagged(check: CanvasCheck, key: str) -> bool:
    return any(i.severity != "tip" for i in check.issues_for(key))


def plot_canvas(ax: Axes, check: CanvasCheck, data: CanvasData | None = None) -> None:
    """Draw the nine boxes in the classic layout; boxes with an issue get an amber frame."""
    ax.set_xlim(0, 10)
    ax.set_ylim(0, 7)
    ax.set_axis_off()
    for key in LAYOUT:
        plot_box(ax, key, check.boxes[key], _flagged(check, key), data)


@cache
def _tile(key: str, dpi: int) -> tuple[Axes, FigureCanvasAgg]:
    # One small figure per box, reused: creating figures costs more than drawing in them.
    x, y, width, height = LAYOUT[key]
    fig = Figure(figsize=(width * _INCHES_PER_UNIT, height * _INCHES_PER_UNIT), dpi=dpi)
    ax = fig.add_axes((0, 0, 1, 1))
    ax.set_xlim(x, x + width)
    ax.set_ylim(y, y + height)
    ax.set_axis_off()
    return ax, FigureCanvasAgg(fig)


@lru_cache(maxsize=64)
def _box_pixels(key: str, text: str, flagged: bool, dpi: int) -> np.ndarray:
    # Drawing text is the slow part, so each box is drawn once per text and reused.
    ax, canvas = _tile(key, dpi)
    for artist in [*ax.patches, *ax.texts]:
        artist.remove()
    plot_box(ax, key, text, flagged)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # missing glyphs draw as boxes; not worth a warning
        canvas.draw()
    return np.asarray(canvas.buffer_rgba())[:, :, :3].copy()


def canvas_pixels(check: CanvasCheck, dpi: int = 80) -> np.ndarray:
    """The canvas as an RGB array, assembled from cached boxes (fast when one box changes)."""
    scale = dpi * _INCHES_PER_UNIT
    image = np.full((round(7 * scale), round(10 * scale), 3), 255, dtype=np.uint8)
    for key, (x, y, width, height) in LAYOUT.items():
        tile = _box_pixels(key, check.boxes[key][:MAX_DRAWN_CHARS + 1], _flagged(check, key), dpi)
        top, left = round((7 - y - height) * scale), round(x * scale)
        rows, cols = min(tile.shape[0], image.shape[0] - top), min(tile.shape[1], image.shape[1] - left)
        image[top:top + rows, left:left + cols] = tile[:rows, :cols]
    return image


def describe_canvas(check: CanvasCheck, data: CanvasData | None = None) -> str:
    """Alt text for the canvas image."""
    data = data or default_data()
    parts = [f"Lean Canvas with {check.filled} of {len(BOX_KEYS)} boxes filled."]
    for key in BOX_KEYS:
        text = " ".join(check.boxes[key].split())
        shown = text[:120] + ("\u2026" if len(text) > 120 else "") if text else "empty"
        parts.append(f"{data.boxes[key].label}: {shown}.")
    flagged = sorted({data.boxes[i.box].label for i in check.issues if i.severity != "tip"})
    if flagged:
        parts.append("Marked for attention: " + ", ".join(flagged) + ".")
    return " ".join(parts)


def canvas_png(check: CanvasCheck, *, dpi: int = 100) -> bytes:
    """The canvas as PNG bytes (for Save my work)."""
    fig = new_canvas_figure()
    plot_canvas(fig.axes[0], check)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # missing glyphs draw as boxes; not worth a warning
        return render.figure_png(fig, dpi=dpi)


def canvas_image_html(check: CanvasCheck, alt: str, dpi: int = 80) -> str:
    """The live canvas as an ``<img>`` with alt text, marked up by :func:`render.png_html`.

    The PNG is encoded straight from :func:`canvas_pixels`: going through a
    Matplotlib figure again would triple the time of each update.
    """
    buffer = io.BytesIO()
    Image.fromarray(canvas_pixels(check, dpi)).save(buffer, format="png", compress_level=1)
    return render.png_html(buffer.getvalue(), alt, width=10 * dpi)


# ---- widget ---------------------------------------------------------------------------------


def build_lean_canvas(start_with: str | None = "hiking-club") -> ExerciseView:
    """Nine labelled boxes, a live check, the drawn canvas, export and a link to the feasibility calculator."""
    data = default_data()
    first = {key: "" for key in BOX_KEYS} if start_with is None else example(start_with)
    areas = {
        key: widgets.Textarea(
            value=first[key], description=data.boxes[key].label, placeholder=data.boxes[key].prompt,
            style=LABEL_STYLE, layout=widgets.Layout(width="95%", height="5.5em"), continuous_update=False,
            tooltip=f"{data.boxes[key].prompt} Up to {data.boxes[key].max_words} words.",
        )
        for key in BOX_KEYS
    }
    choices = [(e.title, e.id) for e in data.examples] + [("A blank canvas", "")]
    start = widgets.Dropdown(options=choices, value=start_with or "", description="Start from",
                             style=LABEL_STYLE, layout=widgets.Layout(width="30em"))
    load = widgets.Button(description="Load into the boxes", icon="download", layout=widgets.Layout(width="auto"),
                          tooltip="Replace the text in all nine boxes with the chosen start")
    check_html = widgets.HTML()
    canvas_html = widgets.HTML()
    try_numbers = widgets.Button(description="Try these numbers in the feasibility calculator",
                                 icon="calculator", layout=widgets.Layout(width="auto", align_self="flex-start"))
    numbers_note = widgets.HTML()
    calculator_box = widgets.VBox()
    loading = False

    def current() -> CanvasCheck:
        return check_canvas({key: area.value for key, area in areas.items()}, data)

    def update(_change: object = None) -> None:
        if loading:
            return
        result = current()
        check_html.value = result._repr_html_()
        canvas_html.value = canvas_image_html(result, describe_canvas(result, data))

    def load_start(_button: widgets.Button | None = None) -> None:
        nonlocal loading
        chosen = example(start.value) if start.value else {key: "" for key in BOX_KEYS}
        loading = True
        try:
            for key, area in areas.items():
                area.value = chosen[key]
        finally:
            loading = False
        calculator_box.children = ()
        numbers_note.value = ""
        update()

    def show_calculator(_button: widgets.Button | None = None) -> None:
        numbers = current().numbers
        values = numbers.calculator_values()
        if not values:
            numbers_note.value = render.notice("warn", (
                "No price or costs found. Write them like \u201c15 per month\u201d in Revenue streams and "
                "\u201cfixed: 2000\u201d and \u201c4 per customer\u201d in Cost structure."), title="Nothing to try yet")
            calculator_box.children = ()
            return
        defaults = [feasibility.FIELDS[n].label for n in feasibility.FIELDS if n not in values]
        numbers_note.value = render.notice("info", (
            numbers.summary() + "\nThe calculator's own starting values are used for: " + ", ".join(defaults)
            + ". Change any of them in the calculator."), title="Numbers taken from your canvas")
        calculator_box.children = (feasibility.build_calculator(**values).root,)

    def snapshot() -> dict[str, Any]:
        result = current()
        return {
            "inputs": dict(result.boxes),
            "results": result.as_dict(),
            "markdown_body": canvas_markdown(result, data) + "\nThe canvas image is saved beside this file.\n",
            "attachments": {"canvas.png": canvas_png(result)},
        }

    for area in areas.values():
        area.observe(update, names="value")
    load.on_click(load_start)
    try_numbers.on_click(show_calculator)
    update()
    save = build_save_panel(EXERCISE_ID, EXERCISE_TITLE, snapshot)
    root = widgets.VBox([
        widgets.HBox([start, load]),
        widgets.HTML("<p><strong>Your canvas.</strong> The check and the picture update when you leave a box.</p>"),
        *areas.values(),
        check_html, canvas_html,
        widgets.HTML("<p><strong>Is it worth building?</strong> Numbers in Revenue streams and Cost structure "
                     "can seed the feasibility calculator.</p>"),
        try_numbers, numbers_note, calculator_box, save.root,
    ], layout=widgets.Layout(overflow="visible"))  # "auto" shows a stray scrollbar in the static book
    return ExerciseView(
        root,
        controls=dict(areas) | {"start": start, "load": load, "try_numbers": try_numbers} | save.controls,
        outputs={"check": check_html, "canvas": canvas_html, "numbers": numbers_note,
                 "calculator": calculator_box} | save.outputs,
    )
