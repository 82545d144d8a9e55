"""AI risk, security and incidents: the domain of lesson 13, one module per concept.

- :mod:`caiokit.risk.register`: a risk register scored likelihood x impact, against a risk appetite the board
  set per category (``risk_register.csv``, ``risk_appetite.csv``, words in ``en/risk_register.csv``);
- :mod:`caiokit.risk.owasp`: the OWASP Top 10 for LLM Applications (2025 edition) and which entries a pilot's
  design exposes (``owasp_exposure.csv``: design feature -> entry);
- :mod:`caiokit.risk.model_risk`: model risk tiering and validation cadence in the manner of SR 11-7, over
  Alvera's model inventory (``model_inventory.csv``);
- :mod:`caiokit.risk.deadlines`: the notification deadlines of GDPR Art. 33 and 34 and AI Act Art. 73 and
  26(5), as datetimes from the moment of awareness (pure; reused by assignment 06);
- :mod:`caiokit.risk.tabletop`: incident scenarios played hour by hour, and the post-incident review of the
  decisions taken (``incident_scenarios.csv``, ``incident_steps.csv``, ``incident_options.csv``, with words
  in ``en/``).

The tables are Alvera's (the case company), in ``caiokit/data/`` with their words in ``caiokit/data/en/``.
"""
