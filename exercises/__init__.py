"""Widget exercises for the course *Becoming a Product Manager*.

- :mod:`exercises.registry` declares every exercise and every chapter's scored check.
- :mod:`exercises.kit` holds the shared parts (numbers, text, HTML, data files, saving,
  charts, widget views, the sorter, the scored checks).
- Each exercise is a package, ``exercises/<name>/``, with ``model`` (pure functions that raise
  ``ValueError`` with a learner-readable message), ``chart`` (``plot_*(ax, ...)``) and
  ``widget`` (a thin ``build_*()``, the only part that touches ipywidgets).
"""

__version__ = "0.1.0"
