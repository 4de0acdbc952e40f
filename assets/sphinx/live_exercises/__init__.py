""""Run live" for the book's exercises: a Sphinx extension, one module per build phase.

The model is sphinx-exercise's layout: each phase of the build has its own module.

- ``source-read``, :mod:`.notes`: each chapter's one-line "Preview or live?" note becomes the
  shared note for readers of the web page (``assets/includes/preview-or-live.md``);
- ``builder-inited``, :mod:`.publish`: the in-page runtime (assembled by ``python -m
  tools.live_runtime`` in ``.cache/live/runtime``) and ``assets/live`` are copied to
  ``_static/live/``; ``runtime.json`` tells the worker what to load, and from where;
- ``doctree-read``, :mod:`.cells`: each exercise's code cell (the one calling a registry entry's
  ``build_*()``) gets a "Run live" bar just above its preview;
- ``html-page-context``, :mod:`.page`: pages with a bar load ``live.css`` and ``live.js`` (a few
  KB; nothing else before the click) and get their Binder and Colab links;
- ``build-finished``, :mod:`.widgets`: the widget bundle lends its ``HTMLManager`` class to live.js.

Configuration (``_config.yml``, ``sphinx: config:``):

- ``live_pyodide_url``: empty (the default) serves Pyodide from the book's own files; a URL such as
  ``https://cdn.jsdelivr.net/pyodide/v0.27.7/full/`` loads Pyodide and its packages from there.
- ``live_runtime_dir``: the assembled runtime; empty (the default) looks for ``.cache/live/runtime``
  beside the book's sources or in a folder above them (the staged editions are in ``_build/stage``).

Without a runtime (for example in a course pack built elsewhere) the book builds as before, with
previews only.
"""

from __future__ import annotations

from sphinx.application import Sphinx

from . import cells, notes, page, publish, widgets


def setup(app: Sphinx) -> dict:
    app.add_config_value("live_pyodide_url", "", "html", types=[str])
    app.add_config_value("live_runtime_dir", "", "html", types=[str])
    app.connect("builder-inited", publish.publish_runtime)
    app.connect("source-read", notes.expand_preview_notes)
    app.connect("doctree-read", cells.add_run_live_bars)
    app.connect("html-page-context", page.add_live_scripts, priority=950)
    app.connect("build-finished", widgets.expose_widget_manager)
    return {"parallel_read_safe": True, "parallel_write_safe": True, "env_version": cells.ENV_VERSION}
