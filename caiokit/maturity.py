"""AI maturity self-assessment on the six pillars and five levels of the MITRE AI Maturity Model.

The questionnaire (``data/maturity_questions.csv``) holds one or two statements per pillar; each is
answered on a 1-5 scale whose steps echo MITRE's five level names (see ``SCALE``). How answers become a
level is **the course's own simplification**, not MITRE's scoring method:

1. a pillar's score is the mean of its statements' answers, and its level is that score rounded down;
2. the overall score is the mean of the six pillar scores (each pillar weighs the same);
3. the overall level is the overall score rounded down, but never more than one level above the weakest
   pillar's level: a strong platform does not make up for missing guardrails.

The next three moves are read from ``data/maturity_moves.csv`` (one move per pillar and level): one move for
each of the three lowest-scoring pillars (ties in questionnaire order), the move that lifts that pillar from
its current level to the next.
"""

from __future__ import annotations

import math
import os
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

import pandas as pd

from caiokit.datafiles import read_table, shape_problems
from caiokit.errors import ProblemsError
from caiokit.reports import markdown
from caiokit.validation import is_number

PILLARS = (
    "Ethical, equitable and responsible use",
    "Strategy and resources",
    "Organization",
    "Technology enablers",
    "Data",
    "Performance and application",
)
LEVELS = ("Initial", "Adopted", "Defined", "Managed", "Optimized")
SCALE = {
    1: "Not at all",
    2: "In places, here and there",
    3: "Yes: written down and common practice",
    4: "Yes, and measured across the company",
    5: "Yes, measured and improved continuously",
}
MOVES_SHOWN = 3

_MESSAGES = {
    "duplicate_id": "{source}: statement id {value!r} appears more than once",
    "unknown_pillar": "{source}: pillar {value!r} is not one of MITRE's six: {allowed}",
    "empty_pillar": "{source}: pillar {value!r} has no statement",
    "unknown_level": "{source}: level {value!r} is not one of {allowed}",
    "move_missing": "{source}: no move for pillar {pillar!r} at level {level!r}",
    "move_twice": "{source}: more than one move for pillar {pillar!r} at level {level!r}",
    "not_mapping": "answers should be a dict mapping each statement id (e.g. 'STR1') to a number from 1 to 5",
    "no_answer": "statement {id} has no answer: give it a whole number from 1 to 5",
    "unknown_id": "{id!r} is not a statement id; the ids are {ids}",
    "not_number": "the answer to {id} is {value!r}: it should be a whole number from 1 to 5",
    "out_of_range": "the answer to {id} is {value}: it should be a whole number from 1 to 5",
}


class MaturityError(ProblemsError):
    """Answers or questionnaire data that cannot be assessed; ``problems`` lists every issue found."""

    headline = "{count} problem(s) with {what}"

    def __init__(self, problems: Iterable[str]):
        super().__init__("the maturity assessment", problems)


@dataclass(frozen=True)
class Move:
    """A recommended next step for one pillar, from its current level to the next."""

    pillar: str
    level: str
    text: str


@dataclass(frozen=True)
class MaturityResult:
    """The outcome of a self-assessment: scores, overall level, weakest pillars and next moves."""

    pillar_scores: dict[str, float]
    overall_score: float
    level: str
    weakest: tuple[str, ...]
    moves: tuple[Move, ...]

    @property
    def level_number(self) -> int:
        """The overall level as a number, 1 (Initial) to 5 (Optimized)."""
        return LEVELS.index(self.level) + 1

    @property
    def pillar_levels(self) -> dict[str, str]:
        """Each pillar's level name (its score rounded down)."""
        return {pillar: LEVELS[_level_index(score)] for pillar, score in self.pillar_scores.items()}

    def to_markdown(self) -> str:
        """A short report: level, scores per pillar, next moves."""
        rows = [
            (pillar, f"{score:.1f}", self.pillar_levels[pillar])
            for pillar, score in self.pillar_scores.items()
        ]
        moves = "\n".join(f"{i}. **{m.pillar}**: {m.text}" for i, m in enumerate(self.moves, start=1))
        return (
            f"**Overall level: {self.level}** (score {self.overall_score:.2f} of 5). "
            f"Weakest: {', '.join(self.weakest)}.\n\n"
            + markdown.table(("Pillar", "Score", "Level"), rows)
            + f"\n\n**Next moves**\n\n{moves}"
        )

    def _repr_markdown_(self) -> str:
        return self.to_markdown()


