"""Readers: a workbook, a CSV folder, a zip of CSV files or JSON → raw sheets.

Readers only locate cells; they report what makes a file unreadable (and duplicate or
unnamed header cells) and leave the meaning of cells to :mod:`impact.io.validate`.
"""

from __future__ import annotations

import csv
import io
import json
import re
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from impact.io.aliases import DUTCH_SHEET_NAMES, SheetMatch, match_sheets
from impact.io.cells import unneutralise
from impact.io.dutch import mark_dotted_numbers
from impact.io.issues import Collector
from impact.io.schema import (
    MAX_JSON_DEPTH,
    MAX_NUMBER_CHARS,
    MAX_UNPACKED_BYTES,
    MAX_UPLOAD_BYTES,
    REQUIRED_SHEETS,
    SHEET_ORDER,
    WEIGHT_PREFIX,
)
from impact.io.tables import (
    LIMIT_KEYS,
    Row,
    Table,
    check_cell,
    max_rows,
    table_from_records,
)


@dataclass
class RawSheets:
    """What a reader found. `tables` is None when the file cannot be validated at all."""

    tables: dict[str, Table] | None
    out: Collector
    head: dict[str, Any] = field(default_factory=dict)  # JSON: the name and description


def read_sheets(source: Path | bytes, suffix: str, shown: str, *, is_dir: bool) -> RawSheets:
    """The raw sheets of a file (or folder, `is_dir`), chosen by its suffix.

    `shown` names the file in messages. Reading a Path may raise OSError.
    """
    suffix = suffix.lower()
    if suffix == ".json" and not is_dir:
        out = Collector("json")
        data = source if isinstance(source, bytes) else source.read_bytes()
        tables, head = read_json(decode_text(data), shown, out)
        if (out.issues and not tables) or any(i.key in LIMIT_KEYS for i in out.issues):
            return RawSheets(None, out)
        return RawSheets(tables, out, head)
    out = Collector()
    if is_dir:
        tables = read_csv_folder(source, out)  # type: ignore[arg-type]
    elif suffix in (".xlsx", ".xlsm"):
        tables = read_xlsx(source, shown, out)
    elif suffix == ".zip":
        data = source if isinstance(source, bytes) else source.read_bytes()
        tables = read_csv_zip(data, shown, out)
    elif suffix == ".xls":
        out.add("", None, None, "io.xls_not_supported", path=shown)
        return RawSheets(None, out)
    elif suffix == ".csv":
        out.add("", None, None, "io.single_csv", path=shown)
        return RawSheets(None, out)
    else:
        out.add("", None, None, "io.unsupported_type", path=shown, suffix=suffix or "?")
        return RawSheets(None, out)
    if any(not i.sheet or i.key in LIMIT_KEYS for i in out.issues):  # the file failed
        return RawSheets(None, out)
    return RawSheets(tables, out)


def decode_text(data: bytes) -> str:
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    return data.decode("latin-1")


# --- CSV: a folder or a zip -------------------------------------------------------------

def _read_csv(sheet: str, data: bytes, out: Collector, path: str, name: str) -> Table | None:
    """One CSV file: our `sheet`, read from `path`, named `name` in messages."""
    text = decode_text(data)
    first = text.split("\n", 1)[0]
    delimiter = ";" if first.count(";") > first.count(",") else ","
    try:
        reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
        records = [
            (number, [None if v == "" else unneutralise(v) for v in values])
            for number, values in enumerate(reader, start=1)
        ]
    except csv.Error as exc:
        out.add("", None, None, "io.unreadable_csv", path=path, detail=str(exc))
        return None
    if delimiter == ";":  # the Dutch Excel way, perhaps with a point between thousands
        mark_dotted_numbers(values for _, values in records)
    table = table_from_records(sheet, records, out, name)
    if table is None and sheet in REQUIRED_SHEETS:
        out.add(name, None, None, "io.empty_sheet")
        out.absent.add(sheet)
    return table


def _csv_stem(name: str) -> str:
    """A CSV file's name without folders and .csv, as the sheet it holds is called."""
    return name.replace("\\", "/").rsplit("/", 1)[-1][:-4].strip()


