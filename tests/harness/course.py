"""A scratch nbgrader course, and nbgrader's commands run the way the README gives them."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

from nbgrader.apps import NbGraderAPI
from nbgrader.coursedir import CourseDirectory
from traitlets.config import Config

ROOT = Path(__file__).resolve().parents[2]
ASSIGNMENT = "01_caio_role"


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


def make_course(root: Path, assignment: str = ASSIGNMENT) -> Path:
    """A course folder holding the assignment's source, the course config and a gradebook."""
    shutil.copytree(ROOT / "source" / assignment, root / "source" / assignment)
    shutil.copy(ROOT / "nbgrader_config.py", root / "nbgrader_config.py")
    nbgrader(
        "generate_assignment", assignment, "--force", f"--CourseDirectory.root={root}", cwd=root, env=None
    )
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
