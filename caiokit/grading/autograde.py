"""Autograde many submissions at once, each isolated, with one writer to the gradebook.

nbgrader's default gradebook is a SQLite file: several ``nbgrader autograde`` processes writing it at once
can fail with "database is locked" or lose updates (nbgrader issue 174 asks for parallel grading). Here
submissions are split into small batches; each batch is graded by plain ``nbgrader autograde`` in a
scratch copy of the course that holds a SQLite snapshot of the gradebook (copied from the configured
``CourseDirectory.db_url``, PostgreSQL included), the assignment's source and that batch's submissions only. Batches run in parallel; as each finishes, the main process alone copies its
grades into the real gradebook and its graded notebooks into ``autograded/``. The scores are nbgrader's
own, so they equal a sequential run's. With the sandbox, each notebook's kernel sees only its own folder.

A submission that nbgrader cannot grade at all (not a notebook, empty, killed its kernel, ran past the
time limit) gets 0 on every autograded test, a line in the log saying why, and keeps any manually graded
answer waiting for the instructor. Learners' submitted files are only ever read.
"""

from __future__ import annotations

import logging
import math
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterable
from concurrent.futures import FIRST_COMPLETED, ThreadPoolExecutor, wait
from dataclasses import dataclass
from pathlib import Path

from nbgrader.api import Gradebook, MissingEntry
from traitlets.config.loader import PyFileConfigLoader

from caiokit.grading import sandbox
from caiokit.grading.gradebook import GradingError, copy_to_sqlite, gradebook_url, open_gradebook, sqlite_url

log = logging.getLogger("caiokit.grading")

SUBMISSION_TIMEOUT_S = 600
# At most this many submissions per nbgrader process. Batches are sized so that each worker gets about two:
# few processes to start (each costs seconds), yet a slow batch does not leave a core idle for long. Halves
# smaller than MIN_BATCH are not worth a second process start (about 2 s of CPU, as much as a submission or
# two): each worker then gets one batch.
MAX_BATCH = 25
MIN_BATCH = 4


@dataclass(frozen=True)
class StudentResult:
    """How one submission's grading went (``seconds``: its share of the time of the run that graded it)."""

    student: str
    graded: bool
    message: str
    seconds: float


def submitted_students(course_root: Path, assignment: str) -> list[str]:
    """Learners who have a submission of this assignment in ``submitted/``."""
    folder = course_root / "submitted"
    if not folder.is_dir():
        return []
    return sorted(p.name for p in folder.iterdir() if (p / assignment).is_dir())


def _nbgrader_env(scratch: Path) -> dict[str, str]:
    env = dict(os.environ)
    env["PATH"] = f"{Path(sys.executable).parent}{os.pathsep}{env.get('PATH', '')}"
    env["JUPYTER_RUNTIME_DIR"] = str(scratch / "runtime")
    env.pop("NBGRADER_EXECUTION", None)
    return env


def _check_sandbox_configured(course_root: Path) -> None:
    """Refuse to grade "sandboxed" with a course config that would run learners' code without the sandbox."""
    config = PyFileConfigLoader("nbgrader_config.py", path=str(course_root)).load_config()
    steps = config.Autograde.autograde_preprocessors if "autograde_preprocessors" in config.Autograde else []
    if sandbox.SandboxedExecute not in steps:
        raise GradingError(
            f"{course_root / 'nbgrader_config.py'} does not run learners' code in the sandbox: copy the "
            "'Autograding steps' block of the course's nbgrader_config.py into it (it puts SandboxedExecute "
            "in place of nbgrader's Execute), or grade with --no-sandbox on purpose."
        )


def _prepare_scratch(course_root: Path, snapshot: Path, assignment: str, students: list[str]) -> Path:
    """A scratch course holding the config, a gradebook snapshot, the source and these submissions only.

    The snapshot is a SQLite file even when the course's gradebook is on a database server: the command
    that grades the batch is pointed at it (``_run_nbgrader``), so only this process writes the real one.
    """
    scratch = Path(tempfile.mkdtemp(prefix="caiokit-grade-"))
    shutil.copy(course_root / "nbgrader_config.py", scratch / "nbgrader_config.py")
    shutil.copy(snapshot, scratch / "gradebook.db")
    shutil.copytree(course_root / "source" / assignment, scratch / "source" / assignment)
    for student in students:
        shutil.copytree(
            course_root / "submitted" / student / assignment, scratch / "submitted" / student / assignment
        )
    (scratch / "runtime").mkdir()
    return scratch


