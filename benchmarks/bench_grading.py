"""Autograde one class of submissions sequentially with plain nbgrader, then with caiokit's parallel command.

    python benchmarks/bench_grading.py [--students 40] [--workers 2]

Both runs grade the same submissions of assignment 01_caio_role (a mix of complete, partial and blank
work) in two copies of one scratch course, one after the other on the same machine. It prints both wall
times, their ratio, and whether every learner's per-question scores are identical. Both runs use the
course's nbgrader_config.py, so both run each kernel in the bubblewrap sandbox when it is available.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from nbgrader.api import Gradebook

from caiokit.grading import sandbox
from caiokit.grading.autograde import autograde

ROOT = Path(__file__).resolve().parent.parent
ASSIGNMENT = "01_caio_role"
NOTEBOOK = f"{ASSIGNMENT}.ipynb"


def make_class(course: Path, students: int) -> None:
    """A course with the assignment generated and ``students`` submissions: complete, partial or blank."""
    shutil.copytree(ROOT / "source" / ASSIGNMENT, course / "source" / ASSIGNMENT)
    shutil.copy(ROOT / "nbgrader_config.py", course / "nbgrader_config.py")
    subprocess.run(
        [
            sys.executable,
            "-m",
            "nbgrader",
            "generate_assignment",
            ASSIGNMENT,
            f"--CourseDirectory.root={course}",
        ],
        cwd=course,
        check=True,
        capture_output=True,
    )
    solution = json.loads((ROOT / "source" / ASSIGNMENT / NOTEBOOK).read_text(encoding="utf-8"))
    partial_case = json.loads(
        (ROOT / "tests" / "assignments" / "partial_submissions" / f"{ASSIGNMENT}.json").read_text()
    )
    partial = json.loads(json.dumps(solution))
    for cell in partial["cells"]:
        grade_id = cell["metadata"].get("nbgrader", {}).get("grade_id")
        if grade_id in partial_case["replacements"]:
            cell["source"] = partial_case["replacements"][grade_id]
    blank = json.loads((course / "release" / ASSIGNMENT / NOTEBOOK).read_text(encoding="utf-8"))
    kinds = [solution, partial, blank]
    for i in range(students):
        folder = course / "submitted" / f"learner{i:03d}" / ASSIGNMENT
        folder.mkdir(parents=True)
        (folder / NOTEBOOK).write_text(json.dumps(kinds[i % 3]), encoding="utf-8")


def scores(course: Path) -> dict[str, dict[str, float]]:
    """Every learner's score per question."""
    with Gradebook(f"sqlite:///{course / 'gradebook.db'}") as gradebook:
        return {
            s.student.id: {g.name: g.score for nb in s.notebooks for g in nb.grades}
            for s in gradebook.find_assignment(ASSIGNMENT).submissions
        }


def main() -> None:
    """Run both gradings and print the comparison."""
    # nbgrader runs `alembic` by name: this environment's bin directory must come first on PATH.
    os.environ["PATH"] = f"{Path(sys.executable).parent}{os.pathsep}{os.environ.get('PATH', '')}"
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--students", type=int, default=40)
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args()
    scratch = Path(tempfile.mkdtemp(prefix="caiokit-bench-"))
    try:
        make_class(scratch / "plain", args.students)
        shutil.copytree(scratch / "plain", scratch / "parallel")

        started = time.perf_counter()
        subprocess.run(
            [
                sys.executable,
                "-m",
                "nbgrader",
                "autograde",
                ASSIGNMENT,
                f"--CourseDirectory.root={scratch / 'plain'}",
            ],
            cwd=scratch / "plain",
            check=True,
            capture_output=True,
        )
        sequential = time.perf_counter() - started

        started = time.perf_counter()
        autograde(scratch / "parallel", ASSIGNMENT, workers=args.workers)
        parallel = time.perf_counter() - started

        same = scores(scratch / "plain") == scores(scratch / "parallel")
        isolation = "sandboxed" if sandbox.available().ok else "NOT sandboxed (bubblewrap unavailable)"
        print(f"{args.students} submissions of {ASSIGNMENT}")
        print(f"both runs {isolation}")
        print(f"plain nbgrader autograde, sequential        {sequential:8.1f} s")
        print(f"caiokit parallel, {args.workers} workers             {parallel:8.1f} s")
        print(f"speed-up (sequential / parallel)            {sequential / parallel:8.2f}x")
        print(f"per-question scores identical               {'yes' if same else 'NO'}")
        if not same:
            sys.exit(1)
    finally:
        shutil.rmtree(scratch, ignore_errors=True)


if __name__ == "__main__":
    main()
