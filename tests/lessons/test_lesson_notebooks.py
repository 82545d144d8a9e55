"""Lesson notebooks are stored executed, follow the lesson anatomy, and navigate to each other.

nbval (enabled in pyproject.toml) executes them and compares outputs; these tests check what it cannot.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from caiokit.authoring import NAV_MARKER, add_navigation
from caiokit.curriculum import lessons
from caiokit.lesson_validation import mark_checks

from harness.widget_outputs import fallback_problems

ROOT = Path(__file__).resolve().parents[2]
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


def _recap(cells: list[dict]) -> str:
    recaps = [
        "".join(c["source"]) for c in cells if c["cell_type"] == "markdown" and c["source"][0] == "## Recap\n"
    ]
    assert len(recaps) == 1, "one cell starts with the recap heading"
    return recaps[0]


@pytest.mark.parametrize("lesson", READY)
def test_recap_is_folded_so_it_does_not_give_the_quiz_away(lesson):
    recap = _recap(load(lesson)["cells"])
    opening = re.search(r"<details><summary>Recap: [^<]+</summary>\n\n", recap)
    assert opening, (
        f"{lesson}: the recap is not inside <details><summary>Recap: ...</summary> and a blank line"
    )
    folded, closing, after = recap[opening.end() :].partition("\n\n</details>\n")
    assert closing and folded.count("\n- ") + folded.startswith("- ") >= 3, (
        f"{lesson}: the bullets are not folded"
    )
    assert "- " not in recap[: opening.start()] and "## Sources" in after


def test_the_course_map_is_what_lesson_00_opens_on():
    cells = load("00_start_here")["cells"]
    headings = [
        i for i, c in enumerate(cells) if c["cell_type"] == "markdown" and c["source"][0].startswith("## ")
    ]
    first = "".join(cells[headings[0]]["source"])
    second = "".join(cells[headings[1]]["source"])
    # Only the setup, which the map's code needs, comes between the top navigation and the map.
    assert first.startswith("## Setup") and second.startswith("## The course map")
    assert cells[1]["metadata"].get(NAV_MARKER) and headings[0] == 3
    assert [c["cell_type"] for c in cells[headings[0] : headings[1] + 2]] == [
        "markdown",
        "code",
        "markdown",
        "code",
    ]
    assert "".join(cells[headings[1] + 1]["source"]) == "course_map()"
    assert "00_start_here.ipynb#The-course-map" in "".join(cells[1]["source"])


@pytest.mark.parametrize("lesson", READY)
def test_check_cells_are_marked_for_nbgrader_validate(lesson):
    import nbformat

    notebook = nbformat.reads(json.dumps(load(lesson)), as_version=4)
    stored = [cell.metadata.get("nbgrader") for cell in notebook.cells]
    assert mark_checks(notebook, lesson) >= 2
    assert stored == [cell.metadata.get("nbgrader") for cell in notebook.cells], (
        f"{lesson}: run `python -m caiokit.authoring lessons {lesson}` to mark its check cells"
    )


@pytest.mark.parametrize("lesson", READY)
def test_every_stored_tool_has_a_short_text_for_an_untrusted_notebook(lesson):
    """An untrusted notebook shows each widget output's text/plain: a line saying what to do, never a repr."""
    problems = fallback_problems(ROOT / "notebooks" / f"{lesson}.ipynb")
    assert not problems, "\n".join(problems)
