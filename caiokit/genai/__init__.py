"""Generative AI and agents for a CAIO: which pattern, build or buy, what it costs, the contract, the agent's leash.

One module per concept: ``patterns`` (from no AI to an agent with tools), ``build_buy`` (weighted options and
how far a weight must move to change the answer), ``cost`` (a service's cost per month against its value),
``contracts`` (the clauses a draft lacks) and ``agents`` (what an agent may do without approval).
"""

from caiokit.errors import CaioKitError


class GenAIError(CaioKitError):
    """A generative-AI input is wrong (a weight, a price, a usage figure, a pattern's traits...)."""
