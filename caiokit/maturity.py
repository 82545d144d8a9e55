"""AI maturity self-assessment on the six pillars and five levels of the MITRE AI Maturity Model.

The questionnaire holds one or two statements per pillar: which pillar each statement id belongs to is in
``data/maturity_questions.csv``, its wording in ``data/<lang>/maturity_questions.csv``. Each is answered on a
1-5 scale whose steps echo MITRE's five level names (see ``SCALE``). How answers become a
level is **the course's own simplification**, not MITRE's scoring method:

1. a pillar's score is the mean of its statements' answers, and its level is that score rounded down;
2. the overall score is the mean of the six pillar scores (each pillar weighs the same);
3. the overall level is the overall score rounded down, but never more than one level above the weakest
   pillar's level: a strong platform does not make up for missing guardrails.

Pillars and levels are :class:`Pillar` and :class:`Level` members: files and code use their ids, people read
their labels. A :class:`MaturityResult` shows labels, in the language in use when it was made, and keeps the
ids beside them (``scores``, ``level_id``, each move's ``pillar_id`` and ``level_id``) for code to compare.

The next three moves are read from ``data/<lang>/maturity_moves.csv`` (one move per pillar and level): one move for
each of the three lowest-scoring pillars (ties in questionnaire order), the move that lifts that pillar from
its current level to the next.
"""

from __future__ import annotations

import math
import os
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

import pandas as pd

from caiokit import datafiles
from caiokit.datafiles import read_table, shape_problems
from caiokit.errors import ProblemsError
from caiokit.i18n import N_, Category, _, text
from caiokit.reports import markdown
from caiokit.validation import is_number


class Pillar(Category):
    """The six pillars of the MITRE AI Maturity Model, in questionnaire order."""

    RESPONSIBLE_USE = "responsible_use", N_("Ethical, equitable and responsible use")
    STRATEGY = "strategy", N_("Strategy and resources")
    ORGANIZATION = "organization", N_("Organization")
    TECHNOLOGY = "technology", N_("Technology enablers")
    DATA = "data", N_("Data")
    PERFORMANCE = "performance", N_("Performance and application")


class Level(Category):
    """MITRE's five maturity levels, lowest first."""

    INITIAL = "initial", N_("Initial")
    ADOPTED = "adopted", N_("Adopted")
    DEFINED = "defined", N_("Defined")
    MANAGED = "managed", N_("Managed")
    OPTIMIZED = "optimized", N_("Optimized")


LEVELS = tuple(Level)
# The answers' scale, translated where shown.
SCALE = {
    1: N_("Not at all"),
    2: N_("In places, here and there"),
    3: N_("Yes: written down and common practice"),
    4: N_("Yes, and measured across the company"),
    5: N_("Yes, measured and improved continuously"),
}
MOVES_SHOWN = 3
QUESTIONS_FILE = "maturity_questions.csv"
MOVES_FILE = "maturity_moves.csv"

_MESSAGES = {
    "what": N_("the maturity assessment"),
    "duplicate_id": N_("{source}: statement id {value!r} appears more than once"),
    "unknown_pillar": N_("{source}: pillar {value!r} is not one of MITRE's six: {allowed}"),
    "empty_pillar": N_("{source}: pillar {value!r} has no statement"),
    "unknown_level": N_("{source}: level {value!r} is not one of {allowed}"),
    "move_missing": N_("{source}: no move for pillar {pillar!r} at level {level!r}"),
    "move_twice": N_("{source}: more than one move for pillar {pillar!r} at level {level!r}"),
    "not_mapping": N_(
        "answers should be a dict mapping each statement id (e.g. 'STR1') to a number from 1 to 5"
    ),
    "no_answer": N_("statement {id} has no answer: give it a whole number from 1 to 5"),
    "unknown_id": N_("{id!r} is not a statement id; the ids are {ids}"),
    "not_number": N_("the answer to {id} is {value!r}: it should be a whole number from 1 to 5"),
    "out_of_range": N_("the answer to {id} is {value}: it should be a whole number from 1 to 5"),
    "no_scores": N_("there are no pillar scores to combine"),
    "overall": N_("**Overall level: {level}** (score {score} of 5). Weakest: {weakest}."),
    "header": (N_("Pillar"), N_("Score"), N_("Level")),
    "next_moves": N_("**Next moves**"),
}


