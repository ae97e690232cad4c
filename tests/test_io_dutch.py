"""Import of workbooks and CSV files that use Dutch sheet, column and value names."""

from __future__ import annotations

import csv
import io
import zipfile
from dataclasses import replace
from pathlib import Path

import openpyxl
import pytest

from impact.io import (
    AssessmentValidationError,
    ValidationIssue,
    assessment_to_xlsx_bytes,
    read_assessment,
    read_assessment_bytes,
    validate_assessment,
    write_assessment,
)
from impact.io.aliases import match_sheets, normalise, resolve_column
from impact.model import Assessment, Confidence, Direction, Pillar, WeightProfile
from tests.conftest import EXAMPLE_DIR

DUTCH_SHEETS = {
    "assessment": "Beoordeling", "criteria": "Criteria (NL)", "measures": "Maatregelen",
    "profiles": "Wegingsprofielen", "evidence": "Onderbouwing",
}
DUTCH_COLUMNS = {
    "assessment": {"key": "Sleutel", "value": "Waarde"},
    "criteria": {
        "id": "Code", "pillar": "Pijler", "label_nl": "Naam", "label_en": "Naam (EN)",
        "unit": "Eenheid", "direction": "Richting", "scale_min": "Schaal min",
        "scale_max": "Schaal_max", "description": "Omschrijving", "weight": "Gewicht",
    },
    "measures": {"measure_id": "Maatregel", "label_nl": "naam", "label_en": "Naam_EN",
                 "description": "Beschrijving"},
    "profiles": {"profile": "Profiel", "ecology": "Ecologie", "economy": "Economie",
                 "people": "Mensen"},
    "evidence": {"measure_id": "Maatregel", "criterion_id": "Criterium", "source": "Bron",
                 "confidence": "Betrouwbaarheid"},
}
DUTCH_VALUES = {
    ("assessment", "key"): {"name": "naam", "description": "Omschrijving"},
    ("criteria", "pillar"): {"ecology": "ecologie", "economy": "Economie", "people": "mens"},
    ("criteria", "direction"): {"higher_is_better": "Hoger is beter",
                                "lower_is_better": "lager is beter"},
    ("evidence", "confidence"): {"low": "laag", "medium": "Gemiddeld", "high": "hoog"},
}


@pytest.fixture
def assessment() -> Assessment:
    """The example with unequal criterion weights and a profile's own criterion weight, so
    that every column of the format carries something."""
    a = read_assessment(EXAMPLE_DIR)
    criteria = [replace(c, weight=2.0) if c.id == "eco_n" else c for c in a.criteria]
    profiles = [WeightProfile(a.profiles[0].name, a.profiles[0].pillar_weights,
                              {"eco_bio": 3.0}), *a.profiles[1:]]
    return replace(a, criteria=criteria, profiles=profiles)


def dutch_rows(sheet: str, rows: list[list]) -> list[list]:
    """One of our sheets (header first) with Dutch column names and values."""
    header = [DUTCH_COLUMNS[sheet].get(col, col) for col in rows[0]]
    out = [header]
    for row in rows[1:]:
        out.append([
            DUTCH_VALUES.get((sheet, col), {}).get(value, value)
            for col, value in zip(rows[0], row, strict=False)
        ])
    return out


def dutch_workbook(a: Assessment) -> bytes:
    """Our own export of `a`, then renamed sheet by sheet, header by header, with openpyxl."""
    workbook = openpyxl.load_workbook(io.BytesIO(assessment_to_xlsx_bytes(a)))
    for ws in workbook.worksheets:
        sheet = ws.title
        rows = dutch_rows(sheet, [list(r) for r in ws.iter_rows(values_only=True)])
        for r, row in enumerate(rows, start=1):
            for c, value in enumerate(row, start=1):
                ws.cell(row=r, column=c, value=value)
        ws.title = DUTCH_SHEETS[sheet]
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def dutch_csv_folder(a: Assessment, folder: Path, names: dict[str, str]) -> Path:
    """Our CSV export of `a` with Dutch file names (`names`) and Dutch headers and values,
    written the Dutch Excel way: semicolons and decimal commas."""
    english = folder.parent / f"{folder.name}-en"
    write_assessment(a, english)
    folder.mkdir()
    for sheet, name in names.items():
        with open(english / f"{sheet}.csv", newline="", encoding="utf-8-sig") as f:
            rows = dutch_rows(sheet, list(csv.reader(f)))
        with open(folder / f"{name}.csv", "w", newline="", encoding="utf-8") as f:
            csv.writer(f, delimiter=";").writerows(
                [[v.replace(".", ",") if _is_decimal(v) else v for v in row] for row in rows])
    return folder


