"""The rubric beside the answer in the Formgrader, and never anywhere a learner looks.

Each written answer's rubric is part of its model answer in ``source/`` (from ``**Grading rubric``, or
``**Grille de notation`` in a French assignment, to the end of the solution region), so ``nbgrader
generate_assignment`` keeps it out of ``release/``. When a submission is autograded, :class:`InsertRubrics`
(the last autograde step, configured in nbgrader_config.py) puts a read-only markdown cell holding that rubric
right after each manually graded answer of the graded notebook, which is the notebook the Formgrader shows. Feedback is made from that graded notebook, so the feedback step
(``caiokit.grading.feedback.HideHiddenTests``) removes those cells again: learners never see a rubric.
"""

from __future__ import annotations

from pathlib import Path

import nbformat
from nbconvert.exporters.exporter import ResourcesDict
from nbformat import NotebookNode
from nbgrader import utils
from nbgrader.coursedir import CourseDirectory
from nbgrader.preprocessors import NbGraderPreprocessor

from caiokit.i18n import N_, _, speaking

# The bold words that open a written answer's rubric in its model answer, in each edition's language.
RUBRIC_STARTS = {"en": "**Grading rubric", "fr": "**Grille de notation"}
SOLUTION_END = "### END SOLUTION"
METADATA_KEY = "caiokit_rubric"
RUBRIC_HEADER = N_("**For graders: the rubric of this answer** (from source/; never shown to learners)")


def rubric_of(solution_source: str) -> str | None:
    """The rubric inside a written answer's model solution, or None if it has none."""
    starts = [i for i in (solution_source.find(marker) for marker in RUBRIC_STARTS.values()) if i >= 0]
    if not starts:
        return None
    start = min(starts)
    end = solution_source.find(SOLUTION_END, start)
    return solution_source[start : end if end >= 0 else None].strip()


def _header(rubric: str) -> str:
    """The line above a rubric in the graded notebook, in the language the rubric is written in."""
    language = next(code for code, marker in RUBRIC_STARTS.items() if rubric.startswith(marker))
    with speaking(language):
        return _(RUBRIC_HEADER) + "\n\n"


def is_rubric(cell: NotebookNode) -> bool:
    """True for a rubric cell put in by :class:`InsertRubrics`."""
    return METADATA_KEY in cell.get("metadata", {})


class InsertRubrics(NbGraderPreprocessor):
    """After each manually graded answer, a read-only markdown cell with its rubric from the source version."""

    def preprocess(self, nb: NotebookNode, resources: ResourcesDict) -> tuple[NotebookNode, ResourcesDict]:
        """Insert the rubric cells (once: rubric cells already there are replaced)."""
        rubrics = self._source_rubrics(resources["nbgrader"]["assignment"], resources["nbgrader"]["notebook"])
        cells = []
        for cell in nb.cells:
            if is_rubric(cell):
                continue
            cells.append(cell)
            grade_id = cell.metadata.get("nbgrader", {}).get("grade_id")
            if utils.is_grade(cell) and utils.is_solution(cell) and grade_id in rubrics:
                rubric = nbformat.v4.new_markdown_cell(_header(rubrics[grade_id]) + rubrics[grade_id])
                rubric.metadata = {METADATA_KEY: grade_id, "editable": False, "deletable": False}
                rubric.id = f"rubric-{grade_id}"
                cells.append(rubric)
        nb.cells = cells
        return nb, resources

    def _source_rubrics(self, assignment: str, notebook: str) -> dict[str, str]:
        """Rubric of each written answer of the source notebook, by grade id."""
        coursedir = CourseDirectory(parent=self)
        path = Path(coursedir.format_path(coursedir.source_directory, ".", assignment)) / f"{notebook}.ipynb"
        if not path.exists():
            self.log.warning("No source notebook at %s: graders will not see the rubrics", path)
            return {}
        rubrics = {}
        for cell in nbformat.read(path, as_version=4).cells:
            rubric = rubric_of(cell.source) if utils.is_solution(cell) and utils.is_grade(cell) else None
            if rubric:
                rubrics[cell.metadata["nbgrader"]["grade_id"]] = rubric
        return rubrics
