"""The course glossary: about sixty terms, each with a one-line definition and the lesson that teaches it.

Which lesson teaches a term is the same in every language (``caiokit/data/glossary.csv``: id, lesson); the
term and its definition are words, in ``caiokit/data/<lang>/glossary.csv`` (id, term, definition).
"""

from __future__ import annotations

import difflib

import pandas as pd

from caiokit import datafiles
from caiokit.errors import CaioKitError
from caiokit.i18n import _


class GlossaryError(CaioKitError):
    """A term is not in the glossary."""


def glossary() -> pd.DataFrame:
    """Every term, sorted alphabetically in the language in use: id, term, definition, lesson."""
    return (
        datafiles.worded("glossary.csv", on="id")
        .sort_values("term", key=lambda s: s.str.lower())
        .reset_index(drop=True)
    )


def search(query: str) -> pd.DataFrame:
    """Terms whose name or definition contains the query (any case); name matches come first."""
    table = glossary()
    text = query.strip().lower()
    if not text:
        return table
    in_term = table["term"].str.lower().str.contains(text, regex=False)
    in_definition = table["definition"].str.lower().str.contains(text, regex=False)
    return pd.concat([table[in_term], table[in_definition & ~in_term]]).reset_index(drop=True)


def define(term: str) -> str:
    """The definition of one term, or an error suggesting the closest terms."""
    table = glossary()
    match = table[table["term"].str.lower() == term.strip().lower()]
    if match.empty:
        close = difflib.get_close_matches(term, list(table["term"]), n=3, cutoff=0.5)
        suggestion = (
            _("Did you mean: {terms}?").format(terms=", ".join(close))
            if close
            else _("Try `search()` with part of the word.")
        )
        raise GlossaryError(
            _("{term} is not in the glossary. {suggestion}").format(term=repr(term), suggestion=suggestion)
        )
    row = match.iloc[0]
    return _("{term}: {definition} (lesson {lesson})").format(
        term=row.term, definition=row.definition, lesson=row.lesson
    )