def _is_decimal(value: str) -> bool:
    try:
        float(value)
    except ValueError:
        return False
    return "." in value


def issues(source: Path | bytes, filename: str = "x.xlsx") -> list[ValidationIssue]:
    if isinstance(source, Path):
        return validate_assessment(source)
    with pytest.raises(AssessmentValidationError) as info:
        read_assessment_bytes(source, filename)
    return info.value.errors


def where(found: list[ValidationIssue]) -> list[tuple]:
    return [(i.sheet, i.row, i.column, i.key) for i in found]


def workbook(sheets: dict[str, list[list]]) -> bytes:
    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    for title, rows in sheets.items():
        ws = wb.create_sheet(title)
        for row in rows:
            ws.append(row)
    buffer = io.BytesIO()
    wb.save(buffer)
    return buffer.getvalue()


def english_sheets(a: Assessment) -> dict[str, list[list]]:
    wb = openpyxl.load_workbook(io.BytesIO(assessment_to_xlsx_bytes(a)))
    return {ws.title: [list(r) for r in ws.iter_rows(values_only=True)] for ws in wb}


# --- the same assessment, whichever language the file speaks ---------------------------

def test_a_dutch_workbook_imports_to_the_same_assessment(assessment: Assessment) -> None:
    english = read_assessment_bytes(assessment_to_xlsx_bytes(assessment), "plan.xlsx")
    data = dutch_workbook(assessment)
    titles = openpyxl.load_workbook(io.BytesIO(data)).sheetnames
    assert titles == ["Beoordeling", "Criteria (NL)", "Maatregelen", "Wegingsprofielen",
                      "Onderbouwing"]
    dutch = read_assessment_bytes(data, "plan.xlsx")
    assert dutch == english  # every field of every criterion, measure, score and profile
    assert english == assessment
    eco_n = dutch.criterion("eco_n")
    assert (eco_n.pillar, eco_n.direction, eco_n.weight) == (Pillar.ECOLOGY,
                                                            Direction.HIGHER_IS_BETTER, 2.0)
    assert dutch.criterion("econ_cost").direction == Direction.LOWER_IS_BETTER
    assert dutch.profiles[0].criterion_weights == {"eco_bio": 3.0}
    assert dutch.scores[("M04", "eco_n")].confidence == Confidence.HIGH
    assert dutch.scores[("M06", "ppl_support")].confidence == Confidence.LOW
    assert dutch.name == "Gebiedsprogramma Veluwe-Vallei (voorbeeld)"


@pytest.mark.parametrize("names", [
    {"assessment": "beoordeling", "criteria": "Criteria", "measures": "maatregelen",
     "profiles": "profielen", "evidence": "bronnen"},
    {"assessment": "Algemeen (NL)", "criteria": "criterium", "measures": "Scores (NL)",
     "profiles": "Perspectieven", "evidence": "evidence"},
])
def test_a_dutch_csv_folder_and_zip_import_to_the_same_assessment(
    tmp_path: Path, assessment: Assessment, names: dict[str, str]
) -> None:
    folder = dutch_csv_folder(assessment, tmp_path / "plan", names)
    assert sorted(p.name for p in folder.iterdir()) == sorted(f"{n}.csv" for n in
                                                              names.values())
    assert read_assessment(folder) == assessment
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for path in folder.iterdir():  # in a folder inside the zip, as Windows packs it
            archive.write(path, f"plan/{path.name}")
    assert read_assessment_bytes(buffer.getvalue(), "plan.zip") == assessment


