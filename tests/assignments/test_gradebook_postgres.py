"""nbgrader's gradebook on PostgreSQL: the same scores as on SQLite, export and the Formgrader's API work, and
two graders writing at once lose nothing.

A session fixture starts a throwaway PostgreSQL cluster (Debian's postgresql, run as an unprivileged system
user when the tests run as root) on 127.0.0.1 and removes it afterwards. Assignment 02_prioritization, with a
complete, a partial, a blank and a second complete submission, is graded once on SQLite by the course's
parallel grader and once on PostgreSQL by two sandboxed `nbgrader autograde` processes running at once.
"""

from __future__ import annotations

import contextlib
import csv
import json
import os
import pwd
import secrets
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import psycopg
import pytest
from nbgrader.api import Gradebook

from harness.course import course_api, make_course, nbgrader, run
from harness.ports import free_port

ROOT = Path(__file__).resolve().parents[2]
ASSIGNMENT = "02_prioritization"
NOTEBOOK = f"{ASSIGNMENT}.ipynb"
POSTGRES_BIN = Path(os.environ.get("CAIOKIT_POSTGRES_BIN", "/usr/lib/postgresql/15/bin"))
# The system account that runs the throwaway cluster when the tests run as root (PostgreSQL refuses root).
CLUSTER_USER = "caiokit-pgtest"
# Each grader process takes these learners (nbgrader's --student takes a glob).
GRADERS = {"first": "a_*", "second": "b_*"}


@dataclass(frozen=True)
class PostgresServer:
    """A running throwaway cluster: where it listens and the password of its superuser ``caiokit``."""

    port: int
    password: str

    def url(self, database: str) -> str:
        return f"postgresql://caiokit:{self.password}@127.0.0.1:{self.port}/{database}"

    def create_database(self, name: str) -> str:
        """Create an empty database and return its SQLAlchemy URL."""
        with psycopg.connect(self.url("postgres"), autocommit=True) as connection:
            connection.execute(f'CREATE DATABASE "{name}"')
        return self.url(name)


def _as_cluster_user(user: str | None, *command: str) -> list[str]:
    return ["runuser", "-u", user, "--", *command] if user else list(command)


@contextlib.contextmanager
def throwaway_postgres(bin_dir: Path = POSTGRES_BIN) -> Iterator[PostgresServer]:
    """Start a PostgreSQL cluster in a temporary folder on 127.0.0.1, and stop and delete it on the way out.

    As root, the cluster runs as the ``postgres`` account if there is one, otherwise as a system account created
    here and removed afterwards.
    """
    created_user = None
    user = None
    if os.geteuid() == 0:
        try:
            user = pwd.getpwnam("postgres").pw_name
        except KeyError:
            subprocess.run(["useradd", "--system", "--no-create-home", CLUSTER_USER], check=True)
            user = created_user = CLUSTER_USER
    folder = Path(tempfile.mkdtemp(prefix="caiokit-postgres-"))
    data, log = folder / "data", folder / "server.log"
    started = False
    try:
        password = secrets.token_hex(16)
        (folder / "password").write_text(password + "\n", encoding="utf-8")
        if user:
            shutil.chown(folder, user)
            shutil.chown(folder / "password", user)
        run(
            *_as_cluster_user(user, str(bin_dir / "initdb"), "-D", str(data), "-U", "caiokit",
                              "--auth=scram-sha-256", f"--pwfile={folder / 'password'}", "-E", "UTF8"),
            cwd=folder, env=dict(os.environ, LC_ALL="C.UTF-8"),
        )  # fmt: skip
        port = free_port()
        options = (
            f"-c listen_addresses=127.0.0.1 -p {port} -c unix_socket_directories='' -c max_connections=40"
        )
        run(
            *_as_cluster_user(user, str(bin_dir / "pg_ctl"), "-D", str(data), "-l", str(log), "-w", "-t", "60",
                              "-o", options, "start"),
            cwd=folder, env=dict(os.environ),
        )  # fmt: skip
        started = True
        yield PostgresServer(port, password)
    finally:
        if started:
            subprocess.run(
                _as_cluster_user(user, str(bin_dir / "pg_ctl"), "-D", str(data), "-m", "fast", "-w", "stop"),
                cwd=folder, capture_output=True, check=False,
            )  # fmt: skip
        shutil.rmtree(folder, ignore_errors=True)
        if created_user:
            subprocess.run(["userdel", created_user], capture_output=True, check=False)


