"""Tests of caiokit.catalog and of the built-in catalog and company data."""

import io

import numpy as np
import pandas as pd
import pytest

from caiokit import datafiles
from caiokit.aiact import Tier
from caiokit.catalog import (
    OPTIONAL_DEFAULTS,
    REQUIRED_COLUMNS,
    TECHNIQUES,
    VALUE_DRIVERS,
    Technique,
    ValueDriver,
    catalog_columns,
    dependencies,
    load_catalog,
    outside_dependencies,
    require_columns,
    use_catalog,
    validate_catalog,
)
from caiokit.errors import CatalogError
from caiokit.i18n import speaking
from caiokit.portfolio import select_portfolio
from caiokit.strategy import load_company

HEADER = "id,name,reach,impact,confidence,effort_pm,cost_one_off_eur,benefit_yearly_eur"


def write(tmp_path, text, name="cases.csv", encoding="utf-8"):
    path = tmp_path / name
    path.write_bytes(text.encode(encoding))
    return path


def write_bytes(tmp_path, content, name="cases.csv"):
    path = tmp_path / name
    path.write_bytes(content)
    return path


def built_in_lines():
    """The built-in catalog as the lines of one CSV file, as a learner would start from it."""
    return datafiles.worded("catalog.csv", on="id").to_csv(index=False).splitlines()


def problems_of(path):
    with pytest.raises(CatalogError) as caught:
        load_catalog(path)
    return caught.value.problems


def french_excel(catalog, encoding="cp1252"):
    """A catalog as French Excel saves it: ';', decimal commas, French headers and labels, Windows-1252 or BOM."""
    with speaking("fr"):
        headers = dict(zip(catalog_columns()["column"], catalog_columns()["header"], strict=True))
        worded = catalog.assign(
            technique=catalog["technique"].map(Technique.label_of),
            value_driver=catalog["value_driver"].map(ValueDriver.label_of),
            ai_act_tier=catalog["ai_act_tier"].map(Tier.label_of),
        ).rename(columns=headers)
    text = worded.to_csv(sep=";", decimal=",", index=False)
    return ("\ufeff" + text).encode("utf-8") if encoding == "utf-8" else text.encode(encoding)


# --- the built-in catalog -------------------------------------------------------------------------


def test_built_in_catalog_loads_typed_and_complete():
    catalog = load_catalog()
    assert len(catalog) == 40
    assert catalog["id"].is_unique
    assert list(catalog.columns) == list(catalog_columns()["column"])
    assert catalog["reach"].dtype == np.int64 and catalog["effort_pm"].dtype == np.float64
    assert set(catalog["technique"]) <= set(TECHNIQUES)
    assert set(catalog["value_driver"]) <= set(VALUE_DRIVERS)
    assert set(catalog["department"]) == {
        "customer service",
        "marketing",
        "finance",
        "HR",
        "operations",
        "supply chain",
        "IT",
        "legal",
    }


def test_built_in_catalog_tiers_follow_the_ai_act():
    catalog = load_catalog().set_index("name")
    tiers = catalog["ai_act_tier"]
    assert 1 <= (tiers == "prohibited").sum() <= 2
    assert tiers["Agent emotion monitoring"] == "prohibited"  # Art. 5(1)(f)
    assert tiers["CV screening and candidate ranking"] == "high"  # Annex III, employment
    assert tiers["Instant credit check for instalment payments"] == "high"  # Annex III, creditworthiness
    assert tiers["Customer-service chatbot"] == "transparency"  # Art. 50
    assert tiers["Demand forecasting for finished goods"] == "minimal"


def test_built_in_catalog_has_a_foundation_several_cases_need():
    catalog = load_catalog()
    needs = dependencies(catalog)
    cdp = catalog.loc[catalog["name"] == "Customer data platform", "id"].item()
    marketing = catalog.loc[catalog["department"] == "marketing", "id"]
    assert sum(cdp in needs[use_case] for use_case in marketing) >= 3


def test_built_in_catalog_has_attractive_and_poor_cases():
    catalog = load_catalog()
    ratio = catalog["benefit_yearly_eur"] / (catalog["cost_one_off_eur"] + catalog["cost_yearly_eur"])
    assert (ratio > 3).sum() >= 5
    assert (ratio < 1).sum() >= 3


