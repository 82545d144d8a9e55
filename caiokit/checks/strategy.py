"""Exercises of 02_ai_strategy: the parts of a strategy, OKR alignment, maturity models, Ng's playbook."""

from caiokit.catalog import VALUE_DRIVERS
from caiokit.exercises import MappingExercise, NumberExercise, RankingExercise, SetExercise
from caiokit.facts import share
from caiokit.i18n import format_number, format_percent, lazy

LESSON = "02_ai_strategy"

# q1: which part of the strategy canvas does each sentence of Alvera's draft belong to?
CANVAS_PARTS = (
    "ambition",
    "key result",
    "priority use case",
    "roadmap",
    "operating model",
    "governance",
    "funding",
    "risk",
)
_CANVAS_ANSWERS = {
    "Within three years, AI answers most customer questions in minutes and helps both factories waste less": "ambition",
    "Scrap rate in Lyon and Poznań down from 3.5% to 2.5%": "key result",
    "Visual quality inspection on the Poznań assembly line": "priority use case",
    "Pilot email triage in the first six months, then extend it to all twelve countries": "roadmap",
    "A central AI team in Lyon, with data scientists embedded in customer service and in both factories": "operating model",
    "An AI board chaired by the COO approves every high-risk system before it goes live": "governance",
    "EUR 2 M a year for three years, released in stages as pilots meet their targets": "funding",
    "Customer data used to train a model without a legal basis": "risk",
}
CANVAS_ITEMS = tuple(_CANVAS_ANSWERS)

q1 = MappingExercise(
    LESSON,
    "q1",
    "canvas_parts",
    correct=_CANVAS_ANSWERS,
    categories=CANVAS_PARTS,
    hints=[
        "Ask of each sentence which question it answers: where to (ambition), how we measure (key result), "
        "what first (use case), when (roadmap), who does the work (operating model), who decides "
        "(governance), with what money (funding), what could go wrong (risk).",
        "Two pairs are easy to swap. A key result is a measured target, not a project; the operating model "
        "says who does the work, governance says who decides and under which rules.",
    ],
    solution=(
        "ambition: *Within three years...*; key result: *Scrap rate ... down from 3.5% to 2.5%*; priority use "
        "case: *Visual quality inspection*; roadmap: *Pilot email triage in the first six months...*; operating "
        "model: *A central AI team in Lyon, with data scientists embedded...* (a hub and spokes); governance: "
        "*An AI board ... approves every high-risk system*; funding: *EUR 2 M a year ... released in stages*; "
        "risk: *Customer data used ... without a legal basis*."
    ),
)

# q2: which value driver does each of Alvera's key results move? (texts from data/company.json)
_DRIVER_ANSWERS = {
    "Cost per service contact down 20% by end of 2028": "cost",
    "Three quarters of warranty questions answered within one hour": "customer",
    "Online revenue from 18% to 25% of turnover by end of 2028": "revenue",
    "Accessory and warranty revenue per online order up 15%": "revenue",
    "Scrap rate in Lyon and Poznań down from 3.5% to 2.5%": "cost",
    "Every AI system listed in an inventory with its EU AI Act tier": "risk reduction",
}
KEY_RESULTS = tuple(_DRIVER_ANSWERS)

q2 = MappingExercise(
    LESSON,
    "q2",
    "kr_drivers",
    correct=_DRIVER_ANSWERS,
    categories=VALUE_DRIVERS,
    hints=[
        "Read what each key result measures: money coming in (revenue), money going out (cost), "
        "the customer's experience (customer), or exposure to losses and fines (risk reduction).",
        "Answering faster does not by itself cost less: it is what the customer feels. Scrap is material "
        "paid for and thrown away.",
    ],
    solution=(
        "cost: cost per service contact, scrap rate; customer: warranty questions answered within one hour; "
        "revenue: online share of turnover, accessory and warranty revenue per order; risk reduction: the AI "
        "system inventory with its EU AI Act tier."
    ),
)

# q3: MITRE's five level names, with common mix-ups among the options.
LEVEL_OPTIONS = (
    "Initial",
    "Developing",
    "Adopted",
    "Experiment",
    "Defined",
    "Managed",
    "Scale",
    "Optimized",
)

q3 = SetExercise(
    LESSON,
    "q3",
    "mitre_levels",
    options=LEVEL_OPTIONS,
    correct=("Initial", "Adopted", "Defined", "Managed", "Optimized"),
    explanations={
        "Developing": "a frequent mix-up in summaries of the model; MITRE's second level is called Adopted.",
        "Experiment": "that word belongs to MIT CISR's first stage (Experiment and prepare), not to MITRE's levels.",
        "Scale": "scaling is what many maturity models aim at, but it is not one of MITRE's level names.",
    },
    hints=[
        "There are five. They go from doing things once, to doing them by the book, to measuring and "
        "improving them.",
        "Two of the distractors are words other maturity models use; one is a common misquote.",
    ],
    solution=(
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
    unit=" firms",
    hints=[
        "Stages 3 and 4 are the ones above the industry average financially. Add their two shares.",
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
    "Develop an AI strategy",
    "Provide broad AI training",
    "Execute pilot projects to gain momentum",
    "Develop internal and external communications",
    "Build an in-house AI team",
)

q5 = RankingExercise(
    LESSON,
    "q5",
    "ng_steps_in_order",
    reference=(
        "Execute pilot projects to gain momentum",
        "Build an in-house AI team",
        "Provide broad AI training",
        "Develop an AI strategy",
        "Develop internal and external communications",
    ),
    hints=[
        "Ng starts with action, not with a document: what gives a company its first AI successes?",
        "The strategy comes late, fourth: by then the company has seen what AI does for it, has its own "
        "team and has trained its people. Communication closes the list.",
    ],
    solution=(
        "1. Execute pilot projects to gain momentum; 2. Build an in-house AI team; 3. Provide broad AI "
        "training; 4. Develop an AI strategy; 5. Develop internal and external communications."
    ),
)
