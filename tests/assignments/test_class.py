"""The class around the grading loop: roster, due date and late penalty, Canvas and Moodle routes, exports, status.

One scratch course holds 01_caio_role, a roster of six and a due date. Learners hand in three ways: through the
exchange (on time, late, blank), as a Canvas download and as a Moodle download. Each step is also tried with
bad input, which must give one clear message and change nothing.
"""

from __future__ import annotations

import csv
import hashlib
import json
import os
import shutil
import subprocess
import sys
import zipfile
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from nbgrader.api import Gradebook

from caiokit.grading.late import PercentPerDayLate
from caiokit.grading.roster import RosterError, import_roster, read_roster

from harness.course import answer, nbgrader, run, solution_answers

ROOT = Path(__file__).resolve().parents[2]
ASSIGNMENT = "01_caio_role"
NOTEBOOK = f"{ASSIGNMENT}.ipynb"
DUE = datetime(2026, 11, 30, 12, 0, tzinfo=UTC)
ROSTER = """id,first_name,last_name,email,lms_user_id
alice,Alice,Martin,alice@example.org,
bob,Bob,Durand,bob@example.org,
carol,Carol,Petit,carol@example.org,
jsmith,Jane,Smith,jane.smith@example.org,12345
lnguyen,Linh,Nguyen,linh@example.org,23456
hmuller,Hélène,Müller,helene@example.org,
nobody,Nora,Absent,nora@example.org,
"""


def tree_digest(folder: Path) -> str:
    """One hash of every file's path and bytes under a folder (empty string if it does not exist)."""
    digest = hashlib.sha256()
    for path in sorted(folder.rglob("*")) if folder.exists() else []:
        digest.update(str(path.relative_to(folder)).encode())
        if path.is_file():
            digest.update(path.read_bytes())
    return digest.hexdigest()


def course_run(*args: str, course: Path, env: dict[str, str]) -> subprocess.CompletedProcess:
    """Run a command in the course, whatever its exit status."""
    return subprocess.run([*args], cwd=course, env=env, capture_output=True, text=True, check=False)


def solution_notebook(course: Path, path: Path) -> None:
    shutil.copy(course / "release" / ASSIGNMENT / NOTEBOOK, path)
    answer(path, solution_answers())


