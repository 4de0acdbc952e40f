"""The say-no role-play's data: the scenarios as graphs of turns and ends, and the four scoring dimensions.

They live in ``exercises/data/say_no_scenarios.json``; ``say_no_scenarios.schema.json`` beside
it checks their shape (texts, 2 to 4 replies per turn, an outcome at every end, whole-number
scores). :func:`parse_say_no_scenarios` adds what a schema cannot express: every ``next`` node
exists, every node is reachable from the start, there are no cycles and no conversation runs
longer than :data:`MAX_TURNS` (so every path ends), the opening turn has 3 or 4 replies, ids
are unique, and every reply scores exactly the dimensions, at most ``max_per_dimension`` each.
The file also holds the word lists for the hints on a learner's own no (:class:`OwnNoRules`).
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from functools import cache
from typing import Any

from ..kit import data
from ..kit.choices import Titled, by_id
from ..kit.frozen import Frozen

DATA_FILE = "say_no_scenarios.json"
MAX_TURNS = 6  # the longest conversation allowed, a bound on top of "no cycles"


class Dimension(Frozen):
    """One thing a good reply does, and what to say when a learner keeps missing it."""

    id: str
    label: str
    weak_pattern: str
    tip: str


class Reply(Frozen):
    id: str
    text: str
    scores: tuple[int, ...]  # in the order of the scenario set's dimensions
    why: str
    next: str


class Node(Frozen):
    id: str
    says: str
    replies: tuple[Reply, ...] = ()
    outcome: str = ""

    @property
    def is_end(self) -> bool:
        return not self.replies

    def reply(self, reply_id: str) -> Reply:
        return by_id(self.replies, reply_id, f"{reply_id!r} is not one of the replies you can give here.")


class Scenario(Titled):
    stakeholder: str
    start: str
    nodes: Mapping[str, Node]
    model_reply: str

    def node(self, node_id: str) -> Node:
        return self.nodes[node_id]


class OwnNoRules(Frozen):
    """The hints on a learner's own one-sentence no, and what they cannot judge."""

    max_words: int
    first_words: int  # the decision should come within this many words
    decision_words: tuple[str, ...]
    hedges: tuple[str, ...]
    limits: str


class ScenarioSet(Frozen):
    """Everything in the data file, validated."""

    dimensions: tuple[Dimension, ...]
    max_per_dimension: int
    scenarios: tuple[Scenario, ...]
    own_no: OwnNoRules

    def scenario(self, scenario_id: str) -> Scenario:
        return by_id(self.scenarios, scenario_id, f"There is no request called {scenario_id!r}.")


