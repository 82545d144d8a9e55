"""Exercises of 06_ethics_and_compliance: tiers of a dozen systems, deployer duties, a fine ceiling, a ratio."""

from caiokit.aiact import Tier, max_fine, violations
from caiokit.exercises import Case, FunctionExercise, MappingExercise, NumberExercise, SetExercise
from caiokit.i18n import N_, format_number, format_percent, lazy
from caiokit.strategy import load_company

LESSON = "06_ethics_and_compliance"

# Twelve AI systems, described in plain words, with the tier the EU AI Act puts them in.
SYSTEMS = {
    N_("Ranks incoming job applications so recruiters read the best matches first"): Tier.HIGH,
    N_("Answers shoppers' questions in a chat window on the online shop"): Tier.TRANSPARENCY,
    N_("Moves junk e-mail out of the customer-service inbox"): Tier.MINIMAL,
    N_("Reads call-centre agents' emotions from their voices during calls"): Tier.PROHIBITED,
    N_("Decides whether a consumer may pay in instalments, from their creditworthiness"): Tier.HIGH,
    N_(
        "A retailer rates customers on their social-media behaviour and refuses repairs to low scorers"
    ): Tier.PROHIBITED,
    N_("Forecasts next month's demand for spare parts in the warehouse"): Tier.MINIMAL,
    N_("Creates photo-realistic kitchen scenes for advertising campaigns"): Tier.TRANSPARENCY,
    N_(
        "Watches learners through their webcam during online certification exams and flags cheating"
    ): Tier.HIGH,
    N_("Builds a face-recognition database from photos scraped from social networks"): Tier.PROHIBITED,
    N_("Spots scratches and dents on appliances on the assembly line"): Tier.MINIMAL,
    N_("Recommends which warehouse staff to promote, from their performance records"): Tier.HIGH,
}

q1 = MappingExercise(
    LESSON,
    "q1",
    "tier_of_system",
    correct=SYSTEMS,
    categories=tuple(Tier),
    hints=[
        N_(
            "Go down the tiers in order: first ask whether the practice is banned by Art. 5, then whether it falls "
            "in an Annex III area (hiring, workers, credit, education...), then whether people interact with it or "
            "see content it generates (Art. 50). Whatever is left is minimal."
        ),
        N_(
            "Three are prohibited (emotions at work, social scoring by any operator, untargeted face scraping), "
            "four are high-risk (two in employment, one in credit, one in education), two carry transparency duties. "
            "The triage tool above gives the tier with its reasons."
        ),
    ],
    solution=N_(
        "Prohibited: agents' emotions at work (Art. 5(1)(f)); the retailer's social score, since the ban covers "
        "private companies too (Art. 5(1)(c)); the scraped face database (Art. 5(1)(e)). High: CV ranking and "
        "promotion recommendations (Annex III point 4, employment), instalment credit decisions (point 5), exam "
        "proctoring (point 3); none is a mere procedural or preparatory task, and those that profile people could "
        "never use Art. 6(3) anyway. Transparency: the shop chatbot (Art. 50(1)) and realistic generated images "
        "(Art. 50(2), and Art. 50(4) if they pass for real). Minimal: the spam filter, the "
        "spare-parts forecast and the defect detection."
    ),
)

DEPLOYER_OPTIONS = (
    N_("Use it according to the provider's instructions for use"),
    N_("Give human oversight to trained staff with the authority to intervene"),
    N_("Keep the logs it generates for at least six months"),
    N_("Make sure the input data Alvera controls is relevant and representative"),
    N_("Monitor how it works and tell the provider about risks and serious incidents"),
    N_("Carry out the conformity assessment and affix the CE marking"),
    N_("Write the system's technical documentation"),
    N_("Run the quality management system under which the system is developed"),
)

