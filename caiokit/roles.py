"""The Chief AI Officer and the three chiefs next to it: who owns which responsibility, and why.

Four C-level roles share the ground where technology meets the business. ``ROLES`` describes each in one
line; ``caiokit/data/responsibilities.csv`` lists responsibilities at Alvera Group by id with their owner,
and ``caiokit/data/<lang>/responsibilities.csv`` words each one and the reason for its owner (``why``), written
so that it never names a role. :func:`sort_feedback` judges a learner's sorting
item by item: a wrong owner gets a one-line reason why that role does not own it, without giving the answer.
"""

from __future__ import annotations

import difflib
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from caiokit import datafiles
from caiokit.errors import CaioKitError, ProblemsError
from caiokit.i18n import N_, _


class RolesError(CaioKitError):
    """A responsibilities table, a role name or a sorting answer is not usable; the message says why."""


class ResponsibilitiesError(RolesError, ProblemsError):
    """A responsibilities table with bad rows; ``problems`` lists every issue found."""


@dataclass(frozen=True)
class Role:
    """One C-level role: short code (its id), full title, one-line description, and its remit in a few words.

    The three texts are given marked with ``N_`` and read in the language in use.
    """

    code: str
    marked_title: str = field(repr=False)
    marked_description: str = field(repr=False)
    marked_remit: str = field(repr=False)

    @property
    def title(self) -> str:
        """The role's full title."""
        return _(self.marked_title)

    @property
    def description(self) -> str:
        """What the role owns, in one line."""
        return _(self.marked_description)

    @property
    def remit(self) -> str:
        """The role's remit in a few words, to carry on a sentence ('the CIO runs ...')."""
        return _(self.marked_remit)


ROLES: dict[str, Role] = {
    role.code: role
    for role in (
        Role(
            "CAIO",
            N_("Chief AI Officer"),
            N_(
                "Decides where and how the company uses AI and answers for the results: AI strategy and "
                "roadmap, choice of AI projects, AI teams, responsible use, AI culture."
            ),
            N_("leads the company's use of AI"),
        ),
        Role(
            "CIO",
            N_("Chief Information Officer"),
            N_(
                "Runs the company's own information systems: infrastructure, networks, workplace IT, "
                "business applications, day-to-day IT security."
            ),
            N_("runs the company's own information systems"),
        ),
        Role(
            "CTO",
            N_("Chief Technology Officer"),
            N_(
                "Owns the technology inside what the company sells: product engineering, architecture and "
                "technical choices."
            ),
            N_("owns the technology inside the products the company sells"),
        ),
        Role(
            "CDO",
            N_("Chief Data Officer (or Chief Data and Analytics Officer, CDAO)"),
            N_("Manages data as a company asset: governance, quality, definitions, access, life cycle."),
            N_("manages data as a company asset"),
        ),
    )
}

COLUMNS = ("responsibility", "owner", "why")
RESPONSIBILITIES_FILE = "responsibilities.csv"

# Learner-facing messages, kept together and translated where used.
MESSAGES = {
    "correct": N_("Right. {why}"),
    "wrong": N_("Not the {chosen}: the {chosen} {remit}. {why}"),
    "unknown_role": N_("{value!r} is not a role here; use one of {allowed}."),
    "unknown_item": N_("{value!r} is not one of the responsibilities.{suggestion} Copy the text exactly."),
    "suggestion": N_(" Did you mean {match!r}?"),
    "not_a_mapping": N_(
        "the assignment should be a dict mapping each responsibility to a role, not a {kind}."
    ),
    "unreadable": N_("cannot read {source}: {error}"),
    "columns": N_("{source}: column(s) {missing} missing; expected {expected}."),
    "empty": N_("line {number}: empty responsibility or why"),
    "owner": N_("line {number}: owner {owner!r} is not one of {roles}"),
    "gives_away": N_("line {number}: the 'why' names {roles}; it must not give the owner away"),
    "duplicates": N_("duplicate responsibilities: {items}"),
    "headers": (N_("role"), N_("title"), N_("owns")),
}


def _message(key: str, **values: object) -> str:
    return _(MESSAGES[key]).format(**values)


