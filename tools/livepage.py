"""Drive "Run live" in a Playwright page: start an exercise, change an input, time updates.

Shared by the browser tests (tests/test_live_browser.py) and the benchmark (tools/bench_live.py).
Nothing here knows a particular exercise: an input that changes the output is found by trying
the exercise's own controls (text boxes, menus, choices, then buttons other than the save panel's).
"""

from __future__ import annotations

import statistics
from dataclasses import dataclass

BAR = '.pm-live[data-exercise="{id}"]'

# In the page: resolves once the bar is live (or failed), with the milliseconds since the click.
_START = """async ([selector, timeout]) => {
  const bar = document.querySelector(selector);
  bar.scrollIntoView();
  const started = performance.now();
  bar.querySelector('.pm-live-run').click();
  while (!bar.classList.contains('pm-live-on') && !bar.classList.contains('pm-live-failed')) {
    if (performance.now() - started > timeout) return {ms: null, status: 'timed out: ' + bar.textContent};
    await new Promise(resolve => setTimeout(resolve, 20));
  }
  return {ms: performance.now() - started, status: bar.querySelector('.pm-live-status').textContent,
          live: bar.classList.contains('pm-live-on')};
}"""

# In the page: the live area of an exercise, and one change to one of its controls.
_HELPERS = """
window.pmLiveArea = (selector) => document.querySelector(selector).closest('.cell').querySelector('.pm-live-area');
window.pmOutputs = (area) => {  // the area's content without the state of its inputs
  const copy = area.cloneNode(true);
  copy.querySelectorAll('input, textarea, select').forEach(el => el.remove());
  return copy.innerHTML;
};
window.pmControls = (area) => {  // the exercise's own controls, without the save panel's
  const panels = [...area.querySelectorAll('.widget-vbox')]
    .filter(box => box.firstElementChild && box.firstElementChild.textContent.trim() === 'Save my work');
  const selector = 'input[type=text], input[type=number], textarea, select, ' +
    'input[type=checkbox], input[type=radio], button';
  return [...area.querySelectorAll(selector)]
    .filter(el => el.getClientRects().length && !el.disabled && !panels.some(panel => panel.contains(el)));
};
window.pmChange = (el, variant) => {  // variant 0 or 1: two different values for the same control
  if (el.tagName === 'SELECT') {  // variant 0: the next choice; variant 1: the one it had at first
    if (el.dataset.pmOriginal === undefined) el.dataset.pmOriginal = String(el.selectedIndex);
    const original = Number(el.dataset.pmOriginal);
    el.selectedIndex = variant ? original : (Math.max(original, 0) + 1) % el.options.length;  // -1: none yet
    el.dispatchEvent(new Event('change', {bubbles: true}));
  } else if (el.type === 'checkbox' || el.type === 'radio' || el.tagName === 'BUTTON') {
    el.click();
  } else {
    if (el.dataset.pmOriginal === undefined) el.dataset.pmOriginal = el.value;
    // A number moves by a tenth (it stays valid, so the charts redraw); other text becomes "3".
    const number = Number(el.dataset.pmOriginal.replace(/,/g, ''));
    const other = el.dataset.pmOriginal.trim() && isFinite(number) ? String(Math.round(number * 9) / 10) : '3';
    el.value = variant ? el.dataset.pmOriginal : (other === el.dataset.pmOriginal ? '4' : other);
    el.dispatchEvent(new Event('input', {bubbles: true}));
    el.dispatchEvent(new Event('change', {bubbles: true}));
    el.dispatchEvent(new KeyboardEvent('keydown', {key: 'Enter', bubbles: true}));
  }
};
// Change control `index` and resolve with ms until the outputs stop changing (null: they did not change).
window.pmTimeChange = (area, index, variant, quiet = 400, timeout = 15000) => new Promise(resolve => {
  const before = pmOutputs(area);
  let last = null;
  const observer = new MutationObserver(() => { if (pmOutputs(area) !== before) last = performance.now(); });
  observer.observe(area, {subtree: true, childList: true, attributes: true, characterData: true});
  const started = performance.now();
  pmChange(pmControls(area)[index], variant);
  const check = () => {
    const now = performance.now();
    if ((last !== null && now - last >= quiet) || now - started > timeout) {
      observer.disconnect();
      resolve(last === null ? null : last - started);
    } else setTimeout(check, 20);
  };
  setTimeout(check, 20);
});
true;  // (the value of this script: not a function, which Playwright would call)
"""


