"""The CAIO competency self-assessment and the development plan it leads to.

The competencies are the seven skills of the course's seed, :class:`Skill` members (an id such as
``skill.tech`` and a label people read). ``data/caio_skills.csv`` gives each skill two or three
self-assessment statements, rated from 1 to 5 (see ``SCALE``), worded in ``data/<lang>/caio_skills.csv``.
``data/development_actions.csv`` holds a few practical actions per skill, each with the lesson to revisit and
its effort in hours, worded in ``data/<lang>/development_actions.csv`` (joined on skill id and step). How
ratings become a profile and a plan is **the course's own convention**:

1. a skill's score is the mean of its statements' ratings;
2. its strengths are the skills scoring at least the target (4 by default), best first, at most three;
3. its gaps are the skills scoring below the target, lowest first, at most three (ties in table order);
4. the plan takes the actions of every gap, round-robin (the first action of each gap, then the second...),
   so that each gap is worked on from the first weeks, and spreads them evenly over the weeks given.

The plan's Markdown page is written by :mod:`caiokit.reports.skills_plan`.
"""

from __future__ import annotations

import math
import numbers
import os
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

import pandas as pd

from caiokit import datafiles
from caiokit.datafiles import read_table, shape_problems
from caiokit.errors import ProblemsError
from caiokit.i18n import N_, Category, _
from caiokit.reports import markdown
from caiokit.validation import is_number, is_real


class Skill(Category):
    """The seven competencies of a CAIO in the course's seed, in the order the assessment shows them."""

    TECH = "skill.tech", N_("AI technologies")
    STEERING = "skill.steering", N_("Strategy and steering")
    BUSINESS = "skill.business", N_("Business acumen")
    LEADERSHIP = "skill.leadership", N_("Leadership and teaching")
    CURIOSITY = "soft.curiosity", N_("Curiosity")
    EMPATHY = "soft.empathy", N_("Empathy and listening")
    VISION = "soft.vision", N_("Vision and pragmatism")


# The ratings' scale, translated where shown.
SCALE = {
    1: N_("Not true of me yet"),
    2: N_("True now and then"),
    3: N_("True about half the time"),
    4: N_("Usually true"),
    5: N_("Always true, and others would say so"),
}
TARGET = 4.0
MAX_STRENGTHS = 3
MAX_GAPS = 3
MAX_WEEKS = 52
STATEMENTS_PER_SKILL = (2, 3)
PLAN_COLUMNS = ("week", "skill", "action", "lesson", "hours")
SKILLS_FILE = "caio_skills.csv"
ACTIONS_FILE = "development_actions.csv"
_LESSON_ID = re.compile(r"^\d\d_[a-z0-9_]+$")

_MESSAGES = {
    "what": N_("the skills self-assessment"),
    "unknown_skill": N_("{source}: skill id {value!r} is not one of {allowed}"),
    "statement": N_("statement"),
    "action": N_("action"),
    "skill_missing": N_("{source}: skill {value!r} has no {what}"),
    "statement_count": N_("{source}: skill {value!r} has {count} statement(s); give it 2 or 3"),
    "two_names": N_("{source}: skill {value!r} has more than one name: {names}"),
    "duplicate_id": N_("{source}: statement id {value!r} appears more than once"),
    "duplicate_step": N_("{source}: skill {value!r} has step {step} more than once"),
    "bad_step": N_("{source}: row {row}: step {value!r} should be a whole number of 1 or more"),
    "bad_hours": N_("{source}: row {row}: hours {value!r} should be a number above 0"),
    "bad_lesson": N_(
        "{source}: row {row}: lesson {value!r} should be a lesson id such as '07_culture_and_change'"
    ),
    "not_mapping": N_(
        "ratings should be a dict mapping each statement id (e.g. 'lead1') to a whole number from 1 to 5"
    ),
    "no_rating": N_("statement {id} has no rating: give it a whole number from 1 to 5"),
    "unknown_id": N_("{id!r} is not a statement id; the ids are {ids}"),
    "not_number": N_("the rating of {id} is {value!r}: it should be a whole number from 1 to 5"),
    "out_of_range": N_("the rating of {id} is {value}: it should be a whole number from 1 to 5"),
    "bad_target": N_("target is {value!r}: it should be a number from 1 to 5"),
    "bad_weeks": N_("weeks is {value!r}: it should be a whole number from 1 to {most}"),
    "not_result": N_("development_plan needs the SkillsResult returned by assess_skills, not a {kind}"),
    "none": N_("none"),
    "summary": N_(
        "**Strengths** (at least {target}): {strengths}.  \n**Gaps to work on** (below {target}): {gaps}."
    ),
    "header": (N_("Skill"), N_("Score")),
}


