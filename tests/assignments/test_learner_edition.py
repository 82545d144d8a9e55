"""The learner edition holds the lessons, the student versions and caiokit's wheel, and nothing an instructor keeps."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from traitlets.config import Config

from caiokit import learner_edition
from caiokit.learner_edition import LearnerEditionError, build, find_leaks, secrets_of
from caiokit.quiz import load_bank

ROOT = Path(__file__).resolve().parents[2]
ASSIGNMENTS = sorted(p.name for p in (ROOT / "source").iterdir() if p.is_dir())

# Lines of model answers that are also, word for word, in what the lessons teach (reviewed one by one): the
# toolkit learners use in the lessons implements the same formulas, and lesson 06 states the same date. None is
# a hidden test's expected value or a rubric. A new overlap fails the test until someone reviews it here.
SHARED_WITH_THE_LESSONS = {
    "authorities have enforced the duty since 3 Aug 2026.",  # a date lesson 06 teaches, in a capstone answer
    "if len(cash_flows) == 0:",  # caiokit.finance, used in lesson 04
    "if not 0 <= confidence <= 1:",  # RICE in caiokit.scoring, taught in lesson 03
    "return reach * impact * confidence / effort",
    "low, high = values.min(), values.max()",  # min-max normalisation in caiokit.scoring
    "pilots into production as decentralised ones.",  # a finding lesson 05 teaches
}


@pytest.fixture(scope="module")
def edition(tmp_path_factory):
    return build(ROOT, tmp_path_factory.mktemp("edition") / "caio-learner")


def test_the_edition_holds_the_lessons_the_student_versions_and_the_wheel(edition):
    root = edition.root
    assert sorted(p.name for p in (root / "notebooks").glob("*.ipynb")) == sorted(
        p.name for p in (ROOT / "notebooks").glob("*.ipynb")
    )
    for assignment in ASSIGNMENTS:
        for notebook in (ROOT / "release" / assignment).glob("*.ipynb"):
            assert (root / "assignments" / assignment / notebook.name).read_bytes() == notebook.read_bytes()
    assert not (root / "source").exists()
    assert edition.wheel.parent == root / "wheels" and edition.wheel.name.startswith("caiokit-")
    assert {p.name for p in root.iterdir()} == {
        "notebooks", "assignments", "wheels", "requirements.txt", "nbgrader_config.py", "README.md",
        ".gitignore", learner_edition.MARKER,
    }  # fmt: skip
    assert edition.size_bytes == sum(p.stat().st_size for p in root.rglob("*") if p.is_file())
    print(f"\nlearner edition: {edition.files} files, {edition.size_bytes / 1e6:.2f} MB")


def test_requirements_install_the_wheel_and_pin_everything_else(edition):
    lines = [
        line
        for line in (edition.root / "requirements.txt").read_text(encoding="utf-8").splitlines()
        if line and not line.startswith("#")
    ]
    assert lines[0] == f"./wheels/{edition.wheel.name}"
    assert all("==" in line for line in lines[1:]), [line for line in lines[1:] if "==" not in line]
    names = {line.split("==")[0].lower() for line in lines[1:]}
    assert {"jupyterlab", "nbgrader", "ipywidgets", "pandas"} <= names
    assert not names & {"pytest", "nbval", "ruff", "playwright"}
    assert not any(line.startswith("-e") for line in lines)


def test_the_wheel_installs_and_imports_without_the_repository(edition, tmp_path):
    target = tmp_path / "site"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "install",
            "--quiet",
            "--no-deps",
            "--target",
            str(target),
            str(edition.wheel),
        ],
        check=True,
        capture_output=True,
    )
    probe = (
        "import caiokit, caiokit.catalog as c, caiokit.quiz as q; print(caiokit.__file__); "
        "print(len(c.load_catalog())); print(sum(len(q.load_bank(name).questions) for name in q.bank_names()))"
    )
    result = subprocess.run(
        [sys.executable, "-I", "-c", f"import sys; sys.path.insert(0, {str(target)!r}); {probe}"],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        check=True,
    )
    module_file, rows, questions = result.stdout.split()
    assert Path(module_file).is_relative_to(target) and int(rows) == 40
    # Every bank of caiokit/data/en/quizzes/ is in the wheel.
    shipped = [load_bank(path) for path in (ROOT / "caiokit/data/en/quizzes").glob("*.json")]
    assert int(questions) == sum(len(bank.questions) for bank in shipped) > 0


def test_the_wheel_installs_the_courses_jupyterlab_extension(edition):
    """The extension that draws again the stored widgets JupyterLab gave up on goes where JupyterLab looks."""
    with zipfile.ZipFile(edition.wheel) as wheel:
        names = set(wheel.namelist())
    version = edition.wheel.name.split("-")[1]
    shared = f"caiokit-{version}.data/data/share/jupyter/labextensions/caiokit-widget-redraw/"
    assert {shared + "package.json", shared + "static/remoteEntry.js"} <= names


def test_every_assignment_has_secrets_to_look_for():
    secrets = secrets_of(ROOT)
    for assignment in ASSIGNMENTS:
        source = (ROOT / "source" / assignment / f"{assignment}.ipynb").read_text(encoding="utf-8")
        found = [s for s in secrets if json.dumps(s)[1:-1] in source]
        assert len(found) >= 10, f"only {len(found)} model-answer or hidden-test lines found in {assignment}"


def test_nothing_in_the_edition_or_its_wheel_holds_a_model_answer_hidden_test_or_rubric(edition):
    secrets = secrets_of(ROOT)
    assert secrets >= SHARED_WITH_THE_LESSONS, SHARED_WITH_THE_LESSONS - secrets
    assert find_leaks(edition.root, secrets - SHARED_WITH_THE_LESSONS) == []


def test_the_scan_finds_each_kind_of_leak(edition, tmp_path):
    copy = tmp_path / "copy"
    shutil.copytree(edition.root, copy)
    secret = sorted(secrets_of(ROOT) - SHARED_WITH_THE_LESSONS)[0]
    (copy / "source" / "01_caio_role").mkdir(parents=True)
    (copy / "source" / "01_caio_role" / "notes.txt").write_text("nothing special", encoding="utf-8")
    (copy / "gradebook.db").write_bytes(b"")
    lesson = copy / "notebooks" / "00_start_here.ipynb"
    lesson.write_text(
        lesson.read_text(encoding="utf-8").replace('"source": [', f'"source": [{json.dumps(secret)}, ', 1)
    )
    wheel = next((copy / "wheels").glob("*.whl"))
    with zipfile.ZipFile(wheel, "a") as archive:
        archive.writestr("caiokit/answers.py", "# ### BEGIN HIDDEN TESTS\n")
    leaks = find_leaks(copy, secrets_of(ROOT))
    assert any(leak.startswith("source/01_caio_role/notes.txt") for leak in leaks)
    assert any(leak.startswith("gradebook.db") for leak in leaks)
    assert any(leak.startswith("notebooks/00_start_here.ipynb") and secret[:20] in leak for leak in leaks)
    assert any("caiokit/answers.py" in leak and "BEGIN HIDDEN TESTS" in leak for leak in leaks)


def test_building_again_replaces_a_previous_edition_and_keeps_its_git_history(edition, tmp_path):
    out = tmp_path / "edition"
    shutil.copytree(edition.root, out)  # an edition built earlier
    (out / "stale.txt").write_text("from an older build", encoding="utf-8")
    (out / ".git").mkdir()
    (out / ".git" / "HEAD").write_text("ref: refs/heads/main\n", encoding="utf-8")
    build(ROOT, out)
    assert not (out / "stale.txt").exists()
    assert (out / ".git" / "HEAD").read_text(encoding="utf-8") == "ref: refs/heads/main\n"
    assert (out / "notebooks" / "00_start_here.ipynb").exists()


def test_a_folder_that_is_not_an_edition_is_never_touched(tmp_path):
    out = tmp_path / "my-documents"
    out.mkdir()
    (out / "thesis.docx").write_text("years of work", encoding="utf-8")
    with pytest.raises(LearnerEditionError, match="is not a learner edition.*nothing was changed"):
        build(ROOT, out)
    assert [p.name for p in out.iterdir()] == ["thesis.docx"]
    with pytest.raises(LearnerEditionError, match="inside the course directory"):
        build(ROOT, ROOT / "learner")
    assert not (ROOT / "learner").exists()


def test_the_command_line_builds_the_edition_and_reports_its_size(tmp_path):
    env = dict(os.environ, PATH=f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}")
    out = tmp_path / "cli"
    result = subprocess.run(
        [sys.executable, "-m", "caiokit.authoring", "learner-edition", str(out), "--exchange", "/srv/x/exchange"],
        capture_output=True, text=True, env=env, cwd=tmp_path, check=False,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert f"learner edition in {out}:" in result.stdout and "MB" in result.stdout
    (tmp_path / "other").mkdir()
    (tmp_path / "other" / "keep.txt").write_text("mine", encoding="utf-8")
    refused = subprocess.run(
        [sys.executable, "-m", "caiokit.authoring", "learner-edition", str(tmp_path / "other")],
        capture_output=True, text=True, env=env, cwd=tmp_path, check=False,
    )  # fmt: skip
    assert refused.returncode != 0 and "is not a learner edition" in refused.stderr
    assert (tmp_path / "other" / "keep.txt").read_text(encoding="utf-8") == "mine"


def test_the_learner_config_names_the_course_and_the_exchange(edition):
    config = Config()
    exec((edition.root / "nbgrader_config.py").read_text(encoding="utf-8"), {"get_config": lambda: config})  # noqa: S102
    assert config.CourseDirectory.course_id == "caio101"
    assert config.Exchange.root == learner_edition.DEFAULT_EXCHANGE
    readme = (edition.root / "README.md").read_text(encoding="utf-8")
    assert "cp nbgrader_config.py ~/.jupyter/nbgrader_config.py" in readme
    assert "on your own computer" in readme