def _tables_from_csv_files(
    files: dict[str, tuple[bytes, str, str]], out: Collector
) -> dict[str, Table]:
    """`files` maps our sheet to (bytes, path shown, name in the file)."""
    tables: dict[str, Table] = {}
    for sheet in SHEET_ORDER:
        if sheet in files:
            data, path, name = files[sheet]
            table = _read_csv(sheet, data, out, path, _csv_stem(name))
            if table is not None:
                tables[sheet] = table
    return tables


def read_csv_folder(folder: Path, out: Collector) -> dict[str, Table]:
    paths = {
        path.name: path for path in sorted(folder.iterdir())
        if path.is_file() and path.suffix.lower() == ".csv"
    }
    match = match_sheets(paths, _csv_stem)
    report_unmatched(match, out, files=True)
    files: dict[str, tuple[bytes, str, str]] = {}
    for sheet, name in match.sheets.items():
        path = paths[name]
        try:
            if path.stat().st_size > MAX_UPLOAD_BYTES:
                out.add("", None, None, "io.too_large", path=str(path))
                return {}
            files[sheet] = (path.read_bytes(), str(path), name)
        except OSError as exc:
            out.add("", None, None, "io.unreadable_file", path=str(path),
                    detail=exc.strerror or str(exc))
    return _tables_from_csv_files(files, out)


def read_csv_zip(data: bytes, shown: str, out: Collector) -> dict[str, Table]:
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        members: dict[str, zipfile.ZipInfo] = {}
        for info in archive.infolist():
            member = info.filename.replace("\\", "/")
            base = member.rsplit("/", 1)[-1]
            if info.is_dir() or member.startswith("__MACOSX/") or base.startswith("."):
                continue
            if base.lower().endswith(".csv"):
                members.setdefault(member, info)
        match = match_sheets(members, _csv_stem)
        report_unmatched(match, out, files=True)
        files: dict[str, tuple[bytes, str, str]] = {}
        total = 0
        for sheet, member in match.sheets.items():
            info = members[member]
            total += info.file_size
            if info.file_size > MAX_UPLOAD_BYTES or total > MAX_UPLOAD_BYTES:
                out.add("", None, None, "io.too_large", path=shown)
                return {}
            files[sheet] = (archive.read(info), f"{shown}/{member}", member)
    except (zipfile.BadZipFile, OSError, RuntimeError, NotImplementedError, EOFError):
        out.add("", None, None, "io.unreadable_zip", path=shown)
        return {}
    return _tables_from_csv_files(files, out)


_MAX_NAMES_SHOWN = 20


def _names_text(names: list[str]) -> str:
    shown = ", ".join(f"'{name}'" for name in names[:_MAX_NAMES_SHOWN])
    return shown + (", …" if len(names) > _MAX_NAMES_SHOWN else "")


def report_unmatched(match: SheetMatch, out: Collector, *, files: bool) -> None:
    """Report a required sheet the file lacks (naming what it holds instead) and a sheet
    that more than one of the file's sheets could be."""
    for sheet, names in match.ambiguous.items():
        out.absent.add(sheet)
        out.add(sheet, None, None, "io.ambiguous_file" if files else "io.ambiguous_sheet",
                names=_names_text(names))
    for sheet in REQUIRED_SHEETS:
        if sheet in match.sheets or sheet in match.ambiguous:
            continue
        out.absent.add(sheet)
        dutch = DUTCH_SHEET_NAMES[sheet]
        if not files:
            out.add(sheet, None, None, "io.missing_sheet_found", dutch=dutch,
                    found=_names_text(match.found))
        elif match.found:
            out.add(sheet, None, None, "io.missing_file_found", file=f"{sheet}.csv",
                    dutch=f"{dutch}.csv", found=_names_text(match.found))
        else:
            out.add(sheet, None, None, "io.missing_file_none", file=f"{sheet}.csv",
                    dutch=f"{dutch}.csv")


# --- workbook ---------------------------------------------------------------------------

