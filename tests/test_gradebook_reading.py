"""The gradebook's fast reading: the same answers as the plain walk, in one process or several."""

from __future__ import annotations

import json
import math
import os
import tempfile
import unicodedata
from datetime import UTC, datetime
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from exercises.kit import savework
from exercises.kit.savework import make_record, validate_record
from tools import gradebook, reading, submissions

NOW = datetime(2026, 11, 30, tzinfo=UTC)


def record(exercise: str = "feasibility", name: str | None = "Ada", hour: int = 10, price: int = 15) -> dict:
    return make_record(exercise, f"Exercise {exercise}", {"price": price}, {"profit": 750.0},
                       learner_name=name, saved_at=datetime(2026, 11, 23, hour, tzinfo=UTC))


def write(path: Path, data: object) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(data if isinstance(data, str) else json.dumps(data, indent=2), encoding="utf-8")


def mixed_folder(folder: Path) -> None:
    """Saves of every kind the gradebook must tell apart, in folders whose names sort differently as text."""
    write(folder / "a-b" / "ada-1.json", record(hour=9))
    write(folder / "a" / "b" / "ada-2.json", record(hour=11))  # the later attempt wins
    write(folder / "a" / "b" / "ada-2 (1).json", record(hour=11))  # the same record downloaded twice
    write(folder / "a.b" / "ada-3.json", json.dumps(record(hour=11)))  # the same record, written another way
    write(folder / "bob.json", record("red-flags", "Bob", price=3))
    write(folder / "carol" / "x.json", record(name=None))
    write(folder / "carol" / "y.json", record("red-flags", name=None))
    write(folder / "nameless.json", record(name=None, hour=12))
    write(folder / "old.json", record("old-exercise", "Dan"))
    write(folder / "cut.json", json.dumps(record())[:40])
    write(folder / "huge-number.json", json.dumps(record()).replace("750.0", "1e999"))
    write(folder / "notes.md", "# companion")
    for index in range(30):
        write(folder / f"many/{index:02d}.json", record(["feasibility", "red-flags"][index % 2], f"Learner {index % 7}",
                                                       hour=index % 24))


def outcome(book: gradebook.Gradebook) -> tuple:
    return (gradebook.rows(book), [(p.path, p.reason) for p in book.problems], book.files_seen,
            book.records_used, book.companions_skipped, book.system_skipped)


def test_several_processes_give_exactly_what_one_gives(tmp_path, monkeypatch):
    mixed_folder(tmp_path)
    monkeypatch.setattr(reading, "CHUNK", 4)  # many chunks, so the order they come back in matters
    serial = gradebook.collect(tmp_path, progress=False, now=NOW, jobs=1)
    parallel = gradebook.collect(tmp_path, progress=False, now=NOW, jobs=2)
    assert outcome(parallel) == outcome(serial)
    reasons = {p.path: p.reason for p in serial.problems}
    assert reasons["a/b/ada-2.json"] == "a duplicate of a/b/ada-2 (1).json (same record)"  # " " sorts before "."
    assert reasons["a.b/ada-3.json"] == "a duplicate of a/b/ada-2 (1).json (same record)"
    assert "inf cannot be saved" in reasons["huge-number.json"]
    assert serial.records_used == 36 and serial.companions_skipped == 1


def test_the_command_writes_the_same_csv_with_any_number_of_jobs(tmp_path, monkeypatch):
    folder = tmp_path / "saves"
    mixed_folder(folder)
    monkeypatch.setattr(reading, "CHUNK", 5)
    outputs = []
    for jobs in (1, 2, 3):
        out = tmp_path / f"grades-{jobs}.csv"
        assert gradebook.main([str(folder), "--out", str(out), "--quiet", "--jobs", str(jobs)]) == 0
        outputs.append(out.read_bytes())
    assert outputs[0] == outputs[1] == outputs[2]


def test_the_progress_bar_shows_when_files_are_read_in_parallel(tmp_path, monkeypatch, capsys):
    mixed_folder(tmp_path)
    monkeypatch.setattr(gradebook, "PROGRESS_FROM", 5)
    monkeypatch.setattr(reading, "CHUNK", 4)
    gradebook.collect(tmp_path, progress=True, jobs=2)
    err = capsys.readouterr().err
    assert "Reading files" in err and "100% (42/42)" in err


def test_large_folders_use_every_core_small_ones_one_process(monkeypatch):
    monkeypatch.setattr(reading.sys, "platform", "linux")
    monkeypatch.setattr(reading.os, "sched_getaffinity", lambda _pid: {0, 1}, raising=False)
    assert reading.default_jobs(reading.PARALLEL_FROM - 1) == 1
    assert reading.default_jobs(reading.PARALLEL_FROM) == 2
    monkeypatch.setattr(reading.sys, "platform", "darwin")  # forking is not safe there
    assert reading.default_jobs(reading.PARALLEL_FROM) == 1


