"""Submitted cells checked against the source: deleted cells restored where they belong, honest work left quiet.

nbgrader's ``OverwriteCells`` puts back what a learner must not change (test cells, points, read-only
text) and, with ``add_missing_cells``, restores graded cells a learner deleted. Two of its habits are fixed
here (nbgrader_config.py uses :class:`RestoreCells` in its place):

- it places a restored cell after the *graded or answer* cell before it in the source, and fails with a
  ``KeyError`` (so the whole submission gets 0) when that cell is read-only text or code, as in
  05_capstone where a note sits between an answer and its tests. Here a restored cell goes after the
  nearest earlier cell of the source that is still in the submission, whatever its kind;
- it warns ``Attribute 'checksum' for cell ... has changed!`` for every test cell with hidden tests, on
  every honest submission, because putting the hidden tests back changes the cell. Here that warning is
  kept for real edits of a read-only cell only.
"""

from __future__ import annotations

from typing import Any

from nbconvert.exporters.exporter import ResourcesDict
from nbformat import NotebookNode
from nbgrader.api import MissingEntry
from nbgrader.preprocessors import ClearHiddenTests, OverwriteCells


class RestoreCells(OverwriteCells):
    """``OverwriteCells`` that restores a deleted cell after the nearest earlier cell still present."""

    _hidden_tests_only = False

    def add_missing_grade_cells(
        self, nb: NotebookNode, resources: ResourcesDict
    ) -> tuple[NotebookNode, ResourcesDict]:
        """Put back every graded cell missing from the submission, in source order."""
        source_nb = self.gradebook.find_notebook(self.notebook_id, self.assignment_id)
        order = [cell.name for cell in source_nb.source_cells]
        sources = {cell.name: cell for cell in source_nb.source_cells}
        grade_cells = {cell.name: cell for cell in source_nb.grade_cells}
        answers = {cell.name for cell in source_nb.solution_cells}
        for position, name in enumerate(order):
            if name not in grade_cells or name in _present(nb):
                continue
            self.log.warning("Missing grade cell %s encountered, adding to notebook", name)
            restored = self.missing_cell_transform(
                sources[name], grade_cells[name].max_score, is_solution=name in answers
            )
            nb.cells.insert(_after_nearest_earlier(nb, order[:position]), restored)
        return nb, resources

    def preprocess_cell(
        self, cell: NotebookNode, resources: ResourcesDict, cell_index: int
    ) -> tuple[NotebookNode, ResourcesDict]:
        """nbgrader's checks, noting first whether the cell differs from the source by its hidden tests only."""
        self._hidden_tests_only = self._differs_by_hidden_tests_only(cell)
        return super().preprocess_cell(cell, resources, cell_index)

    def report_change(self, name: str, attr: str, old: Any, new: Any) -> None:
        """Warn about a changed cell, except a test cell whose hidden tests are simply being put back."""
        if attr == "checksum" and self._hidden_tests_only:
            self.log.debug("Cell %s: hidden tests put back from the source", name)
            return
        super().report_change(name, attr, old, new)

    def _differs_by_hidden_tests_only(self, cell: NotebookNode) -> bool:
        """True if the cell is exactly the student version of its source cell (hidden tests removed)."""
        grade_id = cell.metadata.get("nbgrader", {}).get("grade_id")
        if grade_id is None:
            return False
        try:
            source = self.gradebook.find_source_cell(grade_id, self.notebook_id, self.assignment_id)
        except MissingEntry:
            return False
        student_version = NotebookNode(cell_type=source.cell_type, source=source.source, metadata={})
        removed = ClearHiddenTests(parent=self)._remove_hidden_test_region(student_version)
        return removed and student_version.source == cell.source


def _present(nb: NotebookNode) -> dict[str, int]:
    """Position of every cell of the submission that has a grade id."""
    return {
        cell.metadata["nbgrader"]["grade_id"]: index
        for index, cell in enumerate(nb.cells)
        if "grade_id" in cell.metadata.get("nbgrader", {})
    }


def _after_nearest_earlier(nb: NotebookNode, earlier: list[str]) -> int:
    """The index just after the last of ``earlier`` (source cells, in order) still in the notebook, or 0."""
    present = _present(nb)
    for name in reversed(earlier):
        if name in present:
            return present[name] + 1
    return 0