@pytest.fixture(scope="session")
def postgres() -> Iterator[PostgresServer]:
    missing = [name for name in ("initdb", "pg_ctl") if not (POSTGRES_BIN / name).is_file()]
    if missing:
        pytest.skip(
            f"PostgreSQL is not installed ({', '.join(missing)} not in {POSTGRES_BIN}): "
            "apt-get install postgresql, or set CAIOKIT_POSTGRES_BIN to the folder holding initdb and pg_ctl"
        )
    with throwaway_postgres() as server:
        yield server


def postgres_course_in(root: Path, db_url: str) -> Path:
    """A scratch course (as harness.course.make_course makes) whose nbgrader_config.py points at ``db_url``, as the
    README tells an instructor to, with the assignment generated into that database."""
    shutil.copytree(ROOT / "source" / ASSIGNMENT, root / "source" / ASSIGNMENT)
    config = (ROOT / "nbgrader_config.py").read_text(encoding="utf-8")
    (root / "nbgrader_config.py").write_text(
        f'{config}\nc.CourseDirectory.db_url = "{db_url}"\n', encoding="utf-8"
    )
    nbgrader("generate_assignment", ASSIGNMENT, "--force", cwd=root, env=environment())
    return root


def submissions() -> dict[str, dict]:
    """Each learner's notebook: complete, partial and blank work, shared between the two graders."""
    solution = json.loads((ROOT / "source" / ASSIGNMENT / NOTEBOOK).read_text(encoding="utf-8"))
    partial = json.loads(json.dumps(solution))
    replacements = json.loads(
        (ROOT / "tests" / "assignments" / "partial_submissions" / f"{ASSIGNMENT}.json").read_text()
    )
    for cell in partial["cells"]:
        grade_id = cell["metadata"].get("nbgrader", {}).get("grade_id")
        if grade_id in replacements["replacements"]:
            cell["source"] = replacements["replacements"][grade_id]
    blank = json.loads((ROOT / "release" / ASSIGNMENT / NOTEBOOK).read_text(encoding="utf-8"))
    return {"a_complete": solution, "a_partial": partial, "b_blank": blank, "b_complete": solution}


def hand_in(course: Path) -> None:
    for student, notebook in submissions().items():
        folder = course / "submitted" / student / ASSIGNMENT
        folder.mkdir(parents=True)
        (folder / NOTEBOOK).write_text(json.dumps(notebook), encoding="utf-8")


def grades(db_url: str) -> dict[str, dict[str, float | None]]:
    """Every learner's autograded score per test cell."""
    with Gradebook(db_url) as gradebook:
        return {
            s.student.id: {
                g.name: g.auto_score for nb in s.notebooks for g in nb.grades if g.cell.cell_type == "code"
            }
            for s in gradebook.find_assignment(ASSIGNMENT).submissions
        }


def environment() -> dict[str, str]:
    env = dict(os.environ)
    env["PATH"] = f"{Path(sys.executable).parent}{os.pathsep}{env['PATH']}"
    return env


@pytest.fixture(scope="module")
def sqlite_course(tmp_path_factory) -> Path:
    """The class graded on SQLite by the course's parallel, sandboxed grader."""
    course = make_course(tmp_path_factory.mktemp("sqlite"), ASSIGNMENT)
    hand_in(course)
    run(sys.executable, "-m", "caiokit.grading", "autograde", ASSIGNMENT, "--workers", "2",
        cwd=course, env=environment())  # fmt: skip
    return course


