"""Benchmark case: check a newly written message (tokenise, readability, jargon, concerns, render)."""

from collections.abc import Callable

from exercises import audience_translator
from tools.bench import setting

EXERCISE_ID = "audience-translator"
NAME = "audience translator: edit the message"


def setup() -> Callable[[int], None]:
    view = audience_translator.build_translator()
    base = ("Tracking slips three weeks because the old design fails at peak. It costs 1,200 a month "
            "and should halve order-status calls. I recommend we approve it. ") * 4
    return setting(view, "message", lambda i: f"{base} Version {i}.")
