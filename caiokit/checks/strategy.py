"""Exercises of 02_ai_strategy: the parts of a strategy, OKR alignment, maturity models, Ng's playbook."""

from caiokit.catalog import VALUE_DRIVERS
from caiokit.exercises import MappingExercise, NumberExercise, RankingExercise, SetExercise
from caiokit.facts import share
from caiokit.i18n import N_, format_number, format_percent, lazy

LESSON = "02_ai_strategy"

# Option texts, items, hints, solutions and explanations are marked with N_ (or built with lazy) and
# translated where shown.

# q1: the parts of a strategy canvas a sentence of a draft can belong to. Plain texts, not a Category:
# ExerciseWidget shows a mapping's categories as they are, so a Category would show its ids.
CANVAS_PARTS = (
    N_("ambition"),
    N_("key result"),
    N_("priority use case"),
    N_("roadmap"),
    N_("operating model"),
    N_("governance"),
    N_("funding"),
    N_("risk"),
)

# q1: which part of the strategy canvas does each sentence of Alvera's draft belong to? (in CANVAS_PARTS order)
CANVAS_ITEMS = (
    N_(
        "Within three years, AI answers most customer questions in minutes and helps both factories waste less"
    ),
    N_("Scrap rate in Lyon and Poznań down from 3.5% to 2.5%"),
    N_("Visual quality inspection on the Poznań assembly line"),
    N_("Pilot email triage in the first six months, then extend it to all twelve countries"),
    N_("A central AI team in Lyon, with data scientists embedded in customer service and in both factories"),
    N_("An AI board chaired by the COO approves every high-risk system before it goes live"),
    N_("EUR 2 M a year for three years, released in stages as pilots meet their targets"),
    N_("Customer data used to train a model without a legal basis"),
)

q1 = MappingExercise(
    LESSON,
    "q1",
    "canvas_parts",
    correct=dict(zip(CANVAS_ITEMS, CANVAS_PARTS, strict=True)),
    categories=CANVAS_PARTS,
    hints=[
        N_(
            "Ask of each sentence which question it answers: where to (ambition), how we measure (key result), "
            "what first (use case), when (roadmap), who does the work (operating model), who decides "
            "(governance), with what money (funding), what could go wrong (risk)."
        ),
        N_(
            "Two pairs are easy to swap. A key result is a measured target, not a project; the operating model "
            "says who does the work, governance says who decides and under which rules."
        ),
    ],
    solution=N_(
        "ambition: *Within three years...*; key result: *Scrap rate ... down from 3.5% to 2.5%*; priority use "
        "case: *Visual quality inspection*; roadmap: *Pilot email triage in the first six months...*; operating "
        "model: *A central AI team in Lyon, with data scientists embedded...* (a hub and spokes); governance: "
        "*An AI board ... approves every high-risk system*; funding: *EUR 2 M a year ... released in stages*; "
        "risk: *Customer data used ... without a legal basis*."
    ),
)

# q2: which value driver does each of Alvera's key results move? (texts from data/en/company.json)
KEY_RESULTS = (
    N_("Cost per service contact down 20% by end of 2028"),
    N_("Three quarters of warranty questions answered within one hour"),
    N_("Online revenue from 18% to 25% of turnover by end of 2028"),
    N_("Accessory and warranty revenue per online order up 15%"),
    CANVAS_ITEMS[1],  # the scrap rate
    N_("Every AI system listed in an inventory with its EU AI Act tier"),
)

_REVENUE, _COST, _RISK_REDUCTION, _CUSTOMER = VALUE_DRIVERS  # the catalog's value drivers, in its order

q2 = MappingExercise(
    LESSON,
    "q2",
    "kr_drivers",
    correct=dict(
        zip(KEY_RESULTS, (_COST, _CUSTOMER, _REVENUE, _REVENUE, _COST, _RISK_REDUCTION), strict=True)
    ),
    categories=VALUE_DRIVERS,
    hints=[
        N_(
            "Read what each key result measures: money coming in (revenue), money going out (cost), "
            "the customer's experience (customer), or exposure to losses and fines (risk reduction)."
        ),
        N_(
            "Answering faster does not by itself cost less: it is what the customer feels. Scrap is material "
            "paid for and thrown away."
        ),
    ],
    solution=N_(
        "cost: cost per service contact, scrap rate; customer: warranty questions answered within one hour; "
        "revenue: online share of turnover, accessory and warranty revenue per order; risk reduction: the AI "
        "system inventory with its EU AI Act tier."
    ),
)

