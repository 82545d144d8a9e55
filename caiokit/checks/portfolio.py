"""Exercises of 04_portfolio_roadmap_value: the greedy trap, NPV, payback, an NPV function, a roadmap.

Every reference answer is computed here from the domain functions (and the built-in catalog where a
use case is named), so that the expected answers follow the data and the conventions.
"""

import pandas as pd

from caiokit.catalog import load_catalog
from caiokit.conventions import COURSE
from caiokit.exercises import Case, ChoiceExercise, FunctionExercise, NumberExercise, SetExercise
from caiokit.finance import npv, payback_period
from caiokit.i18n import N_, format_eur, format_number, lazy
from caiokit.portfolio import greedy_portfolio, select_portfolio
from caiokit.roadmap import plan_roadmap, quarter_labels

LESSON = "04_portfolio_roadmap_value"

_CATALOG = load_catalog()
_BY_ID = _CATALOG.set_index("id")

# q1: four pilots, one budget; the best set is not what value-per-euro order suggests.
TRAP_BUDGET = 600_000
TRAP_TABLE = pd.DataFrame(
    {
        "id": ["A", "B", "C", "D"],
        "name": ["Pilot A", "Pilot B", "Pilot C", "Pilot D"],
        "cost_one_off_eur": [350_000, 300_000, 300_000, 250_000],
        "benefit_yearly_eur": [420_000, 330_000, 330_000, 150_000],
        "effort_pm": [4.0, 4.0, 4.0, 3.0],
        "ai_act_tier": ["minimal"] * 4,
        "depends_on": [""] * 4,
    }
)
_TRAP_BEST = select_portfolio(TRAP_TABLE, TRAP_BUDGET)
_TRAP_GREEDY = greedy_portfolio(TRAP_TABLE, TRAP_BUDGET)

q1 = SetExercise(
    LESSON,
    "q1",
    "best_pilots",
    options=tuple(TRAP_TABLE["id"]),
    correct=_TRAP_BEST.selected,
    explanations={
        "A": N_(
            "A has the best benefit per euro, but once it is in, EUR 250,000 is left: only D fits, and "
            "A + D is worth less than another pair that uses the whole budget."
        ),
        "D": N_(
            "D has the worst benefit per euro; greedy ends up with it only because A leaves a gap that "
            "nothing better fills."
        ),
    },
    hints=[
        N_("List every pair whose cost fits in EUR 600,000 and add up their benefits. No three pilots fit."),
        N_(
            "Greedy takes A first (best ratio), then only D still fits. Is there a pair that uses the budget "
            "better? Check with `select_portfolio(trap, budget=600_000)`."
        ),
    ],
    solution=lazy(
        "`best_pilots = {best}`: {value} of yearly benefit for {cost}. Greedy takes {greedy} and gets only "
        "{greedy_value}: the best ratio first left a gap nothing good could fill.",
        best=set(_TRAP_BEST.selected),
        value=lambda: format_eur(_TRAP_BEST.total_value),
        cost=lambda: format_eur(_TRAP_BEST.total_cost),
        greedy=" + ".join(_TRAP_GREEDY.selected),
        greedy_value=lambda: format_eur(_TRAP_GREEDY.total_value),
    ),
)

# q2: when can predictive maintenance start? It needs the sensor platform; one team, limited capacity.
ROADMAP_CASES = ("UC27", "UC28", "UC30")
ROADMAP_CAPACITY = 7.0
ROADMAP_START = COURSE.start_quarter
ROADMAP_TARGET = "UC28"
_PLAN = plan_roadmap(
    _BY_ID.loc[list(ROADMAP_CASES)].reset_index(), ROADMAP_CAPACITY, start=ROADMAP_START
).table.set_index("id")
QUARTERS = quarter_labels(ROADMAP_START, COURSE.horizon_quarters)

q2 = ChoiceExercise(
    LESSON,
    "q2",
    "maintenance_start",
    options=QUARTERS,
    correct=_PLAN.loc[ROADMAP_TARGET, "start_quarter"],
    explanations={
        _PLAN.loc[ROADMAP_TARGET, "start_quarter"]: N_(
            "Right: the platform has to wait until visual inspection frees enough capacity, and predictive "
            "maintenance starts only once the platform has ended."
        ),
        QUARTERS[0]: N_(
            "Predictive maintenance needs the factory sensor data platform, which must end first."
        ),
        # The platform's two quarters from the first one, if visual inspection left room for it.
        QUARTERS[2]: lazy(
            "That would be right with room to spare, but with 7 person-months a quarter the platform cannot "
            "start in {first}: visual inspection already takes 3 of them until {inspection_end}.",
            first=QUARTERS[0],
            inspection_end=_PLAN.loc["UC27", "end_quarter"],
        ),
    },
    hints=[
        N_(
            "Work out each duration first: the larger of ceil(time to value / 3) and ceil(effort / capacity). "
            "Then the load per quarter: effort / duration."
        ),
        N_(
            "Visual inspection is planned first and uses 3 person-months a quarter for three quarters. The "
            "platform needs 5 a quarter for two quarters: in which quarter does it first fit under 7? "
            "Predictive maintenance starts the quarter after the platform ends."
        ),
    ],
    solution=lazy(
        '`maintenance_start = "{start}"`. Visual inspection runs {inspection_start} to {inspection_end} at 3 '
        "person-months a quarter; the platform needs 5 a quarter, which fits only from {platform_start} and "
        "ends in {platform_end}; predictive maintenance follows. Capacity, not the dependency alone, sets the "
        "date.",
        start=_PLAN.loc[ROADMAP_TARGET, "start_quarter"],
        inspection_start=_PLAN.loc["UC27", "start_quarter"],
        inspection_end=_PLAN.loc["UC27", "end_quarter"],
        platform_start=_PLAN.loc["UC30", "start_quarter"],
        platform_end=_PLAN.loc["UC30", "end_quarter"],
    ),
)

