"""Exercises of 14_value_and_the_board: a KPI tree, realisation, a stage gate, the portfolio's P&L.

Every reference answer is computed here by the domain functions from Alvera's case data: the sample
roadmap, the catalog's money columns and the actuals of 2027-Q1 to 2028-Q2.
"""

import pandas as pd

from caiokit import case_study
from caiokit.benefits import cumulative_pnl, planned_benefits, tracking
from caiokit.exercises import ChoiceExercise, NumberExercise, SetExercise
from caiokit.i18n import N_, _, format_eur, format_percent, lazy
from caiokit.kpi_tree import faulty_nodes, load_kpi_tree
from caiokit.stage_gates import Gate, GateRules, gate

LESSON = "14_value_and_the_board"

ALVERA = case_study.load("alvera")
PLAN = planned_benefits(ALVERA.sample_plan, ALVERA.catalog)
ACTUALS = ALVERA.benefit_actuals
REPORT_QUARTER = "2028-Q2"
_TRACKED = tracking(PLAN, ACTUALS, REPORT_QUARTER).set_index("id")
_RULES = GateRules()

# q3: the gate of visual quality inspection at the end of 2028-Q2: its benefit is fine, its build cost is not.
GATE_CASE = "UC27"
_GATE_ROW = _TRACKED.loc[GATE_CASE]
_GATE, _GATE_REASON = gate(_GATE_ROW, _RULES)

q3 = ChoiceExercise(
    LESSON,
    "q3",
    "uc27_gate",
    options=Gate,
    correct=_GATE,
    explanations={
        Gate.CONTINUE: lazy(
            "Its benefit is {realisation} of plan, above the {go} bar, but the rules look at the build cost "
            "too: {overrun} of plan is over the {limit} limit.",
            realisation=lambda: format_percent(_GATE_ROW["realisation"]),
            go=lambda: format_percent(_RULES.continue_from),
            overrun=lambda: format_percent(_GATE_ROW["build_overrun"]),
            limit=lambda: format_percent(_RULES.max_build_overrun),
        ),
        Gate.STOP: lazy(
            "Stop needs at least {quarters} live quarters below {stop} of planned benefit; it has been live "
            "{live} quarter and delivers {realisation}.",
            quarters=_RULES.min_live_quarters,
            stop=lambda: format_percent(_RULES.stop_below),
            live=int(_GATE_ROW["live_quarters"]),
            realisation=lambda: format_percent(_GATE_ROW["realisation"]),
        ),
    },
    hints=[
        N_("Read the rules in order: stop first, then fix, then continue."),
        N_(
            '`tracking(PLAN, ACTUALS, "2028-Q2")` gives its `realisation`, `build_overrun` and '
            "`live_quarters`; compare them with `GateRules()`."
        ),
    ],
    solution=lazy(
        '`uc27_gate = "{answer}"`: {reason}, over the {limit} limit, so the rules say fix, even though the '
        "benefit ({realisation} of plan) is on track. The board is asked to approve a recovery plan for the "
        "build before more money goes in.",
        answer=lambda: _GATE.label,
        reason=_GATE_REASON,
        limit=lambda: format_percent(_RULES.max_build_overrun),
        realisation=lambda: format_percent(_GATE_ROW["realisation"]),
    ),
)

# q4: the portfolio's cumulative P&L at the end of 2028-Q1, the quarter before the report.
PNL_QUARTER = "2028-Q1"
_PNL = cumulative_pnl(PLAN, ACTUALS, PNL_QUARTER)
_PNL_PLANNED = cumulative_pnl(PLAN, ACTUALS, PNL_QUARTER, kind="planned")
_ACTUAL_SUMS = ACTUALS[ACTUALS["quarter"] <= PNL_QUARTER][
    ["benefit_eur", "run_cost_eur", "build_cost_eur"]
].sum()

