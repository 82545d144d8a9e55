"""Exercises of 01_who_is_the_caio: the conductor's missing player, owners of new responsibilities, the two
flavours of the role, the US federal CAIO, and a piece of survey arithmetic."""

from caiokit.exercises import ChoiceExercise, MappingExercise, NumberExercise, SetExercise
from caiokit.facts import share
from caiokit.i18n import N_, Category, format_number, format_percent, lazy
from caiokit.roles import ROLES

LESSON = "01_who_is_the_caio"

# Option texts, items, hints, solutions and explanations are marked with N_ (or built with lazy) and
# translated where shown.


class Player(Category):
    """The four players of the AI orchestra whose work a project needs (q1)."""

    DATA_SCIENTISTS = "data_scientists", N_("data scientists")
    EXECUTIVES = "executives", N_("executives")
    DEVELOPERS = "developers", N_("developers")
    HR = "hr", N_("HR")


SYMPTOMS = (
    N_("The defect model does well on a laptop, but six months later it is still not connected to the line"),
    N_(
        "The model is live, but inspectors ignore its flags and check every part by hand, unsure what their "
        "job will become"
    ),
    N_("The model misses a new kind of defect because nobody retested it after a part's supplier changed"),
    N_(
        "The pilot works, but no budget was set aside to roll it out and the plant director says he never "
        "asked for it"
    ),
)

q1 = MappingExercise(
    LESSON,
    "q1",
    "missing_player",
    correct=dict(
        zip(SYMPTOMS, (Player.DEVELOPERS, Player.HR, Player.DATA_SCIENTISTS, Player.EXECUTIVES), strict=True)
    ),
    categories=tuple(Player),
    hints=[
        N_(
            "For each symptom ask: whose work is missing? Building and testing models, deciding and funding, "
            "integrating into the systems people use, or preparing the people whose jobs change?"
        ),
        N_(
            "A model that nobody retests is a modelling gap; a model that never leaves the laptop is an "
            "integration gap."
        ),
    ],
    solution=N_(
        "\n- not connected to the line: **developers** (integration);"
        "\n- inspectors ignore the flags: **HR** (jobs, training, dialogue with staff);"
        "\n- a new defect missed: **data scientists** (testing and retraining the model);"
        "\n- no budget, no sponsor: **executives** (decision, funding, ownership of the process)."
        "\n\nEach symptom is one instrument missing from the orchestra: the CAIO's job is to bring all four "
        "in before the project starts."
    ),
)

NEW_RESPONSIBILITIES = (
    N_(
        "Write the business case that asks the board to fund scaling a demand-forecasting model to both "
        "factories"
    ),
    N_("Move the finance department's servers to a new data centre"),
    N_("Set the technical specification of the voice control in next year's cooker range"),
    N_("Decide which sales-data fields Alvera shares with its retail partners, and under which rules"),
    N_(
        "Agree with the head of customer service, before the chatbot pilot starts, how its success will be "
        "measured"
    ),
)

q2 = MappingExercise(
    LESSON,
    "q2",
    "new_owners",
    correct=dict(zip(NEW_RESPONSIBILITIES, ("CAIO", "CIO", "CTO", "CDO", "CAIO"), strict=True)),
    categories=tuple(ROLES),
    hints=[
        N_(
            "For each item ask: is it about *using AI* for the business, about the company's *own* IT, about "
            "the technology *inside what Alvera sells*, or about *data as an asset*, whoever uses it?"
        ),
        N_(
            "Two of the five belong to the CAIO: both are about deciding whether an AI project is worth it and "
            "how to tell. A voice-control feature is part of a product, even if it may use AI one day."
        ),
    ],
    solution=N_(
        "\n- business case to scale the forecasting model: **CAIO** (funding and results of an AI project);"
        "\n- finance servers to a new data centre: **CIO** (the company's own infrastructure);"
        "\n- specification of the cooker's voice control: **CTO** (technology inside a product Alvera sells);"
        "\n- sales-data fields shared with retail partners: **CDO** (rules for a data asset);"
        "\n- success measure of the chatbot pilot: **CAIO** (steering an AI project toward measurable value)."
        "\n\nIn a product-facing CAIO role, the voice-control item could be shared with the CAIO: the split "
        "between chiefs depends on the company, which is why the lesson states the split it uses."
    ),
)

FLAVOUR_CASE = N_(
    "Rhônea Logistique is a fictional transport and warehousing group: 40 warehouses, 2,000 trucks, no "
    "software for sale. Its board hires a CAIO and gives her two goals for the first two years: cut empty "
    "truck kilometres with AI-based route planning, and automate the matching of supplier invoices in its "
    "eight subsidiaries."
)

FLAVOURS = (
    N_("product-facing"),
    N_("transformation-facing"),
    N_("neither: this is a CIO job"),
    N_("neither: this is a CTO job"),
)

