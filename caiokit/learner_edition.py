"""The learner edition: what a learner (or a JupyterHub image) gets, without anything an instructor keeps.

The repository is the instructor's nbgrader course directory: ``source/`` holds every model answer, hidden
test and rubric. :func:`build` makes a folder holding only

- ``notebooks/``: the lessons, as stored (executed);
- ``assignments/<id>/``: the student versions from ``release/``, for practice without an instructor;
- ``wheels/caiokit-<version>-py3-none-any.whl``: the course's package, built from this repository;
- ``requirements.txt``: the pinned runtime dependencies and that wheel (no editable install);
- ``nbgrader_config.py``: the learner's nbgrader settings (course id and exchange), to copy to
  ``~/.jupyter/`` (one learner) or ``/etc/jupyter/`` (every user of a shared server);
- ``README.md``: a short learner guide.

A marker file says the folder is a learner edition, so building again into it replaces it, and a folder
that is not one is never deleted. :func:`secrets_of` and :func:`find_leaks` say what must never be in it.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
import tempfile
import zipfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from nbgrader.preprocessors import ClearHiddenTests, ClearSolutions

from caiokit.errors import CaioKitError

COURSE_ID = "caio101"
# One folder every account on the machine reaches: the layout nbgrader documents for a shared server, and
# the folder the course's own nbgrader_config.py uses when CAIOKIT_EXCHANGE is not set.
DEFAULT_EXCHANGE = "/srv/nbgrader/exchange"
MARKER = ".caiokit-learner-edition.json"
# Tools that only the course's maintainers and its test suite use.
# Left out of the learner edition: the maintainers' tools, and the instructor's PostgreSQL gradebook driver.
MAINTAINER_ONLY = {"pytest", "nbval", "ruff", "playwright", "psycopg", "psycopg-binary"}
# A line of a model answer or hidden test shorter than this may also be ordinary text (a bracket, `else:`).
MIN_SECRET_LINE = 24


def _delimiters() -> list[tuple[str, str]]:
    """nbgrader's own (begin, end) markers of model answers and of hidden tests.

    Read from nbgrader rather than written here, so that this module, which is in the learners' wheel,
    holds no marker itself.
    """
    solutions, hidden = ClearSolutions(), ClearHiddenTests()
    return [
        (solutions.begin_solution_delimeter, solutions.end_solution_delimeter),
        (hidden.begin_test_delimeter, hidden.end_test_delimeter),
    ]


class LearnerEditionError(CaioKitError):
    """The learner edition cannot be built where asked, or the course is missing a part of it."""


@dataclass(frozen=True)
class Edition:
    """A built learner edition: where it is, its wheel and its size on disk."""

    root: Path
    wheel: Path
    size_bytes: int
    files: int


def learner_config(exchange: str = DEFAULT_EXCHANGE) -> str:
    """The text of a learner's nbgrader_config.py: the course id and the exchange shared with the instructor."""
    return f'''"""nbgrader settings for a learner of the CAIO course (course id {COURSE_ID}).

Copy this file to ~/.jupyter/nbgrader_config.py (you alone) or, as an administrator of a shared server, to
/etc/jupyter/nbgrader_config.py (every user). JupyterLab's Nbgrader > Assignment List then finds the
course's assignments from any folder.
"""

c = get_config()  # noqa: F821  (injected by nbgrader when this file is loaded)

c.CourseDirectory.course_id = "{COURSE_ID}"
# The folder the instructor releases into and collects from: the same path for everyone on this machine.
c.Exchange.root = "{exchange}"
'''


def _learner_readme(exchange: str, wheel: str) -> str:
    return f"""# The Chief AI Officer course: learner edition

Lessons (`notebooks/`), practice copies of the graded assignments (`assignments/`) and the course's
toolkit (`wheels/{wheel}`). You need Python 3.11 or 3.12. In this folder:

```bash
python3 -m venv .venv
source .venv/bin/activate            # on Windows: .venv\\Scripts\\activate
python -m pip install -r requirements.txt
python -m caiokit.trust notebooks     # once: lets JupyterLab draw the stored tools
jupyter lab notebooks/00_start_here.ipynb
```

Lessons are stored with their results, tools included, so you can read them before running anything.
JupyterLab draws a stored tool only in a notebook your own account trusts: `python -m caiokit.trust
notebooks` signs the lessons for you (once per account, and again for a lesson you download afresh).
A tool it cannot draw reads "Run this cell to use ..." until you run its cell.

- **Exercises in the lessons** check your answer on your own computer, as in any self-study course: the
  checks, hints and solutions are in the toolkit you installed. They are there to help you learn, not to
  grade you.
- **Graded assignments** come from your instructor: in JupyterLab, *Nbgrader > Assignment List*, then
  *Fetch*, work, *Validate*, *Submit*. For that, nbgrader needs to know the course and the exchange folder
  (`{exchange}`): copy this edition's settings once, with
  `mkdir -p ~/.jupyter && cp nbgrader_config.py ~/.jupyter/nbgrader_config.py`.
  On a shared server your administrator has done it for everyone.
  *Validate* checks the form of your work and its visible tests, not your grade: hidden tests run only when
  your instructor grades it.
- The copies in `assignments/` are for practice without an instructor; they hold no answers.
- **For an executive committee**: `voila notebooks/apps/prioritization_workbench.ipynb` shows the
  prioritisation workbench alone, as a web page without code; what it exports is saved in `notebooks/apps/`.
"""


