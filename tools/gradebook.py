"""Turn a folder of students' "Save my work" files into a CSV gradebook and a summary chart.

usage: python -m tools.gradebook FOLDER --out grades.csv [--chart grades.png] [--feedback DIR]
       [--canvas FILE] [--moodle FILE] [--roster FILE] [--force] [--quiet] [--jobs N]

The Canvas and Moodle files and the feedback pages are described in :mod:`tools.grade_exports`.

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
- Not graded, each reported on its own line: a save of an exercise id the course's registry does
  not list, a ``saved_at`` more than a day in the future, and a record that does not match the
  saved-work schema (see :mod:`tools.grading`).
- One group of columns per exercise, in the order of ``exercises.registry``: ``<id> attempted``
  (a valid save exists), ``<id> completed`` (the registry's rule for a complete attempt), for
  scored exercises ``<id> score`` and ``<id> max score`` (a check is re-scored from its saved
  answers, never taken from the record), then one empty ``<id> rubric: <criterion> (max N)``
  column per rubric criterion for the instructor to fill in. When a learner saved an exercise
  more than once, the latest ``saved_at`` wins (ties: the file whose path sorts last).
- On Linux, folders of 4,000 files or more are read by one process per core (``--jobs N``; see
  :mod:`tools.reading`); the files' results are taken in the same order, so the output is the same.
- Text cells that a spreadsheet could read as a formula (starting with = + - @, tab or
  carriage return) are written with a leading apostrophe.
"""

from __future__ import annotations

import argparse
import csv
import sys
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from exercises import registry
from exercises import rubrics as rubric_data
from exercises.rubrics import Criterion
from tools import reading
from tools.grading import Course
from tools.submissions import Problem, Submission, files_under, shown

PROGRESS_FROM = 500  # files; smaller folders finish before a bar would help
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _criteria_by_exercise() -> dict[str, tuple[Criterion, ...]]:
    """Each exercise's rubric criteria, from ``exercises/data/rubrics.json``."""
    return {exercise_id: rubric.criteria for exercise_id, rubric in rubric_data.rubrics().items()}


@dataclass
class Gradebook:
    """Everything read from a folder: the latest save per learner and exercise, and the problems."""

    exercise_ids: list[str]
    scored: set[str]
    rubrics: dict[str, tuple[Criterion, ...]] = field(default_factory=dict)
    folder: Path = Path(".")
    learners: dict[tuple[str, str], dict[str, Submission]] = field(default_factory=dict)
    labels: dict[tuple[str, str], str] = field(default_factory=dict)
    latest: dict[tuple[str, str], Submission] = field(default_factory=dict)  # each learner's latest save
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


def collect(folder: Path, course_ids: Iterable[str] | None = None, progress: bool = True, *,
            now: datetime | None = None, rubrics: dict[str, tuple[Criterion, ...]] | None = None,
            jobs: int | None = None) -> Gradebook:
    """Read every file under ``folder``; never raises for a bad file.

    ``course_ids``: the exercises graded (default: the registry's); ``rubrics``: default the course's;
    ``jobs``: processes reading files (default: one per core for large folders; see :mod:`tools.reading`).
    """
    course = Course(course_ids, now)
    paths, problems, system = files_under(folder)
    book = Gradebook(list(course.ids), {e.id for e in registry.EXERCISES if e.scored and e.id in course.ids},
                     _criteria_by_exercise() if rubrics is None else rubrics, folder, problems=problems,
                     system_skipped=system)
    duplicates = reading.Duplicates(folder)
    bar = Progress(len(paths), progress)
    with reading.cycles_not_collected():  # the workers fork with it paused too
        for done, result in enumerate(reading.read_all(folder, paths, course, jobs), 1):
            _take(book, duplicates, result)
            bar.update(done)
    return book


def _take(book: Gradebook, duplicates: reading.Duplicates, result: Submission | Problem | None) -> None:
    """Count one file's result into ``book``: a companion, a problem, a duplicate or a save."""
    book.files_seen += 1
    if result is None:
        book.companions_skipped += 1
        return
    if isinstance(result, Problem):
        book.problems.append(result)
        return
    original = duplicates.original_of(result)
    if original is not None:
        book.problems.append(Problem(result.path, f"a duplicate of {original} (same record)"))
        return
    book.records_used += 1
    if result.max_score is not None:
        book.scored.add(result.exercise_id)
    saves = book.learners.setdefault(result.learner_key, {})
    previous = saves.get(result.exercise_id)
    if previous is None or (result.saved_at, result.path) > (previous.saved_at, previous.path):
        saves[result.exercise_id] = result
    latest = book.latest.get(result.learner_key)
    if latest is None or (result.saved_at, result.path) > (latest.saved_at, latest.path):
        book.latest[result.learner_key] = result  # the label is the latest save's, of any exercise
        book.labels[result.learner_key] = result.learner_label


