"""EU AI Act triage: which risk tier an AI system falls in, why, who must do what, by when, and fine ceilings.

The rules are data, not code. ``caiokit/data/aiact_rules.json`` holds their ids and numbers, the same in every
language: the ten prohibited practices of Art. 5(1) (points (a)-(h), and (ba) and (bb) added by the Digital
Omnibus), the eight Annex III areas, the Art. 6(3) conditions and the Art. 50 transparency cases, each with its
tier; the questionnaire's keys, kinds, defaults and options; the worked examples; the fine amounts and shares
of Arts 99 and 101. ``caiokit/data/<lang>/aiact_rules.json`` holds, by the same ids, the words a person reads:
labels, legal bases, the questions, what each tier means, the obligations per tier and role. The tiers and
the roles are :class:`Tier` and :class:`Role` categories. The calendar is the
``aiact_calendar`` rows of the course's facts table (:mod:`caiokit.facts`), each with a status: ``verified``
or ``reported`` (law, checked against an official text or only reported) or ``proposed`` (not law yet), so a
change of calendar is one edit there.

This is a teaching aid that follows Regulation (EU) 2024/1689, as amended in 2026, in plain words; it is not
legal advice.
"""

from __future__ import annotations

import datetime as dt
import difflib
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cache, lru_cache
from typing import Any

import pandas as pd

from caiokit import datafiles, facts
from caiokit.errors import CaioKitError
from caiokit.i18n import LANGUAGES, N_, SOURCE_LANGUAGE, Category, _, language, lower_first, text
from caiokit.validation import is_number


class Tier(Category):
    """A risk tier of the Act, most severe first; ``tier_table()`` gives its full name and meaning."""

    PROHIBITED = "prohibited", N_("prohibited")
    HIGH = "high", N_("high")
    TRANSPARENCY = "transparency", N_("transparency")
    MINIMAL = "minimal", N_("minimal")


class Role(Category):
    """Who the Act asks something of: the provider, who builds the system, or the deployer, who uses it."""

    PROVIDER = "provider", N_("provider")
    DEPLOYER = "deployer", N_("deployer")


BOTH_ROLES = "both"  # the answer of an organisation that builds the system and uses it itself
DATE_SCOPES = (
    "general",
    "all",
    "prohibited",
    "prohibited_omnibus",
    "high_annex_iii",
    "high_annex_i",
    "transparency",
    "gpai",
)
NONE = "none"


class AIActError(CaioKitError):
    """The EU AI Act rules or an input to a triage or fine function is not usable."""


class AnswerError(AIActError):
    """A triage answer has an unknown key or a value its question does not allow."""


class ViolationError(AIActError):
    """A fine was asked for a type of violation the Act does not name."""


