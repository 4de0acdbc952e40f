"""The sorting exercise several chapters reuse: put each item into one category, then get per-item feedback.

Pure layer (this module): :func:`load_items`, :func:`check_sort`. Drawing:
:mod:`exercises.kit.sorting_chart`. Widget: :func:`exercises.kit.sorting_widget.build_sorter`.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from . import render
from .frozen import Frozen

NOTHING_CHOSEN = "Choose a category for at least one item first."


class SortItem(Frozen):
    """One thing to sort, its right category and why."""

    id: str
    text: str
    answer: str
    why: str


class ItemFeedback(Frozen):
    item: SortItem
    chosen: str | None

    @property
    def correct(self) -> bool:
        return self.chosen == self.item.answer


class SortResult(Frozen):
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
