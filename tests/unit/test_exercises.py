"""The exercise engine: every kind of checker, fed right, wrong, blank and broken answers."""

from __future__ import annotations

import numpy as np
import pytest

from caiokit import i18n
from caiokit.exercises import (
    Case,
    ChoiceExercise,
    FunctionExercise,
    MappingExercise,
    NumberExercise,
    RankingExercise,
    SetExercise,
    Status,
    kendall_tau,
)
from caiokit.i18n import N_, Category, plain_number
from caiokit.progress import ProgressStore

COMMON = {"hints": ["first hint", "second hint"], "solution": "the reference answer is 42"}


def number(**kwargs):
    return NumberExercise("test", "n1", "answer", expected=400, **COMMON, **kwargs)


class TestNumber:
    def test_right_within_tolerance(self):
        assert number().evaluate(401).status is Status.CORRECT

    def test_numpy_number_is_accepted(self):
        assert number().evaluate(np.float64(400.0)).status is Status.CORRECT

    def test_wrong_says_direction_but_not_the_value(self):
        feedback = number().evaluate(300)
        assert feedback.status is Status.INCORRECT
        assert "too low" in feedback.message
        assert "400" not in str(feedback)

    def test_factor_of_hundred_points_at_units(self):
        feedback = number().evaluate(4)
        assert "factor of 100" in feedback.message

    def test_a_share_typed_as_a_percentage_gets_a_unit_note(self):
        share = NumberExercise("test", "n3", "share", expected=0.75, fraction=True, **COMMON)
        feedback = share.evaluate(45)  # a wrong share, as a percentage: 60 times the answer, no unit factor
        assert feedback.status is Status.INCORRECT
        assert feedback.message == (
            "45 is too high. It looks like a percentage: give a fraction between 0 and 1, such as 0.45 for "
            "45%. Try `hint()`."
        )
        assert "0.75" not in feedback.message
        assert "looks like a percentage" in share.evaluate(75).message  # the right share, as a percentage
        assert "percentage" not in share.evaluate(0.45).message
        assert "percentage" not in number().evaluate(45).message  # not a share: no such note
        with pytest.raises(ValueError, match="between 0 and 1"):
            NumberExercise("test", "n4", "share", expected=45, fraction=True, **COMMON)

    def test_blank_is_not_attempted(self):
        assert number().evaluate(...).status is Status.NOT_ATTEMPTED

    def test_string_is_an_error_that_mentions_quotes(self):
        feedback = number().evaluate("400")
        assert feedback.status is Status.ERROR
        assert "quotes" in feedback.message

    def test_bool_is_not_a_number(self):
        assert number().evaluate(True).status is Status.ERROR

    def test_large_answers_are_written_plainly(self):
        feedback = NumberExercise("test", "n2", "fine", expected=35, unit=" M EUR", **COMMON).evaluate(
            35_000_000.0
        )
        assert "35,000,000 M EUR is too high" in feedback.message and "e+" not in feedback.message

    def test_nan_is_incorrect_with_a_reason(self):
        feedback = number().evaluate(float("nan"))
        assert feedback.status is Status.INCORRECT
        assert "division by zero" in feedback.message


class TestPlainNumber:
    @pytest.mark.parametrize(
        ("value", "text"),
        [
            (3.5e7, "35,000,000"),
            (1.2e6, "1,200,000"),
            (1234567.891, "1,234,567.89"),
            (-35_000_000.5, "-35,000,000.5"),
            (-0.25, "-0.25"),
            (0.000123, "0.000123"),
            (1.5e-9, "0.0000000015"),
            (0.1 + 0.2, "0.3"),
            (2.999, "2.999"),
            (3.14159, "3.142"),
            (400.0, "400"),
            (-7.0, "-7"),
            (-0.0, "0"),
            (12, "12"),
            (10**20, "100,000,000,000,000,000,000"),
            (np.float64(1e21), "1,000,000,000,000,000,000,000"),
            (np.int64(-4200), "-4,200"),
            (float("inf"), "inf"),
        ],
    )
    def test_no_scientific_notation_and_useful_decimals(self, value, text):
        assert plain_number(value) == text


def choice():
    return ChoiceExercise(
        "test",
        "c1",
        "pick",
        options=("a", "b", "c"),
        correct="b",
        explanations={"a": "A is about IT."},
        **COMMON,
    )