# Learner-facing strings of this module, together.
_TEXT = {
    "none_option": N_("None of these"),
    "not_mapping": N_(
        "answers should be a dict such as {{'role': 'deployer', 'annex_iii_area': 'employment'}}, not a {kind}."
    ),
    "unknown_key": N_("'{key}' is not a question of the triage{suggestion}. The question keys are: {keys}."),
    "suggestion": N_(" (did you mean '{match}'?)"),
    "not_bool": N_("the answer to '{key}' should be True or False, not {value!r}."),
    "not_option": N_("the answer to '{key}' should be one of {options}, not {value!r}."),
    "bad_kind": N_("'{kind}' is not a kind of rule; use one of {kinds}."),
    "bad_tier": N_("'{tier}' is not a tier; use one of {tiers}."),
    "bad_role": N_("'{role}' is not a role; use one of {roles}."),
    "bad_violation": N_("'{violation}' is not a type of violation; use one of {violations}."),
    "bad_turnover": N_(
        "the worldwide annual turnover should be a number of euros, 0 or more, not {value!r}."
    ),
    "bad_sme": N_("sme should be True (an SME or start-up) or False, not {value!r}."),
    "prohibited": N_(
        "{basis}: {label} is a prohibited practice. It is banned in the EU from {since}, and no compliance measure can make it lawful."
    ),
    "annex_i": N_(
        "Art. 6(1) and Annex I: it is a safety component of a product covered by EU product-safety law that needs third-party conformity assessment, so it is high-risk. The Art. 6(3) exception does not apply to this route. Since the 2026 amendment, a function that only assists the user, optimises performance or convenience, or checks quality is reported not to be a safety component unless its failure would endanger health or safety (Art. 6(1a)-(1c))."
    ),
    "annex_iii": N_("{basis}: it is used in a high-risk area, {label}."),
    "emotion_in_annex_iii": N_(
        "Emotion recognition and categorisation by protected characteristics from biometric data are listed under Annex III point 1 (biometrics)."
    ),
    "profiling_blocks_exception": N_(
        "It profiles people, so the Art. 6(3) exception cannot apply: an Annex III system that profiles people is always high-risk (Art. 6(3), last subparagraph)."
    ),
    "exception": N_(
        "{basis}: it only {label}, without profiling anyone; if it poses no significant risk of harm, it is not high-risk. The provider must document this assessment before placing it on the market (Art. 6(4)); whether it must also register the system (Art. 49(2)) is reported both ways since the 2026 amendment."
    ),
    "transparency": N_("{basis}: it {label}, so the {duty_of} has a transparency duty."),
    "transparency_on_top": N_("The Art. 50 transparency duties apply on top of the high-risk obligations."),
    "fria": N_(
        "Art. 27: as a public body, a private provider of public services, or a deployer of credit scoring or life and health insurance pricing, the deployer must assess the impact on fundamental rights before first use."
    ),
    "minimal": N_(
        "None of the answers points to a prohibited practice, a high-risk use or a transparency case: the system is minimal risk. The AI literacy duty (Art. 4) still applies."
    ),
}


RULES_FILE = "aiact_rules.json"
_STATUS_FLAGS = {
    "proposed": N_(" (PROPOSED, not law)"),
    "reported": N_(" (as reported, see the source)"),
}
_RESULT_TEXT = {
    "tier": N_("Tier: {tier}"),
    "why": N_("Why"),
    "duties": N_("What the {role} must do"),
    "dates": N_("Key dates"),
}


@dataclass(frozen=True)
class Question:
    """One question of the triage: a key, the text, ``bool`` or ``choice``, the default and the options."""

    key: str
    kind: str
    text: str
    default: bool | str
    options: tuple[tuple[str, str], ...] = ()

    @property
    def option_ids(self) -> tuple[str, ...]:
        """The values a choice question accepts."""
        return tuple(option_id for option_id, _label in self.options)


@dataclass(frozen=True)
class KeyDate:
    """One date of the AI Act calendar: what applies, and whether it is law (``verified`` or ``reported``) or ``proposed``."""

    date: dt.date
    applies: str
    status: str
    source: str

    @property
    def proposed(self) -> bool:
        """True when the date comes from a proposal that is not law yet."""
        return self.status == "proposed"

    def __str__(self) -> str:
        flag = _(_STATUS_FLAGS[self.status]) if self.status in _STATUS_FLAGS else ""
        return f"{format_date(self.date)}{flag}: {self.applies}"


@dataclass(repr=False)
class TriageResult:
    """The outcome of a triage: tier, plain-language reasons citing articles, duties per role, key dates."""

    tier: Tier
    reasons: list[str]
    obligations: dict[Role, list[str]]
    key_dates: list[KeyDate]
    answers: dict[str, bool | str] = field(default_factory=dict)

    def __repr__(self) -> str:
        # Ids as plain strings, as a person would type them: TriageResult(tier='high', ...).
        shown = {
            "tier": self.tier.value,
            "reasons": self.reasons,
            "obligations": {role.value: duties for role, duties in self.obligations.items()},
            "key_dates": self.key_dates,
            "answers": self.answers,
        }
        return f"TriageResult({', '.join(f'{name}={value!r}' for name, value in shown.items())})"

    @property
    def tier_label(self) -> str:
        """The tier's full name, e.g. 'High risk'."""
        return tier_table().loc[self.tier, "label"]

    def _repr_markdown_(self) -> str:
        heading = text(_RESULT_TEXT["tier"]).format(tier=self.tier_label)
        lines = [f"**{heading}** (`{self.tier.value}`)", "", f"**{text(_RESULT_TEXT['why'])}**"]
        lines += [f"- {reason}" for reason in self.reasons]
        for role, duties in self.obligations.items():
            title = text(_RESULT_TEXT["duties"]).format(role=role.label)
            lines += ["", f"**{title}**"] + [f"- {duty}" for duty in duties]
        lines += ["", f"**{text(_RESULT_TEXT['dates'])}**"] + [f"- {key_date}" for key_date in self.key_dates]
        return "\n".join(lines)


