"""Trust the course's lessons, so JupyterLab draws their stored tools before anything is run.

    python -m caiokit.trust [FOLDER]      (default: notebooks)

Lessons are stored with their results, including the state of their interactive tools. JupyterLab draws
that state only in a notebook the current user trusts: a notebook signed with this user's secret key
(kept in Jupyter's data folder, one per user account). A copied or downloaded notebook is not trusted, so
each learner runs this once, in their own account, after getting the course; it does what
``jupyter trust`` does, for every notebook of a folder, on any operating system.
"""

from __future__ import annotations

import argparse
import sys
from dataclasses import dataclass, field
from pathlib import Path

import nbformat
from nbformat.sign import NotebookNotary

from caiokit.errors import CaioKitError
from caiokit.i18n import LANGUAGES, SOURCE_LANGUAGE, _


@dataclass
class TrustReport:
    """What :func:`trust_folder` did: the notebooks signed, and those it could not read."""

    signed: list[Path] = field(default_factory=list)
    unreadable: dict[Path, str] = field(default_factory=dict)


def trust_folder(folder: str | Path, notary: NotebookNotary | None = None) -> TrustReport:
    """Sign every ``.ipynb`` directly in ``folder``, and in its folder of each other edition (``notebooks/fr``),
    for the current user; a broken notebook is named, not fatal."""
    folder = Path(folder)
    if not folder.is_dir():
        raise CaioKitError(
            _(
                "{folder} is not a folder. Run this from the course's folder, or give the folder that holds "
                "the lessons: python -m caiokit.trust path/to/notebooks"
            ).format(folder=folder)
        )
    editions = [folder] + [folder / code for code in LANGUAGES if code != SOURCE_LANGUAGE]
    notebooks = [path for edition in editions for path in sorted(edition.glob("*.ipynb"))]
    if not notebooks:
        raise CaioKitError(
            _("{folder} holds no notebook (.ipynb): give the folder that holds the lessons.").format(
                folder=folder
            )
        )
    notary = notary or NotebookNotary()
    report = TrustReport()
    for path in notebooks:
        try:
            notebook = nbformat.read(path, as_version=nbformat.NO_CONVERT)
        except Exception as exc:  # noqa: BLE001 - any unreadable file is reported by name, the rest go on
            report.unreadable[path] = f"{type(exc).__name__}: {exc}"
            continue
        notary.sign(notebook)
        report.signed.append(path)
    return report


def main(argv: list[str] | None = None) -> None:
    """Command-line entry point."""
    parser = argparse.ArgumentParser(prog="python -m caiokit.trust", description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "folder", nargs="?", default="notebooks", help=_("the folder of lessons (default: notebooks)")
    )
    args = parser.parse_args(argv)
    try:
        report = trust_folder(args.folder)
    except CaioKitError as exc:
        sys.exit(_("error: {problem}").format(problem=exc))
    print(
        _("Trusted {count} notebook(s) in {folder}: JupyterLab will draw their tools on opening.").format(
            count=len(report.signed), folder=args.folder
        )
    )
    for path, reason in report.unreadable.items():
        print(
            _("not trusted: {name} could not be read ({reason}); get a fresh copy of it.").format(
                name=path.name, reason=reason
            ),
            file=sys.stderr,
        )
    if report.unreadable:
        sys.exit(1)


if __name__ == "__main__":
    main()