@pytest.fixture(scope="module")
def term(tmp_path_factory):
    base = tmp_path_factory.mktemp("class")
    course, exchange, home = base / "course", base / "exchange", base / "home"
    shutil.copytree(ROOT / "source" / ASSIGNMENT, course / "source" / ASSIGNMENT)
    shutil.copy(ROOT / "nbgrader_config.py", course / "nbgrader_config.py")
    exchange.mkdir()
    home.mkdir()
    env = dict(os.environ, CAIOKIT_EXCHANGE=str(exchange), HOME=str(home))
    env["PATH"] = f"{Path(sys.executable).parent}{os.pathsep}{env['PATH']}"
    nbgrader("generate_assignment", ASSIGNMENT, "--force", cwd=course, env=env)
    (course / "roster.csv").write_text(ROSTER, encoding="utf-8")
    run(sys.executable, "-m", "caiokit.grading", "roster", "import", "roster.csv", cwd=course, env=env)
    nbgrader(
        "db", "assignment", "add", ASSIGNMENT, f"--duedate={DUE:%Y-%m-%d %H:%M:%S} UTC", cwd=course, env=env
    )
    release_log = nbgrader("release_assignment", ASSIGNMENT, "--force", cwd=course, env=env)

    learner_options = ["--course=caio101", f"--Exchange.root={exchange}"]
    fetched = {}
    for student, work in {"alice": solution_answers(), "bob": {}, "carol": solution_answers()}.items():
        folder = base / student
        folder.mkdir()
        nbgrader("fetch_assignment", ASSIGNMENT, *learner_options, cwd=folder, env=env)
        fetched[student] = json.loads((folder / ASSIGNMENT / NOTEBOOK).read_text(encoding="utf-8"))
        answer(folder / ASSIGNMENT / NOTEBOOK, work)
        nbgrader("submit", ASSIGNMENT, f"--student={student}", *learner_options, cwd=folder, env=env)
    nbgrader("collect", ASSIGNMENT, cwd=course, env=env)
    # The clock of this machine is after the due date: alice and bob are put back to on time, carol 1 day 2 hours late.
    for student, when in {"alice": DUE - timedelta(hours=1), "bob": DUE - timedelta(minutes=5),
                          "carol": DUE + timedelta(days=1, hours=2)}.items():  # fmt: skip
        stamp = course / "submitted" / student / ASSIGNMENT / "timestamp.txt"
        stamp.write_text(f"{when:%Y-%m-%d %H:%M:%S.%f} UTC", encoding="utf-8")

    # Canvas: jsmith on time, then a second attempt; lnguyen late; a learner Canvas knows but the roster does not;
    # a PDF; a notebook of another assignment; a Moodle-named file in the wrong download.
    canvas = base / "canvas.zip"
    notebook = base / "solution.ipynb"
    solution_notebook(course, notebook)
    blank = course / "release" / ASSIGNMENT / NOTEBOOK
    with zipfile.ZipFile(canvas, "w") as archive:
        archive.write(blank, f"smithjane_12345_6789012_{NOTEBOOK}")
        archive.write(notebook, f"smithjane_12345_6789012_{ASSIGNMENT}-1.ipynb")
        archive.write(notebook, f"nguyenlinh_late_23456_6789013_{NOTEBOOK}")
        archive.write(notebook, f"unknownuser_99999_6789014_{NOTEBOOK}")
        archive.writestr("smithjane_12345_6789012_notes.pdf", b"%PDF-1.4")
        archive.write(notebook, "nguyenlinh_23456_6789013_02_prioritization.ipynb")
        archive.write(notebook, f"Jane Smith_1234567_assignsubmission_file_/{NOTEBOOK}")
    return {"base": base, "course": course, "exchange": exchange, "env": env, "home": home, "fetched": fetched,
            "release_log": release_log, "canvas_zip": canvas, "solution": notebook}  # fmt: skip


# --- roster -----------------------------------------------------------------------------------------------------


def test_roster_import_puts_names_and_platform_ids_in_the_gradebook(term):
    with Gradebook(f"sqlite:///{term['course'] / 'gradebook.db'}") as gradebook:
        jane = gradebook.find_student("jsmith")
        assert (jane.first_name, jane.last_name, jane.email, jane.lms_user_id) == (
            "Jane", "Smith", "jane.smith@example.org", "12345",
        )  # fmt: skip
        assert gradebook.find_student("alice").lms_user_id is None
        assert len(gradebook.students) == 7


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("id,first_name,last_name,email\nann,Ann,Lee,a@x.org\nbea,Bea,Ko,b@x.org\nann,Ann,Li,c@x.org\n",
         r"(?s)roster.csv was not imported.*row 4: id 'ann' is already on row 2"),
        ("id,first_name,email\nann,Ann,a@x.org\n", r"roster.csv: row 1 \(the header\) has no column 'last_name'"),
        ("id,first_name,last_name,email\nann,Ann,Lee,a@x.org\n,Bea,Ko,b@x.org\nann b,C,D,e@x.org\n",
         r"row 3: the id is empty\n  - row 4: id 'ann b' may use only"),
        ("id,first_name,last_name,email,lms_user_id\nann,A,L,a@x.org,7\nbea,B,K,b@x.org,7\n",
         r"row 3: lms_user_id '7' is already on row 2"),
    ],
    ids=["duplicate id", "missing column", "empty and unusable ids", "duplicate platform id"],
)  # fmt: skip
def test_a_bad_roster_is_refused_whole_with_its_file_and_rows_and_the_gradebook_is_unchanged(
    term, tmp_path, text, message
):
    course = tmp_path / "course"
    shutil.copytree(term["course"], course, ignore=shutil.ignore_patterns("submitted", "downloaded"))
    before = (course / "gradebook.db").read_bytes()
    bad = tmp_path / "roster.csv"
    bad.write_text(text, encoding="utf-8")
    with pytest.raises(RosterError, match=message):
        import_roster(course, bad)
    assert (course / "gradebook.db").read_bytes() == before
    result = course_run(sys.executable, "-m", "caiokit.grading", "roster", "import", str(bad), course=course,
                        env=term["env"])  # fmt: skip
    assert result.returncode == 2 and result.stderr.startswith(f"error: {bad}")
    assert (course / "gradebook.db").read_bytes() == before


