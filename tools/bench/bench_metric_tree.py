"""Benchmark case: one metric-tree update (rebuild the tree from the choices, lay it out, redraw it)."""

from collections.abc import Callable

from exercises import metric_tree

NAME = "metric tree: reconnect one metric"
EXERCISE_ID = "metric-tree"


def setup() -> Callable[[int], None]:
    view = metric_tree.build_metric_tree()
    with view.batch():
        view.controls["north_star"].value = 1
        for number, target in {3: "north-star", 6: "north-star", 1: "hours-per-listener", 4: "counter"}.items():
            view.controls[f"link_{number}"].value = target
    targets = ["north-star", "weekly-listeners", "hours-per-listener", "counter", "out"]

    def step(i: int) -> None:
        view.controls["link_8"].value = targets[i % len(targets)]

    return step