def _requirements(course_root: Path, wheel_name: str) -> str:
    """The course's pinned requirements, with the built wheel instead of ``-e .`` and no maintainer tools."""
    kept = [
        "# Everything a learner needs, pinned. In this folder: python -m pip install -r requirements.txt",
        f"./wheels/{wheel_name}",
    ]
    for line in (course_root / "requirements.txt").read_text(encoding="utf-8").splitlines():
        stripped = line.strip()
        if not stripped or stripped.startswith("#") or stripped.startswith("-e"):
            continue
        name = re.split(r"[=<>!~\[; ]", stripped, maxsplit=1)[0].lower()
        if name not in MAINTAINER_ONLY:
            kept.append(stripped)
    return "\n".join(kept) + "\n"


# The instructor's grading tools stay out of the learner's wheel: learners never grade, and the rubric and
# feedback steps there know nbgrader's solution markers.
INSTRUCTOR_ONLY = ("grading",)


def build_wheel(course_root: Path, folder: Path) -> Path:
    """Build caiokit's wheel, without the instructor-only packages, from a scratch copy of the package (the
    repository gets no build/ folder)."""
    with tempfile.TemporaryDirectory(prefix="caiokit-wheel-") as scratch:
        copy = Path(scratch) / "caiokit-src"
        copy.mkdir()
        for name in ("pyproject.toml", "README.md"):
            shutil.copy(course_root / name, copy / name)
        shutil.copytree(
            course_root / "caiokit",
            copy / "caiokit",
            ignore=shutil.ignore_patterns("__pycache__", "*.pyc", *INSTRUCTOR_ONLY),
        )
        folder.mkdir(parents=True, exist_ok=True)
        result = subprocess.run(
            [
                sys.executable,
                "-m",
                "pip",
                "wheel",
                "--no-deps",
                "--quiet",
                "--wheel-dir",
                str(folder),
                str(copy),
            ],
            capture_output=True,
            text=True,
            check=False,
        )
        if result.returncode != 0:
            raise LearnerEditionError(f"building caiokit's wheel failed:\n{result.stdout}\n{result.stderr}")
    wheels = sorted(folder.glob("caiokit-*.whl"))
    if len(wheels) != 1:
        raise LearnerEditionError(f"expected one caiokit wheel in {folder}, found {[w.name for w in wheels]}")
    return wheels[0]


def _prepare(out: Path) -> None:
    """Make ``out`` empty: create it, or clear it if it is a previous edition; refuse anything else."""
    if not out.exists():
        out.mkdir(parents=True)
        return
    if not out.is_dir():
        raise LearnerEditionError(f"{out} exists and is not a folder: choose another output path.")
    contents = list(out.iterdir())
    if not contents:
        return
    if not (out / MARKER).is_file():
        raise LearnerEditionError(
            f"{out} is not empty and is not a learner edition (no {MARKER}): nothing was changed. "
            "Choose an empty or new folder."
        )
    for path in contents:
        # A learner-edition folder may be a git work tree that publishes it: keep its history.
        if path.name == ".git":
            continue
        if path.is_dir() and not path.is_symlink():
            shutil.rmtree(path)
        else:
            path.unlink()


