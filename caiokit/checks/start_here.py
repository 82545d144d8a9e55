"""Exercises of 00_start_here: a first taste of each kind of answer."""

from caiokit.exercises import Case, ChoiceExercise, FunctionExercise, SetExercise
from caiokit.i18n import N_

LESSON = "00_start_here"

# Option texts, hints, solutions and explanations are marked with N_ and translated where shown.
ROLE_OPTIONS = {
    "a": N_("The engineer who keeps the company's GPU servers running"),
    "b": N_("The executive who designs and steers the organisation's AI vision and turns it into results"),
    "c": N_("The lawyer who signs off every contract that mentions AI"),
    "d": N_("The data scientist who trains the company's most important models"),
}

q1 = ChoiceExercise(
    LESSON,
    "q1",
    "caio_in_one_line",
    options=tuple(ROLE_OPTIONS),
    correct="b",
    explanations={
        "a": N_(
            "Running infrastructure is the CIO's or an IT operations team's job; the CAIO works at the level of "
            "strategy."
        ),
        "b": N_("The CAIO is a strategist: vision, steering and results, not a technician working alone."),
        "c": N_(
            "Legal review matters, and the CAIO works with lawyers on compliance, but signing contracts is not "
            "the role."
        ),
        "d": N_(
            "A CAIO needs to understand models, yet their job is to lead the people who build them, not to build "
            "them all."
        ),
    },
    hints=[
        N_(
            "Think of the words 'officer' and 'strategy': is the role about doing one technical task, or about "
            "direction?"
        )
    ],
    solution=N_(
        '`caio_in_one_line = "b"`: the CAIO designs and steers the AI vision and is accountable for its results.'
    ),
)

q2 = FunctionExercise(
    LESSON,
    "q2",
    "weeks_to_finish",
    cases=(
        Case((420, 90), expected=5),
        Case((180, 90), expected=2),
        Case((100, 60), expected=2),
        Case((0, 60), expected=0),
    ),
    hints=[
        N_("Divide the total minutes by the minutes you study each week."),
        N_("A part-week still needs a week: round up with `math.ceil` (add `import math` in your cell)."),
    ],
    solution=N_(
        "\n```python\nimport math\n\ndef weeks_to_finish(total_minutes, minutes_per_week):\n"
        "    return math.ceil(total_minutes / minutes_per_week)\n```"
    ),
)

MISSION_OPTIONS = (
    N_("Define the AI strategy and roadmap"),
    N_("Identify and prioritise high-value AI projects"),
    N_("Build and lead the AI teams"),
    N_("Make sure AI uses are ethical and compliant"),
    N_("Acculturate employees and promote innovation"),
    N_("Run the IT help desk"),
    N_("Approve every software licence the staff request"),
    N_("Write the company's annual financial statements"),
)

q3 = SetExercise(
    LESSON,
    "q3",
    "caio_missions",
    options=MISSION_OPTIONS,
    correct=MISSION_OPTIONS[:5],
    explanations={
        MISSION_OPTIONS[5]: N_("day-to-day IT support belongs to the CIO's organisation."),
        MISSION_OPTIONS[6]: N_("licence management is procurement and IT work, not AI leadership."),
        MISSION_OPTIONS[7]: N_("that is the CFO's job; the CAIO contributes business cases, not accounts."),
    },
    hints=[N_("Five of the eight are missions of the CAIO; the other three belong to other executives.")],
    solution=N_(
        "The five missions: strategy and roadmap; prioritising high-value projects; building the teams; "
        "ethics and compliance; acculturation and innovation. The other three belong to the CIO, "
        "IT procurement and the CFO."
    ),
)
