"""Markdown as every report of the course writes it: tables, bullet lists, and the file they go to.

A table cell may hold any text: a '|' is escaped as '\\|' and a line break becomes a space, so a
stakeholder called "Head of sales | EMEA" stays in one cell and every row keeps the header's number of
cells. ``write`` checks the path first and turns each way a write can fail into a message that says what
to do.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path

from caiokit.errors import CaioKitError
from caiokit.i18n import N_, text

_MESSAGES = {
    "no_path": N_("Give a file name for the export, for example {example}."),
    "is_folder": N_("The path {path} is a folder: give a file name, for example {path}/{example}."),
    "no_folder": N_("The folder {folder} does not exist: create it first, or choose another path."),
    "unwritable": N_("Cannot write {path}: {detail}."),
}


class ExportError(CaioKitError):
    """A report cannot be written to the path given; the message says why and what to do."""


def cell(value: object) -> str:
    """A value as the text of one table cell: '|' escaped, line breaks turned into spaces."""
    return " ".join(str(value).replace("|", "\\|").splitlines())


def table(header: Sequence[object], rows: Iterable[Sequence[object]], *, empty: str | None = None) -> str:
    """A Markdown table with a line per row; ``empty`` instead, if given, when there is no row."""
    lines = [_row(header), "|" + "---|" * len(header)]
    for row in rows:
        if len(row) != len(header):
            raise ValueError(f"a row of {len(row)} cells under a header of {len(header)}: {row!r}")
        lines.append(_row(row))
    if len(lines) == 2 and empty is not None:
        return empty
    return "\n".join(lines)


def _row(cells: Sequence[object]) -> str:
    return "| " + " | ".join(cell(value) for value in cells) + " |"


def bullets(items: Iterable[object], *, empty: str = "") -> str:
    """A bullet list, one item a line; ``empty`` when there is no item."""
    return "\n".join(f"- {item}" for item in items) or empty


def write(
    path: str | os.PathLike,
    content: str,
    *,
    example: str = "my_report.md",
    error: Callable[[str], Exception] = ExportError,
) -> Path:
    """Write ``content`` to ``path`` (overwriting it) and return the path written.

    An empty path, a folder, a folder that does not exist or a failed write raises ``error(message)``;
    the message suggests ``example`` as a file name.
    """
    if not str(path).strip():
        raise error(text(_MESSAGES["no_path"]).format(example=example))
    target = Path(path).expanduser()
    try:
        if target.is_dir():
            raise error(text(_MESSAGES["is_folder"]).format(path=path, example=example))
        if not target.parent.is_dir():
            raise error(text(_MESSAGES["no_folder"]).format(folder=target.parent))
        target.write_text(content, encoding="utf-8")
    except OSError as failure:  # a name too long, no space left, no permission...
        raise error(
            text(_MESSAGES["unwritable"]).format(path=target, detail=failure.strerror or failure)
        ) from None
    return target
