"""Every nbgrader assignment: solutions pass, blanks fail, release/ is current and leak-free, grading is right.

nbgrader's `validate` command exits 0 even when tests fail, so these tests use its Python API.
"""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest
from nbgrader.api import Gradebook
from nbgrader.apps import NbGraderAPI
from nbgrader.coursedir import CourseDirectory
from nbgrader.validator import Validator
from traitlets.config import Config

from caiokit.authoring import generate_release
from caiokit.curriculum import assignment_edition, assignment_folders
from caiokit.grading.rubric import RUBRIC_STARTS, rubric_of

ROOT = Path(__file__).resolve().parents[2]
ASSIGNMENTS = sorted(p.name for p in (ROOT / "source").iterdir() if p.is_dir() and not p.name.startswith("."))
LEAK_MARKERS = ("BEGIN SOLUTION", "END SOLUTION", "BEGIN HIDDEN TESTS", "END HIDDEN TESTS")


def course_config(root: Path) -> Config:
    """The repository's nbgrader_config.py, pointed at a scratch course directory."""
    config = Config()
    namespace = {"get_config": lambda: config, "__file__": str(ROOT / "nbgrader_config.py")}
    exec((ROOT / "nbgrader_config.py").read_text(encoding="utf-8"), namespace)  # noqa: S102 - our own config file
    config.CourseDirectory.root = str(root)
    config.Exchange.root = str(root / "exchange")
    return config


def notebook_cells(path: Path) -> list[dict]:
    return json.loads(path.read_text(encoding="utf-8"))["cells"]


@pytest.fixture(scope="module", params=ASSIGNMENTS)
def course(request, tmp_path_factory):
    """A scratch course directory holding one assignment, its release and two submissions: perfect and blank."""
    assignment = request.param
    root = tmp_path_factory.mktemp(f"course-{assignment}")
    shutil.copytree(ROOT / "source" / assignment, root / "source" / assignment)
    config = course_config(root)
    api = NbGraderAPI(coursedir=CourseDirectory(config=config), config=config)
    result = api.generate_assignment(assignment, force=True)
    assert result["success"], result["log"]
    for student, version in (("perfect", "source"), ("blank", "release")):
        shutil.copytree(root / version / assignment, root / "submitted" / student / assignment)
        result = api.autograde(assignment, student, force=True, create=True)
        assert result["success"], result["log"]
    return {"name": assignment, "root": root, "config": config, "api": api}


def test_release_is_what_nbgrader_generates_now(course):
    name = course["name"]
    generated = course["root"] / "release" / name
    committed = ROOT / "release" / name
    generated_files = sorted(p.relative_to(generated) for p in generated.rglob("*") if p.is_file())
    committed_files = sorted(p.relative_to(committed) for p in committed.rglob("*") if p.is_file())
    assert generated_files == committed_files, (
        "run `python -m caiokit.authoring release` to regenerate release/"
    )
    for relative in generated_files:
        if relative.suffix == ".ipynb":
            same = json.loads((generated / relative).read_text()) == json.loads(
                (committed / relative).read_text()
            )
        else:
            same = (generated / relative).read_bytes() == (committed / relative).read_bytes()
        assert same, (
            f"release/{name}/{relative} is out of date: run `python -m caiokit.authoring release {name}`"
        )


# The command runs nbgrader in a subprocess, as a maintainer would, on one assignment of each edition: the test
# above already ties every other release to what the API generates.
@pytest.mark.parametrize(
    "assignment", [min(assignment_folders(language).values()) for language in ("en", "fr")]
)
def test_the_release_command_writes_what_release_holds(assignment):
    """``python -m caiokit.authoring release`` (its ``generate_release``) gives the notebooks release/ holds."""
    produced = generate_release(ROOT, assignment)
    try:
        notebooks = sorted(produced.glob("*.ipynb"))
        assert [p.name for p in notebooks] == sorted(
            p.name for p in (ROOT / "release" / assignment).glob("*.ipynb")
        )
        for notebook in notebooks:
            expected = json.loads((ROOT / "release" / assignment / notebook.name).read_text())
            assert json.loads(notebook.read_text()) == expected
    finally:
        shutil.rmtree(produced.parent.parent)


@pytest.mark.parametrize("assignment", ASSIGNMENTS)
def test_nothing_under_release_leaks_a_solution_or_hidden_test(assignment):
    files = [p for p in (ROOT / "release" / assignment).rglob("*") if p.is_file()]
    assert files, f"release/{assignment} is empty"
    for path in files:
        text = path.read_text(encoding="utf-8", errors="replace")
        leaked = [marker for marker in LEAK_MARKERS if marker in text]
        assert not leaked, f"{path.relative_to(ROOT)} contains {leaked}"


