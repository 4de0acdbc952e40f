"""The metric-tree builder's pure layer: a product's north star, the inputs that feed it, and its counter-metrics.

:func:`build_tree` turns the learner's choices into a :class:`MetricTree` (refusing loops and links to
metrics outside the tree); :func:`check_tree` compares it with the product's model answer, one point
for the north star and one per metric placed in the right role (input, counter-metric, or left out).
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import cache
from typing import Any

from ..kit import data, render
from ..kit.choices import Titled, by_id
from ..kit.frozen import Frozen
from ..kit.text import is_written

__all__ = [
    "COUNTER", "NORTH_STAR", "OUT", "MetricFeedback", "MetricTree", "NorthStarOption", "Product", "ProductMetric",
    "TreeCheck", "build_tree", "check_tree", "metric_trees", "parse_metric_trees", "role_class",
]

NORTH_STAR, COUNTER, OUT = "north-star", "counter", "out"
ROLE_CLASS = {"input": "input", "counter": "counter", "vanity": OUT, "lagging": OUT, "output": OUT}
CLASS_WORDS = {"input": "an input", "counter": "a counter-metric", OUT: "left out"}
ROLE_WORDS = {"vanity": "a vanity metric", "lagging": "a lagging business result", "output": "a measure of output"}


class NorthStarOption(Frozen):
    text: str
    short: str
    correct: bool
    why: str


class ProductMetric(Frozen):
    id: str
    name: str
    short: str
    role: str  # the model answer: input, counter, vanity, lagging or output
    parent: str | None  # for inputs: NORTH_STAR or the id of the metric it feeds
    timing: str  # leading or lagging
    why: str


class Product(Titled):
    context: str
    north_stars: tuple[NorthStarOption, ...]
    metrics: tuple[ProductMetric, ...]

    def metric(self, metric_id: str) -> ProductMetric:
        return by_id(self.metrics, metric_id, f"{self.title} has no metric {metric_id!r}.")

    def number(self, metric_id: str) -> int:
        """The metric's number as the exercise shows it (1, 2, ...)."""
        return next(n for n, m in enumerate(self.metrics, 1) if m.id == metric_id)


def role_class(role: str) -> str:
    """input -> 'input', counter -> 'counter', vanity/lagging/output -> 'out'."""
    return ROLE_CLASS[role]


def _loop(links: Mapping[str, str]) -> list[str] | None:
    """A chain of ids that feed each other in a loop, or ``None``."""
    for start in links:
        seen, node = [], start
        while node in links and node not in seen:
            seen.append(node)
            node = links[node]
        if node in seen:
            return seen[seen.index(node):]
    return None


def parse_metric_trees(raw: Any, *, source: str = "metric-tree data") -> tuple[Product, ...]:
    """Validate ``raw`` against ``metric_trees.schema.json`` and build the products."""
    data.validate(raw, "metric_trees.schema.json", source=source)
    products = []
    for index, item in enumerate(raw["products"]):
        at = ["products", index]
        stars = tuple(NorthStarOption(s["text"].strip(), s["short"].strip(), s["correct"], s["why"].strip())
                      for s in item["north_stars"])
        if sum(s.correct for s in stars) != 1:
            raise data.data_error(source, [*at, "north_stars"], "exactly one north star must be marked correct.")
        metrics = tuple(ProductMetric(m["id"], m["name"].strip(), m["short"].strip(), m["role"], m.get("parent"),
                                      m["timing"], m["why"].strip()) for m in item["metrics"])
        ids = [m.id for m in metrics]
        for position, metric_id in enumerate(ids):
            if metric_id == NORTH_STAR or metric_id in ids[:position]:
                raise data.data_error(source, [*at, "metrics", position, "id"],
                                      f"metric ids must be unique and must not be {NORTH_STAR!r}.")
        inputs = {m.id for m in metrics if m.role == "input"}
        for position, metric in enumerate(metrics):
            if metric.parent is not None and metric.parent != NORTH_STAR and metric.parent not in inputs:
                raise data.data_error(source, [*at, "metrics", position, "parent"],
                                      f"{metric.id!r} feeds {metric.parent!r}, which is not an input metric.")
        loop = _loop({m.id: m.parent for m in metrics if m.parent and m.parent != NORTH_STAR})
        if loop:
            raise data.data_error(source, [*at, "metrics"], f"{', '.join(loop)} feed each other in a loop.")
        products.append(Product(item["id"], item["title"].strip(), item["context"].strip(), stars, metrics))
    for position, product in enumerate(products):
        if product.id in [p.id for p in products[:position]]:
            raise data.data_error(source, ["products", position, "id"], "product ids must be unique.")
    return tuple(products)