def test_names_compare_without_case_spaces_or_language_tag() -> None:
    assert normalise(" Schaal  min ") == normalise("schaal-min") == "schaal_min"
    assert normalise("Label (NL)") == "label_nl"
    match = match_sheets(["Blad1", " MAATREGELEN ", "Criteria [EN]", "Profielen (nl)"])
    assert match.sheets == {"criteria": "Criteria [EN]", "measures": " MAATREGELEN ",
                            "profiles": "Profielen (nl)"}
    assert resolve_column("criteria", "Schaal Max") == "scale_max"
    assert resolve_column("measures", "Code") == "measure_id"
    assert resolve_column("evidence", "code") is None  # measure or criterion: not guessed
    # a criterion id stays a score column, our own column names stay ours
    assert resolve_column("measures", "naam", keep={"naam"}) is None
    assert resolve_column("measures", "label_nl", keep={"label_nl"}) == "label_nl"


def test_a_criterion_named_like_an_alias_keeps_its_score_column(tmp_path: Path) -> None:
    """Files that worked before keep working: "label" is a criterion id here, not a name."""
    sheets = english_sheets(read_assessment(EXAMPLE_DIR))
    sheets["criteria"] = [r if i == 0 or r[0] != "eco_land" else ["label", *r[1:]]
                          for i, r in enumerate(sheets["criteria"])]
    sheets["measures"][0] = ["label" if c == "eco_land" else c for c in sheets["measures"][0]]
    sheets["evidence"] = sheets["evidence"][:1]
    a = read_assessment_bytes(workbook(sheets), "x.xlsx")
    assert a.scores[("M01", "label")].value == 1.0
    assert a.measure("M01").label_nl == "Extensivering melkveehouderij rond Natura 2000"


def test_scores_is_the_measures_sheet_only_without_a_measures_sheet() -> None:
    sheets = english_sheets(read_assessment(EXAMPLE_DIR))
    measures = sheets.pop("measures")
    with_scores = dict(sheets, Scores=measures)
    assert len(read_assessment_bytes(workbook(with_scores), "x.xlsx").measures) == 11
    # beside "Maatregelen" another sheet called Scores is not read
    both = dict(sheets, Maatregelen=measures, Scores=[["whatever"], [1]])
    assert len(read_assessment_bytes(workbook(both), "x.xlsx").measures) == 11


# --- what is not there, or not clear --------------------------------------------------

def test_a_missing_sheet_names_the_sheets_that_were_found() -> None:
    sheets = english_sheets(read_assessment(EXAMPLE_DIR))
    data = workbook({"Blad1": sheets["measures"], "Overzicht": [["x"], [1]],
                     "Criteria": sheets["criteria"]})
    (issue,) = issues(data)
    assert where([issue]) == [("measures", None, None, "io.missing_sheet_found")]
    assert issue.message("nl") == (
        "Blad 'measures': dit verplichte blad ontbreekt (in het Nederlands: 'maatregelen'); "
        "gevonden: 'Blad1', 'Overzicht', 'Criteria'. Geef het blad een van deze twee namen.")
    assert issue.message("en") == (
        "Sheet 'measures': this required sheet is missing (in Dutch: 'maatregelen'); found: "
        "'Blad1', 'Overzicht', 'Criteria'. Give the sheet one of these two names.")


def test_missing_csv_files_name_the_files_that_were_found(tmp_path: Path) -> None:
    folder = dutch_csv_folder(read_assessment(EXAMPLE_DIR), tmp_path / "plan",
                              {"criteria": "Criteria", "measures": "Blad1"})
    (issue,) = issues(folder)
    assert where([issue]) == [("measures", None, None, "io.missing_file_found")]
    assert issue.message("nl") == (
        "Blad 'measures': het verplichte bestand measures.csv ontbreekt (in het Nederlands: "
        "maatregelen.csv); gevonden: 'Blad1.csv', 'Criteria.csv'. Geef het bestand een van "
        "deze twee namen.")
    empty = tmp_path / "leeg"
    empty.mkdir()
    (empty / "notities.txt").write_text("geen csv")
    assert where(issues(empty)) == [("criteria", None, None, "io.missing_file_none"),
                                    ("measures", None, None, "io.missing_file_none")]
    assert issues(empty)[1].message("en") == (
        "Sheet 'measures': the required file measures.csv (in Dutch: maatregelen.csv) is "
        "missing; there is no CSV file at all.")


