"""How the gradebook grades one valid saved-work record against the course's registry.

- An exercise id the registry does not list is not graded (reported on its own line).
- A ``saved_at`` more than a day in the future is not graded: it would win as the latest save.
- A scored check (``kind == "check"``) is re-scored from its saved answers with
  ``exercises.kit.checks.score``; the score the record claims is never used.
- Completed: the registry's ``is_complete(record)`` when the registry declares it; otherwise
  every valid record counts as complete.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, datetime, timedelta
from typing import Any

from exercises import registry
from tools.submissions import Rejected

FUTURE_SLACK = timedelta(days=1)  # clocks and time zones differ; a day is more than any of them


class Course:
    """The course's exercises and the moment "now", used to grade records (an :data:`Assessor`)."""

    def __init__(self, exercise_ids: Iterable[str] | None = None, now: datetime | None = None) -> None:
        self.entries = {entry.id: entry for entry in registry.EXERCISES}
        self.ids = list(self.entries) if exercise_ids is None else list(exercise_ids)
        self.latest = ((now or datetime.now(UTC)) + FUTURE_SLACK).strftime("%Y-%m-%dT%H:%M:%SZ")
        self.is_complete = getattr(registry, "is_complete", None)

    def __call__(self, record: dict[str, Any]) -> tuple[float | None, float | None, bool]:
        exercise_id = record["exercise_id"]
        if exercise_id not in self.ids:
            raise Rejected(f"unknown exercise id {exercise_id!r}: this course's registry has no such exercise")
        if record["saved_at"] > self.latest:  # both are YYYY-MM-DDTHH:MM:SSZ, so text order is time order
            raise Rejected(f"saved_at {record['saved_at']} is more than a day in the future")
        score, max_score = self._claimed(record)
        entry = self.entries.get(exercise_id)
        if entry is not None and entry.kind == "check":
            score, max_score = rescore_check(exercise_id, record)
        complete = bool(self.is_complete(record)) if self.is_complete is not None else True
        return score, max_score, complete

    def prepare(self) -> None:
        """Load now what grading needs (check banks, completion rules): processes started later share it."""
        from exercises.kit import checks

        for entry in self.entries.values():
            if entry.kind == "check":
                checks.check(int(entry.id.removeprefix("check-")))
            entry.completion_rule()

    @staticmethod
    def _claimed(record: dict[str, Any]) -> tuple[float | None, float | None]:
        results = record["results"]
        if "score" not in results:
            return None, None
        return float(results["score"]), float(results["max_score"])  # already checked by read_submission


def rescore_check(exercise_id: str, record: dict[str, Any]) -> tuple[float, float]:
    """(score, max score) of a saved check, from its answers alone."""
    from exercises.kit import checks

    bank = checks.check(int(exercise_id.removeprefix("check-")))
    result = checks.score(bank, record["inputs"])  # inputs: the answers by question id
    return float(result.score), float(bank.max_score)
