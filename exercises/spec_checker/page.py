"""The spec checker's pages: the scenario brief, the one-page spec (vague words marked), its Markdown, the limits.

Everything here is escaped: learner text for HTML with :func:`exercises.kit.render.escape`, for
Markdown with :func:`exercises.kit.text.escape_markdown`.
"""

from __future__ import annotations

from collections.abc import Sequence

from ..kit import render
from ..kit.text import escape_markdown
from .model import SpecCheck
from .rules import Scenario, SpecRules, spec_rules

_BOX = "border:1px solid #8a8a8a;padding:8px 14px;max-width:46em;background:#fff;color:#111;"
_MARK = "background:#fff0b3;color:#111;padding:0 1px;"


def scenario_html(scenario: Scenario) -> str:
    """The scenario's brief: the product, the situation, the request already made, and what the team knows."""
    known = "".join(f"<li>{render.escape(fact)}</li>" for fact in scenario.known)
    return (
        f'<div class="pm-spec-scenario" style="max-width:46em;">'
        f"<p><strong>{render.escape(scenario.title)}.</strong> {render.escape(scenario.product)}</p>"
        f"<p>{render.escape(scenario.situation)} {render.escape(scenario.request)}</p>"
        f'<p style="margin-bottom:2px;">What you know:</p><ul style="margin-top:0;">{known}</ul></div>'
    )


def marked_html(text: str, spans: Sequence[tuple[int, int]]) -> str:
    """``text`` escaped, with each span marked and line breaks kept."""
    return render.mark_spans(text, spans, style=_MARK).replace("\n", "<br>")


def spec_html(check: SpecCheck) -> str:
    """The one-page spec as an escaped HTML section, with the vague words marked."""
    title = f"One-page spec: {check.scenario.title}" if check.scenario else "One-page spec"
    parts = []
    for section, text, spans, count in zip(check.rules.sections, check.texts, check.vague_spans,
                                           check.chart.counts, strict=True):
        body = marked_html(text, spans) if text else "<em>(not written yet)</em>"
        flags = f" ({count} flag{'s' if count != 1 else ''})" if count else ""
        heading = f'<h4 style="margin:8px 0 2px 0;">{render.escape(section.label)}{flags}</h4>'
        parts.append(f'{heading}<p style="margin:0;">{body}</p>')
    words = sum(check.word_counts)
    return (
        f'<section class="pm-spec" aria-label="Your one-page spec" style="{_BOX}">'
        f'<p style="margin:0;color:#444;"><em>{render.escape(title)} ({words} words; vague words are marked)</em></p>'
        + "".join(parts) + "</section>"
    )


def spec_markdown(check: SpecCheck) -> str:
    """The spec and its flags as safe Markdown (for Save my work)."""
    title = f"My one-page spec: {check.scenario.title}" if check.scenario else "My one-page spec"
    lines = [f"## {escape_markdown(title)}", ""]
    for section, text in zip(check.rules.sections, check.texts, strict=True):
        body = escape_markdown(text).replace("\n", "  \n") if text else "*(not written yet)*"
        lines += [f"### {escape_markdown(section.label)}", "", body, ""]
    lines += ["## Checker", ""]
    lines += [
        f"- {escape_markdown(f.section_label)}: {escape_markdown(f.kind)}: {escape_markdown(f.message)}"
        + (f" (\u201c{escape_markdown(f.excerpt)}\u201d)" if f.excerpt else "")
        for f in check.flags
    ] or ["- No flags."]
    return "\n".join(lines) + "\n"


def limits_html(rules: SpecRules | None = None) -> str:
    """The checker's limits, folded away under a summary line."""
    items = "".join(f"<li>{render.escape(limit)}</li>" for limit in (rules or spec_rules()).limits)
    return (
        '<details class="pm-spec-limits" style="max-width:46em;margin:4px 0;">'
        "<summary><strong>What the checker cannot see</strong></summary>"
        f"<ol>{items}</ol></details>"
    )
