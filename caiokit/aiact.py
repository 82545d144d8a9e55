"""EU AI Act triage: which risk tier an AI system falls in, why, who must do what, by when, and fine ceilings.

The rules are data, not code: ``caiokit/data/aiact_rules.json`` holds the four tiers, the ten prohibited
practices of Art. 5(1) (points (a)-(h), and (ba) and (bb) added by the Digital Omnibus), the eight Annex III
areas, the Art. 6(3) conditions, the Art. 50 transparency cases (each with its tier and legal basis), the
questionnaire, the obligations per tier and role, and the fine ceilings of Arts 99 and 101. The calendar is the
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
from functools import lru_cache
from typing import Any

import pandas as pd

from caiokit import datafiles, facts
from caiokit.errors import CaioKitError
from caiokit.i18n import lower_first
from caiokit.validation import is_number

TIERS = ("prohibited", "high", "transparency", "minimal")
ROLES = ("provider", "deployer")
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
    "none_option": "None of these",
    "not_mapping": "answers should be a dict such as {{'role': 'deployer', 'annex_iii_area': 'employment'}}, not a {kind}.",
    "unknown_key": "'{key}' is not a question of the triage{suggestion}. The question keys are: {keys}.",
    "suggestion": " (did you mean '{match}'?)",
    "not_bool": "the answer to '{key}' should be True or False, not {value!r}.",
    "not_option": "the answer to '{key}' should be one of {options}, not {value!r}.",
    "bad_kind": "'{kind}' is not a kind of rule; use one of {kinds}.",
    "bad_tier": "'{tier}' is not a tier; use one of {tiers}.",
    "bad_role": "'{role}' is not a role; use one of {roles}.",
    "bad_violation": "'{violation}' is not a type of violation; use one of {violations}.",
    "bad_turnover": "the worldwide annual turnover should be a number of euros, 0 or more, not {value!r}.",
    "bad_sme": "sme should be True (an SME or start-up) or False, not {value!r}.",
    "prohibited": "{basis}: {label} is a prohibited practice. It is banned in the EU from {since}, and no compliance measure can make it lawful.",
    "annex_i": "Art. 6(1) and Annex I: it is a safety component of a product covered by EU product-safety law that needs third-party conformity assessment, so it is high-risk. The Art. 6(3) exception does not apply to this route. Since the 2026 amendment, a function that only assists the user, optimises performance or convenience, or checks quality is reported not to be a safety component unless its failure would endanger health or safety (Art. 6(1a)-(1c)).",
    "annex_iii": "{basis}: it is used in a high-risk area, {label}.",
    "emotion_in_annex_iii": "Emotion recognition and categorisation by protected characteristics from biometric data are listed under Annex III point 1 (biometrics).",
    "profiling_blocks_exception": "It profiles people, so the Art. 6(3) exception cannot apply: an Annex III system that profiles people is always high-risk (Art. 6(3), last subparagraph).",
    "exception": "{basis}: it only {label}, without profiling anyone; if it poses no significant risk of harm, it is not high-risk. The provider must document this assessment before placing it on the market (Art. 6(4)); whether it must also register the system (Art. 49(2)) is reported both ways since the 2026 amendment.",
    "transparency": "{basis}: it {label}, so the {duty_of} has a transparency duty.",
    "transparency_on_top": "The Art. 50 transparency duties apply on top of the high-risk obligations.",
    "fria": "Art. 27: as a public body, a private provider of public services, or a deployer of credit scoring or life and health insurance pricing, the deployer must assess the impact on fundamental rights before first use.",
    "minimal": "None of the answers points to a prohibited practice, a high-risk use or a transparency case: the system is minimal risk. The AI literacy duty (Art. 4) still applies.",
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
        return tuple(option_id for option_id, _ in self.options)


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
        flag = {"proposed": " (PROPOSED, not law)", "reported": " (as reported, see the source)"}.get(
            self.status, ""
        )
        return f"{format_date(self.date)}{flag}: {self.applies}"


@dataclass
class TriageResult:
    """The outcome of a triage: tier, plain-language reasons citing articles, duties per role, key dates."""

    tier: str
    reasons: list[str]
    obligations: dict[str, list[str]]
    key_dates: list[KeyDate]
    answers: dict[str, bool | str] = field(default_factory=dict)

    @property
    def tier_label(self) -> str:
        """The tier's full name, e.g. 'High risk'."""
        return tier_table().loc[self.tier, "label"]

    def _repr_markdown_(self) -> str:
        lines = [f"**Tier: {self.tier_label}** (`{self.tier}`)", "", "**Why**"]
        lines += [f"- {reason}" for reason in self.reasons]
        for role, duties in self.obligations.items():
            lines += ["", f"**What the {role} must do**"] + [f"- {duty}" for duty in duties]
        lines += ["", "**Key dates**"] + [f"- {key_date}" for key_date in self.key_dates]
        return "\n".join(lines)


