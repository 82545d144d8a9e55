"""Strategy canvas: parsing, validation, Markdown export, OKR alignment, editor widget, exercises q1, q2, q5."""

from __future__ import annotations

import pandas as pd
import pytest

from caiokit.catalog import load_catalog
from caiokit.checks.strategy import CANVAS_ITEMS, KEY_RESULTS, NG_STEPS, q1, q2, q5
from caiokit.exercises import Status
from caiokit.quiz import grade, load_bank
from caiokit.reports.strategy_canvas import EXAMPLE_FILE, to_markdown, write_markdown
from caiokit.strategy import (
    EXAMPLES,
    TEXT_FIELDS,
    Horizon,
    Objective,
    PriorityUseCase,
    StrategyCanvas,
    StrategyError,
    alignment_table,
    canvas_fields,
    company_objectives,
    load_company,
    parse_lines,
    parse_objectives,
    parse_use_cases,
    unaligned_use_cases,
)
from caiokit.widgets.strategy_canvas import StrategyCanvasEditor

COMPLETE = {
    "company": "Alvera Group SE",
    "ambition": "Within three years, AI answers customers in minutes and helps both factories waste less.",
    "objectives": (
        "O1: Serve customers faster at lower cost\n"
        "- Cost per service contact down 20% by end of 2028\n"
        "O2: Grow the online shop\n"
        "- Online revenue from 18% to 25% of turnover by end of 2028"
    ),
    "priority_use_cases": "Email triage and routing -> O1\nProduct recommendations -> O2, O1",
    "roadmap_now": "Pilot email triage",
    "roadmap_next": "Scale email triage\nStart recommendations",
    "roadmap_later": "Recommendations in all twelve countries",
    "operating_model": "Hub and spokes: a central team in Lyon, specialists in the business units.",
    "governance": "An AI board chaired by the COO approves high-risk systems.",
    "funding": "EUR 2 M a year, released in stages.",
    "success_metrics": "Cost per contact\nOnline share of turnover",
    "risks": "Data protection: legal review before training\nVendor lock-in",
}


def complete_canvas() -> StrategyCanvas:
    return StrategyCanvas.from_text(COMPLETE)


# --- parsing ------------------------------------------------------------------------------------------


def test_parse_lines_drops_blanks_and_bullets():
    assert parse_lines("  - one\n\n* two \n• three\nfour") == ["one", "two", "three", "four"]


def test_parse_objectives_with_and_without_ids():
    objectives = parse_objectives("o3: Leaner factories\n- Scrap down to 2.5%\nGrow online\n  * 25% online")
    assert objectives == [
        Objective("O3", "Leaner factories", ["Scrap down to 2.5%"]),
        Objective("O2", "Grow online", ["25% online"]),
    ]


def test_a_key_result_before_any_objective_is_refused():
    with pytest.raises(StrategyError, match="'Scrap down' comes before any objective"):
        parse_objectives("- Scrap down\nO1: Leaner factories")


def test_parse_use_cases_reads_the_objectives_served():
    assert parse_use_cases("Chatbot -> o1\nPricing -> O2, O3\nCoding assistant") == [
        PriorityUseCase("Chatbot", ("O1",)),
        PriorityUseCase("Pricing", ("O2", "O3")),
        PriorityUseCase("Coding assistant"),
    ]


def test_text_round_trip():
    canvas = complete_canvas()
    assert StrategyCanvas.from_text(canvas.to_text()) == canvas
    assert list(canvas.to_text()) == list(TEXT_FIELDS)
    assert canvas.roadmap["next"] == ["Scale email triage", "Start recommendations"]
    assert list(canvas.roadmap) == list(Horizon) == ["now", "next", "later"]


def test_horizons_are_categories_whose_labels_name_the_roadmap_fields():
    assert Horizon.parse("Later (18-36 months)") is Horizon.LATER is Horizon.parse("later")
    assert str(TEXT_FIELDS["roadmap_next"][0]) == "Roadmap: Next (6-18 months)"
    assert [f"roadmap_{horizon}" for horizon in Horizon] == [
        k for k in TEXT_FIELDS if k.startswith("roadmap")
    ]


