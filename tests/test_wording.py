"""Tests of caiokit.wording: small rules for the sentences the course writes."""

from __future__ import annotations

import pytest

from caiokit.wording import lower_first


@pytest.mark.parametrize(
    ("text", "expected"),
    [("Leads the AI programme", "leads the AI programme"), ("", "")],
)
def test_lower_first_lowers_only_the_first_letter(text, expected):
    assert lower_first(text) == expected
