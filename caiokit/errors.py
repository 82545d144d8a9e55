"""The package's own exceptions: each message says what went wrong and what to do about it."""


class CaioKitError(Exception):
    """Base class of every error caiokit raises on purpose."""


class CatalogError(CaioKitError):
    """A use-case catalog (built-in or a learner's CSV) is malformed."""


class ProgressFileError(CaioKitError):
    """The progress file cannot be read or written."""


class QuizBankError(CaioKitError):
    """A quiz question bank is malformed."""


class CurriculumError(CaioKitError):
    """The curriculum map refers to something that does not exist."""