def spreadsheet_safe(value: object) -> object:
    """Neutralise text a spreadsheet would run as a formula (CSV injection)."""
    if isinstance(value, str) and value.startswith(FORMULA_START):
        return "'" + value
    return value


def _format(number: float | None) -> str:
    if number is None:
        return ""
    return str(int(number)) if number == int(number) else f"{number:g}"


def rubric_column(exercise: str, criterion: Criterion) -> str:
    return f"{exercise} rubric: {criterion.label} (max {_format(criterion.max_points)})"


def learner_keys(book: Gradebook) -> list[tuple[str, str]]:
    """The learners in the order every output lists them."""
    return sorted(book.learners, key=lambda k: (book.labels[k].casefold(), k))


def rows(book: Gradebook) -> list[list[object]]:
    """The CSV's header and one row per learner."""
    return list(iter_rows(book))


def iter_rows(book: Gradebook) -> Iterator[list[object]]:
    """:func:`rows`, one at a time (the CSV is written as they come)."""
    header: list[object] = ["learner", "exercises attempted", "exercises completed", "last saved (UTC)"]
    for exercise in book.exercise_ids:
        header += [f"{exercise} attempted", f"{exercise} completed"]
        if exercise in book.scored:
            header += [f"{exercise} score", f"{exercise} max score"]
        header += [rubric_column(exercise, c) for c in book.rubrics.get(exercise, ())]
    yield header
    layout = [(exercise, exercise in book.scored, [""] * len(book.rubrics.get(exercise, ())))  # rubric: to fill in
              for exercise in book.exercise_ids]
    for key in learner_keys(book):
        saves = book.learners[key]
        row: list[object] = [book.labels[key], len(saves), sum(s.completed for s in saves.values()),
                             max(s.saved_at for s in saves.values())]
        for exercise, scored, blanks in layout:
            save = saves.get(exercise)
            if save is None:
                row += [0, 0, "", ""] if scored else [0, 0]
            else:
                row += [1, 1 if save.completed else 0]
                if scored:
                    row += [_format(save.score), _format(save.max_score)]
            row += blanks
        yield [spreadsheet_safe(cell) if isinstance(cell, str) else cell for cell in row]  # numbers are safe


def write_csv(book: Gradebook, out: Path) -> None:
    with out.open("w", newline="", encoding="utf-8") as handle:
        csv.writer(handle).writerows(iter_rows(book))


def chart_numbers(book: Gradebook) -> list[tuple[str, int, int, float | None]]:
    """(exercise id, learners who attempted it, who completed it, mean score as a percentage or None)."""
    numbers = []
    for exercise in book.exercise_ids:
        saves = [s[exercise] for s in book.learners.values() if exercise in s]
        scores = [s.score / s.max_score for s in saves if s.max_score and s.score is not None]
        numbers.append((exercise, len(saves), sum(s.completed for s in saves),
                        100 * sum(scores) / len(scores) if scores else None))
    return numbers


def describe_chart(book: Gradebook) -> str:
    parts = [f"{exercise}: {done} of {len(book.learners)} completed ({tried} attempted)"
             + (f", mean score {mean:.0f}%" if mean is not None else "")
             for exercise, tried, done, mean in chart_numbers(book)]
    return "Bar chart of attempts and completion by exercise. " + ("; ".join(parts) or "No records.") + "."


