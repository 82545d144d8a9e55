"""Exercises of 09_leadership_and_growth: calm under change, three horizons, the board memo, a board question."""

from caiokit.catalog import use_case_name
from caiokit.exercises import ChoiceExercise, MappingExercise, SetExercise
from caiokit.i18n import N_
from caiokit.strategy import Horizon

LESSON = "09_leadership_and_growth"

# Option texts, items, hints, solutions and explanations are marked with N_ and translated where shown.
OMNIBUS_REPLIES = {
    "a": N_(
        "Pause the compliance work until the proposal is adopted: why spend money on dates that may move?"
    ),
    "b": N_(
        "Keep the plan on the dates in force, follow the proposal, and list now which tasks would move, "
        "and by how much, if it is adopted."
    ),
    "c": N_("Move the plan to the proposed dates at once: a Commission proposal is as good as law."),
    "d": N_("Tell the team that rules always change, so dates do not matter much and they should not worry."),
}

q1 = ChoiceExercise(
    LESSON,
    "q1",
    "omnibus_reply",
    options=tuple(OMNIBUS_REPLIES),
    correct="b",
    explanations={
        "a": N_(
            "Until it is published in the Official Journal, the proposal changes nothing: the dates in force "
            "still bind Alvera, and work paused now may be impossible to catch up if the proposal fails or "
            "changes."
        ),
        "b": N_(
            "Calm is a method: separate what changed (a proposal) from what did not (the law in force), "
            "decide what you do now, and prepare the switch so that adoption, if it comes, is a small re-plan."
        ),
        "c": N_(
            "A proposal is not law; it can be amended or rejected. Planning on it bets the company's "
            "compliance on a text nobody has adopted."
        ),
        "d": N_(
            "It sounds calm but it is not leadership: the team asked a precise question and deserves a "
            "precise answer about what to do on Monday."
        ),
    },
    hints=[
        N_(
            "Apply the four questions: what exactly changed, what does it touch, what do we decide now and "
            "what can wait, who must hear it. Is a proposal the law?"
        ),
    ],
    solution=N_(
        '`omnibus_reply = "b"`: on the morning after the proposal, the Digital Omnibus was only a proposal, '
        "so the dates in force still applied. Keep working to them, follow the procedure, and prepare the "
        "list of tasks that would move if it passed. It did pass (published in the Official Journal in July "
        "2026), and a team that had the list ready re-planned in a day, not in a panic."
    ),
)

# The nine use cases to place, each with the horizon it belongs to.
HORIZONS = {
    "UC02": Horizon.NOW.value,
    "UC40": Horizon.NOW.value,
    "UC32": Horizon.NOW.value,
    "UC30": Horizon.NOW.value,
    "UC28": Horizon.NEXT.value,
    "UC33": Horizon.NEXT.value,
    "UC27": Horizon.NEXT.value,
    "UC09": Horizon.LATER.value,
    "UC14": Horizon.LATER.value,
}
HORIZON_USE_CASES = tuple(HORIZONS)

q2 = MappingExercise(
    LESSON,
    "q2",
    "horizon_of",
    correct=HORIZONS,
    named_by=use_case_name,
    categories=tuple(horizon.value for horizon in Horizon),
    hints=[
        N_(
            "Quick wins with nothing to wait for go in 'now'. So does an unglamorous enabler that a strategic "
            "bet needs: the bet cannot start until it exists."
        ),
        N_(
            "A strategic bet goes in 'next' when all its prerequisites are in 'now' (or it has none); in "
            "'later' when it waits for something not yet on the plan, such as the customer data platform "
            "(UC08)."
        ),
    ],
    solution=N_(
        "**Now**: email triage, the AI system inventory and demand forecasting (quick wins), and the factory "
        "sensor data platform, which is in the *avoid* quadrant on its own but is what predictive maintenance "
        "waits for. **Next**: predictive maintenance (needs the sensor platform), spare-parts optimisation "
        "(needs demand forecasting) and visual quality inspection (a bet with no prerequisite, funded in "
        "stages). **Later**: product recommendations and dynamic pricing, which both need the customer data "
        "platform, not yet on the plan."
    ),
)

MEMO_ITEMS = (
    N_("The decision asked of the committee, in one sentence, with the amount"),
    N_("Each use case with the business objective it serves"),
    N_("Cost and value in a base case and in a cautious case"),
    N_("The main risks, each with its owner and what is done about it"),
    N_("The architecture diagram of the generative-AI platform"),
    N_("All 40 use cases of the catalog with every one of their scores"),
    N_("A short history of AI since the 1950s"),
    N_("A promise that every project will deliver its expected return"),
)

q3 = SetExercise(
    LESSON,
    "q3",
    "memo_items",
    options=MEMO_ITEMS,
    correct=MEMO_ITEMS[:4],
    explanations={
        MEMO_ITEMS[4]: N_(
            "it matters to the CIO and the AI team, not to a decision on budget and priorities; put it in an "
            "annex if someone asks."
        ),
        MEMO_ITEMS[5]: N_(
            "one page cannot hold them and the committee does not need them to decide; show the chosen few and "
            "send the catalog as an annex."
        ),
        MEMO_ITEMS[6]: N_("it uses the page for background nobody will decide on."),
        MEMO_ITEMS[7]: N_(
            "nobody can keep it: IBM's Institute for Business Value reported in 2025 that only about a quarter "
            "of AI initiatives delivered the return expected of them. Show a cautious case and how you stop "
            "what fails instead."
        ),
    },
    hints=[
        N_("Ask of each line: does the committee need it to take the decision, or to own the risk it takes?"),
        N_(
            "Four lines pass that test: the decision, what each use case serves, the numbers in two cases, and "
            "the risks."
        ),
    ],
    solution=N_(
        "The decision asked (with the amount), each use case with the objective it serves, cost and value in "
        "a base and a cautious case, and the main risks with their owners. Architecture, the full catalog and "
        "history go to annexes or nowhere; a promise of guaranteed returns destroys the credibility the page "
        "is meant to build."
    ),
)

BOARD_ANSWERS = {
    "a": N_("It will: our base case is prudent, and AI is transforming every industry."),
    "b": N_(
        "Even with half the benefit arriving a year late, it pays back within three years. We release the "
        "money in stages and stop any use case that misses its milestone; you will see each one's results at "
        "every quarterly review."
    ),
    "c": N_(
        "Walk her through the NPV formula and the discount rate for ten minutes, so that she can check the "
        "method herself."
    ),
    "d": N_("It is too early to say; I will come back to you with an answer next quarter."),
}

q4 = ChoiceExercise(
    LESSON,
    "q4",
    "board_answer",
    options=tuple(BOARD_ANSWERS),
    correct="b",
    explanations={
        "a": N_(
            "Confidence without evidence: the committee hears a sales pitch, and the CFO knows that most AI "
            "initiatives do not deliver the return expected of them."
        ),
        "b": N_(
            "Short, with a number, the downside case and what you will do if it happens: it answers the "
            "question she asked, and tells her when she will know more."
        ),
        "c": N_(
            "It answers a question she did not ask, and spends the committee's time on method instead of risk."
        ),
        "d": N_("You do have an answer (the cautious case); deferring it sounds evasive and costs trust."),
    },
    hints=[
        N_(
            "A good answer to a board member is short, gives the number, says what happens in the bad case and "
            "what you will do about it. Which reply does all of that?"
        ),
    ],
    solution=N_(
        '`board_answer = "b"`: the cautious case answers "what if it does not?" directly, staged funding and '
        "stop rules show you manage the downside, and the quarterly review says when she will see results."
    ),
)
