"""Write the whole book as one PDF: `python3.11 tools/course.py pdf`.

1. `jupyter-book build --builder singlehtml` (strict) puts every page of `_toc.yml` on one page;
   assets/sphinx/book_polish.py adds every chapter's saved widget state to it.
2. Chromium (the system's, through Playwright) opens it from a local server with no network,
   waits until the exercises render their saved state, adds a title page, a table of contents
   and, under each exercise, links to run it live (Binder, Colab), then prints it to PDF with
   bookmarks and page numbers.

The result is `_build/pdf/<book-title>.pdf`. jupyter-book's own `pdfhtml` builder is not used:
it downloads a browser of its own.
"""

from __future__ import annotations

import argparse
import datetime
import html
import re
import sys
from pathlib import Path
from urllib.parse import quote

from tools import ROOT, editions, sitekit
from tools.booksource import Edition, read_config, toc_files, toc_parts

PDF_DIR = ROOT / "_build" / "pdf"

PRINT_CSS = """
@page { size: A4; margin: 18mm 16mm 20mm 16mm; }
.bd-header, .bd-header-article, .bd-sidebar-primary, .bd-sidebar-secondary, .bd-footer,
.bd-footer-article, .bd-footer-content, .prev-next-area, .headerlink, #pst-skip-link,
.search-button__wrapper, .pst-scrollable-table-container + .headerlink, .toggle-button,
#pst-back-to-top, .bd-search,
.onlyprint { display: none !important; }  /* the theme's own print header: ours replaces it */
.bd-main .bd-content .bd-article-container { max-width: 100% !important; }
.bd-page-width { max-width: 100% !important; }
body { font-size: 10.5pt; }
.pdf-title { break-after: page; text-align: center; padding-top: 30%; }
.pdf-title .pdf-book-title { font-size: 30pt; font-weight: 600; margin-bottom: 0.4em; }
.pdf-title p { font-size: 12pt; }
.pdf-toc { break-after: page; }
.pdf-toc ul { font-size: 12pt; line-height: 1.8; list-style: none; padding-left: 0; }
.pdf-toc .pdf-part { font-weight: 600; margin-top: 0.8em; }
.pdf-toc .pdf-part ul { font-weight: normal; padding-left: 1.5em; }
.pdf-chapter { break-before: page; }
.pdf-live { border: 1px solid #1565c0; border-radius: 4px; padding: 6px 10px; background: #e8f0fe; color: #0b2e6b; }
.pdf-live a { color: #0b2e6b; }
h1, h2, h3 { break-after: avoid; }
pre { white-space: pre-wrap !important; overflow-wrap: anywhere; }
img, .cell_output, table, figure, .jupyter-widgets.widget-vbox > * { break-inside: avoid; }
"""

PREPARE_JS = """
(meta) => {
  const article = document.querySelector('.bd-article') || document.querySelector('main') || document.body;
  const esc = s => s.replace(/[&<>"']/g,
    c => ({'&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;'}[c]));
  // Chapters: the span Sphinx puts before each document, and that document's first heading.
  const chapters = [];
  for (const span of document.querySelectorAll('span[id^="document-"]')) {
    const doc = span.id.slice('document-'.length);
    const section = span.nextElementSibling;
    const heading = section && section.querySelector('h1, h2, h3');
    if (!heading) continue;
    section.classList.add('pdf-chapter');
    chapters.push({doc, id: span.id, title: heading.textContent.replace(/#$/, '').trim(), section});
  }
  // Under each exercise heading: where to run it live.
  let live = 0;
  for (const chapter of chapters) {
    const links = meta.live[chapter.doc];
    if (!links) continue;
    // The chapter's `## Exercise...` sections: one heading level below the chapter title.
    const level = 'H' + (Number(chapter.section.querySelector('h1, h2, h3').tagName[1]) + 1);
    for (const heading of chapter.section.querySelectorAll(level)) {
      if (!/^Exercise\\b/.test(heading.textContent.trim())) continue;
      const note = document.createElement('p');
      note.className = 'pdf-live';
      note.innerHTML = 'Run this exercise live: <a href="' + esc(links.binder) + '">Binder</a> \\u00b7 <a href="'
        + esc(links.colab) + '">Colab</a> \\u00b7 or open <code>' + esc(links.path) + '</code> in JupyterLab. '
        + 'What follows is its saved state.';
      heading.insertAdjacentElement('afterend', note);
      live += 1;
    }
  }
  // Feedback and other folded text must be readable on paper.
  document.querySelectorAll('details').forEach(d => d.open = true);
  // Title page and table of contents, grouped by the parts of _toc.yml.
  const byDoc = Object.fromEntries(chapters.map(c => [c.doc, c]));
  const first = article.querySelector('section');
  let toc = '<nav class="pdf-toc" aria-label="Contents"><h2>Contents</h2><ul>';
  if (first && first.id) {
    const heading = first.querySelector('h1, h2');
    const text = heading ? heading.textContent.replace(/#$/, '').trim() : meta.title;
    toc += '<li><a href="#' + esc(first.id) + '">' + esc(text) + '</a></li>';
  }
  for (const part of meta.parts) {
    const entries = part.docs.filter(doc => byDoc[doc]).map(doc =>
      '<li><a href="#' + esc(byDoc[doc].id) + '">' + esc(byDoc[doc].title) + '</a></li>').join('');
    if (!entries) continue;
    toc += part.caption ? '<li class="pdf-part">' + esc(part.caption) + '<ul>' + entries + '</ul></li>' : entries;
  }
  toc += '</ul></nav>';
  // Not an <h1>: the theme's print style hides the first <h1> of the article.
  const title = '<section class="pdf-title">'
    + '<p class="pdf-book-title" role="heading" aria-level="1">' + esc(meta.title) + '</p>'
    + '<p>' + esc(meta.subtitle) + '</p><p>' + esc(meta.author) + '</p><p>' + esc(meta.date) + '</p>'
    + '<p>Source and live exercises: <a href="' + esc(meta.repository) + '">' + esc(meta.repository) + '</a></p>'
    + '</section>';
  article.insertAdjacentHTML('afterbegin', title + toc);
  return {chapters: chapters.map(c => c.title), live};
}
"""


