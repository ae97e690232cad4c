"""Assessment files: validation errors (located, all at once), round trips, the CLI."""

from __future__ import annotations

import csv
import io as _io
import json
import re
import shutil
import subprocess
import sys
import zipfile
from collections.abc import Callable
from pathlib import Path

import openpyxl
import pytest

from impact import cli
from impact.i18n import catalogue
from impact.io import (
    AssessmentValidationError,
    ValidationIssue,
    assessment_to_csv_zip_bytes,
    assessment_to_json,
    assessment_to_xlsx_bytes,
    neutralise_cell,
    read_assessment,
    read_assessment_bytes,
    validate_assessment,
    write_assessment,
)
from impact.model import (
    Assessment,
    Confidence,
    Criterion,
    Direction,
    Measure,
    Pillar,
    Score,
    WeightProfile,
)
from impact.store import get_store

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE_DIR = ROOT / "src" / "impact" / "example"
SHARED_DATA = ROOT.parent / "shared" / "data"


# --- helpers ---------------------------------------------------------------------------

def copy_example(tmp_path: Path, name: str = "bad") -> Path:
    folder = tmp_path / name
    shutil.copytree(EXAMPLE_DIR, folder)
    return folder


def load_rows(folder: Path, sheet: str) -> list[list[str]]:
    with open(folder / f"{sheet}.csv", newline="", encoding="utf-8-sig") as f:
        return list(csv.reader(f))


def save_rows(folder: Path, sheet: str, rows: list[list[str]]) -> None:
    with open(folder / f"{sheet}.csv", "w", newline="", encoding="utf-8") as f:
        csv.writer(f).writerows(rows)


def set_cell(folder: Path, sheet: str, row: int, column: str, value: str) -> None:
    """Set a cell by spreadsheet row (header = 1) and column name."""
    rows = load_rows(folder, sheet)
    rows[row - 1][rows[0].index(column)] = value
    save_rows(folder, sheet, rows)


def drop_column(folder: Path, sheet: str, column: str) -> None:
    rows = load_rows(folder, sheet)
    i = rows[0].index(column)
    save_rows(folder, sheet, [r[:i] + r[i + 1:] for r in rows])


def add_column(folder: Path, sheet: str, column: str, values: list[str]) -> None:
    rows = load_rows(folder, sheet)
    assert len(values) == len(rows) - 1
    save_rows(folder, sheet, [rows[0] + [column]] + [r + [v] for r, v in zip(
        rows[1:], values, strict=True)])


def issues_of(path: Path) -> list[ValidationIssue]:
    with pytest.raises(AssessmentValidationError) as info:
        read_assessment(path)
    assert info.value.errors == validate_assessment(path)
    return info.value.errors


def table_counts(db: Path) -> dict[str, int]:
    cur = get_store(db, seed=False).cursor()
    tables = [r[0] for r in cur.execute(
        "SELECT table_name FROM information_schema.tables WHERE table_schema = 'main' "
        "ORDER BY table_name"
    ).fetchall()]
    return {name: cur.execute(f'SELECT count(*) FROM "{name}"').fetchone()[0]  # noqa: S608
            for name in tables}