def test_built_in_catalog_keeps_its_words_apart_from_its_ids_and_numbers():
    shared = datafiles.table("catalog.csv")
    words = datafiles.table(datafiles.localized("catalog.csv"))
    assert list(words.columns) == ["id", "name", "department", "description"]
    assert set(shared.columns) & set(words.columns) == {"id"}
    assert shared["id"].tolist() == words["id"].tolist()
    catalog = load_catalog()
    assert list(catalog.columns) == list(catalog_columns()["column"])
    assert catalog["name"].tolist() == words["name"].tolist()
    assert catalog["reach"].tolist() == shared["reach"].astype(int).tolist()


def test_techniques_value_drivers_and_tiers_are_ids_with_the_catalog_words_as_labels():
    assert TECHNIQUES == ("ML", "NLP", "computer vision", "generative AI", "optimisation") == tuple(Technique)
    assert VALUE_DRIVERS == ("revenue", "cost", "risk reduction", "customer") == tuple(ValueDriver)
    assert all(type(value) is str for value in TECHNIQUES + VALUE_DRIVERS)
    assert (
        Technique.GENERATIVE_AI.label == "generative AI"
        and ValueDriver.RISK_REDUCTION.label == "risk reduction"
    )
    catalog = load_catalog()
    for column, category in (("technique", Technique), ("value_driver", ValueDriver), ("ai_act_tier", Tier)):
        assert all(type(value) is str for value in catalog[column]), column
        assert set(catalog[column]) <= set(category), column


def test_categories_are_read_by_id_or_label_whatever_the_case_and_by_their_other_spellings(tmp_path):
    text = (
        HEADER + ",technique,value_driver,ai_act_tier\n"
        "UC1,A,10,1,0.8,2,1000,5000, Generative AI ,RISK REDUCTION,High-risk\n"
        "UC2,B,10,1,0.8,2,1000,5000,optimization,Cost,limited\n"
    )
    loaded = load_catalog(write(tmp_path, text))
    assert loaded["technique"].tolist() == ["generative AI", "optimisation"]
    assert loaded["value_driver"].tolist() == ["risk reduction", "cost"]
    assert loaded["ai_act_tier"].tolist() == ["high", "transparency"]


def test_data_dictionary_describes_every_column_once():
    columns = catalog_columns()
    assert columns["column"].is_unique
    assert columns[["type", "unit_or_allowed_values", "meaning"]].notna().all().all()
    assert list(columns.loc[columns["required"], "column"]) == list(REQUIRED_COLUMNS)
    optional = columns.loc[~columns["required"]]
    assert dict(zip(optional["column"], optional["default"], strict=True)) == OPTIONAL_DEFAULTS


def test_each_column_has_one_header_per_language_the_id_in_english():
    for code in ("en", "fr"):
        with speaking(code):
            columns = catalog_columns()
        headers = columns["header"].str.lower()
        assert headers.is_unique and not set(headers) & (set(columns["column"]) - set(headers)), code
    assert catalog_columns()["header"].tolist() == catalog_columns()["column"].tolist()
    with speaking("fr"):
        french = catalog_columns().set_index("column")["header"]
    assert french["benefit_yearly_eur"] == "bénéfice annuel" and french["ai_act_tier"] == "niveau RIA"


def test_company_facts():
    company = load_company()
    assert company["name"] == "Alvera Group SE"
    assert (company["city"], company["country"]) == ("Lyon", "France")
    assert company["employees"] == 3200 and company["turnover_eur"] == 780_000_000
    assert len(company["countries"]) == 12
    assert 3 <= len(company["strategic_objectives"]) <= 4


# --- reading learners' files ----------------------------------------------------------------------


def test_excel_export_with_semicolons_decimal_comma_and_bom(tmp_path):
    built_in = load_catalog()
    text = built_in.to_csv(sep=";", decimal=",", index=False)
    loaded = load_catalog(write(tmp_path, "\ufeff" + text))
    pd.testing.assert_frame_equal(loaded, built_in)


def test_windows_1252_file_is_read(tmp_path):
    text = HEADER + "\nUC1,Prévision des ventes,10,1,0.8,2,1000,5000\n"
    assert load_catalog(write(tmp_path, text, encoding="cp1252"))["name"][0] == "Prévision des ventes"


