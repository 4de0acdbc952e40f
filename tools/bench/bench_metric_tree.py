"""Benchmark case: one metric-tree update (rebuild the tree from the choices, lay it out, redraw it)."""

from collections.abc import Callable

from exercises import metric_tree
from exercises.kit.views import batched
from tools.bench import setting

NAME = "metric tree: reconnect one metric"
EXERCISE_ID = "metric-tree"


def setup() -> Callable[[int], None]:
    view = metric_tree.build_metric_tree()
    with batched():
        view.controls["north_star"].value = 1
        for number, target in {3: "north-star", 6: "north-star", 1: "hours-per-listener", 4: "counter"}.items():
            view.controls[f"link_{number}"].value = target
    targets = ["north-star", "weekly-listeners", "hours-per-listener", "counter", "out"]
    return setting(view, "link_8", lambda i: targets[i % len(targets)])