def load_questions(path: str | os.PathLike | None = None) -> pd.DataFrame:
    """The questionnaire (built in, or a CSV with id, pillar, statement), checked, in pillar order."""
    frame, source = read_table(path, "maturity_questions.csv")
    problems = shape_problems(frame, source, ("id", "pillar", "statement"))
    if not problems:
        for value in sorted(set(frame.loc[frame["id"].duplicated(), "id"])):
            problems.append(_MESSAGES["duplicate_id"].format(source=source, value=value))
        for value in sorted(set(frame["pillar"]) - set(PILLARS)):
            problems.append(
                _MESSAGES["unknown_pillar"].format(source=source, value=value, allowed=", ".join(PILLARS))
            )
        for value in PILLARS:
            if value not in set(frame["pillar"]):
                problems.append(_MESSAGES["empty_pillar"].format(source=source, value=value))
    if problems:
        raise MaturityError(problems)
    order = {pillar: i for i, pillar in enumerate(PILLARS)}
    frame = frame.assign(_order=frame["pillar"].map(order))
    return frame.sort_values("_order", kind="stable").drop(columns="_order").reset_index(drop=True)


def load_moves(path: str | os.PathLike | None = None) -> pd.DataFrame:
    """The table of moves (built in, or a CSV with pillar, level, move): exactly one per pillar and level."""
    frame, source = read_table(path, "maturity_moves.csv")
    problems = shape_problems(frame, source, ("pillar", "level", "move"))
    if not problems:
        for value in sorted(set(frame["pillar"]) - set(PILLARS)):
            problems.append(
                _MESSAGES["unknown_pillar"].format(source=source, value=value, allowed=", ".join(PILLARS))
            )
        for value in sorted(set(frame["level"]) - set(LEVELS)):
            problems.append(
                _MESSAGES["unknown_level"].format(source=source, value=value, allowed=", ".join(LEVELS))
            )
        counts = frame.groupby(["pillar", "level"]).size()
        for pillar in PILLARS:
            for level in LEVELS:
                count = int(counts.get((pillar, level), 0))
                if count != 1:
                    key = "move_missing" if count == 0 else "move_twice"
                    problems.append(_MESSAGES[key].format(source=source, pillar=pillar, level=level))
    if problems:
        raise MaturityError(problems)
    return frame.reset_index(drop=True)


def _level_index(score: float) -> int:
    """0-based level index of a score from 1 to 5: the score rounded down (a small tolerance for float sums)."""
    return min(max(math.floor(score + 1e-9), 1), len(LEVELS)) - 1


def overall_level(pillar_scores: Mapping[str, float]) -> str:
    """The course's rule: mean score rounded down, at most one level above the weakest pillar."""
    if not pillar_scores:
        raise MaturityError(["there are no pillar scores to combine"])
    mean = sum(pillar_scores.values()) / len(pillar_scores)
    weakest = min(pillar_scores.values())
    return LEVELS[min(_level_index(mean), _level_index(weakest) + 1)]


def _check_answers(answers: object, ids: list[str]) -> list[str]:
    if not isinstance(answers, Mapping):
        return [_MESSAGES["not_mapping"]]
    problems = []
    for key in answers:
        if key not in ids:
            problems.append(_MESSAGES["unknown_id"].format(id=key, ids=", ".join(ids)))
    for qid in ids:
        if qid not in answers or answers[qid] is None or answers[qid] is Ellipsis:
            problems.append(_MESSAGES["no_answer"].format(id=qid))
            continue
        value = answers[qid]
        if not is_number(value, finite=False):
            problems.append(_MESSAGES["not_number"].format(id=qid, value=value))
        elif value != int(value) or not 1 <= value <= 5:
            problems.append(_MESSAGES["out_of_range"].format(id=qid, value=value))
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
    pillar_scores = {pillar: round(float(means[pillar]), 4) for pillar in PILLARS}
    overall = sum(pillar_scores.values()) / len(pillar_scores)
    lowest = min(pillar_scores.values())
    ranked = sorted(PILLARS, key=lambda pillar: (pillar_scores[pillar], PILLARS.index(pillar)))
    table = moves.set_index(["pillar", "level"])["move"]
    chosen = []
    for pillar in ranked[:MOVES_SHOWN]:
        level = LEVELS[_level_index(pillar_scores[pillar])]
        chosen.append(Move(pillar, level, str(table[(pillar, level)])))
    return MaturityResult(
        pillar_scores=pillar_scores,
        overall_score=round(overall, 4),
        level=overall_level(pillar_scores),
        weakest=tuple(p for p in PILLARS if math.isclose(pillar_scores[p], lowest)),
        moves=tuple(chosen),
    )