class _Checker:
    """The rules a schema cannot express, with errors located in the data like the schema's."""

    def __init__(self, source: str, dimensions: Sequence[Dimension], top: int) -> None:
        self.source = source
        self.dimension_ids = [d.id for d in dimensions]
        self.top = top

    def fail(self, path: Sequence[str | int], message: str) -> ValueError:
        return data.data_error(self.source, path, message)

    def reply(self, raw: Mapping[str, Any], path: list[str | int]) -> Reply:
        scores = raw["scores"]
        if set(scores) != set(self.dimension_ids):
            raise self.fail([*path, "scores"], f"scores must give exactly {', '.join(self.dimension_ids)}.")
        for dimension, value in scores.items():
            if value > self.top:
                raise self.fail([*path, "scores", dimension],
                                f"score {dimension}={value!r} must be a whole number from 0 to {self.top}.")
        return Reply(raw["id"], raw["text"], tuple(scores[d] for d in self.dimension_ids), raw["why"], raw["next"])

    def node(self, node_id: str, raw: Mapping[str, Any], path: list[str | int]) -> Node:
        replies = tuple(self.reply(r, [*path, "replies", i]) for i, r in enumerate(raw.get("replies", ())))
        if len({r.id for r in replies}) != len(replies):
            raise self.fail([*path, "replies"], f"node {node_id!r}: two replies share an id.")
        return Node(node_id, raw["says"], replies, raw.get("outcome", ""))

    def graph(self, scenario: Scenario, path: list[str | int]) -> None:
        where = f"Scenario {scenario.id!r}"
        if scenario.start not in scenario.nodes:
            raise self.fail([*path, "start"], f"{where}: start node {scenario.start!r} does not exist.")
        opening = scenario.nodes[scenario.start]
        if not 3 <= len(opening.replies) <= 4:
            raise self.fail([*path, "nodes", scenario.start, "replies"],
                            f"{where}: the opening request needs 3 or 4 replies, not {len(opening.replies)}.")
        for node in scenario.nodes.values():
            for index, reply in enumerate(node.replies):
                here = [*path, "nodes", node.id, "replies", index, "next"]
                if reply.next not in scenario.nodes:
                    raise self.fail(here, f"{where}: next node {reply.next!r} does not exist.")
                if reply.next == scenario.start:
                    raise self.fail(here, f"{where}: a reply leads back to the start (a cycle).")
        # Depth-first search: grey nodes are on the current path, so meeting one again is a cycle.
        state: dict[str, str] = {}
        depth: dict[str, int] = {}

        def visit(node_id: str) -> int:
            state[node_id] = "grey"
            longest = 0
            for reply in scenario.nodes[node_id].replies:
                if state.get(reply.next) == "grey":
                    raise self.fail([*path, "nodes", reply.next],
                                    f"{where}: node {reply.next!r} can be reached from itself (a cycle).")
                if state.get(reply.next) != "black":
                    visit(reply.next)
                longest = max(longest, 1 + depth[reply.next])
            state[node_id] = "black"
            depth[node_id] = longest
            return longest

        if visit(scenario.start) > MAX_TURNS:
            raise self.fail(path, f"{where}: a conversation can run longer than {MAX_TURNS} replies.")
        unreachable = sorted(set(scenario.nodes) - set(state))
        if unreachable:
            raise self.fail([*path, "nodes"],
                            f"{where}: nodes {', '.join(unreachable)} cannot be reached from the start.")


def parse_say_no_scenarios(raw: Any, *, source: str = DATA_FILE) -> ScenarioSet:
    """Validate scenario data (the shipped file's content, or your own) and build the scenario set.

    A ``ValueError`` names ``source`` and the path of the first problem in it.
    """
    data.validate(raw, data.schema_name(DATA_FILE), source=source)
    dimensions = tuple(Dimension(d["id"], d["label"], d["weak_pattern"], d["tip"]) for d in raw["dimensions"])
    check = _Checker(source, dimensions, raw["max_per_dimension"])
    scenarios = []
    for index, record in enumerate(raw["scenarios"]):
        path: list[str | int] = ["scenarios", index]
        nodes = {
            node_id: check.node(node_id, node, [*path, "nodes", node_id]) for node_id, node in record["nodes"].items()
        }
        scenario = Scenario(record["id"], record["title"], record["stakeholder"], record["start"], nodes,
                            record["model_reply"])
        check.graph(scenario, path)
        scenarios.append(scenario)
    ids = [s.id for s in scenarios]
    if len(set(ids)) != len(ids):
        raise check.fail(["scenarios"], "Two scenarios share an id.")
    hints = raw["own_no"]
    own_no = OwnNoRules(hints["max_words"], hints["first_words"], _lowered(hints["decision_words"]),
                        _lowered(hints["hedges"]), hints["limits"].strip())
    return ScenarioSet(dimensions, raw["max_per_dimension"], tuple(scenarios), own_no)


def _lowered(phrases: Sequence[str]) -> tuple[str, ...]:
    return tuple(phrase.strip().lower() for phrase in phrases)


@cache
def say_no_scenarios() -> ScenarioSet:
    """The shipped scenario set, from ``exercises/data/say_no_scenarios.json``."""
    return parse_say_no_scenarios(data.load(DATA_FILE), source=f"exercises/data/{DATA_FILE}")


load_scenarios = say_no_scenarios  # the name chapter 06 uses


def all_paths(scenario: Scenario) -> Iterator[tuple[str, ...]]:
    """Every complete conversation, as the reply ids chosen from the start to an end."""

    def walk(node_id: str, chosen: tuple[str, ...]) -> Iterator[tuple[str, ...]]:
        node = scenario.node(node_id)
        if node.is_end:
            yield chosen
        for reply in node.replies:
            yield from walk(reply.next, (*chosen, reply.id))

    yield from walk(scenario.start, ())