def test_unknown_text_fields_are_named():
    with pytest.raises(StrategyError, match="Unknown canvas field\\(s\\): budget"):
        StrategyCanvas.from_text({"budget": "EUR 2 M"})


def test_canvas_fields_table_lists_every_part():
    table = canvas_fields()
    assert len(table) == len(TEXT_FIELDS) == 12
    assert table.loc["Funding", "question it answers"].startswith("How much money")


# --- validation -----------------------------------------------------------------------------------------


def test_a_complete_canvas_has_nothing_missing():
    assert complete_canvas().validate() == []


def test_an_empty_canvas_lists_every_part():
    problems = StrategyCanvas().validate()
    assert len(problems) == 12
    assert problems[0] == "Say which company the strategy is for."
    assert "The roadmap has nothing for Later (18-36 months)." in problems
    assert problems[-1].startswith("There is no risk")


def test_validation_explains_alignment_and_measurability_problems():
    texts = dict(
        COMPLETE,
        objectives="O1: Serve customers\n- Improve satisfaction\nO1: Grow online\nO3: Greener factories\n"
        "- Three quarters of plants certified",
        priority_use_cases="Coding assistant\nPricing -> O7",
    )
    problems = StrategyCanvas.from_text(texts).validate()
    assert problems == [
        "Objective id O1 is used twice: give each objective its own id (O1, O2, ...).",
        "Key result 'Improve satisfaction' of O1 has no figure: make it measurable, with a target and a date.",
        "Objective O1 (Grow online) has no key result: add at least one measurable result under it, starting with '-'.",
        "Priority use case 'Coding assistant' serves no objective: end its line with '-> O1' (or the id it serves). "
        "A use case no objective needs is a gadget, not a lever.",
        "Priority use case 'Pricing' points to O7, which is not one of the objectives (O1, O1, O3).",
    ]


def test_alvera_starter_has_its_objectives_and_only_the_rest_missing():
    starter = StrategyCanvas.from_company()
    assert starter.company == "Alvera Group SE"
    assert [o.id for o in starter.objectives] == ["O1", "O2", "O3", "O4"]
    problems = starter.validate()
    assert not any("key result" in p.lower() for p in problems)
    assert len(problems) == 10


def test_company_without_objectives_gives_an_empty_list():
    assert company_objectives({"name": "Tiny SA"}) == []
    assert StrategyCanvas.from_company({"name": "Tiny SA"}).objectives == []


# --- export --------------------------------------------------------------------------------------------------


def test_markdown_of_a_complete_canvas():
    text = to_markdown(complete_canvas())
    assert text.startswith("# AI strategy: Alvera Group SE\n")
    assert "**O1. Serve customers faster at lower cost**" in text
    assert "- AI use cases: Email triage and routing; Product recommendations" in text
    assert "| 2 | Product recommendations | O2, O1 |" in text
    assert "- **Next (6-18 months)**: Scale email triage; Start recommendations" in text
    assert "**Funding.** EUR 2 M a year, released in stages." in text
    assert "Open points" not in text and "To be completed" not in text


def test_markdown_of_an_empty_canvas_marks_gaps_and_open_points():
    text = to_markdown(StrategyCanvas())
    assert text.startswith("# AI strategy\n")
    assert text.count("*To be completed.*") == 11
    assert "## Open points" in text and "- Say which company the strategy is for." in text


def test_the_page_and_the_editor_speak_through_the_catalogue(bracketed):
    text = to_markdown(StrategyCanvas())
    assert text.startswith("[# AI strategy]\n\n**[Ambition].** [*To be completed.*]")
    assert "- **[Now (0-6 months)]**: [*To be completed.*]" in text
    assert "- [The roadmap has nothing for {horizon}.]".replace("{horizon}", "[Later (18-36 months)]") in text
    assert str(TEXT_FIELDS["roadmap_now"][0]) == "[Roadmap: {horizon}]".replace(
        "{horizon}", "[Now (0-6 months)]"
    )
    assert list(canvas_fields().columns) == ["[question it answers]"]
    editor = StrategyCanvasEditor()
    assert editor.fields["funding"].placeholder.startswith("[e.g. EUR 2 M")
    assert editor.path.value == "[my_ai_strategy.md]" and editor.check_button.description == "[Check]"


