"""Data readiness of a use-case portfolio: data sources, their quality against an SLA, what the data blocks.

A *data source* (a CRM, a ledger, factory sensor logs) has an owner and a steward and is measured on six
quality *dimensions* (:class:`Dimension`), each a share from 0 to 1 (0.95: 95% of records pass that
dimension's test). The *quality SLA* is the agreed minimum per dimension (``caiokit/data/quality_sla.csv``);
a source *breaches* a dimension when its measured share is below the agreed one, and it is *fit* when it
breaches none. A use case is *ready* when every source it needs is fit (one needing no registered source
is ready), and *blocked* otherwise, by the sources that breach.

Fixing a source means bringing it up to the SLA: :func:`fix_unlocks` tells which blocked use cases become
ready and what they are worth, with the catalog's own cost and benefit figures through
:func:`caiokit.finance.portfolio_finance` (NPV at the course's discount rate). Prohibited use cases are
never counted as unlocked value: no data fix makes them lawful.

:func:`impact_assessments` applies the course's reading of when GDPR's DPIA (Art. 35) and the AI Act's FRIA
(Art. 27) are due. Alvera's sources, what each use case needs and the impact profiles of a few use cases are
in ``caiokit/data/case_study/alvera/`` (``data_sources.csv``, ``use_case_sources.csv``,
``impact_profiles.csv``); the sources' names, owners and stewards are words, in
``caiokit/data/<lang>/data_sources.csv``.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

import pandas as pd

from caiokit import datafiles
from caiokit.aiact import Tier
from caiokit.errors import ProblemsError
from caiokit.finance import TOTAL_ID, portfolio_finance
from caiokit.i18n import N_, Category, _
from caiokit.validation import is_number


class Dimension(Category):
    """A data-quality dimension; its id is what data files hold, its label what a person reads."""

    COMPLETENESS = "completeness", N_("completeness")
    ACCURACY = "accuracy", N_("accuracy")
    TIMELINESS = "timeliness", N_("timeliness")
    CONSISTENCY = "consistency", N_("consistency")
    VALIDITY = "validity", N_("validity")
    UNIQUENESS = "uniqueness", N_("uniqueness")


class Assessment(Category):
    """Which impact assessments a use case needs before it goes live."""

    NEITHER = "neither", N_("neither")
    DPIA = "DPIA", N_("DPIA only")
    FRIA = "FRIA", N_("FRIA only")
    BOTH = "both", N_("DPIA and FRIA")


DIMENSIONS = tuple(Dimension)
ASSESSMENTS = tuple(Assessment)
_CASE = "case_study/alvera/"


class DataReadinessError(ProblemsError):
    """Quality scores, an SLA or a list of needs cannot be used; the message lists every problem."""


def quality_sla() -> pd.Series:
    """The agreed minimum share per dimension (the course's SLA), indexed by :class:`Dimension`."""
    sla = datafiles.table("quality_sla.csv", text=False)
    return pd.Series(sla["agreed"].to_numpy(dtype=float), index=[Dimension(d) for d in sla["dimension"]])


def data_sources() -> pd.DataFrame:
    """Alvera's data sources, indexed by id: name, owner, steward, description, personal data, six scores."""
    numbers = datafiles.table(_CASE + "data_sources.csv", text=False)
    words = datafiles.table(datafiles.localized("data_sources.csv"))
    sources = words.merge(numbers, on="source", how="left", validate="one_to_one", sort=False)
    return sources.assign(personal_data=sources["personal_data"].astype(bool)).set_index("source")


def use_case_sources() -> dict[str, tuple[str, ...]]:
    """Each use case of Alvera's catalog and the source ids it needs (use cases needing none are absent)."""
    needs = datafiles.table(_CASE + "use_case_sources.csv")
    return {use_case: tuple(group["source"]) for use_case, group in needs.groupby("use_case", sort=False)}


def impact_profiles() -> pd.DataFrame:
    """A few Alvera use cases, indexed by id: personal data, high-risk processing, FRIA deployer (booleans)."""
    profiles = datafiles.table(_CASE + "impact_profiles.csv", text=False)
    return profiles.set_index("use_case").astype(bool)


def _check_scores(sources: pd.DataFrame, sla: Mapping[Dimension, float]) -> None:
    problems = []
    for dimension in DIMENSIONS:
        agreed = sla.get(dimension)
        if not is_number(agreed) or not 0 <= agreed <= 1:
            problems.append(
                _("the SLA for {dimension} must be a share from 0 to 1, not {value!r}").format(
                    dimension=dimension.label, value=agreed
                )
            )
        if dimension not in sources.columns:
            problems.append(_("the sources have no {dimension} column").format(dimension=dimension.label))
            continue
        for source, value in sources[dimension].items():
            if not is_number(value) or not 0 <= value <= 1:
                problems.append(
                    _("{source}: {dimension} must be a share from 0 to 1, not {value!r}").format(
                        source=source, dimension=dimension.label, value=value
                    )
                )
    if problems:
        raise DataReadinessError(_("the quality scores and the SLA"), problems)


def breaches(sources: pd.DataFrame, sla: Mapping[Dimension, float] | None = None) -> pd.DataFrame:
    """True where a source's measured share is below the agreed one: one row per source, one column per dimension."""
    sla = quality_sla() if sla is None else sla
    _check_scores(sources, sla)
    return pd.DataFrame({d: sources[d].astype(float) < sla[d] for d in DIMENSIONS}, index=sources.index)


def breached_dimensions(
    source: str, sources: pd.DataFrame, sla: Mapping[Dimension, float] | None = None
) -> tuple[Dimension, ...]:
    """The dimensions on which one source breaches the SLA, in the dimensions' order."""
    if source not in sources.index:
        raise DataReadinessError(
            _("the source"),
            [
                _("{source} is not a data source; the sources are {known}").format(
                    source=repr(source), known=", ".join(sources.index)
                )
            ],
        )
    row = breaches(sources, sla).loc[source]
    return tuple(d for d in DIMENSIONS if row[d])


def unfit_sources(
    sources: pd.DataFrame, sla: Mapping[Dimension, float] | None = None, fixed: Iterable[str] = ()
) -> frozenset[str]:
    """The sources that breach at least one dimension, leaving out those in ``fixed`` (taken as brought to SLA)."""
    fixed = set(fixed)
    unknown = sorted(fixed - set(sources.index))
    if unknown:
        raise DataReadinessError(
            _("the sources to fix"), [_("not data sources: {ids}").format(ids=", ".join(map(str, unknown)))]
        )
    table = breaches(sources, sla)
    return frozenset(source for source in table.index[table.any(axis=1)] if source not in fixed)


def readiness(
    catalog: pd.DataFrame,
    needs: Mapping[str, Iterable[str]],
    sources: pd.DataFrame,
    sla: Mapping[Dimension, float] | None = None,
    fixed: Iterable[str] = (),
) -> pd.DataFrame:
    """One row per catalog use case: the sources it needs, those that block it, ready or not, tier, benefit."""
    unknown = sorted({s for ids in needs.values() for s in ids} - set(sources.index))
    outside = sorted(set(needs) - set(catalog["id"]))
    problems = (
        [_("unknown data sources in the needs: {ids}").format(ids=", ".join(unknown))] if unknown else []
    )
    if outside:
        problems.append(_("use cases not in the catalog: {ids}").format(ids=", ".join(outside)))
    if problems:
        raise DataReadinessError(_("the data needs"), problems)
    unfit = unfit_sources(sources, sla, fixed)
    rows = []
    for item in catalog.itertuples(index=False):
        needed = tuple(needs.get(item.id, ()))
        blocking = tuple(s for s in needed if s in unfit)
        rows.append(
            {
                "id": item.id,
                "name": item.name,
                "sources": needed,
                "blocking": blocking,
                "ready": not blocking,
                "ai_act_tier": Tier(item.ai_act_tier),
                "benefit_yearly_eur": float(item.benefit_yearly_eur),
            }
        )
    return pd.DataFrame(rows).set_index("id")


def blocked_use_cases(table: pd.DataFrame) -> tuple[str, ...]:
    """The ids of the use cases a readiness table shows as blocked by their data, in catalog order."""
    return tuple(table.index[~table["ready"]])


def fix_unlocks(
    source: str | Iterable[str],
    catalog: pd.DataFrame,
    needs: Mapping[str, Iterable[str]],
    sources: pd.DataFrame,
    sla: Mapping[Dimension, float] | None = None,
) -> dict:
    """What bringing one source (or several) to the SLA unlocks: use cases, yearly benefit and NPV.

    Only use cases that are blocked now and ready after the fix count, and never prohibited ones.
    """
    fixed = (source,) if isinstance(source, str) else tuple(source)
    before = readiness(catalog, needs, sources, sla)
    after = readiness(catalog, needs, sources, sla, fixed=fixed)
    unlocked = tuple(
        use_case
        for use_case in before.index
        if not before.at[use_case, "ready"]
        and after.at[use_case, "ready"]
        and before.at[use_case, "ai_act_tier"] != Tier.PROHIBITED
    )
    npv = 0.0
    if unlocked:
        finance = portfolio_finance(catalog, unlocked)
        npv = float(finance.loc[finance["id"] == TOTAL_ID, "npv_eur"].iloc[0])
    return {
        "fixed": fixed,
        "unlocked": unlocked,
        "benefit_yearly_eur": float(before.loc[list(unlocked), "benefit_yearly_eur"].sum()),
        "npv_eur": npv,
    }


def fix_ranking(
    catalog: pd.DataFrame,
    needs: Mapping[str, Iterable[str]],
    sources: pd.DataFrame,
    sla: Mapping[Dimension, float] | None = None,
) -> pd.DataFrame:
    """Every unfit source, the use cases it blocks and what fixing it alone unlocks, most NPV first."""
    table = readiness(catalog, needs, sources, sla)
    rows = []
    for source in sorted(unfit_sources(sources, sla)):
        gain = fix_unlocks(source, catalog, needs, sources, sla)
        rows.append(
            {
                "source": source,
                "name": sources.at[source, "name"] if "name" in sources.columns else source,
                "breaches": breached_dimensions(source, sources, sla),
                "blocks": tuple(uc for uc in table.index if source in table.at[uc, "blocking"]),
                "unlocks": gain["unlocked"],
                "benefit_yearly_eur": gain["benefit_yearly_eur"],
                "npv_eur": gain["npv_eur"],
            }
        )
    ranking = pd.DataFrame(rows)
    if ranking.empty:
        return ranking
    return ranking.sort_values(["npv_eur", "source"], ascending=[False, True], kind="stable").set_index(
        "source"
    )


def best_fix(
    catalog: pd.DataFrame,
    needs: Mapping[str, Iterable[str]],
    sources: pd.DataFrame,
    sla: Mapping[Dimension, float] | None = None,
) -> str | None:
    """The single source whose fix unlocks the most NPV (None when no source breaches the SLA)."""
    ranking = fix_ranking(catalog, needs, sources, sla)
    return None if ranking.empty else str(ranking.index[0])


def impact_assessments(
    personal_data: bool, high_risk_processing: bool, tier: str, fria_deployer: bool
) -> Assessment:
    """Which of a DPIA (GDPR Art. 35) and a FRIA (AI Act Art. 27) a use case needs, in the course's reading.

    A DPIA when personal data are processed in a way likely to result in a high risk to people (profiling
    or automated decisions with significant effects, sensitive data on a large scale, systematic
    monitoring). A FRIA when the system is high-risk and its deployer is one Art. 27 names: a public body,
    a private entity providing public services, or a deployer of credit scoring of people or of pricing
    life and health insurance.
    """
    flags = {"personal_data": personal_data, "high_risk_processing": high_risk_processing}
    flags["fria_deployer"] = fria_deployer
    problems = [
        _("{name} must be True or False, not {value!r}").format(name=name, value=value)
        for name, value in flags.items()
        if not isinstance(value, bool)
    ]
    parsed = Tier.parse(tier)
    if parsed is None:
        problems.append(
            _("{tier!r} is not a risk tier; use one of {tiers}").format(tier=tier, tiers=", ".join(Tier))
        )
    if problems:
        raise DataReadinessError(_("the impact profile"), problems)
    dpia = personal_data and high_risk_processing
    fria = parsed == Tier.HIGH and fria_deployer
    if dpia and fria:
        return Assessment.BOTH
    if dpia:
        return Assessment.DPIA
    return Assessment.FRIA if fria else Assessment.NEITHER


def alvera_assessments(catalog: pd.DataFrame) -> dict[str, Assessment]:
    """The assessments each use case of ``impact_profiles()`` needs, with its tier from the catalog."""
    tiers = catalog.set_index("id")["ai_act_tier"]
    return {
        use_case: impact_assessments(
            bool(row.personal_data), bool(row.high_risk_processing), tiers[use_case], bool(row.fria_deployer)
        )
        for use_case, row in impact_profiles().iterrows()
    }
