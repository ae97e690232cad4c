"""Shared by the sheet validators: reading one cell as asked, or reporting why not.

Every function adds its problems to the file's Collector and returns None for a value it
could not read, so a validator can go on and report all problems of a file at once.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Sequence
from typing import Any

from impact.io.aliases import choice, column_names_text, resolve_column
from impact.io.cells import AMBIGUOUS, EMPTY, Bad, as_number, as_text, value_param
from impact.io.issues import Collector
from impact.io.schema import MAX_WEIGHT
from impact.io.tables import Row, Table


def check_columns(
    out: Collector, table: Table, allowed: Sequence[str], required: Sequence[str],
    extra_ok: Callable[[str], bool] | None = None, keep: Collection[str] = (),
) -> dict[str, str]:
    """Map canonical column name -> column as written; report missing, unknown and
    ambiguous ones. A workbook or CSV file may use the Dutch names of
    :mod:`impact.io.aliases` (`keep`: names that stay as written, the criterion ids)."""
    found: dict[str, str] = {}
    for col in table.columns:
        canon = column_of(table, col, keep)
        if canon is not None and canon in allowed:
            if canon in found:
                out.add(table.name, table.header_row or None, col, "io.ambiguous_column",
                        other=found[canon], field=canon)
            else:
                found[canon] = col
        elif extra_ok is None or not extra_ok(col):
            out.add(table.name, table.header_row or None, col, "io.unknown_column",
                    allowed=column_names_text(table.sheet, allowed))
    for col in required:
        if col not in found:
            out.add(table.name, table.header_row or None, col, "io.missing_column")
    return found


def column_of(table: Table, column: str, keep: Collection[str] = ()) -> str | None:
    """Our name of a column of `table`; JSON fields go by our names only."""
    if table.kind == "json":
        return column.strip().lower()
    return resolve_column(table.sheet, column, keep)


def read_text(out: Collector, table: Table, row: Row, column: str | None) -> str | None:
    """The cell as text ('' for an absent column or an empty cell)."""
    if column is None:
        return ""
    value = as_text(row.cells.get(column))
    if isinstance(value, Bad):
        out.add(table.name, row.number, column, "io.json_expected_text")
        return None
    return value


def read_ident(out: Collector, table: Table, row: Row, column: str | None) -> str | None:
    """The cell as an id: text without surrounding spaces."""
    value = read_text(out, table, row, column)
    return value.strip() if value is not None else None


def read_number(
    out: Collector, sheet: str, row: Row, column: str, *, empty_key: str = "io.empty_number",
    **params: Any,
) -> float | None:
    """The cell as a finite number; an empty cell is reported as `empty_key` (if any)."""
    raw = row.cells.get(column)
    value = as_number(raw)
    if value is EMPTY:
        if empty_key:
            out.add(sheet, row.number, column, empty_key, **params)
        return None
    if value is AMBIGUOUS:
        out.add(sheet, row.number, column, "io.ambiguous_number", value=value_param(raw))
        return None
    if isinstance(value, Bad):
        out.add(sheet, row.number, column, "io.not_a_number", value=value_param(raw))
        return None
    return value  # type: ignore[return-value]


def read_optional_number(out: Collector, table: Table, row: Row, column: str | None, *,
                         minimum: float | None = None) -> tuple[float | None, bool]:
    """An optional number (None when the column or the cell is empty) and whether the
    cell was readable; below `minimum` is an error."""
    if column is None or as_number(row.cells.get(column)) is EMPTY:
        return None, True
    value = read_number(out, table.name, row, column, empty_key="")
    if value is None:
        return None, False
    if minimum is not None and value < minimum:
        out.add(table.name, row.number, column, "io.below_minimum", value=value,
                minimum=f"{minimum:g}")
        return None, False
    return value, True


def read_weight(
    out: Collector, table: Table, row: Row, column: str, *, empty_key: str = "io.empty_number"
) -> float | None:
    """The cell as a weight: a number that is not negative."""
    value = read_number(out, table.name, row, column, empty_key=empty_key)
    if value is not None and value < 0:
        out.add(table.name, row.number, column, "io.negative_weight", value=value)
        return None
    if value is not None and value > MAX_WEIGHT:
        out.add(table.name, row.number, column, "io.weight_too_large", value=value,
                limit=MAX_WEIGHT)
        return None
    return value


def read_choice(
    out: Collector, table: Table, row: Row, column: str | None, aliases: dict[str, Any],
    key: str, *, optional: bool = False,
) -> Any:
    """The value that `aliases` gives the cell's text (see :func:`impact.io.aliases.choice`);
    `key` reports no match."""
    if column is None:
        return None
    raw = read_ident(out, table, row, column)
    if raw is None:
        return None
    if raw == "":
        if not optional:
            out.add(table.name, row.number, column, "io.empty_value")
        return None
    value = choice(raw, aliases)
    if value is None:
        out.add(table.name, row.number, column, key, value=raw)
    return value


def require_sheet(tables: dict[str, Table], out: Collector, name: str) -> Table | None:
    """A required sheet, reporting it missing (unless a reader did) or rowless."""
    table = tables.get(name)
    if table is None:
        if name not in out.absent:
            out.add(name, None, None, "io.missing_sheet")
        return None
    if not table.rows:
        out.add(name, None, None, "io.no_rows")
    return table


def check_id(
    out: Collector, table: Table, row: Row, column: str, value: str | None,
    seen: dict[str, int],
) -> bool:
    """True for a new, non-empty id (then recorded in `seen` with its row)."""
    if value is None:
        return False
    if value == "":
        out.add(table.name, row.number, column, "io.missing_id")
        return False
    if value in seen:
        out.add(table.name, row.number, column, "io.duplicate_id", id=value,
                first_row=seen[value])
        return False
    seen[value] = row.number
    return True
