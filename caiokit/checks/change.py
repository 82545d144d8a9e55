"""Exercises of 07_culture_and_change: literacy hours, Kotter's order, ADKAR, stakeholders, listening."""

from caiokit.adkar import ELEMENTS, Element
from caiokit.exercises import ChoiceExercise, MappingExercise, NumberExercise, RankingExercise, SetExercise
from caiokit.i18n import N_, format_number, lazy
from caiokit.literacy import Audience, alvera_audiences, curriculum_hours, literacy_plan, plan_totals
from caiokit.stakeholders import QUADRANTS, quadrant

LESSON = "07_culture_and_change"

# q1: Alvera's literacy plan when the AI users get 10 hours instead of their curriculum's.
USER_HOURS = 10
_HEADCOUNT = alvera_audiences()["headcount"].to_dict()
_FULL = plan_totals(literacy_plan(_HEADCOUNT))["total_hours"]
_WITH_10H = plan_totals(literacy_plan(_HEADCOUNT, {Audience.AI_USERS: USER_HOURS}))["total_hours"]
_USERS = _HEADCOUNT[Audience.AI_USERS]
_EXTRA = USER_HOURS - curriculum_hours()[Audience.AI_USERS]

q1 = NumberExercise(
    LESSON,
    "q1",
    "total_hours_10h_users",
    expected=_WITH_10H,
    rel_tol=0.001,
    unit=" h",
    hints=[
        N_(
            'Build the plan with `literacy_plan(headcount, {"ai_users": 10})`: only the AI users change, the '
            "other audiences keep their curriculum."
        ),
        lazy(
            'Add up the plan\'s `total_hours` column, or use `plan_totals(...)["total_hours"]`. By hand: the '
            "{users} AI users gain {extra} hours each on top of the {full} hours of the full curriculum.",
            users=_USERS,
            extra=lambda: format_number(_EXTRA),
            full=lambda: format_number(_FULL),
        ),
    ],
    solution=lazy(
        '{answer} hours: `plan_totals(literacy_plan(headcount, {{"ai_users": 10}}))["total_hours"]`. '
        "The full curriculum takes {full} hours; {users} AI users x {extra} extra hours adds {added}.",
        answer=lambda: format_number(_WITH_10H),
        full=lambda: format_number(_FULL),
        users=_USERS,
        extra=lambda: format_number(_EXTRA),
        added=lambda: format_number(_USERS * _EXTRA),
    ),
)

KOTTER_STEPS = (
    N_("Create a sense of urgency"),
    N_("Build a guiding coalition"),
    N_("Form a vision and strategy"),
    N_("Communicate the vision"),
    N_("Empower broad-based action"),
    N_("Generate short-term wins"),
    N_("Consolidate gains and produce more change"),
    N_("Anchor the new ways in the culture"),
)
KOTTER_SHUFFLED = tuple(KOTTER_STEPS[i] for i in (5, 2, 7, 0, 4, 1, 6, 3))

q2 = RankingExercise(
    LESSON,
    "q2",
    "kotter_order",
    reference=KOTTER_STEPS,
    top_k=3,
    hints=[
        N_(
            "Before anyone changes, people must feel that change is needed, and a group with enough power must "
            "lead it."
        ),
        N_(
            "The vision comes before it is communicated; quick wins come before consolidating; culture comes last."
        ),
    ],
    solution=N_(
        "Urgency; guiding coalition; vision and strategy; communicate the vision; empower broad-based action; "
        "short-term wins; consolidate gains; anchor in the culture (Kotter, *Leading Change*, 1996)."
    ),
)

# The options are the elements' labels as the module is imported: ChoiceExercise compares texts.
q3 = ChoiceExercise(
    LESSON,
    "q3",
    "barrier_element",
    options=tuple(element.label for element in ELEMENTS),
    correct=Element.DESIRE.label,
    explanations={
        Element.AWARENESS.label: N_(
            "They already understand why the assistant is coming (4 of 5): awareness is not where they are stuck."
        ),
        Element.DESIRE.label: N_(
            "Desire (2) is the first element below the threshold: until the agents want the change, training "
            "and practice will not stick."
        ),
        Element.KNOWLEDGE.label: N_(
            "Knowledge is low (1), but it comes after Desire: training people who do not want the tool is "
            "wasted effort. The barrier is the first weak element, not the lowest."
        ),
        Element.ABILITY.label: N_(
            "Ability is as low as Knowledge, but it is fourth in the sequence: look for the first weak element."
        ),
        Element.REINFORCEMENT.label: N_(
            "Reinforcement matters once the change is in place; here it has not started yet."
        ),
    },
    hints=[
        N_(
            "ADKAR is a sequence: read the scores in order, Awareness first, and stop at the first one below 4."
        )
    ],
    solution=N_(
        '`barrier_element = "Desire"`: Awareness is 4 (fine), Desire is 2, the first weak element. '
        "Knowledge and Ability score lower, but they come later: fix Desire first by listening to the agents' fears."
    ),
)

STAKEHOLDER_SCORES = {
    # name: (influence, interest)
    N_("CFO"): (5, 2),
    N_("Head of customer service"): (4, 5),
    N_("Customer-service agents"): (2, 5),
    N_("Works council"): (4, 4),
    N_("Poznań maintenance technicians"): (1, 2),
    N_("Retail-partner account managers"): (2, 1),
}

# The reference placement is the domain's rule applied to the scores the lesson shows.
q4 = MappingExercise(
    LESSON,
    "q4",
    "stakeholder_quadrants",
    correct={name: quadrant(*scores) for name, scores in STAKEHOLDER_SCORES.items()},
    categories=QUADRANTS,
    hints=[
        N_("A score of 3 or more counts as high. High influence and high interest: manage closely."),
        N_(
            "High influence, low interest: keep satisfied. Low influence, high interest: keep informed. Both "
            "low: monitor."
        ),
    ],
    solution=N_(
        "CFO: keep satisfied (influence 5, interest 2). Head of customer service and works council: manage "
        "closely. Customer-service agents: keep informed (interest 5, influence 2). Poznań maintenance "
        "technicians and retail-partner account managers: monitor, for now."
    ),
)

LISTENING_REPLIES = (
    N_("Ask what worries them most, and let them finish before answering"),
    N_("Repeat their concern in your own words to check you understood it"),
    N_("Say only what is decided and true, and say what is not decided yet"),
    N_("Tell them the data show AI creates more jobs than it destroys"),
    N_("Promise that no job will ever change"),
    N_("Explain that resistance to change is normal and will pass"),
)

q5 = SetExercise(
    LESSON,
    "q5",
    "listening_replies",
    options=LISTENING_REPLIES,
    correct=LISTENING_REPLIES[:3],
    explanations={
        LISTENING_REPLIES[3]: N_(
            "a statistic about the economy answers nobody's question about their own job, and it ends the "
            "conversation."
        ),
        LISTENING_REPLIES[4]: N_(
            "jobs will change; a promise you cannot keep destroys the trust you need for the next conversation."
        ),
        LISTENING_REPLIES[5]: N_(
            "it labels the person instead of hearing them; their worry may point to a real problem."
        ),
    },
    hints=[
        N_(
            "Listening means understanding before answering: which replies give the agent room to speak, and "
            "which close the topic?"
        ),
        N_("Three replies are about the agent and the truth; three are about making the worry go away."),
    ],
    solution=N_(
        "Ask and let them finish; reflect their concern back; tell the truth, including what is not decided. "
        "Reassuring statistics, promises you cannot keep and calling resistance normal all end the "
        "conversation instead of learning from it."
    ),
)