@dataclass(frozen=True)
class ItemFeedback:
    """The verdict on one sorted responsibility: what was chosen, whether it is right, and why."""

    responsibility: str
    chosen: str
    correct: bool
    message: str

    @property
    def mark(self) -> str:
        """✔ or ✘, to show next to the item."""
        return "✔" if self.correct else "✘"


def roles_table() -> pd.DataFrame:
    """The four roles as a table: code, title and one-line description."""
    columns = [_(header) for header in MESSAGES["headers"]]
    return pd.DataFrame(
        [(r.code, r.title, r.description) for r in ROLES.values()], columns=columns
    ).set_index(columns[0])


def normalise_role(value: str) -> str:
    """The role code for a learner's spelling ('caio ' -> 'CAIO'); RolesError if it is not one of the four."""
    if isinstance(value, str) and value.strip().upper() in ROLES:
        return value.strip().upper()
    allowed = ", ".join(repr(code) for code in ROLES)
    raise RolesError(_message("unknown_role", value=value, allowed=allowed))


def load_responsibilities(path: str | Path | None = None) -> pd.DataFrame:
    """The responsibilities table (built in, or a CSV file with the same columns), validated.

    The built-in one joins each responsibility's owner (``data/responsibilities.csv``) with its wording in
    the language in use, on the responsibility's id.
    """
    if path is None:
        source = RESPONSIBILITIES_FILE
        table = datafiles.worded(source, on="id")
    else:
        source = str(path)
        try:
            table = pd.read_csv(path, dtype=str, keep_default_na=False)
        except (OSError, pd.errors.ParserError) as exc:
            raise RolesError(_message("unreadable", source=source, error=exc)) from exc
    missing = [column for column in COLUMNS if column not in table.columns]
    if missing:
        raise RolesError(
            _message("columns", source=source, missing=", ".join(map(repr, missing)), expected=COLUMNS)
        )
    problems = []
    for number, row in enumerate(table.itertuples(index=False), start=2):
        if not row.responsibility.strip() or not row.why.strip():
            problems.append(_message("empty", number=number))
        if row.owner not in ROLES:
            problems.append(_message("owner", number=number, owner=row.owner, roles=", ".join(ROLES)))
        named = [code for code in ROLES if code in row.why.replace(",", " ").replace(".", " ").split()]
        if named:
            problems.append(_message("gives_away", number=number, roles=", ".join(named)))
    duplicates = sorted(set(table["responsibility"][table["responsibility"].duplicated()]))
    if duplicates:
        problems.append(_message("duplicates", items=", ".join(map(repr, duplicates))))
    if problems:
        raise ResponsibilitiesError(source, problems)
    return table[list(COLUMNS)].reset_index(drop=True)


def _check_item(item: object, known: list[str]) -> str:
    if isinstance(item, str) and item in known:
        return item
    close = difflib.get_close_matches(str(item), known, n=1, cutoff=0.6)
    suggestion = _message("suggestion", match=close[0]) if close else ""
    raise RolesError(_message("unknown_item", value=item, suggestion=suggestion))


def sort_feedback(assignment: Mapping[str, str], table: pd.DataFrame | None = None) -> list[ItemFeedback]:
    """Judge each sorted responsibility (item -> role code), in the table's order; unsorted items are skipped."""
    if not isinstance(assignment, Mapping):
        raise RolesError(_message("not_a_mapping", kind=type(assignment).__name__))
    table = load_responsibilities() if table is None else table
    known = list(table["responsibility"])
    chosen = {_check_item(item, known): normalise_role(role) for item, role in assignment.items()}
    feedback = []
    for row in table.itertuples(index=False):
        if row.responsibility not in chosen:
            continue
        role = chosen[row.responsibility]
        if role == row.owner:
            message = _message("correct", why=row.why)
        else:
            message = _message("wrong", chosen=role, remit=ROLES[role].remit, why=row.why)
        feedback.append(ItemFeedback(row.responsibility, role, role == row.owner, message))
    return feedback


def score(feedback: list[ItemFeedback]) -> int:
    """How many of the judged items are right."""
    return sum(item.correct for item in feedback)
