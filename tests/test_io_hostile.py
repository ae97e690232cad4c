"""Hostile and mistaken assessment files (issue 11): every one is refused with a located
message in Dutch and English, bounded in memory, and nothing reaches the database."""

from __future__ import annotations

import csv
import io as _io
import json
import os
import resource
import shutil
import subprocess
import sys
import tracemalloc
import zipfile
from collections.abc import Callable, Iterator
from pathlib import Path

import openpyxl
import pytest

import impact
from impact.access import SYSTEM
from impact.io import AssessmentValidationError, ValidationIssue, read_assessment
from impact.io.load import read_assessment_bytes
from impact.io.writers import assessment_to_json, assessment_to_xlsx_bytes
from impact.store import get_store
from tests.test_io import table_counts

EXAMPLE_DIR = Path(impact.__file__).parent / "example"
MB = 1024 * 1024


# --- helpers ---------------------------------------------------------------------------

@pytest.fixture(scope="module")
def example_xlsx() -> bytes:
    return assessment_to_xlsx_bytes(read_assessment(EXAMPLE_DIR))


@pytest.fixture(scope="module")
def example_json() -> dict:
    return json.loads(assessment_to_json(read_assessment(EXAMPLE_DIR)))


@pytest.fixture
def store(tmp_path: Path) -> Iterator:
    yield get_store(tmp_path / "impact.duckdb", seed=True)


def counts(store) -> dict[str, int]:  # noqa: ANN001 - the Store
    return table_counts(store.path)


def refused_on_import(store, path: Path, *, max_mb: float = 200) -> list[ValidationIssue]:  # noqa: ANN001
    """Import `path` the way the command line does: read, then store. The read must refuse
    within `max_mb` of Python memory, and the database must be as it was."""
    before = counts(store)
    tracemalloc.start()
    try:
        with pytest.raises(AssessmentValidationError) as info:
            store.create(read_assessment(path), by=SYSTEM)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < max_mb * MB, f"peak {peak / MB:.0f} MB"
    assert counts(store) == before
    return info.value.errors


def located(issues: list[ValidationIssue], sheet: str, row: int | None, column: str | None,
            key: str) -> ValidationIssue:
    found = [i for i in issues if (i.sheet, i.row, i.column, i.key) == (sheet, row, column, key)]
    assert len(found) == 1, [(i.sheet, i.row, i.column, i.key) for i in issues]
    issue = found[0]
    nl, en = issue.message("nl"), issue.message("en")
    assert nl != en and "Traceback" not in nl + en
    if sheet:
        assert f"'{sheet}'" in nl and f"'{sheet}'" in en
    if row is not None:
        assert f" {row}" in nl.split(":")[0] and f" {row}" in en.split(":")[0]
    if column is not None:
        assert f"'{column}'" in nl.split(":")[0] and f"'{column}'" in en.split(":")[0]
    return issue


def edited_xlsx(data: bytes, edit: Callable[[openpyxl.Workbook], None]) -> bytes:
    workbook = openpyxl.load_workbook(_io.BytesIO(data))
    edit(workbook)
    buffer = _io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def xlsx_with_cell(path: Path, data: bytes, sheet: str, address: str, value: object) -> Path:
    def edit(wb: openpyxl.Workbook) -> None:
        wb[sheet][address] = value

    path.write_bytes(edited_xlsx(data, edit))
    return path


def csv_folder(tmp_path: Path) -> Path:
    folder = tmp_path / "csv"
    shutil.copytree(EXAMPLE_DIR, folder)
    return folder


# --- workbooks ---------------------------------------------------------------------------

def test_one_far_cell_is_refused_without_expanding_the_sheet(
    tmp_path: Path, store, example_xlsx: bytes  # noqa: ANN001
) -> None:
    path = xlsx_with_cell(tmp_path / "far.xlsx", example_xlsx, "measures", "XFD1048576", "x")
    assert path.stat().st_size < 20_000
    with zipfile.ZipFile(path) as archive:
        sheets = [n for n in archive.namelist() if n.startswith("xl/worksheets/")]
        assert any(b'ref="A1:XFD1048576"' in archive.read(n) for n in sheets)
    issues = refused_on_import(store, path, max_mb=50)
    issue = located(issues, "measures", 200_002, None, "io.row_too_far")
    assert "200001" in issue.message("en")


def test_a_far_column_is_refused_with_its_address(
    tmp_path: Path, store, example_xlsx: bytes  # noqa: ANN001
) -> None:
    path = xlsx_with_cell(tmp_path / "wide.xlsx", example_xlsx, "criteria", "XFD3", 1)
    located(refused_on_import(store, path, max_mb=50), "criteria", 3, "XFD",
            "io.too_many_columns")


