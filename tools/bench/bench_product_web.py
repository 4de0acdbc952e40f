"""Benchmark case: one product-web update (select, redraw the web, list the duties)."""

from collections.abc import Callable

from exercises import product_web

NAME = "product-web explorer: choose another phase"


def setup() -> Callable[[int], None]:
    view = product_web.build_product_web()
    choices = [phase_id for _label, phase_id in view.controls["phase"].options]

    def step(i: int) -> None:
        view.controls["phase"].value = choices[i % len(choices)]

    return step