def test_number_formats_from_spreadsheets(tmp_path):
    semicolons = (
        HEADER.replace(",", ";") + "\n"
        'UC1;A;1 200;0,5;80%;1,5;"1.200.000,50";2 000 €\n'
        "UC2;B;3;0.25;0.5;0.5;0;0\n"
    )
    loaded = load_catalog(write(tmp_path, semicolons))
    assert loaded.loc[0, ["reach", "impact", "confidence", "effort_pm"]].tolist() == [1200, 0.5, 0.8, 1.5]
    assert loaded.loc[0, "cost_one_off_eur"] == 1_200_000.5 and loaded.loc[0, "benefit_yearly_eur"] == 2000
    assert loaded.loc[1, ["impact", "effort_pm"]].tolist() == [0.25, 0.5]
    commas = HEADER + '\nUC1,A,"1,200",1,1.0,2,"1,200,000.50",10\n'
    loaded = load_catalog(write(tmp_path, commas, name="commas.csv"))
    assert loaded.loc[0, ["reach", "cost_one_off_eur"]].tolist() == [1200, 1_200_000.5]


def test_headers_are_normalised_and_optional_columns_defaulted(tmp_path):
    text = (
        "ID,Name,Reach,Impact,Confidence,Effort PM,Cost one-off EUR,Benefit yearly EUR,AI Act tier,Notes\n"
        "UC1,A,10,1,0.8,2,1000,5000,High-risk,keep an eye\n"
        "UC2,B,10,1,0.8,2,1000,5000,,\n"
    )
    loaded = load_catalog(write(tmp_path, text))
    assert list(loaded["ai_act_tier"]) == ["high", "minimal"]
    assert list(loaded["notes"]) == ["keep an eye", ""]
    for column, default in OPTIONAL_DEFAULTS.items():
        if column != "ai_act_tier":
            assert (loaded[column] == default).all(), column


@pytest.mark.parametrize("encoding", ["cp1252", "utf-8"])
def test_a_french_excel_file_loads_in_french_as_the_same_catalog(tmp_path, encoding):
    built_in = load_catalog()
    content = french_excel(built_in, encoding)
    assert content.removeprefix(b"\xef\xbb\xbf").startswith(b"identifiant;nom;direction;")
    assert b";haut risque;" in content and b";0,5;" in content
    with speaking("fr"):
        loaded = load_catalog(write_bytes(tmp_path, content))
    pd.testing.assert_frame_equal(loaded, built_in)


@pytest.mark.parametrize(
    "header",
    ["bénéfice annuel", "Bénéfice annuel (€)", "BENEFICE ANNUEL", "benefice_annuel", "benefit_yearly_eur"],
)
def test_a_french_header_is_matched_as_typed_whatever_case_accents_and_unit(tmp_path, header):
    text = f"identifiant;nom;portée;impact;confiance;effort;coût ponctuel;{header}\nUC1;A;10;1;0,8;2;1000;5 000\n"
    with speaking("fr"):
        loaded = load_catalog(write(tmp_path, text))
    assert loaded.loc[0, "benefit_yearly_eur"] == 5000 and list(loaded.columns) == list(
        catalog_columns()["column"]
    )


def test_french_headers_are_not_read_in_english(tmp_path):
    text = HEADER.replace("benefit_yearly_eur", "bénéfice annuel") + "\nUC1,A,10,1,0.8,2,1000,5000\n"
    assert problems_of(write(tmp_path, text))[0].startswith("column 'benefit_yearly_eur' is missing")


def test_two_headers_naming_one_column_are_refused(tmp_path):
    text = "ID,id," + HEADER.removeprefix("id,") + "\nUC1,UC1,A,10,1,0.8,2,1000,5000\n"
    assert problems_of(write(tmp_path, text)) == [
        "columns 'ID' and 'id' both name the column id: keep only one of them"
    ]


