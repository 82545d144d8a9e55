"""Maintainer commands that keep the stored notebooks current.

    python -m caiokit.authoring lessons [NAME ...]   add navigation, mark the check cells for Validate,
                                                     execute and normalise lesson notebooks
    python -m caiokit.authoring release [NAME ...]   regenerate release/ from source/ with nbgrader
    python -m caiokit.authoring facts                where each dated fact is used; which are over a year old
    python -m caiokit.authoring learner-edition OUT [--exchange PATH]   build the learner edition into OUT
    python -m caiokit.authoring catalogues           extract the texts to translate, merge and compile the
                                                     gettext catalogues (caiokit/locale/)

Lessons are executed with a fresh, temporary progress file, so what they show is the same on every run
and nbval can compare it. Run ``lessons`` after changing code a lesson uses, ``release`` after changing
anything under ``source/``.
"""

from __future__ import annotations

import argparse
import os
import posixpath
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path, PurePosixPath

import nbformat
from nbclient import NotebookClient

from caiokit import catalogues, learner_edition
from caiokit.curriculum import edition, edition_folder, lessons, notebook_names, notebook_path
from caiokit.errors import CaioKitError
from caiokit.facts import add_facts_line, report
from caiokit.i18n import LANGUAGES, N_, SOURCE_LANGUAGE, _, speaking, text
from caiokit.learner_edition import DEFAULT_EXCHANGE
from caiokit.lesson_validation import mark_checks
from caiokit.widget_ids import stabilise

ROOT = Path(__file__).resolve().parent.parent
NAV_MARKER = "caiokit_navigation"
CELL_TIMEOUT_S = 300


# The heading of lesson 00 that the course-map link opens on, as JupyterLab makes its anchor (spaces -> hyphens).
# TRANSLATORS: the anchor of lesson 00's heading "The course map" in your edition: its words joined by hyphens.
COURSE_MAP_ANCHOR = N_("The-course-map")
_TEXT = {
    "course_map": N_("Course map"),
    "coming_soon": N_("Next: {title} (coming soon)"),
    # TRANSLATORS: a link, shown in the other editions, to this lesson in YOUR language: name your language.
    "this_lesson_in": N_("This lesson in English: {link}"),
}


def _link(title: str, target: PurePosixPath, start: PurePosixPath) -> str:
    return f"[{title}]({posixpath.relpath(target, start)})"


def _written(lesson: str, language: str) -> bool:
    """Whether the lesson's notebook exists in that edition (an edition may still be being translated)."""
    return (
        lesson in notebook_names(language)
        and (ROOT / "notebooks" / notebook_path(lesson, language)).is_file()
    )


def _navigation_text(lesson: str, language: str = SOURCE_LANGUAGE, top: bool = False) -> str:
    """The navigation line of a lesson's notebook in ``language``: previous, course map, next; at the top,
    links to the lesson's notebooks in the other languages that have it."""
    here = edition_folder(language)
    with speaking(language):
        table = lessons().set_index("lesson")
        order = list(table.index)
        i = order.index(lesson)
        parts = []
        if i > 0 and _written(order[i - 1], language):
            previous = order[i - 1]
            parts.append("← " + _link(table.loc[previous, "title"], notebook_path(previous, language), here))
        start = notebook_path(order[0], language)
        parts.append(
            f"[{text(_TEXT['course_map'])}]({posixpath.relpath(start, here)}#{_(COURSE_MAP_ANCHOR)})"
        )
        if i + 1 < len(order):
            following = order[i + 1]
            if table.loc[following, "status"] == "ready" and _written(following, language):
                parts.append(
                    _link(table.loc[following, "title"], notebook_path(following, language), here) + " →"
                )
            else:
                parts.append(text(_TEXT["coming_soon"]).format(title=table.loc[following, "title"]))
    line = " | ".join(parts)
    if top:
        for other in LANGUAGES:
            if other == language or not _written(lesson, other):
                continue
            target = notebook_path(lesson, other)
            with speaking(other):
                title = lessons().set_index("lesson").loc[lesson, "title"]
                line = text(_TEXT["this_lesson_in"]).format(link=_link(title, target, here)) + "\n\n" + line
    return line


def add_navigation(notebook: nbformat.NotebookNode, lesson: str, language: str = SOURCE_LANGUAGE) -> None:
    """Put a navigation line as the second and the last cell; idempotent thanks to a metadata marker."""
    notebook.cells = [cell for cell in notebook.cells if not cell.metadata.get(NAV_MARKER)]
    for position in (1, len(notebook.cells) + 1):
        cell = nbformat.v4.new_markdown_cell(_navigation_text(lesson, language, top=position == 1))
        cell.metadata[NAV_MARKER] = True
        cell.id = f"navigation-{'top' if position == 1 else 'bottom'}"
        notebook.cells.insert(position, cell)


def normalise(notebook: nbformat.NotebookNode) -> None:
    """Drop what changes from run to run without meaning: timings and per-run metadata."""
    for cell in notebook.cells:
        cell.metadata.pop("execution", None)
        cell.metadata.pop("collapsed", None)
    notebook.metadata.pop("papermill", None)
    notebook.metadata["kernelspec"] = {
        "display_name": "Python 3 (ipykernel)",
        "language": "python",
        "name": "python3",
    }
    notebook.metadata.get("language_info", {}).pop("version", None)