def test_a_roster_saved_from_excel_with_a_bom_reads(tmp_path):
    path = tmp_path / "roster.csv"
    path.write_bytes("id,first_name,last_name,email\nann,Ann,Lee,a@x.org\n".encode("utf-8-sig"))
    assert [learner.id for learner in read_roster(path)] == ["ann"]


# --- due date and late penalty --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("seconds_late", "penalty"),
    [
        (60, 1.5),
        (86_400, 1.5),
        (86_401, 3.0),
        (3 * 86_400 + 1, 6.0),
        (10 * 86_400, 15.0),
        (40 * 86_400, 15.0),
    ],
)
def test_late_work_loses_ten_percent_per_started_day_down_to_zero(seconds_late, penalty):
    assert PercentPerDayLate().late_submission_penalty("x", 15.0, seconds_late) == pytest.approx(penalty)


def test_the_late_policy_follows_its_setting():
    plugin = PercentPerDayLate(percent_per_day=25)
    assert plugin.late_submission_penalty("x", 20.0, 2 * 86_400) == pytest.approx(10.0)
    assert "25%" in plugin.describe() and "from 4 day(s) late" in plugin.describe()
    assert PercentPerDayLate(percent_per_day=0).late_submission_penalty("x", 20.0, 9 * 86_400) == 0


def test_learners_see_the_due_date_and_the_policy_in_the_released_notebook(term):
    for student, notebook in term["fetched"].items():
        first = notebook["cells"][0]
        assert first["metadata"].get("caiokit_due_date"), student
        text = "".join(first["source"])
        assert "**Due: Monday 30 November 2026, 12:00 UTC.**" in text
        assert "loses 10% of its points for each day or part of a day late" in text
    released = json.loads((term["course"] / "release" / ASSIGNMENT / NOTEBOOK).read_text(encoding="utf-8"))
    assert not released["cells"][0]["metadata"].get("caiokit_due_date"), "release/ itself must not change"


@pytest.fixture(scope="module")
def graded(term):
    """Exchange work collected, Canvas download collected, everything autograded, carol's written answer graded."""
    course, env = term["course"], term["env"]
    archive = course / "downloaded" / ASSIGNMENT / "archive"
    archive.mkdir(parents=True)
    shutil.copy(term["canvas_zip"], archive / "submissions.zip")
    collect_log = nbgrader("zip_collect", ASSIGNMENT, "--collector=caiokit.grading.lms_collect.CanvasCollector",
                           cwd=course, env=env)  # fmt: skip
    grading_log = run(sys.executable, "-m", "caiokit.grading", "autograde", ASSIGNMENT, "--workers", "2",
                      cwd=course, env=env)  # fmt: skip
    with Gradebook(f"sqlite:///{course / 'gradebook.db'}") as gradebook:
        gradebook.find_grade("q5_written_pitch", ASSIGNMENT, ASSIGNMENT, "alice").manual_score = 5.0
        gradebook.db.commit()
    return {"collect_log": collect_log, "grading_log": grading_log}


