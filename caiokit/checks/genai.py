"""Exercises of 11_genai_and_agents: a pattern, a flip point, a monthly cost, a contract's gaps, an agent's leash."""

from caiokit.exercises import ChoiceExercise, MappingExercise, NumberExercise, SetExercise
from caiokit.genai.agents import DEFAULT_LIMIT_EUR, Autonomy, autonomy_levels, service_desk_actions
from caiokit.genai.build_buy import decision, default_weights, flip_point, option_scores
from caiokit.genai.contracts import clauses, missing_clauses, required_clauses
from caiokit.genai.cost import monthly_cost, usage_of
from caiokit.genai.patterns import Pattern, patterns_for_use_cases
from caiokit.i18n import N_, format_eur, format_number, format_percent, lazy

LESSON = "11_genai_and_agents"

# q1: the HR policy assistant (UC23) answers from the HR handbook.
PATTERN_USE_CASE = "UC23"
_PATTERN = patterns_for_use_cases()[PATTERN_USE_CASE]

q1 = ChoiceExercise(
    LESSON,
    "q1",
    "uc23_pattern",
    options=Pattern,
    correct=_PATTERN,
    explanations={
        Pattern.NO_AI: N_(
            "Employees ask free-form questions in several languages: a plain process does not answer them."
        ),
        Pattern.RULES: N_("The handbook is long and questions come in any wording; rules cannot cover them."),
        Pattern.CLASSIC_ML: N_(
            "There is nothing to predict from labelled history: the task is to write an answer."
        ),
        Pattern.PROMPTING: N_(
            "A general model has never read Alvera's HR handbook: it would answer from other companies' rules, "
            "confidently and wrongly."
        ),
        Pattern.FINE_TUNING: N_(
            "Fine-tuning teaches a style, not facts that change each year; a new leave rule would need a new "
            "training run."
        ),
        Pattern.AGENT: N_(
            "The assistant only answers; it takes no action in any system, so it needs no tools."
        ),
    },
    hints=[
        N_(
            "Read UC23's traits in `use_case_traits()`: does it write text, and where does its answer come from?"
        ),
        N_(
            "The answer lives in internal documents that change: the model must look them up at each question."
        ),
    ],
    solution=N_(
        '`uc23_pattern = "rag"`: the assistant writes answers (a language model) from Alvera\'s own HR handbook '
        "(internal knowledge), and takes no action: retrieval-augmented generation, with the handbook indexed "
        "and each answer citing its passage. It needs the handbook kept up to date and access rights respected."
    ),
)

# q2: UC03's decision, and how far the weight of "control of data" must rise to change it.
FLIP_CRITERION = "control_of_data"
_SCORES = option_scores()
_WEIGHTS = default_weights()
_FLIP = flip_point(_SCORES, _WEIGHTS, FLIP_CRITERION)
_FLIP_PERCENT = 100 * _FLIP.above

q2 = NumberExercise(
    LESSON,
    "q2",
    "control_weight_flip",
    expected=_FLIP_PERCENT,
    rel_tol=0.02,
    unit=" %",
    hints=[
        lazy(
            'Today\'s weights give {winner}. Use `flip_point(scores, weights, "control_of_data")`: its `above` '
            "is the share (0 to 1) where another option takes over; answer in percent.",
            winner=lambda: decision(_SCORES, _WEIGHTS).label,
        ),
        N_(
            "By hand: with the other weights keeping their proportions, each option's total is a straight line in "
            "the weight t of control of data; solve for the t where the winner's line meets the rival's."
        ),
    ],
    solution=lazy(
        'About {answer}: `100 * flip_point(scores, weights, "control_of_data").above`. From {weight} to '
        "about {answer}, {winner} stays the answer; above, {rival} wins. A move of {move} points of weight is "
        "enough: argue about that weight before you sign.",
        answer=lambda: format_percent(_FLIP.above),
        weight=lambda: format_percent(_FLIP.weight),
        winner=lambda: decision(_SCORES, _WEIGHTS).label,
        rival=lambda: _FLIP.option_above.label,
        move=lambda: format_number(round(100 * (_FLIP.above - _FLIP.weight), 1)),
    ),
)

# q3: the IT service-desk assistant's cost per month.
COST_USE_CASE = "UC37"
_COST = monthly_cost(usage_of(COST_USE_CASE))

q3 = NumberExercise(
    LESSON,
    "q3",
    "uc37_monthly_cost",
    expected=_COST.total_eur,
    rel_tol=0.01,
    unit=" EUR",
    hints=[
        N_(
            'Build the usage with `usage_of("UC37")` and pass it to `monthly_cost(...)`; read its `total_eur`.'
        ),
        lazy(
            "Do not forget human review: the models cost {model} a month, and the reviewed requests add the rest.",
            model=lambda: format_eur(_COST.model_eur),
        ),
    ],
    solution=lazy(
        '{total}: `monthly_cost(usage_of("UC37")).total_eur`. The models cost {model} (small {small}, large '
        "{large}); human review costs {review}. Review, not tokens, is what to optimise.",
        total=lambda: format_eur(_COST.total_eur),
        model=lambda: format_eur(_COST.model_eur),
        small=lambda: format_eur(_COST.small_model_eur),
        large=lambda: format_eur(_COST.large_model_eur),
        review=lambda: format_eur(_COST.review_eur),
    ),
)

# q4: a provider's draft contract for the service knowledge base.
DRAFT_CONTRACT = ("data_use", "ip_indemnity", "security_audit", "service_levels")

q4 = SetExercise(
    LESSON,
    "q4",
    "missing_clauses_found",
    options=required_clauses(),
    correct=missing_clauses(DRAFT_CONTRACT),
    explanations={
        clause: lazy(
            "the draft already has it ({label}).", label=lambda clause=clause: clauses().loc[clause, "label"]
        )
        for clause in DRAFT_CONTRACT
    },
    hints=[
        N_(
            "Compare `DRAFT_CONTRACT` with the required clauses of `clauses()`: list the ids that are not in it."
        ),
        N_(
            "Think of the day you leave the provider, of where the logs are kept, and of the model under the service."
        ),
    ],
    solution=N_(
        "Retention and deletion, exit and portability, the GPAI provider's duties, and notice of model changes: "
        "`missing_clauses(DRAFT_CONTRACT)`. The draft covers data use, IP, security and service levels, the "
        "usual four; the missing ones matter when things change or end."
    ),
)

# q5: the IT service-desk agent's actions under a spending limit.
_ACTIONS = service_desk_actions()

q5 = MappingExercise(
    LESSON,
    "q5",
    "agent_autonomy",
    correct=autonomy_levels(_ACTIONS).to_dict(),
    categories=tuple(Autonomy),
    hints=[
        lazy(
            "Apply the rule in order: binding -> people only; irreversible, external or above {limit} -> ask "
            "first; spends within the limit -> act, then report; otherwise act alone.",
            limit=lambda: format_eur(DEFAULT_LIMIT_EUR),
        ),
        N_("An email to all staff cannot be unsent, and it reaches people outside the agent's own ticket."),
    ],
    solution=N_(
        "Reset a password and read past tickets: act alone, logged. Order a mouse: act, then report. Order a "
        "laptop (above the limit) and email all staff (irreversible, external): ask first. Accept a licence "
        "(it binds the company): people only. `autonomy_levels(service_desk_actions())` gives the same."
    ),
)
