"""The say-no role-play: branching conversations with stakeholders who want something now.

The conversations live in ``exercises/data/say_no_scenarios.json`` as graphs:
each scenario has a start node; a node is either a *turn* (the stakeholder
speaks, the learner picks one of its replies, each reply names the next node)
or an *end* (the stakeholder's last word and what happened). Every reply is
scored 0..``max_per_dimension`` on four dimensions: a clear decision, empathy
for the asker's goal, grounding in goals or data, and an alternative offered.

:func:`load_scenarios` validates the graph on load: every ``next`` exists,
every node is reachable from the start, there are no cycles (so every
conversation ends), turns have 2-4 replies (3-4 at the start), every path
ends at an end node and scores stay within bounds.

Pure layer: :func:`load_scenarios`, :class:`Conversation`, :func:`debrief`,
:func:`all_paths`. Drawing: :func:`plot_debrief`, :func:`describe_debrief`.
Widget: :func:`build_role_play`.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

import ipywidgets as widgets
from matplotlib.axes import Axes
from matplotlib.figure import Figure

from . import render
from .datafiles import load_json, require_text
from .savework import escape_markdown
from .ui import LABEL_STYLE, ExerciseView, build_save_panel

EXERCISE_ID = "say-no"
EXERCISE_TITLE = "Say-no role-play"
DATA_FILE = "say_no_scenarios.json"
LETTERS = "ABCD"
MAX_TURNS = 6  # the longest conversation allowed, a bound on top of "no cycles"


@dataclass(frozen=True)
class Dimension:
    """One thing a good reply does, and what to say when a learner keeps missing it."""

    id: str
    label: str
    weak_pattern: str
    tip: str


@dataclass(frozen=True)
class Reply:
    id: str
    text: str
    scores: tuple[int, ...]  # in the order of the scenario set's dimensions
    why: str
    next: str


@dataclass(frozen=True)
class Node:
    id: str
    says: str
    replies: tuple[Reply, ...] = ()
    outcome: str = ""

    @property
    def is_end(self) -> bool:
        return not self.replies

    def reply(self, reply_id: str) -> Reply:
        for reply in self.replies:
            if reply.id == reply_id:
                return reply
        raise ValueError(f"{reply_id!r} is not one of the replies you can give here.")


@dataclass(frozen=True)
class Scenario:
    id: str
    title: str
    stakeholder: str
    start: str
    nodes: Mapping[str, Node]
    model_reply: str

    def node(self, node_id: str) -> Node:
        return self.nodes[node_id]


@dataclass(frozen=True)
class ScenarioSet:
    """Everything in the data file, validated."""

    dimensions: tuple[Dimension, ...]
    max_per_dimension: int
    scenarios: tuple[Scenario, ...]

    def scenario(self, scenario_id: str) -> Scenario:
        for scenario in self.scenarios:
            if scenario.id == scenario_id:
                return scenario
        raise ValueError(f"There is no request called {scenario_id!r}.")


# ---- loading and validating ------------------------------------------------------------------


def _parse_reply(record: Any, dims: Sequence[Dimension], top: int, where: str) -> Reply:
    if not isinstance(record, Mapping):
        raise ValueError(f"{where}: a reply must be an object.")
    scores = record.get("scores")
    if not isinstance(scores, Mapping) or set(scores) != {d.id for d in dims}:
        raise ValueError(f"{where}: scores must give exactly {', '.join(d.id for d in dims)}.")
    for dim, value in scores.items():
        if not isinstance(value, int) or isinstance(value, bool) or not 0 <= value <= top:
            raise ValueError(f"{where}: score {dim}={value!r} must be a whole number from 0 to {top}.")
    return Reply(
        require_text(record, "id", where), require_text(record, "text", where),
        tuple(scores[d.id] for d in dims), require_text(record, "why", where), require_text(record, "next", where),
    )


def _parse_node(node_id: str, record: Any, dims: Sequence[Dimension], top: int, where: str) -> Node:
    if not isinstance(record, Mapping):
        raise ValueError(f"{where}: a node must be an object.")
    says = require_text(record, "says", where)
    raw_replies = record.get("replies", [])
    if not isinstance(raw_replies, list):
        raise ValueError(f"{where}: replies must be a list.")
    if not raw_replies:
        return Node(node_id, says, (), require_text(record, "outcome", f"{where} (an end node)"))
    replies = tuple(_parse_reply(r, dims, top, f"{where}, reply {i + 1}") for i, r in enumerate(raw_replies))
    if len({r.id for r in replies}) != len(replies):
        raise ValueError(f"{where}: two replies share an id.")
    if "outcome" in record:
        raise ValueError(f"{where}: a node with replies cannot also have an outcome.")
    return Node(node_id, says, replies)


def _check_graph(scenario: Scenario) -> None:
    where = f"Scenario {scenario.id!r}"
    if scenario.start not in scenario.nodes:
        raise ValueError(f"{where}: start node {scenario.start!r} does not exist.")
    start = scenario.nodes[scenario.start]
    if not 3 <= len(start.replies) <= 4:
        raise ValueError(f"{where}: the opening request needs 3 or 4 replies, not {len(start.replies)}.")
    for node in scenario.nodes.values():
        if not node.is_end and not 2 <= len(node.replies) <= 4:
            raise ValueError(f"{where}, node {node.id!r}: a turn needs 2 to 4 replies.")
        for reply in node.replies:
            if reply.next not in scenario.nodes:
                raise ValueError(f"{where}, node {node.id!r}, reply {reply.id!r}: next node {reply.next!r} does not exist.")
            if reply.next == scenario.start:
                raise ValueError(f"{where}, node {node.id!r}: a reply leads back to the start (a cycle).")
    # Depth-first search: grey nodes are on the current path, so meeting one again is a cycle.
    state: dict[str, str] = {}
    depth: dict[str, int] = {}

    def visit(node_id: str) -> int:
        state[node_id] = "grey"
        longest = 0
        for reply in scenario.nodes[node_id].replies:
            if state.get(reply.next) == "grey":
                raise ValueError(f"{where}: node {reply.next!r} can be reached from itself (a cycle).")
            if state.get(reply.next) != "black":
                visit(reply.next)
            longest = max(longest, 1 + depth[reply.next])
        state[node_id] = "black"
        depth[node_id] = longest
        return longest

    if visit(scenario.start) > MAX_TURNS:
        raise ValueError(f"{where}: a conversation can run longer than {MAX_TURNS} replies.")
    unreachable = sorted(set(scenario.nodes) - set(state))
    if unreachable:
        raise ValueError(f"{where}: nodes {', '.join(unreachable)} cannot be reached from the start.")


def load_scenarios(data: Mapping[str, Any] | None = None) -> ScenarioSet:
    """Validate and build the scenario set (from the data file unless ``data`` is given)."""
    data = load_json(DATA_FILE) if data is None else data
    if not isinstance(data, Mapping):
        raise ValueError("The scenario file must hold a JSON object.")
    top = data.get("max_per_dimension")
    if not isinstance(top, int) or isinstance(top, bool) or not 1 <= top <= 10:
        raise ValueError("max_per_dimension must be a whole number from 1 to 10.")
    raw_dims = data.get("dimensions")
    if not isinstance(raw_dims, list) or len(raw_dims) != 4:
        raise ValueError("There must be exactly four dimensions.")
    dims = tuple(
        Dimension(*(require_text(d, key, f"Dimension {i + 1}") for key in ("id", "label", "weak_pattern", "tip")))
        if isinstance(d, Mapping) else _fail(f"Dimension {i + 1} must be an object.")
        for i, d in enumerate(raw_dims)
    )
    raw_scenarios = data.get("scenarios")
    if not isinstance(raw_scenarios, list) or not raw_scenarios:
        raise ValueError("The scenario file needs a non-empty list of scenarios.")
    scenarios = []
    for index, record in enumerate(raw_scenarios):
        where = f"Scenario {index + 1}"
        if not isinstance(record, Mapping) or not isinstance(record.get("nodes"), Mapping) or not record["nodes"]:
            raise ValueError(f"{where}: needs an object of nodes.")
        scenario_id = require_text(record, "id", where)
        where = f"Scenario {scenario_id!r}"
        nodes = {
            str(node_id): _parse_node(str(node_id), node, dims, top, f"{where}, node {node_id!r}")
            for node_id, node in record["nodes"].items()
        }
        scenario = Scenario(
            scenario_id, require_text(record, "title", where), require_text(record, "stakeholder", where),
            require_text(record, "start", where), nodes, require_text(record, "model_reply", where),
        )
        _check_graph(scenario)
        scenarios.append(scenario)
    if len({s.id for s in scenarios}) != len(scenarios):
        raise ValueError("Two scenarios share an id.")
    return ScenarioSet(dims, top, tuple(scenarios))


def _fail(message: str) -> Any:
    raise ValueError(message)


def all_paths(scenario: Scenario) -> Iterator[tuple[str, ...]]:
    """Every complete conversation, as the reply ids chosen from the start to an end."""

    def walk(node_id: str, chosen: tuple[str, ...]) -> Iterator[tuple[str, ...]]:
        node = scenario.node(node_id)
        if node.is_end:
            yield chosen
        for reply in node.replies:
            yield from walk(reply.next, (*chosen, reply.id))

    yield from walk(scenario.start, ())


# ---- playing ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class Step:
    """One exchange: what the stakeholder said and the reply the learner chose."""

    node: Node
    reply: Reply


@dataclass(frozen=True)
class Conversation:
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


# ---- the debrief -----------------------------------------------------------------------------


@dataclass(frozen=True)
class ModelAnswer:
    """At one turn: what the learner said and the strongest reply on offer."""

    asked: str
    chosen: Reply
    best: Reply


@dataclass(frozen=True)
class Debrief:
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

    def shares(self) -> tuple[float, ...]:
        """Each dimension's points as a share of its maximum (0..1)."""
        return tuple(p / m for p, m in zip(self.points, self.max_points))

    def summary(self) -> str:
        lines = [f"{self.scenario.title}: {self.score} of {self.max_score} points"]
        lines += [f"  {d.label}: {p} of {m}" for d, p, m in zip(self.dimensions, self.points, self.max_points)]
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
            "dimensions": {d.id: {"points": p, "max": m} for d, p, m in zip(self.dimensions, self.points, self.max_points)},
            "weakest_dimension": self.weakest.id if self.weakest else None,
        }

    def _repr_html_(self) -> str:
        rows = [(d.label, f"{p} of {m}") for d, p, m in zip(self.dimensions, self.points, self.max_points)]
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
        lines += [f"- {escape_markdown(d.label)}: {p} of {m}" for d, p, m in zip(self.dimensions, self.points, self.max_points)]
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
    shares = [p / m for p, m in zip(points, max_points)]
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