def test_a_late_submission_gets_the_penalty_when_autograded(term, graded):
    with Gradebook(f"sqlite:///{term['course'] / 'gradebook.db'}") as gradebook:
        carol = gradebook.find_submission(ASSIGNMENT, "carol")
        alice = gradebook.find_submission(ASSIGNMENT, "alice")
        assert carol.total_seconds_late == pytest.approx(26 * 3600)
        # 15 autograded points, 2 started days late: 20% off.
        assert carol.late_submission_penalty == pytest.approx(3.0)
        assert alice.late_submission_penalty == 0


def test_autograding_late_work_again_after_its_written_answer_is_graded_puts_it_in_the_penalty(term, graded):
    course, env = term["course"], term["env"]
    with Gradebook(f"sqlite:///{course / 'gradebook.db'}") as gradebook:
        gradebook.find_grade("q5_written_pitch", ASSIGNMENT, ASSIGNMENT, "carol").manual_score = 5.0
        gradebook.db.commit()
    run(
        sys.executable,
        "-m",
        "caiokit.grading",
        "autograde",
        ASSIGNMENT,
        "--student",
        "carol",
        cwd=course,
        env=env,
    )
    with Gradebook(f"sqlite:///{course / 'gradebook.db'}") as gradebook:
        carol = gradebook.find_submission(ASSIGNMENT, "carol")
        assert carol.score == pytest.approx(20.0)
        assert carol.late_submission_penalty == pytest.approx(4.0)  # 20% of 15 + 5
        gradebook.find_grade("q5_written_pitch", ASSIGNMENT, ASSIGNMENT, "carol").manual_score = None
        gradebook.db.commit()
    run(
        sys.executable,
        "-m",
        "caiokit.grading",
        "autograde",
        ASSIGNMENT,
        "--student",
        "carol",
        cwd=course,
        env=env,
    )


# --- Canvas and Moodle downloads ------------------------------------------------------------------------------------


def test_canvas_downloads_are_filed_under_the_roster_ids_with_the_latest_attempt(term, graded):
    submitted = term["course"] / "submitted"
    assert sorted(p.name for p in submitted.iterdir()) == ["alice", "bob", "carol", "jsmith", "lnguyen"]
    jane = json.loads((submitted / "jsmith" / ASSIGNMENT / NOTEBOOK).read_text(encoding="utf-8"))
    assert jane == json.loads(term["solution"].read_text(encoding="utf-8")), "the -1 attempt must win"


def test_every_canvas_file_not_collected_has_a_reason(graded):
    log = graded["collect_log"]
    reasons = {
        f"smithjane_12345_6789012_{NOTEBOOK}": "an earlier attempt: smithjane_12345_6789012_01_caio_role-1.ipynb",
        f"unknownuser_99999_6789014_{NOTEBOOK}": "Canvas user 99999 (unknownuser) is not on the roster",
        "smithjane_12345_6789012_notes.pdf": "not a notebook (.pdf)",
        "nguyenlinh_23456_6789013_02_prioritization.ipynb": "'02_prioritization.ipynb' is not a notebook of 01_caio_role",
        NOTEBOOK: "looks like a Moodle download, use MoodleCollector",
    }  # fmt: skip
    for name, reason in reasons.items():
        assert any(f"NOT COLLECTED {name}: " in line and reason in line for line in log.splitlines()), name
    assert "LATE in Canvas: lnguyen" in log


def test_moodle_downloads_in_folders_or_flat_are_matched_by_name(term, tmp_path):
    course = tmp_path / "course"
    shutil.copytree(
        term["course"], course, ignore=shutil.ignore_patterns("submitted", "downloaded", "autograded")
    )
    archive = course / "downloaded" / ASSIGNMENT / "archive"
    archive.mkdir(parents=True)
    with zipfile.ZipFile(archive / "moodle.zip", "w") as download:
        download.write(term["solution"], f"Jane Smith_1234567_assignsubmission_file_/{NOTEBOOK}")
        download.write(term["solution"], f"HELENE  MULLER_1234568_assignsubmission_file_{NOTEBOOK}")
        download.writestr(
            "Linh Nguyen_1234569_assignsubmission_onlinetext_onlinetext.html", "<p>see attached</p>"
        )
        download.write(term["solution"], f"Tom Unknown_1234570_assignsubmission_file_/{NOTEBOOK}")
        download.write(term["solution"], f"smithjane_12345_6789012_{NOTEBOOK}")
    log = nbgrader("zip_collect", ASSIGNMENT, "--collector=caiokit.grading.lms_collect.MoodleCollector",
                   cwd=course, env=term["env"])  # fmt: skip
    assert sorted(p.name for p in (course / "submitted").iterdir()) == ["hmuller", "jsmith"]
    for reason in ("a Moodle onlinetext submission, not an uploaded file",
                   "'Tom Unknown' is not on the roster", "looks like a Canvas download, use CanvasCollector"):  # fmt: skip
        assert reason in log, reason