def test_write_markdown_to_a_file(tmp_path):
    target = write_markdown(complete_canvas(), tmp_path / "strategy.md")
    assert target.read_text(encoding="utf-8") == to_markdown(complete_canvas())


@pytest.mark.parametrize(
    ("path", "message"),
    [
        ("  ", "Give a file name"),
        ("{tmp}", "is a folder"),
        ("{tmp}/nowhere/strategy.md", "does not exist"),
    ],
)
def test_write_markdown_refuses_bad_paths(tmp_path, path, message):
    with pytest.raises(StrategyError, match=message):
        write_markdown(StrategyCanvas(), path.format(tmp=tmp_path))


# --- alignment with the catalog ------------------------------------------------------------------------------

LINKS = {"O1": ["UC01", "UC02"], "O2": ["UC09"], "O3": []}


def test_alignment_table_by_hand():
    table = alignment_table(company_objectives(), LINKS, load_catalog())
    assert list(table["use cases"]) == [2, 1, 0, 0]
    first = table.iloc[0]
    assert first["names"] == "Customer-service chatbot; Email triage and routing"
    assert first["value drivers"] == "cost"
    assert first["benefit_yearly_eur"] == 650_000 + 240_000
    assert table.iloc[1]["value drivers"] == "revenue"
    assert table.iloc[2]["benefit_yearly_eur"] == 0


def test_unaligned_use_cases_are_the_rest_of_the_catalog():
    catalog = load_catalog()
    rest = unaligned_use_cases(company_objectives(), LINKS, catalog)
    assert len(rest) == len(catalog) - 3
    assert "UC01" not in rest.index and "UC38" in rest.index


@pytest.mark.parametrize(
    ("links", "message"),
    [
        ({"O9": ["UC01"]}, "objective O9, which is not among the objectives"),
        ({"O1": ["UC99"]}, "use case UC99 for O1, which is not in the catalog"),
    ],
)
def test_alignment_refuses_unknown_links(links, message):
    with pytest.raises(StrategyError, match=message):
        alignment_table(company_objectives(), links, load_catalog())
    with pytest.raises(StrategyError, match=message):
        unaligned_use_cases(company_objectives(), links, load_catalog())


def test_alignment_needs_the_catalog_columns():
    from caiokit.errors import CatalogError

    with pytest.raises(CatalogError, match="column 'name' is missing"):
        alignment_table(company_objectives(), {}, pd.DataFrame({"id": ["UC01"]}))


# --- the editor widget ---------------------------------------------------------------------------------------


def test_editor_check_lists_missing_parts_then_approves():
    editor = StrategyCanvasEditor(StrategyCanvas.from_company())
    assert editor.fields["company"].value == "Alvera Group SE"
    assert editor.fields["objectives"].value.startswith("O1: Serve customers faster at lower cost\n- ")
    editor.check_button.click()
    assert "10 point(s) still open" in editor.feedback.value
    assert editor.feedback.value.count("<li>") == 10
    for key, text in COMPLETE.items():
        editor.fields[key].value = text
    editor.check_button.click()
    assert editor.feedback.value.startswith("✔ Nothing missing")


def test_editor_placeholders_show_an_example_not_the_question_above_them():
    editor = StrategyCanvasEditor()
    assert list(EXAMPLES) == list(TEXT_FIELDS)
    for key, (_, asked) in TEXT_FIELDS.items():
        question = str(asked)
        placeholder = editor.fields[key].placeholder
        assert placeholder == EXAMPLES[key] and placeholder.startswith("e.g. "), key
        assert placeholder != question and placeholder.removeprefix("e.g. ") not in question, key
        assert len(placeholder) <= 100, key
    alvera = load_company()["name"]
    assert not any(alvera in text for text in EXAMPLES.values())  # no answer given away


