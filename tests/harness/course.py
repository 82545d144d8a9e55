"""A scratch nbgrader course, and nbgrader's commands run the way the README gives them."""

from __future__ import annotations

import atexit
import hashlib
import json
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest
from nbgrader.api import Gradebook
from nbgrader.apps import NbGraderAPI
from nbgrader.coursedir import CourseDirectory
from traitlets.config import Config

from caiokit.grading import sandbox

ROOT = Path(__file__).resolve().parents[2]
ASSIGNMENT = "01_caio_role"
NOTEBOOK = f"{ASSIGNMENT}.ipynb"
MAX_CODE = 15.0  # the autograded points of ASSIGNMENT
SANDBOX = sandbox.available()
needs_sandbox = pytest.mark.skipif(not SANDBOX.ok, reason=f"no grading sandbox here: {SANDBOX.reason}")


def run(*args: str, cwd: Path, env: dict[str, str] | None) -> str:
    """Run a command; fail the test with its output's tail if it fails; return what it printed."""
    result = subprocess.run([*args], cwd=cwd, env=env, capture_output=True, text=True, check=False)
    assert result.returncode == 0, (
        f"{' '.join(args)} failed:\n{result.stdout[-3000:]}\n{result.stderr[-3000:]}"
    )
    return result.stdout + result.stderr


def nbgrader(*args: str, cwd: Path, env: dict[str, str] | None) -> str:
    """``nbgrader <args>`` with this environment's Python."""
    return run(sys.executable, "-m", "nbgrader", *args, cwd=cwd, env=env)


def answer(notebook_path: Path, replacements: dict[str, str]) -> None:
    """Write answers into a fetched notebook, cell by cell, as a learner would."""
    notebook = json.loads(notebook_path.read_text(encoding="utf-8"))
    for cell in notebook["cells"]:
        grade_id = cell["metadata"].get("nbgrader", {}).get("grade_id")
        if grade_id in replacements:
            cell["source"] = replacements[grade_id]
    notebook_path.write_text(json.dumps(notebook), encoding="utf-8")


def solution_answers(assignment: str = ASSIGNMENT) -> dict[str, str]:
    """The solution's text of every answer cell of an assignment."""
    notebook = json.loads((ROOT / "source" / assignment / f"{assignment}.ipynb").read_text(encoding="utf-8"))
    return {
        c["metadata"]["nbgrader"]["grade_id"]: "".join(c["source"])
        for c in notebook["cells"]
        if c["metadata"].get("nbgrader", {}).get("solution")
    }


# Courses generated in this test process, one per assignment, which make_course copies.
_GENERATED: dict[str, Path] = {}


def make_course(root: Path, assignment: str = ASSIGNMENT) -> Path:
    """A course folder holding the assignment's source and release, the course config and a gradebook.

    nbgrader generates each assignment once per test process, through its API as the Formgrader does, and each
    course is a copy of that one: a generation costs seconds, a copy milliseconds. (The tests of the commands
    as the README gives them run ``nbgrader generate_assignment`` themselves.)
    """
    template = _GENERATED.get(assignment)
    if template is None:
        template = Path(tempfile.mkdtemp(prefix=f"caiokit-course-{assignment}-"))
        atexit.register(shutil.rmtree, template, ignore_errors=True)
        shutil.copytree(ROOT / "source" / assignment, template / "source" / assignment)
        shutil.copy(ROOT / "nbgrader_config.py", template / "nbgrader_config.py")
        result = course_api(template).generate_assignment(assignment, force=True)
        assert result["success"], result["log"]
        _GENERATED[assignment] = template
    shutil.copytree(template, root, dirs_exist_ok=True)
    return root


def course_api(course: Path) -> NbGraderAPI:
    """The API the Formgrader uses, configured by the course's nbgrader_config.py."""
    config = Config()
    exec(
        (course / "nbgrader_config.py").read_text(),
        {"get_config": lambda: config, "__file__": str(course / "nbgrader_config.py")},
    )  # noqa: S102 - the course's own config
    config.CourseDirectory.root = str(course)
    config.Exchange.root = str(course / "exchange")
    return NbGraderAPI(coursedir=CourseDirectory(config=config), config=config)


def solution() -> dict:
    """The model answer of ASSIGNMENT, as a notebook dict."""
    return json.loads((ROOT / "source" / ASSIGNMENT / NOTEBOOK).read_text(encoding="utf-8"))


def cell(notebook: dict, grade_id: str) -> dict:
    """The cell of a notebook dict with that nbgrader grade id."""
    return next(c for c in notebook["cells"] if c["metadata"].get("nbgrader", {}).get("grade_id") == grade_id)


def with_answer(grade_id: str, code: str) -> dict:
    """The model answer with one answer cell replaced."""
    notebook = solution()
    cell(notebook, grade_id)["source"] = code
    return notebook


def submit(course: Path, student: str, content: dict | str | None) -> None:
    """Put a submission of ASSIGNMENT in the course (``None``: a submission folder with no notebook)."""
    folder = course / "submitted" / student / ASSIGNMENT
    folder.mkdir(parents=True, exist_ok=True)
    if content is not None:
        text = content if isinstance(content, str) else json.dumps(content)
        (folder / NOTEBOOK).write_text(text, encoding="utf-8")


def code_scores(course: Path) -> dict[str, float]:
    """Autograded score of each learner for ASSIGNMENT, from the SQLite gradebook."""
    with Gradebook(f"sqlite:///{course / 'gradebook.db'}") as gradebook:
        return {s.student.id: s.code_score for s in gradebook.find_assignment(ASSIGNMENT).submissions}


def cell_scores(course: Path, student: str) -> dict[str, float]:
    """One learner's score per graded cell."""
    with Gradebook(f"sqlite:///{course / 'gradebook.db'}") as gradebook:
        submission = gradebook.find_submission(ASSIGNMENT, student)
        return {g.name: g.score for nb in submission.notebooks for g in nb.grades}


def folder_digest(folder: Path) -> str:
    """A hash of every path and file in a folder: equal digests, nothing changed."""
    digest = hashlib.sha256()
    for path in sorted(folder.rglob("*")):
        digest.update(str(path.relative_to(folder)).encode())
        if path.is_file():
            digest.update(path.read_bytes())
    return digest.hexdigest()
