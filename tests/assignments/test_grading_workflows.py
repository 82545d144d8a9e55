"""Grading as a term goes on: honest work graded without alarming warnings, a regrade that keeps what was
graded by hand, late work penalised as nbgrader does, a clear refusal when nothing was handed in."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from nbgrader.api import Gradebook

from caiokit.errors import CaioKitError
from caiokit.grading.autograde import autograde

from harness.course import (
    ASSIGNMENT,
    MAX_CODE,
    cell,
    make_course,
    solution,
    submit,
)

ROOT = Path(__file__).resolve().parents[2]


def test_honest_work_is_graded_without_alarming_warnings(tmp_path):
    """No SAWarning, no "checksum has changed" unless a read-only cell was edited, no config warning on feedback."""
    course = make_course(tmp_path)
    submit(course, "honest", solution())
    tampered = solution()
    cell(tampered, "q1_sorter_tests")["source"] = "pass"
    submit(course, "tamperer", tampered)
    outputs = {}
    for name, command in {
        "caiokit": ["-m", "caiokit.grading", "autograde", ASSIGNMENT],
        "autograde": ["-m", "nbgrader", "autograde", ASSIGNMENT, "--force"],
        "feedback": ["-m", "nbgrader", "generate_feedback", ASSIGNMENT],
    }.items():
        result = subprocess.run(
            [sys.executable, *command], cwd=course, capture_output=True, text=True, check=False
        )
        assert result.returncode == 0, result.stdout[-2000:] + result.stderr[-2000:]
        outputs[name] = result.stdout + result.stderr
    assert "2 graded, 0 not graded" in outputs["caiokit"]
    for name, output in outputs.items():
        assert "SAWarning" not in output and "Warning:" not in output, name
    changed = [line for line in outputs["autograde"].splitlines() if "has changed" in line]
    assert len(changed) == 1 and "'checksum' for cell q1_sorter_tests" in changed[0], changed
    assert "not recognized" not in outputs["feedback"]


def test_a_regrade_keeps_written_answers_graded_by_hand(tmp_path):
    course = make_course(tmp_path)
    submit(course, "alice", solution())
    submit(course, "bob", solution())
    autograde(course, ASSIGNMENT, workers=1)
    with Gradebook(f"sqlite:///{course / 'gradebook.db'}") as gradebook:
        grade = gradebook.find_grade("q5_written_pitch", ASSIGNMENT, ASSIGNMENT, "alice")
        grade.manual_score = 4.0
        gradebook.find_comment("q5_written_pitch", ASSIGNMENT, ASSIGNMENT, "alice").manual_comment = "Sharp."
        gradebook.db.commit()
    regrades = {
        "generate_assignment": ["-m", "nbgrader", "generate_assignment", ASSIGNMENT, "--force"],
        "caiokit autograde": ["-m", "caiokit.grading", "autograde", ASSIGNMENT],
        "nbgrader autograde": ["-m", "nbgrader", "autograde", ASSIGNMENT, "--force"],
    }
    for step, command in regrades.items():
        result = subprocess.run([sys.executable, *command], cwd=course, capture_output=True, text=True)
        assert result.returncode == 0, f"{step}: {result.stderr[-2000:]}"
        if step == "generate_assignment":
            continue
        with Gradebook(f"sqlite:///{course / 'gradebook.db'}") as gradebook:
            alice = gradebook.find_grade("q5_written_pitch", ASSIGNMENT, ASSIGNMENT, "alice")
            bob = gradebook.find_grade("q5_written_pitch", ASSIGNMENT, ASSIGNMENT, "bob")
            comment = gradebook.find_comment("q5_written_pitch", ASSIGNMENT, ASSIGNMENT, "alice")
            assert (alice.score, alice.needs_manual_grade, comment.manual_comment) == (
                4.0,
                False,
                "Sharp.",
            ), step
            assert bob.needs_manual_grade, f"{step}: an answer not graded yet must still wait for a grader"


LATE_POLICY = """
c.AssignLatePenalties.plugin_class = "nbgrader.plugins.LateSubmissionPlugin"
c.LateSubmissionPlugin.penalty_method = "zero"
"""


def test_late_work_is_logged_and_penalised_as_plain_nbgrader_does(tmp_path):
    courses = {}
    for way in ("parallel", "plain"):
        course = make_course(tmp_path / way)
        with open(course / "nbgrader_config.py", "a", encoding="utf-8") as config:
            config.write(LATE_POLICY)
        with Gradebook(f"sqlite:///{course / 'gradebook.db'}") as gradebook:
            gradebook.update_or_create_assignment(ASSIGNMENT, duedate="2026-12-01 12:00:00 UTC")
        for student, stamp in (("punctual", "2026-12-01 11:00:00"), ("tardy", "2026-12-01 14:00:00")):
            submit(course, student, solution())
            (course / "submitted" / student / ASSIGNMENT / "timestamp.txt").write_text(f"{stamp}.000000 UTC")
        courses[way] = course
    result = subprocess.run(
        [sys.executable, "-m", "caiokit.grading", "autograde", ASSIGNMENT],
        cwd=courses["parallel"], capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert "WARNING tardy: graded, submitted 7200 seconds late" in result.stdout, result.stdout
    assert "INFO punctual: graded\n" in result.stdout
    plain = subprocess.run(
        [sys.executable, "-m", "nbgrader", "autograde", ASSIGNMENT],
        cwd=courses["plain"], capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert "SubmittedAssignment<01_caio_role for tardy> is 7200.0 seconds late" in plain.stderr

    def outcome(course: Path) -> dict:
        with Gradebook(f"sqlite:///{course / 'gradebook.db'}") as gradebook:
            return {
                s.student.id: (s.score, s.late_submission_penalty, s.total_seconds_late)
                for s in gradebook.find_assignment(ASSIGNMENT).submissions
            }

    assert outcome(courses["parallel"]) == outcome(courses["plain"])
    # (raw score, penalty, seconds late): the "zero" policy takes the whole raw score away.
    assert outcome(courses["parallel"])["tardy"] == (MAX_CODE, MAX_CODE, 7200.0)
    assert outcome(courses["parallel"])["punctual"] == (MAX_CODE, 0.0, 0.0)


def test_grading_refuses_clearly_without_submissions(tmp_path):
    course = make_course(tmp_path)
    with pytest.raises(CaioKitError, match="No submission"):
        autograde(course, ASSIGNMENT)
    with pytest.raises(CaioKitError, match="at least 1"):
        autograde(course, ASSIGNMENT, workers=0)
