"""Grading a class: parallel autograding gives nbgrader's own scores, bad submissions get fair grades,
hostile code is contained, feedback hides hidden tests, and the class report adds up.

Every case runs on a scratch copy of the course, with assignment 01_caio_role.
"""

from __future__ import annotations

import hashlib
import json
import os
import socket
import subprocess
import sys
import threading
import time
import urllib.request
from collections.abc import Callable
from pathlib import Path

import pytest
from nbgrader.api import Gradebook

from caiokit.errors import CaioKitError
from caiokit.grading import sandbox
from caiokit.grading.autograde import autograde
from caiokit.grading.report import class_report, summary_line, to_html
from caiokit.grading.rubric import rubric_of

from harness.course import course_api, make_course
from harness.servers import free_port

ROOT = Path(__file__).resolve().parents[2]
ASSIGNMENT = "01_caio_role"
NOTEBOOK = f"{ASSIGNMENT}.ipynb"
MAX_CODE = 15.0
SANDBOX = sandbox.available()
needs_sandbox = pytest.mark.skipif(not SANDBOX.ok, reason=f"no grading sandbox here: {SANDBOX.reason}")


def solution() -> dict:
    return json.loads((ROOT / "source" / ASSIGNMENT / NOTEBOOK).read_text(encoding="utf-8"))


def cell(notebook: dict, grade_id: str) -> dict:
    return next(c for c in notebook["cells"] if c["metadata"].get("nbgrader", {}).get("grade_id") == grade_id)


def with_answer(grade_id: str, code: str) -> dict:
    notebook = solution()
    cell(notebook, grade_id)["source"] = code
    return notebook


def submit(course: Path, student: str, content: dict | str | None) -> None:
    folder = course / "submitted" / student / ASSIGNMENT
    folder.mkdir(parents=True, exist_ok=True)
    if content is not None:
        text = content if isinstance(content, str) else json.dumps(content)
        (folder / NOTEBOOK).write_text(text, encoding="utf-8")


def code_scores(course: Path) -> dict[str, float]:
    with Gradebook(f"sqlite:///{course / 'gradebook.db'}") as gradebook:
        return {s.student.id: s.code_score for s in gradebook.find_assignment(ASSIGNMENT).submissions}


def cell_scores(course: Path, student: str) -> dict[str, float]:
    with Gradebook(f"sqlite:///{course / 'gradebook.db'}") as gradebook:
        submission = gradebook.find_submission(ASSIGNMENT, student)
        return {g.name: g.score for nb in submission.notebooks for g in nb.grades}


def folder_digest(folder: Path) -> str:
    digest = hashlib.sha256()
    for path in sorted(folder.rglob("*")):
        digest.update(str(path.relative_to(folder)).encode())
        if path.is_file():
            digest.update(path.read_bytes())
    return digest.hexdigest()


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
            assert "Grading rubric" not in path.read_text(encoding="utf-8", errors="replace"), path


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


ASSIGNMENTS = sorted(p.name for p in (ROOT / "source").iterdir() if p.is_dir())


def grade_ids(notebook: dict) -> list[str]:
    return [c["metadata"]["nbgrader"]["grade_id"] for c in notebook["cells"] if "nbgrader" in c["metadata"]]


@pytest.mark.parametrize("assignment", ASSIGNMENTS)
def test_deleted_test_cells_are_restored_in_place_and_graded(tmp_path, assignment):
    """A partly right submission, then the same with each test cell deleted, and with all of them deleted."""
    course = make_course(tmp_path, assignment)
    name = f"{assignment}.ipynb"
    partial = json.loads(
        (ROOT / "tests" / "assignments" / "partial_submissions" / f"{assignment}.json").read_text()
    )
    reference = json.loads((ROOT / "source" / assignment / name).read_text(encoding="utf-8"))
    for c in reference["cells"]:
        grade_id = c["metadata"].get("nbgrader", {}).get("grade_id")
        c["source"] = partial["replacements"].get(grade_id, c["source"])
    tests = [
        c["metadata"]["nbgrader"]["grade_id"]
        for c in reference["cells"]
        if c["metadata"].get("nbgrader", {}).get("grade") and c["cell_type"] == "code"
    ]
    deletions = {f"without_{test}": {test} for test in tests} | {"without_any_test": set(tests)}
    for student, deleted in {"reference": set(), **deletions}.items():
        notebook = json.loads(json.dumps(reference))
        notebook["cells"] = [
            c for c in notebook["cells"] if c["metadata"].get("nbgrader", {}).get("grade_id") not in deleted
        ]
        folder = course / "submitted" / student / assignment
        folder.mkdir(parents=True)
        (folder / name).write_text(json.dumps(notebook), encoding="utf-8")
    results = {r.student: r for r in autograde(course, assignment, workers=2)}
    assert all(r.graded for r in results.values()), {s: r.message for s, r in results.items() if not r.graded}
    with Gradebook(f"sqlite:///{course / 'gradebook.db'}") as gradebook:
        scores = {
            s.student.id: {g.name: g.score for nb in s.notebooks for g in nb.grades}
            for s in gradebook.find_assignment(assignment).submissions
        }
    assert sum(scores["reference"][t] for t in tests) > 0
    for grade_id, points in partial["expected_points"].items():
        assert scores["reference"][grade_id] == pytest.approx(points), grade_id
    for student in deletions:
        assert scores[student] == scores["reference"], student
        graded = json.loads((course / "autograded" / student / assignment / name).read_text(encoding="utf-8"))
        assert grade_ids(graded) == grade_ids(reference), f"{student}: a restored cell is out of place"