def test_jobs_are_read_in_one_process_where_none_can_be_forked(tmp_path, monkeypatch):
    mixed_folder(tmp_path)
    monkeypatch.setattr(reading, "CHUNK", 4)
    monkeypatch.setattr(reading.multiprocessing, "get_all_start_methods", lambda: ["spawn"])
    monkeypatch.setattr(reading.multiprocessing, "get_context", None)  # a pool would fail
    assert outcome(gradebook.collect(tmp_path, progress=False, now=NOW, jobs=2)) == outcome(
        gradebook.collect(tmp_path, progress=False, now=NOW, jobs=1))


@settings(max_examples=15)
@given(st.lists(st.tuples(st.sampled_from(["Ada", "ada ", "Bob", None]), st.sampled_from(["feasibility", "red-flags"]),
                          st.integers(0, 3), st.booleans(), st.sampled_from(["", "x/", "y/"])), max_size=25))
def test_any_mix_of_attempts_and_copies_is_graded_the_same_in_parallel(saves):
    with tempfile.TemporaryDirectory() as temp:
        folder = Path(temp)
        for index, (name, exercise, hour, copy, subfolder) in enumerate(saves):
            data = record(exercise, name, hour=hour)
            write(folder / f"{subfolder}{index:02d}.json", data)
            if copy:
                write(folder / f"{subfolder}{index:02d}-copy.json", json.dumps(data))
        old_chunk, reading.CHUNK = reading.CHUNK, 3
        try:
            parallel = gradebook.collect(folder, progress=False, now=NOW, jobs=2)
        finally:
            reading.CHUNK = old_chunk
        serial = gradebook.collect(folder, progress=False, now=NOW, jobs=1)
        assert outcome(parallel) == outcome(serial)
        assert serial.records_used + len(serial.problems) == serial.files_seen  # nothing dropped or counted twice


JSON = st.recursive(st.none() | st.booleans() | st.integers() | st.text(max_size=3),
                    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=2), inner, max_size=3),
                    max_leaves=60)


def nest(value: object, levels: int) -> object:
    for level in range(levels):
        value = [value] if level % 2 else {"a": value}
    return value


def depth_before(value: object) -> int:
    """The deepest level of ``value`` (scalars count; the record is level 1), as it was walked before."""
    deepest, stack = 0, [(value, 1)]
    while stack:
        item, level = stack.pop()
        deepest = max(deepest, level)
        if isinstance(item, dict):
            stack.extend((v, level + 1) for v in item.values())
        elif isinstance(item, list):
            stack.extend((v, level + 1) for v in item)
    return deepest


@given(JSON, st.integers(0, 40))
def test_the_quick_depth_check_agrees_with_the_walk(value, levels):
    nested = nest(value, levels)
    text = json.dumps(nested)
    assert submissions._too_deep(text, nested) == (depth_before(nested) > submissions.MAX_DEPTH)


@pytest.mark.parametrize("inside, levels, too_deep", [(1, 30, False), (1, 31, False), (1, 32, True), (1, 33, True),
                                                       ([], 31, False), ([0], 31, True), ({}, 31, False)])
def test_the_depth_limit_counts_the_innermost_value_as_a_level(inside, levels, too_deep):
    nested = nest(inside, levels)  # ``inside`` at level levels + 1 (the record is level 1)
    assert submissions._too_deep(json.dumps(nested), nested) is too_deep
    assert (depth_before(nested) > submissions.MAX_DEPTH) is too_deep


def shown_before(text: str) -> str:
    """The report's text for a path or name, as it was computed before the quick path."""
    try:
        data = text.encode("utf-8", "surrogateescape")
    except UnicodeEncodeError:
        data = text.encode("utf-8", "backslashreplace")
    text = data.decode("utf-8", "backslashreplace")
    return "".join(c if c.isprintable() else f"\\x{ord(c):02x}" for c in text)


@given(st.text())
def test_shown_text_is_unchanged_by_the_quick_path(text):
    assert submissions.shown(text) == shown_before(text)


@pytest.mark.parametrize("relative", ["ada.json", "carol/x.json", "a/b/c.json"])
def test_a_nameless_learner_is_filed_the_same_from_text_or_path(relative):
    nameless = record(name=None)
    assert submissions.learner_of(nameless, relative) == submissions.learner_of(nameless, Path(relative))


def test_files_come_in_the_order_of_their_paths_parts(tmp_path):
    for relative in ["a-b/1.json", "a/b/2.json", "a/3.json", "a.b/4.json", "a b.json", "ab.json", "a/.hidden"]:
        write(tmp_path / relative, "{}")
    found, problems, system = submissions.files_under(tmp_path)
    assert found == [p.relative_to(tmp_path).as_posix() for p in sorted(tmp_path.rglob("*.json"))]
    assert problems == [] and system == 1