class TestChoice:
    def test_right_case_insensitive_and_trimmed(self):
        assert choice().evaluate(" B ").status is Status.CORRECT

    def test_wrong_option_explains_itself(self):
        feedback = choice().evaluate("a")
        assert feedback.status is Status.INCORRECT
        assert "A is about IT." in feedback.message

    def test_unknown_option_lists_the_options(self):
        feedback = choice().evaluate("z")
        assert feedback.status is Status.ERROR
        assert "'a', 'b', 'c'" in feedback.message

    def test_non_string_is_an_error(self):
        assert choice().evaluate(2).status is Status.ERROR

    def test_correct_must_be_an_option(self):
        with pytest.raises(ValueError):
            ChoiceExercise("test", "c", "x", options=("a",), correct="b", **COMMON)


class Size(Category):
    SMALL = "small", N_("small")
    LARGE = "large_size", N_("large")


def sized(**kwargs):
    return ChoiceExercise(
        "test",
        "c2",
        "size",
        options=Size,
        correct=kwargs.pop("correct", Size.LARGE),
        explanations={Size.SMALL: "It will not hold the books."},
        **COMMON,
        **kwargs,
    )


class TestCategoryChoice:
    @pytest.mark.parametrize("typed", ["large", " LARGE ", "large_size", Size.LARGE])
    def test_the_label_or_the_id_is_right(self, typed):
        assert sized().evaluate(typed).status is Status.CORRECT

    def test_the_reference_is_the_member_even_when_given_by_its_id(self):
        exercise = sized(correct="large_size")
        assert exercise.correct is Size.LARGE and exercise.options == (Size.SMALL, Size.LARGE)

    def test_feedback_shows_labels_not_ids(self):
        wrong = sized().evaluate("small")
        assert wrong.status is Status.INCORRECT
        assert wrong.message == "Not 'small'. It will not hold the books."
        assert sized().evaluate("large").message == "'large' is right."
        unknown = sized().evaluate("medium")
        assert unknown.status is Status.ERROR and "'small', 'large'." in unknown.message
        assert "large_size" not in unknown.message
        assert "e.g. 'small'" in sized().evaluate(3).message

    def test_labels_are_read_in_the_language_in_use(self, monkeypatch):
        french = {"small": "petit", "large": "grand"}
        monkeypatch.setattr(i18n, "_", lambda message: french.get(message, message))
        assert sized().evaluate("Grand").status is Status.CORRECT
        assert sized().evaluate("large_size").status is Status.CORRECT
        english = sized().evaluate("large")
        assert english.status is Status.ERROR and "'petit', 'grand'" in english.message

    def test_correct_must_be_a_member(self):
        with pytest.raises(ValueError):
            sized(correct="medium")


def options_set():
    return SetExercise(
        "test",
        "s1",
        "chosen",
        options=("p", "q", "r", "s"),
        correct={"p", "q"},
        explanations={"r": "r is a trap"},
        **COMMON,
    )


class TestSet:
    def test_right(self):
        assert options_set().evaluate(["q", "p"]).status is Status.CORRECT

    def test_extra_item_is_named_and_missing_ones_counted(self):
        feedback = options_set().evaluate({"p", "r"})
        assert feedback.status is Status.INCORRECT
        assert "r is a trap" in feedback.message
        assert "1 correct option is still missing" in feedback.message
        assert "'q'" not in feedback.message

    def test_a_string_is_not_a_set(self):
        assert options_set().evaluate("p").status is Status.ERROR

    def test_unknown_option(self):
        assert options_set().evaluate({"p", "zz"}).status is Status.ERROR


def mapping():
    return MappingExercise(
        "test",
        "m1",
        "owners",
        correct={"strategy": "CAIO", "help desk": "CIO", "data quality": "CDO"},
        categories=("CAIO", "CIO", "CTO", "CDO"),
        **COMMON,
    )


