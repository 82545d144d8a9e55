"""``python -m caiokit.grading``: the instructor's commands."""

from __future__ import annotations

import argparse
import logging
import sys
from pathlib import Path

from caiokit.errors import CaioKitError
from caiokit.grading.autograde import autograde
from caiokit.grading.gradebook import quiet_harmless_warnings
from caiokit.grading.lms_feedback import PLATFORMS, package_feedback
from caiokit.grading.outputs import default_output
from caiokit.grading.report import class_report, question_table, student_table, summary_line, to_html
from caiokit.grading.roster import import_roster
from caiokit.grading.status import class_status


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
        help="also write the report as a self-contained HTML file (default: ~/caiokit-output/<course id>/, "
        "outside the repository)",
    )
    roster = commands.add_parser("roster", help="the class roster")
    roster_commands = roster.add_subparsers(dest="roster_command", required=True)
    roster_import = roster_commands.add_parser(
        "import", help="check a roster CSV (id, first_name, last_name, email[, lms_user_id]) and import it"
    )
    roster_import.add_argument("file")
    status = commands.add_parser(
        "status", help="each learner on the roster: submitted, late, autograded, to grade"
    )
    status.add_argument("assignment")
    status.add_argument("--roster", help="roster CSV (default: roster.csv in the course directory)")
    package = commands.add_parser(
        "feedback-package", help="zip the feedback for upload back to Canvas or Moodle"
    )
    package.add_argument("assignment")
    package.add_argument("--platform", required=True, choices=PLATFORMS)
    package.add_argument("--to", help="zip file to write (default: ~/caiokit-output/caio101/)")
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
                target = (
                    Path(args.html)
                    if args.html
                    else default_output(summary.course, f"{args.assignment}_class_report.html")
                )
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_text(to_html(summary), encoding="utf-8")
                print(f"HTML report written to {target.resolve()}")
            return 0
        if args.command == "roster":
            added, updated = import_roster(Path(args.course), args.file)
            print(f"{args.file}: {added} learner(s) added, {updated} updated in the gradebook")
            return 0
        if args.command == "status":
            result = class_status(Path(args.course), args.assignment, args.roster)
            print(result.table.drop(columns="on_roster").to_string())
            print()
            print(result.summary())
            return 0
        if args.command == "feedback-package":
            made = package_feedback(Path(args.course), args.assignment, args.platform, args.to)
            for student, reason in made.left_out.items():
                print(f"NOT PACKAGED {student}: {reason}")
            print(f"written: {made.path} ({len(made.packaged)} learner(s))")
            return 0
    except CaioKitError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    return 1


if __name__ == "__main__":
    sys.exit(main())