def execute_lesson(path: Path) -> None:
    """Execute one lesson notebook in place, with a throwaway progress file, and store its outputs.

    Its check cells are first marked for nbgrader's Validate button (``lesson_validation.mark_checks``);
    its stored widget models get stable ids (``widget_ids.stabilise``), so that an edit is a small diff.
    """
    lesson, language = edition(path)
    notebook = nbformat.read(path, as_version=4)
    add_navigation(notebook, lesson, language)
    with speaking(language):
        add_facts_line(notebook, lesson)
    mark_checks(notebook, lesson)
    with tempfile.TemporaryDirectory() as scratch:
        env_before = os.environ.get("CAIOKIT_PROGRESS")
        os.environ["CAIOKIT_PROGRESS"] = str(Path(scratch) / "progress.sqlite")
        try:
            client = NotebookClient(
                notebook,
                timeout=CELL_TIMEOUT_S,
                kernel_name="python3",
                resources={"metadata": {"path": str(path.parent)}},
                store_widget_state=True,
                record_timing=False,
            )
            client.execute()
        finally:
            if env_before is None:
                os.environ.pop("CAIOKIT_PROGRESS", None)
            else:
                os.environ["CAIOKIT_PROGRESS"] = env_before
    normalise(notebook)
    stabilise(notebook, lesson)
    nbformat.validate(notebook)
    nbformat.write(notebook, path)


def lesson_notebooks(names: list[str] | None = None) -> list[Path]:
    """The lesson notebooks of every edition, or those ``names`` give: a lesson id (its notebook in every
    edition that has it) or the name of one edition's notebook ('03_use_case_prioritization', 'fr/03_...')."""
    written = [
        (lesson, ROOT / "notebooks" / notebook_path(lesson, language))
        for language in LANGUAGES
        for lesson in notebook_names(language)
        if _written(lesson, language)
    ]
    if not names:
        return [path for _lesson, path in written]
    chosen = []
    for name in names:
        stem = name.removesuffix(".ipynb")
        found = [
            path
            for lesson, path in written
            if stem in (lesson, path.stem, path.relative_to(ROOT / "notebooks").with_suffix("").as_posix())
        ]
        if not found:
            lessons_list = ", ".join(sorted(notebook_names(SOURCE_LANGUAGE)))
            raise CaioKitError(f"no lesson notebook is called {name!r}; the lessons are {lessons_list}")
        chosen += found
    return list(dict.fromkeys(chosen))


def generate_release(course_root: Path, assignment: str) -> Path:
    """Run ``nbgrader generate_assignment`` for one assignment in a scratch copy; return the release folder.

    Working on a copy keeps the repository free of nbgrader's gradebook.db.
    """
    scratch = Path(tempfile.mkdtemp(prefix="caiokit-release-"))
    shutil.copytree(course_root / "source" / assignment, scratch / "source" / assignment)
    shutil.copy(course_root / "nbgrader_config.py", scratch / "nbgrader_config.py")
    env = dict(os.environ, PATH=f"{Path(sys.executable).parent}{os.pathsep}{os.environ.get('PATH', '')}")
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "nbgrader",
            "generate_assignment",
            assignment,
            "--force",
            f"--CourseDirectory.root={scratch}",
        ],
        cwd=scratch,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    if result.returncode != 0:
        raise RuntimeError(
            f"nbgrader generate_assignment {assignment} failed:\n{result.stdout}\n{result.stderr}"
        )
    return scratch / "release" / assignment


def release(assignment: str) -> None:
    """Replace release/<assignment> with what nbgrader generates from source/<assignment> now."""
    generated = generate_release(ROOT, assignment)
    target = ROOT / "release" / assignment
    shutil.rmtree(target, ignore_errors=True)
    shutil.copytree(generated, target)
    shutil.rmtree(generated.parent.parent)


def main(argv: list[str] | None = None) -> None:
    """Command-line entry point."""
    parser = argparse.ArgumentParser(prog="python -m caiokit.authoring", description=__doc__.split("\n\n")[0])
    parser.add_argument("command", choices=["lessons", "release", "facts", "learner-edition", "catalogues"])
    parser.add_argument(
        "names", nargs="*", help="lesson or assignment names (default: all); learner-edition: OUT"
    )
    parser.add_argument("--exchange", default=DEFAULT_EXCHANGE, help="learner-edition: the exchange folder")
    args = parser.parse_args(argv)
    if args.command == "learner-edition":
        if len(args.names) != 1:
            parser.error("learner-edition needs one output folder: learner-edition OUT")
        try:
            edition = learner_edition.build(ROOT, args.names[0], exchange=args.exchange)
        except CaioKitError as exc:
            sys.exit(f"error: {exc}")
        print(f"learner edition in {edition.root}: {edition.files} files, {edition.size_bytes / 1e6:.1f} MB")
        return
    # nbgrader and the notebook kernel are found on PATH: make it this environment's.
    os.environ["PATH"] = f"{Path(sys.executable).parent}{os.pathsep}{os.environ.get('PATH', '')}"
    if args.command == "facts":
        print(report())
    elif args.command == "catalogues":
        written = catalogues.update()
        print(
            "\n".join(f"wrote {path.relative_to(ROOT)}" for path in written)
            or "catalogues already up to date"
        )
    elif args.command == "lessons":
        try:
            paths = lesson_notebooks(args.names)
        except CaioKitError as exc:
            sys.exit(f"error: {exc}")
        for path in paths:
            print(f"executing {path.relative_to(ROOT)}", flush=True)
            execute_lesson(path)
    else:
        names = args.names or sorted(p.name for p in (ROOT / "source").iterdir() if p.is_dir())
        for name in names:
            print(f"generating release/{name}", flush=True)
            release(name)


if __name__ == "__main__":
    main()
