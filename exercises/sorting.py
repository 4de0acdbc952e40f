"""A reusable sorting exercise: put each item into one category, then get per-item feedback.

Used by the red-flag sorter, the interview-question lab and similar exercises.
Pure layer: :func:`load_items`, :func:`check_sort`. Drawing: :func:`plot_sort_summary`.
Widget: :func:`build_sorter`.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import ipywidgets as widgets
from matplotlib.axes import Axes
from matplotlib.figure import Figure

from . import render
from .ui import LABEL_STYLE, ExerciseView, build_save_panel


NOTHING_CHOSEN = "Choose a category for at least one item first."


@dataclass(frozen=True)
class SortItem:
    """One thing to sort, its right category and why."""

    id: str
    text: str
    answer: str
    why: str


@dataclass(frozen=True)
class ItemFeedback:
    item: SortItem
    chosen: str | None

    @property
    def correct(self) -> bool:
        return self.chosen == self.item.answer


@dataclass(frozen=True)
class SortResult:
    """The learner's sort, checked item by item."""

    categories: tuple[str, ...]
    feedback: tuple[ItemFeedback, ...]

    @property
    def score(self) -> int:
        return sum(f.correct for f in self.feedback)

    @property
    def unanswered(self) -> int:
        return sum(f.chosen is None for f in self.feedback)

    def by_category(self) -> dict[str, tuple[int, int]]:
        """For each right category: (items sorted correctly, items that belong there)."""
        return {
            c: (sum(f.correct for f in self.feedback if f.item.answer == c),
                sum(f.item.answer == c for f in self.feedback))
            for c in self.categories
        }

    def summary(self) -> str:
        text = f"Score: {self.score} of {len(self.feedback)}"
        return text + (f" ({self.unanswered} not answered yet)" if self.unanswered else "")

    def as_dict(self) -> dict[str, Any]:
        return {
            "score": self.score,
            "max_score": len(self.feedback),
            "unanswered": self.unanswered,
            "items": {f.item.id: {"chosen": f.chosen, "answer": f.item.answer, "correct": f.correct}
                      for f in self.feedback},
        }

    def _repr_html_(self) -> str:
        rows = []
        for number, f in enumerate(self.feedback, 1):
            if f.chosen is None:
                verdict = "Not answered yet: choose a category, then check again."  # no answer given away
            elif f.correct:
                verdict = f"Right: \u201c{f.item.answer}\u201d. {f.item.why}"
            else:
                verdict = f"You chose \u201c{f.chosen}\u201d; it belongs in \u201c{f.item.answer}\u201d. {f.item.why}"
            kind = "info" if f.chosen is None else "ok" if f.correct else "warn"
            rows.append(render.notice(kind, verdict, title=f"{number}. {f.item.text}"))
        return f"<p><strong>{render.escape(self.summary())}</strong></p>" + "".join(rows)


def load_items(records: Sequence[Mapping[str, Any]], categories: Sequence[str]) -> list[SortItem]:
    """Build items from data-file records (``id``, ``text``, ``answer``, ``why``), checking them."""
    items, seen = [], set()
    for index, record in enumerate(records):
        try:
            item = SortItem(str(record["id"]), str(record["text"]), str(record["answer"]), str(record["why"]))
        except (KeyError, TypeError) as error:
            raise ValueError(f"Item {index}: needs id, text, answer and why ({error}).") from None
        if item.answer not in categories:
            raise ValueError(f"Item {item.id}: answer {item.answer!r} is not one of {list(categories)}.")
        if item.id in seen:
            raise ValueError(f"Item id {item.id!r} appears twice.")
        seen.add(item.id)
        items.append(item)
    if not items:
        raise ValueError("A sorting exercise needs at least one item.")
    return items