def test_values_from_json_skip_only_the_walk_over_every_value():
    saved = record()
    assert validate_record(json.loads(json.dumps(saved)), parsed_json=True) == saved
    with pytest.raises(ValueError, match="inf cannot be saved"):
        validate_record({**saved, "results": {"profit": math.inf}})
    with pytest.raises(ValueError, match="missing keys"):
        validate_record({"schema": saved["schema"]}, parsed_json=True)


def strptime_reads(text: str) -> bool:
    try:
        datetime.strptime(text, "%Y-%m-%dT%H:%M:%SZ")
    except ValueError:
        return False
    return True


DIGITS = st.text("0123456789", min_size=1, max_size=5)


@given(st.tuples(DIGITS, DIGITS, DIGITS, DIGITS, DIGITS, DIGITS).map(lambda p: "{}-{}-{}T{}:{}:{}Z".format(*p))
       | st.text(max_size=25) | st.datetimes().map(lambda d: d.strftime("%Y-%m-%dT%H:%M:%SZ")))
def test_saved_at_is_read_as_strptime_reads_it(text):
    assert savework._is_utc_time(text) == strptime_reads(text)


def test_the_course_loads_its_rules_before_the_workers_start():
    from exercises import registry
    from tools.grading import Course

    Course().prepare()
    for entry in registry.EXERCISES:
        rule = entry.completion_rule()
        assert (rule is None) == (entry.complete is None)
        assert rule is None or rule is entry.completion_rule()  # imported once


@given(st.text(max_size=30))
def test_a_name_is_judged_the_same_with_the_quick_path(name):
    refused = any(unicodedata.category(char) in {"Cc", "Cs", "Zl", "Zp"} for char in name)
    assert (savework._name_problem(name) is not None) is refused


def test_no_course_schema_names_a_format_so_the_command_can_skip_their_grammars():
    """tools.gradebook loads jsonschema without rfc3987_syntax (the "iri" format checks)."""

    def formats(value: object) -> list[object]:
        if isinstance(value, dict):
            return [value.get("format")] * ("format" in value) + [f for v in value.values() for f in formats(v)]
        return [f for v in value for f in formats(v)] if isinstance(value, list) else []

    schemas = sorted(Path("exercises/data").glob("*.schema.json"))
    assert schemas
    for schema in schemas:
        assert formats(json.loads(schema.read_text(encoding="utf-8"))) == [], schema.name


@pytest.mark.parametrize("size", [0, 100, submissions.MAX_BYTES, submissions.MAX_BYTES + 5])
def test_a_file_that_grew_since_its_size_was_read_is_read_to_the_limit(tmp_path, size):
    path = tmp_path / "grew.json"
    path.write_bytes(b"x" * size)
    descriptor = os.open(path, os.O_RDONLY)
    try:
        data = submissions._read_at_most(descriptor, 10)  # its size when it was looked at
    finally:
        os.close(descriptor)
    assert len(data) == min(size, submissions.MAX_BYTES + 1)


PARTS = st.lists(st.text(st.sampled_from(["a", "b", " ", "-", ".", "!", "~", "é", "\udcff"]), min_size=1, max_size=3),
                 min_size=1, max_size=3)


@given(st.lists(PARTS, max_size=12))
def test_paths_sort_as_their_parts_do(paths):
    relatives = ["/".join(parts) for parts in paths]
    assert submissions.sorted_paths(relatives) == sorted(relatives, key=lambda relative: relative.split("/"))


def test_the_garbage_collector_is_paused_only_while_files_are_read(tmp_path, monkeypatch):
    import gc

    states = []
    monkeypatch.setattr(reading, "read_one", lambda *args: states.append(gc.isenabled()))
    mixed_folder(tmp_path)
    assert gc.isenabled()
    gradebook.collect(tmp_path, progress=False, jobs=1)
    assert states and not any(states) and gc.isenabled()


@given(st.lists(st.sampled_from(["a", ".", "json", "md", " ", "é"]), min_size=1, max_size=8).map("".join))
def test_a_file_names_suffix_is_the_one_path_gives(name):
    assert submissions._suffix(name) == Path(name).suffix


def die(_relatives: list[str]) -> None:
    os._exit(1)  # as if the process were killed


def test_a_reading_process_that_dies_stops_the_run_rather_than_losing_its_files(tmp_path, monkeypatch):
    from concurrent.futures.process import BrokenProcessPool

    mixed_folder(tmp_path)
    monkeypatch.setattr(reading, "CHUNK", 4)
    monkeypatch.setattr(reading, "_read_chunk", die)
    with pytest.raises(BrokenProcessPool):
        gradebook.collect(tmp_path, progress=False, jobs=2)