def test_a_workbook_that_inflates_to_400_mb_is_refused_before_inflating(
    tmp_path: Path, store, example_xlsx: bytes  # noqa: ANN001
) -> None:
    def marked(wb: openpyxl.Workbook) -> None:
        ws = wb["assessment"]
        row = next(r for r in ws.iter_rows() if r[0].value == "description")
        row[1].value = "BOMB"

    data = edited_xlsx(example_xlsx, marked)
    path = tmp_path / "bomb.xlsx"
    chunk = "a" * MB
    with zipfile.ZipFile(_io.BytesIO(data)) as src, \
            zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as dst:
        for info in src.infolist():
            content = src.read(info)
            if b"BOMB" not in content:
                dst.writestr(info.filename, content)
                continue
            head, tail = content.decode().split("BOMB")
            with dst.open(info.filename, "w", force_zip64=True) as part:
                part.write(head.encode())
                for _ in range(400):
                    part.write(chunk.encode())
                part.write(tail.encode())
    assert path.stat().st_size < 2 * MB
    issues = refused_on_import(store, path, max_mb=20)
    issue = located(issues, "", None, None, "io.too_large_unpacked")
    assert "bomb.xlsx" in issue.message("nl") and "200 MB" in issue.message("en")
    with pytest.raises(AssessmentValidationError) as info:
        read_assessment_bytes(path.read_bytes(), "bomb.xlsx")
    assert [i.key for i in info.value.errors] == ["io.too_large_unpacked"]


def test_too_many_criteria_rows_are_refused_at_the_first_row_too_many(
    tmp_path: Path, store, example_xlsx: bytes  # noqa: ANN001
) -> None:
    def many(wb: openpyxl.Workbook) -> None:
        ws = wb["criteria"]
        for i in range(600):
            ws.append([f"c{i}", "ecology", "x", "x", "", "max", 0, 1, ""])

    path = tmp_path / "many.xlsx"
    path.write_bytes(edited_xlsx(example_xlsx, many))
    issues = refused_on_import(store, path)
    located(issues, "criteria", 502, None, "io.too_many_rows")


def test_too_many_measures_are_refused(tmp_path: Path, store) -> None:  # noqa: ANN001
    folder = csv_folder(tmp_path)
    lines = (folder / "measures.csv").read_text(encoding="utf-8").splitlines()
    header = lines[0]
    body = "\n".join(f"X{i},x" for i in range(100_001))
    (folder / "measures.csv").write_text(f"{header}\n{body}\n", encoding="utf-8")
    issues = refused_on_import(store, folder, max_mb=400)
    located(issues, "measures", 100_002, None, "io.too_many_rows")


def test_a_text_too_long_and_a_lone_surrogate_are_located(
    tmp_path: Path, store, example_json: dict  # noqa: ANN001
) -> None:
    data = dict(example_json)
    data["measures"] = [dict(m) for m in data["measures"]]
    data["measures"][1]["description"] = "x" * 10_001
    data["measures"][2]["label_en"] = "bad \ud800 text"
    path = tmp_path / "text.json"
    path.write_text(json.dumps(data), encoding="utf-8")  # ensure_ascii keeps \\ud800
    issues = refused_on_import(store, path)
    issue = located(issues, "measures", 2, "description", "io.text_too_long")
    assert "10001" in issue.message("en") and "10000" in issue.message("nl")
    located(issues, "measures", 3, "label_en", "io.invalid_unicode")


