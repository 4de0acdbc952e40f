"""Write phase: pages with a "Run live" bar load live.css and live.js (a few KB: the runtime itself
loads only after a click) and get this chapter's Binder and Colab links for the fallback message."""

from __future__ import annotations

import html
from collections.abc import Iterator
from typing import Any

from sphinx.application import Sphinx

from .cells import LAUNCH_PLACEHOLDER
from .publish import LIVE_DIR


def launch_links(buttons: Any) -> Iterator[tuple[str, str]]:
    """(text, url) of every link among the theme's header buttons (the launch menu included)."""
    for button in buttons or []:
        if isinstance(button, dict):
            if button.get("type") == "link" and button.get("url"):
                yield button.get("text", ""), button["url"]
            yield from launch_links(button.get("buttons"))


def add_live_scripts(app: Sphinx, pagename: str, templatename: str, context: dict, doctree: object) -> None:
    body = context.get("body", "")
    if LAUNCH_PLACEHOLDER not in body or app.builder.name not in {"html", "dirhtml"}:
        return
    if not getattr(app, "pm_live_published", False):  # no runtime: the bars stay hidden, previews only
        return
    links = dict(launch_links(context.get("header_buttons")))
    attributes = " ".join(f'data-{name.lower()}="{html.escape(links[name])}"'
                          for name in ("Binder", "Colab") if name in links)
    context["body"] = body.replace(LAUNCH_PLACEHOLDER, attributes)
    app.add_css_file(f"{LIVE_DIR}/live.css")
    app.add_js_file(f"{LIVE_DIR}/live.js", loading_method="defer")