def format_date(day: dt.date) -> str:
    """A date as the course writes it, e.g. '2 Aug 2026'."""
    return facts.format_date(day)


@lru_cache(maxsize=1)
def _data() -> dict[str, Any]:
    data = datafiles.document("aiact_rules.json")
    problems = [
        f"rule {rule['id']}: tier {rule['tier']!r}" for rule in data["rules"] if rule["tier"] not in TIERS
    ]
    problems += [f"rule {rule['id']}: no legal basis" for rule in data["rules"] if not rule.get("basis")]
    problems += [
        f"rule {rule['id']}: date scope {rule.get('scope')!r}"
        for rule in data["rules"]
        if rule["kind"] == "prohibited" and rule.get("scope") not in DATE_SCOPES
    ]
    problems += [f"tier {tier}: no obligations" for tier in TIERS if tier not in data["obligations"]]
    if problems:
        raise AIActError("aiact_rules.json is inconsistent: " + "; ".join(problems))
    return data


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
            raise AIActError(_TEXT["bad_kind"].format(kind=kind, kinds=", ".join(kinds)))
        table = table[table["kind"] == kind]
    return table[["kind", "label", "tier", "basis"]]


def tier_table() -> pd.DataFrame:
    """The four tiers, most to least severe: label, legal basis and what the tier means, indexed by tier."""
    return pd.DataFrame(_data()["tiers"]).set_index("tier")


@lru_cache(maxsize=1)
def questions() -> tuple[Question, ...]:
    """The triage questionnaire, as data: one :class:`Question` per answer key."""
    built = []
    for raw in _data()["questions"]:
        options: tuple[tuple[str, str], ...] = ()
        if "options_from" in raw:
            options = ((NONE, _TEXT["none_option"]),) + tuple(
                (rule["id"], rule["label"]) for rule in _rules_of(raw["options_from"])
            )
        elif "options" in raw:
            options = tuple((option_id, label) for option_id, label in raw["options"])
        built.append(Question(raw["key"], raw["kind"], raw["text"], raw["default"], options))
    return tuple(built)


def default_answers() -> dict[str, bool | str]:
    """Every question's default answer: a deployer of a system that triggers nothing (minimal risk)."""
    return {question.key: question.default for question in questions()}


def examples() -> dict[str, dict[str, bool | str]]:
    """Worked triage answers for some of Alvera's catalog use cases, by name (e.g. 'CV screening ...')."""
    return {f"{ex['catalog_id']} {ex['name']}": dict(ex["answers"]) for ex in _data()["examples"]}


def _normalise(answers: Mapping[str, Any]) -> dict[str, bool | str]:
    if not isinstance(answers, Mapping):
        raise AnswerError(_TEXT["not_mapping"].format(kind=type(answers).__name__))
    by_key = {question.key: question for question in questions()}
    result = default_answers()
    for key, value in answers.items():
        if key not in by_key:
            close = difflib.get_close_matches(str(key), list(by_key), n=1)
            suggestion = _TEXT["suggestion"].format(match=close[0]) if close else ""
            raise AnswerError(
                _TEXT["unknown_key"].format(key=key, suggestion=suggestion, keys=", ".join(by_key))
            )
        question = by_key[key]
        if question.kind == "bool":
            if not isinstance(value, bool):
                raise AnswerError(_TEXT["not_bool"].format(key=key, value=value))
            result[key] = value
            continue
        chosen = value.strip().lower() if isinstance(value, str) else value
        if chosen not in question.option_ids:
            options = ", ".join(repr(option) for option in question.option_ids)
            raise AnswerError(_TEXT["not_option"].format(key=key, options=options, value=value))
        result[key] = chosen
    return result


