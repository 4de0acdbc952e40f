"""Will a control's label be cut off? Its width in a wide UI font, against the room the control gives it.

ipywidgets cuts a label that does not fit with an ellipsis ("Load the flawe\u2026"). JupyterLab draws
labels at 13px in the system's UI font; on Linux that is often DejaVu Sans, the widest of the common
ones, so labels are measured in it (Matplotlib ships it). The room: a button is 148px wide unless its
layout says otherwise, less 10px of padding on each side and its icon (at most 1em, and a 4px gap);
a check box is 300px wide with its box at the start; any other control shows its label in
``style.description_width`` (80px by default). A label given 0px is hidden on purpose (a slider
named for screen readers beside a labelled text box).
"""

from __future__ import annotations

import re
from functools import cache

import ipywidgets as widgets
from matplotlib import font_manager
from matplotlib.ft2font import FT2Font

from view_checks import all_widgets

FONT_PX = 13.0
BUTTON_PX, CHECKBOX_PX, LABEL_PX = 148.0, 300.0, 80.0
BUTTON_PADDING_PX, ICON_PX, CHECKBOX_BOX_PX = 20.0, 17.0, 24.0
STRETCHY = {"auto", "max-content", "fit-content", "100%"}


@cache
def _font() -> FT2Font:
    return FT2Font(font_manager.findfont("DejaVu Sans", fallback_to_default=False))


def text_px(text: str) -> float:
    """The width of ``text`` at 13px in DejaVu Sans, in pixels."""
    font = _font()
    font.set_size(FONT_PX, 72)  # at 72 dpi one point is one pixel
    font.set_text(text)
    return font.get_width_height()[0] / 64  # FreeType measures in 64ths of a pixel


def _px(css: str | None, default: float) -> float | None:
    """A CSS width in pixels (``em`` at the widgets' font size); infinite if it grows to fit; None if unknown."""
    if not css:
        return default
    if css.strip() in STRETCHY:
        return float("inf")
    found = re.fullmatch(r"\s*([\d.]+)(px|em)\s*", css)
    return None if found is None else float(found[1]) * (FONT_PX if found[2] == "em" else 1)


def _room(control: widgets.Widget) -> float | None:
    """The pixels a control's label has; None when its label is hidden on purpose or its width is unknown."""
    if isinstance(control, widgets.Button):
        width = _px(control.layout.width, BUTTON_PX)
        return None if width is None else width - BUTTON_PADDING_PX - (ICON_PX if control.icon else 0)
    if isinstance(control, widgets.Checkbox):
        width = _px(control.layout.width, CHECKBOX_PX)
        indent = _px(control.style.description_width, LABEL_PX) if control.indent else 0
        return None if width is None or indent is None else width - indent - CHECKBOX_BOX_PX
    label = getattr(getattr(control, "style", None), "description_width", None)
    if label is None:
        return float("inf")
    return None if label.strip() == "0px" else _px(label, LABEL_PX)


def cut_labels(root: widgets.Widget) -> list[str]:
    """The labels under ``root`` that would be cut off, each with the room it has and the room it needs."""
    cut = []
    for control in all_widgets(root):
        description = getattr(control, "description", "")
        room = _room(control) if description else None
        if room is not None and text_px(description) > room:
            cut.append(f"{type(control).__name__} {description!r}: {text_px(description):.0f}px in {room:.0f}px")
    return cut