q4 = NumberExercise(
    LESSON,
    "q4",
    "cumulative_pnl_2028_q1",
    expected=_PNL,
    rel_tol=0.001,
    unit=" EUR",
    hints=[
        N_(
            'Keep the rows of `ACTUALS` up to 2028-Q1 (quarters compare as text: `ACTUALS["quarter"] <= '
            '"2028-Q1"`) and add up each money column.'
        ),
        N_(
            "The P&L is benefit minus running cost minus build cost; the answer is negative: the portfolio is "
            "still paying for what it builds."
        ),
    ],
    solution=lazy(
        "{answer}: benefits {benefit} minus running costs {run} minus build costs {build}, or "
        '`cumulative_pnl(PLAN, ACTUALS, "2028-Q1")`. The plan expected {planned}.',
        answer=lambda: format_eur(_PNL),
        benefit=lambda: format_eur(_ACTUAL_SUMS["benefit_eur"]),
        run=lambda: format_eur(_ACTUAL_SUMS["run_cost_eur"]),
        build=lambda: format_eur(_ACTUAL_SUMS["build_cost_eur"]),
        planned=lambda: format_eur(_PNL_PLANNED),
    ),
)

# q2: the chatbot's realisation at the end of 2028-Q2, with the ramp-up in the plan.
REALISATION_CASE = "UC01"
_CHATBOT = _TRACKED.loc[REALISATION_CASE]

q2 = NumberExercise(
    LESSON,
    "q2",
    "chatbot_realisation",
    expected=float(_CHATBOT["realisation"]),
    rel_tol=0.005,
    fraction=True,
    hints=[
        N_(
            "Realisation is the actual benefit to date over the planned benefit to date. The plan ramps up: "
            "25% of a full quarter in the first live quarter, 50% in the second."
        ),
        lazy(
            "The chatbot went live in 2028-Q1; a full quarter of its benefit is {quarter}.",
            quarter=lambda: format_eur(
                ALVERA.catalog.set_index("id").loc[REALISATION_CASE, "benefit_yearly_eur"] / 4
            ),
        ),
    ],
    solution=lazy(
        "{answer}: {actual} came in against {planned} planned (a quarter of the yearly benefit x (25% + "
        "50%)). Between the stop and continue bars: fix.",
        answer=lambda: format_percent(_CHATBOT["realisation"]),
        actual=lambda: format_eur(_CHATBOT["actual_benefit_eur"]),
        planned=lambda: format_eur(_CHATBOT["planned_benefit_eur"]),
    ),
)

# q1: a draft KPI tree with two faults: a leaf nobody can measure, and a node whose parent is missing.
UNMEASURABLE_NODE, UNLINKED_NODE, MISSING_PARENT = "K10", "K7", "K11"


def draft_tree() -> pd.DataFrame:
    """Alvera's KPI tree as a team drafted it, with its names in the language in use: one node added without
    measure, one link pointing nowhere."""
    tree = load_kpi_tree()
    tree.loc[tree["id"] == UNLINKED_NODE, "parent"] = MISSING_PARENT
    added = {
        "id": UNMEASURABLE_NODE,
        "parent": "K3",
        "kind": "process_metric",
        "unit": "",
        "target": "",
        "use_case": "UC03",
        "name": _("Customers feel better served"),
        "owner": "",
    }
    return pd.concat([tree, pd.DataFrame([added])], ignore_index=True)


DRAFT_TREE = draft_tree()  # its ids are the exercise's options; the lesson shows draft_tree() in its language

q1 = SetExercise(
    LESSON,
    "q1",
    "draft_faults",
    options=tuple(DRAFT_TREE["id"]),
    correct=faulty_nodes(DRAFT_TREE),
    explanations={
        "K1": N_("the objective is the root: it is the one node that needs no parent and no target."),
        "K2": N_(
            "a business KPI in the middle of the tree: it need not be measured by a model, its leaves are."
        ),
        "K9": N_("it has a unit, a target and an owner, and its parent K8 is in the tree."),
    },
    hints=[
        N_("Check each leaf (a node no other node hangs from): unit, numeric target, owner."),
        N_("Check each node's parent: is it an id of the tree?"),
    ],
    solution=lazy(
        '`draft_faults = {{"{unmeasurable}", "{unlinked}"}}`: {unmeasurable} has no unit, target or owner, '
        "so nobody can say whether it moved; {unlinked} hangs from {missing}, which is not in the tree, so "
        "its metric no longer leads to the objective. `tree_problems(DRAFT_TREE)` lists both.",
        unmeasurable=UNMEASURABLE_NODE,
        unlinked=UNLINKED_NODE,
        missing=MISSING_PARENT,
    ),
)
