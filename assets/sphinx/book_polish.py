"""A small Sphinx extension (loaded from _config.yml) that keeps every built page clean in a browser.

- sphinx-thebe and sphinx-togglebutton register their inline config scripts twice under
  jupyter-book 1.x; the second `const THEBE_JS_URL` is a page error on every page. Drop repeats.
- Lazy widgets: the 1.9 MB widget bundle is marked `type="text/x-pm-lazy-widgets"`, so the
  browser skips it; book-polish.js loads it when a saved widget comes near the screen (or
  before printing). Readers who only read pay nothing for it; the page paints at once.
- The saved widget state leaves <head> for a file beside the page, fetched with the widget bundle,
  so a phone paints the text first (in the single page, for the PDF, it follows the text).
- Stylesheets the first paint does not need load without blocking it (``LATE_STYLESHEETS``).
- Folded cells' summaries are named by their visible text (axe: label-content-name-mismatch).
- Every script file loads with `defer` (but documentation_options.js, which inline scripts
  need at once); layout.html in assets/templates does the same for the theme's search scripts.
- In the single-page build (for the PDF), every chapter's saved widget state is added, and
  MathJax (which jupyter-book forces onto that page, from a CDN) is dropped while no page has maths.
- `_static/book-polish.css` and `book-polish.js` (from assets/static) fix contrast and naming
  problems that axe-core finds in the theme and the widget bundle, in light and dark mode.
"""

from __future__ import annotations

import hashlib
import html
from pathlib import Path

from sphinx.application import Sphinx

STATIC = Path(__file__).resolve().parent.parent / "static"  # assets/static
TEMPLATES = STATIC.parent / "templates"
WIDGET_BUNDLE = "_static/jupyter-widgets/embed.js"
LAZY_TYPE = "text/x-pm-lazy-widgets"  # browsers neither fetch nor run a script of this type
WIDGET_STATE = "application/vnd.jupyter.widget-state+json"
STATE_LINK = "text/x-pm-widget-state"  # where book-polish.js fetches a page's widget state from
STATE_DIR = "_static/widget-state"
# Stylesheets nothing needs for the first paint: features that JavaScript starts (copy buttons,
# Run live, thebe), code colours, and an extension's styles the pages do not use. They load
# without holding up the text. Not togglebutton.css (it hides folded content, which would show
# and then jump away), nor icon-fonts.css (until it applies, the theme's full icon fonts load).
LATE_STYLESHEETS = ("copybutton.css", "live/live.css", "sphinx-thebe.css", "pygments.css", "sphinx-design.min.css")


def _script_key(script: object) -> tuple:
    attributes = getattr(script, "attributes", {}) or {}
    # The same inline script comes once with filename None and once with "".
    return (str(getattr(script, "filename", script) or ""), tuple(sorted((k, str(v)) for k, v in attributes.items())))


def drop_repeated_scripts(app: Sphinx, pagename: str, templatename: str, context: dict, doctree: object) -> None:
    scripts = context.get("script_files")
    if not scripts:
        return
    seen: set[tuple] = set()
    unique = []
    for script in scripts:
        key = _script_key(script)
        if key not in seen:
            seen.add(key)
            unique.append(script)
    # The widget bundle (1.9 MB) waits until a widget nears the screen: book-polish.js loads it.
    for index, script in enumerate(unique):
        if str(getattr(script, "filename", "") or "").endswith(WIDGET_BUNDLE):
            attributes = {k: v for k, v in script.attributes.items() if k not in {"defer", "async", "type"}}
            unique[index] = type(script)(script.filename, priority=script.priority, type=LAZY_TYPE, **attributes)
    # Script files run after parsing (`defer`, in order) rather than holding up the first paint.
    # documentation_options.js stays: inline scripts that follow it use what it defines.
    for index, script in enumerate(unique):
        name = str(getattr(script, "filename", "") or "")
        loading = {"defer", "async", "type"} & set(script.attributes)
        # (Not on search.html: its template loads the search scripts synchronously, and they need these.)
        local = name and "://" not in name and not name.endswith("documentation_options.js")
        if pagename != "search" and local and not loading:
            unique[index] = type(script)(name, priority=script.priority, defer="defer", **script.attributes)
    # jupyter-book loads MathJax (from a CDN) on the single page whether or not there is maths.
    if app.builder.name == "singlehtml" and not app.env.get_domain("math").has_equations():
        unique = [s for s in unique if getattr(s, "filename", None) != app.config.mathjax_path]
    scripts[:] = unique


