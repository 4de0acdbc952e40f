"""The built HTML, read without a browser: internal links and anchors resolve, nothing is
loaded from another host, and every image (widget charts included) has meaningful alt text.
`tools/course.py test` builds the site first; without a build these tests skip (fail on CI).
"""

from __future__ import annotations

import functools
import os
import posixpath
import re
from html.parser import HTMLParser
from urllib.parse import unquote, urlsplit

import book_polish  # the book's extension (assets/sphinx)
import pytest

from tools import sitekit

pytestmark = pytest.mark.book

HTML = sitekit.HTML
# The reader-facing pages: every page in the TOC, plus the pages Sphinx adds around them.
PAGES = sitekit.toc_pages() + ["index.html", "search.html", "genindex.html"]
GENERIC_ALT = {"image", "img", "chart", "figure", "fig", "plot", "graph", "picture", "photo", "screenshot", "icon"}
LOADS = {("script", "src"), ("link", "href"), ("img", "src"), ("source", "src"), ("iframe", "src"), ("video", "src"),
         ("audio", "src")}


@pytest.fixture(scope="module", autouse=True)
def built_site():
    if not (HTML / "index.html").exists():
        if os.environ.get("CI") == "true":
            pytest.fail("the book is not built (CI=true)")
        pytest.skip("build the book first: python3.11 tools/course.py build")


