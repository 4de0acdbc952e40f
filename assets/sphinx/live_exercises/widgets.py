"""Build end: the page's widget bundle lends its widget manager class to live.js.

The book already ships @jupyter-widgets/html-manager's standalone bundle (``embed.js``, in
``assets/vendor/jupyter-widgets``), which renders the saved previews. Its ``HTMLManager`` class is
also what the live exercises need, but the bundle keeps it private. After Sphinx has copied the
bundle, this step adds one statement to the copy in ``_build``: ``window.jupyterWidgetsHTMLManager
= <the class>``, just before the bundle's own start-up code. The vendored file is unchanged. If the
bundle ever changes shape, the build stops here rather than shipping a page whose Run live fails.
"""

from __future__ import annotations

import re
from pathlib import Path

from sphinx.application import Sphinx
from sphinx.errors import ExtensionError

BUNDLE = Path("_static") / "jupyter-widgets" / "embed.js"
GLOBAL_NAME = "window.jupyterWidgetsHTMLManager"
# The bundle's start-up: `window._jupyter_widget_embedder||(...renderWidgets(...,(()=>new <Class>)))`.
START = "window._jupyter_widget_embedder||("
MANAGER = re.compile(r"window\._jupyter_widget_embedder\|\|\(.*\(\(\)=>new (\w+)\)\)", re.S)


def exposed(bundle: str) -> str:
    """The bundle with its manager class exposed (unchanged if it already is)."""
    if GLOBAL_NAME in bundle:
        return bundle
    found = MANAGER.search(bundle)
    if bundle.count(START) != 1 or found is None:
        raise ExtensionError(f"{BUNDLE}: the widget bundle's start-up code is not where live_exercises/widgets.py "
                             "expects it; update the pattern there for the new bundle.")
    return bundle.replace(START, f"{GLOBAL_NAME}={found.group(1)},{START}", 1)


def expose_widget_manager(app: Sphinx, exception: Exception | None) -> None:
    path = Path(app.outdir) / BUNDLE
    if exception is not None or not getattr(app, "pm_live_published", False) or not path.exists():
        return
    text = path.read_text(encoding="utf-8")
    patched = exposed(text)
    if patched != text:
        path.write_text(patched, encoding="utf-8")