@dataclass
class Started:
    ms: float | None
    live: bool
    status: str


def start(page, exercise_id: str, timeout_ms: int = 120_000) -> Started:
    """Click the exercise's Run live button; wait until it is live or has failed."""
    result = page.evaluate(_START, [BAR.format(id=exercise_id), timeout_ms])
    return Started(result["ms"], bool(result.get("live")), result["status"])


def _ensure_helpers(page) -> None:
    if not page.evaluate("() => !!window.pmTimeChange"):
        page.evaluate(_HELPERS)


def find_responsive_control(page, exercise_id: str) -> int | None:
    """The index (among the exercise's controls) of the first one whose change changes the outputs.

    Kinds take turns (the first text box, the first menu, the first button, ..., then the second of
    each), so that a sorter's eighteen menus, which change nothing until checked, are not all tried first.
    """
    _ensure_helpers(page)
    area = f"pmLiveArea('{BAR.format(id=exercise_id)}')"
    kinds = page.evaluate(f"() => pmControls({area}).map(el => el.tagName + (el.type || ''))")
    groups: dict[str, list[int]] = {}
    for index, kind in enumerate(kinds):
        groups.setdefault(kind, []).append(index)
    order = [group[turn] for turn in range(max(map(len, groups.values()), default=0))
             for group in groups.values() if turn < len(group)]
    for index in order:  # a control that changes nothing within 3 s changes nothing
        if page.evaluate(f"() => pmTimeChange({area}, {index}, 0, 300, 3000)") is not None:
            return index
    return None


def time_updates(page, exercise_id: str, control: int, count: int = 30) -> list[float]:
    """Milliseconds from each change of ``control`` (alternating two values) to the last output change.

    Stops early when three changes in a row change nothing: the times so far are returned.
    """
    _ensure_helpers(page)
    area = f"pmLiveArea('{BAR.format(id=exercise_id)}')"
    # A button ("Check my answers") shows something new only if an answer changed since the last press:
    # answer every menu once, then before each timed press change the first other control (not timed).
    prepare = page.evaluate(f"""async () => {{
        const controls = pmControls({area});
        if (controls[{control}].tagName !== 'BUTTON') return -1;
        for (const [index, el] of controls.entries()) {{
            if (el.tagName === 'SELECT') await pmTimeChange({area}, index, 0, 100, 1000);
        }}
        return controls.findIndex(el => el.tagName !== 'BUTTON');
    }}""")
    times: list[float] = []
    unchanged = 0
    for i in range(1, count + 1):
        if prepare >= 0:
            page.evaluate(f"() => pmTimeChange({area}, {prepare}, {i % 2}, 250, 3000)")
        took = page.evaluate(f"() => pmTimeChange({area}, {control}, {i % 2}, 250, 5000)")
        unchanged = unchanged + 1 if took is None else 0
        if took is not None:
            times.append(took)
        if unchanged == 3:
            break
    return times


def outputs(page, exercise_id: str) -> str:
    _ensure_helpers(page)
    return page.evaluate(f"() => pmOutputs(pmLiveArea('{BAR.format(id=exercise_id)}'))")


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def summary(values: list[float]) -> str:
    if not values:
        return "no update observed"
    return f"median {statistics.median(values):.0f} ms, p95 {percentile(values, 0.95):.0f} ms (n={len(values)})"