def chart_figure(book: Gradebook):  # -> matplotlib.figure.Figure (imported here only)
    """The summary chart: attempted (light) and completed (dark) bars; the axis runs to the learner count."""
    from matplotlib.figure import Figure
    from matplotlib.ticker import MaxNLocator

    numbers = chart_numbers(book)[::-1]
    height = 1.8 + 0.3 * max(1, len(numbers))
    fig = Figure(figsize=(8, height))
    ax = fig.subplots()
    positions = list(range(len(numbers)))
    ax.barh(positions, [tried for _e, tried, _d, _m in numbers], color="#c5d5ea", label="attempted")
    ax.barh(positions, [done for _e, _t, done, _m in numbers], height=0.5, color="#3b6ea8", label="completed")
    ax.set_yticks(positions, [exercise for exercise, *_rest in numbers])
    total = max(1, len(book.learners))
    for y, (_exercise, tried, done, mean) in enumerate(numbers):
        note = f"{done}/{tried}/{len(book.learners)}" + (f", {mean:.0f}%" if mean is not None else "")
        ax.text(1.01, y, note, va="center", fontsize=8, transform=ax.get_yaxis_transform(), clip_on=False)
    ax.set_xlim(0, total)
    ax.set_ylim(-0.6, max(0, len(numbers) - 1) + 0.6)
    ticks = [t for t in MaxNLocator(nbins=6, integer=True).tick_values(0, total) if 0 <= t < total]
    ax.set_xticks([*ticks, total])  # whole learners, ending at the learner count
    ax.set_xlabel("Learners (notes: completed/attempted/learners, mean score)")
    ax.set_title(f"Saved work from {plural(len(book.learners), 'learner')}")
    ax.legend(loc="lower right", fontsize=8)
    fig.subplots_adjust(left=0.25, right=0.78, top=1 - 0.45 / height, bottom=0.65 / height)
    return fig


def write_chart(book: Gradebook, out: Path) -> None:
    chart_figure(book).savefig(out, format="png", dpi=100)


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
    parser.add_argument("--feedback", type=Path, help="a folder for one HTML feedback page per learner")
    parser.add_argument("--canvas", type=Path, help="a CSV in Canvas's gradebook import layout")
    parser.add_argument("--moodle", type=Path, help="a CSV in Moodle's grade import layout (Email address)")
    parser.add_argument("--roster", type=Path, help="CSV: name, email, canvas_id, sis_user_id, sis_login_id, section")
    parser.add_argument("--force", action="store_true", help="replace existing output files")
    parser.add_argument("--quiet", action="store_true", help="no progress bar")
    parser.add_argument("--jobs", type=int, help="processes reading files (default: one per core for large folders)")
    args = parser.parse_args(argv)
    chart = args.chart or args.out.with_suffix(".png")
    if not args.folder.is_dir():
        parser.error(f"{args.folder} is not a folder")
    existing = [str(p) for p in (args.out, chart, args.canvas, args.moodle) if p and p.exists()]
    if existing and not args.force:
        parser.error(f"{', '.join(existing)} already exists; add --force to replace it")
    start = time.perf_counter()
    book = collect(args.folder, course_exercise_ids(), progress=not args.quiet, jobs=args.jobs)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    chart.parent.mkdir(parents=True, exist_ok=True)
    write_csv(book, args.out)
    write_chart(book, chart)
    report(book, args.out, chart, time.perf_counter() - start)
    return write_extras(book, args)


def write_extras(book: Gradebook, args: argparse.Namespace) -> int:
    """The optional outputs: Canvas and Moodle import files, feedback pages."""
    from tools import grade_exports

    roster = grade_exports.read_roster(args.roster) if args.roster else {}
    if args.canvas:
        grade_exports.write_rows(args.canvas, grade_exports.canvas_rows(book, roster))
        print(f"Wrote {args.canvas} (Canvas: Grades > Import).")
    if args.moodle:
        grade_exports.write_rows(args.moodle, grade_exports.moodle_rows(book, roster))
        print(f"Wrote {args.moodle} (Moodle: Grades > Import > CSV file; map 'Email address' to Email address).")
    if args.feedback:
        pages = grade_exports.write_feedback(book, args.feedback)
        print(f"Wrote {plural(len(pages), 'feedback page')} in {args.feedback}.")
    if (args.canvas or args.moodle) and (missing := grade_exports.unmatched(book, roster)):
        print("Learners with no identifier in the import files (add them to --roster):")
        for label in missing:
            print(f"  {shown(label)}")
    return 0


def skip_format_grammars() -> None:
    """Load jsonschema without rfc3987_syntax, whose grammars take a second to build when it is imported.

    jsonschema uses it only to check the "iri" formats, and no course schema names a format (a test
    checks), so validation is unchanged. The command does this; importing this module does not.
    """
    if "jsonschema" not in sys.modules:
        sys.modules.setdefault("rfc3987_syntax", None)  # an import of it now fails, and jsonschema goes on


if __name__ == "__main__":
    skip_format_grammars()
    sys.exit(main(sys.argv[1:]))
