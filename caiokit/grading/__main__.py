"""``python -m caiokit.grading``: the instructor's commands."""

from __future__ import annotations

import argparse
import logging
import sys
from pathlib import Path

from caiokit.errors import CaioKitError
from caiokit.grading.autograde import autograde
from caiokit.grading.gradebook import quiet_harmless_warnings
from caiokit.grading.report import (
    class_report,
    default_html_path,
    question_table,
    student_table,
    summary_line,
    to_html,
)


def main(argv: list[str] | None = None) -> int:
    """Parse the command line and run one command; return the exit status."""
    parser = argparse.ArgumentParser(prog="python -m caiokit.grading", description=__doc__)
    parser.add_argument("--course", default=".", help="course directory (default: the current folder)")
    commands = parser.add_subparsers(dest="command", required=True)
    grade = commands.add_parser("autograde", help="grade every submission of an assignment, in parallel")
    grade.add_argument("assignment")
    grade.add_argument("--workers", type=int, default=2, help="submissions graded at once (default 2)")
    grade.add_argument("--student", action="append", help="grade only this learner (repeatable)")
    grade.add_argument(
        "--no-sandbox", action="store_true", help="run learners' code without isolation (unsafe)"
    )
    report = commands.add_parser("report", help="class report: per-question statistics and a score histogram")
    report.add_argument("assignment")
    report.add_argument(
        "--html",
        nargs="?",
        const="",
        help="also write the report as a self-contained HTML file (default: a per-course folder in your "
        "data folder, outside the repository)",
    )
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(levelname)s %(message)s", stream=sys.stdout)
    quiet_harmless_warnings()
    try:
        if args.command == "autograde":
            results = autograde(
                Path(args.course),
                args.assignment,
                workers=args.workers,
                students=args.student,
                isolate=False if args.no_sandbox else None,
            )
            failed = [r for r in results if not r.graded]
            print(f"{len(results) - len(failed)} graded, {len(failed)} not graded")
            return 0
        if args.command == "report":
            summary = class_report(Path(args.course), args.assignment)
            print(summary_line(summary))
            print(question_table(summary).round(2).to_string(index=False))
            print()
            print(student_table(summary).round(2).to_string(index=False))
            hardest = summary.hardest()
            print("\nHardest questions:", ", ".join(f"{r.question} ({n})" for n, r in hardest.iterrows()))
            if args.html is not None:
                target = Path(args.html) if args.html else default_html_path(summary.course, args.assignment)
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_text(to_html(summary), encoding="utf-8")
                print(f"HTML report written to {target.resolve()}")
            return 0
    except CaioKitError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    return 1


if __name__ == "__main__":
    sys.exit(main())