class TestMapping:
    def test_right(self):
        answer = {"strategy": "CAIO", "help desk": "CIO", "data quality": "CDO"}
        assert mapping().evaluate(answer).status is Status.CORRECT

    def test_wrong_items_are_named_without_their_category(self):
        feedback = mapping().evaluate({"strategy": "CAIO", "help desk": "CTO", "data quality": "CDO"})
        assert feedback.status is Status.INCORRECT
        assert "2 of 3 right" in feedback.message
        assert "'help desk'" in feedback.message
        assert "CIO" not in feedback.message

    def test_partly_blank(self):
        feedback = mapping().evaluate({"strategy": "CAIO", "help desk": ..., "data quality": "CDO"})
        assert feedback.status is Status.INCORRECT
        assert "1 item(s) still have no category" in feedback.message

    def test_all_blank_is_not_attempted(self):
        assert mapping().evaluate({"strategy": ...}).status is Status.NOT_ATTEMPTED

    def test_unknown_category_and_item(self):
        assert mapping().evaluate({"strategy": "CEO"}).status is Status.ERROR
        assert mapping().evaluate({"lunch": "CIO"}).status is Status.ERROR


class TestRanking:
    def exercise(self, min_tau=1.0):
        return RankingExercise(
            "test", "r1", "order", reference=("A", "B", "C", "D"), top_k=2, min_tau=min_tau, **COMMON
        )

    def test_kendall_tau_extremes(self):
        assert kendall_tau(["A", "B", "C"], ["A", "B", "C"]) == 1.0
        assert kendall_tau(["C", "B", "A"], ["A", "B", "C"]) == -1.0
        assert kendall_tau(["B", "A", "C"], ["A", "B", "C"]) == pytest.approx(1 / 3)

    def test_identical_ranking_is_correct(self):
        assert self.exercise().evaluate(["A", "B", "C", "D"]).status is Status.CORRECT

    def test_tolerance_allows_a_near_ranking(self):
        assert self.exercise(min_tau=0.6).evaluate(["A", "B", "D", "C"]).status is Status.CORRECT

    def test_wrong_ranking_reports_tau_top_k_and_biggest_gap(self):
        feedback = self.exercise().evaluate(["D", "A", "B", "C"])
        assert feedback.status is Status.INCORRECT
        assert "Kendall tau 0.00" in feedback.message
        assert "1 of your top 2" in feedback.message
        assert "'D' is ranked too high" in feedback.message

    def test_incomplete_or_duplicated_list_is_an_error(self):
        feedback = self.exercise().evaluate(["A", "A", "B", "X"])
        assert feedback.status is Status.ERROR
        assert "listed twice" in feedback.message and "unknown" in feedback.message


def rice_exercise():
    return FunctionExercise(
        "test",
        "f1",
        "rice",
        cases=(Case((500, 2, 0.8, 2), expected=400.0), Case((100, 1, 0.5, 1), expected=50.0)),
        **COMMON,
    )


class TestFunction:
    def test_right_function(self):
        assert rice_exercise().evaluate(lambda r, i, c, e: r * i * c / e).status is Status.CORRECT

    def test_wrong_function_names_the_input_not_the_expected_value(self):
        feedback = rice_exercise().evaluate(lambda r, i, c, e: r * i * c * e)
        assert feedback.status is Status.INCORRECT
        assert "rice(500, 2, 0.8, 2)" in feedback.message and "returned 1,600," in feedback.message
        assert "400" not in feedback.message

    def test_crash_is_reported_with_the_call(self):
        def broken(r, i, c, e):
            return r / 0

        feedback = rice_exercise().evaluate(broken)
        assert feedback.status is Status.ERROR
        assert "ZeroDivisionError" in feedback.message and "rice(500, 2, 0.8, 2)" in feedback.message

    def test_wrong_signature(self):
        feedback = rice_exercise().evaluate(lambda r: r)
        assert feedback.status is Status.ERROR
        assert "cannot be called" in feedback.message

    def test_placeholder_bodies_are_not_attempted(self):
        def raises(r, i, c, e):
            raise NotImplementedError

        assert rice_exercise().evaluate(raises).status is Status.NOT_ATTEMPTED
        assert rice_exercise().evaluate(lambda r, i, c, e: ...).status is Status.NOT_ATTEMPTED

    def test_missing_return(self):
        feedback = rice_exercise().evaluate(lambda r, i, c, e: None)
        assert "forget `return`" in feedback.message

    def test_not_a_function(self):
        assert rice_exercise().evaluate(400).status is Status.ERROR