# q3: NPV of the customer-service chatbot when the first year brings only half the benefit.
NPV_CASE = "UC01"
NPV_RATE = COURSE.discount_rate
_CHATBOT = _BY_ID.loc[NPV_CASE]
CHATBOT_RAMP_UP = [
    float(amount)
    for amount in (
        -_CHATBOT["cost_one_off_eur"],
        _CHATBOT["benefit_yearly_eur"] / 2 - _CHATBOT["cost_yearly_eur"],
        _CHATBOT["benefit_yearly_eur"] - _CHATBOT["cost_yearly_eur"],
        _CHATBOT["benefit_yearly_eur"] - _CHATBOT["cost_yearly_eur"],
    )
]

q3 = NumberExercise(
    LESSON,
    "q3",
    "chatbot_npv",
    expected=npv(CHATBOT_RAMP_UP, NPV_RATE),
    rel_tol=0.002,
    unit=" EUR",
    hints=[
        lazy(
            "Year 0 is today: the one-off cost is not discounted. Year 1 is divided by {factor}, year 2 by "
            "{factor} ** 2, year 3 by {factor} ** 3. Add the four results.",
            factor=f"{1 + NPV_RATE:g}",
        ),
        lazy(
            "Year 1 brings half the yearly benefit but the full running cost: {benefit} / 2 - {running}. "
            "Years 2 and 3 bring {benefit} - {running} each.",
            benefit=lambda: format_number(_CHATBOT["benefit_yearly_eur"]),
            running=lambda: format_number(_CHATBOT["cost_yearly_eur"]),
        ),
    ],
    solution=lazy(
        "\n```python\nchatbot_npv = {formula}\n```\n\nabout **{npv}**. A slow first year costs the chatbot about "
        "{lost} of NPV compared with the catalog's assumption of full benefit from year 1.",
        formula=" + ".join(
            f"{cash:_.0f}"
            if year == 0
            else f"{cash:_.0f} / {1 + NPV_RATE:g}" + (f"**{year}" if year > 1 else "")
            for year, cash in enumerate(CHATBOT_RAMP_UP)
        ),
        npv=lambda: format_eur(npv(CHATBOT_RAMP_UP, NPV_RATE)),
        lost=lambda: format_eur(npv([0, _CHATBOT["benefit_yearly_eur"] / 2], NPV_RATE)),
    ),
)

# q4: payback of visual quality inspection rolled out line by line: a share of the full benefit each year.
PAYBACK_CASE = "UC27"
ROLLOUT_SHARES = (0.05, 0.25, 0.6, 1.0)
_VISION = _BY_ID.loc[PAYBACK_CASE]
VISION_ROLLOUT = [float(-_VISION["cost_one_off_eur"])] + [
    float(share * _VISION["benefit_yearly_eur"] - _VISION["cost_yearly_eur"]) for share in ROLLOUT_SHARES
]

q4 = NumberExercise(
    LESSON,
    "q4",
    "vision_payback",
    expected=payback_period(VISION_ROLLOUT),
    rel_tol=0.0,
    abs_tol=1e-9,
    unit=" years",
    hints=[
        N_(
            "Add the cash flows up year by year, starting with year 0: the running total is the cumulative cash "
            "flow. Payback is the first year in which it is no longer negative."
        ),
        N_(
            "Give a whole year (the year 0 counts as 0). A year whose cash flow is positive does not pay back "
            "the project by itself: only the running total matters."
        ),
    ],
    solution=lazy(
        "`vision_payback = {payback}`. The running totals are {totals}: still negative at the end of year 2 "
        "although year 2 alone is positive, no longer negative in year 3.",
        payback=payback_period(VISION_ROLLOUT),
        totals=lambda: ", ".join(format_number(total) for total in pd.Series(VISION_ROLLOUT).cumsum()),
    ),
)

# q5: write the NPV formula as a function.
_NPV_INPUTS = (
    ([-100, 60, 60], 0.1),
    (CHATBOT_RAMP_UP, NPV_RATE),
    ([1_000], 0.05),
    ([-500, 0, 0, 800], 0.0),
    ([-100, 50, 50, 50], 0.2),
)

q5 = FunctionExercise(
    LESSON,
    "q5",
    "npv",
    cases=tuple(Case((list(flows), rate), expected=npv(flows, rate)) for flows, rate in _NPV_INPUTS),
    hints=[
        N_(
            "Loop over the cash flows with their year: `for t, cash in enumerate(cash_flows):` gives t = 0 for "
            "the first one. Add up `cash / (1 + rate) ** t`."
        ),
        N_(
            "Year 0 must not be discounted: `(1 + rate) ** 0` is 1, so `enumerate` starting at 0 does it for you."
        ),
    ],
    solution=N_(
        "\n```python\ndef npv(cash_flows, rate):\n"
        "    return sum(cash / (1 + rate) ** t for t, cash in enumerate(cash_flows))\n```"
    ),
)
