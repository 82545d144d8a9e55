"""Exercises of 03_use_case_prioritization: RICE by hand and in code, quadrants, a weighted ranking, Art. 5.

Every reference answer is computed here from the domain functions and the built-in catalog, so that a
change to the catalog or to a scoring convention changes the expected answers with it.
"""

from caiokit.catalog import load_catalog, use_case_name
from caiokit.exercises import (
    Case,
    ChoiceExercise,
    FunctionExercise,
    MappingExercise,
    NumberExercise,
    RankingExercise,
)
from caiokit.i18n import N_, format_number, labelled, lazy, listed, plain_number
from caiokit.scoring import QUADRANTS, Quadrant, eligible_rows, quadrant, rice_score, score

LESSON = "03_use_case_prioritization"

_CATALOG = load_catalog()
_BY_ID = _CATALOG.set_index("id")


def _rice_of(use_case: str) -> float:
    """The RICE score of one use case of the built-in catalog."""
    row = _BY_ID.loc[use_case]
    return rice_score(row["reach"], row["impact"], row["confidence"], row["effort_pm"])


# q1: the RICE score of the customer-service chatbot, by hand from its catalog row.
RICE_CASE = "UC01"
_RICE_ROW = _BY_ID.loc[RICE_CASE]
_RICE_FORMULA = f"{_RICE_ROW['reach']:_} * {_RICE_ROW['impact']:g} * {_RICE_ROW['confidence']:g} / {_RICE_ROW['effort_pm']:g}"

q1 = NumberExercise(
    LESSON,
    "q1",
    "chatbot_rice",
    expected=_rice_of(RICE_CASE),
    rel_tol=0.001,
    hints=[
        N_(
            "Multiply reach by impact by confidence, then divide by effort. Read the four numbers from the "
            "chatbot's row: columns `reach`, `impact`, `confidence` and `effort_pm`."
        ),
        N_(
            "Confidence is a share: 80% is 0.8, not 80. The worked example of the lesson does the same with "
            "500 x 2 x 0.8 / 2."
        ),
    ],
    solution=lazy(
        "`chatbot_rice = {formula}`, that is **{score}**: contacts a quarter, weighted by impact and "
        "confidence, per person-month of effort.",
        formula=_RICE_FORMULA,
        score=lambda: format_number(_rice_of(RICE_CASE)),
    ),
)

# q2: write the RICE formula as a function.
_RICE_INPUTS = (
    (500, 2, 0.8, 2),
    (60_000, 2, 0.8, 8),
    (1_200, 0.25, 0.5, 0.5),
    (0, 3, 1.0, 4),
    (45_000, 1, 1.0, 3),
)

q2 = FunctionExercise(
    LESSON,
    "q2",
    "rice",
    cases=tuple(Case(inputs, expected=rice_score(*inputs)) for inputs in _RICE_INPUTS),
    hints=[
        N_("One line is enough: the product of the first three parameters, divided by the fourth."),
        N_("Check your function on the worked example: `rice(500, 2, 0.8, 2)` must give 400."),
    ],
    solution=N_(
        "\n```python\ndef rice(reach, impact, confidence, effort):\n    return reach * impact * confidence / effort\n```"
    ),
)

# q3: the CFO's ranking of five use cases: benefit weight 3, effort weight 1, nothing else.
RANKING_CASES = ("UC02", "UC05", "UC11", "UC17", "UC25")
CFO_WEIGHTS = {"benefit": 3, "effort": 1}
_RANKED = score(_BY_ID.loc[list(RANKING_CASES)].reset_index(), weights=CFO_WEIGHTS).sort_values("rank")

q3 = RankingExercise(
    LESSON,
    "q3",
    "cfo_ranking",
    reference=tuple(_RANKED["id"]),
    top_k=3,
    hints=[
        N_(
            "Normalise over the five only: the lowest benefit among them gets 0, the highest 1; for effort the "
            "*lowest* effort gets 1 and the highest 0. Then score = 0.75 x benefit + 0.25 x effort."
        ),
        N_(
            "Benefits run from EUR 240,000 to 280,000 and efforts from 3 to 5 person-months. Two use cases "
            "share the highest benefit: effort separates them. Check with `score(five, weights=cfo_weights)`."
        ),
    ],
    solution=lazy(
        "`cfo_ranking = {ranking}`, with scores {scores}. Email triage comes last although its RICE score is "
        "the highest of the five: min-max normalisation turns a EUR 40,000 gap in benefit into the whole "
        "0-to-1 range.",
        ranking=list(_RANKED["id"]),
        scores=lambda: ", ".join(plain_number(float(f"{value:.3g}")) for value in _RANKED["score"]),
    ),
)

