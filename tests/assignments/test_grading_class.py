"""A class of good, bad and broken submissions graded in one parallel run: fair grades, reasons logged for
what cannot be graded, nothing handed in changed, nbgrader's own scores, feedback without hidden tests,
rubrics for graders only, and a class report that adds up."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from nbgrader.api import Gradebook

from caiokit.grading.autograde import autograde
from caiokit.grading.report import class_report, summary_line, to_html
from caiokit.grading.rubric import RUBRIC_STARTS, rubric_of

from harness.course import (
    ASSIGNMENT,
    MAX_CODE,
    NOTEBOOK,
    cell,
    cell_scores,
    code_scores,
    course_api,
    folder_digest,
    make_course,
    solution,
    submit,
    with_answer,
)

ROOT = Path(__file__).resolve().parents[2]


CELL_TIMEOUT_S = 10
WRONG_Q1 = 'responsibility_owner = {r: "CAIO" for r in RESPONSIBILITIES}'


def bad_submissions() -> dict[str, tuple[dict | str | None, float]]:
    """Each learner's submission and the autograded score it must get (out of 15)."""
    release = json.loads((ROOT / "release" / ASSIGNMENT / NOTEBOOK).read_text(encoding="utf-8"))
    deleted = solution()
    deleted["cells"].remove(cell(deleted, "q1_sorter_tests"))
    edited = with_answer("q1_sorter_answer", WRONG_Q1)
    cell(edited, "q1_sorter_tests")["source"] = "pass"
    inflated = solution()
    cell(inflated, "q1_sorter_tests")["metadata"]["nbgrader"]["points"] = 100
    flood = solution()
    cell(flood, "q2_clock_answer")["source"] += "\n\nfor _ in range(200_000):\n    print('spam ' * 20)"
    return {
        "perfect": (solution(), MAX_CODE),
        "blank": (release, 0.0),
        "infinite_loop": (with_answer("q1_sorter_answer", "while True:\n    pass"), MAX_CODE - 5),
        "kernel_dies": (with_answer("q1_sorter_answer", "import os\nos._exit(1)"), 0.0),
        "sys_exit": (with_answer("q1_sorter_answer", "import sys\nsys.exit()"), MAX_CODE - 5),
        "syntax_error": (with_answer("q1_sorter_answer", "responsibility_owner = {"), MAX_CODE - 5),
        "deleted_test": (deleted, MAX_CODE),
        "edited_test": (edited, MAX_CODE - 5 + 1.67),
        "inflated_points": (inflated, MAX_CODE),
        "not_json": ("{ this is not a notebook", 0.0),
        "empty_file": ("", 0.0),
        "no_notebook": (None, 0.0),
        "printed_megabytes": (flood, MAX_CODE),
    }


@pytest.fixture(scope="module")
def graded_class(tmp_path_factory):
    """The whole batch of submissions, graded with two workers (sandboxed where possible)."""
    course = make_course(tmp_path_factory.mktemp("class"))
    # The infinite loop spins a core until the cell's time limit: 10 s here instead of the course's 30 (still
    # several times what the heaviest honest cell takes on a loaded machine), so that it burns a third as much.
    with open(course / "nbgrader_config.py", "a", encoding="utf-8") as config:
        config.write(f"\nc.Execute.timeout = {CELL_TIMEOUT_S}\n")
    cases = bad_submissions()
    for student, (content, _) in cases.items():
        submit(course, student, content)
    # Two submissions nbgrader refuses: a notebook renamed by a learning platform, and a timestamp it cannot read.
    submit(course, "renamed", None)
    (course / "submitted" / "renamed" / ASSIGNMENT / f"1052_5052_{NOTEBOOK}").write_text(
        json.dumps(solution())
    )
    submit(course, "bad_timestamp", solution())
    (course / "submitted" / "bad_timestamp" / ASSIGNMENT / "timestamp.txt").write_text("last Tuesday")
    cases |= {"renamed": (None, 0.0), "bad_timestamp": (None, 0.0)}
    before = folder_digest(course / "submitted")
    results = autograde(course, ASSIGNMENT, workers=2)
    return {"course": course, "cases": cases, "results": {r.student: r for r in results}, "before": before}


