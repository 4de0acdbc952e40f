"""Shared pieces for checking the built book in a real browser: the pages, a local server, Chromium.

Used by the browser tests, the whole-book PDF, the external link check and the site benchmark.
Playwright drives the system's Chromium (Debian's /usr/bin/chromium); it never downloads one.
"""

from __future__ import annotations

import contextlib
import functools
import gzip
import html
import http.server
import io
import json
import os
import re
import shutil
import threading
from collections.abc import Callable, Iterator
from pathlib import Path

from tools import ROOT
from tools.booksource import toc_files

HTML = ROOT / "_build" / "html"
CHROMIUM_CANDIDATES = ("/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome")
# No background traffic of Chromium's own: every request a test sees comes from the page.
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def toc_pages() -> list[str]:
    """The built HTML page of every `_toc.yml` document, relative to the site root."""
    return [f"{name}.html" for name in toc_files()]


def widget_state(page: str, html_dir: Path = HTML) -> dict | None:
    """The saved widget state of a built page: the file it links to (html build), or inline (single page)."""
    text = (html_dir / page).read_text(encoding="utf-8")
    linked = re.search(r'<script type="[^"]+" data-src="([^"?]+)', text)  # book_polish.py's link to the file
    if linked:
        path = (html_dir / page).parent / html.unescape(linked[1])
        return json.loads(path.read_text(encoding="utf-8"))
    inline = re.search(r'<script type="application/vnd\.jupyter\.widget-state\+json">(.*?)</script>', text, re.S)
    return json.loads(inline[1]) if inline else None


def find_chromium() -> str | None:
    """The system Chromium, or None. COURSE_CHROMIUM overrides the search."""
    for candidate in (os.environ.get("COURSE_CHROMIUM"), *CHROMIUM_CANDIDATES, shutil.which("chromium")):
        if candidate and Path(candidate).exists():
            return candidate
    return None


def only_this_host(base: str, blocked: list[str]) -> Callable[[object], None]:
    """A Playwright route handler: requests under ``base`` go through; any other is aborted and its
    URL appended to ``blocked`` (the site must need no other host)."""

    def route(route) -> None:
        if route.request.url.startswith(base):
            route.continue_()
        else:
            blocked.append(route.request.url)
            route.abort()

    return route


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


class _GzipHandler(_QuietHandler):
    """Like a real static host: text files gzipped for browsers that accept it, cached for a day."""

    TEXT = {".html", ".css", ".js", ".json", ".svg", ".txt", ".map", ".ttf"}

    def gzipped(self, path: Path) -> bytes:
        """The body sent for ``path``: its bytes, gzipped."""
        return gzip.compress(path.read_bytes(), 6)

    def send_head(self):
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path = path / "index.html"
        if path.suffix not in self.TEXT or "gzip" not in self.headers.get("Accept-Encoding", "") or not path.is_file():
            return super().send_head()
        body = self.gzipped(path)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "max-age=86400")
        self.end_headers()
        return io.BytesIO(body)


@contextlib.contextmanager
def serve(directory: Path = HTML, *, like_a_host: bool = False) -> Iterator[str]:
    """Serve ``directory`` on a free port of 127.0.0.1 in a background thread; yields the base URL.

    ``like_a_host``: gzip and cache headers, as GitHub Pages and other static hosts send (benchmarks).
    """
    handler = functools.partial(_GzipHandler if like_a_host else _QuietHandler, directory=str(directory))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


@contextlib.contextmanager
def browser() -> Iterator[object]:
    """A headless Chromium through Playwright (raises RuntimeError if there is none)."""
    from playwright.sync_api import sync_playwright

    executable = find_chromium()
    if executable is None:
        raise RuntimeError("No Chromium found (looked for /usr/bin/chromium); on Debian: apt-get install chromium")
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS, headless=True)
        try:
            yield chromium
        finally:
            chromium.close()