def pdf_path() -> Path:
    slug = re.sub(r"[^a-z0-9]+", "-", read_config()["title"].lower()).strip("-")
    return PDF_DIR / f"{slug}.pdf"


def live_links(settings: dict) -> dict[str, dict[str, str]]:
    """Binder and Colab links for every notebook in the TOC, from `repository` in _config.yml."""
    repo = settings["repository"]["url"].rstrip("/")
    branch = settings["repository"].get("branch", "main")
    owner_repo = re.sub(r"^https?://github\.com/", "", repo)
    buttons = settings.get("launch_buttons", {})
    binder = buttons.get("binderhub_url", "https://mybinder.org").rstrip("/")
    colab = buttons.get("colab_url", "https://colab.research.google.com").rstrip("/")
    links = {}
    for doc in toc_files():
        path = f"{doc}.ipynb"
        if (ROOT / path).exists():
            links[doc] = {
                "path": path,
                "binder": f"{binder}/v2/gh/{owner_repo}/{branch}?urlpath={quote('lab/tree/' + path, safe='')}",
                "colab": f"{colab}/github/{owner_repo}/blob/{branch}/{path}",
            }
    return links


def print_pdf(single: Path, target: Path) -> dict:
    """Print the single-page book in ``single`` to ``target``; return what it found (chapters, live links)."""
    settings = read_config()
    meta = {
        "title": settings["title"],
        "subtitle": "An interactive course. The whole book, with each exercise in its saved state.",
        "author": settings.get("author", ""),
        "date": datetime.date.today().isoformat(),
        "repository": settings["repository"]["url"],
        "parts": [{"caption": caption, "docs": docs} for caption, docs in toc_parts()],
        "live": live_links(settings),
    }
    # Sphinx writes the single page under the root document's name (chapters/...) but with links
    # relative to the output folder; a copy at the top makes them resolve.
    page_name = "whole-book.html"
    (single / page_name).write_bytes((single / f"{toc_files()[0]}.html").read_bytes())
    problems: list[str] = []
    with sitekit.serve(single) as base, sitekit.browser() as browser:
        context = browser.new_context(service_workers="block", color_scheme="light")
        context.add_init_script("localStorage.setItem('theme', 'light'); localStorage.setItem('mode', 'light');")
        other_hosts: list[str] = []
        context.route("**/*", sitekit.only_this_host(base, other_hosts))
        page = context.new_page()
        page.on("pageerror", lambda error: problems.append(f"page error: {error}"))
        page.goto(base + page_name, wait_until="load")
        page.evaluate("() => window.pmLoadWidgets && window.pmLoadWidgets()")  # widgets load lazily
        # Every saved widget view rendered, and every image (the charts) loaded.
        page.wait_for_function(
            """() => document.querySelectorAll('.widget-subarea > *').length
                    >= document.querySelectorAll('script[type="application/vnd.jupyter.widget-view+json"]').length
                 && [...document.images].every(i => i.complete && i.naturalWidth > 0)""",
            timeout=90_000,
        )
        summary = page.evaluate(PREPARE_JS, meta)
        page.add_style_tag(content=PRINT_CSS)
        page.emulate_media(media="print")
        footer = (
            '<div style="font-size:8pt;width:100%;text-align:center;color:#444;">'
            f"{html.escape(settings['title'])} \u00b7 "
            "page <span class=pageNumber></span> of <span class=totalPages></span></div>"
        )
        target.parent.mkdir(parents=True, exist_ok=True)
        page.pdf(
            path=str(target),
            format="A4",
            print_background=True,
            display_header_footer=True,
            header_template="<span></span>",
            footer_template=footer,
            margin={"top": "16mm", "bottom": "20mm", "left": "14mm", "right": "14mm"},
            outline=True,
            tagged=True,
        )
        context.close()
    problems += [f"asked another host for {url}" for url in other_hosts]
    if problems:
        target.unlink(missing_ok=True)
        raise RuntimeError("The single-page book did not render cleanly:\n" + "\n".join(problems))
    return summary


def make_pdf() -> Path:
    """Build the single page and print it; return the PDF. Raises if either step fails."""
    target = pdf_path()
    target.unlink(missing_ok=True)  # never leave a stale PDF behind a failed run
    # The student edition on one page: built from its staged sources, so no instructor notes.
    single = editions.build(Edition.STUDENT, builder="singlehtml")
    summary = print_pdf(single, target)
    print(f"[pdf] {len(summary['chapters'])} chapters, {summary['live']} exercises with live links.", flush=True)
    print(f"[pdf] Wrote {target}", flush=True)
    return target


def main(argv: list[str]) -> None:
    argparse.ArgumentParser(prog="course.py pdf", description=__doc__.split("\n", 1)[0]).parse_args(argv)
    try:
        make_pdf()
    except RuntimeError as error:  # a failed build (editions.BuildFailed) or a page that did not render
        sys.exit(f"[pdf] {error}")


if __name__ == "__main__":
    main(sys.argv[1:])
