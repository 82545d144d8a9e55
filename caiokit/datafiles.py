"""The CSV tables that ship in ``caiokit/data``, or a learner's own file in their place, read as text."""

from __future__ import annotations

import os
from importlib import resources

import pandas as pd

_MESSAGES = {
    "columns": "{source}: column(s) {columns} missing; expected {expected}",
    "blank": "{source}: row {row} has an empty cell",
}


def read_table(path: str | os.PathLike | None, packaged_name: str) -> tuple[pd.DataFrame, str]:
    """A table as strings (no NaN), and the name to use in messages: the packaged file or the one given."""
    if path is None:
        with (resources.files("caiokit") / "data" / packaged_name).open("r", encoding="utf-8") as handle:
            return pd.read_csv(handle, dtype=str, keep_default_na=False), packaged_name
    return pd.read_csv(path, dtype=str, keep_default_na=False), os.path.basename(os.fspath(path))


def shape_problems(frame: pd.DataFrame, source: str, expected: tuple[str, ...]) -> list[str]:
    """Missing columns or, if all are there, rows with an empty cell (numbered as in a spreadsheet)."""
    missing = [column for column in expected if column not in frame.columns]
    if missing:
        return [_MESSAGES["columns"].format(source=source, columns=missing, expected=list(expected))]
    return [
        _MESSAGES["blank"].format(source=source, row=i + 2)
        for i, row in enumerate(frame[list(expected)].itertuples(index=False))
        if any(not str(cell).strip() for cell in row)
    ]