def check_sort(items: Sequence[SortItem], choices: Mapping[str, str | None], categories: Sequence[str]) -> SortResult:
    """Check ``choices`` (item id to category, or ``None`` when unanswered)."""
    known = {item.id for item in items}
    unknown = sorted(set(choices) - known)
    if unknown:
        raise ValueError(f"Unknown item ids: {', '.join(map(str, unknown[:5]))}.")
    for item_id, chosen in choices.items():
        if chosen is not None and chosen not in categories:
            raise ValueError(f"Item {item_id}: {str(chosen)[:40]!r} is not one of the categories.")
    return SortResult(tuple(categories), tuple(ItemFeedback(item, choices.get(item.id)) for item in items))


def plot_sort_summary(ax: Axes, result: SortResult) -> None:
    """Bars per category: how many of the items that belong there were sorted correctly."""
    counts = result.by_category()
    labels = list(counts)
    ax.bar(labels, [total for _, total in counts.values()], color="#d0d7e2", label="Items in this category")
    ax.bar(labels, [right for right, _ in counts.values()], color="#2e7d32", label="Sorted correctly")
    ax.set_ylabel("Items")
    ax.set_title(f"{result.summary()}")
    ax.yaxis.get_major_locator().set_params(integer=True)
    ax.set_ylim(0, max([total for _, total in counts.values()] + [1]) * 1.35)  # room for the legend
    ax.legend(loc="upper center", ncols=2, fontsize="small")


def describe_summary(result: SortResult) -> str:
    """Alt text for :func:`plot_sort_summary`."""
    parts = [f"{category}: {right} of {total} right" for category, (right, total) in result.by_category().items()]
    return f"Bar chart of your sort. {result.summary()}. " + "; ".join(parts) + "."


def build_sorter(
    exercise_id: str,
    title: str,
    items: Sequence[SortItem],
    categories: Sequence[str],
    *,
    prompt: str = "",
    save: bool = True,
) -> ExerciseView:
    """One labelled dropdown per item, a Check button, per-item feedback, a summary chart and Save my work.

    ``save=False`` leaves out the Save my work panel, for exercises that save the sort with more.
    """
    dropdowns = {
        item.id: widgets.Dropdown(
            options=[("Choose\u2026", None)] + [(c, c) for c in categories],
            value=None,
            description=f"Item {number}",
            style=LABEL_STYLE,
            layout=widgets.Layout(width="28em"),
        )
        for number, item in enumerate(items, 1)
    }
    rows = [
        widgets.VBox([widgets.HTML(f"<p><strong>{n}.</strong> {render.escape(item.text)}</p>"), dropdowns[item.id]])
        for n, item in enumerate(items, 1)
    ]
    check = widgets.Button(description="Check my answers", button_style="primary", icon="check")
    feedback = widgets.HTML()
    chart = widgets.HTML()
    fig = Figure(figsize=(6, 3))
    fig.subplots()
    fig.subplots_adjust(left=0.12, right=0.98, bottom=0.15, top=0.88)

    def current() -> SortResult:
        return check_sort(items, {item_id: d.value for item_id, d in dropdowns.items()}, categories)

    def show(_button: widgets.Button | None = None) -> None:
        result = current()
        if result.unanswered == len(items):
            feedback.value = render.notice("info", NOTHING_CHOSEN, title="Nothing to check yet")
            chart.value = ""
            return
        feedback.value = result._repr_html_()
        fig.axes[0].clear()
        plot_sort_summary(fig.axes[0], result)
        chart.value = render.figure_html(fig, describe_summary(result))

    def snapshot() -> dict[str, Any]:
        result = current()
        if result.unanswered == len(items):
            raise ValueError(NOTHING_CHOSEN)
        return {"inputs": {item_id: d.value for item_id, d in dropdowns.items()}, "results": result.as_dict()}

    check.on_click(show)
    panel = build_save_panel(exercise_id, title, snapshot) if save else ExerciseView(widgets.VBox())
    intro = [widgets.HTML(f"<p>{render.escape(prompt)}</p>")] if prompt else []
    root = widgets.VBox([*intro, *rows, check, feedback, chart, *([panel.root] if save else [])])
    return ExerciseView(
        root,
        controls={**dropdowns, "check": check, **panel.controls},
        outputs={"feedback": feedback, "chart": chart, **panel.outputs},
    )
