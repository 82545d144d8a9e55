"""Exercises of 10_capstone_first_90_days: the order of the first 90 days, a must-have's cost, a draft for the board."""

from caiokit.exercises import NumberExercise, RankingExercise, SetExercise

LESSON = "10_capstone_first_90_days"

FIRST_90_DAYS = (
    "Listen to the key stakeholders and assess AI maturity",
    "Score and rank the candidate use cases",
    "Choose a portfolio within the budget and the team's capacity",
    "Triage the chosen use cases under the AI Act and size the team for them",
    "Get the executive committee's approval for the plan",
    "Launch the quick wins and the first literacy sessions",
)
FIRST_90_DAYS_SHUFFLED = tuple(FIRST_90_DAYS[i] for i in (3, 5, 1, 4, 0, 2))

q1 = RankingExercise(
    LESSON,
    "q1",
    "first_90_days_order",
    reference=FIRST_90_DAYS,
    top_k=3,
    hints=[
        "Each action needs the result of the one before it: what must you know before you can rank, "
        "what must be ranked before you can choose, what must be chosen before you can triage it?",
        "The plan goes to the executive committee once it is complete (portfolio, triage, team), and nothing "
        "is launched before the committee approves it.",
    ],
    solution=(
        "Listen and assess (days 1-30); score and rank; choose the portfolio; triage what was chosen and size "
        "the team for it (days 31-60); get the plan approved; launch the quick wins and the literacy "
        "training (days 61-90). Each step uses the previous one's result: the ranking needs the weights "
        "you agreed while listening, the triage and the team need the chosen use cases."
    ),
)

q2 = NumberExercise(
    LESSON,
    "q2",
    "one_off_with_uc18",
    expected=575_000,
    rel_tol=0.001,
    unit=" EUR",
    hints=[
        'Build the plan with UC18 as a must-have: `build_plan({"mandatory": ["UC18"]})` keeps every other '
        'choice at its default; read its `totals["one_off_eur"]`.',
        "UC18 alone costs EUR 280,000, but the total does not rise by that much: UC18 needs 9 of the "
        "portfolio's person-months, so cheaper use cases have to leave the portfolio to make room.",
    ],
    solution=(
        'EUR 575,000: `build_plan({"mandatory": ["UC18"]}).totals["one_off_eur"]`. The default plan costs '
        "EUR 455,000; UC18 adds EUR 280,000 but its 9 person-months push out parcel routing (UC35), "
        "cash-flow forecasting (UC19) and supplier risk monitoring (UC34), EUR 160,000 together. The team's "
        "capacity, not the budget, is what limits the plan."
    ),
)

# A draft plan a colleague prepared: default choices, UC18 made a must-have, 10 person-months a quarter.
BOARD_DRAFT = {"mandatory": ["UC18"], "capacity_pm_per_quarter": 10.0}
BOARD_OPTIONS = (
    "No ambition is written yet",
    "UC18, the instant credit check, is high-risk and has no triage note",
    "The roadmap plans 10 person-months a quarter, but the team of 3 delivers at most 9",
    "EUR 285,000 of the one-off budget is left unspent",
    "Alvera's AI maturity is only Adopted",
    "The works council is a sceptic that must be managed closely",
    "Demand forecasting (UC32), ranked 3rd, is not in the portfolio",
)

q3 = SetExercise(
    LESSON,
    "q3",
    "board_issues",
    options=BOARD_OPTIONS,
    correct=BOARD_OPTIONS[:3],
    explanations={
        BOARD_OPTIONS[3]: "a budget the plan does not use up is no inconsistency: here the team's capacity, "
        "not money, limits the plan. Tell the committee, and keep the rest as a reserve or release it.",
        BOARD_OPTIONS[
            4
        ]: "that is the starting point the plan responds to, not a flaw in it: its first moves "
        "target the weakest pillars.",
        BOARD_OPTIONS[5]: "that is a fact the plan acts on (a one-to-one meeting in the first 30 days), not "
        "something to fix before the board sees it.",
        BOARD_OPTIONS[
            6
        ]: "the portfolio maximises the total score within the limits, so a high rank does not "
        "guarantee a place. Be ready to explain it, but it is not an error.",
    },
    hints=[
        "An issue to fix is something missing or contradictory in the plan itself: a required part left empty, "
        "a legal duty not addressed, or two numbers that cannot both be true.",
        "Three statements are such issues; the other four describe the situation or a consequence of the "
        "limits, which the plan can state and explain.",
    ],
    solution=(
        "The empty ambition, the missing triage note for the high-risk credit check (UC18), and a roadmap "
        "that asks 10 person-months a quarter of a team that delivers 9. `check_plan(build_plan(BOARD_DRAFT))` "
        "lists exactly these three. Unspent budget, today's maturity, a sceptical works council and a "
        "high-ranked use case left out are facts to explain, not errors to fix."
    ),
)
