"""Stable ids for the widget models stored in a lesson, so that a change of prose is a small diff.

A lesson is stored executed, with the state of its tools in the notebook's metadata. ipywidgets names each
model with a random id, so every execution renamed a few hundred models and a one-sentence edit rewrote
thousands of lines. :func:`stabilise` renames them in the order a reader meets them: the widget outputs
from the top of the lesson, each followed by the models it refers to, depth first; then any model no output
reaches, in the order of their content. The new id of the n-th model is a digest of the lesson's name and
n, so the same lesson executed twice is stored the same way.
"""

from __future__ import annotations

import hashlib
import json
import re

import nbformat

WIDGET_STATE = "application/vnd.jupyter.widget-state+json"
WIDGET_VIEW = "application/vnd.jupyter.widget-view+json"
# How a model names another: in its own state ("IPY_MODEL_<id>"), or in an output it holds (an Output widget).
_REFERENCE = re.compile(r'IPY_MODEL_([0-9a-f]{32})|"model_id": "([0-9a-f]{32})"')
_ID = re.compile(r"[0-9a-f]{32}")


def _state(notebook: nbformat.NotebookNode) -> dict | None:
    return notebook.metadata.get("widgets", {}).get(WIDGET_STATE, {}).get("state")


def reading_order(notebook: nbformat.NotebookNode) -> list[str]:
    """The ids of the stored models in the order a reader meets them (see the module's docstring)."""
    state = _state(notebook) or {}
    order: list[str] = []
    seen: set[str] = set()

    def visit(model_id: str) -> None:
        stack = [model_id]
        while stack:
            current = stack.pop()
            if current in seen or current not in state:
                continue
            seen.add(current)
            order.append(current)
            text = json.dumps(state[current], sort_keys=True)
            stack.extend(reversed([a or b for a, b in _REFERENCE.findall(text)]))

    for cell in notebook.cells:
        for output in cell.get("outputs", []):
            view = output.get("data", {}).get(WIDGET_VIEW)
            if view:
                visit(view["model_id"])
    for model_id in sorted(state, key=lambda key: json.dumps(state[key], sort_keys=True)):
        visit(model_id)
    return order


def stable_id(lesson: str, position: int) -> str:
    """The id of the model met in this position of a lesson: 32 hex digits, as ipywidgets' own."""
    return hashlib.sha256(f"{lesson}/{position}".encode()).hexdigest()[:32]


def stabilise(notebook: nbformat.NotebookNode, lesson: str) -> int:
    """Rename every stored widget model of the notebook to its stable id, everywhere it is named.

    The stored state is rewritten in reading order. Running it again changes nothing. Returns the number of
    models.
    """
    state = _state(notebook)
    if not state:
        return 0
    order = reading_order(notebook)
    renamed = {old: stable_id(lesson, position) for position, old in enumerate(order)}
    notebook.metadata["widgets"][WIDGET_STATE]["state"] = {old: state[old] for old in order}
    text = _ID.sub(lambda match: renamed.get(match.group(), match.group()), json.dumps(notebook))
    stable = nbformat.from_dict(json.loads(text))
    notebook.cells = stable.cells
    notebook.metadata = stable.metadata
    return len(order)
