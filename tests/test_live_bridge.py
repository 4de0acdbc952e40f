"""The Python half of Run live (assets/live/python/pm_live.py), driven as the page drives it.

The page's messages are fed to the bridge; what it posts back is recorded. These tests run on
CPython and, through tools/pyodide_tests.py, inside Pyodide as in the reader's browser.
"""

from __future__ import annotations

import importlib.util
import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from exercises.kit import savework

ROOT = Path(__file__).resolve().parent.parent
_spec = importlib.util.spec_from_file_location("pm_live", ROOT / "assets" / "live" / "python" / "pm_live.py")
pm_live = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(pm_live)


class Page:
    """The page's end: sends messages to the bridge and keeps what the bridge posts."""

    def __init__(self) -> None:
        self.posted: list[tuple[str, dict, list[bytes]]] = []
        self.bridge = pm_live.Bridge(
            lambda kind, text, buffers: self.posted.append((kind, json.loads(text), list(buffers))))
        self.sent = 0

    def send(self, kind: str, **payload: object) -> str:
        self.sent += 1
        msg_id = f"page-{self.sent}"
        self.bridge.handle(kind, json.dumps({"msg_id": msg_id, **payload}), [])
        return msg_id

    def of_kind(self, kind: str) -> list[dict]:
        return [payload for posted_kind, payload, _ in self.posted if posted_kind == kind]

    def update(self, widget: object, **state: object) -> str:
        data = {"method": "update", "state": state, "buffer_paths": []}
        return self.send("comm_msg", comm_id=widget.model_id, data=data)


@pytest.fixture
def page() -> Iterator[Page]:
    yield Page()
    savework.after_save = None


@pytest.fixture
def calculator(page: Page):
    page.send("show", exercise="feasibility")
    return page.bridge.views["feasibility"]


def test_showing_an_exercise_opens_every_widget_before_naming_its_root(page, calculator):
    kinds = [kind for kind, _, _ in page.posted]
    assert kinds.index("shown") > max(i for i, kind in enumerate(kinds) if kind == "comm_open")
    opened = {payload["comm_id"]: payload for payload in page.of_kind("comm_open")}
    root = page.of_kind("shown")[0]["model_id"]
    assert root == calculator.root.model_id and root in opened
    assert opened[root]["target_name"] == "jupyter.widget"
    assert opened[root]["metadata"]["version"].startswith("2.")
    assert opened[root]["data"]["state"]["_model_name"] == "VBoxModel"


def path_of(view, name: str) -> str:
    """Where the control ``name`` sits in the view's widget tree, as the bridge remembers it."""
    return next(path for path, widget in pm_live.input_widgets(view.root) if widget is view.controls[name])


def test_a_change_in_the_page_computes_updates_the_outputs_and_is_remembered(page, calculator):
    page.posted.clear()
    msg_id = page.update(calculator.controls["price"], value="3")
    assert "not feasible" in calculator.outputs["results"].value
    results_id = calculator.outputs["results"].model_id
    sent = [p for p in page.of_kind("comm_msg") if p["comm_id"] == results_id]
    assert sent and "not feasible" in sent[-1]["data"]["state"]["value"]
    remembered = {p["path"]: p for p in page.of_kind("remember")}
    price = path_of(calculator, "price")
    expected = {"exercise": "feasibility", "path": price, "widget": "Text", "key": "value", "value": "3"}
    assert remembered[price] == expected
    assert page.posted[-1] == ("idle", {"msg_id": msg_id}, [])


def test_remembered_inputs_come_back_and_ones_that_no_longer_fit_are_ignored(page, calculator):
    inputs = {
        path_of(calculator, "price"): {"widget": "Text", "key": "value", "value": "3"},
        path_of(calculator, "variable_cost"): {"widget": "Dropdown", "key": "index", "value": 2},  # not what is there
        path_of(calculator, "swing"): {"widget": "IntSlider", "key": "value", "value": "not a number"},
    }
    page.send("show", exercise="feasibility", inputs=inputs)
    view = page.bridge.views["feasibility"]
    assert view is not calculator and view.controls["price"].value == "3"
    assert "not feasible" in view.outputs["results"].value
    assert view.controls["variable_cost"].value == calculator.controls["variable_cost"].value
    assert view.controls["swing"].value == calculator.controls["swing"].value
    assert not page.of_kind("error")


def test_forget_starts_the_exercise_afresh(page, calculator):
    page.update(calculator.controls["price"], value="3")
    page.send("forget", exercise="feasibility")
    fresh = page.bridge.views["feasibility"]
    assert fresh is not calculator and fresh.controls["price"].value == "15"
    assert page.of_kind("shown")[-1]["model_id"] == fresh.root.model_id


def test_save_my_work_in_the_page_downloads_a_valid_record_and_its_markdown(page, calculator, work_folder):
    savework.after_save = pm_live.deliver_saved_files
    pm_live._bridge = page.bridge
    page.update(calculator.controls["price"], value="12")  # the learner's own numbers: Save refuses the example's
    calculator.controls["name"].value = "Ada"
    page.send("comm_msg", comm_id=calculator.controls["save"].model_id,
              data={"method": "custom", "content": {"event": "click"}})
    downloads = {p["name"]: data for (kind, p, data) in page.posted if kind == "download" for data in data}
    names = sorted(downloads)
    assert len(names) == 2 and names[0].endswith(".json") and names[1].endswith(".md")
    record = savework.validate_record(json.loads(downloads[names[0]]))
    assert record["exercise_id"] == "feasibility" and record["learner_name"] == "Ada"
    assert downloads[names[1]].decode().startswith("# My work: Feasibility calculator")
    assert "Downloaded by your browser" in calculator.outputs["status"].value


def test_a_message_that_fails_is_reported_to_the_page_not_raised(page, calculator):
    page.send("no-such-message", exercise="feasibility")
    page.send("show", exercise="no-such-exercise")
    errors = page.of_kind("error")
    assert errors[0] == {"exercise": "feasibility", "message": "ValueError: unknown message 'no-such-message'"}
    assert errors[1]["exercise"] == "no-such-exercise" and "KeyError" in errors[1]["message"]


def test_messages_for_a_widget_that_is_gone_are_dropped(page):
    msg_id = page.send("comm_msg", comm_id="0" * 32, data={"method": "update", "state": {"value": 1}})
    assert page.posted == [("idle", {"msg_id": msg_id}, [])]


def test_json_for_the_page_has_no_nan():
    text = pm_live.to_json({"a": float("nan"), "b": [1.5, float("inf")], "c": "x"})
    assert text == '{"a":null,"b":[1.5,null],"c":"x"}'


def test_input_widgets_skip_outputs_and_passwords():
    import ipywidgets as widgets

    inputs = widgets.HBox([widgets.Text(), widgets.Dropdown(options=["a"])])
    box = widgets.VBox([widgets.HTML("out"), widgets.Password(), inputs])
    found = [(path, type(w).__name__, pm_live.input_key(w)) for path, w in pm_live.input_widgets(box)]
    assert found == [("0.2.0", "Text", "value"), ("0.2.1", "Dropdown", "index")]
