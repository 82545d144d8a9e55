"""The Chief AI Officer and the three chiefs next to it: who owns which responsibility, and why.

Four C-level roles share the ground where technology meets the business. ``ROLES`` describes each in one
line; ``caiokit/data/responsibilities.csv`` lists responsibilities at Alvera Group with their owner and the
reason (``why``), written so that it never names a role. :func:`sort_feedback` judges a learner's sorting
item by item: a wrong owner gets a one-line reason why that role does not own it, without giving the answer.
"""

from __future__ import annotations

import difflib
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from caiokit import datafiles
from caiokit.errors import CaioKitError, ProblemsError


class RolesError(CaioKitError):
    """A responsibilities table, a role name or a sorting answer is not usable; the message says why."""


class ResponsibilitiesError(RolesError, ProblemsError):
    """A responsibilities table with bad rows; ``problems`` lists every issue found."""


@dataclass(frozen=True)
class Role:
    """One C-level role: short code, full title, one-line description, and its remit in a few words."""

    code: str
    title: str
    description: str
    remit: str


ROLES: dict[str, Role] = {
    role.code: role
    for role in (
        Role(
            "CAIO",
            "Chief AI Officer",
            "Decides where and how the company uses AI and answers for the results: AI strategy and "
            "roadmap, choice of AI projects, AI teams, responsible use, AI culture.",
            "leads the company's use of AI",
        ),
        Role(
            "CIO",
            "Chief Information Officer",
            "Runs the company's own information systems: infrastructure, networks, workplace IT, "
            "business applications, day-to-day IT security.",
            "runs the company's own information systems",
        ),
        Role(
            "CTO",
            "Chief Technology Officer",
            "Owns the technology inside what the company sells: product engineering, architecture and "
            "technical choices.",
            "owns the technology inside the products the company sells",
        ),
        Role(
            "CDO",
            "Chief Data Officer (or Chief Data and Analytics Officer, CDAO)",
            "Manages data as a company asset: governance, quality, definitions, access, life cycle.",
            "manages data as a company asset",
        ),
    )
}

COLUMNS = ("responsibility", "owner", "why")

# Learner-facing messages, kept together.
MESSAGES = {
    "correct": "Right. {why}",
    "wrong": "Not the {chosen}: the {chosen} {remit}. {why}",
    "unknown_role": "{value!r} is not a role here; use one of {allowed}.",
    "unknown_item": "{value!r} is not one of the responsibilities.{suggestion} Copy the text exactly.",
    "suggestion": " Did you mean {match!r}?",
    "not_a_mapping": "the assignment should be a dict mapping each responsibility to a role, not a {kind}.",
}


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
    return pd.DataFrame(
        [(r.code, r.title, r.description) for r in ROLES.values()], columns=["role", "title", "owns"]
    ).set_index("role")


def normalise_role(value: str) -> str:
    """The role code for a learner's spelling ('caio ' -> 'CAIO'); RolesError if it is not one of the four."""
    if isinstance(value, str) and value.strip().upper() in ROLES:
        return value.strip().upper()
    allowed = ", ".join(repr(code) for code in ROLES)
    raise RolesError(MESSAGES["unknown_role"].format(value=value, allowed=allowed))


def load_responsibilities(path: str | Path | None = None) -> pd.DataFrame:
    """The responsibilities table (built in, or a CSV file with the same columns), validated."""
    if path is None:
        source = "responsibilities.csv"
        table = datafiles.table(source)
    else:
        source = str(path)
        try:
            table = pd.read_csv(path, dtype=str, keep_default_na=False)
        except (OSError, pd.errors.ParserError) as exc:
            raise RolesError(f"cannot read {source}: {exc}") from exc
    missing = [column for column in COLUMNS if column not in table.columns]
    if missing:
        raise RolesError(f"{source}: column(s) {', '.join(map(repr, missing))} missing; expected {COLUMNS}.")
    problems = []
    for number, row in enumerate(table.itertuples(index=False), start=2):
        if not row.responsibility.strip() or not row.why.strip():
            problems.append(f"line {number}: empty responsibility or why")
        if row.owner not in ROLES:
            problems.append(f"line {number}: owner {row.owner!r} is not one of {', '.join(ROLES)}")
        named = [code for code in ROLES if code in row.why.replace(",", " ").replace(".", " ").split()]
        if named:
            problems.append(
                f"line {number}: the 'why' names {', '.join(named)}; it must not give the owner away"
            )
    duplicates = sorted(set(table["responsibility"][table["responsibility"].duplicated()]))
    if duplicates:
        problems.append(f"duplicate responsibilities: {', '.join(map(repr, duplicates))}")
    if problems:
        raise ResponsibilitiesError(source, problems)
    return table[list(COLUMNS)].reset_index(drop=True)


def _check_item(item: object, known: list[str]) -> str:
    if isinstance(item, str) and item in known:
        return item
    close = difflib.get_close_matches(str(item), known, n=1, cutoff=0.6)
    suggestion = MESSAGES["suggestion"].format(match=close[0]) if close else ""
    raise RolesError(MESSAGES["unknown_item"].format(value=item, suggestion=suggestion))


def sort_feedback(assignment: Mapping[str, str], table: pd.DataFrame | None = None) -> list[ItemFeedback]:
    """Judge each sorted responsibility (item -> role code), in the table's order; unsorted items are skipped."""
    if not isinstance(assignment, Mapping):
        raise RolesError(MESSAGES["not_a_mapping"].format(kind=type(assignment).__name__))
    table = load_responsibilities() if table is None else table
    known = list(table["responsibility"])
    chosen = {_check_item(item, known): normalise_role(role) for item, role in assignment.items()}
    feedback = []
    for row in table.itertuples(index=False):
        if row.responsibility not in chosen:
            continue
        role = chosen[row.responsibility]
        if role == row.owner:
            message = MESSAGES["correct"].format(why=row.why)
        else:
            message = MESSAGES["wrong"].format(chosen=role, remit=ROLES[role].remit, why=row.why)
        feedback.append(ItemFeedback(row.responsibility, role, role == row.owner, message))
    return feedback


def score(feedback: list[ItemFeedback]) -> int:
    """How many of the judged items are right."""
    return sum(item.correct for item in feedback)