def _message(key: str, **values: object) -> str:
    return _(_MESSAGES[key]).format(**values)


class SkillsError(ProblemsError):
    """Ratings, skill data or plan settings that cannot be used; ``problems`` lists every issue found."""

    headline = N_("{count} problems with {what}")

    def __init__(self, problems: Iterable[str]):
        super().__init__(_message("what"), problems)

    def message(self) -> str:
        """A lone problem as it is, several under the headline."""
        return self.problems[0] if len(self.problems) == 1 else super().message()


@dataclass(frozen=True)
class SkillsResult:
    """A self-assessment's outcome: a score per skill, the strengths and the gaps (skill ids)."""

    scores: dict[str, float]
    names: dict[str, str]
    strengths: tuple[str, ...]
    gaps: tuple[str, ...]
    target: float = TARGET

    def named_scores(self) -> dict[str, float]:
        """Scores keyed by skill name, in table order: the axes of a radar chart."""
        return {self.names[skill]: score for skill, score in self.scores.items()}

    def _listed(self, skills: tuple[str, ...]) -> str:
        return ", ".join(f"{self.names[s]} ({self.scores[s]:.1f})" for s in skills) or _message("none")

    def summary(self) -> str:
        """Two lines: the strengths and the gaps, each with its score."""
        return _message(
            "summary",
            target=f"{self.target:g}",
            strengths=self._listed(self.strengths),
            gaps=self._listed(self.gaps),
        )

    def to_markdown(self) -> str:
        """The profile: strengths and gaps, then the score of every skill."""
        rows = [(self.names[skill], f"{score:.1f}") for skill, score in self.scores.items()]
        header = [_(label) for label in _MESSAGES["header"]]
        return f"{self.summary()}\n\n" + markdown.table(header, rows)

    def _repr_markdown_(self) -> str:
        return self.to_markdown()


def _skill_id_problems(frame: pd.DataFrame, source: str, what: str) -> list[str]:
    ids = [skill.value for skill in Skill]
    problems = [
        _message("unknown_skill", source=source, value=value, allowed=", ".join(ids))
        for value in sorted(set(frame["skill_id"]) - set(ids))
    ]
    problems += [
        _message("skill_missing", source=source, value=skill, what=_message(what))
        for skill in ids
        if skill not in set(frame["skill_id"])
    ]
    return problems


def _in_skill_order(frame: pd.DataFrame, *then: str) -> pd.DataFrame:
    order = {skill.value: i for i, skill in enumerate(Skill)}
    ranked = frame.assign(_order=frame["skill_id"].map(order))
    return ranked.sort_values(["_order", *then], kind="stable").drop(columns="_order").reset_index(drop=True)


def load_skills(path: str | os.PathLike | None = None) -> pd.DataFrame:
    """The self-assessment (built in, or a CSV with skill_id, skill, statement_id, statement), checked.

    The built-in one names each skill by its :class:`Skill` label, in the language in use.
    """
    if path is None:
        source = SKILLS_FILE
        frame = datafiles.worded(source, on="statement_id")
        labels = {skill.value: skill.label for skill in Skill}
        frame = frame.assign(skill=frame["skill_id"].map(labels).fillna(""))
        frame = frame[["skill_id", "skill", "statement_id", "statement"]]
    else:
        frame, source = read_table(path, SKILLS_FILE)
    problems = shape_problems(frame, source, ("skill_id", "skill", "statement_id", "statement"))
    if not problems:
        problems += _skill_id_problems(frame, source, "statement")
        for value in sorted(set(frame.loc[frame["statement_id"].duplicated(), "statement_id"])):
            problems.append(_message("duplicate_id", source=source, value=value))
        for skill, group in frame.groupby("skill_id", sort=False):
            low, high = STATEMENTS_PER_SKILL
            if not low <= len(group) <= high:
                problems.append(_message("statement_count", source=source, value=skill, count=len(group)))
            names = sorted(set(group["skill"]))
            if len(names) > 1:
                problems.append(_message("two_names", source=source, value=skill, names=names))
    if problems:
        raise SkillsError(problems)
    return _in_skill_order(frame)


def _positive_whole(text: str) -> int | None:
    return int(text) if text.strip().isdigit() and int(text) >= 1 else None


def _positive_number(text: str) -> float | None:
    try:
        value = float(text)
    except ValueError:
        return None
    return value if math.isfinite(value) and value > 0 else None


