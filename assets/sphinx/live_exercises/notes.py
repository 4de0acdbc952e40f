"""Source read: each chapter's one-line "Preview or live?" note becomes the book's shared note.

A notebook opened in Jupyter or Colab shows :data:`MARKER`, a line written for someone who can run
the cells. The online book shows ``assets/includes/preview-or-live.md`` in its place, written once
for readers of the web page (Run live, Forget my answers, Save my work, the fallbacks). A MyST
``{include}`` would do the same in the book but shows as a raw code block in Colab and JupyterLab.
"""

from __future__ import annotations

import json
from pathlib import Path

from sphinx.application import Sphinx

MARKER = ("> **Preview or live?** Run the cells and the exercise below works here. "
          "In the online book it starts as a preview, with a **Run live** button above it.")
SHARED_NOTE = Path(__file__).resolve().parents[2] / "includes" / "preview-or-live.md"


def expand(notebook_json: str, note: str) -> str:
    """The notebook with every Markdown line equal to :data:`MARKER` replaced by ``note``."""
    notebook = json.loads(notebook_json)
    for cell in notebook["cells"]:
        if cell["cell_type"] != "markdown":
            continue
        source = "".join(cell["source"]) if isinstance(cell["source"], list) else cell["source"]
        lines = [note.strip() if line == MARKER else line for line in source.split("\n")]
        cell["source"] = "\n".join(lines)
    return json.dumps(notebook, ensure_ascii=False)


def expand_preview_notes(app: Sphinx, docname: str, source: list[str]) -> None:
    if not str(app.env.doc2path(docname)).endswith(".ipynb") or MARKER not in source[0]:
        return
    app.env.note_dependency(str(SHARED_NOTE))
    source[0] = expand(source[0], SHARED_NOTE.read_text(encoding="utf-8"))
