"""Build, buy or partner for a capability: the course's scoring rule and its reasons in plain words.

:func:`build_buy_partner` scores each criterion from 1 (low) to 5 (high), centres it (score - 3, so -2 to
+2), multiplies it by the weight in ``BUILD_BUY_PARTNER_WEIGHTS`` (-1, 0 or +1) and adds up per option. The
highest total wins; a tie goes to the option that commits least: buy, then partner, then build.
"""

from __future__ import annotations

from collections.abc import Mapping

import pandas as pd

from caiokit.i18n import N_, Category, _, text
from caiokit.teams.errors import TeamError
from caiokit.teams.recommendation import Recommendation, check_keys, reason
from caiokit.validation import is_whole


class Sourcing(Category):
    """How a capability is obtained."""

    BUILD = "build", N_("build")
    BUY = "buy", N_("buy")
    PARTNER = "partner", N_("partner")


# What a learner scores for each criterion, from 1 to 5.
BUILD_BUY_PARTNER_CRITERIA = {
    "strategic_differentiation": N_(
        "Strategic differentiation: how much it sets the company apart (1 not at all, 5 a lot)"
    ),
    "in_house_skills": N_(
        "In-house skills: how well the current team could build it (1 not at all, 5 fully)"
    ),
    "time_pressure": N_("Time pressure: how soon it is needed (1 no hurry, 5 very urgent)"),
    "data_sensitivity": N_(
        "Data sensitivity: how sensitive the data it uses is (1 public, 5 highly sensitive)"
    ),
    "market_maturity": N_(
        "Market maturity: how good the products on the market are (1 none fit, 5 many mature ones)"
    ),
}
# The name a reason quotes a criterion's score with: "(market maturity 5/5)".
_CRITERION_NAMES = {
    "strategic_differentiation": N_("strategic differentiation"),
    "in_house_skills": N_("in-house skills"),
    "time_pressure": N_("time pressure"),
    "data_sensitivity": N_("data sensitivity"),
    "market_maturity": N_("market maturity"),
}
# Tie-break: the option that commits least comes first.
_TIE_ORDER = (Sourcing.BUY, Sourcing.PARTNER, Sourcing.BUILD)
BUILD_BUY_PARTNER_WEIGHTS = {
    "strategic_differentiation": {Sourcing.BUILD: 1, Sourcing.BUY: -1, Sourcing.PARTNER: 0},
    "in_house_skills": {Sourcing.BUILD: 1, Sourcing.BUY: 0, Sourcing.PARTNER: -1},
    "time_pressure": {Sourcing.BUILD: -1, Sourcing.BUY: 1, Sourcing.PARTNER: 0},
    "data_sensitivity": {Sourcing.BUILD: 1, Sourcing.BUY: -1, Sourcing.PARTNER: 0},
    "market_maturity": {Sourcing.BUILD: -1, Sourcing.BUY: 1, Sourcing.PARTNER: -1},
}

_REASONS = {
    ("strategic_differentiation", Sourcing.BUILD): N_(
        "it sets the company apart, so the know-how is worth owning"
    ),
    ("strategic_differentiation", Sourcing.BUY): N_(
        "it does not set the company apart, so a standard product will do"
    ),
    ("in_house_skills", Sourcing.BUILD): N_("the skills to build it are already in the team"),
    ("in_house_skills", Sourcing.PARTNER): N_(
        "the skills are missing in-house; a partner brings them and can pass them on"
    ),
    ("time_pressure", Sourcing.BUILD): N_("there is time to build it properly"),
    ("time_pressure", Sourcing.BUY): N_("it is needed soon, and buying is the fastest route"),
    ("data_sensitivity", Sourcing.BUILD): N_("the data is sensitive and safer kept in-house"),
    ("data_sensitivity", Sourcing.BUY): N_("the data is not sensitive, so a vendor's service is acceptable"),
    ("market_maturity", Sourcing.BUILD): N_("no mature product on the market fits"),
    ("market_maturity", Sourcing.BUY): N_("mature products already exist on the market"),
    ("market_maturity", Sourcing.PARTNER): N_(
        "no mature product fits, so it has to be developed with a specialist"
    ),
}

_MESSAGES = {
    "because": N_("{reason} ({criterion} {score}/5)"),
    "tie": N_(
        "no criterion leans clearly either way; the tie goes to the option that commits least ({choice})"
    ),
    "missing_criteria": N_("scores are missing for: {keys} (each from 1 to 5)"),
    "unknown_criteria": N_("unknown criterion/criteria: {keys}; the criteria are {allowed}"),
    "bad_score": N_("'{key}' should be a whole number from 1 to 5, not {value!r}"),
}


def build_buy_partner_weights() -> pd.DataFrame:
    """The weights of the build / buy / partner rule, one row per criterion, one column per option id."""
    weights = pd.DataFrame.from_dict(BUILD_BUY_PARTNER_WEIGHTS, orient="index")[list(Sourcing)]
    return weights.rename(columns=lambda option: option.value).rename_axis("criterion")


def build_buy_partner(criteria: Mapping[str, int]) -> Recommendation:
    """Build, buy or partner for a capability scored 1-5 on ``BUILD_BUY_PARTNER_CRITERIA``, with reasons."""
    check_keys(
        criteria, BUILD_BUY_PARTNER_CRITERIA, _MESSAGES["missing_criteria"], _MESSAGES["unknown_criteria"]
    )
    for key, value in criteria.items():
        if not is_whole(value) or not 1 <= value <= 5:
            raise TeamError(text(_MESSAGES["bad_score"]).format(key=key, value=value))
    contributions = {
        option: {
            key: weights[option] * (criteria[key] - 3) for key, weights in BUILD_BUY_PARTNER_WEIGHTS.items()
        }
        for option in Sourcing
    }
    scores = {option: sum(parts.values()) for option, parts in contributions.items()}
    best = max(scores.values())
    choice = next(option for option in _TIE_ORDER if scores[option] == best)
    pushing = sorted(
        (key for key, part in contributions[choice].items() if part > 0),
        key=lambda key: -contributions[choice][key],
    )
    reasons = [
        reason(
            text(_MESSAGES["because"]).format(
                reason=_(_REASONS[(key, choice)]), criterion=_(_CRITERION_NAMES[key]), score=criteria[key]
            )
        )
        for key in pushing
    ]
    if sum(value == best for value in scores.values()) > 1:
        reasons.append(reason(text(_MESSAGES["tie"]).format(choice=choice.label)))
    return Recommendation(choice, tuple(reasons), scores)