def load_actions(path: str | os.PathLike | None = None) -> pd.DataFrame:
    """The development actions (built in, or a CSV with skill_id, step, action, lesson, hours), checked."""
    if path is None:
        source = ACTIONS_FILE
        frame = datafiles.worded(source, on=["skill_id", "step"])[
            ["skill_id", "step", "action", "lesson", "hours"]
        ]
    else:
        frame, source = read_table(path, ACTIONS_FILE)
    problems = shape_problems(frame, source, ("skill_id", "step", "action", "lesson", "hours"))
    if not problems:
        problems += _skill_id_problems(frame, source, "action")
        for i, row in enumerate(frame.itertuples(index=False)):
            if _positive_whole(row.step) is None:
                problems.append(_message("bad_step", source=source, row=i + 2, value=row.step))
            if _positive_number(row.hours) is None:
                problems.append(_message("bad_hours", source=source, row=i + 2, value=row.hours))
            if not _LESSON_ID.match(row.lesson.strip()):
                problems.append(_message("bad_lesson", source=source, row=i + 2, value=row.lesson))
        for row in frame[frame.duplicated(["skill_id", "step"])].itertuples(index=False):
            problems.append(_message("duplicate_step", source=source, value=row.skill_id, step=row.step))
    if problems:
        raise SkillsError(problems)
    frame = frame.assign(
        step=frame["step"].astype(int), hours=frame["hours"].astype(float), lesson=frame["lesson"].str.strip()
    )
    return _in_skill_order(frame, "step")


def _rating_problems(ratings: object, ids: list[str]) -> list[str]:
    if not isinstance(ratings, Mapping):
        return [_message("not_mapping")]
    problems = [_message("unknown_id", id=key, ids=", ".join(ids)) for key in ratings if key not in ids]
    for sid in ids:
        value = ratings.get(sid)
        if value is None or value is Ellipsis:
            problems.append(_message("no_rating", id=sid))
        elif not is_number(value, finite=False):
            problems.append(_message("not_number", id=sid, value=value))
        elif value != int(value) or not 1 <= value <= 5:
            problems.append(_message("out_of_range", id=sid, value=value))
    return problems


def assess_skills(
    ratings: Mapping[str, int], skills: pd.DataFrame | None = None, target: float = TARGET
) -> SkillsResult:
    """Score ratings (statement id -> 1..5): a score per skill, the strengths and the gaps."""
    skills = load_skills() if skills is None else skills
    if not is_real(target) or not 1 <= target <= 5:
        raise SkillsError([_message("bad_target", value=target)])
    ids = list(skills["statement_id"])
    problems = _rating_problems(ratings, ids)
    if problems:
        raise SkillsError(problems)
    rated = skills.assign(rating=[float(ratings[sid]) for sid in ids])
    means = rated.groupby("skill_id", sort=False)["rating"].mean()
    order = list(dict.fromkeys(skills["skill_id"]))
    scores = {skill: round(float(means[skill]), 4) for skill in order}
    names = dict(zip(skills["skill_id"], skills["skill"], strict=True))
    strong = [s for s in order if scores[s] >= target - 1e-9]
    weak = [s for s in order if scores[s] < target - 1e-9]
    return SkillsResult(
        scores=scores,
        names={skill: names[skill] for skill in order},
        strengths=tuple(sorted(strong, key=lambda s: -scores[s])[:MAX_STRENGTHS]),
        gaps=tuple(sorted(weak, key=lambda s: scores[s])[:MAX_GAPS]),
        target=float(target),
    )


def development_plan(
    result: SkillsResult, weeks: int = 12, actions: pd.DataFrame | None = None
) -> pd.DataFrame:
    """The actions for the result's gaps, one per row, with the week to do it, the lesson and the hours."""
    if not isinstance(result, SkillsResult):
        raise SkillsError([_message("not_result", kind=type(result).__name__)])
    if isinstance(weeks, bool) or not isinstance(weeks, numbers.Integral) or not 1 <= weeks <= MAX_WEEKS:
        raise SkillsError([_message("bad_weeks", value=weeks, most=MAX_WEEKS)])
    actions = load_actions() if actions is None else actions
    chosen = actions[actions["skill_id"].isin(result.gaps)].copy()
    chosen["_gap"] = chosen["skill_id"].map({skill: i for i, skill in enumerate(result.gaps)})
    chosen["_round"] = chosen.groupby("skill_id")["step"].rank(method="first")
    chosen = chosen.sort_values(["_round", "_gap"], kind="stable").reset_index(drop=True)
    count = len(chosen)
    return pd.DataFrame(
        {
            "week": pd.Series([i * int(weeks) // count + 1 for i in range(count)], dtype=int),
            "skill": chosen["skill_id"].map(result.names),
            "action": chosen["action"],
            "lesson": chosen["lesson"],
            "hours": chosen["hours"].astype(float),
        },
        columns=list(PLAN_COLUMNS),
    )
