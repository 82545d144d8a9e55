"""Stored widget models get stable ids in reading order, so that executing a lesson again changes nothing."""

from __future__ import annotations

import copy
import json
import uuid

import nbformat

from caiokit.widget_ids import WIDGET_STATE, WIDGET_VIEW, reading_order, stabilise, stable_id


def model(name: str, **state) -> dict:
    return {"model_name": name, "model_module": "@jupyter-widgets/controls", "state": state}


def lesson_with_random_ids() -> tuple[nbformat.NotebookNode, dict[str, str]]:
    """A tool (a box holding a text, an Output widget that shows a button, and a layout) and one model no
    output reaches, each with a fresh random id as ipywidgets gives them."""
    ids = {name: uuid.uuid4().hex for name in ("box", "text", "output", "button", "layout", "orphan")}
    state = {
        ids["orphan"]: model("LayoutModel"),
        ids["button"]: model("ButtonModel", description="Go"),
        ids["box"]: model(
            "VBoxModel",
            children=[f"IPY_MODEL_{ids['text']}", f"IPY_MODEL_{ids['output']}"],
            layout=f"IPY_MODEL_{ids['layout']}",
        ),
        ids["layout"]: model("LayoutModel", width="200px"),
        ids["text"]: model("HTMLModel", value="<b>Hello</b>"),
        ids["output"]: model(
            "OutputModel",
            outputs=[{"output_type": "display_data", "data": {WIDGET_VIEW: {"model_id": ids["button"]}}}],
        ),
    }
    notebook = nbformat.v4.new_notebook()
    notebook.cells = [
        nbformat.v4.new_markdown_cell("Some prose."),
        nbformat.v4.new_code_cell(
            "Tool().show()",
            outputs=[
                nbformat.v4.new_output(
                    "display_data",
                    data={WIDGET_VIEW: {"model_id": ids["box"], "version_major": 2}, "text/plain": "Run it."},
                )
            ],
        ),
    ]
    for number, cell in enumerate(notebook.cells):
        cell.id = f"cell-{number}"  # as a stored lesson's cells keep theirs
    notebook.metadata["widgets"] = {WIDGET_STATE: {"version_major": 2, "version_minor": 0, "state": state}}
    return notebook, ids


def test_models_are_met_from_the_outputs_depth_first_then_the_unreached():
    notebook, ids = lesson_with_random_ids()
    names = {value: key for key, value in ids.items()}
    assert [names[i] for i in reading_order(notebook)] == [
        "box",
        "text",
        "output",
        "button",
        "layout",
        "orphan",
    ]


def test_every_mention_of_a_model_is_renamed():
    notebook, ids = lesson_with_random_ids()
    assert stabilise(notebook, "07_culture_and_change") == 6
    text = json.dumps(notebook)
    assert not any(old in text for old in ids.values())
    new = [stable_id("07_culture_and_change", n) for n in range(6)]
    state = notebook.metadata["widgets"][WIDGET_STATE]["state"]
    assert list(state) == new  # stored in reading order
    assert notebook.cells[1].outputs[0].data[WIDGET_VIEW]["model_id"] == new[0]
    assert state[new[0]]["state"]["children"] == [f"IPY_MODEL_{new[1]}", f"IPY_MODEL_{new[2]}"]
    assert state[new[2]]["state"]["outputs"][0]["data"][WIDGET_VIEW]["model_id"] == new[3]
    assert state[new[3]]["state"]["description"] == "Go"
    nbformat.validate(notebook)


def test_two_executions_are_stored_the_same_and_a_second_pass_changes_nothing():
    first, _ = lesson_with_random_ids()
    second, _ = lesson_with_random_ids()
    assert json.dumps(first) != json.dumps(second)
    stabilise(first, "03_use_case_prioritization")
    stabilise(second, "03_use_case_prioritization")
    assert json.dumps(first, sort_keys=True) == json.dumps(second, sort_keys=True)
    again = copy.deepcopy(first)
    stabilise(again, "03_use_case_prioritization")
    assert json.dumps(again) == json.dumps(first)


def test_ids_differ_between_lessons_and_a_notebook_without_widgets_is_left_alone():
    assert stable_id("00_start_here", 0) != stable_id("01_who_is_the_caio", 0)
    assert len(stable_id("00_start_here", 0)) == 32
    plain = nbformat.v4.new_notebook(cells=[nbformat.v4.new_markdown_cell("Prose only.")])
    before = json.dumps(plain)
    assert stabilise(plain, "00_start_here") == 0 and json.dumps(plain) == before
