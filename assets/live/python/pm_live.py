"""The Python half of "Run live": runs in the reader's browser (Pyodide), inside a Web Worker.

``assets/live/worker.js`` calls :func:`start` once with a ``post(kind, text, buffers)`` function, then
``bridge.handle(kind, text, buffers)`` for every message from the page (``text`` is JSON). Every
ipywidgets model opens a :class:`PageComm`, whose messages reach the page's widget manager
(``assets/live/live.js``) through ``post``. Nothing here imports Pyodide, so the tests run it on CPython.

Messages from the page: ``show`` and ``forget`` (build an exercise, with its remembered inputs or
afresh), ``comm_msg`` (a widget changed in the page). Messages to the page: ``comm_open``,
``comm_msg``, ``comm_close`` (widgets), ``idle`` (a page message is handled), ``shown`` (an exercise
is ready: its root model), ``remember`` (an input changed: keep it in the browser), ``download``
(a saved file), ``error``.
"""

from __future__ import annotations

import importlib
import json
import math
import sys
import traceback
from collections.abc import Callable, Iterator, Mapping, Sequence
from typing import Any

import comm
from comm.base_comm import BaseComm

Post = Callable[[str, str, Sequence[bytes] | None], None]
# What the reader's inputs are: values they set. Outputs (HTML, labels, images) and passwords are not kept.
NOT_INPUTS = ("HTML", "HTMLMath", "Label", "Image", "Valid", "Password", "FileUpload", "Play", "Audio", "Video")
_bridge: Bridge | None = None


def to_json(payload: Any) -> str:
    """JSON the page can parse: NaN and infinities (invalid in JSON) become null."""
    try:
        return json.dumps(payload, allow_nan=False, separators=(",", ":"))
    except ValueError:
        return json.dumps(_finite(payload), allow_nan=False, separators=(",", ":"))


def _finite(value: Any) -> Any:
    if isinstance(value, float):
        return value if math.isfinite(value) else None
    if isinstance(value, Mapping):
        return {key: _finite(item) for key, item in value.items()}
    if isinstance(value, (list, tuple)):
        return [_finite(item) for item in value]
    return value


class PageComm(BaseComm):
    """A comm whose other end is the widget manager in the page."""

    bridge: Bridge  # set on the class by Bridge.__init__

    def publish_msg(
        self, msg_type: str, data: Any = None, metadata: Any = None, buffers: Any = None, **keys: Any
    ) -> None:
        payload = {"comm_id": self.comm_id, "data": data or {}, "metadata": metadata or {}, **keys}
        self.bridge.post(msg_type, to_json(payload), [bytes(b) for b in buffers or ()])


def all_widgets(root: Any) -> Iterator[Any]:
    """``root`` and every widget under it, depth first."""
    yield root
    for child in getattr(root, "children", ()) or ():
        yield from all_widgets(child)


def input_widgets(root: Any, path: str = "0") -> Iterator[tuple[str, Any]]:
    """Every input widget under ``root`` with its position in the tree ("0.2.1"), depth first."""
    from ipywidgets import ValueWidget

    if isinstance(root, ValueWidget) and type(root).__name__ not in NOT_INPUTS:
        yield path, root
    for index, child in enumerate(getattr(root, "children", ()) or ()):
        yield from input_widgets(child, f"{path}.{index}")


def input_key(widget: Any) -> str:
    """Selection widgets are remembered by position (their values may be any Python object)."""
    return "index" if widget.has_trait("index") and widget.has_trait("options") else "value"