@cache
def metric_trees() -> tuple[Product, ...]:
    """The shipped products (``exercises/data/metric_trees.json``)."""
    return parse_metric_trees(data.load("metric_trees.json"), source="exercises/data/metric_trees.json")


class MetricTree(Frozen):
    """The learner's tree: a north star (or none yet) and where each metric connects."""

    product: Product
    north_star: NorthStarOption | None
    links: tuple[tuple[str, str], ...]  # (metric id, target) for every metric, in the product's order

    def target(self, metric_id: str) -> str:
        return dict(self.links)[metric_id]

    def children(self, parent: str) -> tuple[ProductMetric, ...]:
        """Metrics that feed ``parent`` (NORTH_STAR or a metric id), in the product's order."""
        return tuple(self.product.metric(m) for m, target in self.links if target == parent)

    @property
    def inputs(self) -> tuple[ProductMetric, ...]:
        return tuple(self.product.metric(m) for m, target in self.links if target not in (OUT, COUNTER))

    @property
    def counters(self) -> tuple[ProductMetric, ...]:
        return self.children(COUNTER)

    @property
    def left_out(self) -> tuple[ProductMetric, ...]:
        return self.children(OUT)

    def describe(self) -> str:
        """The tree in one paragraph (the chart's alt text uses it)."""
        star = f"north star \u201c{self.north_star.short}\u201d" if self.north_star else "no north star chosen yet"
        parts = [f"Metric tree for {self.product.title}: {star}."]
        for parent in [NORTH_STAR, *(m.id for m in self.inputs)]:
            kids = self.children(parent)
            if kids:
                name = "The north star" if parent == NORTH_STAR else self.product.metric(parent).short
                parts.append(f"{name} is fed by {', '.join(k.short for k in kids)}.")
        if self.counters:
            parts.append(f"Counter-metrics: {', '.join(m.short for m in self.counters)}.")
        if self.left_out:
            parts.append(f"Left out: {', '.join(m.short for m in self.left_out)}.")
        return " ".join(parts)


def build_tree(product: Product, north_star: int | None, choices: Mapping[str, str]) -> MetricTree:
    """The tree from the learner's choices: ``north_star`` indexes ``product.north_stars`` (or is ``None``);
    ``choices`` maps a metric id to OUT, NORTH_STAR, COUNTER or the id of the metric it feeds (missing: OUT).

    Refuses, with one message per problem, a metric feeding itself, feeding a metric outside the tree, or loops.
    """
    if north_star is not None and not 0 <= north_star < len(product.north_stars):
        raise ValueError("North star: choose one of the candidates.")
    ids = {m.id for m in product.metrics}
    links = {m.id: choices.get(m.id, OUT) for m in product.metrics}
    problems = []
    for metric_id, target in links.items():
        number = product.number(metric_id)
        if target in (OUT, NORTH_STAR, COUNTER):
            continue
        if target not in ids:
            problems.append(f"#{number}: {str(target)[:40]!r} is not a metric of this product.")
        elif target == metric_id:
            problems.append(f"#{number} cannot feed itself.")
        elif links[target] in (OUT, COUNTER):
            where = "left out" if links[target] == OUT else "a counter-metric"
            problems.append(f"#{number} feeds #{product.number(target)}, but #{product.number(target)} is {where}: "
                            f"connect #{product.number(target)} to the tree first, or connect #{number} elsewhere.")
    if not problems:
        loop = _loop({m: t for m, t in links.items() if t in ids})
        if loop:
            numbers = ", ".join(f"#{product.number(m)}" for m in loop)
            problems.append(f"{numbers} feed each other in a loop: one of them must feed the north star.")
    if problems:
        raise ValueError("\n".join(problems))
    star = None if north_star is None else product.north_stars[north_star]
    return MetricTree(product, star, tuple(links.items()))


