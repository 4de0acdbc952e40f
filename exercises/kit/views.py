"""Widget parts shared by every exercise's ``build_*`` function.

This is the only kit module that imports ipywidgets; exercises import it only from their
``widget`` module. An exercise's view is put together with :func:`assemble`, which wires
the live updates (:class:`LiveUpdate`) and adds the save panel. A handler that sets several
controls does it inside ``with batched():``, so that the view updates once.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

import ipywidgets as widgets

from .. import registry
from . import render
from .numbers import format_number
from .savework import make_record, save_record, saved_message

T = TypeVar("T")
LABEL_STYLE = {"description_width": "14em"}
CHOOSE_FIRST = ("Choose\u2026", None)  # a menu's first option while the learner has not chosen
WIDE = widgets.Layout(width="30em")


@dataclass
class ExerciseView:
    """What a ``build_*`` function returns: the root widget plus named parts for tests.

    Displaying the view displays its root widget.
    """

    root: widgets.Widget
    controls: dict[str, widgets.Widget] = field(default_factory=dict)
    outputs: dict[str, widgets.Widget] = field(default_factory=dict)
    live: LiveUpdate | None = None
    charts: dict[str, Any] = field(default_factory=dict)  # output name -> the ChartPanel drawing it

    def _repr_mimebundle_(self, **kwargs: Any) -> Any:
        return self.root._repr_mimebundle_(**kwargs)


class LiveUpdate:
    """Call ``update()`` once whenever any of ``controls`` changes value, like ``interactive_output``.

    Changes made inside ``with batched():`` are gathered: ``update()`` runs once, when the batch ends.
    """

    def __init__(self, controls: Mapping[str, widgets.Widget], update: Callable[[], None]) -> None:
        self._update = update
        self.updates = 0  # how many times update() ran: tests check that a batch makes one
        for control in controls.values():
            control.observe(self._changed, names="value")

    def _changed(self, _change: Mapping[str, Any]) -> None:
        if _BATCH.depth:
            if self not in _BATCH.waiting:
                _BATCH.waiting.append(self)
        else:
            self()

    def __call__(self) -> None:
        """Update now."""
        self.updates += 1
        self._update()


class _Batch:
    """The batch in progress. One for every view: widget callbacks run one at a time."""

    def __init__(self) -> None:
        self.depth = 0
        self.waiting: list[LiveUpdate] = []


_BATCH = _Batch()


@contextmanager
def batched() -> Iterator[None]:
    """Set several controls, then let each view they belong to update once: ``with batched(): ...``.

    A handler that loads an example into nine boxes checks the canvas once, not nine times, and
    never shows the half-loaded mix in between. Batches nest; the updates run when the outermost ends.
    """
    _BATCH.depth += 1
    try:
        yield
    finally:
        _BATCH.depth -= 1
        if not _BATCH.depth:
            waiting, _BATCH.waiting = _BATCH.waiting, []
            for live in waiting:
                live()


class NumberField:
    """A labelled text box (the value) with a companion slider for quick exploration.

    The text box is the source of truth, so learners can type any value,
    including ones beyond the slider's range; bad text is reported by the
    exercise, not rejected silently by the browser.
    """

    def __init__(
        self, label: str, value: float, slider: widgets.FloatSlider | widgets.FloatLogSlider, help_text: str = ""
    ) -> None:
        self.text = widgets.Text(
            value=format_number(value),
            description=label,
            continuous_update=False,
            style=LABEL_STYLE,
            layout=widgets.Layout(width="24em"),
            tooltip=help_text or label,
        )
        self.slider = slider
        slider.description = f"{label} (slider)"
        # The slider's label is read by screen readers but not shown: the text box's label is visible.
        slider.style = {"description_width": "0px"}
        slider.readout = False
        slider.continuous_update = False
        slider.layout = widgets.Layout(width="14em")
        self._syncing = False
        self.slider.value = min(max(value, slider.min), slider.max)
        self.slider.observe(self._slider_moved, names="value")
        self.text.observe(self._text_changed, names="value")
        self.widget = widgets.HBox([self.text, self.slider], layout=widgets.Layout(align_items="center"))

    def _slider_moved(self, change: Mapping[str, Any]) -> None:
        if not self._syncing:
            self.text.value = format_number(round(change["new"], 6))

    def _text_changed(self, change: Mapping[str, Any]) -> None:
        try:
            number = float(str(change["new"]).replace(",", ""))
        except ValueError:
            return
        if number != number:  # NaN: leave the slider where it is; the exercise reports the problem
            return
        self._syncing = True
        try:
            self.slider.value = min(max(number, self.slider.min), self.slider.max)  # pin out-of-range values to an end
        finally:
            self._syncing = False


def build_save_panel(
    exercise_id: str,
    snapshot: Callable[[], Mapping[str, Any]],
    folder: Path | None = None,
) -> ExerciseView:
    """The shared "Save my work" control for the registry's exercise ``exercise_id``.

    ``snapshot()`` returns a mapping with ``inputs`` and ``results`` and,
    optionally, ``markdown_body`` and ``attachments``; it may raise
    ``ValueError`` when there is nothing valid to save. An attempt the registry calls
    incomplete (:meth:`registry.Exercise.is_complete`) is refused with the entry's hint.
    """
    entry = registry.exercise(exercise_id)
    title = entry.title
    name = widgets.Text(
        description="Your name (optional)",
        placeholder="Used only in the file name and the file",
        style=LABEL_STYLE,
        layout=WIDE,
    )
    button = widgets.Button(
        description="Save my work",
        icon="save",
        button_style="primary",
        tooltip="Write a JSON and a Markdown file to the my-work folder next to this notebook",
    )
    status = widgets.HTML(value="")

    def save(_button: widgets.Button | None = None) -> None:
        try:
            content = snapshot()
            record = make_record(
                exercise_id, title, content["inputs"], content["results"], learner_name=name.value
            )
            if not entry.is_complete(record):
                raise ValueError(entry.incomplete_hint)
            saved = save_record(
                record,
                folder,
                markdown_body=content.get("markdown_body", ""),
                attachments=content.get("attachments"),
            )
        except ValueError as error:
            status.value = render.notice("error", f"Not saved. {error}")
            return
        except OSError as error:
            reason = error.strerror or error
            status.value = render.notice("error", f"Not saved: the file could not be written ({reason}).")
            return
        status.value = render.notice("ok", saved_message(saved), title="Saved")

    button.on_click(save)
    root = widgets.VBox(
        [widgets.HTML("<strong>Save my work</strong>"), widgets.HBox([name, button]), status],
        layout=widgets.Layout(border="1px solid #8a8a8a", padding="6px", margin="8px 0 0 0"),
    )
    return ExerciseView(root, controls={"name": name, "save": button}, outputs={"status": status})


def assemble(
    exercise_id: str,
    body: Sequence[widgets.Widget],
    *,
    controls: Mapping[str, widgets.Widget],
    outputs: Mapping[str, widgets.Widget],
    update: Callable[[], None] | None = None,
    snapshot: Callable[[], Mapping[str, Any]] | None = None,
    watch: Mapping[str, widgets.Widget] | None = None,
    charts: Mapping[str, Any] | None = None,
) -> ExerciseView:
    """Put an exercise's view together: the body, live updates, and the save panel.

    ``update()`` runs now and whenever a control in ``watch`` (default: ``controls``)
    changes. ``snapshot`` feeds the save panel (see :func:`build_save_panel`); leave it out
    for a part that another exercise embeds without its own save panel. ``charts`` names
    the chart panel behind each chart output, so tests can read the figure.
    """
    live = None
    if update is not None:
        live = LiveUpdate(controls if watch is None else watch, update)
        live()
    parts = list(body)
    all_controls, all_outputs = dict(controls), dict(outputs)
    if snapshot is not None:
        save = build_save_panel(exercise_id, snapshot)
        parts.append(save.root)
        all_controls |= save.controls
        all_outputs |= save.outputs
    root = widgets.VBox(parts)
    fit_labels(root)
    return ExerciseView(root, controls=all_controls, outputs=all_outputs, live=live, charts=dict(charts or {}))


def choice_menu(options: Sequence[tuple[str, Any]], **settings: Any) -> widgets.Dropdown:
    """A menu that starts on "Choose\u2026" (value ``None``), followed by ``options``.

    It is selected by index, never by ``value=None``: ipywidgets then shows an empty box, and
    left to itself it selects a ``None`` first option or not depending on Python's hash seed.
    To go back to "Choose\u2026", set ``menu.index = 0``.
    """
    return widgets.Dropdown(options=[CHOOSE_FIRST, *options], index=0, **settings)


def fit_labels(root: widgets.Widget) -> None:
    """Let every button and check box under ``root`` that has no width of its own grow to fit its label.

    ipywidgets gives buttons 148px and check boxes 300px, and cuts a longer label with an ellipsis
    ("Load the flawe\u2026"). A width an exercise set on purpose is kept.
    """
    if isinstance(root, (widgets.Button, widgets.Checkbox)) and not root.layout.width:
        root.layout.width = "auto"
    for child in getattr(root, "children", ()):
        fit_labels(child)


def written_answer(label: str, placeholder: str) -> widgets.Textarea:
    """A labelled box for a written answer that a rubric grades; the exercise's snapshot saves it."""
    return widgets.Textarea(
        description=label, placeholder=placeholder, continuous_update=False,
        style={"description_width": "19em"}, layout=widgets.Layout(width="52em", height="4.5em"),
    )


