"""A learner who deletes a test cell gets it back, in place, and graded, in every assignment."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from nbgrader.api import Gradebook

from caiokit.curriculum import assignment_folders
from caiokit.grading.autograde import autograde

from harness.course import (
    make_course,
)

ROOT = Path(__file__).resolve().parents[2]


# The English edition of each assignment: restoring cells reads grade ids and cell order, never a word, and the
# other editions have the same cells with the same ids (tests/assignments/test_assignments.py), so one edition is
# enough to show that every test cell of every assignment comes back (the costliest check of the tier per
# assignment, about 20 s each).
ASSIGNMENTS = sorted(assignment_folders("en").values())


def grade_ids(notebook: dict) -> list[str]:
    return [c["metadata"]["nbgrader"]["grade_id"] for c in notebook["cells"] if "nbgrader" in c["metadata"]]


@pytest.mark.parametrize("assignment", ASSIGNMENTS)
def test_deleted_test_cells_are_restored_in_place_and_graded(tmp_path, assignment):
    """A partly right submission, then the same with test cells deleted: the first, third... test cells; the second,
    fourth...; all of them. Each gets the reference's score in every graded cell, and its autograded notebook
    has every graded cell back in the source's order: every test cell is restored in place and graded, deleted
    once with its neighbouring test cells present and once with every test cell gone."""
    course = make_course(tmp_path, assignment)
    name = f"{assignment}.ipynb"
    partial = json.loads(
        (ROOT / "tests" / "assignments" / "partial_submissions" / f"{assignment}.json").read_text()
    )
    reference = json.loads((ROOT / "source" / assignment / name).read_text(encoding="utf-8"))
    for c in reference["cells"]:
        grade_id = c["metadata"].get("nbgrader", {}).get("grade_id")
        c["source"] = partial["replacements"].get(grade_id, c["source"])
    tests = [
        c["metadata"]["nbgrader"]["grade_id"]
        for c in reference["cells"]
        if c["metadata"].get("nbgrader", {}).get("grade") and c["cell_type"] == "code"
    ]
    # Restoring reads only the source's order and the cells still present, taking the missing cells in source
    # order (caiokit/grading/overwrite.py): a deleted cell goes back after the nearest earlier cell present,
    # which is its own answer or a cell just restored. So every case that matters is here with four
    # submissions, whatever the number of test cells: every other test cell deleted (each deleted test cell
    # has its neighbouring test cells present, as when it alone is deleted), the others deleted, and all.
    deletions = {
        "without_even_tests": set(tests[0::2]),
        "without_odd_tests": set(tests[1::2]),
        "without_any_test": set(tests),
    }
    for student, deleted in {"reference": set(), **deletions}.items():
        notebook = json.loads(json.dumps(reference))
        notebook["cells"] = [
            c for c in notebook["cells"] if c["metadata"].get("nbgrader", {}).get("grade_id") not in deleted
        ]
        folder = course / "submitted" / student / assignment
        folder.mkdir(parents=True)
        (folder / name).write_text(json.dumps(notebook), encoding="utf-8")
    results = {r.student: r for r in autograde(course, assignment, workers=2)}
    assert all(r.graded for r in results.values()), {s: r.message for s, r in results.items() if not r.graded}
    with Gradebook(f"sqlite:///{course / 'gradebook.db'}") as gradebook:
        scores = {
            s.student.id: {g.name: g.score for nb in s.notebooks for g in nb.grades}
            for s in gradebook.find_assignment(assignment).submissions
        }
    assert sum(scores["reference"][t] for t in tests) > 0
    for grade_id, points in partial["expected_points"].items():
        assert scores["reference"][grade_id] == pytest.approx(points), grade_id
    for student in deletions:
        assert scores[student] == scores["reference"], student
        graded = json.loads((course / "autograded" / student / assignment / name).read_text(encoding="utf-8"))
        assert grade_ids(graded) == grade_ids(reference), f"{student}: a restored cell is out of place"
