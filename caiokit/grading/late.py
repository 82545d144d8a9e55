"""The course's late-work policy, as an nbgrader late submission plugin.

Work handed in after the due date loses ``percent_per_day`` percent of its points for each day or part of a
day late, so 10% per day gives 90% of the points one minute late, 80% a day and a minute late, and nothing
from ten days on; a score never goes below zero. Configured in nbgrader_config.py
(``c.AssignLatePenalties.plugin_class``); nbgrader applies it when it autogrades a late submission.

nbgrader computes the penalty from the points a submission has when it is autograded: written answers graded
by hand afterwards are not yet in it. Autograde late work again once its written answers are graded.
"""

from __future__ import annotations

import math

from nbgrader.plugins import LateSubmissionPlugin
from traitlets import Float

SECONDS_PER_DAY = 86_400


class PercentPerDayLate(LateSubmissionPlugin):
    """A share of the points per day or part of a day late, down to zero."""

    percent_per_day = Float(
        10.0,
        min=0.0,
        max=100.0,
        help="Percent of a late submission's points lost per day (or part of a day) late.",
    ).tag(config=True)

    def days_late(self, total_seconds_late: float) -> int:
        """Started days late: 1 for a minute late, 2 for a day and a minute."""
        return math.ceil(max(0.0, total_seconds_late) / SECONDS_PER_DAY)

    def late_submission_penalty(self, student_id: str, score: float, total_seconds_late: float) -> float:
        """The points taken off a notebook scored ``score``, submitted ``total_seconds_late`` seconds late."""
        share = min(1.0, self.percent_per_day / 100.0 * self.days_late(total_seconds_late))
        penalty = round(score * share, 2)
        self.log.warning(
            "%s: %s day(s) late, %g%% per day: %.2f of %.2f points taken off",
            student_id, self.days_late(total_seconds_late), self.percent_per_day, penalty, score,
        )  # fmt: skip
        return penalty

    def describe(self) -> str:
        """The policy in one sentence, for learners."""
        if self.percent_per_day == 0:
            return "Late work is accepted without penalty."
        days_to_zero = math.ceil(100.0 / self.percent_per_day)
        return (
            f"Work submitted after the due date loses {self.percent_per_day:g}% of its points for each day or part of a "
            f"day late, and earns nothing from {days_to_zero} day(s) late."
        )
