"""Every command of the README's instructor guide, run one by one, as written, on a temporary copy of the course: a
whole term, end to end, and what each learner gets from it.

The commands are read from the README's fenced ``bash`` blocks under "## Instructor guide", so the README and
this test cannot drift apart. The only block not run is the administrator's ``sh`` block (apt-get, sudo), checked
to be exactly that. Between commands, simulated learners do what the README tells them (fetch, submit,
validate, resubmit, hand in on Canvas, fetch their feedback), with ``--student`` and ``--Exchange.root``.

A class of CAIOKIT_README_CLASS learners (8 by default; the report's 60-learner run sets it to 60): half hand in
through the exchange, half through Canvas, and one of each half does not hand in. Those who hand in do, in turn,
the whole assignment, part of it (tests/assignments/partial_submissions/) or nothing.
"""

from __future__ import annotations

import csv
import json
import os
import re
import secrets
import shutil
import subprocess
import sys
import time
import urllib.request
import zipfile
from pathlib import Path

import pytest
from nbgrader.api import Gradebook
from nbgrader.validator import Validator

from harness.course import answer, solution_answers
from harness.ports import free_port

ROOT = Path(__file__).resolve().parents[2]
CLASS_SIZE = int(os.environ.get("CAIOKIT_README_CLASS", "8"))
ASSIGNMENT = "02_prioritization"  # the assignment the guide's term runs
ADMIN_BLOCK = [
    "sudo apt-get install bubblewrap",
    "sudo mkdir -p /srv/nbgrader/exchange && sudo chmod 777 /srv/nbgrader/exchange",
]