def build(course_root: str | Path, out: str | Path, exchange: str = DEFAULT_EXCHANGE) -> Edition:
    """Build the learner edition of the course at ``course_root`` into the folder ``out``."""
    course_root, out = Path(course_root).resolve(), Path(out).resolve()
    if out == course_root or course_root in out.parents:
        raise LearnerEditionError(
            f"{out} is inside the course directory {course_root}: build the edition outside it."
        )
    for part in ("notebooks", "release", "requirements.txt", "pyproject.toml"):
        if not (course_root / part).exists():
            raise LearnerEditionError(
                f"{course_root / part} is missing: is {course_root} the course directory?"
            )
    _prepare(out)
    ignore = shutil.ignore_patterns(".ipynb_checkpoints", "__pycache__")
    # Files the tools export when a maintainer uses them beside the lessons are nobody else's business.
    exports = shutil.ignore_patterns(".ipynb_checkpoints", "__pycache__", "*.csv", "*.md")
    shutil.copytree(course_root / "notebooks", out / "notebooks", ignore=exports)
    shutil.copytree(course_root / "release", out / "assignments", ignore=ignore)
    wheel = build_wheel(course_root, out / "wheels")
    (out / "requirements.txt").write_text(_requirements(course_root, wheel.name), encoding="utf-8")
    (out / "nbgrader_config.py").write_text(learner_config(exchange), encoding="utf-8")
    (out / "README.md").write_text(_learner_readme(exchange, wheel.name), encoding="utf-8")
    (out / ".gitignore").write_text(".venv/\n.ipynb_checkpoints/\n__pycache__/\n", encoding="utf-8")
    (out / MARKER).write_text(
        json.dumps({"course_id": COURSE_ID, "exchange": exchange, "wheel": wheel.name}, indent=1) + "\n",
        encoding="utf-8",
    )
    leaks = find_leaks(out, ())
    if leaks:
        raise LearnerEditionError(
            f"the learner edition in {out} holds instructor material:\n" + "\n".join(leaks)
        )
    files = [p for p in out.rglob("*") if p.is_file() and ".git" not in p.relative_to(out).parts]
    return Edition(out, wheel, sum(p.stat().st_size for p in files), len(files))


def _stored_forms(line: str) -> set[str]:
    """A line as it may be stored: as is, and escaped inside a JSON string (a notebook), with or without \\u escapes."""
    return {line, json.dumps(line)[1:-1], json.dumps(line, ensure_ascii=False)[1:-1]}


def _regions(text: str, begin: str, end: str) -> Iterator[str]:
    inside = False
    for line in text.splitlines():
        if begin in line:
            inside = True
        elif end in line:
            inside = False
        elif inside:
            yield line.strip()


def secrets_of(course_root: str | Path) -> set[str]:
    """Distinctive lines of every model answer, rubric and hidden test in ``source/`` (not in ``release/``)."""
    course_root = Path(course_root)
    secrets: set[str] = set()
    for notebook in sorted((course_root / "source").glob("*/*.ipynb")):
        released = course_root / "release" / notebook.parent.name / notebook.name
        public = released.read_text(encoding="utf-8") if released.exists() else ""
        for cell in json.loads(notebook.read_text(encoding="utf-8"))["cells"]:
            text = "".join(cell["source"])
            for begin, end in _delimiters():
                for line in _regions(text, begin, end):
                    if len(line) >= MIN_SECRET_LINE and not any(
                        form in public for form in _stored_forms(line)
                    ):
                        secrets.add(line)
    return secrets


def _texts(folder: Path) -> Iterator[tuple[str, str]]:
    """(name, text) of every file in a folder, and of every file inside each wheel found there."""
    for path in sorted(folder.rglob("*")):
        if not path.is_file() or ".git" in path.relative_to(folder).parts:
            continue
        name = str(path.relative_to(folder))
        if path.suffix == ".whl":
            with zipfile.ZipFile(path) as wheel:
                for member in wheel.namelist():
                    yield f"{name}!{member}", wheel.read(member).decode("utf-8", errors="replace")
        else:
            yield name, path.read_bytes().decode("utf-8", errors="replace")


def find_leaks(folder: str | Path, secrets: Iterable[str]) -> list[str]:
    """Every file in ``folder`` (and in its wheels) holding a solution marker, a gradebook or a secret line."""
    secrets = list(secrets)
    markers_all = [marker for pair in _delimiters() for marker in pair]
    leaks = []
    for name, text in _texts(Path(folder)):
        parts = Path(name.replace("!", "/")).parts
        if "source" in parts or Path(name).name == "gradebook.db":
            leaks.append(f"{name}: instructor file")
            continue
        markers = [m for m in markers_all if m in text]
        found = [s for s in secrets if any(form in text for form in _stored_forms(s))]
        if markers or found:
            leaks.append(f"{name}: {', '.join(markers + [repr(s[:60]) for s in found[:3]])}")
    return leaks