class TestNotebookFlow:
    def test_check_reads_the_bound_variable_and_records_it(self, notebook_namespace, progress_file):
        exercise = number()
        assert exercise.check().status is Status.NOT_ATTEMPTED  # variable not defined yet
        notebook_namespace["answer"] = 400
        assert exercise.check().passed
        statuses = [e.status for e in ProgressStore(progress_file).events() if e.kind == "attempt"]
        assert statuses == ["not_attempted", "correct"]

    def test_hints_advance_then_repeat_the_last(self, progress_file):
        exercise = number()
        assert [exercise.hint().body for _ in range(3)] == ["first hint", "second hint", "second hint"]
        assert str(exercise.solution()) == "Solution: the reference answer is 42"
        kinds = [e.kind for e in ProgressStore(progress_file).events()]
        assert kinds == ["hint", "hint", "hint", "solution"]

    def test_unusable_progress_file_adds_a_note_once_and_never_raises(
        self, notebook_namespace, progress_file
    ):
        progress_file.write_bytes(b"this is not a database" * 50)
        notebook_namespace["answer"] = 400
        first = number().check()
        second = number().check()
        assert first.passed and "damaged" in first.note
        assert second.passed and second.note is None
        assert progress_file.read_bytes() == b"this is not a database" * 50

    def test_feedback_renders_as_markdown(self):
        assert number().evaluate(400)._repr_markdown_().startswith("**✔ Correct**")


class TestLessonZeroChecks:
    """The exercises of 00_start_here, each fed a right and a wrong answer."""

    def test_q1(self):
        from caiokit.checks.start_here import q1

        assert q1.evaluate("b").passed
        assert q1.evaluate("a").status is Status.INCORRECT

    def test_q2(self):
        import math

        from caiokit.checks.start_here import q2

        assert q2.evaluate(lambda total, per_week: math.ceil(total / per_week)).passed
        assert q2.evaluate(lambda total, per_week: total // per_week).status is Status.INCORRECT
        assert q2.evaluate(lambda total, per_week: ...).status is Status.NOT_ATTEMPTED

    def test_q3(self):
        from caiokit.checks.start_here import MISSION_OPTIONS, q3

        assert q3.evaluate(set(MISSION_OPTIONS[:5])).passed
        feedback = q3.evaluate(set(MISSION_OPTIONS[:4]) | {"Run the IT help desk"})
        assert feedback.status is Status.INCORRECT and "CIO" in feedback.message


class TestOptionsInTheLanguageInUse:
    """Plain-string options and items are English message ids (marked with N_ in a check): a learner may type
    them in the language in use (here the bracketed stand-in catalogue) or in English, and feedback shows them
    in the language in use."""

    def test_a_choice(self, bracketed):
        exercise = ChoiceExercise("test", "c9", "pick", options=["alpha", "beta"], correct="beta", **COMMON)
        assert exercise.evaluate("[beta]").status is Status.CORRECT
        assert exercise.evaluate("beta").status is Status.CORRECT
        wrong = exercise.evaluate("[alpha]")
        assert wrong.status is Status.INCORRECT and "'[alpha]'" in wrong.message

    def test_a_set(self, bracketed):
        exercise = SetExercise("test", "s9", "picks", options=["a", "b", "c"], correct={"a", "b"}, **COMMON)
        assert exercise.evaluate({"[a]", "b"}).status is Status.CORRECT
        wrong = exercise.evaluate({"[a]", "[c]"})
        assert wrong.status is Status.INCORRECT and "'[c]' does not belong" in wrong.message
        assert exercise.evaluate({"[d]"}).status is Status.ERROR

    def test_a_mapping(self, bracketed):
        exercise = MappingExercise(
            "test", "m9", "sorted_items", correct={"cat": "animal", "oak": "plant"}, categories=["animal", "plant"],
            **COMMON,
        )  # fmt: skip
        assert exercise.evaluate({"[cat]": "[animal]", "oak": "plant"}).status is Status.CORRECT
        wrong = exercise.evaluate({"[cat]": "[plant]", "[oak]": "[plant]"})
        assert wrong.status is Status.INCORRECT and "'[cat]'" in wrong.message
        assert exercise.evaluate({"[dog]": "[animal]"}).status is Status.ERROR

    def test_a_ranking(self, bracketed):
        exercise = RankingExercise("test", "r9", "order", reference=["x", "y", "z"], **COMMON)
        assert exercise.evaluate(["[x]", "y", "[z]"]).status is Status.CORRECT
        wrong = exercise.evaluate(["[z]", "[y]", "[x]"])
        assert wrong.status is Status.INCORRECT and "'[" in wrong.message
        assert exercise.evaluate(["[x]", "[y]", "[w]"]).status is Status.ERROR