def test_a_broken_french_file_gives_french_errors(tmp_path):
    text = (
        "Identifiant;Nom;Portée;Impact;Confiance;Effort (mois-personnes);Bénéfice annuel (€);"
        "niveau RIA;technique;dépend de;id\n"
        "X1;Lecteur;1 200;0,7;1;2;50 000;risqué;IA générative;X2;X1\n"
        "X2;Planificateur;dix;1;0,8;0;90 000;haut risque;quantique;X1;X2\n"
    )
    with speaking("fr"), pytest.raises(CatalogError) as caught:
        load_catalog(write(tmp_path, text, encoding="cp1252"))
    allowed = "utilisez l'une de ces valeurs\u00a0: "
    assert caught.value.problems == [
        "les colonnes 'Identifiant' et 'id' désignent toutes deux la colonne identifiant\u00a0: n'en gardez qu'une",
        "la colonne 'coût ponctuel' est absente (colonnes obligatoires\u00a0: identifiant, nom, portée, impact, "
        "confiance, effort, coût ponctuel, bénéfice annuel)",
        f"ligne 2, colonne Impact\u00a0: '0,7' n'est pas autorisé\u202f; {allowed}3\u202f; 2\u202f; 1\u202f; 0,5\u202f; 0,25",
        f"ligne 2, colonne niveau RIA\u00a0: 'risqué' n'est pas autorisé\u202f; {allowed}"
        "interdit, haut risque, transparence, minimal",
        "ligne 2, colonne dépend de\u00a0: cycle de dépendances X1 -> X2 -> X1",
        "ligne 3, colonne Portée\u00a0: 'dix' n'est pas un nombre",
        "ligne 3, colonne Effort (mois-personnes)\u00a0: '0' doit être supérieur à 0",
        f"ligne 3, colonne technique\u00a0: 'quantique' n'est pas autorisé\u202f; {allowed}"
        "ML, NLP, vision par ordinateur, IA générative, optimisation",
    ]
    assert str(caught.value).startswith("8 problème(s) dans cases.csv\u00a0:\n  - les colonnes")


def test_blank_rows_and_trailing_empty_columns_are_ignored(tmp_path):
    text = HEADER + ",\nUC1,A,10,1,0.8,2,1000,5000,\n,,,,,,,,\n\nUC2,B,x,1,0.8,2,1000,5000,\n"
    assert problems_of(write(tmp_path, text)) == ["row 5, column reach: 'x' is not a number"]


def test_every_problem_is_reported_once_with_row_and_column(tmp_path):
    text = (
        "id,name,reach,impact,confidence,effort_pm,cost_one_off_eur,technique,ai_act_tier,"
        "data_readiness,depends_on\n"
        "UC1,Chatbot,ten,1,0.8,2,1000,NLP,transparency,3,\n"  # row 2: reach not a number
        "UC2,Forecast,100,4,0.8,0,-5,ML,minimal,6,UC9\n"  # row 3: impact, effort, cost, readiness; UC9 is noted
        "UC1,Copy,100,1,0.7,2,1000,quantum,minimal,2.5,\n"  # row 4: duplicate, confidence, category, whole
        "UC4,,100,1,0.8,2,1000,ML,risky,3,UC5\n"  # row 5: blank name, tier; cycle UC4 -> UC5 -> UC4
        "UC5,Loop,100,1,0.8,2,1000,ML,minimal,3,UC4\n"
        "UC6,Self,100,1,0.8,2,1000,ML,minimal,3,UC6\n"  # row 7: depends on itself
        "UC7,Extra,100,1,0.8,2,1000,ML,minimal,3,,surplus\n"  # row 8: one cell too many
    )
    problems = problems_of(write(tmp_path, text))
    expected = [
        "row 8: 12 cells, but the header names only 11 columns",
        "column 'benefit_yearly_eur' is missing",
        "row 2, column reach: 'ten' is not a number",
        "row 3, column impact: '4' is not allowed; use one of 3, 2, 1, 0.5, 0.25",
        "row 3, column effort_pm: '0' must be more than 0",
        "row 3, column cost_one_off_eur: '-5' is below the minimum, 0",
        "row 3, column data_readiness: '6' is above the maximum, 5",
        "row 4, column id: 'UC1' is already used on row 2",
        "row 4, column confidence: '0.7' is not allowed; use one of 1, 0.8, 0.5",
        "row 4, column technique: 'quantum' is not allowed; use one of ML, NLP",
        "row 4, column data_readiness: '2.5' should be a whole number",
        "row 5, column name: empty, but a value is required",
        "row 5, column ai_act_tier: 'risky' is not allowed; use one of prohibited, high, transparency, minimal",
        "row 5, column depends_on: dependency cycle UC4 -> UC5 -> UC4",
        "row 7, column depends_on: dependency cycle UC6 -> UC6",
    ]
    for message in expected:
        assert sum(problem.startswith(message) for problem in problems) == 1, message
    assert len(problems) == len(expected)
    cell_rows = [int(problem.split(",")[0].removeprefix("row ")) for problem in problems[2:]]
    assert cell_rows == sorted(cell_rows)


