"""One rule for learners' names: kept as typed, safe in file names, escaped where shown, matched by name_key."""

from __future__ import annotations

import json
import re

import pytest

from exercises.kit import savework
from exercises.kit.savework import name_key, safe_slug, validate_record
from exercises.kit.views import build_save_panel

NAMES = [
    "Ada Lovelace",
    "Smith/Jones",
    "Ada...",
    "<b>Zoë</b>",
    "O'Brien",
    "../../x",
    "C:\\Users\\x",
    "مريم الحسيني",  # right-to-left
    "שרה כהן",
    "\u202eevil",  # a right-to-left override is printable text, kept as data
    "李小龙",
    "x" * savework.MAX_NAME_CHARS,
]


def _feasibility_panel():
    """A save panel with real, complete work (the feasibility calculator's record with a changed price)."""
    record = {"inputs": {"willingness_to_pay": 18.0, "price": 16.0}, "results": {"profit": 1}}
    return build_save_panel("feasibility", lambda: record)


@pytest.mark.parametrize("name", NAMES)
def test_every_printable_name_round_trips_through_save(name, work_folder):
    view = _feasibility_panel()
    view.controls["name"].value = f"  {name} "
    view.controls["save"].click()
    status = view.outputs["status"].value
    assert "Saved" in status, status
    (saved,) = work_folder.glob("*.json")
    record = validate_record(json.loads(saved.read_text(encoding="utf-8")))
    assert record["learner_name"] == name
    assert re.fullmatch(r"feasibility_[a-z0-9-]+_\d{8}T\d{6}Z", saved.stem)
    assert saved.parent == work_folder
    markdown = saved.with_suffix(".md").read_text(encoding="utf-8")
    assert "<b>" not in markdown and "<b>" not in status


def test_a_name_with_a_control_character_is_refused_with_a_message(work_folder):
    view = _feasibility_panel()
    view.controls["name"].value = "Ada\x00Lovelace"
    view.controls["save"].click()
    assert "Your name contains a character that cannot be shown (U+0000)" in view.outputs["status"].value
    assert not work_folder.exists() or not list(work_folder.glob("*.json"))


@pytest.mark.parametrize("bad", ["Ada\nLovelace", "Ada\u2028Lovelace", "x" * (savework.MAX_NAME_CHARS + 1)])
def test_validate_record_refuses_only_what_save_refuses(bad):
    record = savework.make_record("feasibility", "Feasibility calculator", {}, {})
    with pytest.raises(ValueError, match="learner_name"):
        validate_record(record | {"learner_name": bad})
    with pytest.raises(ValueError, match="Your name"):
        savework.make_record("feasibility", "Feasibility calculator", {}, {}, learner_name=bad)


def test_a_name_that_is_not_text_is_refused():
    record = savework.make_record("feasibility", "Feasibility calculator", {}, {})
    with pytest.raises(ValueError, match="learner_name must be text or null"):
        validate_record(record | {"learner_name": 42})


def test_file_names_are_safe_and_names_match_by_key():
    assert safe_slug("../../x") == "x"
    assert safe_slug("<b>Zoë</b>") == "b-zoe-b"
    assert safe_slug("مريم") == "anonymous"
    assert name_key("  ZOË   smith ") == name_key("zoe\u0308 Smith") == "zoë smith"
    assert name_key("Ａｄａ") == "ada"  # full-width letters
    assert name_key(None) == ""
    assert name_key("Smith/Jones") != name_key("Smith Jones")