def obligations(tier: str, role: str) -> list[str]:
    """What the Act asks of a provider or a deployer of a system in this tier (before case-specific duties)."""
    if tier not in TIERS:
        raise AIActError(_TEXT["bad_tier"].format(tier=tier, tiers=", ".join(TIERS)))
    if role not in ROLES:
        raise AIActError(_TEXT["bad_role"].format(role=role, roles=", ".join(ROLES)))
    return list(_data()["obligations"][tier][role])


@lru_cache(maxsize=1)
def _dates() -> pd.DataFrame:
    rows = facts.calendar()
    table = pd.DataFrame(
        {
            "date": pd.to_datetime([row["value"] for row in rows], format="%Y-%m-%d"),
            "applies": [row["statement"] for row in rows],
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
    table = _dates()
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
    roles = ROLES if a["role"] == "both" else (str(a["role"]),)
    if a["prohibited_practice"] != NONE:
        rule = _rule("prohibited", str(a["prohibited_practice"]))
        dates = _dates_for({rule["scope"]}, include_proposed)
        since = format_date(min(key_date.date for key_date in dates))
        reason = _TEXT["prohibited"].format(
            basis=rule["basis"], label=lower_first(rule["label"]), since=since
        )
        return TriageResult(
            tier="prohibited",
            reasons=[reason],
            obligations={role: obligations("prohibited", role) for role in roles},
            key_dates=dates,
            answers=a,
        )

    reasons: list[str] = []
    extra: dict[str, list[str]] = {role: [] for role in roles}
    scopes: set[str] = {"all"}
    high = False
    if a["annex_i_product"]:
        high = True
        scopes.add("high_annex_i")
        reasons.append(_TEXT["annex_i"])

    areas = [str(a["annex_iii_area"])] if a["annex_iii_area"] != NONE else []
    if a["emotion_recognition"] and "biometrics" not in areas:
        areas.append("biometrics")
        reasons.append(_TEXT["emotion_in_annex_iii"])
    annex_iii_high = False
    for area in areas:
        rule = _rule("annex_iii", area)
        reasons.append(_TEXT["annex_iii"].format(basis=rule["basis"], label=lower_first(rule["label"])))
    if areas and a["profiles_people"]:
        annex_iii_high = True
        reasons.append(_TEXT["profiling_blocks_exception"])
    elif areas and a["art_6_3_condition"] != NONE:
        condition = _rule("art_6_3_conditions", str(a["art_6_3_condition"]))
        label = condition["label"].split(") ", 1)[1]
        reasons.append(_TEXT["exception"].format(basis=condition["basis"], label=label))
        extras = _data()["extra_obligations"]
        for role in roles:
            extra[role].append(extras[f"art_6_3_{role}"])
    elif areas:
        annex_iii_high = True
    if annex_iii_high:
        high = True
        scopes.add("high_annex_iii")
        if a["fria_context"] and "deployer" in roles and areas != ["critical_infrastructure"]:
            reasons.append(_TEXT["fria"])
            extra["deployer"].append(_data()["extra_obligations"]["fria"])

    triggered = [rule for rule in _rules_of("transparency") if a[rule["id"]]]
    for rule in triggered:
        reasons.append(
            _TEXT["transparency"].format(
                basis=rule["basis"], label=lower_first(rule["label"]), duty_of=rule["duty_of"]
            )
        )
        if rule["duty_of"] in extra:
            extra[rule["duty_of"]].append(rule["obligation"])
    if triggered:
        scopes.add("transparency")
        if high:
            reasons.append(_TEXT["transparency_on_top"])

    tier = "high" if high else "transparency" if triggered else "minimal"
    if tier == "minimal" and not reasons:
        reasons.append(_TEXT["minimal"])
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
            _TEXT["bad_violation"].format(violation=violation, violations=", ".join(map(repr, fines)))
        )
    if not is_number(worldwide_turnover_eur) or worldwide_turnover_eur < 0:
        raise AIActError(_TEXT["bad_turnover"].format(value=worldwide_turnover_eur))
    if not isinstance(sme, bool):
        raise AIActError(_TEXT["bad_sme"].format(value=sme))
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
