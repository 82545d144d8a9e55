"""Instructor tooling on top of nbgrader: parallel sandboxed autograding, safe feedback, class reports.

Command line: ``python -m caiokit.grading --help``.
"""
