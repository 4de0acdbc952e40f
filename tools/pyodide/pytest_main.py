"""Run inside Pyodide by tools/pyodide_tests.py: pytest over the repository mounted at /repo.

The page's Python is reproduced: Pyodide's packages, ipywidgets and comm from their wheels, the
stand-in IPython of assets/live/python (mounted at /bridge), and ``exercises`` from the sources.
Tests that check custom data against a JSON Schema are skipped: see ``validate_in_pyodide``.
"""

import sys

sys.path[:0] = ["/repo", "/bridge"]

import pytest  # noqa: E402

from exercises.kit import data  # noqa: E402 - patched before any exercise module imports validate

_validate = data.validate


def validate_in_pyodide(raw: object, schema: str, *, source: str = "data") -> object:
    """Shipped data is trusted in the page (kit/data.py); a test that checks other data against its
    schema needs jsonschema, which has no WebAssembly build: it runs on CPython only. (Outside a
    test, while modules are collected, data passes unchecked, as in the page.)"""
    if str(source).startswith("exercises/data/") or not PyodideProfile.in_test:
        return _validate(raw, schema, source=source)
    pytest.skip("checks data against a JSON Schema: jsonschema does not run in Pyodide (tested on CPython)")


data.validate = validate_in_pyodide


class PyodideProfile:
    """No example database on the mounted repository; no per-example deadline (WebAssembly is slower)."""

    in_test = False

    @pytest.hookimpl(wrapper=True)
    def pytest_runtest_protocol(self, item: object) -> object:  # set-up, call and teardown
        PyodideProfile.in_test = True
        try:
            return (yield)
        finally:
            PyodideProfile.in_test = False

    @staticmethod
    def pytest_configure(config: object) -> None:
        from hypothesis import settings

        settings.register_profile("pyodide", database=None, deadline=None)
        settings.load_profile("pyodide")


# fd capture needs real file descriptors: capture at the sys level.
sys.exit(pytest.main(["-o", "addopts=", "-p", "no:cacheprovider", "--capture=sys", *sys.argv[1:]],
                     plugins=[PyodideProfile()]))
