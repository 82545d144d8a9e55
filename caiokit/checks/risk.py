"""Exercises of 13_ai_risk_security_incidents: appetite, notification deadlines, OWASP exposure, model tier."""

import datetime as dt

from caiokit.exercises import ChoiceExercise, MappingExercise, SetExercise
from caiokit.i18n import N_, lazy, listed
from caiokit.risk.deadlines import SeriousIncident, notification_deadlines
from caiokit.risk.model_risk import model_tier, tier_points
from caiokit.risk.owasp import Entry, exposed_entries, pilot_design
from caiokit.risk.register import RiskCategory, above_appetite, alvera_appetite, alvera_register, assess

LESSON = "13_ai_risk_security_incidents"

# q1: which of Alvera's risks are above the board's appetite, before treatment.
_REGISTER = alvera_register()
_APPETITE = alvera_appetite()
_ASSESSED = assess(_REGISTER, _APPETITE).set_index("id")
RISK_IDS = tuple(_REGISTER["id"])
_ABOVE = above_appetite(_REGISTER, _APPETITE)


def _within(risk: str):
    row = _ASSESSED.loc[risk]
    return lazy(
        "its score is {likelihood} x {impact} = {score}, within the board's {appetite} for {category}.",
        likelihood=int(row["likelihood"]),
        impact=int(row["impact"]),
        score=int(row["score"]),
        appetite=int(row["appetite"]),
        category=lambda: RiskCategory.label_of(row["category"]),
    )


q1 = SetExercise(
    LESSON,
    "q1",
    "above_appetite_ids",
    options=RISK_IDS,
    correct=_ABOVE,
    explanations={risk: _within(risk) for risk in RISK_IDS if risk not in _ABOVE},
    hints=[
        N_("Score each risk: likelihood x impact, before treatment (the first two numbers)."),
        lazy(
            "Compare each score with the appetite of its own category, not with one threshold for all: the "
            "board accepts up to {operational} for operational risks but only {rights} for fundamental rights.",
            operational=_APPETITE[RiskCategory.OPERATIONAL],
            rights=_APPETITE[RiskCategory.FUNDAMENTAL_RIGHTS],
        ),
    ],
    solution=lazy(
        "`above_appetite_ids = {answer}`: `above_appetite(register, appetite)`, or `assess(...)` and its "
        "`exceeds` column. R04 is one of them although its score is only {r04}: the appetite for fundamental "
        "rights is {rights}, and accepting it is not an option; treat it or take it to the board.",
        r04=int(_ASSESSED.loc["R04", "score"]),
        rights=_APPETITE[RiskCategory.FUNDAMENTAL_RIGHTS],
        answer="{" + ", ".join(repr(risk) for risk in sorted(_ABOVE)) + "}",
    ),
)

# q2: the OWASP entries the customer-service chatbot's design exposes. Options are labels at import.
_UC01 = exposed_entries(pilot_design("UC01"))
OWASP_OPTIONS = Entry.labels()

q2 = SetExercise(
    LESSON,
    "q2",
    "uc01_owasp",
    options=OWASP_OPTIONS,
    correct=[entry.label for entry in _UC01],
    explanations={
        Entry.LLM04.label: N_(
            "the pilot uses a provider's model as it is, with no fine-tuning on Alvera's data: nothing of "
            "Alvera's feeds its training."
        ),
        Entry.LLM06.label: N_(
            "the chatbot cannot act: the shop looks the order up before the model answers, and the model "
            "calls no tool that changes anything."
        ),
        Entry.LLM07.label: N_(
            "its system prompt holds tone and scope, no business rules or secrets: the refund rules stay in "
            "the shop's code."
        ),
    },
    hints=[
        N_("Go through the design's features one by one, and ask which entries each one opens the door to."),
        N_(
            "Free text from users opens prompt injection and unbounded consumption; retrieval adds vector and "
            "embedding weaknesses; customer data in the context, disclosure; a provider's model, supply chain."
        ),
    ],
    solution=lazy(
        "{answer}: `exposed_entries(pilot_design('UC01'))`. Not exposed: data and model poisoning (no "
        "training on Alvera's data), excessive agency (no tool that acts), system prompt leakage (no rules "
        "or secrets in the prompt). Change the design and the list changes: give the chatbot a refund tool "
        "and excessive agency enters.",
        answer=lambda: listed(entry.label for entry in _UC01),
    ),
)

