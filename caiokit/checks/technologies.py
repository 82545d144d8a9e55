"""Exercises of 08_ai_technologies_for_leaders: which technique fits, reading errors, thresholds, genAI risks."""

from caiokit.exercises import ChoiceExercise, MappingExercise, NumberExercise, SetExercise
from caiokit.i18n import N_, Category, lazy
from caiokit.thresholds import precision, recall

LESSON = "08_ai_technologies_for_leaders"


class Technique(Category):
    """The kind of technique a business problem calls for (exercise q1)."""

    ML = "ml", N_("ML")
    NLP = "nlp", N_("NLP")
    COMPUTER_VISION = "computer_vision", N_("computer vision")
    GENERATIVE_AI = "generative_ai", N_("generative AI")
    NOT_AI = "not_ai", N_("not AI")


PROBLEMS = {
    N_(
        "Predict which washing machines under service contract will break down in the next 90 days"
    ): Technique.ML,
    N_("Forecast how many dishwasher pumps the spare-parts hub will ship each week"): Technique.ML,
    N_("Send each incoming customer e-mail to the right service team"): Technique.NLP,
    N_("Tell whether online product reviews are positive or negative"): Technique.NLP,
    N_(
        "Spot scratches and dents on oven doors in photos taken on the Poznań assembly line"
    ): Technique.COMPUTER_VISION,
    N_(
        "Read the serial plate on a photo a customer uploads to register a warranty"
    ): Technique.COMPUTER_VISION,
    N_("Draft a first reply to each complaint for an agent to check and send"): Technique.GENERATIVE_AI,
    N_(
        "Write product descriptions for the online shop in the languages of 12 countries"
    ): Technique.GENERATIVE_AI,
    N_("Add the VAT of the customer's country to every invoice"): Technique.NOT_AI,
    N_("E-mail customers 30 days before their warranty ends"): Technique.NOT_AI,
}

q1 = MappingExercise(
    LESSON,
    "q1",
    "technique_for",
    correct=PROBLEMS,
    categories=tuple(Technique),
    hints=[
        N_(
            "Ask what goes in and what comes out. Table of numbers in, a prediction out: ML. Free text in, a label "
            "out: NLP. Images in: computer vision. New text or images out: generative AI."
        ),
        N_(
            "If a fixed rule that anyone could write down gives the right answer every time (a tax rate, a date "
            "calculation), no learning from examples is needed: that is not AI."
        ),
    ],
    solution=(
        N_(
            "Tabular ML: the two predictions from numbers (failures, pump demand). NLP: routing e-mails and "
            "reading the tone of reviews, both text in and a label out. Computer vision: scratches on oven doors "
            "and serial plates, both images in. Generative AI: draft replies and product descriptions, new text "
            "out. Not AI: VAT and the warranty reminder follow fixed rules that ordinary software applies "
            "exactly; a model could only add errors."
        )
    ),
)

# The confusion matrix of exercises q2 and q3: 1,000 washing machines, 100 of which failed.
CASE_TP, CASE_FP, CASE_FN, CASE_TN = 60, 20, 40, 880

q2 = NumberExercise(
    LESSON,
    "q2",
    "precision_answer",
    expected=precision(CASE_TP, CASE_FP),
    rel_tol=0.005,
    fraction=True,
    hints=[
        N_("Precision looks only at the machines the model flagged: how many of them really failed?"),
        N_(
            "Flagged = true positives + false positives. Divide the true positives by that, and give a fraction "
            "between 0 and 1 (0.5, not 50)."
        ),
    ],
    solution=(
        N_(
            "`precision_answer = 60 / (60 + 20)`, that is 0.75: three flagged machines in four really failed, "
            "so one technician visit in four was a false alarm."
        )
    ),
)

q3 = NumberExercise(
    LESSON,
    "q3",
    "recall_answer",
    expected=recall(CASE_TP, CASE_FN),
    rel_tol=0.005,
    fraction=True,
    hints=[
        N_("Recall looks only at the machines that really failed: how many of them did the model flag?"),
        N_(
            "Really failed = true positives + false negatives (the misses). Divide the true positives by that; "
            "the 880 true negatives play no part."
        ),
    ],
    solution=(
        N_(
            "`recall_answer = 60 / (60 + 40)`, that is 0.6: the model caught 60 of the 100 failures and missed "
            "40, which broke down at the customer's home."
        )
    ),
)

THRESHOLD_OPTIONS = {
    "a": lazy(
        "It goes down: flag more machines and accept more false alarms, because each miss now costs more"
    ),
    "b": lazy("It goes up: flag fewer machines, because the model must be more certain before a visit"),
    "c": lazy(
        "It stays where it is: the threshold is a technical setting of the model, not a business choice"
    ),
    "d": lazy("Nothing can be said until the data scientists retrain the model on new data"),
}