def test_files_named_student_notebook_are_collected_with_the_courses_own_pattern(term, tmp_path):
    """Without a platform's collector, `nbgrader zip_collect` reads <student>_<notebook> names, the pattern set in
    the course's nbgrader_config.py (FileNameCollectorPlugin.named_regexp)."""
    course = tmp_path / "course"
    shutil.copytree(
        term["course"], course, ignore=shutil.ignore_patterns("submitted", "downloaded", "autograded")
    )
    archive = course / "downloaded" / ASSIGNMENT / "archive"
    archive.mkdir(parents=True)
    shutil.copy(term["solution"], archive / f"dave_{NOTEBOOK}")
    nbgrader("zip_collect", ASSIGNMENT, cwd=course, env=term["env"])
    collected = course / "submitted" / "dave" / ASSIGNMENT / NOTEBOOK
    assert collected.read_bytes() == term["solution"].read_bytes()


def test_a_download_that_would_replace_a_submission_stops_before_copying_anything(term, graded, tmp_path):
    course = tmp_path / "course"
    shutil.copytree(term["course"], course)
    shutil.rmtree(course / "downloaded" / ASSIGNMENT / "extracted")  # as after a fresh download
    shutil.rmtree(course / "submitted" / "lnguyen")  # a learner whose download is new...
    before = tree_digest(course / "submitted")  # ...and jsmith, whose submission is already there
    result = course_run(sys.executable, "-m", "nbgrader", "zip_collect", ASSIGNMENT,
                        "--collector=caiokit.grading.lms_collect.CanvasCollector", course=course, env=term["env"])  # fmt: skip
    assert result.returncode != 0
    assert (
        "already holds a submission of jsmith: nothing was copied. Re-run with --force"
        in result.stdout + result.stderr
    )
    assert tree_digest(course / "submitted") == before


# --- status, exports, feedback -------------------------------------------------------------------------------------


def test_status_shows_each_learner_and_never_a_blank_for_who_did_not_submit(term, graded):
    result = run(
        sys.executable, "-m", "caiokit.grading", "status", ASSIGNMENT, cwd=term["course"], env=term["env"]
    )
    rows = {line.split()[0]: line for line in result.splitlines()[1:] if line and not line.startswith(" ")}
    assert "NOT SUBMITTED" in rows["nobody"] and "NOT SUBMITTED" in rows["hmuller"]
    assert "on time" in rows["alice"] and "20 / 20" in rows["alice"]
    assert "late by 1 d 2 h 0 min" in rows["carol"] and "12 / 20" in rows["carol"]
    assert "on time" in rows["bob"] and "0 / 20" in rows["bob"]
    assert "no time recorded" in rows["jsmith"]
    assert "7 learner(s) on the roster; 5 submitted, 2 not submitted; 1 late; 5 autograded, 0 not yet; " \
           "4 written answer(s) to grade." in result  # fmt: skip


def test_status_flags_a_submission_from_someone_not_on_the_roster(term, graded, tmp_path):
    course = tmp_path / "course"
    shutil.copytree(term["course"], course)
    shutil.copytree(course / "submitted" / "bob", course / "submitted" / "zed")
    result = run(sys.executable, "-m", "caiokit.grading", "status", ASSIGNMENT, cwd=course, env=term["env"])
    assert "NOT ON THE ROSTER: zed submitted but is not on the roster" in result


