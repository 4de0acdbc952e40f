"""Benchmark cases: one module ``bench_<name>.py`` per case, with ``NAME``, ``EXERCISE_ID`` and ``setup()``."""
