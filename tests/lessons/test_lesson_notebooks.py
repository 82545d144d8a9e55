"""Lesson notebooks are stored executed, follow the lesson anatomy, and navigate to each other, in every
edition (notebooks/ in English, notebooks/<lang>/ for another language: the lessons it has so far).

nbval (enabled in pyproject.toml) executes them and compares outputs; these tests check what it cannot.
"""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

import pytest

from caiokit.authoring import COURSE_MAP_ANCHOR, NAV_MARKER, add_navigation
from caiokit.curriculum import lessons, notebook_path
from caiokit.i18n import LANGUAGES, SOURCE_LANGUAGE, _, speaking
from caiokit.lesson_validation import mark_checks

from harness.widget_outputs import fallback_problems

ROOT = Path(__file__).resolve().parents[2]
READY = list(lessons().query("status == 'ready'")["lesson"])
# Every notebook of every edition, as (lesson, language).
EDITIONS = [
    (lesson, language)
    for language in LANGUAGES
    for lesson in READY
    if (ROOT / "notebooks" / notebook_path(lesson, language)).is_file()
]
IDS = [f"{language}/{lesson}" for lesson, language in EDITIONS]
# The words of the lesson anatomy in each language.
ANATOMY = {
    "en": {"time": "Estimated time", "recap": "Recap", "sources": "Sources"},
    "fr": {"time": "Durée estimée", "recap": "Récapitulatif", "sources": "Sources"},
}


def path_of(lesson: str, language: str = SOURCE_LANGUAGE) -> Path:
    return ROOT / "notebooks" / notebook_path(lesson, language)


def load(lesson: str, language: str = SOURCE_LANGUAGE) -> dict:
    return json.loads(path_of(lesson, language).read_text(encoding="utf-8"))


def test_every_language_names_its_lesson_anatomy():
    assert set(ANATOMY) == set(LANGUAGES)


@pytest.mark.parametrize(("lesson", "language"), EDITIONS, ids=IDS)
def test_stored_executed_without_errors(lesson, language):
    for cell in load(lesson, language)["cells"]:
        if (
            cell["cell_type"] != "code"
            or not cell["source"]
            or "".join(cell["source"]).lstrip().startswith("#")
        ):
            continue
        assert cell["execution_count"] is not None, f"a cell of {lesson} was never run: {cell['source'][:1]}"
        assert not [o for o in cell["outputs"] if o["output_type"] == "error"]


@pytest.mark.parametrize(("lesson", "language"), EDITIONS, ids=IDS)
def test_follows_the_lesson_anatomy(lesson, language):
    cells = load(lesson, language)["cells"]
    words = ANATOMY[language]
    text = "\n".join("".join(c["source"]) for c in cells if c["cell_type"] == "markdown")
    assert cells[0]["source"][0].startswith("# "), "the first cell is the title"
    for required in (words["time"], f"## {words['recap']}", f"## {words['sources']}"):
        assert required.lower() in text.lower(), f"{lesson} lacks {required!r}"
    code = "\n".join("".join(c["source"]) for c in cells if c["cell_type"] == "code")
    assert code.count(".check()") >= 2, f"{lesson} needs at least two checked exercises"
    assert ".show()" in code, f"{lesson} needs an interactive tool"


@pytest.mark.parametrize(("lesson", "language"), EDITIONS, ids=IDS)
def test_navigation_at_top_and_bottom(lesson, language):
    cells = load(lesson, language)["cells"]
    assert cells[1]["metadata"].get(NAV_MARKER) and cells[-1]["metadata"].get(NAV_MARKER)


@pytest.mark.parametrize(("lesson", "language"), EDITIONS, ids=IDS)
def test_the_top_navigation_links_the_lesson_in_its_other_editions(lesson, language):
    top = "".join(load(lesson, language)["cells"][1]["source"])
    for other in LANGUAGES:
        if other != language and path_of(lesson, other).is_file():
            target = os.path.relpath(path_of(lesson, other), path_of(lesson, language).parent)
            assert f"]({Path(target).as_posix()})" in top, (
                f"{lesson} ({language}) does not link its {other} edition"
            )