def read_csv(path: Path) -> list[list[str]]:
    with path.open(newline="", encoding="utf-8") as handle:
        return list(csv.reader(handle))


def test_canvas_export_has_canvas_columns_and_no_grade_for_non_submitters(term, graded):
    log = nbgrader("export", "--exporter=caiokit.grading.lms_export.CanvasExporter", cwd=term["course"],
                   env=term["env"])  # fmt: skip
    path = term["home"] / "caiokit-output" / "caio101" / "canvas_grades.csv"
    assert f"written: {path}" in log
    rows = read_csv(path)
    assert rows[0] == ["Student", "ID", "SIS User ID", "SIS Login ID", "Section", ASSIGNMENT]
    assert rows[1] == ["    Points Possible", "", "", "", "", "20"]
    by_id = {row[2]: row for row in rows[2:]}
    assert by_id["jsmith"] == ["Smith, Jane", "12345", "jsmith", "jane.smith@example.org", "", "15"]
    assert by_id["alice"][5] == "20" and by_id["bob"][5] == "0" and by_id["carol"][5] == "12"
    assert by_id["nobody"][5] == "" and by_id["hmuller"][5] == ""
    assert "Not final: 4 submission(s) still have written answers to grade" in log


def test_moodle_export_identifies_learners_by_email(term, graded):
    nbgrader(
        "export", "--exporter=caiokit.grading.lms_export.MoodleExporter", cwd=term["course"], env=term["env"]
    )
    rows = read_csv(term["home"] / "caiokit-output" / "caio101" / "moodle_grades.csv")
    assert rows[0] == ["Email address", "First name", "Last name", ASSIGNMENT]
    by_email = {row[0]: row[3] for row in rows[1:]}
    assert by_email == {
        "alice@example.org": "20", "bob@example.org": "0", "carol@example.org": "12",
        "jane.smith@example.org": "15", "linh@example.org": "15", "helene@example.org": "", "nora@example.org": "",
    }  # fmt: skip


def test_an_unknown_exporter_option_or_exporter_is_refused_and_nothing_is_written(term, graded, tmp_path):
    target = tmp_path / "grades.csv"
    result = course_run(sys.executable, "-m", "nbgrader", "export",
                        "--exporter=caiokit.grading.lms_export.CanvasExporter", "--CanvasExporter.colums={}",
                        f"--to={target}", course=term["course"], env=term["env"])  # fmt: skip
    assert (
        result.returncode != 0
        and "Unknown option(s) --CanvasExporter.colums" in result.stdout + result.stderr
    )
    assert not target.exists()
    result = course_run(sys.executable, "-m", "nbgrader", "export", "--exporter=canvas", f"--to={target}",
                        course=term["course"], env=term["env"])  # fmt: skip
    assert result.returncode != 0 and "'canvas' could not be imported" in result.stdout + result.stderr
    assert not target.exists()


def test_feedback_is_packaged_for_canvas_under_the_download_names(term, graded, tmp_path):
    course, env = term["course"], term["env"]
    nbgrader("generate_feedback", ASSIGNMENT, "--force", cwd=course, env=env)
    target = tmp_path / "feedback.zip"
    log = run(sys.executable, "-m", "caiokit.grading", "feedback-package", ASSIGNMENT, "--platform", "canvas",
              "--to", str(target), cwd=course, env=env)  # fmt: skip
    with zipfile.ZipFile(target) as archive:
        assert sorted(archive.namelist()) == [
            "nguyenlinh_late_23456_6789013_01_caio_role_feedback.html",
            "smithjane_12345_6789012_01_caio_role_feedback.html",
        ]
    assert "NOT PACKAGED alice: no canvas download of theirs" in log and "release_feedback" in log
    assert f"written: {target} (2 learner(s))" in log