def test_two_sheets_for_one_are_refused_by_name() -> None:
    sheets = english_sheets(read_assessment(EXAMPLE_DIR))
    data = workbook(dict(sheets, Maatregelen=sheets["measures"]))
    (issue,) = issues(data)
    assert where([issue]) == [("measures", None, None, "io.ambiguous_sheet")]
    assert issue.message("nl") == (
        "Blad 'measures': meer dan één blad kan dit blad zijn: 'measures', 'Maatregelen'. "
        "Houd er één over of geef de andere een andere naam.")


def test_two_csv_files_for_one_sheet_are_refused_by_name(tmp_path: Path) -> None:
    folder = tmp_path / "plan"
    write_assessment(read_assessment(EXAMPLE_DIR), folder)
    (folder / "profielen.csv").write_bytes((folder / "profiles.csv").read_bytes())
    (issue,) = issues(folder)
    assert where([issue]) == [("profiles", None, None, "io.ambiguous_file")]
    assert "'profielen.csv', 'profiles.csv'" in issue.message("en")


def test_unknown_and_ambiguous_columns_and_values_are_located() -> None:
    sheets = english_sheets(read_assessment(EXAMPLE_DIR))
    criteria = dutch_rows("criteria", sheets["criteria"])
    criteria[0] = [*criteria[0], "pillar", "Pijlers"]
    criteria[1:] = [[*r, "ecology", None] for r in criteria[1:]]
    criteria[3][criteria[0].index("Richting")] = "hoger"
    criteria[4][criteria[0].index("Pijler")] = "natuur"
    data = workbook({"Maatregelen": sheets["measures"], "criteria (nl)": criteria})
    found = issues(data)
    assert where(found) == [
        ("criteria (nl)", 1, "pillar", "io.ambiguous_column"),
        ("criteria (nl)", 1, "Pijlers", "io.unknown_column"),
        ("criteria (nl)", 4, "Richting", "io.unknown_direction"),
        ("criteria (nl)", 5, "Pijler", "io.unknown_pillar"),
    ]
    assert "pillar (pijler), label_nl (naam)" in found[1].message("nl")  # what would do
    assert found[0].message("nl") == (
        "Blad 'criteria (nl)', rij 1, kolom 'pillar': deze kolom betekent hetzelfde als kolom "
        "'Pijler' (pillar); houd er één over.")
    assert found[2].message("nl").endswith(
        "onbekende richting 'hoger'; kies 'hoger is beter' of 'lager is beter' (of "
        "higher_is_better, lower_is_better, max, min).")
    assert found[3].message("en").endswith(
        "unknown pillar 'natuur'; choose ecology, economy or people (or ecologie, economie, "
        "mens).")


def test_messages_about_other_sheets_use_their_names_in_the_file() -> None:
    sheets = english_sheets(read_assessment(EXAMPLE_DIR))
    evidence = dutch_rows("evidence", sheets["evidence"])
    evidence[1][0] = "M99"
    measures = sheets["measures"]
    measures[0] = [*measures[0], "eco_fosfaat"]
    measures[1:] = [[*r, 1] for r in measures[1:]]
    data = workbook({"Maatregelen": measures, "Criteria (NL)": sheets["criteria"],
                     "Bronnen": evidence})
    found = issues(data)
    assert where(found) == [("Maatregelen", 1, "eco_fosfaat", "io.unknown_score_column"),
                            ("Bronnen", 2, "Maatregel", "io.unknown_measure")]
    assert "in blad 'Criteria (NL)'" in found[0].message("nl")
    assert found[1].message("en").endswith("there is no measure 'M99' in sheet 'Maatregelen'.")