def format_date(day: dt.date) -> str:
    """A date as the course writes it, e.g. '2 Aug 2026'."""
    return facts.format_date(day)


def _data() -> dict[str, Any]:
    """The rules, each with its words in the language in use."""
    return _merged(datafiles.localized(RULES_FILE))


@cache
def _merged(words_file: str) -> dict[str, Any]:
    data, words = datafiles.document(RULES_FILE), datafiles.document(words_file)
    problems: list[str] = []

    def worded(section: str, key: str) -> dict[str, Any]:
        found = words.get(section, {}).get(key)
        if found is None:
            problems.append(f"{words_file}: no {section} entry for {key!r}")
        return found or {}

    merged_rules = [{**rule, **worded("rules", rule["id"])} for rule in data["rules"]]
    problems += [f"rule {r['id']}: tier {r['tier']!r}" for r in merged_rules if r["tier"] not in set(Tier)]
    problems += [f"rule {r['id']}: no legal basis" for r in merged_rules if not r.get("basis")]
    problems += [
        f"rule {r['id']}: date scope {r.get('scope')!r}"
        for r in merged_rules
        if r["kind"] == "prohibited" and r.get("scope") not in DATE_SCOPES
    ]
    problems += [
        f"tier {tier}: no obligations of the {role}"
        for tier in Tier
        for role in Role
        if role not in words.get("obligations", {}).get(tier, {})
    ]
    merged = {
        "tiers": [{"tier": tier.value, **worded("tiers", tier)} for tier in Tier],
        "rules": merged_rules,
        "art_6_3_conditions": [
            {"id": c, **worded("art_6_3_conditions", c)} for c in data["art_6_3_conditions"]
        ],
        "questions": [],
        "obligations": words.get("obligations", {}),
        "extra_obligations": words.get("extra_obligations", {}),
        "examples": [{**ex, "name": worded("examples", ex["catalog_id"])} for ex in data["examples"]],
        "fines": {key: {**fine, **worded("fines", key)} for key, fine in data["fines"].items()},
    }
    for raw in data["questions"]:
        question = {**raw, **worded("questions", raw["key"])}
        if "options" in raw:
            labels = worded("questions", raw["key"]).get("options", {})
            problems += [
                f"question {raw['key']}: no label of option {o!r}" for o in raw["options"] if o not in labels
            ]
            question["options"] = [(option, labels.get(option, option)) for option in raw["options"]]
        merged["questions"].append(question)
    if problems:
        raise AIActError("aiact_rules.json is inconsistent: " + "; ".join(problems))
    return merged


def _rules_of(kind: str) -> list[dict[str, str]]:
    if kind == "art_6_3_conditions":
        return _data()["art_6_3_conditions"]
    return [rule for rule in _data()["rules"] if rule["kind"] == kind]


def _rule(kind: str, rule_id: str) -> dict[str, str]:
    return next(rule for rule in _rules_of(kind) if rule["id"] == rule_id)