def guide_blocks() -> list[tuple[str, list[str]]]:
    """(language, command lines) of each fenced block of the README's instructor guide, in order."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    guide = readme[readme.index("\n## Instructor guide") :]
    guide = guide[: guide.index("\n## ", 1)]
    return [
        (language, [line for line in body.splitlines() if line.strip()])
        for language, body in re.findall(r"```(\w*)\n(.*?)```", guide, flags=re.S)
    ]


def test_the_only_commands_not_run_are_the_administrators_setup():
    blocks = guide_blocks()
    assert [lines for language, lines in blocks if language != "bash"] == [ADMIN_BLOCK]
    assert sum(len(lines) for language, lines in blocks if language == "bash") >= 20


def learner_ids() -> list[str]:
    return [f"learner{i:02d}" for i in range(1, CLASS_SIZE + 1)]


def halves() -> tuple[list[str], list[str]]:
    ids = learner_ids()
    return ids[: len(ids) // 2], ids[len(ids) // 2 :]


def exchange_submitters() -> list[str]:
    return halves()[0][:-1]


def canvas_submitters() -> list[str]:
    return halves()[1][:-1]


def graded_work() -> dict[str, str]:
    """The kind of work graded for each learner who handed in: the first one resubmits part of the assignment."""
    graded = {student: kind_of_work(i) for half in (exchange_submitters(), canvas_submitters())
              for i, student in enumerate(half)}  # fmt: skip
    graded[exchange_submitters()[0]] = "partial"
    return graded


def canvas_user(index: int) -> str:
    return str(10_000 + index)


WORKS = ("complete", "partial", "blank")


def kind_of_work(index: int) -> str:
    """What the learner at ``index`` of their half hands in: every third one the whole assignment, one part of it,
    one nothing (the released notebook as it is)."""
    return WORKS[index % 3]


def partial_case(assignment: str) -> dict:
    return json.loads(
        (ROOT / "tests" / "assignments" / "partial_submissions" / f"{assignment}.json").read_text()
    )


def work_of(assignment: str, index: int) -> dict[str, str]:
    """Answers of learner ``index`` of their half (``kind_of_work``)."""
    solution = solution_answers(assignment)
    answers = {
        "complete": solution,
        "partial": {**solution, **partial_case(assignment)["replacements"]},
        "blank": {},
    }
    return answers[kind_of_work(index)]


class Term:
    """The state the learners' simulation needs between the README's commands."""

    def __init__(self, base: Path):
        self.base, self.course, self.exchange, self.home = (
            base,
            base / "course",
            base / "exchange",
            base / "home",
        )
        self.env = dict(
            os.environ,
            CAIOKIT_EXCHANGE=str(self.exchange),
            HOME=str(self.home),
            JUPYTER_CONFIG_DIR=str(self.home / ".jupyter"),
            GIT_AUTHOR_NAME="Instructor", GIT_AUTHOR_EMAIL="instructor@example.org",
            GIT_COMMITTER_NAME="Instructor", GIT_COMMITTER_EMAIL="instructor@example.org",
        )  # fmt: skip
        self.env["PATH"] = f"{Path(sys.executable).parent}{os.pathsep}{self.env['PATH']}"
        self.env.pop("JUPYTER_CONFIG_PATH", None)
        self.assignment = ""
        self.logs: dict[str, str] = {}
        # What Validate told each exchange learner before they first submitted.
        self.validations: dict[str, dict] = {}

    def shell(self, command: str, cwd: Path | None = None) -> str:
        result = subprocess.run(["bash", "-c", command], cwd=cwd or self.course, env=self.env,
                                capture_output=True, text=True, check=False)  # fmt: skip
        assert result.returncode == 0, f"{command}\n{result.stdout[-3000:]}\n{result.stderr[-3000:]}"
        return result.stdout + result.stderr

    def learner(self, student: str, *args: str) -> None:
        folder = self.base / "learners" / student
        folder.mkdir(parents=True, exist_ok=True)
        options = f"--course=caio101 --Exchange.root={self.exchange} --student={student}"
        self.shell(f"nbgrader {' '.join(args)} {options}", cwd=folder)

    def write_roster(self) -> None:
        with (self.course / "roster.csv").open("w", newline="", encoding="utf-8") as handle:
            writer = csv.writer(handle)
            writer.writerow(["id", "first_name", "last_name", "email", "lms_user_id"])
            _, on_canvas = halves()
            for i, student in enumerate(learner_ids(), start=1):
                lms = canvas_user(i) if student in on_canvas else ""
                writer.writerow([student, f"First{i:02d}", f"Last{i:02d}", f"{student}@example.org", lms])

    def exchange_learners_submit(self) -> None:
        on_exchange, _ = halves()
        for index, student in enumerate(on_exchange[:-1]):  # the last of them never hands in
            self.learner(student, "fetch_assignment", self.assignment)
            notebook = self.base / "learners" / student / self.assignment / f"{self.assignment}.ipynb"
            answer(notebook, work_of(self.assignment, index))
            self.validations[student] = Validator().validate(str(notebook))
            self.learner(student, "submit", self.assignment)

    def exchange_learners_fetch_feedback(self) -> None:
        for student in exchange_submitters():
            self.learner(student, "fetch_feedback", self.assignment)

    def first_learner_resubmits(self) -> None:
        student = halves()[0][0]
        notebook = self.base / "learners" / student / self.assignment / f"{self.assignment}.ipynb"
        answer(notebook, work_of(self.assignment, 1))
        time.sleep(1)  # a later timestamp than the first submission
        self.learner(student, "submit", self.assignment)

    def canvas_download(self) -> None:
        _, on_canvas = halves()
        archive = self.course / "downloaded" / self.assignment / "archive"
        archive.mkdir(parents=True)
        release = self.course / "release" / self.assignment / f"{self.assignment}.ipynb"
        with zipfile.ZipFile(archive / "submissions.zip", "w") as download:
            for index, student in enumerate(on_canvas[:-1]):
                i = learner_ids().index(student) + 1
                notebook = self.base / "canvas" / f"{student}.ipynb"
                notebook.parent.mkdir(exist_ok=True)
                shutil.copy(release, notebook)
                answer(notebook, work_of(self.assignment, index))
                download.write(
                    notebook,
                    f"last{i:02d}first{i:02d}_{canvas_user(i)}_{700_000 + i}_{self.assignment}.ipynb",
                )

    def run_formgrader(self, command: str) -> None:
        """`jupyter lab` as the README says, on a free local port, until the Formgrader answers; then stop it."""
        port, token = free_port(), secrets.token_hex(16)
        extra = f" --no-browser --ip=127.0.0.1 --port={port} --IdentityProvider.token={token}"
        extra += " --allow-root" if os.geteuid() == 0 else ""
        log = self.base / "jupyterlab.log"
        with log.open("w") as handle:
            server = subprocess.Popen(["bash", "-c", command + extra], cwd=self.course, env=self.env,
                                      stdout=handle, stderr=subprocess.STDOUT, start_new_session=True)  # fmt: skip
        try:
            deadline = time.monotonic() + 90
            while True:
                try:
                    page = urllib.request.urlopen(
                        f"http://127.0.0.1:{port}/formgrader?token={token}", timeout=5
                    )
                    assert "formgrader" in page.read().decode().lower()
                    break
                except OSError:
                    assert time.monotonic() < deadline, log.read_text()
                    time.sleep(1)
        finally:
            os.killpg(server.pid, 15)
            server.wait(timeout=30)
        # What the instructor then does in Manual Grading: a score for every written answer waiting (nbgrader has
        # already given 0 to answers left blank).
        with Gradebook(f"sqlite:///{self.course / 'gradebook.db'}") as gradebook:
            for submission in gradebook.find_assignment(self.assignment).submissions:
                for notebook in submission.notebooks:
                    for grade in notebook.grades:
                        if grade.needs_manual_grade:
                            grade.manual_score = grade.max_score - 1
            gradebook.db.commit()


@pytest.fixture(scope="module")
def term(tmp_path_factory):
    term = Term(tmp_path_factory.mktemp("readme"))
    shutil.copytree(ROOT, term.course, ignore=shutil.ignore_patterns(
        ".git", ".venv", "submitted", "autograded", "feedback", "downloaded", "gradebook.db", "__pycache__",
        "*.egg-info", ".ipynb_checkpoints",
    ))  # fmt: skip
    term.exchange.mkdir()
    term.home.mkdir()
    before = {
        r"roster import roster\.csv": term.write_roster,
        r"^nbgrader collect --update": term.first_learner_resubmits,
        r"^nbgrader zip_collect": term.canvas_download,
    }
    after = {
        r"^nbgrader release_assignment": term.exchange_learners_submit,
        r"^nbgrader release_feedback": term.exchange_learners_fetch_feedback,
    }
    ran = 0
    for language, lines in guide_blocks():
        if language != "bash":
            continue
        for command in lines:
            found = re.search(r"nbgrader generate_assignment (\S+)", command)
            term.assignment = found.group(1) if found else term.assignment
            for pattern, action in before.items():
                if re.search(pattern, command):
                    action()
            if command.strip() == "jupyter lab":
                term.run_formgrader(command)
            else:
                term.logs[command] = term.shell(command)
            for pattern, action in after.items():
                if re.search(pattern, command):
                    action()
            ran += 1
    term.ran = ran
    return term


def command_log(term: Term, prefix: str) -> str:
    matches = [log for command, log in term.logs.items() if command.startswith(prefix)]
    assert matches, f"no README command starts with {prefix!r}"
    return matches[-1]


def test_every_command_of_the_guide_ran(term):
    assert term.ran == sum(len(lines) for language, lines in guide_blocks() if language == "bash")


def test_the_learner_settings_one_liner_writes_a_config_nbgrader_reads(term):
    from traitlets.config import Config

    config = Config()
    text = (term.home / ".jupyter" / "nbgrader_config.py").read_text(encoding="utf-8")
    exec(text, {"get_config": lambda: config})  # noqa: S102 - the file the README's one-liner wrote
    assert config.CourseDirectory.course_id == "caio101"
    assert config.Exchange.root == "/srv/nbgrader/exchange"


def test_the_published_learner_edition_is_a_git_repository_without_source(term):
    edition = term.base / "caio101-learner"
    files = subprocess.run(
        ["git", "ls-files"], cwd=edition, capture_output=True, text=True, check=True
    ).stdout
    assert "notebooks/00_start_here.ipynb" in files and "nbgrader_config.py" in files
    assert "source/" not in files and ".caiokit-learner-edition.json" in files


def test_status_names_each_learner_and_who_did_not_hand_in(term):
    log = command_log(term, "python -m caiokit.grading status")
    on_exchange, _ = halves()
    assert re.search(rf"^{on_exchange[-1]}\s.*NOT SUBMITTED", log, flags=re.M)
    assert f"{CLASS_SIZE} learner(s) on the roster; {len(on_exchange) - 1} submitted" in log


def test_a_resubmission_replaces_the_first_with_collect_update(term):
    assert "Submission already exists, use --update" not in command_log(term, "nbgrader collect --update")
    student = halves()[0][0]
    submitted = json.loads(
        (term.course / "submitted" / student / ASSIGNMENT / f"{ASSIGNMENT}.ipynb").read_text()
    )
    grade_id, text = next(iter(partial_case(ASSIGNMENT)["replacements"].items()))
    cell = next(
        c for c in submitted["cells"] if c["metadata"].get("nbgrader", {}).get("grade_id") == grade_id
    )
    assert "".join(cell["source"]) == text


def test_canvas_and_moodle_files_hold_every_learner_with_blanks_for_non_submitters(term):
    output = term.home / "caiokit-output" / "caio101"
    canvas = list(csv.reader((output / "canvas_grades.csv").open(encoding="utf-8")))
    moodle = list(csv.reader((output / "moodle_grades.csv").open(encoding="utf-8")))
    assert canvas[0] == ["Student", "ID", "SIS User ID", "SIS Login ID", "Section", ASSIGNMENT]
    assert len(canvas) == CLASS_SIZE + 2 and len(moodle) == CLASS_SIZE + 1
    scores = {row[2]: row[5] for row in canvas[2:]}
    on_exchange, on_canvas = halves()
    assert scores[on_exchange[-1]] == "" and scores[on_canvas[-1]] == ""
    assert scores[on_exchange[1]] not in ("", "0")  # partly right, graded
    print(f"\n{output / 'canvas_grades.csv'}:\n" + "\n".join(",".join(r) for r in canvas[:5]))
    print(f"{output / 'moodle_grades.csv'}:\n" + "\n".join(",".join(r) for r in moodle[:4]))


def test_feedback_for_canvas_learners_is_packaged_and_exchange_learners_are_listed_apart(term):
    log = command_log(term, "python -m caiokit.grading feedback-package")
    _, on_canvas = halves()
    path = term.home / "caiokit-output" / "caio101" / f"{ASSIGNMENT}_feedback_canvas.zip"
    with zipfile.ZipFile(path) as archive:
        assert len(archive.namelist()) == len(on_canvas) - 1
    assert f"NOT PACKAGED {halves()[0][0]}: " in log


def test_nothing_personal_was_written_into_the_course_folder_outside_what_git_ignores(term):
    ignored = subprocess.run(
        ["git", "check-ignore", "--no-index", "--stdin"], cwd=ROOT, capture_output=True, text=True, check=False,
        input="\n".join(p.name + ("/" if p.is_dir() else "") for p in term.course.iterdir()),
    ).stdout.split()  # fmt: skip
    ignored = [name.rstrip("/") for name in ignored]
    tracked = {p.name for p in ROOT.iterdir()} - {".git", ".venv"}
    new = {p.name for p in term.course.iterdir()} - tracked - set(ignored)
    assert new == set(), f"files written into the course folder that git would not ignore: {new}"


def graded_cells() -> dict[str, tuple[str, float]]:
    """Each graded cell of the assignment: its kind (code: a test; markdown: a written answer) and its points."""
    source = json.loads((ROOT / "source" / ASSIGNMENT / f"{ASSIGNMENT}.ipynb").read_text(encoding="utf-8"))
    return {
        c["metadata"]["nbgrader"]["grade_id"]: (c["cell_type"], c["metadata"]["nbgrader"]["points"])
        for c in source["cells"]
        if c["metadata"].get("nbgrader", {}).get("grade")
    }


def expected_code_score(work: str) -> float:
    """The autograded points a kind of work earns: all of them, the partial case's, or none."""
    tests = {grade_id: points for grade_id, (kind, points) in graded_cells().items() if kind == "code"}
    earned = {
        "complete": tests,
        "partial": {**tests, **partial_case(ASSIGNMENT)["expected_points"]},
        "blank": {},
    }
    return sum(earned[work].values())


