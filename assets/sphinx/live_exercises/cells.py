"""Read phase: a "Run live" bar above the preview of every exercise (live.js brings it to life).

An exercise is found by its registry entry (``exercises.registry.WIDGETS``): in the entry's chapter,
the code cell that calls the entry's ``build_*()`` function. The bar stays hidden until live.js
runs, so printouts and the PDF show the preview alone.
"""

from __future__ import annotations

import hashlib
import html
import importlib.util
import json
import re
from pathlib import Path

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.util import logging

logger = logging.getLogger(__name__)
LAUNCH_PLACEHOLDER = 'data-pm-launch=""'  # page.py puts the Binder and Colab links here


def _registry():
    try:
        from exercises import registry
    except ImportError:  # a book built without the course package: previews only
        return None
    return registry


def _env_version() -> int:
    """Changes when this module or the registry changes, so cached pages get their bars again."""
    digest = hashlib.sha256(Path(__file__).read_bytes())
    spec = importlib.util.find_spec("exercises.registry")
    if spec and spec.origin:  # the registry's module and the entries it reads
        for path in (Path(spec.origin), Path(spec.origin).parent / "data" / "registry.json"):
            if path.exists():
                digest.update(path.read_bytes())
    return int(digest.hexdigest()[:8], 16)


ENV_VERSION = _env_version()


def bar_html(exercise_id: str, title: str) -> str:
    """The bar's markup: a Run live button, a Forget my answers button, progress and a status line."""
    name, label = html.escape(exercise_id), html.escape(title)
    return (
        f'<div class="pm-live" data-exercise="{name}" data-title="{label}" {LAUNCH_PLACEHOLDER} hidden>'
        f'<button type="button" class="pm-live-run">Run live<span class="pm-visually-hidden">: {label}</span></button>'
        f'<button type="button" class="pm-live-forget" hidden>Forget my answers'
        f'<span class="pm-visually-hidden">: {label}</span></button>'
        f'<progress max="3" value="0" hidden aria-label="Starting the live {label}"></progress>'
        f'<p class="pm-live-status" role="status">Run live computes this exercise in your browser, '
        f'with no server: nothing is sent anywhere.</p></div>'
    )


def _cell_sources(path: Path) -> list[str]:
    cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
    return ["".join(c["source"]) if isinstance(c["source"], list) else c["source"] for c in cells]


def add_run_live_bars(app: Sphinx, doctree: nodes.document) -> None:
    registry = _registry()
    docname = app.env.docname
    path = Path(app.env.doc2path(docname))
    if registry is None or path.suffix != ".ipynb":
        return
    entries = [entry for entry in registry.WIDGETS if entry.chapter == path.stem]
    if not entries:
        return
    sources = _cell_sources(path)
    found: set[str] = set()
    for cell in doctree.findall(nodes.container):
        if cell.get("nb_element") != "cell_code" or cell.get("cell_index") is None:
            continue
        source = sources[cell["cell_index"]]
        for entry in entries:
            function = entry.build.rsplit(":", 1)[1]
            call = re.search(rf"\b{function}\s*\(([^)]*)\)", source)
            if not call:
                continue
            if call.group(1).strip():
                logger.warning(f"{docname}: the preview of {entry.id!r} calls {function} with arguments, but Run live "
                               f"builds it without any: call {function}() so that both show the same exercise.",
                               location=cell)
            outputs = [child for child in cell.children if child.get("nb_element") == "cell_code_output"]
            bar = nodes.raw("", bar_html(entry.id, entry.title), format="html")
            if outputs:
                cell.insert(cell.index(outputs[0]), bar)
            else:
                cell.append(bar)
            found.add(entry.id)
    for entry in entries:
        if entry.id not in found:
            logger.warning(f"{docname}: no code cell calls {entry.build.rsplit(':', 1)[1]}() for the exercise "
                           f"{entry.id!r} of the registry, so it has no preview and no Run live button.",
                           location=docname)