q3 = ChoiceExercise(
    LESSON,
    "q3",
    "rhonea_flavour",
    options=FLAVOURS,
    correct=FLAVOURS[1],
    explanations={
        FLAVOURS[0]: N_(
            "Rhônea sells transport and storage, not software: neither goal puts AI into "
            "something a customer buys. Look at whose work the two goals change."
        ),
        FLAVOURS[1]: N_(
            "Both goals use AI to change how the group itself works (routes, invoices), "
            "across its subsidiaries: the CAIO speeds up the group's own transformation."
        ),
        FLAVOURS[2]: N_(
            "The CIO may run the systems these projects need, but choosing AI "
            "projects and answering for their results is the CAIO's part."
        ),
        FLAVOURS[3]: N_(
            "A CTO owns the technology inside what a company sells; Rhônea sells "
            "a service, and these goals are about its own operations."
        ),
    },
    hints=[N_("Ask who benefits first: the customers, through a product, or the group's own operations?")],
    solution=N_(
        '`rhonea_flavour = "transformation-facing"`: route planning and invoice matching change how the '
        "group works inside; nothing is added to a product for sale. That is the flavour of the CAIO the "
        "seed article describes at Heroiks; the product-facing flavour is the one it describes at Progress."
    ),
)

FEDERAL_STATEMENTS = (
    N_("Under M-25-21, an agency's AI strategy is due 180 days after the memo's issue."),
    N_(
        "Under M-25-21, AI is high-impact when its output is a principal basis for decisions with a legal, "
        "material, binding or significant effect on rights or safety."
    ),
    N_(
        "A waiver from the minimum practices must be recertified every year and reported to OMB within 30 days."
    ),
    N_(
        "M-25-21 keeps two separate categories, rights-impacting and safety-impacting AI, each with its own "
        "rules."
    ),
    N_("M-25-21 was issued in February 2025."),
    N_("Executive Order 14179 revoked Executive Order 14110."),
    N_(
        "Under M-25-21, every AI tool an agency uses, spam filters included, must meet the seven minimum "
        "practices."
    ),
)

q4 = SetExercise(
    LESSON,
    "q4",
    "federal_true",
    options=FEDERAL_STATEMENTS,
    correct=FEDERAL_STATEMENTS[:3],
    explanations={
        FEDERAL_STATEMENTS[3]: N_("that was M-24-10; M-25-21 replaced the two with a single category."),
        FEDERAL_STATEMENTS[4]: N_("a widespread slip: check the memo's date in the lesson."),
        FEDERAL_STATEMENTS[5]: N_(
            "a widespread error: EO 14179 ordered OMB to revise its memo, but another order did the revoking."
        ),
        FEDERAL_STATEMENTS[6]: N_("the minimum practices target one category of AI only, not every tool."),
    },
    hints=[
        N_("Three of the seven are true. Check each date and each number against the lesson's table."),
        N_(
            "Two of the false ones are errors that circulate widely about dates and executive orders; one "
            "describes the older memo; one applies the minimum practices far too widely."
        ),
    ],
    solution=N_(
        "The first three are true: 180 days for the AI strategy; the definition of high-impact AI; waivers "
        "recertified yearly and reported to OMB within 30 days (and only the CAIO may grant them). "
        "False: the two categories belong to M-24-10; M-25-21 dates from 3 April 2025; EO 14148 revoked "
        "EO 14110, while EO 14179 ordered OMB to revise its memo; the minimum practices apply to "
        "high-impact AI only."
    ),
)

# q5: the IBM 2025 shares (facts table) applied to the members of Alvera's trade association.
ASSOCIATION_MEMBERS = 250
_WITH_CAIO = share("ibm_caio_share")
_INSIDERS = share("ibm_caio_insiders")
_INSIDER_CAIOS = ASSOCIATION_MEMBERS * _WITH_CAIO * _INSIDERS

q5 = NumberExercise(
    LESSON,
    "q5",
    "insider_caios",
    expected=_INSIDER_CAIOS,
    rel_tol=0.02,
    unit=N_(" companies"),
    hints=[
        lazy(
            "First: how many of the {members} members would have a CAIO at the IBM 2025 rate?",
            members=ASSOCIATION_MEMBERS,
        ),
        lazy(
            "{insiders} is a share of CAIOs, not of companies: apply it to the number you found in the first step.",
            insiders=lambda: format_percent(_INSIDERS),
        ),
    ],
    solution=lazy(
        "`insider_caios = {members} * {with_caio_share} * {insiders_share}`, about **{answer}**: {members} x "
        "{with_caio} = {companies} companies with a CAIO, and {insiders} of those {companies} CAIOs promoted "
        "from inside. Two assumptions hide in this sum: that the IBM shares hold for this group of companies, "
        "and that a share measured among the CAIOs IBM surveyed applies to these ones. Say them out loud when "
        "you quote such a figure.",
        members=ASSOCIATION_MEMBERS,
        with_caio_share=f"{_WITH_CAIO:g}",
        insiders_share=f"{_INSIDERS:g}",
        answer=lambda: format_number(_INSIDER_CAIOS),
        with_caio=lambda: format_percent(_WITH_CAIO),
        companies=lambda: format_number(ASSOCIATION_MEMBERS * _WITH_CAIO),
        insiders=lambda: format_percent(_INSIDERS),
    ),
)
