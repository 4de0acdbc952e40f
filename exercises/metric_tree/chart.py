"""The metric-tree builder's chart: the north star on top, its inputs below, counter-metrics beside it."""

from __future__ import annotations

import textwrap

from matplotlib.axes import Axes

from ..kit.charts import ChartPanel, fixed_figure, plot_panel
from .model import NORTH_STAR, MetricTree

STYLE = {  # face colour, edge colour, edge style
    "north-star": ("#fff4e5", "#b36b00", "solid"),
    "input": ("#e8f0fe", "#1a56c4", "solid"),
    "lagging": ("#f2f2f2", "#555555", "dashed"),
    "counter": ("#fdecea", "#b3261e", "solid"),
}
COUNTER_GAP = 1.6  # horizontal room between the tree and the counter-metrics
WRAP = 16  # characters per line in a box


def layout(tree: MetricTree) -> dict[str, tuple[float, float]]:
    """Where each node sits: the north star at the top (y = 0), each level of inputs one lower.

    Leaves take consecutive slots from the left; a parent sits above the middle of its children.
    Counter-metrics sit in a row to the right of the north star.
    """
    spots: dict[str, tuple[float, float]] = {}
    next_slot = [0.0]

    def place(node: str, depth: int) -> float:
        kids = tree.children(node)
        if not kids:
            x = next_slot[0]
            next_slot[0] += 1
        else:
            xs = [place(kid.id, depth + 1) for kid in kids]
            x = (xs[0] + xs[-1]) / 2
        spots[node] = (x, -float(depth))
        return x

    place(NORTH_STAR, 0)
    right = max(x for x, _ in spots.values())
    for index, counter in enumerate(tree.counters):
        spots[counter.id] = (right + COUNTER_GAP + index, 0.0)
    return spots


def label(text: str) -> str:
    return "\n".join(textwrap.wrap(text, WRAP)) or text


def node_kind(tree: MetricTree, node: str) -> str:
    if node == NORTH_STAR:
        return "north-star"
    metric = tree.product.metric(node)
    if tree.target(node) == "counter":
        return "counter"
    return "lagging" if metric.timing == "lagging" else "input"


def node_text(tree: MetricTree, node: str) -> str:
    if node == NORTH_STAR:
        return label(tree.north_star.short if tree.north_star else "North star: not chosen yet")
    metric = tree.product.metric(node)
    lagging = " (lagging)" if metric.timing == "lagging" else ""
    return label(f"#{tree.product.number(node)} {metric.short}{lagging}")


def plot_tree(ax: Axes, tree: MetricTree) -> None:
    """Boxes for the nodes, solid lines from each input to what it feeds, dashed red lines for counter-metrics."""
    spots = layout(tree)
    for metric in tree.inputs:
        (x1, y1), (x2, y2) = spots[metric.id], spots[tree.target(metric.id)]
        ax.plot([x1, x2], [y1, y2], color="#1a56c4", linewidth=1.5, zorder=1)
    for metric in tree.counters:
        (x1, y1), (x2, y2) = spots[metric.id], spots[NORTH_STAR]
        ax.plot([x1, x2], [y1, y2], color="#b3261e", linewidth=1.5, linestyle="--", zorder=1)
    for node, (x, y) in spots.items():
        face, edge, style = STYLE[node_kind(tree, node)]
        ax.text(x, y, node_text(tree, node), ha="center", va="center", fontsize="small", zorder=2,
                fontweight="bold" if node == NORTH_STAR else "normal", gid=node,
                bbox={"boxstyle": "round,pad=0.4", "facecolor": face, "edgecolor": edge, "linestyle": style})
    if tree.left_out:
        names = ", ".join(f"#{tree.product.number(m.id)}" for m in tree.left_out)
        ax.text(0.0, 0.0, f"Left out: {names}", transform=ax.transAxes, ha="left", va="bottom", fontsize="small",
                color="#555555")
    xs = [x for x, _ in spots.values()]
    depth = min(y for _, y in spots.values())
    ax.set_xlim(min(xs) - 0.7, max(xs) + 0.7)
    ax.set_ylim(depth - 0.6, 0.6)
    ax.set_title(f"Metric tree: {tree.product.title}")


def describe_tree(tree: MetricTree) -> str:
    return tree.describe()


def chart_panel() -> ChartPanel[MetricTree]:
    """The tree's chart panel (no axes: boxes and lines only)."""
    figure = fixed_figure(10, 4.2, left=0.01, right=0.99, bottom=0.02, top=0.9)
    figure.axes[0].set_axis_off()
    return plot_panel(figure, plot_tree, describe_tree)
