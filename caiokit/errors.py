"""The package's own exceptions: each message says what went wrong and what to do about it."""


class CaioKitError(Exception):
    """Base class of every error caiokit raises on purpose."""


class CatalogError(CaioKitError):
    """A use-case catalog (built-in or a learner's CSV) is malformed; ``problems`` lists every issue found."""

    def __init__(self, source: str, problems: list[str]):
        self.source = source
        self.problems = list(problems)
        lines = "\n".join(f"  - {p}" for p in self.problems)
        super().__init__(f"{source} has {len(self.problems)} problem(s):\n{lines}")


class PortfolioError(CaioKitError):
    """Portfolio constraints cannot be met; the message says which ones clash."""


class ProgressFileError(CaioKitError):
    """The progress file cannot be read or written."""


class QuizBankError(CaioKitError):
    """A quiz question bank is malformed."""


class ScoringError(CaioKitError):
    """A scoring method, weight set or score input is not usable; the message says which and why."""


class RoadmapError(CaioKitError):
    """A roadmap cannot be planned with the given start, horizon or capacity."""


class FinanceError(CaioKitError):
    """Cash flows, rates or amounts given to a finance function are not usable."""
