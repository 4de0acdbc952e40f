"""``display`` and ``clear_output`` for the in-page runtime: exercises show widgets, never print rich output."""

from typing import Any


def display(*objects: Any, **kwargs: Any) -> None:
    """Nothing to do: the page shows an exercise's root widget itself."""


def clear_output(wait: bool = False) -> None:
    """Nothing to clear: there is no output area."""
