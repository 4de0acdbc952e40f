"""The benchmark runner: one case per registry exercise, each timed and reported against the target."""

from __future__ import annotations

import pytest

from exercises import registry
from exercises.registry import Exercise
from tools import benchmarks

CASE = '''
NAME = "{name}"
EXERCISE_ID = "{exercise_id}"


def setup():
    values = []
    return values.append
'''


@pytest.fixture
def cases(tmp_path, monkeypatch):
    """A cases folder and a registry of two exercises: ``cases(id, ...)`` writes one case per id."""
    monkeypatch.setattr(benchmarks, "CASES", tmp_path)
    monkeypatch.setattr(registry, "WIDGETS", (Exercise("one", "One", "01-a", "x.widget:build_one"),
                                                Exercise("two", "Two", "01-a", "x.widget:build_two")))

    def write(*exercise_ids: str) -> None:
        for exercise_id in exercise_ids:
            (tmp_path / f"bench_{exercise_id}.py").write_text(CASE.format(name=f"{exercise_id} case",
                                                                          exercise_id=exercise_id))

    return write


def test_every_registry_exercise_has_a_case_and_every_case_an_exercise():
    benchmarks.check_coverage(benchmarks.load_cases())


def test_the_run_stops_when_an_exercise_has_no_case(cases, capsys):
    cases("one", "three")
    with pytest.raises(SystemExit) as stopped:
        benchmarks.main(["--skip-build", "--updates", "3"])
    assert "'two' has no case in tools/bench/" in str(stopped.value)
    assert "bench_three.py names 'three', which is not in exercises/registry.py" in str(stopped.value)
    assert "median" not in capsys.readouterr().out, "nothing is timed before the cases are complete"


def test_a_case_without_its_exercise_id_is_refused(cases, tmp_path):
    (tmp_path / "bench_old.py").write_text('NAME = "old"\n\ndef setup():\n    return print\n')
    with pytest.raises(benchmarks.BenchmarkError, match="bench_old.py has no EXERCISE_ID"):
        benchmarks.load_cases()


def test_each_case_is_reported_against_the_target(cases, capsys):
    cases("one", "two")
    benchmarks.main(["--skip-build", "--updates", "5"])
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == "Widget updates (target: median <= 30 ms, p95 <= 50 ms):"
    assert [line.split(":")[0].strip() for line in lines[1:]] == ["one case", "two case"]
    assert all(line.endswith("over 5 updates [ok]") for line in lines[1:])


@pytest.mark.parametrize("times, verdict", [([10.0] * 19 + [49.0], "ok"), ([31.0] * 20, "OVER TARGET"),
                                            ([10.0] * 18 + [60.0, 60.0], "OVER TARGET")])
def test_the_verdict_needs_both_the_median_and_the_p95_within_the_target(times, verdict):
    case = benchmarks.Case("bench_x.py", "x", "x", lambda: print)
    assert benchmarks.report(case, times).endswith(f"[{verdict}]")
