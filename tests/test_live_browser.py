"""Run live in a real browser: every exercise of the registry starts, responds, saves, and stays accessible.

The built site is served locally and every request to another host is blocked (and recorded).
One browser context serves the module, so the runtime comes from the browser's cache after the
first start, as it does for a reader moving through the book. Without a browser or a built site
with its runtime these tests skip (on CI they fail). Run `python3.11 tools/course.py build` first.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from browsers import unavailable
from exercises import registry
from exercises.feasibility.model import FIELDS
from exercises.kit.savework import validate_record
from test_site_browser import KNOWN_WARNINGS, axe_problems
from tools import livepage, sitekit

pytestmark = pytest.mark.book

RUNTIME_JSON = sitekit.HTML / "_static" / "live" / "runtime.json"
EXERCISES = [entry.id for entry in registry.WIDGETS]
PAGES = sorted({f"chapters/{entry.chapter}.html" for entry in registry.WIDGETS})
WILLING, PRICE = FIELDS["willingness_to_pay"].label, FIELDS["price"].label  # the calculator's text boxes


def page_of(exercise_id: str) -> str:
    return f"chapters/{registry.exercise(exercise_id).chapter}.html"


@pytest.fixture(scope="module")
def site() -> Iterator[str]:
    if not RUNTIME_JSON.exists():
        unavailable("build the book with its in-page runtime first: python3.11 tools/course.py build")
    with sitekit.serve(sitekit.HTML) as base:
        yield base


@pytest.fixture(scope="module")
def context(site, chromium) -> Iterator[object]:
    context = chromium.new_context(service_workers="block", accept_downloads=True)
    yield context
    context.close()


class Tab:
    """One page of the shared context, with what it asked other hosts for and what it logged."""

    def __init__(self, context, base: str, *, theme: str | None = None, width: int = 1200):
        self.base = base
        self.external: list[str] = []
        self.problems: list[str] = []
        self.requests: list[str] = []
        self.page = context.new_page()
        self.page.set_viewport_size({"width": width, "height": 900})
        if theme:
            self.page.add_init_script(
                f"localStorage.setItem('theme', '{theme}'); localStorage.setItem('mode', '{theme}');")
            self.page.emulate_media(color_scheme=theme)
        self.page.route("**/*", sitekit.only_this_host(base, self.external))
        self.page.on("request", lambda request: self.requests.append(request.url))
        self.page.on("console", self._console)
        self.page.on("pageerror", lambda error: self.problems.append(f"page error: {error}"))

    def _console(self, message) -> None:
        known = any(text in message.text for text in KNOWN_WARNINGS)
        if message.type in {"error", "warning"} and not known:
            self.problems.append(f"{message.type}: {message.text}")

    def open(self, page: str) -> None:
        self.page.goto(self.base + page, wait_until="load")
        self.page.evaluate("() => Object.keys(localStorage).filter(k => k.startsWith('pm-live'))"
                           ".forEach(k => localStorage.removeItem(k))")

    def go_live(self, exercise_id: str) -> livepage.Started:
        started = livepage.start(self.page, exercise_id)
        assert started.live, f"{exercise_id} did not go live: {started.status}"
        return started

    def bar(self, exercise_id: str):
        return self.page.locator(livepage.BAR.format(id=exercise_id))

    def area(self, exercise_id: str):
        return self.bar(exercise_id).locator("xpath=ancestor::div[contains(@class,'cell')][1]").locator(".pm-live-area")

    def assert_clean(self) -> None:
        assert not self.external, f"asked another host for: {self.external}"
        assert not self.problems, "\n".join(self.problems)


@pytest.fixture
def tab(context, site) -> Iterator[callable]:
    tabs: list[Tab] = []

    def make(**options) -> Tab:
        tabs.append(Tab(context, site, **options))
        return tabs[-1]

    yield make
    for one in tabs:
        one.page.close()


# ---- the tests ------------------------------------------------------------------------------

def test_every_exercise_has_one_run_live_bar_just_above_its_preview():
    if not RUNTIME_JSON.exists():
        unavailable("build the book with its in-page runtime first: python3.11 tools/course.py build")
    for entry in registry.WIDGETS:
        html = (sitekit.HTML / page_of(entry.id)).read_text(encoding="utf-8")
        bars = re.findall(rf'<div class="pm-live" data-exercise="{entry.id}"[^>]*>', html)
        assert len(bars) == 1, f"{entry.id}: {len(bars)} Run live bars on {page_of(entry.id)}"
        assert f"/blob/main/chapters/{entry.chapter}.ipynb" in bars[0], "the Colab link opens this chapter"
        after = html[html.index(bars[0]):]
        bar_end = after.index("</p></div>") + len("</p></div>")
        assert after[bar_end:].lstrip().startswith('<div class="cell_output'), "the preview follows the bar"
    config = json.loads(RUNTIME_JSON.read_text())
    assert config["pyodide"] == "pyodide/" and not re.search(r"https?://", json.dumps(config)), "self-hosted"


def test_nothing_loads_before_the_click(tab):
    one = tab()
    one.open(page_of("feasibility"))
    one.page.mouse.wheel(0, 20000)
    one.page.wait_for_timeout(1000)
    live = [url for url in one.requests if "/_static/live/" in url]
    assert live and all(re.search(r"/_static/live/live\.(js|css)(\?|$)", url) for url in live), live
    bar = one.bar("feasibility")
    assert bar.is_visible() and bar.get_by_role("button", name=re.compile("^Run live")).is_visible()
    one.assert_clean()


@pytest.mark.parametrize("exercise_id", EXERCISES)
def test_every_exercise_runs_live_and_responds_on_a_390_px_phone(tab, exercise_id):
    one = tab(width=390)
    one.open(page_of(exercise_id))
    button = one.bar(exercise_id).get_by_role("button", name=re.compile("^Run live"))
    assert button.is_visible() and button.get_attribute("type") == "button"
    one.go_live(exercise_id)
    cell = one.bar(exercise_id).locator("xpath=ancestor::div[contains(@class,'cell')][1]")
    assert cell.locator(".cell_output").is_hidden(), "the preview should give way to the live exercise"
    assert one.area(exercise_id).locator(".jupyter-widgets").first.is_visible()
    before = livepage.outputs(one.page, exercise_id)
    control = livepage.find_responsive_control(one.page, exercise_id)
    assert control is not None, f"{exercise_id}: no input changed what the exercise shows"
    assert livepage.outputs(one.page, exercise_id) != before
    bar_box = one.bar(exercise_id).bounding_box()
    assert bar_box["x"] >= 0 and bar_box["x"] + bar_box["width"] <= 390, bar_box
    overflow = one.page.evaluate("() => document.scrollingElement.scrollWidth - window.innerWidth")
    assert overflow <= 0, f"{exercise_id}: the page is {overflow} px wider than the phone"
    one.assert_clean()


def test_feasibility_says_not_feasible_when_willingness_to_pay_is_3(tab):
    one = tab()
    one.open(page_of("feasibility"))
    one.go_live("feasibility")
    area = one.area("feasibility")
    assert "Verdict: feasible" in area.text_content()
    willing = area.get_by_role("textbox", name=WILLING)
    willing.fill("3")
    willing.press("Enter")
    # Nobody buys at a price above what customers would pay: the verdict turns, and the message says why.
    area.get_by_text("Verdict: not feasible").wait_for(timeout=20_000)
    assert "nobody buys" in area.text_content()
    area.get_by_text("is above the willingness to pay (3)").wait_for(timeout=20_000)
    price = area.get_by_role("textbox", name=PRICE)
    price.fill("3")
    price.press("Enter")
    area.get_by_text("below the cost to serve one customer").wait_for(timeout=20_000)
    assert "Verdict: not feasible" in area.text_content()
    one.assert_clean()


def test_save_my_work_in_the_page_downloads_the_record_and_its_markdown(tab, tmp_path):
    one = tab()
    one.open(page_of("feasibility"))
    one.go_live("feasibility")
    area = one.area("feasibility")
    area.get_by_role("textbox", name=PRICE).fill("3")
    area.get_by_role("textbox", name=PRICE).press("Enter")
    area.get_by_role("textbox", name="Your name (optional)").fill("Ada Lovelace")
    area.get_by_role("textbox", name="Your name (optional)").press("Tab")
    downloads = []
    one.page.on("download", lambda download: downloads.append(download))
    area.get_by_role("button", name="Save my work").click()
    area.get_by_text("Downloaded by your browser").wait_for(timeout=20_000)
    one.page.wait_for_timeout(500)
    files = {d.suggested_filename: Path(d.path()).read_bytes() for d in downloads}
    names = sorted(files)
    assert len(names) == 2 and names[0].endswith(".json") and names[1].endswith(".md"), names
    assert re.fullmatch(r"feasibility_ada-lovelace_\d{8}T\d{6}Z\.json", names[0])
    record = validate_record(json.loads(files[names[0]]))  # what the gradebook checks
    assert record["exercise_id"] == "feasibility" and record["learner_name"] == "Ada Lovelace"
    assert record["inputs"]["price"] == 3 and record["results"]["verdict"] == "not feasible"
    assert files[names[1]].decode().startswith("# My work: Feasibility calculator")
    one.assert_clean()


def test_inputs_survive_a_reload_until_forgotten(tab):
    one = tab()
    one.open(page_of("feasibility"))
    one.go_live("feasibility")
    price = one.area("feasibility").get_by_role("textbox", name=PRICE)
    price.fill("7")
    price.press("Enter")
    one.page.wait_for_function("() => (localStorage.getItem('pm-live-inputs:feasibility') || '').includes('\"7\"')")
    one.page.reload(wait_until="load")
    forget = one.bar("feasibility").get_by_role("button", name=re.compile("^Forget my answers"))
    assert forget.is_visible(), "a visible Forget my answers control once answers are kept"
    one.go_live("feasibility")
    assert one.area("feasibility").get_by_role("textbox", name=PRICE).input_value() == "7"
    forget.click()
    one.bar("feasibility").get_by_text("Your answers are forgotten").wait_for(timeout=30_000)
    assert one.area("feasibility").get_by_role("textbox", name=PRICE).input_value() == f"{FIELDS['price'].default:g}"
    assert one.page.evaluate("() => localStorage.getItem('pm-live-inputs:feasibility')") is None
    one.assert_clean()


def test_one_runtime_per_page_and_a_second_exercise_starts_faster(tab):
    pair = next(([a.id, b.id] for a in registry.WIDGETS for b in registry.WIDGETS
                 if a.chapter == b.chapter and a.id < b.id), None)
    if pair is None:
        pytest.skip("no chapter has two exercises")
    one = tab()
    one.open(page_of(pair[0]))
    first = one.go_live(pair[0])
    second = one.go_live(pair[1])
    assert sum("/worker.js" in url for url in one.requests) == 1
    assert sum("pyodide.asm.wasm" in url for url in one.requests) == 1
    assert second.ms < first.ms, (first.ms, second.ms)
    one.assert_clean()


def test_a_failed_start_keeps_the_preview_and_offers_binder_and_colab(tab):
    one = tab()
    one.page.route("**/pyodide.asm.wasm", lambda route: route.abort())
    one.open(page_of("feasibility"))
    started = livepage.start(one.page, "feasibility", timeout_ms=60_000)
    assert not started.live and "could not start" in started.status
    bar = one.bar("feasibility")
    assert bar.get_by_role("link", name="Binder").get_attribute("href").startswith("https://mybinder.org/")
    assert bar.get_by_role("link", name="Colab").get_attribute("href").startswith("https://colab.research.google.com/")
    assert bar.locator("xpath=ancestor::div[contains(@class,'cell')][1]").locator(".cell_output").is_visible()
    assert bar.get_by_role("button", name=re.compile("^Run live")).is_enabled()


@pytest.mark.parametrize("theme", ["light", "dark"])
@pytest.mark.parametrize("page", PAGES)
def test_live_exercises_have_no_serious_accessibility_problems(tab, page, theme):
    one = tab(theme=theme)
    one.open(page)
    for entry in registry.WIDGETS:
        if page_of(entry.id) == page:
            one.go_live(entry.id)
    problems = axe_problems(one.page)
    assert not problems, f"{page} ({theme}, live): " + "\n".join(problems)


def test_keyboard_alone_starts_and_uses_an_exercise(tab):
    one = tab()
    one.open(page_of("feasibility"))
    run = one.bar("feasibility").get_by_role("button", name=re.compile("^Run live"))
    for _ in range(400):
        one.page.keyboard.press("Tab")
        if run.evaluate("el => el === document.activeElement"):
            break
    else:
        pytest.fail("the Tab key never reaches Run live")
    one.page.keyboard.press("Enter")
    one.page.wait_for_function("() => document.querySelector('.pm-live-on')", timeout=120_000)
    # Once live, the focus moves into the exercise (as soon as its first control is drawn).
    one.page.wait_for_function("() => document.activeElement.closest('.pm-live-area') !== null", timeout=5_000)
    price = one.area("feasibility").get_by_role("textbox", name=PRICE)
    for _ in range(30):
        if price.evaluate("el => el === document.activeElement"):
            break
        one.page.keyboard.press("Tab")
    one.page.keyboard.press("Control+A")
    one.page.keyboard.type("3")
    one.page.keyboard.press("Enter")
    one.area("feasibility").get_by_text("Verdict: not feasible").wait_for(timeout=20_000)