# q4: which proposal must be excluded, and for which reason?
EXCLUSION_OPTIONS = {
    "a": N_("UC22 CV screening and candidate ranking: it is high-risk, and high-risk systems are banned"),
    "b": N_(
        "UC06 Agent emotion monitoring: it infers employees' emotions at work, a practice Art. 5 prohibits"
    ),
    "c": N_("UC06 Agent emotion monitoring: it processes voice recordings, which are personal data"),
    "d": N_("UC18 Instant credit check: scoring customers' creditworthiness is social scoring"),
    "e": N_("UC01 Customer-service chatbot: customers might not realise they are talking to a machine"),
}
_EXCLUDED = set(_CATALOG.loc[~eligible_rows(_CATALOG), "id"])
EXCLUDED_OPTION = next(key for key, text in EXCLUSION_OPTIONS.items() if text.split()[0] in _EXCLUDED)

q4 = ChoiceExercise(
    LESSON,
    "q4",
    "excluded_case",
    options=tuple(EXCLUSION_OPTIONS),
    correct=EXCLUDED_OPTION,
    explanations={
        "a": N_(
            "High-risk systems (Annex III lists employment and recruitment) are allowed, with obligations: "
            "risk management, documentation, human oversight, a conformity assessment. The course discounts "
            "their score; it does not drop them."
        ),
        "b": N_(
            "Emotion recognition at the workplace is one of the practices Art. 5(1) prohibits, except for "
            "medical or safety reasons; feeding a mood score into performance reviews is neither. No score, "
            "however high, brings it back."
        ),
        "c": N_(
            "The use case is out, but not for that reason: call transcription (UC05) processes voice "
            "recordings too and is allowed. Data protection rules apply to both; the Art. 5 ban is about "
            "inferring emotions at work."
        ),
        "d": N_(
            "Creditworthiness assessment is high-risk under Annex III, not prohibited. Social scoring means "
            "rating people on their social behaviour or personality and treating them unfavourably for it in "
            "unrelated contexts."
        ),
        "e": N_(
            "That is a transparency duty (Art. 50): tell people they are talking to an AI. The chatbot stays "
            "a candidate."
        ),
    },
    hints=[
        N_(
            "Two questions for each option: is the use case prohibited (tier `prohibited` in the catalog), and "
            "is the reason given the reason the AI Act gives?"
        ),
        N_("High-risk is not prohibited. Look at Art. 5(1)(f) in the tier table of the lesson."),
    ],
    solution=N_(
        '`excluded_case = "b"`. Inferring employees\' emotions at work is prohibited by Art. 5(1)(f) '
        "(medical and safety reasons excepted). Option c names the right use case for the wrong reason."
    ),
)

# q5: six use cases to place in the value vs feasibility 2x2 (default weights, median thresholds).
QUADRANT_CASES = ("UC02", "UC40", "UC27", "UC14", "UC12", "UC30")
_QUADRANTS = quadrant(_CATALOG).set_index("id")
_PLACED = {use_case: _QUADRANTS.loc[use_case, "quadrant"] for use_case in QUADRANT_CASES}

q5 = MappingExercise(
    LESSON,
    "q5",
    "quadrant_of",
    correct=_PLACED,
    categories=tuple(QUADRANTS.values()),
    named_by=use_case_name,
    hints=[
        N_(
            "Compare each use case's `value` with the value median and its `feasibility` with the feasibility "
            "median. At or above the median counts as high."
        ),
        N_(
            "High value and high feasibility: quick win. High value, low feasibility: strategic bet. Low value, "
            "high feasibility: fill-in. Low on both: avoid."
        ),
    ],
    solution=lazy(
        "{placements}. A quick win is above both medians, a strategic bet has high value but is hard to do, a "
        "fill-in is easy but worth little. The factory sensor data platform is worth little *on its own*, yet "
        "predictive maintenance and energy optimisation depend on it: a 2x2 cannot see dependencies, a "
        "portfolio can.",
        placements=lambda: listed(
            labelled(use_case_name(use_case), f"**{Quadrant.label_of(place)}**")
            for use_case, place in _PLACED.items()
        ),
    ),
)
