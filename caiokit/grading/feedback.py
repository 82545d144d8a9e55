"""Feedback that never shows hidden tests (nbgrader issue 917).

Autograding puts the hidden tests back into each test cell, and ``nbgrader generate_feedback`` shows
those cells as they are: the hidden code, and a traceback pointing at the failing line. The
preprocessor below, run first by ``GenerateFeedback`` (see nbgrader_config.py), removes the hidden
region from the source and replaces the traceback of an error by its type and message, so learners see
that a hidden test failed and why, but not the test itself. It also removes the rubric cells that
autograding put in for graders. The gradebook is untouched.
"""

from __future__ import annotations

from nbformat import NotebookNode
from nbgrader.preprocessors import ClearHiddenTests
from traitlets import List

from caiokit.grading.rubric import is_rubric

HIDDEN_NOTICE = "# (hidden tests ran here; their code is not shown in feedback)"
TRACEBACK_NOTICE = "(raised while running the tests of this cell; hidden tests are not shown)"


class HideHiddenTests(ClearHiddenTests):
    """Strip hidden-test code and tracebacks from test cells before feedback is rendered."""

    # nbgrader's preprocessors redeclare nbconvert's display_data_priority as not configurable, so the HTML
    # exporter's default config for it made traitlets warn "Config option 'display_data_priority' not
    # recognized by 'HideHiddenTests'" on every generate_feedback. Configurable again, as in nbgrader's
    # own GetGrades, it takes the exporter's value and the warning is gone.
    display_data_priority = List(ClearHiddenTests.display_data_priority.default()).tag(config=True)

    def preprocess(self, nb: NotebookNode, resources: dict) -> tuple[NotebookNode, dict]:
        """Drop the graders' rubric cells (see caiokit.grading.rubric), then clean every test cell."""
        nb.cells = [cell for cell in nb.cells if not is_rubric(cell)]
        return super().preprocess(nb, resources)

    def preprocess_cell(
        self, cell: NotebookNode, resources: dict, cell_index: int
    ) -> tuple[NotebookNode, dict]:
        """Remove the hidden region; where one was removed, reduce error outputs to their type and message."""
        if cell.cell_type != "code":
            return cell, resources
        lines = cell.source.split("\n")
        begin = next((i for i, line in enumerate(lines) if self.begin_test_delimeter in line), None)
        if begin is None:
            return cell, resources
        self._remove_hidden_test_region(cell)
        kept = cell.source.split("\n")
        cell.source = "\n".join([*kept[:begin], HIDDEN_NOTICE, *kept[begin:]])
        for output in cell.get("outputs", []):
            if output.get("output_type") == "error":
                output["traceback"] = [
                    f"{output.get('ename', 'Error')}: {output.get('evalue', '')}",
                    TRACEBACK_NOTICE,
                ]
        return cell, resources
