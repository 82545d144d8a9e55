"""The files that ship in ``caiokit/data``: the one module that opens them, or a learner's CSV in their place.

Every other module reads package data through this one: ``table`` for a CSV table, ``document`` for a JSON
file, ``path`` for anything else (bytes, a folder's listing). Tables are parsed once and cached; each call
returns a copy, so a caller may change what it gets without changing what the next caller reads.

Data a person reads (a glossary, advice, questions, quiz banks) lives in one folder per language,
``caiokit/data/<lang>/``, with the same files, columns and ids in each: ``table(localized("glossary.csv"))``
reads the one of the language in use, and ``worded("glossary.csv", on="id")`` joins it with the shared
table of the same name. Numbers, ids and dates stay in ``caiokit/data/`` itself, for every
language.
"""

from __future__ import annotations

import json
import os
from collections.abc import Mapping
from functools import cache
from importlib import resources
from importlib.resources.abc import Traversable
from typing import Any

import pandas as pd

from caiokit.i18n import N_, language, text

_MESSAGES = {
    "columns": N_("{source}: column(s) {columns} missing; expected {expected}"),
    "blank": N_("{source}: row {row} has an empty cell"),
}


def path(name: str) -> Traversable:
    """A file or folder of the package data, by its name inside ``caiokit/data`` ('en/quizzes/x.json')."""
    found = resources.files("caiokit") / "data"
    for part in name.split("/"):
        found = found / part
    return found


def localized(name: str) -> str:
    """The name of a file of the language in use: ``localized("glossary.csv")`` is 'en/glossary.csv' in English."""
    return f"{language()}/{name}"


def table(name: str, *, text: bool = True, dtype: Mapping[str, type] | None = None) -> pd.DataFrame:
    """A packaged CSV table: every cell a string, '' when empty (``text``), or as pandas reads it by default.

    With ``text=False``, ``dtype`` fixes the type of the columns it names, e.g. ``{"group": str}``.
    """
    return _parsed(name, text, tuple(sorted((dtype or {}).items()))).copy()


@cache
def _parsed(name: str, text: bool, dtype: tuple[tuple[str, type], ...]) -> pd.DataFrame:
    with path(name).open("r", encoding="utf-8") as handle:
        if text:
            return pd.read_csv(handle, dtype=str, keep_default_na=False)
        return pd.read_csv(handle, dtype=dict(dtype) or None)


def worded(name: str, on: str | list[str], *, text: bool = True) -> pd.DataFrame:
    """A table of ids and numbers with its words in the language in use, row for row, in the rows' order.

    ``caiokit/data/<name>`` holds what every language shares, ``caiokit/data/<lang>/<name>`` the words, with
    the key column(s) ``on`` in both. ``text`` is as for :func:`table`, for the shared table (the words are
    text).
    """
    words = table(localized(name))
    return table(name, text=text).merge(words, on=on, how="left", validate="one_to_one", sort=False)


def document(name: str) -> Any:
    """A packaged JSON file, parsed anew on each call (so the caller owns what it gets)."""
    with path(name).open("r", encoding="utf-8") as handle:
        return json.load(handle)


def read_table(path: str | os.PathLike | None, packaged_name: str) -> tuple[pd.DataFrame, str]:
    """A table as strings (no NaN), and the name to use in messages: the packaged file or the one given."""
    if path is None:
        return table(packaged_name), packaged_name
    return pd.read_csv(path, dtype=str, keep_default_na=False), os.path.basename(os.fspath(path))


def shape_problems(frame: pd.DataFrame, source: str, expected: tuple[str, ...]) -> list[str]:
    """Missing columns or, if all are there, rows with an empty cell (numbered as in a spreadsheet)."""
    missing = [column for column in expected if column not in frame.columns]
    if missing:
        return [text(_MESSAGES["columns"]).format(source=source, columns=missing, expected=list(expected))]
    return [
        text(_MESSAGES["blank"]).format(source=source, row=i + 2)
        for i, row in enumerate(frame[list(expected)].itertuples(index=False))
        if any(not str(cell).strip() for cell in row)
    ]