class Bridge:
    """Builds exercises for the page and carries their widget messages."""

    def __init__(self, post: Post) -> None:
        self.post = post
        self.views: dict[str, Any] = {}
        self.owners: dict[str, str] = {}  # widget model id -> the exercise it belongs to
        PageComm.bridge = self
        comm.create_comm = PageComm

    def send(self, kind: str, payload: Mapping[str, Any]) -> None:
        self.post(kind, to_json(payload), [])

    def handle(self, kind: str, text: str, buffers: Sequence[Any] = ()) -> None:
        """One message from the page; errors go back to the page, never stop the worker."""
        payload = json.loads(text)
        exercise = payload.get("exercise") or self.owners.get(payload.get("comm_id", ""))
        try:
            if kind == "comm_msg":
                self._comm_msg(payload, buffers)
            elif kind in {"show", "forget"}:
                inputs = (payload.get("inputs") or {}) if kind == "show" else {}
                self._show(payload["exercise"], inputs)
            else:
                raise ValueError(f"unknown message {kind!r}")
        except Exception as error:  # whatever failed, the page must hear of it
            traceback.print_exc(file=sys.stderr)
            self.send("error", {"exercise": exercise, "message": f"{type(error).__name__}: {error}"[:300]})
        finally:
            if "msg_id" in payload:
                self.send("idle", {"msg_id": payload["msg_id"]})

    def _comm_msg(self, payload: Mapping[str, Any], buffers: Sequence[Any]) -> None:
        target = comm.get_comm_manager().get_comm(payload["comm_id"])
        if target is None:
            return  # a widget closed while the page was still talking to it
        message = {
            "content": {"comm_id": payload["comm_id"], "data": payload["data"]},
            "metadata": payload.get("metadata", {}),
            "buffers": [memoryview(b) for b in buffers],
        }
        target.handle_msg(message)

    def _show(self, exercise_id: str, inputs: Mapping[str, Any]) -> None:
        from exercises import registry

        entry = registry.exercise(exercise_id)
        # A fresh start leaves the old widgets be: closing them would also close the layouts and
        # styles that exercises share between views. The page drops their views.
        view = entry.builder()()
        restore_inputs(view, inputs)
        self._remember_changes(exercise_id, view.root)
        self.views[exercise_id] = view
        self.owners |= {widget.model_id: exercise_id for widget in all_widgets(view.root)}
        self.send("shown", {"exercise": exercise_id, "model_id": view.root.model_id})

    def _remember_changes(self, exercise_id: str, root: Any) -> None:
        for path, widget in input_widgets(root):
            key = input_key(widget)

            def changed(change: Mapping[str, Any], path: str = path, widget: Any = widget, key: str = key) -> None:
                value = change["new"]
                self.send("remember", {"exercise": exercise_id, "path": path, "widget": type(widget).__name__,
                                       "key": key, "value": list(value) if isinstance(value, tuple) else value})

            widget.observe(changed, names=key)


def restore_inputs(view: Any, inputs: Mapping[str, Any]) -> int:
    """Set the remembered inputs again, as one update; skip any that no longer fit. Returns how many."""
    from exercises.kit.views import batched

    restored = 0
    with batched():
        for path, widget in input_widgets(view.root):
            saved = inputs.get(path)
            if not isinstance(saved, Mapping) or saved.get("widget") != type(widget).__name__:
                continue
            key = input_key(widget)
            value = saved.get("value")
            try:
                setattr(widget, key, tuple(value) if isinstance(value, list) else value)
            except Exception:  # an input that no longer fits (its options changed): keep the default
                continue
            restored += 1
    return restored


def deliver_saved_files(saved: Any) -> str:
    """Save my work in the page: hand the files to the browser as downloads; the message to show."""
    assert _bridge is not None
    for path in saved.all_paths:
        _bridge.post("download", to_json({"name": path.name}), [path.read_bytes()])
    names = ", ".join(path.name for path in saved.all_paths)
    return f"Downloaded by your browser (look in its downloads folder): {names}"


def start(post: Post, preload: Sequence[str] = ()) -> Bridge:
    """Set up the bridge and import what the exercises need (the slow part of starting)."""
    global _bridge
    _bridge = Bridge(post)
    import ipywidgets  # noqa: F401 - imported now, while the page shows "Loading packages"

    from exercises import registry
    from exercises.kit import savework

    savework.after_save = deliver_saved_files
    for exercise_id in preload:
        try:
            importlib.import_module(registry.exercise(exercise_id).build.split(":")[0])
        except Exception:  # that exercise alone fails, and says so when it is shown
            traceback.print_exc(file=sys.stderr)
    return _bridge
