"""The README's "What is in the course" says what the course's data says: lessons, minutes, tools, exercises,
quiz questions and assignments, row by row and in total, so that a new lesson cannot land without it."""

from __future__ import annotations

import re
from pathlib import Path

from caiokit.curriculum import assignment_folders, exercise_names, lessons
from caiokit.quiz import load_bank

ROOT = Path(__file__).resolve().parents[2]
README = (ROOT / "README.md").read_text(encoding="utf-8")
SECTION = README.split("## What is in the course", 1)[1].split("\n### ", 1)[0]
NUMBER_WORDS = dict(
    enumerate(
        [
            "zero",
            "one",
            "two",
            "three",
            "four",
            "five",
            "six",
            "seven",
            "eight",
            "nine",
            "ten",
            "eleven",
            "twelve",
            "thirteen",
            "fourteen",
            "fifteen",
            "sixteen",
            "seventeen",
            "eighteen",
            "nineteen",
            "twenty",
        ]
    )
)


def readme_rows() -> list[list[str]]:
    rows = [line.strip("|").split("|") for line in SECTION.splitlines() if line.startswith("| `")]
    return [[cell.strip().strip("`") for cell in row] for row in rows]


def expected_rows() -> list[list[str]]:
    rows = []
    for lesson in lessons().query("status == 'ready'").itertuples():
        rows.append(
            [
                lesson.lesson,
                lesson.title,
                str(lesson.minutes),
                lesson.tool,
                str(len(exercise_names(lesson.checks))),
                str(len(load_bank(lesson.quiz).questions)),
                lesson.assignment or "-",
            ]
        )
    return rows


def test_the_lessons_table_has_a_row_per_ready_lesson_as_its_data_says():
    assert readme_rows() == expected_rows()


def test_the_totals_sentence_counts_lessons_hours_exercises_questions_and_assignments():
    rows = expected_rows()
    assignments = sorted(assignment_folders("en"))
    hours = round(sum(int(row[2]) for row in rows) / 60)
    summary = " ".join(SECTION.split("\n\n", 2)[1].split())
    assert summary.startswith(
        f"{NUMBER_WORDS[len(rows)].capitalize()} lessons, about {hours} hours in all "
        f"({sum(int(row[4]) for row in rows)} checked exercises, {sum(int(row[5]) for row in rows)} quiz "
        f"questions), and {NUMBER_WORDS[len(assignments)]} graded assignments."
    ), summary
    listed = re.search(r"Graded assignments \(nbgrader\): (.*?)\.\n", SECTION, flags=re.DOTALL)
    assert listed is not None
    assert re.findall(r"`([^`]+)`", listed.group(1)) == assignments
    # The French edition's assignments, in the same order: "In French: `01_role_du_caio`, ..."
    french = assignment_folders("fr")
    listed = re.search(r"In French: (.*?)\.\n", SECTION, flags=re.DOTALL)
    assert listed is not None
    assert re.findall(r"`([^`]+)`", listed.group(1)) == [french[name] for name in assignments]
