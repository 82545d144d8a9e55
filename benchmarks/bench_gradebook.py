"""Autograde one class of submissions into a SQLite gradebook and into a PostgreSQL one, side by side.

    python benchmarks/bench_gradebook.py [--n 20] [--workers 2]      (the full run: --n 60)

The three runs grade the same submissions of 02_prioritization (complete, partial and blank work) in three
scratch copies of the course, one after the other, with ``--workers`` submissions graded at once and the
course's nbgrader_config.py (so sandboxed when bubblewrap works):
1. SQLite gradebook, caiokit's parallel grader: workers grade scratch copies, its main process alone writes;
2. PostgreSQL gradebook (a throwaway cluster on 127.0.0.1, as in the tests), the same parallel grader,
   which copies the server's gradebook into each worker's scratch SQLite file and writes the server;
3. PostgreSQL, that many plain `nbgrader autograde` processes writing the one gradebook at once, which
   PostgreSQL allows (SQLite does not).
It prints the wall times, their ratios to the first, and whether every learner's scores are identical.

Measured 3 Dec 2026, --n 60 --workers 2, sandboxed, on the shared 2-core machine with other work running:
SQLite 107.3 s; PostgreSQL, parallel grader 132.1 s (x1.23); PostgreSQL, 2 nbgrader at once 126.3 s (x1.18);
scores identical.
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

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT / "tests"), str(ROOT / "tests" / "assignments")]

from test_gradebook_postgres import (  # noqa: E402  (the tests hold the throwaway cluster and the submissions)
    ASSIGNMENT,
    NOTEBOOK,
    POSTGRES_BIN,
    grades,
    postgres_course_in,
    submissions,
    throwaway_postgres,
)

from caiokit.grading import sandbox  # noqa: E402
from caiokit.grading.autograde import autograde  # noqa: E402

from harness.course import make_course  # noqa: E402


def hand_in(course: Path, n: int, workers: int) -> None:
    """``n`` submissions, cycling through the kinds of work; learner names say which worker grades them."""
    kinds = list(submissions().values())
    for i in range(n):
        folder = course / "submitted" / f"w{i % workers}_{i:03d}" / ASSIGNMENT
        folder.mkdir(parents=True)
        (folder / NOTEBOOK).write_text(json.dumps(kinds[i % len(kinds)]), encoding="utf-8")


def grade_concurrently(course: Path, workers: int) -> None:
    """``workers`` plain `nbgrader autograde` processes at once, each on its share of the learners."""
    logs = [course / f"grader{k}.log" for k in range(workers)]
    processes = []
    for k, log in enumerate(logs):
        with open(log, "w", encoding="utf-8") as output:
            processes.append(
                subprocess.Popen(
                    [
                        sys.executable,
                        "-m",
                        "nbgrader",
                        "autograde",
                        ASSIGNMENT,
                        f"--student=w{k}_*",
                        "--force",
                    ],
                    cwd=course,
                    stdout=output,
                    stderr=subprocess.STDOUT,
                )  # fmt: skip
            )
    try:
        for process in processes:
            process.wait()
    finally:
        for process in processes:
            if process.poll() is None:
                process.kill()
                process.wait()
    for process, log in zip(processes, logs, strict=True):
        if process.returncode != 0:
            sys.exit(f"nbgrader autograde failed on PostgreSQL:\n{log.read_text(encoding='utf-8')[-3000:]}")


def main() -> None:
    """Run both gradings and print the comparison."""
    os.environ["PATH"] = f"{Path(sys.executable).parent}{os.pathsep}{os.environ.get('PATH', '')}"
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--n", type=int, default=20, help="submissions (default 20; the full run: 60)")
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args()
    if not (POSTGRES_BIN / "pg_ctl").is_file():
        sys.exit(
            f"PostgreSQL is not installed ({POSTGRES_BIN / 'pg_ctl'} is missing): apt-get install postgresql"
        )
    scratch = Path(tempfile.mkdtemp(prefix="caiokit-bench-gradebook-"))
    try:
        with throwaway_postgres() as server:
            sqlite_course = make_course(scratch / "sqlite", ASSIGNMENT)
            parallel_url = server.create_database("bench_parallel")
            parallel_course = postgres_course_in(scratch / "postgres_parallel", parallel_url)
            concurrent_url = server.create_database("bench_concurrent")
            concurrent_course = postgres_course_in(scratch / "postgres_concurrent", concurrent_url)
            for course in (sqlite_course, parallel_course, concurrent_course):
                hand_in(course, args.n, args.workers)

            seconds = {}
            started = time.perf_counter()
            autograde(sqlite_course, ASSIGNMENT, workers=args.workers)
            seconds["SQLite, caiokit parallel grader (one writer)"] = time.perf_counter() - started

            started = time.perf_counter()
            autograde(parallel_course, ASSIGNMENT, workers=args.workers)
            seconds["PostgreSQL, caiokit parallel grader (one writer)"] = time.perf_counter() - started

            started = time.perf_counter()
            grade_concurrently(concurrent_course, args.workers)
            seconds[f"PostgreSQL, {args.workers} nbgrader autograde writing at once"] = (
                time.perf_counter() - started
            )

            reference = grades(f"sqlite:///{sqlite_course / 'gradebook.db'}")
            same = reference == grades(parallel_url) == grades(concurrent_url)
        isolation = "sandboxed" if sandbox.available().ok else "NOT sandboxed (bubblewrap unavailable)"
        print(f"{args.n} submissions of {ASSIGNMENT}, {args.workers} at once, every run {isolation}")
        first = next(iter(seconds.values()))
        for label, value in seconds.items():
            print(f"{label:<52} {value:8.1f} s   x{value / first:.2f}")
        print(f"{'per-question scores identical in all three':<52} {'yes' if same else 'NO'}")
        if not same:
            sys.exit(1)
    finally:
        shutil.rmtree(scratch, ignore_errors=True)


if __name__ == "__main__":
    main()
