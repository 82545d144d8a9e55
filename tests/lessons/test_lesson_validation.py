"""nbgrader's Validate button on a lesson: it fails while an exercise does not pass, and passes once all do."""

from __future__ import annotations

import nbformat
import pytest
from nbgrader.nbgraderformat import MetadataValidator
from nbgrader.validator import Validator

from caiokit.exercises import VALIDATING_VARIABLE, CheckNotPassed, Status
from caiokit.lesson_validation import calls_check, exercise_names, grade_id, mark_checks

LESSON = "00_start_here"


def lesson_notebook(answer: str) -> nbformat.NotebookNode:
    """A small lesson: setup, an answer cell, its check, and a cell that is not a check."""
    cells = [
        nbformat.v4.new_markdown_cell("# A lesson\n\nRun `q1.check()` below."),
        nbformat.v4.new_code_cell(
            "from caiokit.checks.start_here import q1\nfrom caiokit.exercises import bind\n\n"
            f'bind(globals(), lesson="{LESSON}")'
        ),
        nbformat.v4.new_code_cell(f"caio_in_one_line = {answer!r}"),
        nbformat.v4.new_code_cell("q1.check()"),
        nbformat.v4.new_code_cell("print('a cell that checks nothing')"),
    ]
    notebook = nbformat.v4.new_notebook(cells=cells)
    notebook.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    return notebook


def validate(notebook: nbformat.NotebookNode, folder) -> dict:
    mark_checks(notebook, LESSON)
    path = folder / "lesson.ipynb"
    nbformat.write(notebook, path)
    return Validator().validate(str(path))


class TestMarkChecks:
    def test_marks_only_the_check_cells_as_zero_point_tests(self):
        notebook = lesson_notebook("b")
        assert mark_checks(notebook, LESSON) == 1
        marked = [cell for cell in notebook.cells if "nbgrader" in cell.metadata]
        assert [cell.source for cell in marked] == ["q1.check()"]
        assert marked[0].metadata["nbgrader"] == {
            "grade": True,
            "solution": False,
            "locked": False,
            "task": False,
            "points": 0,
            "grade_id": grade_id(LESSON, 1),
            "schema_version": 3,
        }
        MetadataValidator().validate_nb(notebook)  # nbgrader accepts the metadata

    def test_is_idempotent_and_drops_stale_marks(self):
        notebook = lesson_notebook("b")
        mark_checks(notebook, LESSON)
        once = nbformat.writes(notebook)
        mark_checks(notebook, LESSON)
        assert nbformat.writes(notebook) == once
        notebook.cells[3].source = "print(caio_in_one_line)"
        assert mark_checks(notebook, LESSON) == 0
        assert all("nbgrader" not in cell.metadata for cell in notebook.cells)

    def test_numbers_the_check_cells_in_order(self):
        notebook = lesson_notebook("b")
        notebook.cells.append(nbformat.v4.new_code_cell("q2.check()"))
        mark_checks(notebook, LESSON)
        ids = [
            cell.metadata["nbgrader"]["grade_id"] for cell in notebook.cells if "nbgrader" in cell.metadata
        ]
        assert ids == ["00_start_here-check-1", "00_start_here-check-2"]

    def test_only_the_lesson_exercises_count(self):
        assert exercise_names(LESSON) == {"q1", "q2", "q3"}
        assert calls_check("answer = 'b'\nq3.check()", {"q3"})
        assert not calls_check("workbench.check()", {"q1"})
        assert not calls_check("q12.check()", {"q1"})
        assert not calls_check("q1.check()", set())


class TestCheckWhileValidating:
    def test_a_wrong_answer_raises_with_a_short_traceback(self, notebook_namespace, monkeypatch):
        from caiokit.checks.start_here import q1

        notebook_namespace["caio_in_one_line"] = "a"
        monkeypatch.setenv(VALIDATING_VARIABLE, "1")
        with pytest.raises(CheckNotPassed) as raised:
            q1.check()
        lines = raised.value._render_traceback_()
        assert raised.value.feedback.status is Status.INCORRECT
        assert "Exercise q1 of 00_start_here is not passed yet" in " ".join(lines)
        assert "not graded" in " ".join(lines) and "no credit" in " ".join(lines)
        assert lines and max(len(line) for line in lines) <= 80

    def test_a_right_answer_returns_its_feedback(self, notebook_namespace, monkeypatch):
        from caiokit.checks.start_here import q1

        notebook_namespace["caio_in_one_line"] = "b"
        monkeypatch.setenv(VALIDATING_VARIABLE, "1")
        assert q1.check().passed

    def test_learners_still_get_feedback_when_not_validating(self, notebook_namespace, monkeypatch):
        from caiokit.checks.start_here import q1

        monkeypatch.delenv(VALIDATING_VARIABLE, raising=False)
        notebook_namespace["caio_in_one_line"] = "a"
        feedback = q1.check()
        assert feedback.status is Status.INCORRECT and "Not 'a'" in feedback.message


class TestValidator:
    """nbgrader's own Validator, as the toolbar button runs it, on a lesson marked by mark_checks."""

    def test_a_wrong_answer_fails_and_names_the_exercise(self, tmp_path, progress_file):
        results = validate(lesson_notebook("a"), tmp_path)
        assert [cell["source"] for cell in results["failed"]] == ["q1.check()"]
        error = results["failed"][0]["raw_error"]
        assert "Exercise q1 of 00_start_here is not passed yet" in error and "not graded" in error

    def test_a_right_answer_passes(self, tmp_path, progress_file):
        assert validate(lesson_notebook("b"), tmp_path) == {}