def test_autograding_gives_each_learner_the_points_of_their_work(term):
    with Gradebook(f"sqlite:///{term.course / 'gradebook.db'}") as gradebook:
        scores = {s.student.id: s.code_score for s in gradebook.find_assignment(ASSIGNMENT).submissions}
    assert scores == pytest.approx(
        {student: expected_code_score(work) for student, work in graded_work().items()}
    )
    assert set(graded_work().values()) == set(WORKS)  # the class holds each kind of work


def test_the_exported_grades_add_the_written_answers_graded_by_hand(term):
    """The grades file of the README's `nbgrader export --to` (exchange learners only: Canvas work is collected
    after it): autograded points plus the Formgrader's score, one below the maximum, for each written answer."""
    written = [points for kind, points in graded_cells().values() if kind == "markdown"]
    with open(term.home / "caiokit-output" / "caio101" / "grades.csv", encoding="utf-8") as handle:
        rows = {row["student_id"]: row for row in csv.DictReader(handle) if row["assignment"] == ASSIGNMENT}
    for student in exchange_submitters():
        work = graded_work()[student]
        hand = 0.0 if work == "blank" else sum(points - 1 for points in written)
        assert float(rows[student]["score"]) == pytest.approx(expected_code_score(work) + hand), student
        assert float(rows[student]["max_score"]) == pytest.approx(sum(p for _, p in graded_cells().values()))