def run_cli(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    rc = cli.main(list(argv))
    out, err = capsys.readouterr()
    return rc, out, err


# --- the example files ----------------------------------------------------------------

def test_example_reads_with_profiles_evidence_and_name() -> None:
    a = read_assessment(EXAMPLE_DIR)
    assert a.name == "Gebiedsprogramma Veluwe-Vallei (voorbeeld)"
    assert a.description.startswith("Voorbeeldbeoordeling van 11 maatregelen")
    assert (len(a.measures), len(a.criteria), len(a.scores)) == (11, 13, 11 * 13)
    assert [p.name for p in a.profiles] == [
        "Provincie", "Agrarische sector", "Natuurorganisaties", "Bewoners"]
    provincie = a.profile("Provincie")
    assert dict(provincie.pillar_weights) == {
        Pillar.ECOLOGY: 40.0, Pillar.ECONOMY: 30.0, Pillar.PEOPLE: 30.0}
    assert provincie.normalised_pillar_weights()[Pillar.ECOLOGY] == pytest.approx(0.4)
    assert a.criterion("eco_ghg").direction == Direction.LOWER_IS_BETTER
    assert a.criterion("eco_ghg").scale_min == -30 and a.criterion("eco_ghg").scale_max == 5
    assert all(c.weight == 1.0 for c in a.criteria)  # no weight column: equal
    s = a.scores[("M04", "econ_cost")]
    assert (s.value, s.source, s.confidence) == (
        35.0, "Regeling Lbv-plus; taxaties 2024", Confidence.HIGH)
    no_evidence = a.scores[("M01", "eco_bio")]
    assert (no_evidence.value, no_evidence.source, no_evidence.confidence) == (2.0, None, None)
    assert validate_assessment(EXAMPLE_DIR) == []


def two_file_version(tmp_path: Path) -> Path:
    """../shared/data where it exists (CI, development), else the same two files from the
    example, so that the test always runs."""
    if SHARED_DATA.exists():
        return SHARED_DATA
    folder = tmp_path / "data"
    folder.mkdir()
    for name in ("criteria.csv", "measures.csv"):
        shutil.copy(EXAMPLE_DIR / name, folder / name)
    return folder


def test_two_file_version_reads_with_the_folder_name(tmp_path: Path) -> None:
    shared = two_file_version(tmp_path)
    a = read_assessment(shared)
    assert a.name == "data" and a.description == ""
    assert (len(a.measures), len(a.criteria), a.profiles) == (11, 13, [])
    example = read_assessment(EXAMPLE_DIR)
    # the example's descriptions and units are Dutch now; the shared files keep English ones
    def structure(criteria):
        return [(c.id, c.pillar, c.label_nl, c.label_en, c.direction, c.scale_min,
                 c.scale_max, c.weight) for c in criteria]
    assert structure(a.criteria) == structure(example.criteria)
    assert {k: s.value for k, s in a.scores.items()} == {
        k: s.value for k, s in example.scores.items()}


# --- each validation error, located, and the database untouched -----------------------

Mutation = Callable[[Path], None]

CASES: list[tuple[str, Mutation, str, int | None, str | None, str]] = [
    ("unknown pillar", lambda f: set_cell(f, "criteria", 3, "pillar", "biodiversiteit"),
     "criteria", 3, "pillar", "io.unknown_pillar"),
    ("unknown direction", lambda f: set_cell(f, "criteria", 5, "direction", "down"),
     "criteria", 5, "direction", "io.unknown_direction"),
    ("scale_min >= scale_max", lambda f: set_cell(f, "criteria", 2, "scale_min", "100"),
     "criteria", 2, "scale_min", "io.bad_scale"),
    ("text in scale", lambda f: set_cell(f, "criteria", 6, "scale_max", "drie"),
     "criteria", 6, "scale_max", "io.not_a_number"),
    ("score outside scale", lambda f: set_cell(f, "measures", 4, "eco_bio", "5"),
     "measures", 4, "eco_bio", "io.score_out_of_scale"),
    ("text in score", lambda f: set_cell(f, "measures", 6, "econ_cost", "veel"),
     "measures", 6, "econ_cost", "io.not_a_number"),
    ("empty score", lambda f: set_cell(f, "measures", 3, "ppl_health", ""),
     "measures", 3, "ppl_health", "io.empty_score"),
    ("missing criterion id", lambda f: set_cell(f, "criteria", 4, "id", ""),
     "criteria", 4, "id", "io.missing_id"),
    ("duplicate criterion id", lambda f: set_cell(f, "criteria", 5, "id", "eco_bio"),
     "criteria", 5, "id", "io.duplicate_id"),
    ("missing measure id", lambda f: set_cell(f, "measures", 3, "measure_id", " "),
     "measures", 3, "measure_id", "io.missing_id"),
    ("duplicate measure id", lambda f: set_cell(f, "measures", 3, "measure_id", "M01"),
     "measures", 3, "measure_id", "io.duplicate_id"),
    ("criterion without column", lambda f: drop_column(f, "measures", "eco_land"),
     "measures", 1, "eco_land", "io.criterion_without_column"),
    ("measures column that is not a criterion",
     lambda f: add_column(f, "measures", "eco_fosfaat", ["1"] * 11),
     "measures", 1, "eco_fosfaat", "io.unknown_score_column"),
    ("missing criteria sheet", lambda f: (f / "criteria.csv").unlink(),
     "criteria", None, None, "io.missing_file_found"),
    ("missing measures sheet", lambda f: (f / "measures.csv").unlink(),
     "measures", None, None, "io.missing_file_found"),
    ("missing required column", lambda f: drop_column(f, "criteria", "direction"),
     "criteria", 1, "direction", "io.missing_column"),
    ("unknown column", lambda f: add_column(f, "criteria", "opmerking", [""] * 13),
     "criteria", 1, "opmerking", "io.unknown_column"),
    ("negative criterion weight",
     lambda f: add_column(f, "criteria", "weight", ["1"] * 7 + ["-2"] + ["1"] * 5),
     "criteria", 9, "weight", "io.negative_weight"),
    ("all-zero weights in a pillar",
     lambda f: add_column(f, "criteria", "weight", ["1"] * 9 + ["0"] * 4),
     "criteria", 11, "weight", "io.zero_weights_pillar"),
    ("negative profile weight", lambda f: set_cell(f, "profiles", 3, "economy", "-5"),
     "profiles", 3, "economy", "io.negative_weight"),
    ("all-zero profile weights", lambda f: save_rows(f, "profiles", load_rows(
        f, "profiles") + [["Niemand", "0", "0", "0"]]),
     "profiles", 6, "ecology, economy, people", "io.zero_profile_weights"),
    ("empty profile weight", lambda f: set_cell(f, "profiles", 2, "people", ""),
     "profiles", 2, "people", "io.empty_number"),
    ("duplicate profile", lambda f: set_cell(f, "profiles", 4, "profile", "Provincie"),
     "profiles", 4, "profile", "io.duplicate_profile"),
    ("criterion weight column of an unknown criterion",
     lambda f: add_column(f, "profiles", "w:eco_x", ["", "2", "", ""]),
     "profiles", 1, "w:eco_x", "io.unknown_weight_column"),
    ("profile that zeroes a whole pillar", lambda f: save_rows(f, "profiles", [
        r + ([f"w:{c}" for c in ("econ_cost", "econ_jobs", "econ_farm", "econ_priv")]
             if i == 0 else ["0"] * 4 if i == 2 else [""] * 4)
        for i, r in enumerate(load_rows(f, "profiles"))]),
     "profiles", 3, "w:econ_cost", "io.profile_zero_within"),
    ("evidence: unknown measure", lambda f: set_cell(f, "evidence", 2, "measure_id", "M99"),
     "evidence", 2, "measure_id", "io.unknown_measure"),
    ("evidence: unknown criterion",
     lambda f: set_cell(f, "evidence", 3, "criterion_id", "eco_x"),
     "evidence", 3, "criterion_id", "io.unknown_criterion"),
    ("evidence: bad confidence", lambda f: set_cell(f, "evidence", 4, "confidence", "zeker"),
     "evidence", 4, "confidence", "io.bad_confidence"),
    ("evidence: same cell twice", lambda f: set_cell(f, "evidence", 4, "measure_id", "M01"),
     "evidence", 4, "measure_id", "io.duplicate_evidence"),
    ("empty criterion label", lambda f: set_cell(f, "criteria", 7, "label_nl", ""),
     "criteria", 7, "label_nl", "io.empty_label"),
    ("empty measure label", lambda f: set_cell(f, "measures", 5, "label_nl", "  "),
     "measures", 5, "label_nl", "io.empty_label"),
    ("unknown assessment key", lambda f: save_rows(f, "assessment", load_rows(
        f, "assessment") + [["owner", "me"]]),
     "assessment", 4, "key", "io.unknown_key"),
]


@pytest.fixture(scope="module")
def seeded_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    db = tmp_path_factory.mktemp("db") / "impact.duckdb"
    store = get_store(db, seed=True)
    assert len(store.list_assessments()) == 1
    return db


@pytest.mark.parametrize(
    "mutate, sheet, row, column, key", [c[1:] for c in CASES], ids=[c[0] for c in CASES]
)
def test_each_error_is_located_and_nothing_is_imported(
    tmp_path: Path, seeded_db: Path, capsys: pytest.CaptureFixture[str],
    mutate: Mutation, sheet: str, row: int | None, column: str | None, key: str,
) -> None:
    folder = copy_example(tmp_path)
    mutate(folder)
    issues = issues_of(folder)
    matching = [i for i in issues if (i.sheet, i.row, i.column, i.key) == (sheet, row, column, key)]
    assert len(matching) == 1, [(i.sheet, i.row, i.column, i.key) for i in issues]
    issue = matching[0]
    nl, en = issue.message("nl"), issue.message("en")
    assert nl.startswith(f"Blad '{sheet}'") and en.startswith(f"Sheet '{sheet}'")
    if row is not None:
        assert f", rij {row}" in nl and f", row {row}" in en
    if column is not None:
        assert f", kolom '{column}': " in nl and f", column '{column}': " in en
    else:
        assert "kolom" not in nl.split(":")[0]
    assert nl != en

    before = table_counts(seeded_db)
    rc, out, err = run_cli(capsys, "import", str(folder), "--db", str(seeded_db))
    assert rc == 1 and out == ""
    assert nl in err and "Traceback" not in err
    assert table_counts(seeded_db) == before


def test_the_whole_file_is_checked_and_all_errors_are_reported_together(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = copy_example(tmp_path)
    set_cell(folder, "criteria", 3, "pillar", "natuur")
    set_cell(folder, "criteria", 9, "direction", "omhoog")
    set_cell(folder, "measures", 4, "eco_bio", "5")
    set_cell(folder, "measures", 12, "ppl_equity", "twee")
    set_cell(folder, "profiles", 5, "people", "-1")
    set_cell(folder, "evidence", 14, "confidence", "zeker")
    issues = issues_of(folder)
    assert [(i.sheet, i.row, i.column, i.key) for i in issues] == [
        ("criteria", 3, "pillar", "io.unknown_pillar"),
        ("criteria", 9, "direction", "io.unknown_direction"),
        ("measures", 4, "eco_bio", "io.score_out_of_scale"),
        ("measures", 12, "ppl_equity", "io.not_a_number"),
        ("profiles", 5, "people", "io.negative_weight"),
        ("evidence", 14, "confidence", "io.bad_confidence"),
    ]
    rc, out, err = run_cli(capsys, "--lang", "en", "validate", str(folder))
    assert rc == 1 and out == ""
    lines = err.strip().splitlines()
    assert lines[0].endswith("6 errors found:")
    assert lines[1:] == [i.message("en") for i in issues]
    assert "Sheet 'measures', row 4, column 'eco_bio': the score 5 is outside the scale " \
           "\u22123..3." in err


def test_dutch_message_reads_as_promised(tmp_path: Path) -> None:
    folder = copy_example(tmp_path)
    set_cell(folder, "measures", 4, "eco_bio", "5")
    (issue,) = issues_of(folder)
    assert issue.message("nl") == (
        "Blad 'measures', rij 4, kolom 'eco_bio': de score 5 ligt buiten de schaal \u22123..3.")
    with pytest.raises(AssessmentValidationError) as info:
        read_assessment(folder, lang="en")
    assert str(info.value) == issue.message("en")
    assert info.value.format("nl") == issue.message("nl")


def test_rows_are_spreadsheet_rows_in_a_workbook_with_blank_rows(tmp_path: Path) -> None:
    a = read_assessment(EXAMPLE_DIR)
    path = tmp_path / "werkmap.xlsx"
    path.write_bytes(assessment_to_xlsx_bytes(a))
    wb = openpyxl.load_workbook(path)
    ws = wb["measures"]
    ws.insert_rows(3, amount=2)  # two blank rows after M01: M02 moves to row 5
    ws.title = "tmp"
    ws.title = "Measures"  # sheet names are matched case-insensitively, named as written
    col = [c.value for c in ws[1]].index("econ_jobs") + 1
    ws.cell(row=6, column=col, value="veel")  # M03
    ws.cell(row=7, column=col).value = None  # M04
    wb["criteria"].cell(row=2, column=2, value="lucht")  # eco_n pillar
    del wb["evidence"]  # optional sheet
    wb.save(path)
    issues = issues_of(path)
    assert [(i.sheet, i.row, i.column, i.key) for i in issues] == [
        ("criteria", 2, "pillar", "io.unknown_pillar"),
        ("Measures", 6, "econ_jobs", "io.not_a_number"),
        ("Measures", 7, "econ_jobs", "io.empty_score"),
    ]
    assert issues[1].message("nl") == "Blad 'Measures', rij 6, kolom 'econ_jobs': " \
                                      "'veel' is geen getal."


def test_a_missing_sheet_in_a_workbook(tmp_path: Path) -> None:
    path = tmp_path / "x.xlsx"
    path.write_bytes(assessment_to_xlsx_bytes(read_assessment(EXAMPLE_DIR)))
    wb = openpyxl.load_workbook(path)
    del wb["criteria"]
    wb.save(path)
    issues = issues_of(path)
    assert [(i.sheet, i.row, i.column, i.key) for i in issues] == [
        ("criteria", None, None, "io.missing_sheet_found")]
    assert issues[0].message("nl").startswith(
        "Blad 'criteria': dit verplichte blad ontbreekt (in het Nederlands: 'criteria'); "
        "gevonden: 'assessment', 'measures', 'profiles', 'evidence'.")


def test_json_errors_name_part_item_and_field(tmp_path: Path) -> None:
    data = json.loads(assessment_to_json(read_assessment(EXAMPLE_DIR)))
    data["criteria"][1]["pillar"] = "planet"
    data["scores"]["M03"]["eco_bio"] = 9
    del data["scores"]["M05"]["eco_n"]
    data["profiles"][0]["criterion_weights"] = {"eco_n": -1}
    path = tmp_path / "a.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    issues = issues_of(path)
    assert [(i.sheet, i.row, i.column, i.key) for i in issues] == [
        ("criteria", 2, "pillar", "io.unknown_pillar"),
        ("scores", 3, "eco_bio", "io.score_out_of_scale"),
        ("scores", 5, "eco_n", "io.empty_score"),
        ("profiles", 1, "w:eco_n", "io.negative_weight"),
    ]
    assert issues[1].message("nl") == (
        "JSON-onderdeel 'scores', item 3, veld 'eco_bio': de score 9 ligt buiten de schaal "
        "\u22123..3.")
    assert issues[3].message("en").startswith(
        "JSON part 'profiles', item 1, field 'criterion_weights.eco_n': ")


@pytest.mark.parametrize("filename, content, key", [
    ("kapot.xlsx", b"not a zip at all", "io.unreadable_xlsx"),
    ("kapot.json", b'{"name": "x", ', "io.unreadable_json"),
    ("lijst.json", b"[1, 2]", "io.json_not_object"),
    ("kapot.zip", b"PK\x03\x04 broken", "io.unreadable_zip"),
    ("oud.xls", b"\xd0\xcf\x11\xe0", "io.xls_not_supported"),
    ("tekst.txt", b"hello", "io.unsupported_type"),
])
def test_unreadable_uploads_give_one_clear_message(filename: str, content: bytes,
                                                   key: str) -> None:
    with pytest.raises(AssessmentValidationError) as info:
        read_assessment_bytes(content, filename)
    (issue,) = info.value.errors
    assert issue.key == key and issue.sheet == ""
    assert filename in issue.message("nl") and filename in issue.message("en")


def test_every_io_key_used_in_the_code_exists() -> None:
    files = [*sorted((ROOT / "src" / "impact" / "io").rglob("*.py")),
             ROOT / "src" / "impact" / "cli.py"]
    source = "".join(path.read_text(encoding="utf-8") for path in files)
    used = set(re.findall(r'"(io\.[a-z_.]+)"', source)) - {"io.loc", "io.loc.json"}
    used |= {f"io.loc{p}.{part}" for p in ("", ".json") for part in ("sheet", "row", "column")}
    assert len(used) > 40
    assert sorted(used - set(catalogue())) == []


# --- round trips -----------------------------------------------------------------------

def nasty_assessment() -> Assessment:
    criteria = [
        Criterion("=cmd|' /C calc'!A0", Pillar.ECOLOGY, "=SUM(A1:A9)", "+31 6 1234",
                  "µg/m³ — 'ppm'", Direction.LOWER_IS_BETTER, -0.5, 0.1 + 0.2,
                  "", 0.1 + 0.7),
        Criterion("bio 🐝", Pillar.ECOLOGY, "Biodiversiteit <b>vet</b> & **sterk**",
                  "", "", Direction.HIGHER_IS_BETTER, -3, 3,
                  "-- opsomming\n- eerste\n- tweede", 2.5),
        Criterion("kosten", Pillar.ECONOMY, "@kosten", "Cost; \"quoted\", comma", "M€",
                  Direction.LOWER_IS_BETTER, 0, 1e9, "\tstarts with tab", 1.0),
        Criterion("mens", Pillar.PEOPLE, "'=al geneutraliseerd", "''+twee apostrofs",
                  "'", Direction.HIGHER_IS_BETTER, 1 / 3, 7.25, "[link](javascript:x)", 3),
    ]
    measures = [
        Measure("M-1", "Maatregel één — ‘quotes’ “dubbel”", "", ""),
        Measure("=1+1", "<script>alert(1)</script>", "-negative start", "émoji 😀 中文"),
        Measure("0042", "@home", "+plus", "  leading and trailing spaces  "),
    ]
    values = {
        "M-1": [-0.5, -3, 0, 1 / 3],
        "=1+1": [0.1 + 0.2, 2.75, 999_999_999.5, 7.25],
        "0042": [1e-9, 0, 1e9, 5],
    }
    scores = {}
    for m in measures:
        for c, v in zip(criteria, values[m.id], strict=True):
            scores[(m.id, c.id)] = Score(m.id, c.id, v)
    extra = {
        ("M-1", "bio 🐝"): ("=HYPERLINK(\"http://x\")", Confidence.LOW),
        ("=1+1", "kosten"): ("Rapport 2024, p. 3; \"citaat\"", None),
        ("0042", "mens"): (None, Confidence.HIGH),
    }
    for (mid, cid), (source, conf) in extra.items():
        scores[(mid, cid)] = Score(mid, cid, scores[(mid, cid)].value, source, conf)
    profiles = [
        WeightProfile("Provincie", {Pillar.ECOLOGY: 40, Pillar.ECONOMY: 30, Pillar.PEOPLE: 30}),
        WeightProfile("=kwaad", {Pillar.ECOLOGY: 0.2, Pillar.ECONOMY: 0.0, Pillar.PEOPLE: 0.8},
                      {"bio 🐝": 0.0, "mens": 1 / 7}),
        WeightProfile("Boeren 🚜", {Pillar.ECOLOGY: 1, Pillar.ECONOMY: 1e-3, Pillar.PEOPLE: 2},
                      {"kosten": 12.5}),
    ]
    return Assessment(
        name="Gebied <i>Zuid</i> — \"test\"; =A1",
        description="-- Markdown **vet**\n# kop\nregel 2",
        criteria=criteria, measures=measures, scores=scores, profiles=profiles,
    )


def roundtrip(a: Assessment, fmt: str, tmp_path: Path) -> Assessment:
    if fmt == "xlsx":
        path = write_assessment(a, tmp_path / "export.xlsx")
    elif fmt == "json":
        path = write_assessment(a, tmp_path / "export.json")
    elif fmt == "csv":
        path = write_assessment(a, tmp_path / "export")
        assert sorted(p.name for p in path.iterdir()) == [
            "assessment.csv", "criteria.csv", "evidence.csv", "measures.csv", "profiles.csv"]
    elif fmt == "zip-bytes":
        return read_assessment_bytes(assessment_to_csv_zip_bytes(a), "upload.zip")
    elif fmt == "xlsx-bytes":
        return read_assessment_bytes(assessment_to_xlsx_bytes(a), "upload.xlsx")
    elif fmt == "json-bytes":
        return read_assessment_bytes(assessment_to_json(a).encode(), "upload.json")
    else:
        raise AssertionError(fmt)
    return read_assessment(path)


FORMATS = ["xlsx", "csv", "json", "zip-bytes", "xlsx-bytes", "json-bytes"]


@pytest.mark.parametrize("fmt", FORMATS)
def test_round_trip_of_the_example(fmt: str, tmp_path: Path) -> None:
    a = read_assessment(EXAMPLE_DIR)
    b = roundtrip(a, fmt, tmp_path)
    assert b == a
    assert b.profile("Bewoners").pillar_weights[Pillar.PEOPLE] == 50.0
    assert b.scores[("M06", "ppl_support")].confidence == Confidence.LOW


@pytest.mark.parametrize("fmt", FORMATS)
def test_round_trip_of_a_nasty_assessment(fmt: str, tmp_path: Path) -> None:
    a = nasty_assessment()
    b = roundtrip(a, fmt, tmp_path)
    assert b.name == a.name and b.description == a.description
    assert b.criteria == a.criteria
    assert b.measures == a.measures
    assert b.scores == a.scores
    assert b.profiles == a.profiles
    assert b == a
    # and once more: export of the import is byte-identical
    c = roundtrip(b, fmt, tmp_path / "again")
    assert c == a


def test_csv_export_neutralises_formula_text(tmp_path: Path) -> None:
    folder = write_assessment(nasty_assessment(), tmp_path / "out")
    rows = load_rows(folder, "measures")
    assert rows[2][:3] == ["'=1+1", "<script>alert(1)</script>", "'-negative start"]
    assert rows[3][0] == "0042" and rows[3][1] == "'@home"
    for path in folder.iterdir():
        for record in csv.reader(_io.StringIO(path.read_text(encoding="utf-8-sig"))):
            for cell in record:
                assert cell[:1] not in ("=", "+", "@", "\t", "\r"), (path.name, cell)
                if cell.startswith("-"):  # only numbers may start with a minus
                    float(cell)
    criteria = load_rows(folder, "criteria")
    assert criteria[1][0] == "'=cmd|' /C calc'!A0"
    assert criteria[4][2:4] == ["''=al geneutraliseerd", "'''+twee apostrofs"]


def test_xlsx_export_writes_formula_text_as_text(tmp_path: Path) -> None:
    data = assessment_to_xlsx_bytes(nasty_assessment())
    wb = openpyxl.load_workbook(_io.BytesIO(data))  # not data_only: formulas would show
    cells = [c for ws in wb.worksheets for row in ws.iter_rows() for c in row
             if isinstance(c.value, str)]
    formula_like = [c for c in cells if c.value[:1] in ("=", "+", "-", "@", "\t")]
    assert {c.value for c in formula_like} >= {"=SUM(A1:A9)", "=1+1", "@kosten", "=kwaad"}
    assert all(c.data_type == "s" and c.quotePrefix for c in formula_like)
    assert not any(c.data_type == "f" for c in cells)
    assert wb["criteria"]["C5"].value == "''=al geneutraliseerd"


@pytest.mark.parametrize("value, expected", [
    ("=SUM(A1)", "'=SUM(A1)"), ("+31", "'+31"), ("-x", "'-x"), ("@me", "'@me"),
    ("\tx", "'\tx"), ("\rx", "'\rx"), ("'=x", "''=x"), ("plain", "plain"), ("'quote", "'quote"),
    ("", ""), ("a=b", "a=b"), (-3.0, -3.0), (None, None), (7, 7),
])
def test_neutralise_cell(value: object, expected: object) -> None:
    assert neutralise_cell(value) == expected


def test_criterion_weights_and_missing_optional_columns(tmp_path: Path) -> None:
    folder = tmp_path / "klein"
    folder.mkdir()
    (folder / "criteria.csv").write_text(
        "id,pillar,label_nl,direction,scale_min,scale_max,weight\n"
        "a,ecologie,A,max,0,10,3\nb,mens,B,lower_is_better,0,1,\n"
        "c,economie,C,higher_is_better,-3,3,1\n", encoding="utf-8")
    (folder / "measures.csv").write_text("measure_id,label_nl,a,b,c\nX,Iks,1,0.5,-3\n",
                                         encoding="utf-8")
    (issue,) = issues_of(folder)  # a weight column with an empty cell
    assert (issue.sheet, issue.row, issue.column, issue.key) == (
        "criteria", 3, "weight", "io.empty_number")
    set_cell(folder, "criteria", 3, "weight", "0.5")
    a = read_assessment(folder)
    assert [(c.pillar, c.direction, c.weight, c.label_en, c.unit) for c in a.criteria] == [
        (Pillar.ECOLOGY, Direction.HIGHER_IS_BETTER, 3.0, "", ""),
        (Pillar.PEOPLE, Direction.LOWER_IS_BETTER, 0.5, "", ""),
        (Pillar.ECONOMY, Direction.HIGHER_IS_BETTER, 1.0, "", ""),
    ]
    assert a.name == "klein" and a.profiles == []


def test_dutch_excel_csv_semicolons_decimal_comma_and_windows_encoding(tmp_path: Path) -> None:
    folder = tmp_path / "excel"
    folder.mkdir()
    (folder / "criteria.csv").write_bytes(
        "id;pillar;label_nl;label_en;unit;direction;scale_min;scale_max;description\r\n"
        "ghg;ecology;Broeikasgas;;kt;lower_is_better;-2,5;2,5;Daling ≈ goed\r\n"
        .replace("≈", "~").encode("cp1252"))
    (folder / "measures.csv").write_bytes(
        "measure_id;label_nl;label_en;description;ghg\r\nM1;Bedrijfscontinuïteit;;;−1,25\r\n"
        .replace("−", "-").encode("cp1252"))
    a = read_assessment(folder)
    assert a.criteria[0].scale_min == -2.5 and a.criteria[0].scale_max == 2.5
    assert a.measures[0].label_nl == "Bedrijfscontinuïteit"
    assert a.scores[("M1", "ghg")].value == -1.25


def test_missing_scores_can_be_allowed_explicitly(tmp_path: Path) -> None:
    folder = copy_example(tmp_path)
    set_cell(folder, "measures", 3, "ppl_health", "")
    set_cell(folder, "evidence", 3, "measure_id", "M02")  # M02/eco_ghg keeps its evidence
    a = read_assessment(folder, allow_missing_scores=True)
    assert ("M02", "ppl_health") not in a.scores and len(a.scores) == 11 * 13 - 1
    b = read_assessment_bytes(assessment_to_xlsx_bytes(a), "a.xlsx", allow_missing_scores=True)
    assert b == a
    # evidence for the empty cell is still an error
    set_cell(folder, "evidence", 2, "criterion_id", "ppl_health")
    set_cell(folder, "evidence", 2, "measure_id", "M02")
    with pytest.raises(AssessmentValidationError) as info:
        read_assessment(folder, allow_missing_scores=True)
    assert [(i.sheet, i.row, i.column, i.key) for i in info.value.errors] == [
        ("evidence", 2, "criterion_id", "io.evidence_without_score")]


def test_zip_upload_with_a_folder_inside(tmp_path: Path) -> None:
    buffer = _io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for path in EXAMPLE_DIR.iterdir():
            archive.write(path, f"voorbeeld/{path.name}")
        archive.writestr("__MACOSX/voorbeeld/._criteria.csv", b"\x00\x05junk")
    a = read_assessment_bytes(buffer.getvalue(), "voorbeeld.zip")
    assert a == read_assessment(EXAMPLE_DIR)


# --- the command line --------------------------------------------------------------------

def test_validate_the_example_and_the_shared_data(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    rc, out, err = run_cli(capsys, "validate", str(EXAMPLE_DIR))
    assert (rc, err) == (0, "")
    assert out == ("OK: 'Gebiedsprogramma Veluwe-Vallei (voorbeeld)' — 11 maatregelen, "
                   "13 criteria, 4 profielen\n")
    rc, out, err = run_cli(capsys, "--lang", "en", "validate", str(two_file_version(tmp_path)))
    assert (rc, err) == (0, "")
    assert out == "OK: 'data' — 11 measures, 13 criteria, 0 profiles\n"


def test_validate_a_bad_file_in_a_real_process(tmp_path: Path) -> None:
    folder = copy_example(tmp_path)
    set_cell(folder, "measures", 4, "eco_bio", "5")
    impact = Path(sys.executable).parent / "impact"
    command = [str(impact)] if impact.exists() else [sys.executable, "-m", "impact.cli"]
    result = subprocess.run(  # noqa: S603 - our own entry point
        [*command, "validate", str(folder)], capture_output=True, text=True, timeout=60,
    )
    assert result.returncode == 1 and result.stdout == ""
    assert "Blad 'measures', rij 4, kolom 'eco_bio'" in result.stderr
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize("make", [
    lambda d: d / "bestaat-niet.xlsx",
    lambda d: d,  # an empty folder: no sheets at all
    lambda d: (d / "kapot.xlsx").write_bytes(b"\x00garbage") and d / "kapot.xlsx",
    lambda d: (d / "leeg.json").write_text("") and d / "leeg.json",
    lambda d: (d / "criteria.csv").write_text("id,pillar\n") and d / "criteria.csv",
])
def test_validate_never_shows_a_traceback(
    make: Callable[[Path], Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = make(tmp_path)
    rc, out, err = run_cli(capsys, "validate", str(target))
    assert rc == 1 and out == ""
    assert err.strip() and "Traceback" not in err and "Error:" not in err


def test_import_stores_a_valid_file_and_prints_the_id(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "import.duckdb"
    path = write_assessment(nasty_assessment(), tmp_path / "nasty.xlsx")
    rc, out, err = run_cli(capsys, "--lang", "en", "import", str(path), "--db", str(db))
    assert (rc, err) == (0, "")
    new_id = int(re.search(r"Imported as assessment (\d+):", out).group(1))
    store = get_store(db, seed=False)
    assert [i.id for i in store.list_assessments()] == [new_id]  # seed=False: no example
    loaded = store.load(new_id)
    a = nasty_assessment()
    assert (loaded.name, loaded.criteria, loaded.measures, loaded.scores, loaded.profiles) == (
        a.name, a.criteria, a.measures, a.scores, a.profiles)
    before = table_counts(db)
    rc, _, err = run_cli(capsys, "import", str(tmp_path / "nope.json"), "--db", str(db))
    assert rc == 1 and "bestaat niet" in err
    assert table_counts(db) == before


def test_column_names_criterion_ids_and_optional_sheets(tmp_path: Path) -> None:
    folder = tmp_path / "kolommen"
    folder.mkdir()
    (folder / "criteria.csv").write_text(
        "ID,Pillar,Label_NL,Direction,Scale_Min,Scale_Max\n"
        "A,people,Groot,max,0,1\na,people,Klein,max,0,1\n", encoding="utf-8")
    (folder / "measures.csv").write_text("Measure_ID,Label_NL,A,a\nX,Iks,1,0\n",
                                         encoding="utf-8")
    (folder / "profiles.csv").write_text("", encoding="utf-8")  # an empty optional sheet
    a = read_assessment(folder)
    assert [c.id for c in a.criteria] == ["A", "a"]
    assert (a.scores[("X", "A")].value, a.scores[("X", "a")].value) == (1.0, 0.0)
    (folder / "measures.csv").write_text("measure_id,label_nl,A,a,A\nX,Iks,1,0,1\n",
                                         encoding="utf-8")
    (issue,) = issues_of(folder)
    assert (issue.sheet, issue.row, issue.column, issue.key) == (
        "measures", 1, "A", "io.duplicate_column")
    assert len({issue, issue}) == 1  # issues are hashable


def test_a_cell_outside_the_named_columns_is_located(tmp_path: Path) -> None:
    folder = copy_example(tmp_path)
    rows = load_rows(folder, "measures")
    rows[5] = rows[5] + ["7"]  # M05 gets one value too many
    save_rows(folder, "measures", rows)
    (issue,) = issues_of(folder)
    assert (issue.sheet, issue.row, issue.column, issue.key) == (
        "measures", 6, "U", "io.unnamed_column")  # 20 named columns: A..T
    assert issue.message("en").startswith("Sheet 'measures', row 6, column 'U': this cell")