# What the top of every released notebook must say, in its edition's language: Validate is not the grade, hidden
# tests and a grader's hand decide it.
VALIDATE_NOTE = {
    "en": ("Validate checks the form, not your grade", "hidden tests", "by hand"),
    "fr": ("vérifie la forme, pas votre note", "tests cachés", "à la main"),
}


@pytest.mark.parametrize("assignment", ASSIGNMENTS)
def test_learners_are_told_near_the_top_that_validate_is_not_the_grade(assignment):
    notebooks = list((ROOT / "release" / assignment).glob("*.ipynb"))
    assert notebooks
    _, language = assignment_edition(assignment)
    for notebook in notebooks:
        top = "".join("".join(cell["source"]) for cell in notebook_cells(notebook)[:3])
        for words in VALIDATE_NOTE[language]:
            assert words in top, f"{notebook.name}: {words!r} not in its first three cells"


def test_every_assignment_folder_is_an_edition_of_an_assignment_of_the_course():
    """Each folder of source/ is an assignment in one of the course's languages, and each language that has
    assignments has all of them."""
    editions = {}
    for folder in ASSIGNMENTS:
        assignment, language = assignment_edition(folder)
        editions.setdefault(language, set()).add(assignment)
    english = set(assignment_folders("en"))
    assert editions["en"] == english
    for language, assignments in editions.items():
        assert assignments == english, f"the {language!r} edition lacks {sorted(english - assignments)}"


def test_source_version_runs_without_an_error_in_any_cell(course):
    """The model answer as nbgrader graded it (the "perfect" submission, hidden tests included): no cell, test or
    other, raised. Its outputs are read from the graded notebook; running it again would only repeat that run."""
    graded = sorted((course["root"] / "autograded" / "perfect" / course["name"]).glob("*.ipynb"))
    assert [p.name for p in graded] == sorted(
        p.name for p in (ROOT / "source" / course["name"]).glob("*.ipynb")
    )
    for notebook in graded:
        errors = [
            (cell["metadata"].get("nbgrader", {}).get("grade_id", index), output["ename"], output["evalue"])
            for index, cell in enumerate(notebook_cells(notebook))
            if cell["cell_type"] == "code"
            for output in cell.get("outputs", [])
            if output["output_type"] == "error"
        ]
        assert not errors, f"{notebook.name}: {errors}"


def test_student_version_passes_none_of_its_autograded_tests(course):
    validator = Validator(config=course["config"], invert=True)
    for notebook in (course["root"] / "release" / course["name"]).glob("*.ipynb"):
        results = validator.validate(str(notebook))
        assert "changed" not in results
        assert not results.get("passed"), [r["source"][:80] for r in results["passed"]]


def test_grade_ids_are_unique_and_every_test_has_points(course):
    for notebook in (ROOT / "source" / course["name"]).glob("*.ipynb"):
        ids, points = [], 0.0
        for cell in notebook_cells(notebook):
            meta = cell["metadata"].get("nbgrader")
            if not meta:
                continue
            ids.append(meta["grade_id"])
            if meta.get("grade"):
                assert meta.get("points", 0) > 0, f"{meta['grade_id']} is graded but worth no points"
                points += meta["points"]
        assert len(ids) == len(set(ids)), f"duplicate grade_ids in {notebook.name}"
        assert points > 0


def test_autograding_gives_full_marks_to_the_solution_and_zero_to_the_blank(course):
    with Gradebook(f"sqlite:///{course['root'] / 'gradebook.db'}") as gradebook:
        assignment = gradebook.find_assignment(course["name"])
        assert assignment.max_code_score > 0
        perfect = gradebook.find_submission(course["name"], "perfect")
        blank = gradebook.find_submission(course["name"], "blank")
        assert perfect.code_score == pytest.approx(assignment.max_code_score)
        assert blank.code_score == 0
        assert blank.written_score == 0


# For each assignment, tests/assignments/partial_submissions/<assignment>.json: answers replaced in the solution to make a
# partly right submission, and the points each affected test cell must then give. Every assignment needs one.
PARTIAL_DIR = Path(__file__).resolve().parent / "partial_submissions"


def test_every_assignment_has_a_partial_credit_case():
    assert sorted(p.stem for p in PARTIAL_DIR.glob("*.json")) == ASSIGNMENTS