def test_the_first_rows_of_the_built_in_catalog_load_with_a_note_on_prerequisites_left_out(tmp_path):
    lines = built_in_lines()
    part = load_catalog(write(tmp_path, "\n".join(lines[:13]) + "\n", name="first_12.csv"))
    assert part["id"].tolist() == [f"UC{n:02d}" for n in range(1, 13)]
    assert part.loc[0, "depends_on"] == "UC04;UC36"  # kept as written
    notes = outside_dependencies(part)
    assert [note.split(",")[0] for note in notes] == [
        "UC01 depends on UC36",
        "UC03 depends on UC36",
        "UC11 depends on UC36",
    ]
    assert "taken as already in place" in notes[0] and "typing mistake" in notes[0]
    assert dependencies(part)["UC01"] == ("UC04",) and dependencies(part)["UC11"] == ()
    # UC11 (EUR 50,000) needs only UC36, outside the file: it can be picked on its own
    assert select_portfolio(part, budget=50_000).selected == ("UC11",)
    assert outside_dependencies(load_catalog()) == []


def test_a_dependency_cycle_is_still_refused_when_other_prerequisites_lie_outside(tmp_path):
    text = HEADER + ",depends_on\nUC1,A,10,1,0.8,2,1000,5000,UC2;UC9\nUC2,B,10,1,0.8,2,1000,5000,UC1\n"
    assert problems_of(write(tmp_path, text)) == [
        "row 2, column depends_on: dependency cycle UC1 -> UC2 -> UC1"
    ]


def test_error_message_names_the_file_and_counts_problems(tmp_path):
    with pytest.raises(CatalogError) as caught:
        load_catalog(write(tmp_path, HEADER + "\nUC1,A,1,1,0.8,0,1,1\n", name="my_cases.csv"))
    assert str(caught.value).startswith("my_cases.csv has 1 problem(s):\n  - row 2, column effort_pm")
    assert caught.value.source == "my_cases.csv"


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (None, "file not found"),
        (b"", "the file is empty"),
        (b"\xef\xbb\xbf\n\n", "the file is empty"),
        (HEADER.encode(), "there are no use cases"),
        (b"PK\x03\x04rest-of-a-zip", "Excel workbook"),
    ],
)
def test_unreadable_files_give_a_plain_catalog_error(tmp_path, content, message):
    path = tmp_path / "cases.csv"
    if content is not None:
        path.write_bytes(content)
    problems = problems_of(path)
    assert any(message in problem for problem in problems), problems


def test_a_folder_is_not_a_catalog(tmp_path):
    assert "cannot be read" in problems_of(tmp_path)[0]


def test_an_open_file_is_accepted_binary_or_text():
    assert len(load_catalog(io.BytesIO("\n".join(built_in_lines()).encode()))) == 40
    assert load_catalog(io.StringIO(HEADER + "\nUC1,A,1,1,1,1,1,1\n"))["id"].tolist() == ["UC1"]
    with pytest.raises(CatalogError, match="the uploaded file has 1 problem"):
        load_catalog(io.StringIO(HEADER + "\nUC1,A,1,1,1,0,1,1\n"))


def test_a_giant_cell_is_reported_not_crashed_on(tmp_path):
    problems = problems_of(write(tmp_path, HEADER + "\nUC1," + "x" * 200_000 + ",1,1,1,1,1,1\n"))
    assert problems[0].startswith("the file cannot be read (field larger than field limit")