def move_widget_state_out_of_the_head(
    app: Sphinx, pagename: str, templatename: str, context: dict, doctree: object
) -> None:
    """myst-nb puts the saved widget state (a large JSON: every preview, charts included) in <head>,
    where a phone must download all of it before it paints a word. In the html build it becomes a
    file beside the page (``_static/widget-state/``), fetched by book-polish.js with the widget
    bundle when a widget nears the screen; in the single page (the PDF) it follows the text."""
    scripts, body = context.get("script_files"), context.get("body")
    if not scripts or body is None:
        return
    states = [s for s in scripts if (getattr(s, "attributes", None) or {}).get("type") == WIDGET_STATE]
    moved = {id(s) for s in states}
    scripts[:] = [s for s in scripts if id(s) not in moved]
    if app.builder.name != "html":
        context["body"] = body + "".join(f'<script type="{WIDGET_STATE}">{s.attributes["body"]}</script>'
                                         for s in states)
        return
    for state in states:
        data = state.attributes["body"].encode("utf-8")
        name = f"{STATE_DIR}/{pagename}.json"
        target = Path(app.outdir, name)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
        url = f"{context['pathto'](name, 1)}?v={hashlib.sha256(data).hexdigest()[:8]}"
        context["body"] += f'<script type="{STATE_LINK}" data-src="{html.escape(url)}"></script>'


def load_late_stylesheets_without_blocking(
    app: Sphinx, pagename: str, templatename: str, context: dict, doctree: object
) -> None:
    """``media="print"`` until loaded (then ``all``): the browser fetches them without blocking the
    first paint. A <noscript> copy keeps them for readers without JavaScript."""
    sheets, body = context.get("css_files"), context.get("body")
    if not sheets or body is None or app.builder.name != "html":
        return
    late = []
    for index, sheet in enumerate(sheets):
        name = str(getattr(sheet, "filename", "") or "")
        if name.split("?")[0].endswith(LATE_STYLESHEETS) and "media" not in sheet.attributes:
            attributes = {**sheet.attributes, "media": "print", "onload": "this.media='all'"}
            sheets[index] = type(sheet)(name, priority=sheet.priority, **attributes)
            late.append(context["pathto"](name, 1))
    if late:
        links = "".join(f'<link rel="stylesheet" href="{html.escape(url)}">' for url in late)
        context["body"] = body + f"<noscript>{links}</noscript>"


def name_folded_cells_by_their_text(
    app: Sphinx, pagename: str, templatename: str, context: dict, doctree: object
) -> None:
    """myst-nb labels the summary of a folded cell "Toggle hidden content" while it shows
    "Show code cell source": speech users must be able to say what they see. Its text names it."""
    if "body" in context:
        context["body"] = context["body"].replace('<summary aria-label="Toggle hidden content">', "<summary>")


def add_every_widget_state_to_the_single_page(
    app: Sphinx, pagename: str, templatename: str, context: dict, doctree: object
) -> None:
    """singlehtml (the whole-book PDF) holds every chapter on one page, but myst-nb adds only the
    root document's widget state and bundle; add every document's, so all exercises render."""
    if app.builder.name != "singlehtml" or pagename != app.config.root_doc:
        return
    from myst_nb.sphinx_ import NbMetadataCollector

    for docname in sorted(app.env.found_docs - {pagename}):
        for path, attributes in NbMetadataCollector.get_js_files(app.env, docname).values():
            app.add_js_file(path, **attributes)  # repeats of the bundle are dropped below


def add_static_folder(app: Sphinx) -> None:
    app.config.html_static_path.append(str(STATIC))


def setup(app: Sphinx) -> dict:
    app.connect("builder-inited", add_static_folder)
    app.add_css_file("book-polish.css")
    # The script types it looks for come from here, so they are written once.
    types = {"data-lazy-type": LAZY_TYPE, "data-state-type": STATE_LINK}
    app.add_js_file("book-polish.js", loading_method="defer", **types)
    app.connect("html-page-context", add_every_widget_state_to_the_single_page)
    app.connect("html-page-context", name_folded_cells_by_their_text)
    # After sphinx-thebe and the others have added their scripts to the page context.
    app.connect("html-page-context", drop_repeated_scripts, priority=900)
    app.connect("html-page-context", move_widget_state_out_of_the_head, priority=910)
    # After live_exercises (950) has added live.css to the pages that need it.
    app.connect("html-page-context", load_late_stylesheets_without_blocking, priority=960)
    # A new env_version makes Sphinx rewrite every page when this file or the CSS changes.
    digest = hashlib.sha256(Path(__file__).read_bytes())
    for path in sorted([*STATIC.glob("*"), *TEMPLATES.glob("*.html")]):
        digest.update(path.read_bytes())
    return {"parallel_read_safe": True, "parallel_write_safe": True, "env_version": int(digest.hexdigest()[:8], 16)}
