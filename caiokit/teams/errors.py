"""The error the AI-team tools raise when what they are given cannot be used."""

from __future__ import annotations

from caiokit.errors import CaioKitError


class TeamError(CaioKitError):
    """A plan, workload, headcount or set of answers cannot be used to design the team; the message says why."""
