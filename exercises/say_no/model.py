"""The say-no role-play's pure layer: play a conversation, then score it.

A :class:`Conversation` is where a learner is in one scenario (immutable; ``choose``, ``back``
and ``restart`` return a new one). :func:`debrief` scores a finished one by dimension, names the
weakest pattern and shows the strongest reply at each turn; :func:`combined_shares` and
:func:`overall_weakest` sum over several. The scenarios and their loader are in :mod:`.scenarios`;
the learner's own one-sentence no (:func:`check_own_no`) is in :mod:`.own_no`.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import field, replace
from typing import Any

from ..kit import render
from ..kit.frozen import Frozen
from ..kit.text import escape_markdown
from .own_no import OwnNo, check_own_no
from .scenarios import (
    DATA_FILE,
    MAX_TURNS,
    Dimension,
    Node,
    OwnNoRules,
    Reply,
    Scenario,
    ScenarioSet,
    all_paths,
    load_scenarios,
    parse_say_no_scenarios,
    say_no_scenarios,
)

__all__ = [
    "DATA_FILE", "LETTERS", "MAX_TURNS", "Conversation", "Debrief", "Dimension", "ModelAnswer", "Node", "OwnNo",
    "OwnNoRules", "Reply", "Scenario", "ScenarioSet", "Step", "all_paths", "check_own_no", "choices_html",
    "combined_shares", "debrief", "load_scenarios", "overall_weakest", "parse_say_no_scenarios", "say_no_scenarios",
    "transcript_html",
]

LETTERS = "ABCD"  # replies are offered as Reply A to Reply D


class Step(Frozen):
    """One exchange: what the stakeholder said and the reply the learner chose."""

    node: Node
    reply: Reply


class Conversation(Frozen):
    """Where a learner is in one scenario: the replies chosen so far. Immutable; moves return a new one."""

    scenario: Scenario
    choices: tuple[str, ...] = ()
    steps: tuple[Step, ...] = field(init=False, repr=False)
    current: Node = field(init=False, repr=False)

    def __post_init__(self) -> None:
        node, steps = self.scenario.node(self.scenario.start), []
        for reply_id in self.choices:
            if node.is_end:
                raise ValueError("This conversation has already ended; go back or restart to change a reply.")
            reply = node.reply(reply_id)
            steps.append(Step(node, reply))
            node = self.scenario.node(reply.next)
        object.__setattr__(self, "steps", tuple(steps))
        object.__setattr__(self, "current", node)

    @property
    def finished(self) -> bool:
        return self.current.is_end

    def choose(self, reply_id: str | None) -> Conversation:
        if reply_id is None:
            raise ValueError("Choose a reply first.")
        return replace(self, choices=(*self.choices, reply_id))

    def back(self) -> Conversation:
        if not self.choices:
            raise ValueError("You are at the first request already; there is nothing to go back to.")
        return replace(self, choices=self.choices[:-1])

    def restart(self) -> Conversation:
        return replace(self, choices=())

    def transcript(self) -> list[tuple[str, str]]:
        """(speaker, words) pairs: the path so far, ending with what is said now."""
        lines = []
        for step in self.steps:
            lines += [(self.scenario.stakeholder, step.node.says), ("You", step.reply.text)]
        return [*lines, (self.scenario.stakeholder, self.current.says)]


class ModelAnswer(Frozen):
    """At one turn: what the learner said and the strongest reply on offer."""

    asked: str
    chosen: Reply
    best: Reply


class Debrief(Frozen):
    """Scores for one finished conversation, by dimension, with the weakest pattern and model replies."""

    scenario: Scenario
    dimensions: tuple[Dimension, ...]
    choices: tuple[str, ...]
    points: tuple[int, ...]  # per dimension, summed over the replies chosen
    max_points: tuple[int, ...]
    weakest: Dimension | None  # None when every dimension scored full marks
    answers: tuple[ModelAnswer, ...]
    outcome: str

    @property
    def score(self) -> int:
        return sum(self.points)

    @property
    def max_score(self) -> int:
        return sum(self.max_points)

    def _by_dimension(self) -> zip:
        """(dimension, points, most points) for each dimension."""
        return zip(self.dimensions, self.points, self.max_points, strict=True)

    def shares(self) -> tuple[float, ...]:
        """Each dimension's points as a share of its maximum (0..1)."""
        return tuple(p / m for p, m in zip(self.points, self.max_points, strict=False))

    def summary(self) -> str:
        lines = [f"{self.scenario.title}: {self.score} of {self.max_score} points"]
        lines += [f"  {d.label}: {p} of {m}" for d, p, m in self._by_dimension()]
        lines.append(
            f"Weakest: {self.weakest.label}" if self.weakest else "Weakest: none, every dimension at full marks"
        )
        return "\n".join(lines)

    def as_dict(self) -> dict[str, Any]:
        return {
            "scenario": self.scenario.id,
            "path": list(self.choices),
            "score": self.score,
            "max_score": self.max_score,
            "dimensions": {
                d.id: {"points": p, "max": m} for d, p, m in self._by_dimension()
            },
            "weakest_dimension": self.weakest.id if self.weakest else None,
        }

    def _repr_html_(self) -> str:
        rows = [(d.label, f"{p} of {m}") for d, p, m in self._by_dimension()]
        parts = [
            render.notice("info", self.outcome, title="What happened"),
            render.table([*rows, ("Total", f"{self.score} of {self.max_score}")], caption="Your replies, by dimension"),
        ]
        if self.weakest:
            parts.append(render.notice("warn", f"{self.weakest.weak_pattern} Tip: {self.weakest.tip}",
                                       title=f"Weakest pattern: {self.weakest.label}"))
        else:
            parts.append(render.notice("ok", "Every reply was clear, kind, grounded and offered a way forward.",
                                       title="No weak pattern"))
        for number, answer in enumerate(self.answers, 1):
            same = answer.chosen.id == answer.best.id
            text = f"You said: \u201c{answer.chosen.text}\u201d {answer.chosen.why}"
            if not same:
                text += f"\nA stronger reply: \u201c{answer.best.text}\u201d {answer.best.why}"
            parts.append(render.notice("ok" if same else "warn", text, title=f"Turn {number}"))
        parts.append(render.notice("info", self.scenario.model_reply, title="A model reply to the opening request"))
        return "".join(parts)

    def markdown(self) -> str:
        """The debrief as safe Markdown for Save my work."""
        lines = [f"### {escape_markdown(self.scenario.title)}", ""]
        for number, answer in enumerate(self.answers, 1):
            lines.append(f"{number}. *{escape_markdown(self.scenario.stakeholder)}:* {escape_markdown(answer.asked)}")
            lines.append(f"   *You:* {escape_markdown(answer.chosen.text)}")
        lines += ["", f"Outcome: {escape_markdown(self.outcome)}", ""]
        lines += [f"- {escape_markdown(d.label)}: {p} of {m}"
                  for d, p, m in self._by_dimension()]
        weakest = self.weakest.label if self.weakest else "none"
        lines += ["", f"Weakest dimension: {escape_markdown(weakest)}", ""]
        return "\n".join(lines)