# ---- drawing ---------------------------------------------------------------------------------


def plot_debrief(ax: Axes, result: Debrief, overall: Sequence[float] | None = None) -> None:
    """Horizontal bars: each dimension's share of full marks in this conversation (and over all, if given)."""
    labels = [d.label for d in result.dimensions]
    positions = list(range(len(labels)))
    shares = [100 * s for s in result.shares()]
    height = 0.38 if overall is not None else 0.6
    offset = height / 2 if overall is not None else 0
    colors = ["#b36b00" if result.weakest and d.id == result.weakest.id else "#1a56c4" for d in result.dimensions]
    ax.barh([p - offset for p in positions], shares, height=height, color=colors, label="This conversation")
    if overall is not None:
        ax.barh([p + offset for p in positions], [100 * s for s in overall], height=height, color="#9aa9c2",
                label="All finished conversations")
        ax.legend(loc="upper center", bbox_to_anchor=(0.4, -0.2), ncol=2, fontsize="small", frameon=False)
    ax.set_yticks(positions, labels)
    ax.set_ylim(len(labels) - 0.5, -0.5)  # first dimension on top; set, not inverted, because the axes are reused
    ax.set_xlim(0, 100)
    ax.set_xticks([0, 25, 50, 75, 100])
    ax.set_xlabel("Share of full marks (%)")
    weakest = "; weakest in orange" if result.weakest else ""
    ax.set_title(f"This conversation: {result.score} of {result.max_score} points{weakest}", fontsize="medium")