class PageParser(HTMLParser):
    """Collects the ids, links, loaded resources and images of one HTML page."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.ids: set[str] = set()
        self.links: list[str] = []
        self.loads: list[tuple[str, str]] = []
        self.images: list[dict[str, str | None]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        for key in ("id", "name") if tag == "a" else ("id",):
            if values.get(key):
                self.ids.add(values[key])
        if tag == "a" and values.get("href") is not None:
            self.links.append(values["href"])
        for element, attribute in LOADS:
            if tag == element and values.get(attribute) and not (tag == "link" and values.get("rel") in {"canonical"}):
                self.loads.append((tag, values[attribute]))
        if tag == "link" and values.get("href"):
            self.links.append(values["href"])
        if tag == "img":
            self.images.append(values)


@functools.cache
def parse(page: str) -> PageParser:
    parser = PageParser()
    parser.feed((HTML / page).read_text(encoding="utf-8"))
    return parser


def is_external(url: str) -> bool:
    parts = urlsplit(url)
    return bool(parts.scheme or parts.netloc)


def resolve(page: str, url: str) -> tuple[str, str]:
    """The site-relative file and the fragment that ``url`` on ``page`` points to."""
    parts = urlsplit(url)
    path = unquote(parts.path)
    if not path:
        target = page
    else:
        target = posixpath.normpath(posixpath.join(posixpath.dirname(page), path))
        if path.endswith("/") or (HTML / target).is_dir():
            target = posixpath.join(target, "index.html")
    return target, unquote(parts.fragment)


def widget_html_values(page: str) -> list[str]:
    """The HTML of every widget saved on the page (charts are <img> tags inside it)."""
    state = sitekit.widget_state(page) or {"state": {}}
    return [value for model in state["state"].values()
            if isinstance(value := model.get("state", {}).get("value"), str) and "<" in value]


def alt_problem(image: dict[str, str | None]) -> str | None:
    alt = image.get("alt")
    if alt is None:
        return "no alt attribute"
    if not alt.strip():
        decorative = image.get("aria-hidden") == "true" or image.get("role") in {"presentation", "none"}
        return None if decorative else "empty alt on an image that is not marked decorative"
    text = alt.strip()
    src = (image.get("src") or "")[:80]
    if text.lower().strip(".") in GENERIC_ALT or re.search(r"\.(png|jpe?g|gif|svg|webp)$", text, re.I) or text in src:
        return f"alt {text!r} does not describe the image"
    # Figures and charts must say what they show; a logo beside its own name may be brief.
    figure = "pm-chart" in (image.get("class") or "") or src.startswith("data:") or "_images/" in src
    if len(text.split()) < (4 if figure else 2):
        return f"alt {text!r} is too short to say what the image shows"
    return None


@pytest.mark.parametrize("page", PAGES)
def test_internal_links_and_anchors_resolve(page):
    parser = parse(page)
    broken = []
    for url in parser.links:
        if is_external(url) or url.startswith(("mailto:", "javascript:", "data:")) or url in {"", "#"}:
            continue
        target, fragment = resolve(page, url)
        if not (HTML / target).is_file():
            broken.append(f"{url} -> missing file {target}")
        elif fragment and target.endswith(".html") and fragment not in parse(target).ids:
            broken.append(f"{url} -> no id {fragment!r} in {target}")
    assert not broken, f"{page}: broken internal links:\n" + "\n".join(broken)


@pytest.mark.parametrize("page", PAGES)
def test_page_loads_nothing_from_another_host(page):
    external = [f"<{tag}> {url}" for tag, url in parse(page).loads if is_external(url) and not url.startswith("data:")]
    assert not external, f"{page} loads from another host: {external}"
    missing = [url for _tag, url in parse(page).loads
               if not is_external(url) and not (HTML / resolve(page, url)[0]).is_file()]
    assert not missing, f"{page} loads files that are not in the build: {missing}"


@pytest.mark.parametrize("page", PAGES)
def test_every_image_has_meaningful_alt_text(page):
    parser = parse(page)
    images = list(parser.images)
    for value in widget_html_values(page):
        inner = PageParser()
        inner.feed(value)
        images += inner.images
    problems = [f"{(image.get('src') or '')[:60]}: {problem}" for image in images if (problem := alt_problem(image))]
    assert not problems, f"{page}: " + "\n".join(problems)


def test_widget_pages_have_charts_with_alt_text():
    """The check above must see the charts inside saved widget state, or it proves nothing."""
    charts = [
        value for page in sitekit.toc_pages() for value in widget_html_values(page)
        if 'class="pm-chart"' in value
    ]
    widget_pages = [p for p in sitekit.toc_pages() if sitekit.widget_state(p)]
    if not widget_pages:
        pytest.skip("no page holds widget state")
    assert charts, "no pm-chart <img> found inside the saved widget state"


@pytest.mark.parametrize(
    "image, ok",
    [
        ({"src": "a.png", "alt": "Profit rises from -2,000 at zero customers to 2,000 at 350."}, True),
        ({"src": "a.png"}, False),
        ({"src": "a.png", "alt": ""}, False),
        ({"src": "a.png", "alt": "", "aria-hidden": "true"}, True),
        ({"src": "../_images/a.png", "alt": "../_images/a.png"}, False),
        ({"src": "a.png", "alt": "Chart"}, False),
        ({"src": "a.png", "alt": "Profit"}, False),
        ({"src": "logo.svg", "alt": "Binder logo"}, True),
        ({"src": "../_images/a.png", "class": "x", "alt": "Profit chart"}, False),
        ({"src": "data:image/png;base64,AAA", "class": "pm-chart", "alt": "Profit rises with customers"}, True),
    ],
)
def test_alt_text_rule(image, ok):
    assert (alt_problem(image) is None) is ok


@pytest.mark.parametrize(
    "page, url, expected",
    [
        ("chapters/a.html", "b.html#x", ("chapters/b.html", "x")),
        ("chapters/a.html", "../index.html", ("index.html", "")),
        ("chapters/a.html", "#top", ("chapters/a.html", "top")),
        ("chapters/a.html", "../_static/x.css?v=1", ("_static/x.css", "")),
        ("index.html", "chapters/a%20b.html", ("chapters/a b.html", "")),
    ],
)
def test_link_resolution_rule(page, url, expected):
    assert resolve(page, url) == expected


@pytest.mark.parametrize("page", sitekit.toc_pages())
def test_the_widget_bundle_is_referenced_only_where_widgets_are_saved(page):
    text = (HTML / page).read_text(encoding="utf-8")
    has_state = sitekit.widget_state(page) is not None
    bundle = re.findall(r'<script[^>]*src="[^"]*jupyter-widgets/embed\.js[^"]*"[^>]*>', text)
    assert len(bundle) == (1 if has_state else 0), f"{page}: {bundle}"
    # Loaded on demand by book-polish.js (see assets/sphinx/book_polish.py), never by a CDN's require.js.
    assert all('type="text/x-pm-lazy-widgets"' in tag for tag in bundle), bundle
    if bundle:  # book-polish.js is told the types it looks for
        (polish,) = re.findall(r'<script[^>]*src="[^"]*book-polish\.js[^"]*"[^>]*>', text)
        assert 'data-lazy-type="text/x-pm-lazy-widgets"' in polish
        assert 'data-state-type="text/x-pm-widget-state"' in polish
    assert "require.js" not in text and "requirejs" not in text.lower()


@pytest.mark.parametrize("page", sitekit.toc_pages())
def test_the_saved_widget_state_is_a_file_beside_the_page(page):
    """The state (a large JSON holding the previews' charts) in <head> held up the first paint on phones."""
    text = (HTML / page).read_text(encoding="utf-8")
    assert "application/vnd.jupyter.widget-state+json" not in text.split("<body")[0], f"{page}: state in <head>"
    links = re.findall(r'<script type="text/x-pm-widget-state" data-src="([^"?]+)\?v=\w+"></script>', text)
    assert len(links) <= 1, f"{page}: {links}"
    if links:
        assert text.index('<script type="text/x-pm-widget-state" data-src') > text.index("<main"), page
        assert (HTML / page).parent.joinpath(links[0]).resolve().is_relative_to(HTML / "_static" / "widget-state")
        assert sitekit.widget_state(page)["state"], f"{page}: an empty saved state"


@pytest.mark.parametrize("page", sitekit.toc_pages())
def test_only_stylesheets_the_first_paint_needs_block_it(page):
    text = (HTML / page).read_text(encoding="utf-8")
    head = text.split("<body")[0]
    late = re.findall(r'<link media="print" onload="this.media=&#x27;all&#x27;"[^>]* href="([^"?]+)', head)
    assert late and all(url.endswith(book_polish.LATE_STYLESHEETS) for url in late), late
    # Until icon-fonts.css applies, the theme's full icon fonts would load; folded content would jump.
    assert not any(url.endswith(("icon-fonts.css", "togglebutton.css", "pydata-sphinx-theme.css")) for url in late)
    noscript = re.search(r"<noscript>((?:<link [^>]+>)+)</noscript>", text)
    assert noscript and sorted(re.findall(r'href="([^"]+)"', noscript[1])) == sorted(late), "no copies without JS"
