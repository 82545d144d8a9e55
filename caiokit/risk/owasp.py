"""The OWASP Top 10 for LLM Applications (2025 edition), and which of its entries a pilot's design exposes.

The course describes a design by the features that open it to attack or failure (a :class:`Feature`); the
table ``owasp_exposure.csv`` says which entries each feature exposes (a convention of the course, built from
the entries' descriptions: free text from users opens the door to prompt injection, retrieval to vector and
embedding weaknesses...). Alvera's pilots are described in ``pilot_designs.csv``.
"""

from __future__ import annotations

from collections.abc import Iterable

from caiokit import datafiles
from caiokit.errors import CaioKitError
from caiokit.i18n import N_, Category, _


class Entry(Category):
    """An entry of the OWASP Top 10 for LLM Applications 2025; its id is OWASP's number."""

    LLM01 = "LLM01", N_("LLM01 Prompt injection")
    LLM02 = "LLM02", N_("LLM02 Sensitive information disclosure")
    LLM03 = "LLM03", N_("LLM03 Supply chain")
    LLM04 = "LLM04", N_("LLM04 Data and model poisoning")
    LLM05 = "LLM05", N_("LLM05 Improper output handling")
    LLM06 = "LLM06", N_("LLM06 Excessive agency")
    LLM07 = "LLM07", N_("LLM07 System prompt leakage")
    LLM08 = "LLM08", N_("LLM08 Vector and embedding weaknesses")
    LLM09 = "LLM09", N_("LLM09 Misinformation")
    LLM10 = "LLM10", N_("LLM10 Unbounded consumption")


class Feature(Category):
    """A feature of an LLM application's design that matters for its security."""

    USER_TEXT = "user_text", N_("takes free text from users")
    RETRIEVES_DOCUMENTS = "retrieves_documents", N_("retrieves documents to answer (RAG)")
    PERSONAL_DATA = "personal_data", N_("puts personal or confidential data in the model's context")
    THIRD_PARTY_MODEL = "third_party_model", N_("uses a model, library or plug-in from a third party")
    TRAINED_ON_OWN_DATA = "trained_on_own_data", N_("is fine-tuned or trained on the company's data")
    OUTPUT_TO_SYSTEMS = (
        "output_to_systems",
        N_("shows its output in a web page or passes it to other systems"),
    )
    ACTS_WITH_TOOLS = "acts_with_tools", N_("calls tools or APIs that change things")
    RULES_IN_SYSTEM_PROMPT = (
        "rules_in_system_prompt",
        N_("keeps business rules or secrets in its system prompt"),
    )
    ANSWERS_RELIED_ON = "answers_relied_on", N_("gives answers that people act on")
    PUBLIC_ACCESS = "public_access", N_("is open to anyone on the internet")


class OwaspError(CaioKitError):
    """A design names a feature the course does not know; the message lists the known ones."""


def exposure() -> dict[Feature, tuple[Entry, ...]]:
    """The entries each design feature exposes."""
    table = datafiles.table("owasp_exposure.csv")
    found: dict[Feature, tuple[Entry, ...]] = {feature: () for feature in Feature}
    for row in table.itertuples(index=False):
        found[Feature(row.feature)] += (Entry(row.entry),)
    return found


def exposed_entries(features: Iterable[Feature | str]) -> tuple[Entry, ...]:
    """The OWASP entries a design with these features exposes, in OWASP's order."""
    if isinstance(features, str):
        features = [features]
    chosen = []
    for feature in features:
        parsed = Feature.parse(feature)
        if parsed is None:
            raise OwaspError(
                _("{feature} is not a design feature; use one of {features}.").format(
                    feature=repr(feature), features=", ".join(repr(f.value) for f in Feature)
                )
            )
        chosen.append(parsed)
    table = exposure()
    hit = {entry for feature in chosen for entry in table[feature]}
    return tuple(entry for entry in Entry if entry in hit)


def pilot_design(use_case: str) -> tuple[Feature, ...]:
    """The design features of one of Alvera's pilots (``pilot_designs.csv``), in the order of :class:`Feature`."""
    table = datafiles.table("pilot_designs.csv")
    named = set(table.loc[table["use_case"] == use_case, "feature"])
    if not named:
        raise OwaspError(
            _("no design for {use_case}; the pilots described are {known}.").format(
                use_case=repr(use_case), known=", ".join(sorted(set(table["use_case"])))
            )
        )
    return tuple(feature for feature in Feature if feature.value in named)