def describe_debrief(result: Debrief, overall: Sequence[float] | None = None) -> str:
    """Alt text for :func:`plot_debrief`, from the numbers."""
    parts = [f"{d.label} {s:.0%}" for d, s in zip(result.dimensions, result.shares())]
    text = f"Bar chart of this conversation's replies as a share of full marks: {'; '.join(parts)}."
    if overall is not None:
        text += " Over all finished conversations: " + "; ".join(
            f"{d.label} {s:.0%}" for d, s in zip(result.dimensions, overall)) + "."
    return text


def _remove_plotted(ax: Axes) -> None:
    # Cheaper than ax.clear(), which rebuilds every tick: only the bars and the legend change.
    for container in list(ax.containers):
        container.remove()
    for patch in list(ax.patches):
        patch.remove()
    if ax.get_legend():
        ax.get_legend().remove()


def new_figure() -> Figure:
    fig = Figure(figsize=(6.4, 3.1))
    fig.subplots()
    fig.subplots_adjust(left=0.34, right=0.97, bottom=0.3, top=0.89)
    return fig


# ---- widget ----------------------------------------------------------------------------------


def _transcript_html(conversation: Conversation) -> str:
    lines = conversation.transcript()
    items = []
    for index, (speaker, words) in enumerate(lines):
        now = index == len(lines) - 1
        style = "margin:4px 0;" + ("font-weight:600;" if now else "color:#333;")
        items.append(f'<p style="{style}"><strong>{render.escape(speaker)}:</strong> {render.escape(words)}</p>')
    heading = f"<p><em>Path so far: {len(conversation.choices)} repl{'y' if len(conversation.choices) == 1 else 'ies'}</em></p>"
    return heading + "".join(items)


