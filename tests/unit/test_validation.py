"""Tests of caiokit.validation: what counts as a number and as an empty cell."""

from __future__ import annotations

import math
from decimal import Decimal
from fractions import Fraction

import numpy as np
import pandas as pd
import pytest

from caiokit.validation import is_blank, is_number, is_real, is_whole

REAL = [0, -3, 2.5, 10**400, Fraction(1, 3), np.int64(7), np.float32(0.5), np.float64(1e300)]
NOT_REAL = [True, False, np.bool_(True), "4", None, Decimal("1.5"), 1 + 2j, [1], ...]


@pytest.mark.parametrize("value", REAL)
def test_real_numbers_are_numbers(value):
    assert is_real(value) and is_number(value) and is_number(value, finite=False)


@pytest.mark.parametrize("value", NOT_REAL)
def test_bools_text_decimals_and_the_rest_are_not(value):
    assert not is_real(value) and not is_number(value) and not is_number(value, finite=False)


@pytest.mark.parametrize("value", [math.nan, np.float64("nan"), np.float32("nan")])
def test_nan_is_real_but_never_a_number(value):
    assert is_real(value) and not is_number(value) and not is_number(value, finite=False)


@pytest.mark.parametrize("value", [math.inf, -math.inf, np.float64("-inf")])
def test_infinity_is_a_number_only_when_asked(value):
    assert is_real(value) and not is_number(value) and is_number(value, finite=False)


@pytest.mark.parametrize("value", [None, math.nan, np.float32("nan"), pd.NA, pd.NaT, "", "   ", "\t\n"])
def test_blank_cells(value):
    assert is_blank(value)


@pytest.mark.parametrize("value", [0, 0.0, " x ", "0", False, [], [None], pd.Timestamp("2027-01-01")])
def test_cells_that_are_not_blank(value):
    assert not is_blank(value)


@pytest.mark.parametrize("value", [0, -3, 10**400, np.int64(7), np.uint8(3)])
def test_whole_numbers(value):
    assert is_whole(value)


@pytest.mark.parametrize("value", [True, np.bool_(False), 2.0, np.float64(3.0), Fraction(4, 2), "5", None])
def test_bools_floats_and_the_rest_are_not_whole(value):
    assert not is_whole(value)