def _run_nbgrader(scratch: Path, assignment: str, isolate: bool, timeout_s: float) -> tuple[bool, str]:
    """Run plain ``nbgrader autograde`` on every submission of a scratch course; return (finished, log)."""
    command = [
        sys.executable, "-m", "nbgrader", "autograde", assignment, "--force", f"--CourseDirectory.root={scratch}",
        f"--CourseDirectory.db_url={sqlite_url(scratch / 'gradebook.db')}",
    ]  # fmt: skip
    if not isolate:
        command.append("--SandboxedExecute.isolate=False")
    try:
        result = subprocess.run(
            command,
            cwd=scratch,
            env=_nbgrader_env(scratch),
            capture_output=True,
            text=True,
            timeout=timeout_s,
            check=False,
            start_new_session=True,
        )
    except subprocess.TimeoutExpired:
        return False, f"grading took longer than {timeout_s:.0f} s and was stopped"
    return True, result.stdout + result.stderr


def _graded(scratch: Path, assignment: str, student: str) -> bool:
    # nbgrader removes the graded copy of a submission it failed to grade.
    return (scratch / "autograded" / student / assignment).is_dir()


# What nbgrader's log says when it cannot grade a submission, and what an instructor can do about it.
FAILURE_REASONS = (
    (
        "no notebooks were matched",
        "the submission folder holds no notebook (.ipynb): collect the learner's work again",
    ),
    # nbgrader 0.9.6 fails on an unreadable timestamp.txt with an AttributeError raised in this function.
    (
        "in get_existing_timestamp",
        "its timestamp.txt is not a date nbgrader can read: correct or delete it in the learner's "
        "submitted/ folder, then grade again",
    ),
    ("kernel died", "the notebook's kernel died (os._exit, a crash, or the memory limit)"),
    ("unresponsivekernelerror", "the notebook's kernel stopped responding"),
    ("jsondecodeerror", "the notebook is empty or not valid JSON"),
    ("notjsonerror", "the notebook is empty or not valid JSON"),
    ("validationerror", "the file is JSON but not a valid notebook"),
)
UNKNOWN_NOTEBOOK = re.compile(r"Skipping unknown notebook: (?P<path>\S+)")
EXCEPTION_LINE = re.compile(r"^\s*(?:\w+\.)*\w*(?:Error|Exception): .+$")


def _explain_failure(output: str, assignment: str) -> str:
    """Turn nbgrader's log into one line an instructor can act on."""
    unknown = sorted({Path(m["path"]).name for m in UNKNOWN_NOTEBOOK.finditer(output)})
    if unknown and "no notebooks found" in output.lower():
        return (
            f"the notebook handed in ({', '.join(unknown)}) is not one of {assignment}'s: rename it to the "
            f"assignment's notebook name in the learner's submitted/ folder (a learning platform may have "
            f"renamed the download), then grade again"
        )
    lowered = output.lower()
    for needle, reason in FAILURE_REASONS:
        if needle in lowered:
            return reason
    exceptions = [line.strip() for line in output.splitlines() if EXCEPTION_LINE.match(line)]
    if exceptions:
        return f"nbgrader failed with {exceptions[-1]}"
    errors = [line for line in output.splitlines() if "ERROR" in line]
    return errors[-1].strip() if errors else "nbgrader could not grade the submission"


def _lateness(output: str, assignment: str, student: str) -> str:
    """nbgrader's "... is N seconds late" line for this learner, as a few words, or ""."""
    late = re.search(
        rf"SubmittedAssignment<{re.escape(assignment)} for {re.escape(student)}> is ([\d.]+) seconds late",
        output,
    )
    return f"submitted {float(late[1]):g} seconds late" if late else ""


def _copy_grades(gradebook: Gradebook, scratch: Path, assignment: str, student: str) -> None:
    """Copy one student's autograde results from a scratch gradebook into the course gradebook."""
    with Gradebook(sqlite_url(scratch / "gradebook.db")) as source:
        submission = source.find_submission(assignment, student)
        gradebook.update_or_create_student(student)
        gradebook.update_or_create_submission(assignment, student, timestamp=submission.timestamp)
        for notebook in submission.notebooks:
            target_notebook = gradebook.find_submission_notebook(notebook.name, assignment, student)
            target_notebook.late_submission_penalty = notebook.late_submission_penalty
            for grade in notebook.grades:
                target = gradebook.find_grade(grade.name, notebook.name, assignment, student)
                target.auto_score = grade.auto_score
                target.needs_manual_grade = grade.needs_manual_grade
            for comment in notebook.comments:
                target_comment = gradebook.find_comment(comment.name, notebook.name, assignment, student)
                target_comment.auto_comment = comment.auto_comment
        gradebook.db.commit()


def _record_zero(gradebook: Gradebook, assignment: str, student: str) -> None:
    """Give 0 to every autograded test of a submission that could not be graded."""
    gradebook.update_or_create_student(student)
    gradebook.update_or_create_submission(assignment, student)
    for notebook in gradebook.find_assignment(assignment).notebooks:
        try:
            submitted = gradebook.find_submission_notebook(notebook.name, assignment, student)
        except MissingEntry:
            continue
        for grade in submitted.grades:
            if grade.cell.cell_type == "code":
                grade.auto_score = 0.0
                grade.needs_manual_grade = False
    gradebook.db.commit()


