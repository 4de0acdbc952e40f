"""Cost of delay: what waiting costs, and which order of work costs least.

Each job has a cost of delay (money lost per week while it is not done) and a duration in
weeks. Done one after another, each job's delay cost is its cost of delay times the week it
finishes. :func:`compare_orders` totals three orders: highest cost of delay first, shortest
first, and highest cost of delay divided by duration first (Reinertsen's "weighted shortest
job first"), which gives the lowest total when jobs are done one at a time.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from itertools import accumulate

from ..kit.frozen import Frozen
from ..kit.numbers import parse_number
from ..kit.text import clean_text

__all__ = ["DelayJob", "Schedule", "compare_orders", "delay_job", "schedule"]


class DelayJob(Frozen):
    name: str
    cost_of_delay: float  # money lost per week while the job is not done
    weeks: float

    @property
    def cost_per_week_of_work(self) -> float:
        """Cost of delay divided by duration: what each week spent on this job saves."""
        return self.cost_of_delay / self.weeks


def delay_job(name: object, cost_of_delay: object, weeks: object) -> DelayJob:
    """A job from typed values, with a learner-readable ``ValueError`` for bad ones."""
    return DelayJob(
        clean_text(name, "Job name", max_chars=80, required=True),
        parse_number(cost_of_delay, "Cost of delay per week"),
        parse_number(weeks, "Duration (weeks)", allow_minimum=False, maximum=520),
    )


class Schedule(Frozen):
    """One order of work, done one job after another, and what the waiting costs."""

    rule: str
    jobs: tuple[DelayJob, ...]

    @property
    def finish_weeks(self) -> tuple[float, ...]:
        """The week each job is done: its own weeks after all the jobs before it."""
        return tuple(accumulate(job.weeks for job in self.jobs))

    @property
    def total(self) -> float:
        """Every job's cost of delay times the week it is done."""
        return sum(job.cost_of_delay * week for job, week in zip(self.jobs, self.finish_weeks, strict=True))

    def summary(self) -> str:
        done = zip(self.jobs, self.finish_weeks, strict=True)
        steps = ", ".join(f"{job.name} (done in week {week:g})" for job, week in done)
        return f"{self.rule}: {steps}. Cost of the waiting: {self.total:,.0f}"


def schedule(rule: str, jobs: Sequence[DelayJob]) -> Schedule:
    """``jobs`` done one after another, in the order given."""
    return Schedule(rule, tuple(jobs))


_RULES: dict[str, Callable[[DelayJob], float]] = {
    "Highest cost of delay first": lambda job: -job.cost_of_delay,
    "Shortest job first": lambda job: job.weeks,
    "Highest cost of delay per week of work first": lambda job: -job.cost_per_week_of_work,
}


def compare_orders(jobs: Sequence[DelayJob]) -> tuple[Schedule, ...]:
    """The three orders (stable for ties), cheapest total first."""
    if not jobs:
        raise ValueError("Add at least one job to compare orders of work.")
    schedules = [schedule(rule, sorted(jobs, key=key)) for rule, key in _RULES.items()]
    return tuple(sorted(schedules, key=lambda s: s.total))
