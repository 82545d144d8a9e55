"""Model risk management in the manner of SR 11-7: an inventory, a tier per model, validation by tier.

SR 11-7 (US Federal Reserve and OCC, 2011; replaced in 2026 by revised interagency guidance, SR 26-2) asks
banks for an inventory of their models, validation by people independent of the model's developers who can
challenge it effectively, and effort in proportion to each model's risk. The tiering rules here are the
course's own, for any company: points for the materiality of a model's errors (1-3), its complexity (1-3),
no human review of its outputs (+1) and decisions about people (+1). Tier 1 from 6 points, tier 2 from 4,
else tier 3. Each tier is independently validated at least every :data:`VALIDATION_MONTHS` months, and a
tier-1 model before it goes live. Alvera's inventory is ``model_inventory.csv`` (months since the last
validation, empty if never validated).
"""

from __future__ import annotations

import pandas as pd

from caiokit import datafiles
from caiokit.errors import CaioKitError
from caiokit.i18n import _
from caiokit.validation import is_whole

TIER_FROM = {1: 6, 2: 4}  # points needed for tier 1 and tier 2; below: tier 3
VALIDATION_MONTHS = {1: 12, 2: 24, 3: 36}
LEVELS = (1, 3)


class ModelRiskError(CaioKitError):
    """A model's attributes cannot be tiered; the message says which and why."""


def tier_points(materiality: int, complexity: int, human_review: bool, affects_people: bool) -> int:
    """The points of a model under the course's tiering rules."""
    low, high = LEVELS
    for name, value in (("materiality", materiality), ("complexity", complexity)):
        if not is_whole(value) or not low <= value <= high:
            raise ModelRiskError(
                _("{name} is {value}; score it as a whole number from {low} to {high}.").format(
                    name=name, value=repr(value), low=low, high=high
                )
            )
    return int(materiality) + int(complexity) + (0 if human_review else 1) + (1 if affects_people else 0)


def model_tier(materiality: int, complexity: int, human_review: bool, affects_people: bool) -> int:
    """The tier of a model: 1 (highest risk) to 3."""
    points = tier_points(materiality, complexity, human_review, affects_people)
    return next((tier for tier, needed in TIER_FROM.items() if points >= needed), 3)


def alvera_inventory() -> pd.DataFrame:
    """Alvera's model inventory with each model's points, tier, validation cadence and whether it is overdue."""
    frame = datafiles.table("model_inventory.csv")
    names = datafiles.table(datafiles.localized("catalog.csv")).set_index("id")["name"]
    rows = []
    for row in frame.itertuples(index=False):
        args = (int(row.materiality), int(row.complexity), row.human_review == "1", row.affects_people == "1")
        tier = model_tier(*args)
        months = int(row.months_since_validation) if row.months_since_validation else None
        rows.append(
            {
                "use_case": row.use_case,
                "name": names[row.use_case],
                "points": tier_points(*args),
                "tier": tier,
                "validate_every_months": VALIDATION_MONTHS[tier],
                "months_since_validation": months,
                "overdue": months is None or months > VALIDATION_MONTHS[tier],
            }
        )
    return pd.DataFrame(rows)
