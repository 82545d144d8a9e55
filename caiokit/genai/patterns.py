"""Which pattern fits a use case: no AI, rules, classic ML, prompting, RAG, fine-tuning or an agent with tools.

``choose_pattern`` applies the course's rule to six yes/no traits of a use case, in this order: fixed written
rules settle it without AI; taking actions in other systems makes it an agent; text generation calls for a
language model, with retrieval (RAG) when the answer lives in internal documents, fine-tuning when thousands
of examples of a house style exist, plain prompting otherwise; a prediction from labelled history is
classic machine learning; anything else needs no AI. The simplest pattern that does the job wins: every step
up adds data, skills and controls (``pattern_profiles``).
"""

from __future__ import annotations

from collections.abc import Mapping

import pandas as pd

from caiokit import datafiles
from caiokit.genai import GenAIError
from caiokit.i18n import N_, Category, _


class Pattern(Category):
    """A way to build a use case, from the simplest to the one that acts on its own."""

    NO_AI = "no_ai", N_("no AI")
    RULES = "rules", N_("rules")
    CLASSIC_ML = "classic_ml", N_("classic machine learning")
    PROMPTING = "prompting", N_("prompting an existing model")
    RAG = "rag", N_("retrieval-augmented generation (RAG)")
    FINE_TUNING = "fine_tuning", N_("fine-tuning")
    AGENT = "agent", N_("agent with tools")


TRAITS = (
    "fixed_rules",
    "predicts_from_history",
    "generates_text",
    "internal_knowledge",
    "house_style_examples",
    "acts_in_systems",
)


def choose_pattern(traits: Mapping[str, bool]) -> Pattern:
    """The simplest pattern that fits a use case's six traits (see the module's docstring for the rule)."""
    missing = [name for name in TRAITS if name not in traits]
    if missing:
        raise GenAIError(
            _("the traits lack {names}: give each as True or False").format(names=", ".join(missing))
        )
    bad = [name for name in TRAITS if not isinstance(traits[name], bool)]
    if bad:
        raise GenAIError(_("traits must be True or False: {names}").format(names=", ".join(bad)))
    if traits["fixed_rules"]:
        return Pattern.RULES
    if traits["acts_in_systems"]:
        return Pattern.AGENT
    if traits["generates_text"]:
        if traits["internal_knowledge"]:
            return Pattern.RAG
        return Pattern.FINE_TUNING if traits["house_style_examples"] else Pattern.PROMPTING
    return Pattern.CLASSIC_ML if traits["predicts_from_history"] else Pattern.NO_AI


def use_case_traits() -> pd.DataFrame:
    """The traits of some of Alvera's catalog use cases (``caiokit/data/genai_traits.csv``), one row per id."""
    frame = datafiles.table("genai_traits.csv").set_index("id")
    return frame[list(TRAITS)].eq("1")


def patterns_for_use_cases() -> pd.Series:
    """The pattern ``choose_pattern`` gives each use case of ``use_case_traits``."""
    traits = use_case_traits()
    return pd.Series({uc: choose_pattern(row.to_dict()) for uc, row in traits.iterrows()}, name="pattern")


def pattern_profiles() -> pd.DataFrame:
    """What each pattern needs and where it fails, by pattern id, in the language in use."""
    frame = datafiles.table(datafiles.localized("genai_patterns.csv")).set_index("pattern")
    return frame.reindex([p.value for p in Pattern])