def test_grading_refuses_clearly_without_submissions(tmp_path):
    course = make_course(tmp_path)
    with pytest.raises(CaioKitError, match="No submission"):
        autograde(course, ASSIGNMENT)
    with pytest.raises(CaioKitError, match="at least 1"):
        autograde(course, ASSIGNMENT, workers=0)


class _Listener:
    """A TCP server on the host's loopback that counts the connections it receives."""

    def __init__(self):
        self.server = socket.create_server(("127.0.0.1", 0))
        self.port = self.server.getsockname()[1]
        self.connections = 0
        self.server.settimeout(0.5)
        self.running = True
        self.thread = threading.Thread(target=self._serve, daemon=True)
        self.thread.start()

    def _serve(self):
        while self.running:
            try:
                connection, _ = self.server.accept()
                self.connections += 1
                connection.close()
            except OSError:
                continue

    def close(self):
        self.running = False
        self.thread.join(timeout=5)
        self.server.close()


def attack_code(course: Path, port: int, marker: Path) -> str:
    """A q1 answer that tries every trick, then answers correctly so its own score is the full 5."""
    answer = "".join(cell(solution(), "q1_sorter_answer")["source"])
    return f"""
import os, socket, sqlite3
COURSE = {str(course)!r}
stolen = []
for path in [COURSE + "/source/01_caio_role/01_caio_role.ipynb", "../../../source/01_caio_role/01_caio_role.ipynb",
             COURSE + "/gradebook.db", "../../../gradebook.db"]:
    try:
        stolen.append(open(path, errors="replace").read())
    except OSError:
        pass
print("LEAKED" if any("HIDDEN TESTS" in s or "SQLite format" in s for s in stolen) else "nothing found")
try:
    open(COURSE + "/submitted/victim/01_caio_role/01_caio_role.ipynb", "w").write("{{}}")
except OSError:
    pass
try:
    db = sqlite3.connect("file:" + COURSE + "/gradebook.db?mode=rw", uri=True)
    db.execute("UPDATE grade SET auto_score = 0")
    db.commit()
except Exception:
    pass
try:
    socket.create_connection(("127.0.0.1", {port}), timeout=2)
except OSError:
    pass
try:
    open({str(marker)!r}, "w").write("pwned")
except OSError:
    pass
{answer}
"""


class Formgrader:
    """A Jupyter server with the Formgrader on 127.0.0.1, run in the course folder, with its files in ``home``."""

    def __init__(self, course: Path, home: Path):
        self.port, self.token = free_port(), "grading-test"
        env = dict(
            os.environ,
            JUPYTER_CONFIG_DIR=str(home / "config"),
            JUPYTER_DATA_DIR=str(home / "data"),
            JUPYTER_RUNTIME_DIR=str(home / "runtime"),
            CAIOKIT_EXCHANGE=str(course / "exchange"),
        )
        home.mkdir(parents=True, exist_ok=True)
        self.log = home / "server.log"
        with open(self.log, "w") as log:
            self.process = subprocess.Popen(
                [sys.executable, "-m", "jupyter", "server", "--no-browser", "--ip=127.0.0.1",
                 f"--port={self.port}", f"--IdentityProvider.token={self.token}", f"--ServerApp.root_dir={course}",
                 *(["--allow-root"] if os.geteuid() == 0 else [])],
                cwd=course, env=env, stdout=log, stderr=subprocess.STDOUT,
            )  # fmt: skip
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:
            try:
                self.request("GET", "/api/status")
                return
            except OSError:
                if self.process.poll() is not None:
                    break
                time.sleep(0.5)
        self.stop()
        raise RuntimeError(f"the Jupyter server did not start:\n{self.log.read_text()[-3000:]}")

    def request(self, method: str, path: str, timeout: float = 5) -> dict:
        request = urllib.request.Request(
            f"http://127.0.0.1:{self.port}{path}",
            method=method,
            data=b"" if method == "POST" else None,
            headers={"Authorization": f"token {self.token}"},
        )
        with urllib.request.urlopen(request, timeout=timeout) as response:
            return json.loads(response.read())

    def autograde(self, assignment: str, student: str) -> dict:
        """What the Formgrader's Autograde button does: POST to its autograde handler."""
        return self.request(
            "POST", f"/formgrader/api/submission/{assignment}/{student}/autograde", timeout=600
        )

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()


def grade_with_caiokit(course: Path, isolate: bool = True) -> str:
    autograde(course, ASSIGNMENT, workers=1, isolate=isolate)
    return ""


