"""Where the roadmap builder's backlog comes from: the prioritiser's ranking, shipped or saved.

:func:`from_ranking` takes a :class:`~exercises.prioritiser.Ranking`; :func:`default_backlog`
ranks the shipped backlog with the prioritiser's model; :func:`saved_rankings` lists the
prioritiser records in a ``my-work`` folder and :func:`read_saved_ranking` reads one back.
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any

from ..kit import data, savework
from ..kit.frozen import Frozen
from ..prioritiser.model import Ranking, Theme, backlog, rank

__all__ = ["PRIORITISER_ID", "RankedBacklog", "RoadmapItem", "SavedRanking", "default_backlog", "from_ranking",
           "parse_saved_ranking", "read_saved_ranking", "saved_rankings"]

PRIORITISER_ID = "prioritiser"
MAX_RECORD_BYTES = 1_000_000


class RoadmapItem(Frozen):
    """One ranked backlog item, as much of it as a roadmap needs."""

    rank: int
    id: str
    title: str
    theme: str
    effort: float  # person-months
    score: float
    own: bool = False


class RankedBacklog(Frozen):
    """A ranked backlog and where it came from (said on the roadmap)."""

    source: str
    product: str
    themes: tuple[Theme, ...]
    items: tuple[RoadmapItem, ...]
    saved_at: str = ""  # for a saved ranking: when it was saved (UTC)


def from_ranking(ranking: Ranking, source: str = "the prioritiser's ranking") -> RankedBacklog:
    items = tuple(
        RoadmapItem(r.rank, r.item.id, r.item.title, r.item.theme, r.item.estimates.effort, r.item.score, r.item.own)
        for r in ranking.order
    )
    return RankedBacklog(source, ranking.backlog.product.name, ranking.backlog.themes, items)


@cache
def default_backlog() -> RankedBacklog:
    """The shipped backlog, ranked by the prioritiser's RICE model."""
    return from_ranking(rank(backlog()), "the shipped backlog, ranked by RICE")


def parse_saved_ranking(record: Any, *, source: str = "saved ranking") -> RankedBacklog:
    """A prioritiser record's ranking; ``ValueError`` says what is wrong with the record."""
    try:
        savework.validate_record(record)
    except ValueError as error:
        raise ValueError(f"{source}: not a saved-work record ({error}).") from None
    if record["exercise_id"] != PRIORITISER_ID:
        raise ValueError(f"{source}: saved by {record['exercise_id']!r}, not by the backlog prioritiser.")
    results = data.validate(record["results"], "saved_ranking.schema.json", source=f"{source}, results")
    themes = backlog().themes
    known = {t.id for t in themes}
    rows = sorted(results["ranking"], key=lambda row: row["rank"])
    if [row["rank"] for row in rows] != list(range(1, len(rows) + 1)):
        raise ValueError(f"{source}: the ranks must run 1, 2, 3... without gaps or repeats.")
    ids = [row["id"] for row in rows]
    if len(set(ids)) != len(ids):
        raise ValueError(f"{source}: an item appears twice.")
    for row in rows:
        if row["theme"] not in known:
            raise ValueError(
                f"{source}: item {row['id']!r} has theme {row['theme']!r}, which the backlog does not have."
            )
    items = tuple(
        RoadmapItem(row["rank"], row["id"], " ".join(row["title"].split()), row["theme"], float(row["effort"]),
                    float(row["score"]), bool(row.get("own", False)))
        for row in rows
    )
    who = record["learner_name"] or "no name given"
    when = record["saved_at"].replace("T", " ")[:16] + " UTC"
    return RankedBacklog(f"your ranking saved {when} ({who})", results["product"], themes, items, record["saved_at"])


def read_saved_ranking(path: Path) -> RankedBacklog:
    """Read a prioritiser record from ``path``."""
    name = Path(path).name
    try:
        if Path(path).stat().st_size > MAX_RECORD_BYTES:
            raise ValueError(f"{name}: the file is too large to be a saved ranking.")
        record = json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as error:
        raise ValueError(f"{name}: could not be read ({error.__class__.__name__}).") from None
    return parse_saved_ranking(record, source=name)


class SavedRanking(Frozen):
    path: Path
    label: str


def saved_rankings(folder: Path | None = None) -> tuple[list[SavedRanking], int]:
    """The prioritiser records in ``folder`` (default ``./my-work``), newest first, and how many could not be read."""
    folder = Path.cwd() / savework.WORK_FOLDER_NAME if folder is None else Path(folder)
    found, skipped = [], 0
    if not folder.is_dir():
        return [], 0
    for path in sorted(folder.glob(f"{PRIORITISER_ID}_*.json")):
        try:
            ranked = read_saved_ranking(path)
        except ValueError:
            skipped += 1
            continue
        found.append(((ranked.saved_at, path.name), SavedRanking(path, ranked.source[:1].upper() + ranked.source[1:])))
    found.sort(key=lambda pair: pair[0], reverse=True)
    return [saved for _, saved in found], skipped