def test_a_partly_right_submission_gets_partial_credit(course):
    name, root = course["name"], course["root"]
    case = json.loads((PARTIAL_DIR / f"{name}.json").read_text(encoding="utf-8"))
    replacements, expected = case["replacements"], case["expected_points"]
    student_dir = root / "submitted" / "partial" / name
    shutil.copytree(root / "source" / name, student_dir)
    notebook_name = None
    for path in student_dir.glob("*.ipynb"):
        notebook = json.loads(path.read_text(encoding="utf-8"))
        for cell in notebook["cells"]:
            grade_id = cell["metadata"].get("nbgrader", {}).get("grade_id")
            if grade_id in replacements:
                cell["source"] = replacements[grade_id]
                notebook_name = path.stem
        path.write_text(json.dumps(notebook), encoding="utf-8")
    result = course["api"].autograde(name, "partial", force=True, create=True)
    assert result["success"], result["log"]
    with Gradebook(f"sqlite:///{root / 'gradebook.db'}") as gradebook:
        for grade_id, points in expected.items():
            grade = gradebook.find_grade(grade_id, notebook_name, name, "partial")
            assert grade.score == pytest.approx(points), grade_id
        submission = gradebook.find_submission(name, "partial")
        assignment = gradebook.find_assignment(name)
        assert 0 < submission.code_score < assignment.max_code_score


def _graded_cells(folder: str) -> list[tuple[str, str, float, bool]]:
    notebook = ROOT / "source" / folder / f"{folder}.ipynb"
    return [
        (meta["grade_id"], cell["cell_type"], meta.get("points", 0), bool(meta.get("solution")))
        for cell in notebook_cells(notebook)
        if (meta := cell["metadata"].get("nbgrader"))
    ]


@pytest.mark.parametrize("folder", [f for f in ASSIGNMENTS if assignment_edition(f)[1] != "en"])
def test_another_edition_has_the_english_cells_ids_and_points(folder):
    """A translation of an assignment grades the same questions for the same points: its graded and read-only
    cells are the English edition's, with the same grade ids, kinds and points, in the same order."""
    assignment, _ = assignment_edition(folder)
    assert _graded_cells(folder) == _graded_cells(assignment)


# A written answer's question asks for a length ("**200 to 300 words**"); its model answer opens with these words.
WORD_RANGE = re.compile(r"\*\*(\d+) (?:to|à) (\d+) (?:words|mots)\*\*")
MODEL_ANSWER = {"en": "**Model answer**", "fr": "**Réponse modèle**"}


def counted_words(text: str) -> int:
    """Words as a word processor counts them: what spaces (no-break ones too) separate, if it has a letter or digit."""
    return sum(1 for word in re.split(r"[\s\u00a0\u202f]+", text) if re.search(r"\w", word))


@pytest.mark.parametrize("assignment", ASSIGNMENTS)
def test_every_model_answer_keeps_to_the_length_its_question_asks(assignment):
    """A grader's rubric marks length down; the model answer the grader reads must itself be within it."""
    _, language = assignment_edition(assignment)
    checked = []
    for notebook in sorted((ROOT / "source" / assignment).glob("*.ipynb")):
        asked = None
        for cell in notebook_cells(notebook):
            source = "".join(cell["source"])
            if cell["cell_type"] != "markdown":
                continue
            grading = cell["metadata"].get("nbgrader", {})
            if not grading.get("solution"):
                found = WORD_RANGE.search(source)
                asked = tuple(map(int, found.groups())) if found else asked
                continue
            answer = source.split("### BEGIN SOLUTION", 1)[1].lstrip()
            assert answer.startswith(MODEL_ANSWER[language]), (grading["grade_id"], answer[:60])
            body = answer.split("\n", 1)[1]
            body = body[: body.index(RUBRIC_STARTS[language])]
            assert asked is not None, f"{grading['grade_id']}: its question asks for no length"
            low, high = asked
            assert low <= counted_words(body) <= high, (
                f"{grading['grade_id']}: the model answer has {counted_words(body)} words, the question asks for "
                f"{low} to {high}"
            )
            checked.append(grading["grade_id"])
            asked = None
    assert checked, f"{assignment} has no written answer"


@pytest.mark.parametrize("assignment", ASSIGNMENTS)
def test_every_written_answer_has_a_rubric_in_its_editions_language(assignment):
    """Graders see each written answer's rubric (caiokit.grading.rubric): it opens with its language's words."""
    _, language = assignment_edition(assignment)
    written = [
        "".join(cell["source"])
        for notebook in (ROOT / "source" / assignment).glob("*.ipynb")
        for cell in notebook_cells(notebook)
        if cell["cell_type"] == "markdown" and cell["metadata"].get("nbgrader", {}).get("solution")
    ]
    assert written, f"{assignment} has no written answer"
    for answer in written:
        rubric = rubric_of(answer)
        assert rubric is not None and rubric.startswith(RUBRIC_STARTS[language]), answer[:80]