def rules(kind: str | None = None) -> pd.DataFrame:
    """The triage's rules indexed by id: kind, short label, tier, legal basis; optionally of one kind only.

    Kinds: 'prohibited' (Art. 5), 'annex_iii' (the eight areas), 'annex_i', 'transparency' (Art. 50).
    """
    table = pd.DataFrame(_data()["rules"]).set_index("id")
    if kind is not None:
        kinds = list(dict.fromkeys(table["kind"]))
        if kind not in kinds:
            raise AIActError(text(_TEXT["bad_kind"]).format(kind=kind, kinds=", ".join(kinds)))
        table = table[table["kind"] == kind]
    return table[["kind", "label", "tier", "basis"]]


def tier_table() -> pd.DataFrame:
    """The four tiers, most to least severe: full name, legal basis and what the tier means, indexed by tier id."""
    return pd.DataFrame(_data()["tiers"]).set_index("tier")


def questions() -> tuple[Question, ...]:
    """The triage questionnaire, in the language in use: one :class:`Question` per answer key."""
    return _questions(language())


@cache
def _questions(language_code: str) -> tuple[Question, ...]:
    """The questionnaire, built once per language (``language_code`` is the cache's key)."""
    built = []
    for raw in _data()["questions"]:
        options: tuple[tuple[str, str], ...] = ()
        if "options_from" in raw:
            options = ((NONE, text(_TEXT["none_option"])),) + tuple(
                (rule["id"], rule["label"]) for rule in _rules_of(raw["options_from"])
            )
        elif "options" in raw:
            options = tuple(raw["options"])
        built.append(Question(raw["key"], raw["kind"], raw["text"], raw["default"], options))
    return tuple(built)


def default_answers() -> dict[str, bool | str]:
    """Every question's default answer: a deployer of a system that triggers nothing (minimal risk)."""
    return {question.key: question.default for question in questions()}


def examples() -> dict[str, dict[str, bool | str]]:
    """Worked triage answers for some of Alvera's catalog use cases, by catalog id (e.g. 'UC22')."""
    return {ex["catalog_id"]: dict(ex["answers"]) for ex in _data()["examples"]}


def example_names() -> dict[str, str]:
    """The use case of each worked example, by catalog id, in the language in use ('UC22': 'CV screening ...')."""
    return {ex["catalog_id"]: ex["name"] for ex in _data()["examples"]}


def _normalise(answers: Mapping[str, Any]) -> dict[str, bool | str]:
    if not isinstance(answers, Mapping):
        raise AnswerError(text(_TEXT["not_mapping"]).format(kind=type(answers).__name__))
    by_key = {question.key: question for question in questions()}
    result = default_answers()
    for key, value in answers.items():
        if key not in by_key:
            close = difflib.get_close_matches(str(key), list(by_key), n=1)
            suggestion = text(_TEXT["suggestion"]).format(match=close[0]) if close else ""
            raise AnswerError(
                text(_TEXT["unknown_key"]).format(key=key, suggestion=suggestion, keys=", ".join(by_key))
            )
        question = by_key[key]
        if question.kind == "bool":
            if not isinstance(value, bool):
                raise AnswerError(text(_TEXT["not_bool"]).format(key=key, value=value))
            result[key] = value
            continue
        chosen = value.strip().lower() if isinstance(value, str) else value
        if chosen not in question.option_ids:
            options = ", ".join(repr(option) for option in question.option_ids)
            raise AnswerError(text(_TEXT["not_option"]).format(key=key, options=options, value=value))
        result[key] = chosen
    return result


def obligations(tier: str, role: str) -> list[str]:
    """What the Act asks of a provider or a deployer of a system in this tier (before case-specific duties).

    ``tier`` and ``role`` are ids (``Tier.HIGH`` or 'high', ``Role.DEPLOYER`` or 'deployer').
    """
    if tier not in set(Tier):
        tiers = ", ".join(Tier)
        raise AIActError(text(_TEXT["bad_tier"]).format(tier=tier, tiers=tiers))
    if role not in set(Role):
        raise AIActError(text(_TEXT["bad_role"]).format(role=role, roles=", ".join(Role)))
    return list(_data()["obligations"][tier][role])