def test_every_submission_gets_a_fair_grade(graded_class):
    scores = code_scores(graded_class["course"])
    expected = {student: points for student, (_, points) in graded_class["cases"].items()}
    assert scores == pytest.approx(expected)


def test_ungradable_submissions_are_logged_with_a_reason(graded_class):
    results = graded_class["results"]
    assert not results["kernel_dies"].graded and "kernel died" in results["kernel_dies"].message
    assert "not valid JSON" in results["not_json"].message
    assert "not valid JSON" in results["empty_file"].message
    assert "holds no notebook" in results["no_notebook"].message
    assert (
        f"the notebook handed in (1052_5052_{NOTEBOOK}) is not one of {ASSIGNMENT}'s: rename it"
        in results["renamed"].message
    )
    assert "its timestamp.txt is not a date" in results["bad_timestamp"].message
    graded = {name for name, result in results.items() if result.graded}
    refused = {"kernel_dies", "not_json", "empty_file", "no_notebook", "renamed", "bad_timestamp"}
    assert graded == set(results) - refused


def test_the_written_answer_still_waits_for_the_instructor(graded_class):
    scores = cell_scores(graded_class["course"], "perfect")
    assert scores["q5_written_pitch"] is None or scores["q5_written_pitch"] == 0
    with Gradebook(f"sqlite:///{graded_class['course'] / 'gradebook.db'}") as gradebook:
        assert gradebook.find_submission(ASSIGNMENT, "perfect").needs_manual_grade


def test_submitted_files_are_never_modified(graded_class):
    assert folder_digest(graded_class["course"] / "submitted") == graded_class["before"]


def test_megabytes_of_output_are_cut_in_the_graded_notebook(graded_class):
    graded = graded_class["course"] / "autograded" / "printed_megabytes" / ASSIGNMENT / NOTEBOOK
    assert graded.stat().st_size < 2_000_000