def update_showing(
    compute: Callable[[], T],
    message: widgets.HTML,
    shows: Sequence[tuple[widgets.HTML, Callable[[T], str]]],
    *,
    title: str | None = None,
    hidden: tuple[widgets.HTML, str] | None = None,
) -> Callable[[], None]:
    """An ``update()`` that computes a value and shows it, or shows the problem.

    With a value, ``message`` is emptied and each ``(output, html_of)`` in ``shows`` gets
    ``html_of(value)``. If ``compute()`` raises ``ValueError``, each of those outputs is emptied,
    ``hidden = (output, text)`` shows ``text`` as a note, and ``message`` shows the error under
    ``title`` (it may itself be in ``shows``): the learner sees what to fix, never a stale result.
    """

    def update() -> None:
        try:
            value = compute()
        except ValueError as error:
            for output, _html_of in shows:
                output.value = ""
            if hidden is not None:
                hidden[0].value = render.notice("info", hidden[1])
            message.value = render.notice("error", str(error), title=title)
            return
        message.value = ""
        for output, html_of in shows:
            output.value = html_of(value)

    return update


def fix_first(compute: Callable[[], T], what: str) -> T:
    """``compute()`` for a snapshot; its ``ValueError`` becomes "Fix <what> first. <error>", which Save shows."""
    try:
        return compute()
    except ValueError as error:
        raise ValueError(f"Fix {what} first. {error}") from None


def fill_on_click(
    boxes: Mapping[str, widgets.Widget],
    fills: Sequence[tuple[widgets.Button, Callable[[], Mapping[str, Any]]]],
) -> None:
    """Make each ``(button, values)`` fill every box in ``boxes`` from ``values()`` (a box left out is emptied).

    The boxes change together, so the view updates once, not once per box.
    """

    def fill(values: Mapping[str, Any]) -> None:
        with batched():
            for name, box in boxes.items():
                box.value = values.get(name, "")

    for button, values in fills:
        button.on_click(lambda _button, values=values: fill(values()))