class MetricFeedback(Frozen):
    metric: ProductMetric
    chosen: str  # "input", "counter" or OUT
    target: str
    correct: bool

    def text(self, product: Product) -> str:
        model = role_class(self.metric.role)
        kind = ROLE_WORDS.get(self.metric.role, CLASS_WORDS[model])
        if not self.correct:
            return f"You made it {CLASS_WORDS[self.chosen]}; it is {kind}. {self.metric.why}"
        verdict = f"Right: {kind}. {self.metric.why}"
        if model == "input" and self.target != self.metric.parent:
            parent = "the north star" if self.metric.parent == NORTH_STAR else \
                f"#{product.number(self.metric.parent)} ({product.metric(self.metric.parent).short})"
            verdict += f" In the model tree it feeds {parent}."
        return verdict


class TreeCheck(Frozen):
    """The learner's tree compared with the model answer."""

    tree: MetricTree
    feedback: tuple[MetricFeedback, ...]

    @property
    def north_star_correct(self) -> bool:
        return self.tree.north_star is not None and self.tree.north_star.correct

    @property
    def score(self) -> int:
        return int(self.north_star_correct) + sum(f.correct for f in self.feedback)

    @property
    def max_score(self) -> int:
        return 1 + len(self.feedback)

    def notes(self) -> list[tuple[str, str]]:
        """Whole-tree advice: no north star, no inputs, no counter-metric, a lagging metric among the inputs."""
        notes = []
        if self.tree.north_star is None:
            notes.append(("warn", "Choose a north star: the tree has nothing at the top yet."))
        if not self.tree.inputs:
            notes.append(("warn", "Nothing feeds the north star yet: which numbers could a team move this month?"))
        if not self.tree.counters:
            notes.append(("warn", "No counter-metric: what would tell you the north star is rising for a bad "
                                  "reason?"))
        lagging = [m.short for m in self.tree.inputs if m.timing == "lagging"]
        if lagging:
            notes.append(("info", f"{', '.join(lagging)}: lagging, so it moves too late to steer by as an input."))
        return notes

    def summary(self) -> str:
        """A plain-text report (what ``print`` shows)."""
        star = self.tree.north_star
        lines = [f"Score: {self.score} of {self.max_score}"]
        if star:
            lines.append(f"North star: {star.text}: {'right' if star.correct else 'not the best choice'}. {star.why}")
        lines += [f"#{self.tree.product.number(f.metric.id)} {f.metric.short}: {f.text(self.tree.product)}"
                  for f in self.feedback]
        return "\n".join(lines + [text for _, text in self.notes()])

    def as_dict(self) -> dict[str, Any]:
        """JSON-ready results for Save my work (score and max_score for the gradebook)."""
        return {
            "score": self.score, "max_score": self.max_score, "north_star_correct": self.north_star_correct,
            "metrics": {f.metric.id: {"chosen": f.chosen, "connects_to": f.target, "model": role_class(f.metric.role),
                                      "correct": f.correct} for f in self.feedback},
            "notes": [text for _, text in self.notes()],
        }

    def _repr_html_(self) -> str:
        parts = [f"<p><strong>Score: {self.score} of {self.max_score}</strong></p>"]
        star = self.tree.north_star
        if star:
            parts.append(render.notice("ok" if star.correct else "warn", star.why, title=f"North star: {star.text}"))
        for f in self.feedback:
            number = self.tree.product.number(f.metric.id)
            parts.append(render.notice("ok" if f.correct else "warn", f.text(self.tree.product),
                                       title=f"#{number} {f.metric.name}"))
        parts += [render.notice(kind, text) for kind, text in self.notes()]
        return "".join(parts)


def check_tree(tree: MetricTree) -> TreeCheck:
    """Score the tree: the north star, and each metric's role (where an input connects is advice, not a point)."""
    feedback = []
    for metric_id, target in tree.links:
        metric = tree.product.metric(metric_id)
        chosen = target if target in (OUT, COUNTER) else "input"
        feedback.append(MetricFeedback(metric, chosen, target, chosen == role_class(metric.role)))
    return TreeCheck(tree, tuple(feedback))


def attempt_complete(record: Mapping[str, Any]) -> bool:
    """Complete when a north star is chosen and at least one metric is connected to the tree."""
    inputs = record["inputs"]
    connected = any(place != "out" for place in inputs.get("connections", {}).values())
    return is_written(inputs.get("north_star")) and connected
