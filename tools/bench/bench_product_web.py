"""Benchmark case: one product-web update to a choice not seen before (select, list duties, full redraw)."""

from collections.abc import Callable

from exercises import product_web

NAME = "product-web explorer: choose a new phase or team (full redraw)"
EXERCISE_ID = "product-web"


def setup() -> Callable[[int], None]:
    view = product_web.build_product_web()
    phases = [value for _label, value in view.controls["phase"].options]
    teams = [value for _label, value in view.controls["team"].options]
    # All 70 choices in a snake order, so each step changes one menu and, for the first 69 steps,
    # reaches a choice the widget has not drawn (and cached) yet.
    choices = [(p, t) for k, t in enumerate(teams) for p in (phases if k % 2 == 0 else phases[::-1])]

    def step(i: int) -> None:
        phase, team = choices[(i + 1) % len(choices)]
        view.controls["team"].value = team
        view.controls["phase"].value = phase

    return step
