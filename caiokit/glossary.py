"""The course glossary: about sixty terms, each with a one-line definition and the lesson that teaches it."""

from __future__ import annotations

import difflib

import pandas as pd

from caiokit import datafiles
from caiokit.errors import CaioKitError


class GlossaryError(CaioKitError):
    """A term is not in the glossary."""


def glossary() -> pd.DataFrame:
    """Every term, sorted alphabetically: term, definition, lesson."""
    return (
        datafiles.table("glossary.csv")
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
            f" Did you mean: {', '.join(close)}?" if close else " Try `search()` with part of the word."
        )
        raise GlossaryError(f"{term!r} is not in the glossary.{suggestion}")
    row = match.iloc[0]
    return f"{row.term}: {row.definition} (lesson {row.lesson})"