def _message(key: str, **values: object) -> str:
    return _(_MESSAGES[key]).format(**values)


class MaturityError(ProblemsError):
    """Answers or questionnaire data that cannot be assessed; ``problems`` lists every issue found."""

    headline = N_("{count} problem(s) with {what}")

    def __init__(self, problems: Iterable[str]):
        super().__init__(text(_MESSAGES["what"]), problems)


@dataclass(frozen=True)
class Move:
    """A recommended next step for one pillar, from its current level to the next: labels, then their ids."""

    pillar: str
    level: str
    text: str
    pillar_id: Pillar = field(repr=False)
    level_id: Level = field(repr=False)


@dataclass(frozen=True)
class MaturityResult:
    """The outcome of a self-assessment: pillar labels with their scores, overall level, weakest, moves.

    ``scores`` (by :class:`Pillar`) and ``level_id`` hold the same results by id, for code to compare.
    """

    pillar_scores: dict[str, float]
    overall_score: float
    level: str
    weakest: tuple[str, ...]
    moves: tuple[Move, ...]
    scores: dict[Pillar, float] = field(repr=False)
    level_id: Level = field(repr=False)

    @property
    def level_number(self) -> int:
        """The overall level as a number, 1 (Initial) to 5 (Optimized)."""
        return LEVELS.index(self.level_id) + 1

    @property
    def pillar_levels(self) -> dict[str, str]:
        """Each pillar's level name (its score rounded down), by pillar label."""
        return {
            label: _level_of(score).label
            for label, score in zip(self.pillar_scores, self.scores.values(), strict=True)
        }

    def to_markdown(self) -> str:
        """A short report: level, scores per pillar, next moves."""
        rows = [
            (pillar, f"{score:.1f}", self.pillar_levels[pillar])
            for pillar, score in self.pillar_scores.items()
        ]
        moves = "\n".join(f"{i}. **{m.pillar}**: {m.text}" for i, m in enumerate(self.moves, start=1))
        overall = _message(
            "overall", level=self.level, score=f"{self.overall_score:.2f}", weakest=", ".join(self.weakest)
        )
        header = [_(label) for label in _MESSAGES["header"]]
        return (
            f"{overall}\n\n"
            + markdown.table(header, rows)
            + f"\n\n{text(_MESSAGES['next_moves'])}\n\n{moves}"
        )

    def _repr_markdown_(self) -> str:
        return self.to_markdown()


def _parsed(frame: pd.DataFrame, column: str, kind: type[Category], source: str, key: str) -> list[str]:
    """Turn a column of labels or ids into ids, in place; a problem for each value that names no member."""
    members = {value: kind.parse(value) for value in set(frame[column])}
    frame[column] = frame[column].map(lambda value: members[value].value if members[value] else value)
    allowed = ", ".join(kind.labels())
    return [
        _message(key, source=source, value=value, allowed=allowed)
        for value in sorted(value for value, member in members.items() if member is None)
    ]


def load_questions(path: str | os.PathLike | None = None) -> pd.DataFrame:
    """The questionnaire (built in, or a CSV with id, pillar, statement), checked, in pillar order.

    A CSV may name a pillar by its label or its id; the table returned holds pillar ids.
    """
    if path is None:
        source = QUESTIONS_FILE
        frame = datafiles.worded(source, on="id")
    else:
        frame, source = read_table(path, QUESTIONS_FILE)
    problems = shape_problems(frame, source, ("id", "pillar", "statement"))
    if not problems:
        for value in sorted(set(frame.loc[frame["id"].duplicated(), "id"])):
            problems.append(_message("duplicate_id", source=source, value=value))
        problems += _parsed(frame, "pillar", Pillar, source, "unknown_pillar")
        for pillar in Pillar:
            if pillar not in set(frame["pillar"]):
                problems.append(_message("empty_pillar", source=source, value=pillar.label))
    if problems:
        raise MaturityError(problems)
    order = {pillar: i for i, pillar in enumerate(Pillar)}
    frame = frame.assign(_order=frame["pillar"].map(order))
    return frame.sort_values("_order", kind="stable").drop(columns="_order").reset_index(drop=True)


