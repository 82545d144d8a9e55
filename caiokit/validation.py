"""What counts as a number and what counts as an empty cell, decided once for every module that checks input.

A number is a real number of any type Python's numeric tower calls real: ``int``, ``float``,
``fractions.Fraction`` and numpy's integers and floats. Not a number: a bool (``True`` is 1 to Python, but a
learner who types it meant something else), text such as ``"4"``, and ``decimal.Decimal``, which Python does
not count as real because it does not mix with floats (``1.5 + Decimal(1)`` is an error). NaN is never a
usable number; infinity is one only where a module says so (``finite=False``).

A blank is what a spreadsheet shows as an empty cell: nothing (None), NaN, pandas' missing markers, or text
made only of spaces.
"""

from __future__ import annotations

import math
import numbers
from typing import Any

import pandas as pd


def is_real(value: Any) -> bool:
    """True for a value of a real number type, NaN and infinity included; False for a bool and the rest."""
    return isinstance(value, numbers.Real) and not isinstance(value, bool)


def is_number(value: Any, *, finite: bool = True) -> bool:
    """True for a real number that is not NaN, and, unless ``finite`` is False, not infinite either."""
    if not is_real(value):
        return False
    if isinstance(value, numbers.Rational):  # whole numbers and fractions: never NaN or infinite
        return True
    return math.isfinite(value) if finite else not math.isnan(value)


def is_whole(value: Any) -> bool:
    """True for a value of a whole number type (numpy's included); False for a bool, a float such as 2.0, the rest."""
    return isinstance(value, numbers.Integral) and not isinstance(value, bool)


def is_blank(value: Any) -> bool:
    """True for an empty cell: None, NaN, pandas' NA or NaT, or text made only of spaces."""
    if isinstance(value, str):
        return not value.strip()
    return value is None or (pd.api.types.is_scalar(value) and bool(pd.isna(value)))
