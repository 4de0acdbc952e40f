"""The exercises' data files (scenarios, question banks, profiles) in ``exercises/data/``.

Each data file ``x.json`` has a JSON Schema beside it, ``x.schema.json``. :func:`load`
reads a shipped file, validates it and caches it; :func:`validate` checks data from
anywhere (a custom scenario a learner or instructor passes in) against the same schema.
Each exercise follows one pattern: ``parse_x(raw)`` validates and builds its objects, and
a cached ``x()`` returns ``parse_x(load("x.json"))``. Only rules a schema cannot express
(for example, that every node of a graph is reachable) stay in the exercise's code.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Sequence
from functools import cache
from importlib import resources
from typing import Any


def _read(name: str) -> Any:
    if "/" in name or "\\" in name or not name.endswith(".json"):
        raise ValueError(f"Data file names look like 'bank.json', not {name!r}.")
    path = resources.files("exercises").joinpath("data", name)
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except json.JSONDecodeError as error:
        raise ValueError(f"exercises/data/{name}: not valid JSON ({error}).") from None


# In the reader's browser (Pyodide) jsonschema cannot be installed: its dependency rpds-py is
# compiled Rust with no WebAssembly build. There the shipped files, which the test suite validated
# byte for byte, are trusted; everywhere else (JupyterLab, Binder, Colab, the tests) they are validated.
IN_BROWSER = sys.platform == "emscripten"


@cache
def _validator(schema_name: str) -> Any:
    import jsonschema  # only when data is checked: importing the kit stays cheap

    schema = _read(schema_name)
    validator_class = jsonschema.validators.validator_for(schema)
    validator_class.check_schema(schema)
    return validator_class(schema, format_checker=validator_class.FORMAT_CHECKER)


def schema_name(data_name: str) -> str:
    """``"bank.json"`` -> ``"bank.schema.json"``."""
    return data_name.removesuffix(".json") + ".schema.json"


def validate(raw: Any, schema: str, *, source: str = "data") -> Any:
    """Check ``raw`` against ``exercises/data/<schema>``; ``ValueError`` names ``source`` and the path in it."""
    if IN_BROWSER:
        return raw
    errors = sorted(_validator(schema).iter_errors(raw), key=lambda e: list(e.absolute_path))
    if errors:
        first = errors[0]
        where = "/" + "/".join(str(part) for part in first.absolute_path)
        more = f" (and {len(errors) - 1} more problems)" if len(errors) > 1 else ""
        raise ValueError(f"{source}: at {where}: {first.message}{more}")
    return raw


@cache
def load(name: str, *, schema: str | None = None) -> Any:
    """Read ``exercises/data/<name>``, validate it and cache it; callers must not mutate it.

    The schema is ``schema``, or by default the file's own ``<stem>.schema.json``.
    """
    return validate(_read(name), schema or schema_name(name), source=f"exercises/data/{name}")


def data_files() -> list[str]:
    """Every shipped data file's name (schemas excluded)."""
    folder = resources.files("exercises").joinpath("data")
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".json") and not p.name.endswith(".schema.json"))


def data_error(source: str, path: Sequence[str | int], message: str) -> ValueError:
    """A ``ValueError`` for a rule no schema can express, located as :func:`validate` locates its errors.

    ``data_error("bank.json", ["items", 3, "answer"], "...")`` reads ``bank.json: at /items/3/answer: ...``.
    """
    return ValueError(f"{source}: at /{'/'.join(str(part) for part in path)}: {message}")