def test_random_damage_gives_catalog_error_never_another_exception(tmp_path):
    lines = load_catalog().to_csv(index=False).splitlines()
    rng = np.random.default_rng(7)
    junk = ["", "x", "-1", "1e999", ";", "UC01", "3,5", "nan", '"', "0"]
    for attempt in range(40):
        cells = [line.split(",") for line in lines]
        for _ in range(3):
            row = rng.integers(0, len(cells))
            column = rng.integers(0, len(cells[row]))
            cells[row][column] = junk[rng.integers(0, len(junk))]
        path = write(tmp_path, "\n".join(",".join(row) for row in cells), name=f"damaged{attempt}.csv")
        try:
            load_catalog(path)
        except CatalogError as error:
            assert error.problems


# --- tables built in memory -----------------------------------------------------------------------


def test_validate_catalog_types_a_table_of_numbers():
    frame = pd.DataFrame(
        {
            "id": ["A", "B"],
            "name": ["one", "two"],
            "reach": [10, 20.0],
            "impact": [1, 0.5],
            "confidence": [1, 0.8],
            "effort_pm": [2, 3],
            "cost_one_off_eur": [100, 200],
            "benefit_yearly_eur": [1000, np.nan],
        }
    )
    with pytest.raises(CatalogError) as caught:
        validate_catalog(frame, source="my table")
    assert caught.value.problems == ["row 3, column benefit_yearly_eur: empty, but a value is required"]
    frame.loc[1, "benefit_yearly_eur"] = 50
    catalog = validate_catalog(frame)
    assert catalog["reach"].tolist() == [10, 20] and catalog["reach"].dtype == np.int64
    assert set(catalog["ai_act_tier"]) == {"minimal"}


def test_require_columns_fills_optional_and_refuses_missing_required():
    frame = pd.DataFrame({"id": ["A"], "reach": [5]})
    filled = require_columns(frame, ["id", "reach", "complexity", "depends_on"])
    assert filled.iloc[0].tolist() == ["A", 5, 3, ""]
    with pytest.raises(CatalogError, match="column 'effort_pm' is missing \\(required columns: id, name"):
        require_columns(frame, ["id", "effort_pm"])
    with pytest.raises(CatalogError, match="column 'score' is missing from the table"):
        require_columns(frame, ["id", "score"])


def test_dependencies_direct_transitive_and_outside_the_table():
    frame = pd.DataFrame({"id": ["A", "B", "C", "D"], "depends_on": ["", "A", "B;Z", "C; A"]})
    assert dependencies(frame) == {"A": (), "B": ("A",), "C": ("B",), "D": ("C", "A")}
    assert dependencies(frame, transitive=True) == {
        "A": (),
        "B": ("A",),
        "C": ("A", "B"),
        "D": ("A", "B", "C"),
    }


def test_a_long_chain_of_dependencies_is_no_problem():
    size = 1500
    frame = pd.DataFrame(
        {"id": [f"U{i}" for i in range(size)], "depends_on": [""] + [f"U{i}" for i in range(size - 1)]}
    )
    assert len(dependencies(frame, transitive=True)[f"U{size - 1}"]) == size - 1


def test_dependencies_refuse_a_cycle_in_an_unchecked_table():
    frame = pd.DataFrame({"id": ["A", "B", "C"], "depends_on": ["C", "A", "B"]})
    with pytest.raises(CatalogError, match="dependency cycle A -> C -> B -> A"):
        dependencies(frame, transitive=True)


def test_use_catalog_fills_the_optional_columns_of_a_subset_without_checking_it_again():
    built_in = load_catalog()
    assert use_catalog().equals(built_in)
    # Two use cases, the second's prerequisite outside them; only the required columns, index not 0, 1.
    subset = built_in[built_in["id"].isin(["UC01", "UC14"])][list(REQUIRED_COLUMNS)]
    subset.index = [7, 9]
    subset.loc[9, "name"] = ""  # a blank name would fail validation: use_catalog does not validate
    filled = use_catalog(subset)
    assert list(filled.index) == [0, 1]
    assert set(OPTIONAL_DEFAULTS) <= set(filled.columns)
    assert filled["data_readiness"].tolist() == [OPTIONAL_DEFAULTS["data_readiness"]] * 2
    assert filled.loc[1, "name"] == "" and "data_readiness" not in subset.columns
