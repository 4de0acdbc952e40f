"""The built book as readers meet it, in a real browser (Playwright driving the system's Chromium).

For every page in `_toc.yml`: it loads with no console error, no failed or external request;
saved widgets render; axe-core finds no serious or critical problem in light or dark mode;
every widget control has an accessible name and is reached with the Tab key.
`tools/course.py test` builds the site first. Without a browser these tests skip (fail on CI).
A failing test saves a screenshot of its page under `_build/test-screenshots/`.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import re
import shutil
from collections.abc import Iterator

import pytest

from browsers import unavailable
from tools import ROOT, sitekit

pytestmark = pytest.mark.book

AXE = ROOT / "tests" / "vendor" / "axe-core"
AXE_VERSION = "4.14.1"
SCREENSHOTS = ROOT / "_build" / "test-screenshots"
PAGES = sitekit.toc_pages()
WIDGET_VIEW = "application/vnd.jupyter.widget-view+json"
CONTROLS = "input, select, textarea, button, [role=slider], [role=radio], [role=checkbox], [role=listbox]"
# Warnings we cannot fix at the source, each with its reason. Errors are never allowed.
KNOWN_WARNINGS = {
    # The vendored html-manager bundle compiles its state schema with Ajv in strict mode once
    # per page; the schema is the bundle's own and the state validates.
    "strict mode: use allowUnionTypes to allow union type keyword",
}


def is_widget_page(page: str) -> bool:
    path = sitekit.HTML / page
    return path.exists() and WIDGET_VIEW in path.read_text(encoding="utf-8")


# Pages with saved widgets (a skipped placeholder when the book is not built).
WIDGET_PAGES = [p for p in PAGES if is_widget_page(p)] or [pytest.param("none", marks=pytest.mark.skip)]


@pytest.fixture(scope="session")
def site() -> Iterator[str]:
    shutil.rmtree(SCREENSHOTS, ignore_errors=True)  # only this run's failures
    if not (sitekit.HTML / "index.html").exists():
        unavailable("build the book first: python3.11 tools/course.py build")
    with sitekit.serve(sitekit.HTML) as base:
        yield base


class Visit:
    """One page opened in a fresh browser context, with everything it logged and requested."""

    def __init__(self, browser, base: str, theme: str | None = None, width: int = 1280):
        self.base = base
        self.console: list[str] = []
        self.errors: list[str] = []
        self.failed: list[str] = []
        self.external: list[str] = []
        self.context = browser.new_context(service_workers="block", color_scheme=theme or "no-preference",
                                           viewport={"width": width, "height": 900})
        if theme:  # else a first visit: the theme picks its default
            # The pydata theme reads the reader's choice from localStorage before it paints.
            self.context.add_init_script(
                f"localStorage.setItem('theme', '{theme}'); localStorage.setItem('mode', '{theme}');")
        self.context.route("**/*", sitekit.only_this_host(base, self.external))
        self.page = self.context.new_page()
        self.page.on("console", self._console)
        self.page.on("pageerror", lambda error: self.errors.append(str(error)))
        self.page.on("requestfailed", lambda request: self.failed.append(f"{request.url} ({request.failure})"))
        self.page.on("response", self._response)

    def _console(self, message) -> None:
        known = message.type == "warning" and any(text in message.text for text in KNOWN_WARNINGS)
        if message.type in {"error", "warning"} and not known:
            self.console.append(f"{message.type}: {message.text} @ {message.location.get('url', '')}")

    def _response(self, response) -> None:
        if response.status >= 400:
            self.failed.append(f"{response.url} (HTTP {response.status})")

    def open(self, page: str, *, wait_widgets: bool = True):
        response = self.page.goto(self.base + page, wait_until="load")
        if wait_widgets and is_widget_page(page):
            # As a reader does: scroll to the first exercise; the widget bundle loads on approach.
            self.page.locator(f'.cell_output:has(script[type="{WIDGET_VIEW}"])').first.scroll_into_view_if_needed()
            self.page.wait_for_function(
                f"""() => document.querySelectorAll('.widget-subarea > *').length
                         >= document.querySelectorAll('script[type="{WIDGET_VIEW}"]').length""",
                timeout=20_000,
            )
            chart = self.page.locator("img.pm-chart").first
            chart.wait_for(state="attached", timeout=20_000)
            chart.scroll_into_view_if_needed()
            self.page.wait_for_function("() => [...document.images].every(i => i.complete)")
        return response

    def close(self) -> None:
        self.context.close()


@pytest.fixture
def visit(chromium, site, request) -> Iterator[callable]:
    """Open pages; on failure, screenshot each under _build/test-screenshots/."""
    visits: list[Visit] = []

    def make(theme: str | None = None, width: int = 1280) -> Visit:
        visits.append(Visit(chromium, site, theme, width))
        return visits[-1]

    yield make
    failed = getattr(request.node, "rep_call", None) is None or request.node.rep_call.failed
    for number, one in enumerate(visits):
        if failed:
            SCREENSHOTS.mkdir(parents=True, exist_ok=True)
            name = re.sub(r"[^A-Za-z0-9_.-]+", "_", request.node.name)
            with contextlib.suppress(Exception):
                one.page.screenshot(path=str(SCREENSHOTS / f"{name}-{number}.png"), full_page=True)
        one.close()


def inject_axe(page) -> None:
    page.add_script_tag(path=str(AXE / "axe.min.js"))


def axe_problems(page) -> list[str]:
    inject_axe(page)
    results = page.evaluate("async () => (await axe.run(document, {resultTypes: ['violations']})).violations")
    return [
        f"{v['impact']}: {v['id']} ({v['help']}) at "
        + "; ".join(f"{n['target']}: {n['failureSummary']}" for n in v["nodes"][:5])
        for v in results
        if v["impact"] in {"serious", "critical"}
    ]


# ---- the tests ---------------------------------------------------------------------------

def test_the_vendored_axe_core_matches_its_checksums():
    for line in (AXE / "SHA256SUMS").read_text().splitlines():
        digest, name = line.split()
        assert hashlib.sha256((AXE / name).read_bytes()).hexdigest() == digest, name
    assert f"axe v{AXE_VERSION}" in (AXE / "axe.min.js").read_text(encoding="utf-8")[:300]


@pytest.mark.parametrize("page", PAGES)
def test_page_loads_cleanly_and_self_contained(visit, page):
    one = visit()
    response = one.open(page)
    assert response is not None and response.status == 200, f"{page}: HTTP {response and response.status}"
    one.page.wait_for_timeout(300)  # late console messages (theme switcher, widget manager)
    assert not one.external, f"{page} asked another host for: {one.external}"
    assert not one.failed, f"{page}: failed requests: {one.failed}"
    assert not one.errors, f"{page}: page errors: {one.errors}"
    assert not one.console, f"{page}: console errors or warnings: {one.console}"


@pytest.mark.parametrize("page", WIDGET_PAGES)
def test_on_a_390_px_phone_every_box_fits_with_no_scrolling(visit, page):
    """A label beside its box (14em + 24em) is wider than a phone: the box must still fit its output area,
    inside its own widget (or it would cover what comes next)."""
    one = visit(width=390)
    one.open(page)
    outside = one.page.evaluate("""() => [...document.querySelectorAll(
            '.jupyter-widgets input[type=text], .jupyter-widgets textarea, .jupyter-widgets select')]
        .filter(box => box.offsetParent !== null)
        .filter(box => {
            const shown = box.getBoundingClientRect(), area = box.closest('.cell_output').getBoundingClientRect();
            const own = box.closest('.widget-inline-hbox').getBoundingClientRect();  // a box spilling out of it
            return shown.right > area.right + 1 || shown.left < area.left - 1 || shown.bottom > own.bottom + 1;
        })
        .map(box => box.closest('.widget-inline-hbox').querySelector('.widget-label').textContent)""")
    assert not outside, f"{page}: at 390 px these boxes run past their output area or their widget: {outside}"


@pytest.mark.parametrize("page", WIDGET_PAGES)
def test_widgets_render_their_saved_state(visit, page):
    one = visit()
    one.open(page)
    views = one.page.locator(f'script[type="{WIDGET_VIEW}"]').count()
    rendered = one.page.locator(".widget-subarea > .jupyter-widgets").count()
    assert views and rendered >= views, f"{page}: {views} saved widget views but {rendered} rendered"
    chart = one.page.locator("img.pm-chart").first
    assert chart.is_visible()
    assert chart.evaluate("img => img.complete && img.naturalWidth") > 0, f"{page}: the first chart did not load"
    state = json.loads(one.page.locator('script[type="application/vnd.jupyter.widget-state+json"]').text_content())
    saved_text = {
        m["state"].get("value") for m in state["state"].values()
        if m["model_name"] in {"TextModel", "TextareaModel", "ComboboxModel"}
    }
    shown = one.page.eval_on_selector_all(".jupyter-widgets input[type=text], .jupyter-widgets textarea",
                                          "els => els.map(e => e.value)")
    assert shown, f"{page}: no text box rendered"
    assert set(shown) <= saved_text, f"{page}: text boxes show {shown}, the saved state holds {saved_text}"


@pytest.mark.parametrize("page", WIDGET_PAGES)
def test_widget_bundle_loads_only_when_a_widget_nears_the_screen(visit, page):
    one = visit()
    bundle: list[str] = []
    one.page.on("request", lambda request: bundle.append(request.url) if "embed.js" in request.url else None)
    one.open(page, wait_widgets=False)
    one.page.wait_for_timeout(500)
    distance = one.page.evaluate(
        f"""() => document.querySelector('script[type="{WIDGET_VIEW}"]').parentElement.getBoundingClientRect().top
                 - window.innerHeight"""
    )
    if distance > 1500:  # the loader starts 1200 px ahead of the reader
        assert not bundle, f"{page}: the widget bundle loaded although no widget is near"
    one.open(page)  # scrolls to the first widget and waits for its chart
    assert len(bundle) == 1, bundle
    assert not one.errors and not one.failed and not one.console, (one.errors, one.failed, one.console)


@pytest.mark.parametrize("theme", ["light", "dark"])
@pytest.mark.parametrize("page", PAGES)
def test_no_serious_accessibility_problems(visit, page, theme):
    one = visit(theme)
    one.open(page)
    assert one.page.evaluate("document.documentElement.dataset.theme") == theme
    problems = axe_problems(one.page)
    assert not problems, f"{page} ({theme}): " + "\n".join(problems)


@pytest.mark.parametrize("page", WIDGET_PAGES)
def test_widget_controls_have_names_and_take_the_keyboard(visit, page):
    one = visit()
    one.open(page)
    inject_axe(one.page)
    controls = one.page.evaluate(
        """(selector) => {
            axe.setup(document);
            const name = el => axe.commons.text.accessibleTextVirtual(axe.utils.getNodeFromTree(el)).trim();
            const found = [...document.querySelectorAll('.jupyter-widgets')]
                .flatMap(w => [...w.querySelectorAll(selector)]);
            const unique = [...new Set(found)].filter(el => el.getClientRects().length && !el.closest('[hidden]'));
            const controls = unique.map((el, i) => {
                el.dataset.pmControl = String(i);
                // A radio group is one Tab stop (arrow keys move inside it): the group is the unit.
                const group = el.type === 'radio' ? el.closest('.widget-radio-box') : null;
                const groups = [...document.querySelectorAll('.widget-radio-box')];
                return {i, tag: el.tagName, type: el.type || '', name: name(el), tab: el.tabIndex,
                        disabled: !!el.disabled, group: group ? 'radio-' + groups.indexOf(group) : String(i)};
            });
            axe.teardown();
            return controls;
        }""",
        CONTROLS,
    )
    assert controls, f"{page}: no widget controls found"
    unnamed = [c for c in controls if not c["name"]]
    assert not unnamed, f"{page}: controls without an accessible name: {unnamed}"
    enabled = {c["i"] for c in controls if not c["disabled"]}
    not_focusable = [c for c in controls if c["i"] in enabled and c["tab"] < 0 and c["type"] != "radio"]
    assert not not_focusable, f"{page}: not focusable: {not_focusable}"
    focusable = one.page.evaluate(
        "() => [...document.querySelectorAll('a[href], button, input, select, textarea, [tabindex]')]"
        ".filter(e => e.tabIndex >= 0).length"
    )
    reached: set[int] = set()
    one.page.locator("body").focus()
    for _ in range(focusable + 5):
        one.page.keyboard.press("Tab")
        marker = one.page.evaluate("document.activeElement && document.activeElement.dataset.pmControl")
        if marker is not None:
            reached.add(int(marker))
    reached_groups = {c["group"] for c in controls if c["i"] in reached}
    missed = [c for c in controls if c["i"] in enabled and c["group"] not in reached_groups]
    assert not missed, f"{page}: the Tab key never reaches {missed}"


def test_search_finds_a_glossary_word(visit):
    one = visit()
    one.open("search.html?q=stakeholder", wait_widgets=False)
    results = one.page.locator("#search-results ul.search li")
    results.first.wait_for(timeout=15_000)
    assert results.count() >= 1
    assert not one.external and not one.failed and not one.errors, (one.external, one.failed, one.errors)


CHAPTER_PAGES = [page for page in PAGES if re.match(r"chapters/\d\d-", page)]


@pytest.mark.parametrize("page", CHAPTER_PAGES)
def test_the_scored_check_scores_answers_with_no_kernel(visit, page):
    """A reader answers the first question of the chapter's check with the keyboard and is scored."""
    from exercises.kit.checks import check, score

    bank = check(int(page.split("/")[1][:2]))
    one = visit()
    one.open(page, wait_widgets=False)
    form = one.page.locator("form.pm-check")
    form.scroll_into_view_if_needed()
    first = bank.questions[0]
    if first.kind == "numeric":
        form.locator("input[type=text]").first.fill(str(first.answer))
        answers = {first.id: first.answer}
    else:
        right = [i for i, option in enumerate(first.options) if option.correct]
        for index in right[:1] if first.kind == "single" else right:
            form.locator(f'input[name="{bank.id}-{first.id}"][value="{index}"]').check()
        answers = {first.id: right[0] if first.kind == "single" else right}
    form.get_by_role("button", name="Check my answers").press("Enter")
    expected = score(bank, answers).score
    summary = form.locator(".pm-check-score")
    assert summary.inner_text().startswith(f"Score: {expected} of {bank.max_score}")
    assert expected == 1
    feedback = form.locator(f"#{bank.id}-{first.id}-feedback").inner_text()
    if first.kind == "multiple":  # one line per chosen option, and none for a right option left out
        assert "You left out" not in feedback and feedback.count("\u201c") == len(right)
    else:
        assert feedback.startswith("Right")
    assert form.get_by_role("button", name="Try again").is_visible()
    assert not one.external and not one.failed and not one.errors, (one.external, one.failed, one.errors)
