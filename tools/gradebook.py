"""Turn a folder of students' "Save my work" files into a CSV gradebook and a summary chart.

usage: python -m tools.gradebook FOLDER --out grades.csv [--chart grades.png] [--force] [--quiet]

Rules (also in the instructor guide):

- Every ``*.json`` file under FOLDER (subfolders included, links not followed) is read as a
  saved-work record and checked with ``exercises.kit.savework.validate_record`` (see
  :mod:`tools.submissions`). The ``.md`` and
  ``.png`` files a save writes beside it, hidden files and ``__MACOSX`` folders are skipped
  quietly (and counted); every other file, and every
  record that cannot be used, is reported on its own line with the reason. Valid files are
  always graded, whatever else is in the folder.
- One row per learner. Learners are matched on the name they typed (Unicode-normalised,
  case and extra spaces ignored). A record with no name is filed under its subfolder of
  FOLDER when it is in one (learning platforms download one folder per learner), otherwise
  it gets a row of its own named after its file: unnamed files are never merged by guesswork.
- One group of columns per exercise, in the order of ``exercises.registry`` (saves of exercises
  it does not list come last): ``<id> completed`` (1 or 0) and, when the exercise's
  results carry ``score`` and ``max_score``, ``<id> score`` and ``<id> max score``. When a
  learner saved an exercise more than once, the latest ``saved_at`` wins (ties: the file
  whose path sorts last).
- Text cells that a spreadsheet could read as a formula (starting with = + - @, tab or
  carriage return) are written with a leading apostrophe.
"""

from __future__ import annotations

import argparse
import csv
import sys
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from exercises import registry
from tools.submissions import Problem, Submission, files_under, read_submission, shown

PROGRESS_FROM = 500  # files; smaller folders finish before a bar would help
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


@dataclass
class Gradebook:
    """Everything read from a folder: the latest save per learner and exercise, and the problems."""

    exercise_ids: list[str]
    scored: set[str]
    learners: dict[tuple[str, str], dict[str, Submission]] = field(default_factory=dict)
    labels: dict[tuple[str, str], str] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)
    files_seen: int = 0
    companions_skipped: int = 0
    system_skipped: int = 0
    records_used: int = 0


