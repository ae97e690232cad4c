"""Raw sheets: what every reader produces and every sheet validator consumes."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from impact.io.cells import column_letter, is_empty, unneutralise
from impact.io.issues import Collector
from impact.io.schema import (
    FIXED_COLUMNS,
    MAX_COLUMNS,
    MAX_ROW_NUMBER,
    MAX_ROWS,
    MAX_SHEET_ROWS,
    MAX_TEXT_CHARS,
)


@dataclass
class Row:
    number: int
    cells: dict[str, Any]


@dataclass
class Table:
    name: str  # as the file names it: issues are reported under this name
    columns: list[str]
    rows: list[Row]
    header_row: int = 1
    kind: str = "table"
    score_sheet: str | None = None  # JSON: score cells are reported under "scores"
    sheet: str = ""  # which of our sheets this is ("measures" for "Maatregelen")

    def __post_init__(self) -> None:
        self.sheet = self.sheet or self.name


def table_from_records(
    sheet: str, records: Iterable[tuple[int, Sequence[Any]]], out: Collector,
    shown: str | None = None,
) -> Table | None:
    """Header = the first non-empty record; later non-empty records are data rows.

    `sheet` is which of our sheets it is, `shown` its name in the file (for messages).
    Reading stops at the first record beyond a limit (rows, columns, row number), so a
    hostile file is refused after reading only what the limits allow."""
    header: list[str] | None = None
    header_row = 1
    keep: list[int] = []
    rows: list[Row] = []
    flagged: set[int] = set()
    name = shown or sheet
    for number, values in records:
        if all(is_empty(v) for v in values):
            if number > MAX_ROW_NUMBER:
                out.add(name, number, None, "io.row_too_far", limit=MAX_ROW_NUMBER)
                break
            continue
        if not _within_limits(sheet, name, number, values, len(rows) + (header is not None),
                              out):
            break
        for i, value in enumerate(values):
            if isinstance(value, str):
                named = header is not None and i < len(header) and header[i]
                check_cell(out, name, number, header[i] if named else column_letter(i), value)
        if header is None:
            header_row = number
            header = [_header_text(v) for v in values]
            keep = _kept_columns(name, header, header_row, out)
            continue
        cells: dict[str, Any] = {}
        for i, value in enumerate(values):
            if i in keep:
                cells[header[i]] = value
            elif not is_empty(value) and (i >= len(header) or not header[i]):
                if i not in flagged:
                    flagged.add(i)
                    out.add(name, number, column_letter(i), "io.unnamed_column")
        rows.append(Row(number, cells))
    if header is None:
        return None
    return Table(name, [header[i] for i in keep], rows, header_row, sheet=sheet)


# a reader stopped at one of these limits: the file is refused without validating the rest
LIMIT_KEYS = frozenset({"io.row_too_far", "io.too_many_rows", "io.too_many_columns"})


def max_rows(name: str) -> int:
    return MAX_SHEET_ROWS.get(name, MAX_ROWS)


def _within_limits(
    sheet: str, name: str, number: int, values: Sequence[Any], count: int, out: Collector
) -> bool:
    """False (and reported) for a record beyond a limit; `count` = records before it."""
    if number > MAX_ROW_NUMBER:
        out.add(name, number, None, "io.row_too_far", limit=MAX_ROW_NUMBER)
        return False
    if count > max_rows(sheet):
        out.add(name, number, None, "io.too_many_rows", limit=max_rows(sheet))
        return False
    last = max((i for i, v in enumerate(values) if not is_empty(v)), default=0)
    if last >= MAX_COLUMNS:
        out.add(name, number, column_letter(last), "io.too_many_columns", limit=MAX_COLUMNS)
        return False
    return True


def check_cell(out: Collector, sheet: str, row: int | None, column: str | None,
               value: Any) -> None:
    """Report text that is too long or is no valid Unicode (a lone surrogate)."""
    if not isinstance(value, str):
        return
    if len(value) > MAX_TEXT_CHARS:
        out.add(sheet, row, column, "io.text_too_long", limit=MAX_TEXT_CHARS,
                length=len(value))
    try:
        value.encode("utf-8")
    except UnicodeEncodeError as exc:
        out.add(sheet, row, column, "io.invalid_unicode", position=exc.start + 1)


def _kept_columns(name: str, header: list[str], header_row: int, out: Collector) -> list[int]:
    """Indexes of the named header cells, reporting a name that comes twice."""
    keep: list[int] = []
    seen: set[str] = set()
    for i, col in enumerate(header):
        if not col:
            continue
        # fixed column names match case-insensitively, criterion ids exactly
        canon = col.lower() if col.lower() in FIXED_COLUMNS else col
        if canon in seen:
            out.add(name, header_row, col, "io.duplicate_column")
            continue
        seen.add(canon)
        keep.append(i)
    return keep


def _header_text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return unneutralise(str(value)).strip()
