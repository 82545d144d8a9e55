"""What a stored widget output of a lesson must show when JupyterLab cannot draw it (an untrusted notebook).

Shared by the lessons tier (every stored output of every edition, read from the files) and the browser tier
(what JupyterLab actually draws for a sample of lessons).
"""

from __future__ import annotations

import json
import re
from pathlib import Path

WIDGET_VIEW = "application/vnd.jupyter.widget-view+json"
# Untrusted, a widget output shows its text/plain fallback: it must read as a sentence, not a page of repr.
MAX_FALLBACK_CHARS = 300
# A widget's Python repr: `VBox(children=(...`, `IntSlider(value=3, ...`, `FigureWidget({...`.
WIDGET_REPR = r"^\s*(?:[A-Z][A-Za-z]*\(\w+=|FigureWidget\(\{)"


def widget_outputs(notebook: Path) -> int:
    """How many outputs of a stored notebook are widget views."""
    cells = json.loads(notebook.read_text(encoding="utf-8"))["cells"]
    return sum(WIDGET_VIEW in output.get("data", {}) for cell in cells for output in cell.get("outputs", []))


def fallback_problems(notebook: Path) -> list[str]:
    """What is wrong with the text/plain fallbacks of a notebook's stored widget outputs ([] if nothing)."""
    problems = []
    cells = json.loads(notebook.read_text(encoding="utf-8"))["cells"]
    for number, cell in enumerate(cells):
        for output in cell.get("outputs", []):
            data = output.get("data", {})
            if WIDGET_VIEW not in data:
                continue
            text = "".join(data.get("text/plain", ""))
            where = f"{notebook.name} cell {number}"
            if re.match(WIDGET_REPR, text):
                problems.append(f"{where}: widget stored with a Python repr as its text: {text[:80]!r}")
            elif not text.strip():
                problems.append(f"{where}: widget output has no text to show")
            elif len(text) > MAX_FALLBACK_CHARS:
                problems.append(f"{where}: {len(text)} characters of text: {text[:80]!r}")
    return problems