class Progress:
    """A plain progress bar on stderr (a line every 10% when stderr is not a terminal)."""

    def __init__(self, total: int, enabled: bool) -> None:
        self.total, self.enabled = total, enabled and total >= PROGRESS_FROM
        self.tty = sys.stderr.isatty()
        self.shown = -1

    def update(self, done: int) -> None:
        if not self.enabled:
            return
        percent = done * 100 // self.total
        step = percent if self.tty else percent // 10 * 10
        if step == self.shown:
            return
        self.shown = step
        bar = "#" * (percent // 4)
        line = f"Reading files [{bar:<25}] {percent:3d}% ({done:,}/{self.total:,})"
        sys.stderr.write(f"\r{line}" if self.tty else f"{line}\n")
        if self.tty and done == self.total:
            sys.stderr.write("\n")
        sys.stderr.flush()


def collect(folder: Path, course_ids: Iterable[str] = (), progress: bool = True) -> Gradebook:
    """Read every file under ``folder``; never raises for a bad file."""
    paths, problems, system = files_under(folder)
    book = Gradebook(list(course_ids), set(), problems=problems, system_skipped=system)
    seen: dict[str, str] = {}
    bar = Progress(len(paths), progress)
    for done, path in enumerate(paths, 1):
        book.files_seen += 1
        try:
            result = read_submission(path, path.relative_to(folder))
        except Exception as error:  # a last guard: one odd file must not stop the run
            result = Problem(shown(path.relative_to(folder).as_posix()), f"could not be read ({type(error).__name__})")
        bar.update(done)
        if result is None:
            book.companions_skipped += 1
            continue
        if isinstance(result, Problem):
            book.problems.append(result)
            continue
        if result.digest in seen:
            book.problems.append(Problem(result.path, f"a duplicate of {seen[result.digest]} (same record)"))
            continue
        seen[result.digest] = result.path
        book.records_used += 1
        if result.exercise_id not in book.exercise_ids:
            book.exercise_ids.append(result.exercise_id)
        if result.max_score is not None:
            book.scored.add(result.exercise_id)
        saves = book.learners.setdefault(result.learner_key, {})
        previous = saves.get(result.exercise_id)
        if previous is None or (result.saved_at, result.path) > (previous.saved_at, previous.path):
            saves[result.exercise_id] = result
        latest = max(saves.values(), key=lambda s: (s.saved_at, s.path))
        book.labels[result.learner_key] = latest.learner_label
    known = set(course_ids)
    unknown = sorted(i for i in book.exercise_ids if i not in known)  # saves of exercises the course no longer has
    book.exercise_ids = [i for i in book.exercise_ids if i in known] + unknown
    return book


def spreadsheet_safe(value: object) -> object:
    """Neutralise text a spreadsheet would run as a formula (CSV injection)."""
    if isinstance(value, str) and value.startswith(FORMULA_START):
        return "'" + value
    return value


def _format(number: float | None) -> str:
    if number is None:
        return ""
    return str(int(number)) if number == int(number) else f"{number:g}"


def rows(book: Gradebook) -> list[list[object]]:
    header: list[object] = ["learner", "exercises completed", "last saved (UTC)"]
    for exercise in book.exercise_ids:
        header.append(f"{exercise} completed")
        if exercise in book.scored:
            header += [f"{exercise} score", f"{exercise} max score"]
    table = [header]
    for key in sorted(book.learners, key=lambda k: (book.labels[k].casefold(), k)):
        saves = book.learners[key]
        row: list[object] = [book.labels[key], len(saves), max(s.saved_at for s in saves.values())]
        for exercise in book.exercise_ids:
            save = saves.get(exercise)
            row.append(1 if save else 0)
            if exercise in book.scored:
                row += [_format(save.score) if save else "", _format(save.max_score) if save else ""]
        table.append([spreadsheet_safe(cell) for cell in row])
    return table


def write_csv(book: Gradebook, out: Path) -> None:
    with out.open("w", newline="", encoding="utf-8") as handle:
        csv.writer(handle).writerows(rows(book))


def chart_numbers(book: Gradebook) -> list[tuple[str, int, float | None]]:
    """(exercise id, learners who completed it, mean score as a percentage or None)."""
    numbers = []
    for exercise in book.exercise_ids:
        saves = [s[exercise] for s in book.learners.values() if exercise in s]
        scores = [s.score / s.max_score for s in saves if s.max_score]
        numbers.append((exercise, len(saves), 100 * sum(scores) / len(scores) if scores else None))
    return numbers


def describe_chart(book: Gradebook) -> str:
    parts = [f"{exercise}: {count} of {len(book.learners)} completed"
             + (f", mean score {mean:.0f}%" if mean is not None else "")
             for exercise, count, mean in chart_numbers(book)]
    return "Bar chart of completion by exercise. " + ("; ".join(parts) or "No records.") + "."


def write_chart(book: Gradebook, out: Path) -> None:
    from matplotlib.figure import Figure
    from matplotlib.ticker import MaxNLocator

    numbers = chart_numbers(book)
    height = 1.6 + 0.45 * max(1, len(numbers))
    fig = Figure(figsize=(7, height))
    ax = fig.subplots()
    labels = [exercise for exercise, _count, _mean in numbers][::-1]
    counts = [count for _exercise, count, _mean in numbers][::-1]
    ax.barh(labels, counts, color="#3b6ea8")
    total = max(1, len(book.learners))
    for y, (_exercise, count, mean) in enumerate(numbers[::-1]):
        note = f"{count}/{len(book.learners)}" + (f", mean score {mean:.0f}%" if mean is not None else "")
        ax.text(count + total * 0.01, y, note, va="center", fontsize=9)
    ax.set_xlim(0, total * 1.35)
    ax.xaxis.set_major_locator(MaxNLocator(integer=True))
    ax.set_xlabel("Learners who completed the exercise")
    ax.set_title(f"Saved work from {plural(len(book.learners), 'learner')}")
    fig.subplots_adjust(left=0.25, right=0.97, top=1 - 0.45 / height, bottom=0.65 / height)
    fig.savefig(out, format="png", dpi=100)


def plural(number: int, noun: str) -> str:
    return f"{number:,} {noun}{'' if number == 1 else 's'}"


def report(book: Gradebook, out: Path, chart: Path, seconds: float, say: Callable[[str], None] = print) -> None:
    say(f"Read {plural(book.files_seen, 'file')} in {seconds:.1f} s: {plural(book.records_used, 'record')} used for "
        f"{plural(len(book.learners), 'learner')} and {plural(len(book.exercise_ids), 'exercise')}; "
        f"{plural(book.companions_skipped, 'companion file')} (.md, .png) and "
        f"{plural(book.system_skipped, 'system file')} (hidden, __MACOSX) skipped; "
        f"{plural(len(book.problems), 'problem')}.")
    say(f"Wrote {out} and {chart}.")
    say(describe_chart(book))
    if book.problems:
        say("Files not used (each on its own line, with the reason):")
        for problem in sorted(book.problems, key=lambda p: p.path):
            say(f"  {problem.path}: {shown(problem.reason)}")


def course_exercise_ids() -> list[str]:
    """Every exercise id in ``exercises.registry``, in course order (the CSV's column order).

    No fallback: a registry that cannot be read stops the run, rather than a gradebook
    whose columns silently fall back to file order.
    """
    return [entry.id for entry in registry.EXERCISES]


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="course.py gradebook", description=__doc__.split("\n\n")[0])
    parser.add_argument("folder", type=Path, help="folder of saved-work files (subfolders are read too)")
    parser.add_argument("--out", type=Path, required=True, help="the CSV gradebook to write")
    parser.add_argument("--chart", type=Path, help="the summary chart (PNG); default: beside the CSV")
    parser.add_argument("--force", action="store_true", help="replace existing output files")
    parser.add_argument("--quiet", action="store_true", help="no progress bar")
    args = parser.parse_args(argv)
    chart = args.chart or args.out.with_suffix(".png")
    if not args.folder.is_dir():
        parser.error(f"{args.folder} is not a folder")
    existing = [str(p) for p in (args.out, chart) if p.exists()]
    if existing and not args.force:
        parser.error(f"{', '.join(existing)} already exists; add --force to replace it")
    start = time.perf_counter()
    book = collect(args.folder, course_exercise_ids(), progress=not args.quiet)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    chart.parent.mkdir(parents=True, exist_ok=True)
    write_csv(book, args.out)
    write_chart(book, chart)
    report(book, args.out, chart, time.perf_counter() - start)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