def grade_with_the_cli(course: Path) -> str:
    result = subprocess.run(
        [sys.executable, "-m", "nbgrader", "autograde", ASSIGNMENT],
        cwd=course, capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr[-3000:]
    return result.stderr


def grade_with_the_api(course: Path) -> str:
    api = course_api(course)
    logs = []
    for student in ("victim", "attacker"):
        result = api.autograde(ASSIGNMENT, student)
        assert result["success"], result.get("error")
        logs.append(result["log"])
    return "".join(logs)


def grade_with_the_formgrader_button(course: Path) -> str:
    server = Formgrader(course, course.parent / "server")
    try:
        logs = []
        for student in ("victim", "attacker"):
            result = server.autograde(ASSIGNMENT, student)
            assert result["success"], result.get("error")
            logs.append(result["log"])
        return "".join(logs)
    finally:
        server.stop()


def run_attack(tmp_path: Path, grade: Callable[[Path], str]) -> dict:
    course = make_course(tmp_path / "course")
    listener = _Listener()
    marker = tmp_path / "written_by_the_attacker"
    try:
        submit(course, "victim", solution())
        submit(
            course, "attacker", with_answer("q1_sorter_answer", attack_code(course, listener.port, marker))
        )
        source_before = (course / "source" / ASSIGNMENT / NOTEBOOK).read_bytes()
        log = grade(course)
    finally:
        listener.close()
    graded = json.loads(
        (course / "autograded" / "attacker" / ASSIGNMENT / NOTEBOOK).read_text(encoding="utf-8")
    )
    printed = "".join("".join(o.get("text", "")) for c in graded["cells"] for o in c.get("outputs", []))
    assert "nothing found" in printed or "LEAKED" in printed, "the attack cell did not run"
    return {
        "course": course,
        "log": log,
        "leaked": "LEAKED" in printed,
        "connections": listener.connections,
        "marker": marker.exists(),
        "victim_intact": json.loads((course / "submitted" / "victim" / ASSIGNMENT / NOTEBOOK).read_text())
        == solution(),
        "source_intact": (course / "source" / ASSIGNMENT / NOTEBOOK).read_bytes() == source_before,
        "scores": code_scores(course),
    }


GRADING_PATHS = {
    "caiokit parallel grader": grade_with_caiokit,
    "nbgrader autograde": grade_with_the_cli,
    "NbGraderAPI.autograde": grade_with_the_api,
    "Formgrader Autograde button": grade_with_the_formgrader_button,
}


@needs_sandbox
@pytest.mark.parametrize("path", GRADING_PATHS)
def test_hostile_code_is_contained_on_every_grading_path(tmp_path, path):
    outcome = run_attack(tmp_path, GRADING_PATHS[path])
    assert not outcome["leaked"], "the submission read the solutions or the gradebook"
    assert outcome["connections"] == 0, "the submission reached the network"
    assert not outcome["marker"], "the submission wrote outside its working copy"
    assert outcome["victim_intact"] and outcome["source_intact"]
    assert outcome["scores"] == {"victim": MAX_CODE, "attacker": MAX_CODE}
    if path != "caiokit parallel grader":  # that one runs nbgrader in a subprocess and keeps only a verdict
        assert outcome["log"].count("Sandbox: the kernel can write only to") == 2, outcome["log"][-3000:]


@needs_sandbox
def test_the_parallel_grader_refuses_a_course_config_without_the_sandbox(tmp_path):
    course = make_course(tmp_path)
    submit(course, "victim", solution())
    with open(course / "nbgrader_config.py", "a", encoding="utf-8") as config:
        config.write("\nc.Autograde.autograde_preprocessors = Autograde.autograde_preprocessors.default()\n")
    with pytest.raises(CaioKitError, match="does not run learners' code in the sandbox: copy the"):
        autograde(course, ASSIGNMENT)
    assert not (course / "autograded").exists()


def test_without_the_sandbox_the_same_attack_succeeds(tmp_path):
    """The control experiment: it shows that the attack test above can fail, and why the sandbox matters."""
    outcome = run_attack(tmp_path, lambda course: grade_with_caiokit(course, isolate=False))
    assert outcome["leaked"] and outcome["marker"] and outcome["connections"] == 1


@needs_sandbox
def test_memory_and_cpu_limits_apply_in_the_sandbox(tmp_path):
    course = make_course(tmp_path)
    hog = "blob = bytearray(8 * 1024**3)\n" + "".join(cell(solution(), "q1_sorter_answer")["source"])
    submit(course, "hog", with_answer("q1_sorter_answer", hog))
    submit(course, "victim", solution())
    results = {r.student: r for r in autograde(course, ASSIGNMENT, workers=2, isolate=True)}
    assert results["hog"].graded
    assert code_scores(course) == {"hog": MAX_CODE - 5, "victim": MAX_CODE}
    graded = (course / "autograded" / "hog" / ASSIGNMENT / NOTEBOOK).read_text(encoding="utf-8")
    assert "MemoryError" in graded