def _publish_notebooks(course_root: Path, scratch: Path, assignment: str, student: str) -> None:
    graded = scratch / "autograded" / student / assignment
    target = course_root / "autograded" / student / assignment
    if target.exists():
        shutil.rmtree(target)
    if graded.is_dir():
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copytree(graded, target)


def autograde(
    course_root: str | Path,
    assignment: str,
    workers: int = 2,
    students: Iterable[str] | None = None,
    isolate: bool | None = None,
    timeout_s: float = SUBMISSION_TIMEOUT_S,
    on_result: Callable[[StudentResult], None] | None = None,
) -> list[StudentResult]:
    """Grade the submissions of one assignment with ``workers`` in parallel; return one result per learner.

    ``isolate`` None means: sandbox if bubblewrap works here, otherwise warn and grade without it.
    """
    course_root = Path(course_root).resolve()
    if workers < 1:
        raise GradingError("--workers must be at least 1.")
    names = sorted(set(students)) if students is not None else submitted_students(course_root, assignment)
    if not names:
        raise GradingError(
            f"No submission of {assignment!r} in {course_root / 'submitted'}: run `nbgrader collect` first."
        )
    with open_gradebook(
        course_root, f"run `nbgrader generate_assignment {assignment}` for this assignment first."
    ) as gradebook:
        try:
            gradebook.find_assignment(assignment)
        except MissingEntry as exc:
            raise GradingError(
                f"{assignment!r} is not in the gradebook: run `nbgrader generate_assignment {assignment}` first."
            ) from exc
    if isolate is None:
        status = sandbox.available()
        isolate = status.ok
        if not status.ok:
            log.warning(sandbox.NO_SANDBOX_WARNING, status.reason)
    if isolate:
        _check_sandbox_configured(course_root)
        log.info("Sandbox on: each notebook's kernel can write only to its own folder, and has no network")
    snapshot_dir = Path(tempfile.mkdtemp(prefix="caiokit-gradebook-"))
    snapshot = snapshot_dir / "gradebook.db"
    copy_to_sqlite(gradebook_url(course_root), snapshot)

    def grade_batch(
        batch: list[str],
    ) -> tuple[list[str], Path | None, dict[str, tuple[bool, str] | None], float]:
        started = time.monotonic()
        try:
            scratch = _prepare_scratch(course_root, snapshot, assignment, batch)
        except OSError as exc:
            return batch, None, {s: (False, f"could not copy the submission: {exc}") for s in batch}, 0.0
        finished, output = _run_nbgrader(scratch, assignment, isolate, timeout_s * len(batch))
        outcome: dict[str, tuple[bool, str] | None] = {}
        for student in batch:
            if finished and _graded(scratch, assignment, student):
                late = _lateness(output, assignment, student)
                outcome[student] = (True, f"graded, {late}" if late else "graded")
            elif len(batch) == 1:
                outcome[student] = (False, _explain_failure(output, assignment) if finished else output)
            else:
                outcome[student] = None  # graded again on its own, for a clean verdict and log
        return batch, scratch, outcome, (time.monotonic() - started) / len(batch)

    results: list[StudentResult] = []
    try:
        with (
            ThreadPoolExecutor(max_workers=workers) as pool,
            Gradebook(gradebook_url(course_root)) as gradebook,
        ):
            pending = {pool.submit(grade_batch, batch) for batch in _batches(names, workers)}
            while pending:
                done, pending = wait(pending, return_when=FIRST_COMPLETED)
                for future in done:
                    batch, scratch, outcome, seconds = future.result()
                    try:
                        for student in batch:
                            verdict = outcome[student]
                            if verdict is None:
                                pending.add(pool.submit(grade_batch, [student]))
                                continue
                            ok, message = verdict
                            if ok:
                                _copy_grades(gradebook, scratch, assignment, student)
                                _publish_notebooks(course_root, scratch, assignment, student)
                            else:
                                _record_zero(gradebook, assignment, student)
                                message = f"not graded: {message}; 0 recorded for its autograded tests"
                            result = StudentResult(student, ok, message, seconds)
                            quiet = ok and "late" not in message
                            (log.info if quiet else log.warning)("%s: %s", student, message)
                            if on_result:
                                on_result(result)
                            results.append(result)
                    finally:
                        if scratch is not None:
                            shutil.rmtree(scratch, ignore_errors=True)
    finally:
        shutil.rmtree(snapshot_dir, ignore_errors=True)
    return sorted(results, key=lambda r: r.student)


def _batches(names: list[str], workers: int) -> list[list[str]]:
    """Split learners into batches: two per worker, so that one slow batch does not leave a core idle, or one per
    worker when two would be smaller than MIN_BATCH."""
    size = math.ceil(len(names) / (workers * 2))
    if size < MIN_BATCH:
        size = math.ceil(len(names) / workers)
    size = max(1, min(MAX_BATCH, size))
    return [names[i : i + size] for i in range(0, len(names), size)]
