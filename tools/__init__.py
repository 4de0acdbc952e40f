"""The course's tools, one importable package. ``tools/course.py`` is the command line; the rest run
in the virtual environment as ``python -m tools.<module>``:

- :mod:`tools.booksource`: the book's sources: ``_toc.yml``, chapters, editions, instructor material;
- :mod:`tools.editions`: stage and build an edition (the one place jupyter-book is run);
- :mod:`tools.coursemap`, :mod:`tools.packs`, :mod:`tools.gradebook` (with :mod:`tools.submissions`,
  :mod:`tools.grading`, :mod:`tools.reading`, :mod:`tools.grade_exports`): for instructors;
- :mod:`tools.sitekit`, :mod:`tools.site_commands`, :mod:`tools.book_pdf`, :mod:`tools.bench_site`:
  the built site in a browser, the PDF, the link check;
- :mod:`tools.benchmarks` (cases in ``tools/bench/``), :mod:`tools.bench_gradebook`;
- :mod:`tools.execute_notebooks`, :mod:`tools.set_repo_url`.

Importing this package imports nothing outside the standard library.
"""

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
"""The repository folder."""