def test_the_grading_log_names_every_learner(term):
    log = command_log(term, "python -m caiokit.grading autograde")  # the last run, once Canvas work is in too
    for student in graded_work():
        assert f"{student}: graded" in log
    assert f"{len(graded_work())} graded, 0 not graded" in log
    assert "Hardest questions" in command_log(term, "python -m caiokit.grading report")


def test_validate_tells_learners_what_still_fails_before_they_submit(term):
    """Validate runs the visible tests only: it passes complete work and fails every graded cell of blank work."""
    for index, student in enumerate(exchange_submitters()):
        work, validation = kind_of_work(index), term.validations[student]
        assert "changed" not in validation, student
        if work == "complete":
            assert "failed" not in validation, student
        if work == "blank":
            assert len(validation["failed"]) == len(graded_cells()), student


def hidden_test_lines() -> list[str]:
    """The lines of the assignment's hidden tests (long enough to be the test's own code)."""
    notebook = json.loads((ROOT / "source" / ASSIGNMENT / f"{ASSIGNMENT}.ipynb").read_text(encoding="utf-8"))
    lines = []
    for cell in notebook["cells"]:
        text = "".join(cell["source"])
        for block in re.findall(r"### BEGIN HIDDEN TESTS\n(.*?)### END HIDDEN TESTS", text, flags=re.S):
            lines += [line.strip() for line in block.splitlines() if len(line.strip()) > 20]
    assert lines
    return lines


def test_learners_fetch_feedback_that_never_shows_hidden_tests(term):
    hidden = hidden_test_lines()
    for student in exchange_submitters():
        pages = list((term.base / "learners" / student / ASSIGNMENT / "feedback").rglob("*.html"))
        assert pages, f"{student} fetched no feedback"
        for page in pages:
            text = page.read_text(encoding="utf-8")
            assert "HIDDEN TESTS" not in text, student
            assert not [line for line in hidden if line in text], student
            assert "hidden tests ran here" in text, student
