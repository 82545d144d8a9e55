"""Lesson notebooks are stored executed, follow the lesson anatomy, and navigate to each other.

nbval (enabled in pyproject.toml) executes them and compares outputs; these tests check what it cannot.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from caiokit.authoring import NAV_MARKER, add_navigation
from caiokit.curriculum import lessons

ROOT = Path(__file__).resolve().parent.parent
READY = list(lessons().query("status == 'ready'")["lesson"])


def load(lesson: str) -> dict:
    return json.loads((ROOT / "notebooks" / f"{lesson}.ipynb").read_text(encoding="utf-8"))


@pytest.mark.parametrize("lesson", READY)
def test_stored_executed_without_errors(lesson):
    for cell in load(lesson)["cells"]:
        if (
            cell["cell_type"] != "code"
            or not cell["source"]
            or "".join(cell["source"]).lstrip().startswith("#")
        ):
            continue
        assert cell["execution_count"] is not None, f"a cell of {lesson} was never run: {cell['source'][:1]}"
        assert not [o for o in cell["outputs"] if o["output_type"] == "error"]


@pytest.mark.parametrize("lesson", READY)
def test_follows_the_lesson_anatomy(lesson):
    cells = load(lesson)["cells"]
    text = "\n".join("".join(c["source"]) for c in cells if c["cell_type"] == "markdown")
    assert cells[0]["source"][0].startswith("# "), "the first cell is the title"
    for required in ("Estimated time", "## Recap", "## Sources"):
        assert required.lower() in text.lower(), f"{lesson} lacks {required!r}"
    code = "\n".join("".join(c["source"]) for c in cells if c["cell_type"] == "code")
    assert code.count(".check()") >= 2, f"{lesson} needs at least two checked exercises"
    assert ".show()" in code, f"{lesson} needs an interactive tool"


@pytest.mark.parametrize("lesson", READY)
def test_navigation_at_top_and_bottom(lesson):
    cells = load(lesson)["cells"]
    assert cells[1]["metadata"].get(NAV_MARKER) and cells[-1]["metadata"].get(NAV_MARKER)


def test_navigation_is_idempotent():
    import nbformat

    notebook = nbformat.reads(json.dumps(load("00_start_here")), as_version=4)
    before = len(notebook.cells)
    add_navigation(notebook, "00_start_here")
    add_navigation(notebook, "00_start_here")
    assert len(notebook.cells) == before


@pytest.mark.parametrize("lesson", READY)
def test_outputs_hold_no_memory_address_or_local_path(lesson):
    raw = (ROOT / "notebooks" / f"{lesson}.ipynb").read_text(encoding="utf-8")
    assert " at 0x" not in raw
    assert str(ROOT) not in raw and "/tmp/" not in raw
