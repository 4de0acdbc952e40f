import json
from datetime import UTC, datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from exercises.kit.savework import (
    SCHEMA_VERSION,
    escape_markdown,
    make_record,
    record_to_markdown,
    safe_slug,
    save_record,
    validate_record,
)

MOMENT = datetime(2026, 11, 23, 15, 4, 5, tzinfo=UTC)


def record(name="Ada", **overrides):
    base = make_record("feasibility", "Feasibility calculator", {"price": 15.0}, {"profit": 750.0},
                       learner_name=name, saved_at=MOMENT)
    return base | overrides


def test_record_has_the_documented_fields():
    saved = record()
    assert saved == {
        "schema": "becoming-a-pm/saved-work",
        "schema_version": SCHEMA_VERSION,
        "exercise_id": "feasibility",
        "exercise_title": "Feasibility calculator",
        "learner_name": "Ada",
        "saved_at": "2026-11-23T15:04:05Z",
        "inputs": {"price": 15.0},
        "results": {"profit": 750.0},
    }
    assert validate_record(saved) is saved


def test_save_writes_json_and_markdown_and_never_overwrites(tmp_path):
    first = save_record(record(), tmp_path)
    second = save_record(record(), tmp_path)
    assert first.json_path.name == "feasibility_ada_20261123T150405Z.json"
    assert second.json_path.name == "feasibility_ada_20261123T150405Z-2.json"
    assert json.loads(first.json_path.read_text()) == record()
    assert "# My work: Feasibility calculator" in first.markdown_path.read_text()
    assert len(list(tmp_path.iterdir())) == 4


def test_save_writes_attachments_with_the_same_stem(tmp_path):
    saved = save_record(record(), tmp_path, attachments={"canvas.png": b"\x89PNG"})
    assert saved.attachments[0].name == "feasibility_ada_20261123T150405Z-canvas.png"
    assert saved.attachments[0].read_bytes() == b"\x89PNG"
    with pytest.raises(ValueError, match="suffix"):
        save_record(record(), tmp_path, attachments={"../evil.png": b""})


PRINTABLE = st.characters(blacklist_categories=("Cc", "Cs", "Zl", "Zp"))  # what a name may hold (savework's rule)


@given(st.text(PRINTABLE, max_size=100))
def test_any_learner_name_stays_inside_the_folder(tmp_path_factory, name):
    folder = tmp_path_factory.mktemp("work")
    saved = save_record(record(name=name), folder)
    for path in saved.all_paths:
        assert path.parent == folder
        assert path.name.isascii() and "/" not in path.name and not path.name.startswith(".")
    assert json.loads(saved.json_path.read_text())["learner_name"] == (name.strip() or None)


# "\x00" moved to test_learner_names.py: a control character is now refused with a message.
@pytest.mark.parametrize("name", ["../../etc/passwd", "..", "/root/x", "C:\\Windows", "a/../../b"])
def test_path_tricks_are_neutralised(tmp_path, name):
    saved = save_record(record(name=name), tmp_path)
    assert saved.json_path.parent == tmp_path
    assert ".." not in saved.json_path.name


def test_markdown_shows_learner_html_as_text():
    text = record_to_markdown(record(name="<script>alert(1)</script>"))
    assert "<script>" not in text and "&lt;script&gt;" in text


@given(st.text())
def test_escaped_markdown_contains_no_raw_markup(text):
    escaped = escape_markdown(text)
    assert "<" not in escaped and ">" not in escaped


def test_slug_folds_accents_and_falls_back():
    assert safe_slug("Zoë Ødegaard") == "zoe-degaard"
    assert safe_slug("!!!") == "anonymous"


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"schema_version": 99}, "unsupported schema version"),
        ({"schema": "other"}, "unknown schema"),
        ({"exercise_id": "../x"}, "exercise_id"),
        ({"saved_at": "yesterday"}, "saved_at"),
        ({"inputs": []}, "inputs"),
        ({"learner_name": "x" * 101}, "learner_name"),
        ({"results": {"profit": float("nan")}}, "finite"),
    ],
)
def test_validate_record_rejects_malformed_records(change, message):
    with pytest.raises(ValueError, match=message):
        validate_record(record() | change)


def test_make_record_rejects_unsaveable_values():
    with pytest.raises(ValueError, match="finite"):
        make_record("feasibility", "t", {"x": float("inf")}, {})
    with pytest.raises(ValueError, match="cannot be saved as JSON"):
        make_record("feasibility", "t", {"x": object()}, {})
    with pytest.raises(ValueError, match="Exercise id"):
        make_record("Bad Id", "t", {}, {})


# ---- nested values in the Markdown copy (issue 12: raw JSON appeared inside table cells) -------------

NESTED_INPUTS = {"sort": {"m1": "Sales team", "m2": None}, "audience": "customer"}
NESTED_RESULTS = {
    "score": 7, "complete": True, "terms": ["cost", "return"], "jargon": {"kafka": 2},
    "sensitivity": [{"change_percent": -20, "profit": 0.5}, {"change_percent": 0, "profit": 750.0}],
    "concerns": {"Cost": ["cost*"], "Why": []},
}


def test_markdown_renders_nested_values_readably_not_as_json():
    text = record_to_markdown(make_record("audience-translator", "Audience translator", NESTED_INPUTS,
                                          NESTED_RESULTS, saved_at=MOMENT))
    assert '{"' not in text and '["' not in text and "null" not in text
    lines = text.splitlines()
    assert "| complete | yes |" in lines and "| terms | cost, return |" in lines and "| score | 7 |" in lines
    assert "| sensitivity | (see below) |" in lines
    table = lines[lines.index("### Results: sensitivity") + 2:]
    assert table[:4] == ["| change\\_percent | profit |", "| --- | --- |", "| -20 | 0.5 |", "| 0 | 750 |"]
    jargon = lines[lines.index("### Results: jargon") + 2:]
    assert jargon[:3] == ["| Item | Value |", "| --- | --- |", "| kafka | 2 |"]
    concerns = lines[lines.index("### Results: concerns") + 4:]
    assert concerns[:2] == ["| Cost | cost\\* |", "| Why | (none) |"]
    sort = lines[lines.index("### What I entered: sort") + 4:]
    assert sort[:2] == ["| m1 | Sales team |", "| m2 | (none) |"]


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False, allow_infinity=False) | st.text(),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner, max_size=3),
    max_leaves=12,
)


@given(st.dictionaries(st.text(max_size=8), json_values, max_size=4))
def test_markdown_tables_stay_tables_whatever_the_values(results):
    text = record_to_markdown(make_record("feasibility", "t", {}, results, saved_at=MOMENT))
    assert "<" not in text.replace("<br>", "") and "\r" not in text
    block: list[str] = []
    for line in [*text.split("\n"), ""]:  # Markdown lines (str.splitlines would also split at \x1e)
        if line.startswith("|"):
            block.append(line)
            continue
        columns = {line.replace("\\|", "").count("|") for line in block}
        assert len(columns) <= 1, block  # every row of a table has the header's number of cells
        block = []