# A language other than English words the calendar in caiokit/data/<lang>/ under this name, by fact id; English
# reads the facts table's statements, so caiokit/data/en/ has no such file.
CALENDAR_WORDS = "aiact_calendar.csv"


def _applies(rows: list[dict[str, str]], language_code: str) -> list[str]:
    """What applies on each date of the calendar, in a language: the facts table's own statement in English,
    else its translation, by fact id, in ``caiokit/data/<lang>/aiact_calendar.csv``."""
    if language_code == SOURCE_LANGUAGE:
        return [row["statement"] for row in rows]
    name = f"{language_code}/{CALENDAR_WORDS}"
    translated = dict(datafiles.table(name)[["id", "applies"]].itertuples(index=False))
    missing = [row["id"] for row in rows if not translated.get(row["id"], "").strip()]
    if missing:
        raise AIActError(f"{name}: no text for the AI Act calendar facts {', '.join(missing)} of facts.csv")
    return [translated[row["id"]] for row in rows]


@lru_cache(maxsize=len(LANGUAGES))
def _dates(language_code: str) -> pd.DataFrame:
    """The calendar, in a language (``language_code`` is the cache's key)."""
    rows = facts.calendar()
    table = pd.DataFrame(
        {
            "date": pd.to_datetime([row["value"] for row in rows], format="%Y-%m-%d"),
            "applies": _applies(rows, language_code),
            "scope": [row["scope"] for row in rows],
            "status": [row["status"] for row in rows],
            "source": [row["source"] for row in rows],
        }
    )
    bad_scope = sorted({s for cell in table["scope"] for s in cell.split(";")} - set(DATE_SCOPES))
    if bad_scope:
        raise AIActError(f"facts.csv: unknown scope {bad_scope} in the AI Act calendar")
    return table.sort_values("date", kind="stable").reset_index(drop=True)


def key_dates(include_proposed: bool = False) -> pd.DataFrame:
    """The AI Act calendar (date, what applies, scope, status, source); proposed dates only on request."""
    table = _dates(language())
    if not include_proposed:
        table = table[table["status"] != "proposed"]
    return table.reset_index(drop=True).copy()


def _dates_for(scopes: set[str], include_proposed: bool) -> list[KeyDate]:
    table = key_dates(include_proposed)
    wanted = table["scope"].map(lambda cell: bool(scopes & set(cell.split(";"))))
    return [
        KeyDate(row.date.date(), row.applies, row.status, row.source)
        for row in table[wanted].itertuples(index=False)
    ]


