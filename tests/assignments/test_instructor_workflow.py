"""The instructor's whole workflow, end to end, with nbgrader's commands as the README gives them.

Release; three learners fetch, work and submit through the exchange (one perfect, one blank, one
partial) and a fourth hands in through a learning platform (zip_collect); collect; parallel autograde;
grade the written answers; feedback, released and fetched; class report; grades exported to CSV.
"""

from __future__ import annotations

import csv
import json
import os
import shutil
import sys
from pathlib import Path

import pytest
from nbgrader.api import Gradebook
from nbgrader.validator import Validator

from harness.course import answer, nbgrader, run, solution_answers

ROOT = Path(__file__).resolve().parents[2]
ASSIGNMENT = "01_caio_role"
NOTEBOOK = f"{ASSIGNMENT}.ipynb"
COURSE_ID = "caio101"


@pytest.fixture(scope="module")
def term(tmp_path_factory):
    """One term of the course, run from release to exported grades."""
    base = tmp_path_factory.mktemp("term")
    course, exchange = base / "course", base / "exchange"
    shutil.copytree(ROOT / "source" / ASSIGNMENT, course / "source" / ASSIGNMENT)
    shutil.copy(ROOT / "nbgrader_config.py", course / "nbgrader_config.py")
    exchange.mkdir()
    env = dict(os.environ, CAIOKIT_EXCHANGE=str(exchange))
    env["PATH"] = f"{Path(sys.executable).parent}{os.pathsep}{env['PATH']}"

    nbgrader("generate_assignment", ASSIGNMENT, "--force", cwd=course, env=env)
    nbgrader("release_assignment", ASSIGNMENT, "--force", cwd=course, env=env)

    partial = json.loads(
        (ROOT / "tests" / "assignments" / "partial_submissions" / f"{ASSIGNMENT}.json").read_text()
    )
    work = {
        "alice": solution_answers(),  # everything right, and a written answer
        "bob": {},  # hands in the notebook untouched
        "carol": {**solution_answers(), **partial["replacements"]},
    }
    student_options = [f"--course={COURSE_ID}", f"--Exchange.root={exchange}"]
    validations = {}
    for student, replacements in work.items():
        home = base / student
        home.mkdir()
        nbgrader("fetch_assignment", ASSIGNMENT, *student_options, cwd=home, env=env)
        answer(home / ASSIGNMENT / NOTEBOOK, replacements)
        validations[student] = Validator().validate(str(home / ASSIGNMENT / NOTEBOOK))
        nbgrader("submit", ASSIGNMENT, f"--student={student}", *student_options, cwd=home, env=env)

    nbgrader("collect", ASSIGNMENT, cwd=course, env=env)

    # dave works offline and uploads to the learning platform, which gives one file per learner.
    downloads = course / "downloaded" / ASSIGNMENT / "archive"
    downloads.mkdir(parents=True)
    dave = downloads / f"dave_{NOTEBOOK}"
    shutil.copy(course / "release" / ASSIGNMENT / NOTEBOOK, dave)
    answer(dave, solution_answers())
    nbgrader("zip_collect", ASSIGNMENT, "--force", cwd=course, env=env)

    grading_log = run(
        sys.executable,
        "-m",
        "caiokit.grading",
        "autograde",
        ASSIGNMENT,
        "--workers",
        "2",
        cwd=course,
        env=env,
    )

    # The instructor grades the written answers (what the formgrader does).
    with Gradebook(f"sqlite:///{course / 'gradebook.db'}") as gradebook:
        for student, points in {"alice": 4.0, "carol": 2.0, "dave": 5.0}.items():
            grade = gradebook.find_grade("q5_written_pitch", ASSIGNMENT, ASSIGNMENT, student)
            grade.manual_score = points
        gradebook.db.commit()

    nbgrader("generate_feedback", ASSIGNMENT, cwd=course, env=env)
    for student in work:  # dave's feedback goes back through the learning platform: feedback/dave/
        nbgrader("release_feedback", ASSIGNMENT, f"--student={student}", cwd=course, env=env)
        nbgrader(
            "fetch_feedback",
            ASSIGNMENT,
            f"--student={student}",
            *student_options,
            cwd=base / student,
            env=env,
        )

    report_log = run(
        sys.executable,
        "-m",
        "caiokit.grading",
        "report",
        ASSIGNMENT,
        "--html",
        "report.html",
        cwd=course,
        env=env,
    )
    nbgrader("export", cwd=course, env=env)
    return {
        "base": base,
        "course": course,
        "grading_log": grading_log,
        "report_log": report_log,
        "validations": validations,
    }


def test_every_learner_gets_the_right_total(term):
    with open(term["course"] / "grades.csv", encoding="utf-8") as handle:
        rows = {row["student_id"]: row for row in csv.DictReader(handle) if row["assignment"] == ASSIGNMENT}
    totals = {student: float(row["score"]) for student, row in rows.items()}
    # 15 automatic points (partial: 5/12*4 + 0.75 + 4 + 1 + 1 on Q1..Q4) plus the written answer.
    assert totals == pytest.approx({"alice": 19.0, "bob": 0.0, "carol": 7.42 + 2.0, "dave": 20.0})
    assert all(float(row["max_score"]) == 20.0 for row in rows.values())


def test_the_grading_log_names_every_learner(term):
    for student in ("alice", "bob", "carol", "dave"):
        assert f"{student}: graded" in term["grading_log"]
    assert "4 graded, 0 not graded" in term["grading_log"]


def test_learners_receive_feedback_without_hidden_tests(term):
    assert (term["course"] / "feedback" / "dave" / ASSIGNMENT / "01_caio_role.html").exists()
    for student in ("alice", "bob", "carol"):
        pages = list((term["base"] / student / ASSIGNMENT / "feedback").rglob("*.html"))
        assert pages, student
        for page in pages:
            text = page.read_text(encoding="utf-8")
            assert "_q1_expected" not in text and "HIDDEN TESTS" not in text
    carol = next((term["base"] / "carol" / ASSIGNMENT / "feedback").rglob("*.html")).read_text(
        encoding="utf-8"
    )
    assert "hidden tests ran here" in carol


def test_class_report_is_written(term):
    page = (term["course"] / "report.html").read_text(encoding="utf-8")
    assert "Class report: 01_caio_role" in page and "4 submission(s)" in page
    assert "Hardest questions" in term["report_log"]


def test_validate_tells_learners_what_still_fails_before_they_submit(term):
    validations = term["validations"]
    assert "failed" not in validations["alice"] and "changed" not in validations["alice"]
    assert len(validations["bob"]["failed"]) >= 7  # every autograded test and the unanswered written answer
    # carol's mistakes are caught only by hidden tests, which Validate does not run: it cannot warn her.
    assert "failed" not in validations["carol"]