def load_moves(path: str | os.PathLike | None = None) -> pd.DataFrame:
    """The table of moves (built in, or a CSV with pillar, level, move): exactly one per pillar and level.

    A CSV may name pillars and levels by their labels or their ids; the table returned holds ids.
    """
    if path is None:
        source = MOVES_FILE
        frame = datafiles.table(datafiles.localized(source))
    else:
        frame, source = read_table(path, MOVES_FILE)
    problems = shape_problems(frame, source, ("pillar", "level", "move"))
    if not problems:
        problems += _parsed(frame, "pillar", Pillar, source, "unknown_pillar")
        problems += _parsed(frame, "level", Level, source, "unknown_level")
        counts = frame.groupby(["pillar", "level"]).size()
        for pillar in Pillar:
            for level in Level:
                count = int(counts.get((pillar.value, level.value), 0))
                if count != 1:
                    key = "move_missing" if count == 0 else "move_twice"
                    problems.append(_message(key, source=source, pillar=pillar.label, level=level.label))
    if problems:
        raise MaturityError(problems)
    return frame.reset_index(drop=True)


def _level_of(score: float) -> Level:
    """The level of a score from 1 to 5: the score rounded down (a small tolerance for float sums)."""
    return LEVELS[min(max(math.floor(score + 1e-9), 1), len(LEVELS)) - 1]


def overall_level(pillar_scores: Mapping[str, float]) -> Level:
    """The course's rule: mean score rounded down, at most one level above the weakest pillar."""
    if not pillar_scores:
        raise MaturityError([_message("no_scores")])
    mean = sum(pillar_scores.values()) / len(pillar_scores)
    weakest = min(pillar_scores.values())
    return LEVELS[min(LEVELS.index(_level_of(mean)), LEVELS.index(_level_of(weakest)) + 1)]


def _check_answers(answers: object, ids: list[str]) -> list[str]:
    if not isinstance(answers, Mapping):
        return [_message("not_mapping")]
    problems = []
    for key in answers:
        if key not in ids:
            problems.append(_message("unknown_id", id=key, ids=", ".join(ids)))
    for qid in ids:
        if qid not in answers or answers[qid] is None or answers[qid] is Ellipsis:
            problems.append(_message("no_answer", id=qid))
            continue
        value = answers[qid]
        if not is_number(value, finite=False):
            problems.append(_message("not_number", id=qid, value=value))
        elif value != int(value) or not 1 <= value <= 5:
            problems.append(_message("out_of_range", id=qid, value=value))
    return problems


def assess(
    answers: Mapping[str, int],
    questions: pd.DataFrame | None = None,
    moves: pd.DataFrame | None = None,
) -> MaturityResult:
    """Score answers (statement id -> 1..5): pillar scores, overall level, weakest pillars, next three moves."""
    questions = load_questions() if questions is None else questions
    moves = load_moves() if moves is None else moves
    ids = list(questions["id"])
    problems = _check_answers(answers, ids)
    if problems:
        raise MaturityError(problems)
    scored = questions.assign(answer=[float(answers[qid]) for qid in ids])
    means = scored.groupby("pillar", sort=False)["answer"].mean()
    scores = {pillar: round(float(means[pillar]), 4) for pillar in Pillar}
    lowest = min(scores.values())
    ranked = sorted(Pillar, key=lambda pillar: scores[pillar])  # stable: ties in questionnaire order
    table = moves.set_index(["pillar", "level"])["move"]
    chosen = []
    for pillar in ranked[:MOVES_SHOWN]:
        level = _level_of(scores[pillar])
        chosen.append(Move(pillar.label, level.label, str(table[(pillar.value, level.value)]), pillar, level))
    level = overall_level(scores)
    return MaturityResult(
        pillar_scores={pillar.label: score for pillar, score in scores.items()},
        overall_score=round(sum(scores.values()) / len(scores), 4),
        level=level.label,
        weakest=tuple(pillar.label for pillar in Pillar if math.isclose(scores[pillar], lowest)),
        moves=tuple(chosen),
        scores=scores,
        level_id=level,
    )
