"""The package's own exceptions: each message says what went wrong and what to do about it."""

from __future__ import annotations

from collections.abc import Iterable


class CaioKitError(Exception):
    """Base class of every error caiokit raises on purpose."""


class ProblemsError(CaioKitError):
    """Everything wrong with one input, found at once: ``problems`` lists each issue.

    The message is a headline, a colon, then one line "  - <problem>" per problem. The headline says what
    was checked and how many problems it has: "<what> has N problem(s)" unless a subclass words it its own
    way in ``headline`` (with the same two fields, ``what`` and ``count``).
    """

    headline = "{what} has {count} problem(s)"  # in the catalogue through caiokit.i18n.PROBLEM_HEADLINES

    def __init__(self, what: str, problems: Iterable[str]):
        self.what = what
        self.problems = list(problems)
        super().__init__(self.message())

    def message(self) -> str:
        """The headline, then each problem on a line of its own."""
        # caiokit.i18n imports this module, so it is imported here, when a message is made.
        from caiokit.i18n import _

        lines = "".join(f"\n  - {problem}" for problem in self.problems)
        return _(self.headline).format(what=self.what, count=len(self.problems)) + ":" + lines


class CatalogError(ProblemsError):
    """A use-case catalog (built-in or a learner's CSV) is malformed; ``problems`` lists every issue found."""

    @property
    def source(self) -> str:
        """The file the problems are in ('the table' for a DataFrame)."""
        return self.what


class PortfolioError(CaioKitError):
    """Portfolio constraints cannot be met; the message says which ones clash."""


class ProgressFileError(CaioKitError):
    """The progress file cannot be read or written."""


class QuizBankError(CaioKitError):
    """A quiz question bank cannot be found, read or used."""


class MalformedBankError(QuizBankError, ProblemsError):
    """A quiz bank's JSON breaks the bank format; ``problems`` lists every issue found."""


class ScoringError(CaioKitError):
    """A scoring method, weight set or score input is not usable; the message says which and why."""


class RoadmapError(CaioKitError):
    """A roadmap cannot be planned with the given start, horizon or capacity."""


class FinanceError(CaioKitError):
    """Cash flows, rates or amounts given to a finance function are not usable."""
