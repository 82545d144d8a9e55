"""The case-study company, as the lessons, tools, checks and tests use it: one object, read from data.

The course follows one company, Alvera Group SE: ``load("alvera")``. Part of its data has long had files
and readers of its own in ``caiokit/data``: the company (``company.json``, its words in ``<lang>/company.json``,
:func:`caiokit.strategy.load_company`), its use-case catalog (``catalog.csv``, :func:`caiokit.catalog.load_catalog`), its staff by literacy audience
(``alvera_audiences.csv``, :func:`caiokit.literacy.alvera_audiences`) and a sample roadmap
(``sample_plan.csv``, :func:`caiokit.teams.load_sample_plan`). The rest is in ``caiokit/data/case_study/alvera/``:

- ``maturity_answers.csv``: lesson 02's self-assessment, one row per statement id with its answer (1 to 5);
- ``stakeholders.csv``: lesson 07's stakeholders of the first AI rollout, with an id, the name shown,
  influence and interest (1 to 5) and stance (-2 to +2);
- ``first_users_adkar.csv``: lesson 07's customer-service agents before the assistant's pilot, their ADKAR
  score (1 to 5) per element;
- ``benefit_actuals.csv``: lesson 14's actuals of the sample roadmap's use cases, one row per use case and
  quarter from 2027-Q1 to 2028-Q2: ``id``, ``quarter``, then the benefit, running cost and build cost that came
  in (``benefit_eur``, ``run_cost_eur``, ``build_cost_eur``, EUR in the quarter); the plan they are compared
  with is computed by :func:`caiokit.benefits.planned_benefits`;
- ``kpi_tree.csv``: lesson 14's KPI tree for objective O1, one row per node: ``id``, ``parent`` (empty for the
  objective), ``kind`` (a :class:`caiokit.kpi_tree.NodeKind` id), ``unit``, ``target`` and the use case it
  measures, if any; its names and owners are in ``caiokit/data/<lang>/case_study/alvera/kpi_tree.csv``;
- ``incidents.csv``: lesson 14's AI incidents of 2027-2028 as the board hears of them: ``id``, ``quarter``,
  ``use_case``, ``kind`` and ``severity`` (ids of :class:`caiokit.board.IncidentKind` and ``Severity``);
- ``data_sources.csv``: lesson 12's data sources (``DS01``...), whether each holds personal data (0 or 1) and
  its measured share (0 to 1) on each quality dimension; their names, owners and stewards are words, in
  ``caiokit/data/<lang>/data_sources.csv`` (read by :func:`caiokit.data_readiness.data_sources`);
- ``use_case_sources.csv``: lesson 12's needs, one row per use case and data source it needs;
- ``impact_profiles.csv``: lesson 12's DPIA and FRIA cases, per use case whether it processes personal data,
  whether that processing is likely high-risk and whether Alvera is a deployer Art. 27 of the AI Act names
  (0 or 1).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

import pandas as pd

from caiokit.benefits import ACTUAL_COLUMNS, AMOUNTS
from caiokit.catalog import load_catalog
from caiokit.datafiles import read_table, shape_problems
from caiokit.errors import CaioKitError, ProblemsError
from caiokit.kpi_tree import load_kpi_tree
from caiokit.literacy import alvera_audiences
from caiokit.strategy import load_company
from caiokit.teams import load_sample_plan

CASE_STUDIES = ("alvera",)

_MESSAGES = {
    "unknown": "{name!r} is not a case study of the course; the case studies are: {known}",
    "not_whole": "{source}: row {row} has {value!r} in column '{column}', where a whole number belongs",
}


class CaseStudyError(CaioKitError):
    """A case study is unknown, or one of its data files is malformed; the message says which and where."""


class CaseStudyDataError(CaseStudyError, ProblemsError):
    """One of a case study's data files is malformed; ``problems`` lists every issue found."""


@dataclass(frozen=True, eq=False)
class CaseStudy:
    """Everything the lessons know about one company, from its description to its people's answers."""

    name: str
    company: dict[str, Any]
    catalog: pd.DataFrame
    audiences: pd.DataFrame
    sample_plan: pd.DataFrame
    maturity_answers: dict[str, int]
    stakeholders: pd.DataFrame
    first_users_adkar: dict[str, int]
    benefit_actuals: pd.DataFrame
    kpi_tree: pd.DataFrame
    incidents: pd.DataFrame


def load(name: str) -> CaseStudy:
    """The case study of that name (see ``CASE_STUDIES``), read afresh from the package's data."""
    if name not in CASE_STUDIES:
        raise CaseStudyError(_MESSAGES["unknown"].format(name=name, known=", ".join(CASE_STUDIES)))
    answers = _table(name, "maturity_answers.csv", ("statement", "answer"), ("answer",))
    adkar = _table(name, "first_users_adkar.csv", ("element", "score"), ("score",))
    return CaseStudy(
        name=name,
        company=load_company(),
        catalog=load_catalog(),
        audiences=alvera_audiences(),
        sample_plan=load_sample_plan(),
        maturity_answers=dict(zip(answers["statement"], answers["answer"], strict=True)),
        stakeholders=_table(
            name,
            "stakeholders.csv",
            ("id", "name", "influence", "interest", "stance"),
            ("influence", "interest", "stance"),
        ),
        first_users_adkar=dict(zip(adkar["element"], adkar["score"], strict=True)),
        benefit_actuals=_table(name, "benefit_actuals.csv", ACTUAL_COLUMNS, AMOUNTS).astype(
            dict.fromkeys(AMOUNTS, float)
        ),
        kpi_tree=load_kpi_tree(),
        incidents=_table(name, "incidents.csv", ("id", "quarter", "use_case", "kind", "severity"), ()),
    )


def _table(name: str, file: str, columns: tuple[str, ...], whole: tuple[str, ...]) -> pd.DataFrame:
    """One file of the case study's folder: the columns given, in that order, ``whole`` ones as integers."""
    frame, source = read_table(None, f"case_study/{name}/{file}")
    problems = shape_problems(frame, source, columns)
    for column in whole if not problems else ():
        problems += [
            _MESSAGES["not_whole"].format(source=source, row=row, value=value, column=column)
            for row, value in enumerate(frame[column], start=2)
            if not re.fullmatch(r"\s*[-+]?\d+\s*", value)
        ]
    if problems:
        raise CaseStudyDataError(source, problems)
    return frame[list(columns)].astype(dict.fromkeys(whole, int))