def test_a_long_text_in_a_csv_is_located(tmp_path: Path, store) -> None:  # noqa: ANN001
    folder = csv_folder(tmp_path)
    text = (folder / "criteria.csv").read_text(encoding="utf-8")
    lines = text.splitlines()
    lines[2] = lines[2].rsplit(",", 1)[0] + "," + "y" * 20_000
    (folder / "criteria.csv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    # the last column of the example's criteria: the English description
    located(refused_on_import(store, folder), "criteria", 3, "description_en",
            "io.text_too_long")


# --- JSON ---------------------------------------------------------------------------------

def test_a_5000_digit_number_is_refused_with_its_line(tmp_path: Path, store) -> None:  # noqa: ANN001
    path = tmp_path / "big.json"
    path.write_text('{"format": "impactbalans-assessment",\n"version": 1,\n"criteria": ['
                    + "9" * 5000 + "]}", encoding="utf-8")
    issue = located(refused_on_import(store, path), "", None, None, "io.json_number_too_long")
    assert "line 3" in issue.message("en") and "regel 3" in issue.message("nl")
    assert "5000" in issue.message("en")


def test_200000_nested_brackets_are_refused_without_recursing(
    tmp_path: Path, store  # noqa: ANN001
) -> None:
    path = tmp_path / "deep.json"
    path.write_text('{"criteria":\n' + "[" * 200_000 + "]" * 200_000 + "}", encoding="utf-8")
    issue = located(refused_on_import(store, path), "", None, None, "io.json_too_deep")
    assert "line 2" in issue.message("en")


def test_brackets_inside_json_text_do_not_count_as_nesting(example_json: dict) -> None:
    data = dict(example_json, description='[[[{{{ "quoted" \\ ' * 100)
    assessment = read_assessment_bytes(json.dumps(data).encode(), "a.json")
    assert assessment.description == data["description"]


@pytest.mark.parametrize("part, value, key", [
    ("format", "something-else", "io.json_wrong_format"),
    ("version", 2, "io.json_wrong_version"),
    ("version", "1", "io.json_wrong_version"),
    ("version", True, "io.json_wrong_version"),
])
def test_json_format_and_version_are_checked(
    tmp_path: Path, store, example_json: dict, part: str, value: object, key: str  # noqa: ANN001
) -> None:
    path = tmp_path / "other.json"
    path.write_text(json.dumps(dict(example_json, **{part: value})), encoding="utf-8")
    located(refused_on_import(store, path), part, None, None, key)


# --- values at the boundary ---------------------------------------------------------------

def test_a_weight_of_1e308_is_refused(tmp_path: Path, store, example_json: dict) -> None:  # noqa: ANN001
    data = dict(example_json)
    data["criteria"] = [dict(c) for c in data["criteria"]]
    data["criteria"][0]["weight"] = 1e308
    data["criteria"][1]["weight"] = 1e308
    path = tmp_path / "weights.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    issues = refused_on_import(store, path)
    located(issues, "criteria", 1, "weight", "io.weight_too_large")
    located(issues, "criteria", 2, "weight", "io.weight_too_large")


def test_a_profile_weight_of_1e308_is_refused(tmp_path: Path, store) -> None:  # noqa: ANN001
    folder = csv_folder(tmp_path)
    lines = (folder / "profiles.csv").read_text(encoding="utf-8").splitlines()
    header = lines[0].split(",")
    cells = lines[1].split(",")
    cells[header.index("ecology")] = "1e308"
    lines[1] = ",".join(cells)
    (folder / "profiles.csv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    located(refused_on_import(store, folder), "profiles", 2, "ecology",
            "io.weight_too_large")


def test_a_scale_too_wide_to_compute_is_refused(tmp_path: Path, store, example_json: dict) -> None:  # noqa: ANN001
    data = dict(example_json)
    data["criteria"] = [dict(c) for c in data["criteria"]]
    data["criteria"][0].update(scale_min=-1e308, scale_max=1e308)
    path = tmp_path / "scale.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    located(refused_on_import(store, path), "criteria", 1, "scale_max", "io.scale_too_wide")


def test_a_huge_integer_in_a_workbook_is_not_a_number(
    tmp_path: Path, store, example_xlsx: bytes  # noqa: ANN001
) -> None:
    marked = xlsx_with_cell(tmp_path / "marked.xlsx", example_xlsx, "measures", "F2", 987654321)
    path = tmp_path / "huge.xlsx"
    with zipfile.ZipFile(marked) as src, \
            zipfile.ZipFile(path, "w") as dst:
        for info in src.infolist():
            content = src.read(info)
            dst.writestr(info.filename, content.replace(b">987654321<", b">1" + b"0" * 400 + b"<"))
    issues = refused_on_import(store, path)
    column = openpyxl.load_workbook(path)["measures"]["F1"].value  # the first score column
    located(issues, "measures", 2, column, "io.not_a_number")


def test_a_file_with_an_error_in_every_cell_reports_a_bounded_list(
    tmp_path: Path, store  # noqa: ANN001
) -> None:
    folder = csv_folder(tmp_path)
    header = (folder / "measures.csv").read_text(encoding="utf-8").splitlines()[0]
    body = "\n".join(f"X{i},x" for i in range(5_000))  # every score cell empty
    (folder / "measures.csv").write_text(f"{header}\n{body}\n", encoding="utf-8")
    issues = refused_on_import(store, folder, max_mb=100)
    assert len(issues) == 1_001
    located(issues, "", None, None, "io.too_many_issues")


def test_too_many_json_criteria_are_refused(tmp_path: Path, store, example_json: dict) -> None:  # noqa: ANN001
    data = dict(example_json)
    data["criteria"] = data["criteria"] + [
        dict(data["criteria"][0], id=f"c{i}") for i in range(600)]
    path = tmp_path / "many.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    issues = refused_on_import(store, path)
    assert [i.key for i in issues] == ["io.too_many_rows"]
    located(issues, "criteria", 501, None, "io.too_many_rows")


# --- Dutch numbers in a semicolon CSV -----------------------------------------------------

def rewrite_csv(folder: Path, sheet: str, cells: dict[tuple[int, str], str],
                delimiter: str = ";") -> None:
    """Rewrite `sheet` with `delimiter` (`;`: Dutch Excel), setting cells by (row, column)."""
    path = folder / f"{sheet}.csv"
    rows = list(csv.reader(path.read_text(encoding="utf-8-sig").splitlines()))
    for (row, column), value in cells.items():
        rows[row - 1][rows[0].index(column)] = value
    buffer = _io.StringIO()
    csv.writer(buffer, delimiter=delimiter).writerows(rows)
    path.write_text(buffer.getvalue(), encoding="utf-8")


def test_thousands_points_are_read_where_the_file_uses_decimal_commas(tmp_path: Path) -> None:
    folder = csv_folder(tmp_path)
    rewrite_csv(folder, "criteria", {(2, "scale_max"): "5.000", (3, "scale_min"): "-3,0"})
    rewrite_csv(folder, "measures", {(2, "eco_n"): "1.234,5", (3, "eco_n"): "1.234",
                                       (4, "eco_n"): "2.345,6",
                                       (5, "label_en"): "1.234"})
    assessment = read_assessment(folder)
    criterion = next(c for c in assessment.criteria if c.id == "eco_n")
    assert (criterion.scale_min, criterion.scale_max) == (0, 5000)
    assert assessment.scores[("M01", "eco_n")].value == 1234.5
    assert assessment.scores[("M02", "eco_n")].value == 1234
    assert assessment.scores[("M03", "eco_n")].value == 2345.6
    label = next(m for m in assessment.measures if m.id == "M04").label_en
    assert label == "1.234" and type(label) is str


def test_a_lone_ambiguous_number_asks_the_user(tmp_path: Path, store) -> None:  # noqa: ANN001
    folder = csv_folder(tmp_path)
    rewrite_csv(folder, "measures", {(3, "eco_n"): "1.234"})
    issue = located(refused_on_import(store, folder), "measures", 3, "eco_n",
                    "io.ambiguous_number")
    assert "1.234" in issue.message("nl") and "1234" in issue.message("en")


def test_a_lone_ambiguous_scale_max_asks_the_user(tmp_path: Path, store) -> None:  # noqa: ANN001
    folder = csv_folder(tmp_path)
    rewrite_csv(folder, "criteria", {(2, "scale_max"): "5.000"})
    located(refused_on_import(store, folder), "criteria", 2, "scale_max",
            "io.ambiguous_number")


def test_decimal_points_in_a_rewrite_csv_stay_decimal_points(tmp_path: Path) -> None:
    folder = csv_folder(tmp_path)
    rewrite_csv(folder, "measures", {(2, "eco_n"): "1.234", (3, "eco_n"): "2.5"})
    assessment = read_assessment(folder)
    assert assessment.scores[("M01", "eco_n")].value == 1.234
    assert assessment.scores[("M02", "eco_n")].value == 2.5


def test_a_comma_separated_csv_reads_points_as_today(tmp_path: Path) -> None:
    folder = csv_folder(tmp_path)
    rewrite_csv(folder, "measures", {(2, "eco_n"): "1.234", (3, "eco_n"): "2,5"},
                  delimiter=",")
    assessment = read_assessment(folder)
    assert assessment.scores[("M01", "eco_n")].value == 1.234
    assert assessment.scores[("M02", "eco_n")].value == 2.5


# --- the command line under an address-space cap -----------------------------------------

def test_validate_refuses_the_far_cell_workbook_under_a_3_gb_cap(
    tmp_path: Path, example_xlsx: bytes
) -> None:
    path = xlsx_with_cell(tmp_path / "far.xlsx", example_xlsx, "measures", "XFD1048576", "x")

    def cap() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (3 * 1024 * MB, 3 * 1024 * MB))

    code = "import sys; from impact import cli; sys.exit(cli.main(sys.argv[1:]))"
    env = dict(os.environ, PYTHONPATH=str(Path(impact.__file__).parents[1]))
    done = subprocess.run(  # noqa: S603 - our own interpreter and module
        [sys.executable, "-c", code, "--lang", "en", "validate", str(path)],
        capture_output=True, text=True, timeout=120, preexec_fn=cap, env=env, check=False,
    )
    assert done.returncode == 1, done.stderr
    assert "Sheet 'measures', row 200002" in done.stderr + done.stdout
    assert "Traceback" not in done.stderr and "MemoryError" not in done.stderr


def test_our_own_json_without_profiles_or_evidence_imports_back(example_json: dict) -> None:
    data = dict(example_json, profiles=[], evidence=[])
    assessment = read_assessment_bytes(json.dumps(data).encode(), "plain.json")
    assert assessment.profiles == []
    assert all(s.source is None for s in assessment.scores.values())
    again = json.loads(assessment_to_json(assessment))
    assert again["profiles"] == [] and again["evidence"] == []
    assert read_assessment_bytes(json.dumps(again).encode(), "again.json") == assessment