def test_scores_equal_a_sequential_run_of_plain_nbgrader(graded_class, tmp_path):
    """Plain `nbgrader autograde`, one learner after the other, on the submissions it can grade."""
    course = make_course(tmp_path / "plain")
    students = [
        "perfect",
        "blank",
        "sys_exit",
        "syntax_error",
        "deleted_test",
        "edited_test",
        "inflated_points",
    ]
    for student in students:
        submit(course, student, graded_class["cases"][student][0])
    result = subprocess.run(
        [sys.executable, "-m", "nbgrader", "autograde", ASSIGNMENT, f"--CourseDirectory.root={course}"],
        cwd=course,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout[-2000:] + result.stderr[-2000:]
    for student in students:
        assert cell_scores(course, student) == cell_scores(graded_class["course"], student), student


def test_feedback_shows_failures_but_never_hidden_tests(graded_class):
    course = graded_class["course"]
    result = course_api(course).generate_feedback(ASSIGNMENT, "edited_test")
    assert result["success"], result["log"]
    page = (course / "feedback" / "edited_test" / ASSIGNMENT / "01_caio_role.html").read_text(
        encoding="utf-8"
    )
    assert "HIDDEN TESTS" not in page and "_q1_expected" not in page and "_q3_true" not in page
    assert "hidden tests ran here" in page
    graded = (course / "autograded" / "edited_test" / ASSIGNMENT / NOTEBOOK).read_text(encoding="utf-8")
    assert "_q1_expected" in graded, "the graded notebook keeps the hidden tests for the instructor"


def test_graders_see_the_rubric_beside_the_answer_and_learners_never_do(graded_class):
    """The blank submission: its written answer is the placeholder, so any rubric text in feedback is a leak."""
    course = graded_class["course"]
    rubric = rubric_of("".join(cell(solution(), "q5_written_pitch")["source"]))
    assert rubric.startswith("**Grading rubric (5 points)**") and "Case for the seat" in rubric
    graded = json.loads((course / "autograded" / "blank" / ASSIGNMENT / NOTEBOOK).read_text(encoding="utf-8"))
    ids = [c["metadata"].get("nbgrader", {}).get("grade_id") for c in graded["cells"]]
    beside = graded["cells"][ids.index("q5_written_pitch") + 1]
    assert beside["cell_type"] == "markdown" and rubric in "".join(beside["source"])
    assert beside["metadata"]["editable"] is False
    result = course_api(course).generate_feedback(ASSIGNMENT, "blank")
    assert result["success"], result["log"]
    page = (course / "feedback" / "blank" / ASSIGNMENT / "01_caio_role.html").read_text(encoding="utf-8")
    assert "Case for the seat" not in page and "For graders" not in page
    assert "YOUR ANSWER HERE" in page, "the learner's own answer is still in the feedback"
    for path in (ROOT / "release").rglob("*"):
        if path.is_file():
            text = path.read_text(encoding="utf-8", errors="replace")
            assert not any(marker.strip("*") in text for marker in RUBRIC_STARTS.values()), path


def test_class_report_adds_up(graded_class):
    report = class_report(graded_class["course"], ASSIGNMENT)
    cases = graded_class["cases"]
    assert len(report.students) == len(cases)
    assert report.students["score"].sum() == pytest.approx(sum(points for _, points in cases.values()))
    q1 = report.questions.loc["q1_sorter_tests"]
    assert q1.points == 5 and q1.graded == len(cases) and q1.pending == 0
    # q1 gets full marks from perfect, deleted_test, inflated_points, printed_megabytes; 1.67 from edited_test.
    assert q1["mean"] == pytest.approx((4 * 5 + 1.67) / len(cases))
    assert q1.full_marks_share == pytest.approx(4 / len(cases))
    assert report.histogram()["students"].sum() == len(cases)
    page = to_html(report)
    assert "<svg" in page and "Hardest questions" in page and "q1_sorter_tests" in page


def test_class_report_counts_written_answers_to_grade_as_pending(graded_class):
    report = class_report(graded_class["course"], ASSIGNMENT)
    written = report.questions.loc["q5_written_pitch"]
    with Gradebook(f"sqlite:///{graded_class['course'] / 'gradebook.db'}") as gradebook:
        waiting = {
            s.student.id for s in gradebook.find_assignment(ASSIGNMENT).submissions if s.needs_manual_grade
        }
    assert (
        waiting and written.pending == len(waiting) and written.graded == len(report.students) - len(waiting)
    )
    assert "q5_written_pitch" not in report.hardest(n=len(report.questions)).index
    assert report.incomplete() == len(waiting)
    assert f"{len(waiting)} of them incomplete" in summary_line(report)
    labels = report.questions["question"].to_dict()
    assert labels["q1_sorter_tests"] == "Q1" and labels["q4a_growth_tests"] == "Q4a"
    assert labels["q2_form_tests"] == labels["q2_memo_dates_tests"] == "Q2"
    perfect = report.students.loc["perfect"]
    assert (perfect.score, perfect.auto, perfect.manual, perfect.pending) == (MAX_CODE, MAX_CODE, 0, 1)
    page = to_html(report)
    assert "<h2>Per learner</h2>" in page and "<td>Q4a</td><td>q4a_growth_tests</td>" in page


def test_the_html_report_goes_outside_the_repository_by_default(graded_class, tmp_path):
    env = dict(os.environ, HOME=str(tmp_path / "home"))
    result = subprocess.run(
        [sys.executable, "-m", "caiokit.grading", "report", ASSIGNMENT, "--html"],
        cwd=graded_class["course"], env=env, capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    expected = tmp_path / "home" / "caiokit-output" / "caio101" / f"{ASSIGNMENT}_class_report.html"
    assert f"HTML report written to {expected}" in result.stdout
    assert "Class report: 01_caio_role" in expected.read_text(encoding="utf-8")
    assert not list(graded_class["course"].glob("*.html"))
    assert "\nHardest questions: Q" in result.stdout