def triage(answers: Mapping[str, bool | str], include_proposed: bool = False) -> TriageResult:
    """Classify an AI system from questionnaire answers (missing keys take their defaults; see ``questions()``)."""
    a = _normalise(answers)
    roles = tuple(Role) if a["role"] == BOTH_ROLES else (Role(a["role"]),)
    if a["prohibited_practice"] != NONE:
        rule = _rule("prohibited", str(a["prohibited_practice"]))
        dates = _dates_for({rule["scope"]}, include_proposed)
        since = format_date(min(key_date.date for key_date in dates))
        reason = text(_TEXT["prohibited"]).format(
            basis=rule["basis"], label=lower_first(rule["label"]), since=since
        )
        return TriageResult(
            tier=Tier.PROHIBITED,
            reasons=[reason],
            obligations={role: obligations(Tier.PROHIBITED, role) for role in roles},
            key_dates=dates,
            answers=a,
        )

    reasons: list[str] = []
    extra: dict[Role, list[str]] = {role: [] for role in roles}
    scopes: set[str] = {"all"}
    high = False
    if a["annex_i_product"]:
        high = True
        scopes.add("high_annex_i")
        reasons.append(text(_TEXT["annex_i"]))

    areas = [str(a["annex_iii_area"])] if a["annex_iii_area"] != NONE else []
    if a["emotion_recognition"] and "biometrics" not in areas:
        areas.append("biometrics")
        reasons.append(text(_TEXT["emotion_in_annex_iii"]))
    annex_iii_high = False
    for area in areas:
        rule = _rule("annex_iii", area)
        reasons.append(text(_TEXT["annex_iii"]).format(basis=rule["basis"], label=lower_first(rule["label"])))
    if areas and a["profiles_people"]:
        annex_iii_high = True
        reasons.append(text(_TEXT["profiling_blocks_exception"]))
    elif areas and a["art_6_3_condition"] != NONE:
        condition = _rule("art_6_3_conditions", str(a["art_6_3_condition"]))
        label = condition["label"].split(") ", 1)[1]
        reasons.append(text(_TEXT["exception"]).format(basis=condition["basis"], label=label))
        extras = _data()["extra_obligations"]
        for role in roles:
            extra[role].append(extras[f"art_6_3_{role}"])
    elif areas:
        annex_iii_high = True
    if annex_iii_high:
        high = True
        scopes.add("high_annex_iii")
        if a["fria_context"] and Role.DEPLOYER in roles and areas != ["critical_infrastructure"]:
            reasons.append(text(_TEXT["fria"]))
            extra[Role.DEPLOYER].append(_data()["extra_obligations"]["fria"])

    triggered = [rule for rule in _rules_of("transparency") if a[rule["id"]]]
    for rule in triggered:
        reasons.append(
            text(_TEXT["transparency"]).format(
                basis=rule["basis"], label=lower_first(rule["label"]), duty_of=Role(rule["duty_of"]).label
            )
        )
        if rule["duty_of"] in extra:
            extra[Role(rule["duty_of"])].append(rule["obligation"])
    if triggered:
        scopes.add("transparency")
        if high:
            reasons.append(text(_TEXT["transparency_on_top"]))

    tier = Tier.HIGH if high else Tier.TRANSPARENCY if triggered else Tier.MINIMAL
    if tier is Tier.MINIMAL and not reasons:
        reasons.append(text(_TEXT["minimal"]))
    return TriageResult(
        tier=tier,
        reasons=reasons,
        obligations={role: obligations(tier, role) + extra[role] for role in roles},
        key_dates=_dates_for(scopes, include_proposed),
        answers=a,
    )


def violations() -> pd.DataFrame:
    """The fine ceilings per type of violation: what it covers, fixed amount, share of turnover, legal basis."""
    table = pd.DataFrame.from_dict(_data()["fines"], orient="index")
    table.index.name = "violation"
    return table[["label", "fixed_eur", "turnover_share", "basis", "sme_lower"]]


def max_fine(worldwide_turnover_eur: float, violation: str, sme: bool = False) -> float:
    """The fine ceiling in euros: the higher of the fixed amount and the turnover share; the lower for SMEs.

    ``violation`` is 'prohibited' (Art. 99(3)), 'obligations' (Art. 99(4)), 'misleading_information'
    (Art. 99(5)) or 'gpai' (Art. 101(1), which has no SME rule). It is a ceiling: authorities set the
    actual fine case by case.
    """
    fines = _data()["fines"]
    if violation not in fines:
        raise ViolationError(
            text(_TEXT["bad_violation"]).format(violation=violation, violations=", ".join(map(repr, fines)))
        )
    if not is_number(worldwide_turnover_eur) or worldwide_turnover_eur < 0:
        raise AIActError(text(_TEXT["bad_turnover"]).format(value=worldwide_turnover_eur))
    if not isinstance(sme, bool):
        raise AIActError(text(_TEXT["bad_sme"]).format(value=sme))
    rule = fines[violation]
    fixed = float(rule["fixed_eur"])
    share = float(worldwide_turnover_eur) * rule["turnover_share"]
    ceiling = min(fixed, share) if sme and rule["sme_lower"] else max(fixed, share)
    return round(ceiling, 2)


def fine_table(worldwide_turnover_eur: float, sme: bool = False) -> pd.DataFrame:
    """The ceiling for every type of violation, for one company's worldwide annual turnover."""
    table = violations()
    table["ceiling_eur"] = [max_fine(worldwide_turnover_eur, v, sme) for v in table.index]
    return table
