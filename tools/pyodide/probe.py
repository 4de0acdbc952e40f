"""Run inside Pyodide by tools/live_runtime.py: does every exercise start in the page's Python?

Starts the bridge (assets/live/python/pm_live.py, mounted at /bridge) as the page does and shows
every exercise of the registry. Writes to /out:

- Matplotlib's font cache, so readers' browsers need not build it;
- bytecode.zip: every installed module the exercises imported, compiled (Python checks each against
  its source's hash, so a stale file is never used), so readers' browsers need not compile them;
- python_stdlib.zip: Pyodide's standard library, every entry unchanged, plus the same kind of
  compiled file for each of its modules that Pyodide and the exercises import (half the start-up);
- probe.json: each exercise's result and the top-level modules they imported.
"""

import importlib.util
import json
import py_compile
import shutil
import sys
import sysconfig
import time
import zipfile
from pathlib import Path

import pm_live  # from /bridge (PYTHONPATH): assets/live/python, the Python half of the page

posted: list[tuple[str, str]] = []
bridge = pm_live.start(lambda kind, text, buffers: posted.append((kind, text)))

import matplotlib  # noqa: E402
from matplotlib import font_manager  # noqa: E402

from exercises import registry  # noqa: E402 - as the page imports it

results = {}
for entry in registry.WIDGETS:
    posted.clear()
    started = time.perf_counter()
    bridge.handle("show", json.dumps({"exercise": entry.id}), [])
    seconds = round(time.perf_counter() - started, 3)
    kinds = [kind for kind, _ in posted]
    if "shown" in kinds:
        results[entry.id] = {"ok": True, "seconds": seconds, "widgets": kinds.count("comm_open")}
    else:
        errors = [json.loads(text)["message"] for kind, text in posted if kind == "error"]
        results[entry.id] = {"ok": False, "error": errors[0] if errors else "no view was shown"}

# Pyodide's Matplotlib keeps its font cache beside font_manager.py; upstream's, in the cache folder.
candidates = [Path(font_manager.__file__).with_name("fontlist.json"),
              Path(matplotlib.get_cachedir(), f"fontlist-v{font_manager.FontManager.__version__}.json")]
font_cache = next(path for path in candidates if path.exists())
shutil.copy(font_cache, f"/out/{font_cache.name}")
site_packages = "/" + sysconfig.get_path("purelib").strip("/") + "/"  # Pyodide says "//lib/..."
with zipfile.ZipFile("/out/bytecode.zip", "w", zipfile.ZIP_DEFLATED) as archive:
    for source in sorted({getattr(module, "__file__", None) or "" for module in list(sys.modules.values())}):
        if source.startswith(site_packages) and source.endswith(".py"):
            compiled = py_compile.compile(source, cfile="/tmp/module.pyc", doraise=True,
                                          invalidation_mode=py_compile.PycInvalidationMode.CHECKED_HASH)
            archive.write(compiled, importlib.util.cache_from_source(source)[len(site_packages):])
def hash_checked_pyc(source: bytes, filename: str) -> bytes:
    """What ``py_compile`` writes with CHECKED_HASH, for a source that is not a file."""
    import _imp
    from importlib._bootstrap_external import _RAW_MAGIC_NUMBER, _code_to_hash_pyc

    code = compile(source, filename, "exec", dont_inherit=True)
    return bytes(_code_to_hash_pyc(code, _imp.source_hash(_RAW_MAGIC_NUMBER, source), checked=True))


stdlib = f"/lib/python{sys.version_info.major}{sys.version_info.minor}.zip/"
imported_stdlib = {m.__file__[len(stdlib):] for m in list(sys.modules.values())
                   if (getattr(m, "__file__", None) or "").startswith(stdlib) and m.__file__.endswith(".py")}
with zipfile.ZipFile(stdlib.rstrip("/")) as official, zipfile.ZipFile("/out/python_stdlib.zip", "w") as derived:
    for entry in official.infolist():
        derived.writestr(entry, official.read(entry), entry.compress_type)
    for name in sorted(imported_stdlib):
        compiled = zipfile.ZipInfo(name[:-3] + ".pyc", official.getinfo(name).date_time)
        derived.writestr(compiled, hash_checked_pyc(official.read(name), stdlib + name), zipfile.ZIP_DEFLATED)
modules = sorted({name.split(".")[0] for name in sys.modules})
with open("/out/probe.json", "w") as handle:
    json.dump({"exercises": results, "modules": modules, "font_cache": str(font_cache)}, handle, indent=1)
print(json.dumps({key: value.get("ok") for key, value in results.items()}))