def _weakest(dimensions: Sequence[Dimension], shares: Sequence[float]) -> Dimension | None:
    lowest = min(shares)
    if lowest >= 1:
        return None
    return dimensions[list(shares).index(lowest)]  # ties go to the first dimension in the data file's order


def debrief(conversation: Conversation, dimensions: Sequence[Dimension], max_per_dimension: int) -> Debrief:
    """Score a finished conversation."""
    if not conversation.finished:
        raise ValueError("Finish the conversation first: the debrief comes after the last reply.")
    count = len(dimensions)
    points = tuple(sum(step.reply.scores[i] for step in conversation.steps) for i in range(count))
    max_points = tuple(max_per_dimension * len(conversation.steps) for _ in range(count))
    answers = tuple(
        ModelAnswer(step.node.says, step.reply, max(step.node.replies, key=lambda r: sum(r.scores)))
        for step in conversation.steps
    )
    shares = [p / m for p, m in zip(points, max_points, strict=False)]
    return Debrief(conversation.scenario, tuple(dimensions), conversation.choices, points, max_points,
                   _weakest(dimensions, shares), answers, conversation.current.outcome)


def combined_shares(debriefs: Sequence[Debrief]) -> tuple[float, ...]:
    """Each dimension's share of its maximum over several finished conversations."""
    if not debriefs:
        raise ValueError("No finished conversations yet.")
    count = len(debriefs[0].points)
    return tuple(
        sum(d.points[i] for d in debriefs) / sum(d.max_points[i] for d in debriefs) for i in range(count)
    )


def overall_weakest(debriefs: Sequence[Debrief]) -> Dimension | None:
    """The weakest dimension over every finished conversation (``None`` if all were full marks)."""
    return _weakest(debriefs[0].dimensions, combined_shares(debriefs))


def transcript_html(conversation: Conversation) -> str:
    """The conversation so far, the stakeholder's current words in bold; every text escaped."""
    lines = conversation.transcript()
    items = []
    for index, (speaker, words) in enumerate(lines):
        now = index == len(lines) - 1
        style = "margin:4px 0;" + ("font-weight:600;" if now else "color:#333;")
        items.append(f'<p style="{style}"><strong>{render.escape(speaker)}:</strong> {render.escape(words)}</p>')
    count = len(conversation.choices)
    heading = f"<p><em>Path so far: {count} repl{'y' if count == 1 else 'ies'}</em></p>"
    return heading + "".join(items)


def choices_html(node: Node) -> str:
    """The full text of each reply on offer, lettered as the radio buttons are."""
    items = "".join(
        f'<li style="margin:3px 0;"><strong>Reply {letter}:</strong> {render.escape(reply.text)}</li>'
        for letter, reply in zip(LETTERS, node.replies, strict=False)
    )
    return (
        '<p style="margin:6px 0 2px 0;">Your options:</p>'
        f'<ul style="list-style:none;padding-left:0.5em;">{items}</ul>'
    )


def attempt_complete(record: Mapping[str, Any]) -> bool:
    """Complete when at least one conversation is finished or one no of the learner's own is written."""
    inputs = record["inputs"]
    return bool(inputs.get("paths")) or bool(inputs.get("own_nos"))