@pytest.fixture(scope="module")
def postgres_course(postgres, tmp_path_factory) -> dict:
    """The same class on PostgreSQL, graded by two `nbgrader autograde` processes at once, one per half."""
    db_url = postgres.create_database("caio101_grades")
    course = postgres_course_in(tmp_path_factory.mktemp("postgres"), db_url)
    hand_in(course)
    processes, spans = {}, {}
    for grader, students in GRADERS.items():
        processes[grader] = subprocess.Popen(
            [sys.executable, "-m", "nbgrader", "autograde", ASSIGNMENT, f"--student={students}", "--force"],
            cwd=course, env=environment(), stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
        )  # fmt: skip
        spans[grader] = [time.monotonic(), None]
    logs = {}
    try:
        for grader, process in processes.items():
            logs[grader] = process.communicate(timeout=900)[0]
            spans[grader][1] = time.monotonic()
    finally:
        for process in processes.values():
            if process.poll() is None:
                process.kill()
                process.wait()
    for grader, process in processes.items():
        assert process.returncode == 0, f"grader {grader} failed:\n{logs[grader][-3000:]}"
    return {"course": course, "db_url": db_url, "logs": logs, "spans": spans}


def test_postgresql_gives_the_scores_sqlite_gives(sqlite_course, postgres_course):
    on_sqlite = grades(f"sqlite:///{sqlite_course / 'gradebook.db'}")
    on_postgres = grades(postgres_course["db_url"])
    assert set(on_postgres) == set(submissions())
    assert on_postgres == on_sqlite
    complete, blank = sum(on_postgres["a_complete"].values()), sum(on_postgres["b_blank"].values())
    assert 0 == blank < sum(on_postgres["a_partial"].values()) < complete


def test_two_graders_writing_at_once_lose_nothing(postgres_course):
    (first_start, first_end), (second_start, second_end) = postgres_course["spans"].values()
    assert first_start < second_end and second_start < first_end, (
        "the two graders did not run at the same time"
    )
    with Gradebook(postgres_course["db_url"]) as gradebook:
        for student in submissions():
            submission = gradebook.find_submission(ASSIGNMENT, student)
            tests = [g for nb in submission.notebooks for g in nb.grades if g.cell.cell_type == "code"]
            assert tests and all(g.auto_score is not None for g in tests), student
            # written answers wait for the instructor; the blank's unchanged ones are 0 without a look
            assert submission.needs_manual_grade == (student != "b_blank"), student
    assert not (postgres_course["course"] / "gradebook.db").exists()


def test_grading_on_postgresql_is_sandboxed(postgres_course):
    for log in postgres_course["logs"].values():
        assert "Sandbox: the kernel can write only to" in log


def test_grades_export_from_postgresql(sqlite_course, postgres_course, tmp_path):
    exported = {}
    for name, course in (("sqlite", sqlite_course), ("postgres", postgres_course["course"])):
        target = tmp_path / f"{name}.csv"
        nbgrader("export", f"--to={target}", cwd=course, env=environment())
        with open(target, newline="", encoding="utf-8") as file:
            exported[name] = {row["student_id"]: float(row["score"]) for row in csv.DictReader(file)}
    assert set(exported["postgres"]) == set(submissions())
    assert exported["postgres"] == exported["sqlite"]


def test_the_formgrader_api_reads_the_postgresql_gradebook(postgres_course):
    api = course_api(postgres_course["course"])
    listed = {s["student"]: s for s in api.get_submissions(ASSIGNMENT)}
    assert set(listed) == set(submissions())
    assert all(s["autograded"] for s in listed.values())
    assert {name for name, s in listed.items() if s["needs_manual_grade"]} == set(submissions()) - {"b_blank"}
    assert listed["b_blank"]["code_score"] == 0 < listed["a_complete"]["code_score"]


def test_the_parallel_grader_grades_into_postgresql(postgres, sqlite_course, tmp_path):
    db_url = postgres.create_database("caio101_parallel")
    course = postgres_course_in(tmp_path / "course", db_url)
    hand_in(course)
    run(sys.executable, "-m", "caiokit.grading", "autograde", ASSIGNMENT, "--workers", "2",
        cwd=course, env=environment())  # fmt: skip
    assert grades(db_url) == grades(f"sqlite:///{sqlite_course / 'gradebook.db'}")
    assert not (course / "gradebook.db").exists(), "the grader wrote a SQLite gradebook beside PostgreSQL's"
    report = run(sys.executable, "-m", "caiokit.grading", "report", ASSIGNMENT, cwd=course, env=environment())
    assert f"\n{len(submissions())} submission(s); mean total" in f"\n{report}", report