q2 = SetExercise(
    LESSON,
    "q2",
    "deployer_duties",
    options=DEPLOYER_OPTIONS,
    correct=DEPLOYER_OPTIONS[:5],
    explanations={
        DEPLOYER_OPTIONS[5]: N_(
            "conformity assessment and CE marking come before the system is sold: the provider's job (Arts 43 and 48)."
        ),
        DEPLOYER_OPTIONS[6]: N_(
            "the technical documentation is written by whoever builds the system, the provider (Art. 11)."
        ),
        DEPLOYER_OPTIONS[7]: N_(
            "the quality management system covers design and development: a provider duty (Art. 17)."
        ),
    },
    hints=[
        N_(
            "A deployer uses the system; a provider builds it and puts it on the market. Which duties can only be "
            "done by whoever builds it?"
        ),
        N_("Five of the eight are deployer duties under Art. 26; the other three are provider duties."),
    ],
    solution=N_(
        "The five deployer duties of Art. 26: follow the instructions for use, competent human oversight, relevant "
        "input data, monitoring and reporting, logs kept at least six months. Conformity assessment and CE "
        "marking, technical documentation and the quality management system fall on the provider."
    ),
)

# q3: the ceiling of the fine for a deployer's breach (Art. 99(4)) at Alvera's turnover, in millions of euros.
_TURNOVER = load_company()["turnover_eur"]
_RULE = violations().loc["obligations"]
_CEILING = max_fine(_TURNOVER, "obligations")

q3 = NumberExercise(
    LESSON,
    "q3",
    "alvera_fine_ceiling_m_eur",
    expected=_CEILING / 1e6,
    rel_tol=0.001,
    unit=" M EUR",
    hints=[
        lazy(
            "Keeping logs is an obligation of deployers (Art. 26), so the ceiling of {basis} applies: "
            "EUR {fixed} M or {share} of worldwide annual turnover.",
            basis=_RULE["basis"],
            fixed=lambda: format_number(_RULE["fixed_eur"] / 1e6),
            share=lambda: format_percent(_RULE["turnover_share"]),
        ),
        N_(
            "Alvera is not an SME, so the HIGHER of the two amounts applies. Answer in millions of euros "
            "(write 12.5 for EUR 12,500,000)."
        ),
    ],
    solution=lazy(
        "`alvera_fine_ceiling_m_eur = {answer_code}`: {share} of EUR {turnover} M is EUR {answer} M, more than the "
        "fixed EUR {fixed} M, and for a company that is not an SME the higher amount is the ceiling ({basis}). "
        "`max_fine({turnover_code}, 'obligations')` gives the same, in euros.",
        answer_code=f"{_CEILING / 1e6:g}",
        answer=lambda: format_number(_CEILING / 1e6, decimals=1),
        share=lambda: format_percent(_RULE["turnover_share"]),
        turnover=lambda: format_number(_TURNOVER / 1e6),
        fixed=lambda: format_number(_RULE["fixed_eur"] / 1e6),
        basis=_RULE["basis"],
        turnover_code=f"{_TURNOVER / 1e6:g}e6",
    ),
)

q4 = FunctionExercise(
    LESSON,
    "q4",
    "impact_ratio",
    cases=(
        Case(({"A": 0.5, "B": 0.4},), expected=0.8),
        Case(({"men": 0.3, "women": 0.45},), expected=2 / 3),
        Case(({"A": 0.2, "B": 0.25, "C": 0.1},), expected=0.4),
        Case(({"A": 0.3, "B": 0.3},), expected=1.0),
    ),
    rel_tol=1e-4,
    hints=[
        N_(
            "The ratio compares the least favoured group with the most favoured one: lowest rate divided by highest."
        ),
        N_(
            "`rates.values()` gives the rates; `min(...)` and `max(...)` find the lowest and the highest. "
            "It must work whichever group comes first, and with more than two groups."
        ),
    ],
    solution=N_(
        "\n```python\ndef impact_ratio(rates):\n    return min(rates.values()) / max(rates.values())\n```\n"
        "`caiokit.fairness.selection_ratio` does the same, and refuses the case where nobody is selected."
    ),
)
