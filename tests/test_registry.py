"""Invariants every registered exercise keeps: it builds, labels its controls, saves a valid record,
and shows bad input as a message. New exercises are covered by adding them to the registry."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import ipywidgets as widgets
import pytest

from exercises import registry
from exercises.kit import data, savework
from view_checks import all_widgets

ROOT = Path(__file__).resolve().parent.parent
IDS = [entry.id for entry in registry.EXERCISES]


@pytest.fixture(params=registry.WIDGETS, ids=[e.id for e in registry.WIDGETS])
def entry(request: pytest.FixtureRequest) -> registry.Exercise:
    return request.param


def test_ids_are_unique_and_valid():
    assert len(set(IDS)) == len(IDS)
    for entry in registry.EXERCISES:
        savework.make_record(entry.id, entry.title, {}, {})  # raises on a bad id


def test_every_chapter_named_exists():
    for entry in registry.EXERCISES:
        assert (ROOT / "chapters" / f"{entry.chapter}.ipynb").exists(), entry.chapter


def test_every_data_file_is_declared_once_and_has_a_schema():
    declared = [name for entry in registry.EXERCISES for name in entry.data_files] + list(registry.KIT_DATA_FILES)
    assert sorted(declared) == data.data_files()
    for name in registry.KIT_DATA_FILES:
        data.load(name)
    for entry in registry.WIDGETS:
        for name in entry.data_files:
            assert (ROOT / "exercises" / "data" / data.schema_name(name)).exists(), name
            data.load(name)


@pytest.mark.parametrize("entry", registry.CHECKS, ids=[e.id for e in registry.CHECKS])
def test_every_check_loads_and_declares_its_score(entry):
    bank = entry.builder()(int(entry.id.removeprefix("check-")))
    assert bank.id == entry.id
    assert bank.title == entry.title
    assert bank.max_score == entry.max_score
    assert len(bank.questions) >= 6
    assert sum(q.scenario for q in bank.questions) >= 2


def test_importing_the_registry_and_pure_layers_skips_matplotlib_and_ipywidgets():
    modules = " ".join(sorted({entry.module for entry in registry.EXERCISES}))  # checks: exercises.kit
    code = (
        "import importlib, sys\n"
        "import exercises.registry\n"
        f"for name in {modules!r}.split(): importlib.import_module(name)\n"
        "heavy = [m for m in sys.modules if m.split('.')[0] in ('matplotlib', 'ipywidgets')]\n"
        "print(heavy)\n"
    )
    shown = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert shown.strip() == "[]"


def _labelled(control: widgets.Widget) -> bool:
    if isinstance(control, widgets.Button):
        return bool(control.description.strip())
    return bool(getattr(control, "description", "").strip())


def test_it_builds_and_every_control_has_a_visible_label(entry):
    view = entry.builder()()
    assert isinstance(view.root, widgets.Widget)
    assert view.controls, "an exercise has controls"
    unlabelled = [name for name, control in view.controls.items() if not _labelled(control)]
    assert unlabelled == []
    assert {"name", "save"} <= view.controls.keys()


def _blank_menus(root: widgets.Widget) -> list[str]:
    menus = [w for w in all_widgets(root) if isinstance(w, widgets.Dropdown)]
    return [menu.description for menu in menus if menu.options and menu.index is None]


def test_no_menu_shows_a_blank_box(entry):
    """A menu with options always shows one: ipywidgets draws ``value=None`` as an empty box, not "Choose\u2026"."""
    view = entry.builder()()
    assert _blank_menus(view.root) == [], "as built"
    _do_the_work(entry, view)
    assert _blank_menus(view.root) == [], "after the work"


@pytest.mark.parametrize("seed", ["3", "6"])
def test_no_menu_is_blank_whatever_the_hash_seed(seed):
    """Left to ipywidgets, whether a menu whose first option's value is None starts on that option depends on the
    order traitlets reports changes in, that is on Python's hash seed: under seeds 3 and 6 (CPython 3.11 to 3.13)
    the sorters' and the personal plan's menus were blank. Each run of a notebook has its own seed."""
    code = (
        "from exercises import registry\n"
        "from test_registry import _blank_menus\n"
        "print(sorted({e.id for e in registry.WIDGETS if _blank_menus(e.builder()().root)}))\n"
    )
    path = os.pathsep.join(filter(None, [str(Path(__file__).parent), os.environ.get("PYTHONPATH")]))
    environment = {**os.environ, "PYTHONHASHSEED": seed, "PYTHONPATH": path}
    shown = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, env=environment)
    assert shown.stdout.strip() == "[]"


def test_it_saves_a_valid_record_once_the_work_is_done(entry, save_view):
    view = entry.builder()()
    _do_the_work(entry, view)
    record = save_view(view, name="Ada Lovelace")
    assert record is not None, view.outputs["status"].value
    savework.validate_record(record)
    assert record["exercise_id"] == entry.id
    assert record["exercise_title"] == entry.title
    assert record["learner_name"] == "Ada Lovelace"
    if entry.scored:
        assert 0 <= record["results"]["score"] <= record["results"]["max_score"] <= entry.max_score
    json.dumps(record, allow_nan=False)


def _save_buttons(root: widgets.Widget) -> list[widgets.Widget]:
    return [w for w in all_widgets(root) if isinstance(w, widgets.Button) and w.description == "Save my work"]


def test_it_shows_one_save_panel_which_saves_this_exercise(entry):
    view = entry.builder()()
    _do_the_work(entry, view)  # may open embedded parts, such as the personal plan's calculator
    assert _save_buttons(view.root) == [view.controls["save"]]


def test_no_label_is_cut_off(entry):
    from label_fit import cut_labels

    view = entry.builder()()
    _do_the_work(entry, view)
    assert cut_labels(view.root) == []


BAD_TEXT = ["", "-5", "nan", "1e400", "<script>alert(1)</script>", "abc"]


def test_bad_input_shows_a_message_never_a_traceback(entry):
    view = entry.builder()()
    texts = [
        c for c in view.controls.values()
        if isinstance(c, (widgets.Text, widgets.Textarea)) and c is not view.controls["name"]
    ]
    for control in texts:
        for bad in BAD_TEXT:
            control.value = bad  # must not raise
            shown = " ".join(o.value for o in view.outputs.values() if isinstance(getattr(o, "value", None), str))
            assert "Traceback" not in shown
            assert "<script>" not in shown


def _do_the_work(entry: registry.Exercise, view) -> None:
    """Answer whatever an exercise needs before Save accepts it (each exercise declares it in its tests' module)."""
    from registry_work import DO_THE_WORK

    DO_THE_WORK.get(entry.id, lambda _view: None)(view)
