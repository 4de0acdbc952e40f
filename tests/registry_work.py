"""For the shared registry tests: what a learner does in each exercise before Save accepts the work.

Each exercise's entry takes the built view and sets its controls as a learner would.
An exercise that saves its starting state needs no entry.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import ipywidgets as widgets


def choose_first_category(view: Any) -> None:
    """Sorters: pick the first category for every item."""
    for control in view.controls.values():
        if isinstance(control, widgets.Dropdown) and control.value is None and len(control.options) > 1:
            control.value = control.options[1][1]


def write_a_readiness_note(view: Any) -> None:
    """Product web: the note on the least-ready interface is what Save keeps."""
    view.controls["note"].value = "Sales: I have never sold anything."


DO_THE_WORK: dict[str, Callable[[Any], None]] = {
    "red-flags": choose_first_category,
    "interview-lab-sort": choose_first_category,
    "product-web": write_a_readiness_note,
}
