"""Tests of caiokit.errors: the one format of the errors that list every problem found."""

from __future__ import annotations

import pytest

from caiokit.errors import CatalogError, MalformedBankError, ProblemsError, QuizBankError
from caiokit.maturity import MaturityError
from caiokit.roles import ResponsibilitiesError, RolesError
from caiokit.skills import SkillsError


def test_one_problem_a_line_under_a_headline():
    error = ProblemsError("my_cases.csv", ["row 2: no name", "row 3: no cost"])
    assert str(error) == "my_cases.csv has 2 problem(s):\n  - row 2: no name\n  - row 3: no cost"
    assert error.problems == ["row 2: no name", "row 3: no cost"] and error.what == "my_cases.csv"


@pytest.mark.parametrize(
    ("error", "message"),
    [
        (CatalogError("the uploaded file", ["a", "b"]), "the uploaded file has 2 problem(s):\n  - a\n  - b"),
        (MaturityError(["a", "b"]), "2 problem(s) with the maturity assessment:\n  - a\n  - b"),
        (SkillsError(["a", "b"]), "2 problems with the skills self-assessment:\n  - a\n  - b"),
        (SkillsError(["the rating of tech1 is 6"]), "the rating of tech1 is 6"),
        (MalformedBankError("bank.json", ["a"]), "bank.json has 1 problem(s):\n  - a"),
        (ResponsibilitiesError("mine.csv", ["a"]), "mine.csv has 1 problem(s):\n  - a"),
    ],
)
def test_each_list_of_problems_keeps_its_wording(error, message):
    assert isinstance(error, ProblemsError) and str(error) == message


def test_the_lists_are_still_errors_of_their_module():
    assert issubclass(MalformedBankError, QuizBankError) and issubclass(ResponsibilitiesError, RolesError)
    assert CatalogError("x.csv", ["a"]).source == "x.csv"