# q3: the tier of the retail partners' credit-limit model (UC21) under the course's tiering rules.
UC21 = {"materiality": 3, "complexity": 1, "human_review": True, "affects_people": False}
TIERS = (N_("Tier 1"), N_("Tier 2"), N_("Tier 3"))
_TIER = model_tier(**UC21)
_POINTS = tier_points(**UC21)

q3 = ChoiceExercise(
    LESSON,
    "q3",
    "uc21_tier",
    options=TIERS,
    correct=TIERS[_TIER - 1],
    explanations={
        TIERS[0]: N_(
            "Credit sounds risky, but count the points: a credit manager reviews every limit, and the "
            "decisions are about companies, not people."
        ),
        TIERS[2]: N_("Its errors are material (3 points): wrong limits cost money or partners."),
    },
    hints=[
        N_(
            "Points: materiality (1-3) + complexity (1-3) + 1 if no human reviews the output + 1 if it decides about people."
        ),
        N_("Tier 1 from 6 points, tier 2 from 4, tier 3 below."),
    ],
    solution=lazy(
        "Tier {tier}: {points} points (materiality 3 + complexity 1, a credit manager reviews every limit, "
        "the partners are companies). `model_tier(3, 1, human_review=True, affects_people=False)`. It is "
        "validated independently at least every 24 months.",
        tier=_TIER,
        points=_POINTS,
    ),
)

# q4: the deadlines of four duties, from a moment of awareness.
AWARE_AT = dt.datetime(2026, 12, 10, 16, 30)


def _iso(moment: dt.datetime) -> str:
    return moment.strftime("%Y-%m-%d %H:%M")


def _latest(**facts) -> str:
    return _iso(notification_deadlines(AWARE_AT, **facts)[0].latest)


DEADLINE_DUTIES = {
    N_("GDPR Art. 33: notify the data protection authority"): _latest(personal_data_breach=True),
    N_("AI Act Art. 73: report a serious incident (general case)"): _latest(
        serious_incident=SeriousIncident.GENERAL
    ),
    N_("AI Act Art. 73: report a serious incident that caused a death"): _latest(
        serious_incident=SeriousIncident.DEATH
    ),
    N_("AI Act Art. 73: report a widespread infringement"): _latest(
        serious_incident=SeriousIncident.WIDESPREAD
    ),
}
DEADLINE_CHOICES = tuple(
    sorted(
        {
            *DEADLINE_DUTIES.values(),
            _iso(AWARE_AT + dt.timedelta(hours=24)),
            _iso(AWARE_AT + dt.timedelta(days=30)),
            _iso(AWARE_AT + dt.timedelta(days=5)),
        }
    )
)

q4 = MappingExercise(
    LESSON,
    "q4",
    "deadlines",
    correct=DEADLINE_DUTIES,
    categories=DEADLINE_CHOICES,
    hints=[
        N_(
            "Every clock starts when Alvera becomes aware: add 72 hours for GDPR, and 15, 10 or 2 days for the "
            "AI Act, depending on the kind of serious incident."
        ),
        N_(
            "`notification_deadlines(aware_at, personal_data_breach=True)` and "
            '`notification_deadlines(aware_at, serious_incident="death")` compute them: read each `latest`.'
        ),
    ],
    solution=lazy(
        "GDPR: {gdpr} (72 hours). AI Act Art. 73: {general} (15 days), {death} (10 days after awareness, in "
        "case of death) and {widespread} (2 days for a widespread infringement). A shorter clock does not "
        "wait for the longer one: the most serious incidents have the least time.",
        gdpr=DEADLINE_DUTIES["GDPR Art. 33: notify the data protection authority"],
        general=DEADLINE_DUTIES["AI Act Art. 73: report a serious incident (general case)"],
        death=DEADLINE_DUTIES["AI Act Art. 73: report a serious incident that caused a death"],
        widespread=DEADLINE_DUTIES["AI Act Art. 73: report a widespread infringement"],
    ),
)
