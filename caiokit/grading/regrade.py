"""A regrade keeps written answers already graded by hand as graded.

nbgrader's ``SaveAutoGrades`` flags every cell that has a manual score as "needs manual grading" each time
a submission is autograded. For a written answer, which the autograder never scores, that means a regrade
(after fixing a hidden test: ``nbgrader generate_assignment --force``, then autograde again) sends every
answer already graded back to the grading queue, with its score and comment still there, and the
instructor can no longer tell what is left to grade. :class:`KeepHandGrades` (configured in
nbgrader_config.py) keeps such an answer graded. Autograded cells whose score a grader overrode are still
flagged for review, as nbgrader does.

The check is on the gradebook alone: a learner who resubmits (``nbgrader collect --update``) keeps the hand
grade of the earlier version too, so look again at written answers of resubmitted work.
"""

from __future__ import annotations

from nbconvert.exporters.exporter import ResourcesDict
from nbformat import NotebookNode
from nbgrader.preprocessors import SaveAutoGrades


class KeepHandGrades(SaveAutoGrades):
    """``SaveAutoGrades`` that leaves a written answer graded once a grader has given it a score."""

    def _add_score(self, cell: NotebookNode, resources: ResourcesDict) -> None:
        super()._add_score(cell, resources)
        grade = self.gradebook.find_grade(
            cell.metadata["nbgrader"]["grade_id"], self.notebook_id, self.assignment_id, self.student_id
        )
        if grade.auto_score is None and grade.manual_score is not None and grade.needs_manual_grade:
            grade.needs_manual_grade = False
            self.gradebook.db.commit()
