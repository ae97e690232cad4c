"""Raw sheets: what every reader produces and every sheet validator consumes."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from impact.io.cells import column_letter, is_empty, unneutralise
from impact.io.issues import Collector
from impact.io.schema import FIXED_COLUMNS


@dataclass
class Row:
    number: int
    cells: dict[str, Any]


@dataclass
class Table:
    name: str
    columns: list[str]
    rows: list[Row]
    header_row: int = 1
    kind: str = "table"
    score_sheet: str | None = None  # JSON: score cells are reported under "scores"


def table_from_records(
    name: str, records: Iterable[tuple[int, Sequence[Any]]], out: Collector
) -> Table | None:
    """Header = the first non-empty record; later non-empty records are data rows."""
    header: list[str] | None = None
    header_row = 1
    keep: list[int] = []
    rows: list[Row] = []
    flagged: set[int] = set()
    for number, values in records:
        if all(is_empty(v) for v in values):
            continue
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
    return Table(name, [header[i] for i in keep], rows, header_row)


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
