"""HTML for the widgets: notices, tables, lists and images. Everything learner-supplied is escaped here.

No Matplotlib here: :mod:`exercises.kit.charts` turns figures into the PNG bytes that :func:`png_html` shows.
"""

from __future__ import annotations

import base64
import html
from collections.abc import Iterable, Sequence

# Inline styles, because widget HTML must look the same in JupyterLab, Colab and the static book.
_NOTICE_STYLES = {
    "error": ("#fdecea", "#5f1410", "#b3261e", "alert", "Problem"),
    "warn": ("#fff4e5", "#4d3000", "#b36b00", "status", "Careful"),
    "ok": ("#e7f4e8", "#163f19", "#2e7d32", "status", "Done"),
    "info": ("#e8f0fe", "#0b2e6b", "#1a56c4", "status", "Note"),
}


def escape(text: object) -> str:
    """Escape any value for safe inclusion in HTML (quotes too)."""
    return html.escape(str(text), quote=True)


def notice(kind: str, message: str, *, title: str | None = None) -> str:
    """A coloured message box; ``message`` and ``title`` are escaped."""
    background, text, border, role, default_title = _NOTICE_STYLES[kind]
    heading = escape(title or default_title)
    lines = [escape(line) for line in message.splitlines() or [""]]
    text_html = lines[0] if len(lines) == 1 else "<br>" + "<br>".join(lines)
    return (
        f'<div class="pm-notice pm-notice-{kind}" role="{role}" style="background:{background};color:{text};'
        f'border-left:4px solid {border};padding:6px 10px;margin:4px 0;border-radius:3px;">'
        f"<strong>{heading}:</strong> {text_html}</div>"
    )


def table(rows: Iterable[tuple[str, str]], *, caption: str) -> str:
    """A two-column table of escaped label/value pairs."""
    body = "".join(
        f'<tr><th scope="row" style="text-align:left;padding:2px 12px 2px 0;font-weight:600;">{escape(label)}</th>'
        f'<td style="text-align:right;padding:2px 0;">{escape(value)}</td></tr>'
        for label, value in rows
    )
    return (
        '<table class="pm-results" style="border-collapse:collapse;margin:4px 0;">'
        f'<caption style="text-align:left;font-weight:600;padding-bottom:4px;">{escape(caption)}</caption>'
        f"{body}</table>"
    )


def bullet_list(items: Iterable[str]) -> str:
    """An escaped bulleted list."""
    return "<ul>" + "".join(f"<li>{escape(item)}</li>" for item in items) + "</ul>"


def png_html(png: bytes, alt: str, *, width: int) -> str:
    """An ``<img>`` holding PNG bytes, with ``alt`` text for screen readers."""
    data = base64.b64encode(png).decode("ascii")
    return (
        f'<img class="pm-chart" src="data:image/png;base64,{data}" alt="{escape(alt)}" '
        f'style="max-width:100%;height:auto;" width="{width}">'
    )


def data_table(header: Sequence[str], rows: Iterable[Sequence[object]], *, caption: str) -> str:
    """A table with a header row; every cell is escaped. The first column labels each row."""
    head = "".join(f'<th scope="col" style="text-align:left;padding:2px 10px 2px 0;">{escape(h)}</th>' for h in header)
    body = "".join(
        "<tr>"
        + "".join(
            f'<th scope="row" style="text-align:left;padding:2px 10px 2px 0;font-weight:600;">{escape(cell)}</th>'
            if index == 0 else f'<td style="padding:2px 10px 2px 0;">{escape(cell)}</td>'
            for index, cell in enumerate(row)
        )
        + "</tr>"
        for row in rows
    )
    return (
        '<table class="pm-results" style="border-collapse:collapse;margin:4px 0;">'
        f'<caption style="text-align:left;font-weight:600;padding-bottom:4px;">{escape(caption)}</caption>'
        f"<thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"
    )


def mark_spans(text: str, spans: Iterable[tuple[int, int]], *, style: str = "background:#fff0b3;color:#111;") -> str:
    """``text`` escaped, with each ``(start, end)`` span wrapped in ``<mark>``; overlapping spans are merged."""
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    parts, position = [], 0
    for start, end in merged:
        parts.append(escape(text[position:start]))
        parts.append(f'<mark style="{escape(style)}">{escape(text[start:end])}</mark>')
        position = end
    parts.append(escape(text[position:]))
    return "".join(parts)