def _choices_html(node: Node) -> str:
    items = "".join(
        f'<li style="margin:3px 0;"><strong>Reply {letter}:</strong> {render.escape(reply.text)}</li>'
        for letter, reply in zip(LETTERS, node.replies)
    )
    return f'<p style="margin:6px 0 2px 0;">Your options:</p><ul style="list-style:none;padding-left:0.5em;">{items}</ul>'


def build_role_play(scenarios: ScenarioSet | None = None) -> ExerciseView:
    """Pick a request, answer the stakeholder, follow the conversation to its end, read the debrief."""
    scenarios = scenarios or load_scenarios()
    conversations = {s.id: Conversation(s) for s in scenarios.scenarios}
    finished: dict[str, Debrief] = {}
    picker = widgets.Dropdown(
        options=[(f"{n}. {s.title}", s.id) for n, s in enumerate(scenarios.scenarios, 1)],
        value=scenarios.scenarios[0].id, description="Request", style=LABEL_STYLE,
        layout=widgets.Layout(width="42em"),
    )
    transcript = widgets.HTML()
    choices = widgets.HTML()  # the full reply texts; radio labels must stay one line high
    replies = widgets.RadioButtons(options=[], value=None, description="Your reply", style=LABEL_STYLE,
                                   layout=widgets.Layout(width="auto"))
    answer = widgets.Button(description="Reply", button_style="primary", icon="comment",
                            tooltip="Give the reply you picked")
    back = widgets.Button(description="Back", icon="undo", tooltip="Take back your last reply")
    restart = widgets.Button(description="Restart", icon="refresh", tooltip="Start this request again")
    message = widgets.HTML()
    result = widgets.HTML()
    chart = widgets.HTML()
    fig = new_figure()

    def show() -> None:
        conversation = conversations[picker.value]
        transcript.value = _transcript_html(conversation)
        back.disabled = not conversation.choices
        if conversation.finished:
            replies.options, replies.disabled, answer.disabled = [], True, True
            choices.value = ""
            report = debrief(conversation, scenarios.dimensions, scenarios.max_per_dimension)
            finished[conversation.scenario.id] = report
            overall = combined_shares(list(finished.values())) if len(finished) > 1 else None
            result.value = report._repr_html_()
            _remove_plotted(fig.axes[0])
            plot_debrief(fig.axes[0], report, overall)
            chart.value = render.figure_html(fig, describe_debrief(report, overall))
        else:
            finished.pop(conversation.scenario.id, None)  # went back: that path no longer counts
            replies.options = [(f"Reply {letter}", r.id) for letter, r in zip(LETTERS, conversation.current.replies)]
            choices.value = _choices_html(conversation.current)
            replies.value, replies.disabled, answer.disabled = None, False, False
            result.value = render.notice("info", "The debrief appears when the conversation ends.")
            chart.value = ""

    def act(move: str) -> None:
        try:
            conversation = conversations[picker.value]
            if move == "reply":
                conversations[picker.value] = conversation.choose(replies.value)
            elif move == "back":
                conversations[picker.value] = conversation.back()
            else:
                conversations[picker.value] = conversation.restart()
        except ValueError as error:
            message.value = render.notice("error", str(error))
            return
        message.value = ""
        show()

    def snapshot() -> dict[str, Any]:
        if not finished:
            raise ValueError("Finish at least one conversation first.")
        reports = [finished[s.id] for s in scenarios.scenarios if s.id in finished]
        weakest = overall_weakest(reports)
        shares = combined_shares(reports)
        results = {
            "score": sum(r.score for r in reports),
            "max_score": sum(r.max_score for r in reports),
            "weakest_dimension": weakest.id if weakest else None,
            "shares": {d.id: round(s, 4) for d, s in zip(scenarios.dimensions, shares)},
            "conversations": [r.as_dict() for r in reports],
        }
        body = "## Conversations\n\n" + "\n".join(r.markdown() for r in reports)
        return {"inputs": {"paths": {r.scenario.id: list(r.choices) for r in reports}}, "results": results,
                "markdown_body": body}

    answer.on_click(lambda _b: act("reply"))
    back.on_click(lambda _b: act("back"))
    restart.on_click(lambda _b: act("restart"))
    def switch(_change: Mapping[str, Any]) -> None:
        message.value = ""
        show()

    picker.observe(switch, names="value")
    show()
    save = build_save_panel(EXERCISE_ID, EXERCISE_TITLE, snapshot)
    root = widgets.VBox([picker, transcript, choices, replies, widgets.HBox([answer, back, restart]), message, result,
                         chart, save.root])
    return ExerciseView(
        root,
        controls={"request": picker, "reply": replies, "answer": answer, "back": back, "restart": restart}
        | save.controls,
        outputs={"transcript": transcript, "choices": choices, "message": message, "debrief": result, "chart": chart} | save.outputs,
    )