def test_navigation_is_idempotent():
    import nbformat

    notebook = nbformat.reads(json.dumps(load("00_start_here")), as_version=4)
    before = len(notebook.cells)
    add_navigation(notebook, "00_start_here")
    add_navigation(notebook, "00_start_here")
    assert len(notebook.cells) == before


@pytest.mark.parametrize(("lesson", "language"), EDITIONS, ids=IDS)
def test_outputs_hold_no_memory_address_or_local_path(lesson, language):
    raw = path_of(lesson, language).read_text(encoding="utf-8")
    assert " at 0x" not in raw
    assert str(ROOT) not in raw and "/tmp/" not in raw


def _recap(cells: list[dict], word: str) -> str:
    recaps = [
        "".join(c["source"])
        for c in cells
        if c["cell_type"] == "markdown" and c["source"][0] == f"## {word}\n"
    ]
    assert len(recaps) == 1, "one cell starts with the recap heading"
    return recaps[0]


@pytest.mark.parametrize(("lesson", "language"), EDITIONS, ids=IDS)
def test_recap_is_folded_so_it_does_not_give_the_quiz_away(lesson, language):
    words = ANATOMY[language]
    recap = _recap(load(lesson, language)["cells"], words["recap"])
    opening = re.search(rf"<details><summary>{words['recap']}[\u00a0 ]?: [^<]+</summary>\n\n", recap)
    assert opening, (
        f"{lesson}: the recap is not inside <details><summary>{words['recap']}: ...</summary> and a blank line"
    )
    folded, closing, after = recap[opening.end() :].partition("\n\n</details>\n")
    assert closing and folded.count("\n- ") + folded.startswith("- ") >= 3, (
        f"{lesson}: the bullets are not folded"
    )
    assert "- " not in recap[: opening.start()] and f"## {words['sources']}" in after


@pytest.mark.parametrize("language", [code for code in LANGUAGES if path_of("00_start_here", code).is_file()])
def test_the_course_map_is_what_lesson_00_opens_on(language):
    cells = load("00_start_here", language)["cells"]
    with speaking(language):
        anchor = _(COURSE_MAP_ANCHOR)
    headings = [
        i for i, c in enumerate(cells) if c["cell_type"] == "markdown" and c["source"][0].startswith("## ")
    ]
    second = "".join(cells[headings[1]]["source"])
    # Only the setup, which the map's code needs, comes between the top navigation and the map.
    assert "bind(" in "".join(cells[headings[0] + 1]["source"])
    assert second.startswith(f"## {anchor.replace('-', ' ')}")
    assert cells[1]["metadata"].get(NAV_MARKER) and headings[0] == 3
    assert [c["cell_type"] for c in cells[headings[0] : headings[1] + 2]] == [
        "markdown",
        "code",
        "markdown",
        "code",
    ]
    assert "".join(cells[headings[1] + 1]["source"]) == "course_map()"
    assert f"{path_of('00_start_here', language).name}#{anchor}" in "".join(cells[1]["source"])


@pytest.mark.parametrize(("lesson", "language"), EDITIONS, ids=IDS)
def test_check_cells_are_marked_for_nbgrader_validate(lesson, language):
    import nbformat

    notebook = nbformat.reads(json.dumps(load(lesson, language)), as_version=4)
    stored = [cell.metadata.get("nbgrader") for cell in notebook.cells]
    assert mark_checks(notebook, lesson) >= 2
    assert stored == [cell.metadata.get("nbgrader") for cell in notebook.cells], (
        f"{lesson}: run `python -m caiokit.authoring lessons {lesson}` to mark its check cells"
    )


@pytest.mark.parametrize(("lesson", "language"), EDITIONS, ids=IDS)
def test_every_stored_tool_has_a_short_text_for_an_untrusted_notebook(lesson, language):
    """An untrusted notebook shows each widget output's text/plain: a line saying what to do, never a repr."""
    problems = fallback_problems(path_of(lesson, language))
    assert not problems, "\n".join(problems)