q4 = ChoiceExercise(
    LESSON,
    "q4",
    "threshold_move",
    options=tuple(THRESHOLD_OPTIONS),
    correct="a",
    explanations={
        "a": N_(
            "A miss is now dearer relative to a false alarm, so it pays to flag more machines: the cheapest "
            "threshold moves down, recall rises and precision falls."
        ),
        "b": N_(
            "Raising the threshold means fewer visits and more misses, the mistake that has just become dearer."
        ),
        "c": N_(
            "The threshold turns scores into decisions, and the right one depends on what each mistake costs: "
            "a business choice, made with the data scientists."
        ),
        "d": N_(
            "The model and its scores do not change: only the prices of the mistakes do, and the threshold is "
            "chosen after the model is trained."
        ),
    },
    hints=[
        N_(
            "Try it: in the explorer, set 'Missed case, EUR' to 1500, press the button, and see where the "
            "cheapest threshold goes."
        )
    ],
    solution=(
        N_(
            '`threshold_move = "a"`: when misses cost more, the cheapest threshold goes down. The model flags '
            "more machines, catches more of the failures (recall up) and sends more technicians for nothing "
            "(precision down)."
        )
    ),
)

NIST_GENAI_RISKS = (
    N_("CBRN information"),
    N_("Confabulation"),
    N_("Dangerous, violent or hateful content"),
    N_("Data privacy"),
    N_("Environmental impacts"),
    N_("Harmful bias and homogenisation"),
    N_("Human-AI configuration"),
    N_("Information integrity"),
    N_("Information security"),
    N_("Intellectual property"),
    N_("Obscene, degrading or abusive content"),
    N_("Value chain and component integration"),
)

q5 = SetExercise(
    LESSON,
    "q5",
    "pilot_risks",
    options=NIST_GENAI_RISKS,
    correct=(
        N_("Confabulation"),
        N_("Data privacy"),
        N_("Information security"),
        N_("Value chain and component integration"),
        N_("Human-AI configuration"),
    ),
    explanations={
        N_("CBRN information"): N_(
            "no incident involved information about chemical, biological, radiological or nuclear weapons."
        ),
        N_("Dangerous, violent or hateful content"): N_(
            "the bot produced no violent or hateful message in the pilot."
        ),
        N_("Environmental impacts"): N_(
            "energy and water use are a real concern for any generative model, but none of "
            "the five incidents is about them."
        ),
        N_("Harmful bias and homogenisation"): N_(
            "no incident showed some customers treated worse than others; keep "
            "testing for it, but it is not what the log shows."
        ),
        N_("Information integrity"): N_(
            "this risk is about false content spread at scale (disinformation, fakes); the "
            "invented warranty was one wrong answer to one customer, which NIST files under another risk."
        ),
        N_("Intellectual property"): N_("no incident involved copied or protected content."),
        N_("Obscene, degrading or abusive content"): N_("nothing of the kind appeared in the pilot."),
    },
    hints=[
        N_("Match each of the five incidents to exactly one risk: five incidents, five risks."),
        N_(
            "A hidden instruction that makes the bot break its rules is an attack on the system. A model changed "
            "by its supplier without notice is a problem of the chain of components you build on."
        ),
    ],
    solution=(
        N_(
            "The invented warranty is **confabulation**; another customer's address is **data privacy**; the "
            "hidden instruction (prompt injection) is **information security**; the vendor's silent model "
            "update is **value chain and component integration**; agents pasting answers unread is "
            "**human-AI configuration** (over-reliance on the system)."
        )
    ),
)

VENDOR_OPTIONS = {
    "a": lazy("Which algorithm is it: deep learning or something simpler?"),
    "b": lazy(
        "How often do dishwashers fail, and of the ones that failed, how many did the model flag, "
        "measured on machines it never saw in training?"
    ),
    "c": lazy("Could it reach 99% with more data?"),
    "d": lazy("How many data scientists worked on it?"),
}

q6 = ChoiceExercise(
    LESSON,
    "q6",
    "first_question",
    options=tuple(VENDOR_OPTIONS),
    correct="b",
    explanations={
        "a": N_(
            "The algorithm matters less than whether the model helps: you cannot judge that from its name."
        ),
        "b": N_(
            "Accuracy means little without the base rate: if few machines fail, flagging none is already "
            "very 'accurate'. Recall on unseen data says whether the model catches the failures that cost money."
        ),
        "c": N_(
            "A higher accuracy could still come from never predicting a failure: first find out what the "
            "97% measures."
        ),
        "d": N_("Team size says nothing about whether the model catches failures."),
    },
    hints=[
        N_(
            "Remember the failure demo: a model can be right 90% of the time and still miss most failures. "
            "Which question exposes that?"
        )
    ],
    solution=(
        N_(
            '`first_question = "b"`: ask for the base rate, and for recall (and precision) measured on data the '
            "model never saw. A 97% accuracy is what a do-nothing model reaches if 3% of machines fail."
        )
    ),
)
