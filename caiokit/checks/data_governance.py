"""Exercises of 12_data_strategy_and_governance: blocked use cases, the best fix, quality breaches, DPIA and FRIA."""

from caiokit.catalog import load_catalog
from caiokit.data_readiness import (
    ASSESSMENTS,
    DIMENSIONS,
    alvera_assessments,
    best_fix,
    blocked_use_cases,
    breached_dimensions,
    data_sources,
    fix_ranking,
    fix_unlocks,
    readiness,
    use_case_sources,
)
from caiokit.exercises import ChoiceExercise, MappingExercise, NumberExercise, SetExercise
from caiokit.i18n import N_, format_eur, lazy

LESSON = "12_data_strategy_and_governance"

_CATALOG = load_catalog()
_SOURCES = data_sources()
_NEEDS = use_case_sources()
_READINESS = readiness(_CATALOG, _NEEDS, _SOURCES)
_RANKING = fix_ranking(_CATALOG, _NEEDS, _SOURCES)

# q1: which dimensions does the factory sensor data breach?
SENSOR_SOURCE = "DS07"
_SENSOR_BREACHES = breached_dimensions(SENSOR_SOURCE, _SOURCES)
q1 = SetExercise(
    LESSON,
    "q1",
    "sensor_breaches",
    options=tuple(dimension.value for dimension in DIMENSIONS),
    correct=tuple(dimension.value for dimension in _SENSOR_BREACHES),
    hints=[
        N_("Compare each of the source's six measured shares with the agreed one in `quality_sla()`."),
        N_("A share equal to the agreed minimum meets the SLA; only a share below it is a breach."),
    ],
    solution=lazy(
        '`sensor_breaches = {answer}`: `breached_dimensions("DS07", sources)`. Missing readings (gaps when '
        "a sensor drops out) and late loads are the two classic faults of machine data.",
        answer=repr([dimension.value for dimension in _SENSOR_BREACHES]),
    ),
)

# q2: which of eight use cases does the data block today?
BLOCK_OPTIONS = ("UC01", "UC02", "UC09", "UC17", "UC22", "UC28", "UC32", "UC34")
_BLOCKED = tuple(uc for uc in blocked_use_cases(_READINESS) if uc in BLOCK_OPTIONS)


def _needs_text(use_case: str) -> str:
    return ", ".join(_READINESS.at[use_case, "sources"])


q2 = SetExercise(
    LESSON,
    "q2",
    "blocked",
    options=BLOCK_OPTIONS,
    correct=_BLOCKED,
    explanations={
        use_case: lazy(
            "{id} needs {sources}, and every one of them meets the SLA.",
            id=use_case,
            sources=_needs_text(use_case),
        )
        for use_case in BLOCK_OPTIONS
        if use_case not in _BLOCKED
    },
    hints=[
        N_(
            "A use case is blocked when at least one source it needs breaches the SLA on at least one dimension. "
            "Look up each use case's `sources` in the readiness table, then each source's breaches."
        ),
        N_(
            "`readiness(catalog, needs, sources)` has a `ready` column: the blocked ones are those where it is False."
        ),
    ],
    solution=lazy(
        '`blocked = {answer}`: `[uc for uc in BLOCK_OPTIONS if not table.at[uc, "ready"]]`. A single weak '
        "source is enough to block a use case, however good the others are.",
        answer=repr(list(_BLOCKED)),
    ),
)

# q3: which single fix unlocks the most value?
_BEST = best_fix(_CATALOG, _NEEDS, _SOURCES)
_MOST_BLOCKING = max(_RANKING.index, key=lambda s: (len(_RANKING.at[s, "blocks"]), s))


def _gain(source: str) -> str:
    return format_eur(_RANKING.at[source, "npv_eur"])


q3 = ChoiceExercise(
    LESSON,
    "q3",
    "best_fix",
    options=tuple(_RANKING.index),
    correct=_BEST,
    explanations={
        source: lazy(
            "Fixing {source} alone unlocks only {count} of the blocked use cases, worth {npv} of NPV: less than {best}.",
            source=source,
            count=len(_RANKING.at[source, "unlocks"]),
            npv=lambda source=source: _gain(source),
            best=_BEST,
        )
        for source in _RANKING.index
        if source != _BEST
    },
    hints=[
        N_(
            "Blocking many use cases is not the same as unlocking them: a use case that also needs a second weak "
            "source stays blocked when you fix only the first."
        ),
        N_(
            "`fix_unlocks(source, catalog, needs, sources)` gives the unlocked use cases and their NPV; compare them."
        ),
    ],
    solution=lazy(
        '`best_fix = "{best}"`: fixing it unlocks {count} use cases worth {npv} of NPV over three years. '
        "{most} blocks more use cases ({most_count} against {best_count}), but several of them need another weak "
        "source as well.",
        best=_BEST,
        count=len(_RANKING.at[_BEST, "unlocks"]),
        npv=lambda: _gain(_BEST),
        most=_MOST_BLOCKING,
        most_count=len(_RANKING.at[_MOST_BLOCKING, "blocks"]),
        best_count=len(_RANKING.at[_BEST, "blocks"]),
    ),
)

# q4: the value of fixing two sources together.
PAIR = ("DS04", "DS08")
_PAIR = fix_unlocks(PAIR, _CATALOG, _NEEDS, _SOURCES)
q4 = NumberExercise(
    LESSON,
    "q4",
    "pair_npv",
    expected=_PAIR["npv_eur"],
    rel_tol=0.01,
    unit=" EUR",
    hints=[
        N_("`fix_unlocks` accepts a list of sources: they are all taken as brought up to the SLA."),
        lazy(
            "Fixing both unlocks {ids}; read the `npv_eur` of the result.", ids=", ".join(_PAIR["unlocked"])
        ),
    ],
    solution=lazy(
        '{npv}: `fix_unlocks(["DS04", "DS08"], catalog, needs, sources)["npv_eur"]`. The web-shop data alone '
        "unlocks nothing, yet with the sales history it adds a use case that neither fix unlocks alone.",
        npv=lambda: format_eur(_PAIR["npv_eur"]),
    ),
)

# q5: DPIA, FRIA, both or neither?
_ASSESSMENTS = alvera_assessments(_CATALOG)
q5 = MappingExercise(
    LESSON,
    "q5",
    "assessments",
    correct=_ASSESSMENTS,
    categories=ASSESSMENTS,
    hints=[
        N_(
            "Two separate questions: does the processing of personal data risk harming people (DPIA, GDPR)? Is "
            "the system high-risk and is Alvera one of the deployers Art. 27 of the AI Act names (FRIA)?"
        ),
        N_(
            "A private company needs a FRIA only for credit scoring of people or for pricing life and health "
            "insurance; credit limits for retail partners concern companies, not people."
        ),
    ],
    solution=N_(
        "UC18 (instant credit check): both, it profiles consumers and is credit scoring under Annex III. UC21 "
        "(credit limits for partners): neither, no personal data at stake. UC22 (CV screening) and UC24 "
        "(attrition prediction): a DPIA only, high-risk systems in employment, but Alvera is not a deployer "
        "Art. 27 names. UC32 (demand forecasting): neither."
    ),
)
