"""Exercises of 05_building_ai_teams: roles, operating model, build / buy / partner, and sizing."""

from caiokit.exercises import Case, ChoiceExercise, FunctionExercise, MappingExercise
from caiokit.i18n import N_
from caiokit.teams import OperatingModel, Role, Sourcing

LESSON = "05_building_ai_teams"

TASKS = {
    N_("Build the pipeline that brings press sensor data into the platform"): Role.DATA_ENGINEER,
    N_("Test which model best predicts press failures"): Role.DATA_SCIENTIST,
    N_("Turn the chosen model into a service the maintenance app calls"): Role.ML_ENGINEER,
    N_("Monitor every model in production and retrain when drift appears"): Role.MLOPS_ENGINEER,
    N_("Decide what the chatbot does first and track its business KPI"): Role.AI_PRODUCT_MANAGER,
    N_("Build the dashboard of cost per service contact, before and after"): Role.DATA_ANALYST,
    N_("Keep the AI inventory and each system's EU AI Act tier up to date"): Role.AI_GOVERNANCE_LEAD,
    N_("Say which of the bot's warranty answers are right and which are wrong"): Role.DOMAIN_EXPERT,
}

q1 = MappingExercise(
    LESSON,
    "q1",
    "who_does_what",
    correct=TASKS,
    categories=tuple(Role),
    hints=[
        N_(
            "Three roles are easy to mix up. The data scientist finds out *whether* a model works; the ML engineer "
            "makes it run inside a real application; the MLOps engineer keeps *all* models healthy once they run."
        ),
        N_(
            "The domain expert is usually not on the AI team's payroll: it is the person from the business who knows what a "
            "right answer looks like. The data analyst measures value with dashboards and KPIs."
        ),
    ],
    solution=N_(
        "pipeline -> data engineer; which model predicts failures -> data scientist; service the app calls -> "
        "ML engineer; monitor and retrain every model -> MLOps engineer; what the chatbot does first and its KPI "
        "-> AI product manager; dashboard of cost per contact -> data analyst; AI inventory and AI Act tiers -> "
        "AI governance lead; right or wrong warranty answers -> domain expert."
    ),
)

q2 = ChoiceExercise(
    LESSON,
    "q2",
    "castelmar_model",
    options=OperatingModel,
    correct=OperatingModel.HUB_AND_SPOKE,
    explanations={
        OperatingModel.CENTRALISED: N_(
            "That is what Castelmar runs today, and it shows the symptoms of a bottleneck: a "
            "nine-month queue and pilots waiting a year to go live."
        ),
        OperatingModel.HUB_AND_SPOKE: N_(
            "Keep the shared platform, standards and governance (the credit model above all) in a "
            "hub, and embed specialists in the units so work stops queuing at the centre. IBM's CAIO study reports "
            "hub-and-spoke models moving about twice as many pilots into production as decentralised ones."
        ),
        OperatingModel.FEDERATED: N_(
            "Two of the four units have no specialists, the units share one ERP and data platform, and "
            "credit scoring is high-risk: a federated model would duplicate effort and make common controls hard "
            "to enforce."
        ),
    },
    hints=[
        N_("Look for symptoms: where does the work pile up today? Then ask what must stay common."),
        N_("Run `recommend_operating_model` with your answers to the five questions for Castelmar."),
    ],
    solution=N_(
        '`castelmar_model = "hub-and-spoke"`. Eleven systems in production and a nine-month queue say the '
        "centre has become a bottleneck; half the units have no specialists and credit scoring is high-risk, "
        "so a purely federated model would not hold. A hub keeps the platform and governance, spokes bring "
        "the specialists close to the units."
    ),
)

q3 = ChoiceExercise(
    LESSON,
    "q3",
    "spare_parts_sourcing",
    options=Sourcing,
    correct=Sourcing.BUILD,
    explanations={
        Sourcing.BUILD: N_(
            "Right: it sets Alvera apart, its supply-chain team has the skills, the data is commercially "
            "sensitive, there is no hurry, and vendor tools fit badly. Every criterion points the same way."
        ),
        Sourcing.BUY: N_(
            "Buying suits a commodity needed fast. Here the capability sets Alvera apart, the data is "
            "sensitive, there is no hurry, and vendor tools fit badly with a long-lived parts catalogue."
        ),
        Sourcing.PARTNER: N_(
            "A partner brings skills you lack or co-develops what the market does not sell. Alvera's "
            "supply-chain analysts already have the skills, so sharing the know-how buys little."
        ),
    },
    hints=[
        N_("Score the five criteria from 1 to 5 from the description, then see which way each one pushes."),
        N_("Run `build_buy_partner({...})` with your five scores and read the reasons."),
    ],
    solution=N_(
        '`spare_parts_sourcing = "build"`. Scores such as differentiation 4, skills 4, time pressure 2, data '
        "sensitivity 4, market maturity 2 give build +5, partner 0, buy -4: every criterion favours building."
    ),
)

q4 = FunctionExercise(
    LESSON,
    "q4",
    "hires_needed",
    cases=(
        Case((7.5, 1), expected=2),
        Case((6.0, 2), expected=0),
        Case((4.5, 2), expected=0),
        Case((3.0, 2), expected=0),
        Case((9.0, 0), expected=3),
        Case((9.5, 3), expected=1),
        Case((10.0, 1), {"pm_per_person": 2.5}, expected=3),
    ),
    hints=[
        N_(
            "First turn the work into people: `demand_pm / pm_per_person` is how many full-time people the "
            "quarter needs. Subtract the people you have."
        ),
        N_(
            "You cannot hire 1.5 people for a full-time role here: round up with `math.ceil`, and never return "
            "less than 0 (`max(0, ...)`)."
        ),
    ],
    solution=N_(
        "\n```python\nimport math\n\ndef hires_needed(demand_pm, people, pm_per_person=3.0):\n"
        "    return max(0, math.ceil(demand_pm / pm_per_person - people))\n```"
    ),
)