def test_editor_check_reports_unparsable_text():
    editor = StrategyCanvasEditor()
    editor.fields["objectives"].value = "- 25% online"
    editor.check_button.click()
    assert "⚠" in editor.feedback.value and "comes before any objective" in editor.feedback.value


def test_editor_exports_to_the_chosen_file_and_shows_it(tmp_path):
    editor = StrategyCanvasEditor(complete_canvas())
    assert editor.path.value == EXAMPLE_FILE == "my_ai_strategy.md"
    editor.path.value = str(tmp_path / "alvera.md")
    editor.export_button.click()
    written = (tmp_path / "alvera.md").read_text(encoding="utf-8")
    assert written == editor.markdown == to_markdown(complete_canvas())
    assert "Written to" in editor.feedback.value and "still open" not in editor.feedback.value
    (output,) = editor.preview.outputs
    assert output["data"]["text/markdown"] == written


def test_editor_export_of_an_incomplete_canvas_and_a_bad_path(tmp_path):
    editor = StrategyCanvasEditor()
    editor.path.value = str(tmp_path / "draft.md")
    editor.export_button.click()
    assert "12 point(s) still open" in editor.feedback.value
    assert (tmp_path / "draft.md").exists()
    editor.path.value = str(tmp_path / "missing" / "draft.md")
    editor.export_button.click()
    assert "⚠" in editor.feedback.value and "does not exist" in editor.feedback.value
    assert len(editor.preview.outputs) == 1  # the earlier page stays shown


# --- exercises and quiz ----------------------------------------------------------------------------------------


def test_q1_canvas_parts():
    right = dict(zip(CANVAS_ITEMS, q1.categories, strict=True))
    assert q1.evaluate(right).passed
    swapped = dict(right)
    swapped[CANVAS_ITEMS[4]], swapped[CANVAS_ITEMS[5]] = "governance", "operating model"
    wrong = q1.evaluate(swapped)
    assert wrong.status is Status.INCORRECT and wrong.message.startswith("6 of 8 right.")
    assert q1.evaluate({CANVAS_ITEMS[0]: "vision"}).status is Status.ERROR


def test_q2_key_results_to_value_drivers():
    right = dict(
        zip(KEY_RESULTS, ["cost", "customer", "revenue", "revenue", "cost", "risk reduction"], strict=True)
    )
    assert q2.evaluate(right).passed
    wrong = q2.evaluate({**right, KEY_RESULTS[1]: "cost"})
    assert wrong.status is Status.INCORRECT and "warranty questions" in wrong.message


def test_q2_key_results_come_from_the_company_description():
    key_results = {kr for o in load_company()["strategic_objectives"] for kr in o["key_results"]}
    assert set(KEY_RESULTS) <= key_results


def test_q5_ng_steps():
    reference = list(q5.reference)
    assert reference[0].startswith("Execute pilot projects") and reference[3] == "Develop an AI strategy"
    assert set(NG_STEPS) == set(reference) and list(NG_STEPS) != reference
    assert q5.evaluate(reference).passed
    strategy_first = [reference[3], *reference[:3], reference[4]]
    wrong = q5.evaluate(strategy_first)
    assert wrong.status is Status.INCORRECT and "'Develop an AI strategy' is ranked too high" in wrong.message
    assert q5.evaluate(reference[:4]).status is Status.ERROR


def test_quiz_bank_loads_and_grades():
    bank = load_bank("02_ai_strategy")
    assert bank.lesson == "02_ai_strategy" and 4 <= len(bank.questions) <= 6
    questions = {q.id: q for q in bank.questions}
    finance = questions["cisr_finance"]
    biggest_gain = next(
        o.id for o in finance.options if o.text == "The biggest gain comes from stage 3 to stage 4"
    )
    assert grade(finance, biggest_gain).correct is False
    assert grade(questions["model_levels"], questions["model_levels"].pairs).correct


def test_q1_can_be_answered_with_the_exercise_widget(progress_file):
    from caiokit.widgets import ExerciseWidget

    form = ExerciseWidget(q1)
    for item, part in zip(CANVAS_ITEMS, q1.categories, strict=True):
        form.control[item].value = part
    form.check_button.click()
    assert "Correct" in form.feedback.value