# q3: MITRE's five level names, with common mix-ups among the options.
LEVEL_OPTIONS = (
    N_("Initial"),
    N_("Developing"),
    N_("Adopted"),
    N_("Experiment"),
    N_("Defined"),
    N_("Managed"),
    N_("Scale"),
    N_("Optimized"),
)

q3 = SetExercise(
    LESSON,
    "q3",
    "mitre_levels",
    options=LEVEL_OPTIONS,
    correct=LEVEL_OPTIONS[0:1] + LEVEL_OPTIONS[2:3] + LEVEL_OPTIONS[4:6] + LEVEL_OPTIONS[7:],
    explanations={
        LEVEL_OPTIONS[1]: N_(
            "a frequent mix-up in summaries of the model; MITRE's second level is called Adopted."
        ),
        LEVEL_OPTIONS[3]: N_(
            "that word belongs to MIT CISR's first stage (Experiment and prepare), not to MITRE's levels."
        ),
        LEVEL_OPTIONS[6]: N_(
            "scaling is what many maturity models aim at, but it is not one of MITRE's level names."
        ),
    },
    hints=[
        N_(
            "There are five. They go from doing things once, to doing them by the book, to measuring and "
            "improving them."
        ),
        N_("Two of the distractors are words other maturity models use; one is a common misquote."),
    ],
    solution=N_(
        "`mitre_levels = {'Initial', 'Adopted', 'Defined', 'Managed', 'Optimized'}`. 'Developing' is a "
        "frequent misquote; 'Experiment' and 'Scale' are other models' vocabulary, not MITRE's levels."
    ),
)

# q4: MIT CISR's 2022 survey: how many of the 721 firms were in stages 3 or 4 (shares from the facts table)?
CISR_FIRMS = 721
_STAGE_3, _STAGE_4 = share("cisr_stage_3"), share("cisr_stage_4")
_ABOVE = _STAGE_3 + _STAGE_4
_BELOW = share("cisr_stage_1") + share("cisr_stage_2")

q4 = NumberExercise(
    LESSON,
    "q4",
    "firms_above_average",
    expected=_ABOVE * CISR_FIRMS,
    rel_tol=0.01,
    unit=N_(" firms"),
    hints=[
        N_("Stages 3 and 4 are the ones above the industry average financially. Add their two shares."),
        lazy(
            "{stage_3} + {stage_4} = {above} of {firms} firms. Multiply by {above_share}, not by {above_points}.",
            stage_3=lambda: format_percent(_STAGE_3),
            stage_4=lambda: format_percent(_STAGE_4),
            above=lambda: format_percent(_ABOVE),
            firms=CISR_FIRMS,
            above_share=f"{_ABOVE:g}",
            above_points=lambda: format_number(_ABOVE * 100),
        ),
    ],
    solution=lazy(
        "`firms_above_average = ({stage_3_share} + {stage_4_share}) * {firms}`, about **{answer}** firms "
        "({above}); the other {below}, about {below_firms} firms, were in stages 1 and 2.",
        stage_3_share=f"{_STAGE_3:g}",
        stage_4_share=f"{_STAGE_4:g}",
        firms=CISR_FIRMS,
        answer=lambda: format_number(_ABOVE * CISR_FIRMS),
        above=lambda: format_percent(_ABOVE),
        below=lambda: format_percent(_BELOW),
        below_firms=lambda: format_number(_BELOW * CISR_FIRMS),
    ),
)

# q5: the order of the five steps of Andrew Ng's AI Transformation Playbook.
NG_STEPS = (
    N_("Develop an AI strategy"),
    N_("Provide broad AI training"),
    N_("Execute pilot projects to gain momentum"),
    N_("Develop internal and external communications"),
    N_("Build an in-house AI team"),
)

q5 = RankingExercise(
    LESSON,
    "q5",
    "ng_steps_in_order",
    reference=tuple(NG_STEPS[i] for i in (2, 4, 1, 0, 3)),
    hints=[
        N_("Ng starts with action, not with a document: what gives a company its first AI successes?"),
        N_(
            "The strategy comes late, fourth: by then the company has seen what AI does for it, has its own "
            "team and has trained its people. Communication closes the list."
        ),
    ],
    solution=N_(
        "1. Execute pilot projects to gain momentum; 2. Build an in-house AI team; 3. Provide broad AI "
        "training; 4. Develop an AI strategy; 5. Develop internal and external communications."
    ),
)
