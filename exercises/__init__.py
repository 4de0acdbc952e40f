"""Widget exercises for the course *Becoming a Product Manager*.

Each exercise is one module with three layers:

1. pure functions that compute and check answers (they raise ``ValueError``
   with a learner-readable message on bad input);
2. ``plot_*(ax, ...)`` functions that draw on a Matplotlib Axes they are given;
3. a thin ``build_*()`` that wires ipywidgets controls to the pure layer.

Shared pieces: :mod:`exercises.validation` (parsing learner input),
:mod:`exercises.savework` (the "Save my work" files) and :mod:`exercises.ui`
(widget helpers used by every ``build_*``).
"""

__version__ = "0.1.0"