def read_xlsx(source: Path | bytes, shown: str, out: Collector) -> dict[str, Table]:
    """The sheets of a workbook, streamed: only the cells the file holds are read."""
    from openpyxl import load_workbook

    handle = io.BytesIO(source) if isinstance(source, bytes) else source
    try:
        if _unpacked_size(handle) > MAX_UNPACKED_BYTES:
            out.add("", None, None, "io.too_large_unpacked", path=shown,
                    limit=MAX_UNPACKED_BYTES // (1024 * 1024))
            return {}
        workbook = load_workbook(handle, read_only=True, data_only=True)
    except Exception:  # noqa: BLE001 - any failure here means: not a readable workbook
        out.add("", None, None, "io.unreadable_xlsx", path=shown)
        return {}
    try:
        return _xlsx_tables(workbook, out)
    finally:
        workbook.close()


def _unpacked_size(handle: Any) -> int:
    """The decompressed size a zip declares; reading a member never inflates beyond it."""
    with zipfile.ZipFile(handle) as archive:
        return sum(info.file_size for info in archive.infolist())


def _xlsx_tables(workbook: Any, out: Collector) -> dict[str, Table]:
    by_title = {ws.title: ws for ws in workbook.worksheets}
    match = match_sheets(by_title)
    report_unmatched(match, out, files=False)
    tables: dict[str, Table] = {}
    for sheet in SHEET_ORDER:
        title = match.sheets.get(sheet)
        ws = by_title.get(title) if title is not None else None
        if ws is None or not hasattr(ws, "iter_rows"):
            continue
        # forget the declared dimension: a hostile one (A1:XFD1048576) would pad every row
        ws.reset_dimensions()
        records = (
            (number, [_xlsx_cell_value(v) for v in values])
            for number, values in enumerate(ws.iter_rows(values_only=True), start=1)
        )
        table = table_from_records(sheet, records, out, title.strip())
        if table is None:
            if sheet in REQUIRED_SHEETS:
                out.add(title.strip(), None, None, "io.empty_sheet")
                out.absent.add(sheet)
        else:
            tables[sheet] = table
    return tables


def _xlsx_cell_value(value: Any) -> Any:
    if isinstance(value, str):
        return None if value == "" else unneutralise(value)
    return value


# --- JSON -------------------------------------------------------------------------------

_JSON_PARTS = frozenset({"format", "version", "name", "description", "criteria", "measures",
                         "scores", "profiles", "evidence"})


def read_json(text: str, shown: str, out: Collector) -> tuple[dict[str, Table], dict[str, Any]]:
    """The parts of a JSON assessment as tables (scores joined to the measures) and its
    head (name, description)."""
    data = _json_document(text, shown, out)
    if data is None:
        return {}, {}
    head = {k: data[k] for k in ("name", "description", "format", "version") if k in data}
    tables: dict[str, Table] = {}
    crit_items = _json_records(data, "criteria", out, required=True)
    if crit_items is not None:
        tables["criteria"] = _json_table("criteria", crit_items, {}, out)
    meas_items = _json_records(data, "measures", out, required=True)
    scores = _json_scores(data, out)
    if meas_items is not None:
        tables["measures"] = _json_measures(meas_items, crit_items or [], scores, out)
    # an empty optional list (what our own export writes) is the same as none at all
    prof_items = _json_records(data, "profiles", out, required=False)
    if prof_items:
        _flatten_criterion_weights(prof_items, out)
        tables["profiles"] = _json_table("profiles", prof_items, {"name": "profile"}, out)
    ev_items = _json_records(data, "evidence", out, required=False)
    if ev_items:
        tables["evidence"] = _json_table("evidence", ev_items, {}, out)
    return tables, head


class _NumberTooLong(ValueError):
    def __init__(self, text: str):
        super().__init__(text)
        self.text = text


def _json_number(parse: type) -> Any:
    """A json.loads hook that refuses a number too long to be meant (no huge int math)."""
    def number(text: str) -> Any:
        if len(text) > MAX_NUMBER_CHARS:
            raise _NumberTooLong(text)
        return parse(text)
    return number


_JSON_TOKEN = re.compile(r'"(?:[^"\\]|\\.)*"|[\[\]{}]')


def _json_too_deep(text: str) -> int | None:
    """The position where brackets nest deeper than allowed, before json.loads recurses."""
    depth = 0
    for match in _JSON_TOKEN.finditer(text):
        token = match.group()
        if token in "[{":
            depth += 1
            if depth > MAX_JSON_DEPTH:
                return match.start()
        elif token in "]}":
            depth -= 1
    return None


def _json_document(text: str, shown: str, out: Collector) -> dict | None:
    deep = _json_too_deep(text)
    if deep is not None:
        out.add("", None, None, "io.json_too_deep", path=shown, limit=MAX_JSON_DEPTH,
                line=text.count("\n", 0, deep) + 1)
        return None
    try:
        data = json.loads(text, parse_int=_json_number(int), parse_float=_json_number(float))
    except _NumberTooLong as exc:
        line = text.count("\n", 0, max(text.find(exc.text), 0)) + 1
        out.add("", None, None, "io.json_number_too_long", path=shown, length=len(exc.text),
                limit=MAX_NUMBER_CHARS, line=line)
        return None
    except json.JSONDecodeError as exc:
        out.add("", None, None, "io.unreadable_json", path=shown, line=exc.lineno,
                detail=exc.msg)
        return None
    if not isinstance(data, dict):
        out.add("", None, None, "io.json_not_object", path=shown)
        return None
    for key in data:
        if key not in _JSON_PARTS:
            out.add(str(key), None, None, "io.json_unknown_part")
    return data


def _json_records(
    data: dict, part: str, out: Collector, *, required: bool
) -> list[tuple[int, dict]] | None:
    """The objects of a list part with their item numbers (first = 1)."""
    if part not in data:
        if required:
            out.add(part, None, None, "io.missing_sheet")
            out.absent.add(part)
        return None
    value = data[part]
    if not isinstance(value, list):
        out.add(part, None, None, "io.json_expected_list")
        return None
    items = []
    for i, item in enumerate(value, start=1):
        if isinstance(item, dict):
            items.append((i, item))
        else:
            out.add(part, i, None, "io.json_expected_object")
    return items


def _json_table(
    part: str, items: list[tuple[int, dict]], rename: dict[str, str], out: Collector
) -> Table:
    columns: list[str] = []
    rows = []
    if len(items) > max_rows(part):
        out.add(part, max_rows(part) + 1, None, "io.too_many_rows", limit=max_rows(part))
        items = items[:max_rows(part)]
    for number, item in items:
        cells = {rename.get(str(k), str(k)): v for k, v in item.items()}
        for col, value in cells.items():
            check_cell(out, part, number, col, col)
            check_cell(out, part, number, col, value)
            if col not in columns:
                columns.append(col)
        rows.append(Row(number, cells))
    return Table(part, columns, rows, header_row=0, kind="json")


def _json_scores(data: dict, out: Collector) -> dict:
    if "scores" not in data:
        out.add("scores", None, None, "io.missing_sheet")
        return {}
    scores = data["scores"]
    if not isinstance(scores, dict):
        out.add("scores", None, None, "io.json_expected_object")
        return {}
    return scores


def _json_measures(
    meas_items: list[tuple[int, dict]], crit_items: list[tuple[int, dict]], scores: dict,
    out: Collector,
) -> Table:
    """The measures as a sheet with one score column per criterion, like the workbook."""
    measures = _json_table("measures", meas_items, {"id": "measure_id"}, out)
    criterion_ids = [str(item.get("id")).strip() for _, item in crit_items if item.get("id")]
    score_columns = list(dict.fromkeys(criterion_ids))
    measure_ids = set()
    for row in measures.rows:
        mid = row.cells.get("measure_id")
        mid = str(mid).strip() if mid is not None else ""
        measure_ids.add(mid)
        given = scores.get(mid, {})
        if not isinstance(given, dict):
            out.add("scores", row.number, None, "io.json_expected_object")
            given = {}
        for cid, value in given.items():
            cid = str(cid)
            check_cell(out, "scores", row.number, cid, cid)
            if cid not in score_columns:
                score_columns.append(cid)
            row.cells[cid] = value
    for mid in scores:
        check_cell(out, "scores", None, str(mid), str(mid))
        if str(mid).strip() not in measure_ids:
            out.add("scores", None, str(mid), "io.json_unknown_measure", id=str(mid))
    measures.columns = [c for c in measures.columns if c not in score_columns]
    measures.columns += score_columns
    measures.score_sheet = "scores"
    return measures


def _flatten_criterion_weights(prof_items: list[tuple[int, dict]], out: Collector) -> None:
    """`criterion_weights: {id: w}` becomes `w:<id>` fields, as the workbook columns."""
    for number, item in prof_items:
        weights = item.pop("criterion_weights", None)
        if weights is None:
            continue
        if not isinstance(weights, dict):
            out.add("profiles", number, "criterion_weights", "io.json_expected_object")
            continue
        for cid, w in weights.items():
            item[f"{WEIGHT_PREFIX}{cid}"] = w
