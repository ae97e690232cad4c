"""The `measures` sheet: one measure per row, then one score column per criterion."""

from __future__ import annotations

from dataclasses import dataclass, field

from impact.io.cells import EMPTY, as_number
from impact.io.issues import Collector
from impact.io.schema import MEASURE_COLUMNS, MEASURE_REQUIRED
from impact.io.tables import Row, Table
from impact.io.validate.common import (
    check_columns,
    check_id,
    column_of,
    read_ident,
    read_number,
    read_optional_number,
    read_text,
    require_sheet,
)
from impact.io.validate.criteria import CriteriaSheet
from impact.model import Measure


@dataclass
class MeasuresSheet:
    measures: list[Measure] = field(default_factory=list)  # rows without any problem
    ids: dict[str, int] = field(default_factory=dict)  # every id -> its first row
    # (measure id, criterion id) of empty score cells (accepted with allow_missing_scores)
    empty_cells: set[tuple[str, str]] = field(default_factory=set)
    scores: dict[tuple[str, str], float] = field(default_factory=dict)


def validate_measures(
    tables: dict[str, Table], out: Collector, criteria: CriteriaSheet, allow_missing: bool
) -> MeasuresSheet:
    result = MeasuresSheet()
    table = require_sheet(tables, out, "measures")
    if table is None:
        return result
    # a column named exactly as a criterion holds its scores, whatever alias it matches
    ids = criteria.ids_seen
    cols = check_columns(out, table, MEASURE_COLUMNS, MEASURE_REQUIRED, extra_ok=lambda c: True,
                         keep=ids)
    score_cols = [c for c in table.columns if column_of(table, c, ids) not in MEASURE_COLUMNS]
    if "criteria" in tables:
        _check_score_columns(out, table, score_cols, criteria, tables["criteria"].name)
    known_scores = [c for c in score_cols if c in criteria.by_id]
    for row in table.rows:
        _read_measure(out, table, row, cols, known_scores, criteria, allow_missing, result)
    return result


def _check_score_columns(
    out: Collector, table: Table, score_cols: list[str], criteria: CriteriaSheet,
    criteria_sheet: str,
) -> None:
    """Every score column is a criterion and (in a workbook) every criterion has one."""
    for col in score_cols:
        if col not in criteria.ids_seen:
            out.add(table.score_sheet or table.name, table.header_row or None, col,
                    "io.unknown_score_column", id=col, in_sheet=criteria_sheet)
    if table.kind != "json":  # JSON lists scores per measure; a missing one is an empty cell
        present = set(score_cols)
        for crit in criteria.valid:
            if crit.id not in present:
                out.add(table.name, table.header_row, crit.id, "io.criterion_without_column",
                        id=crit.id, criteria_row=crit.row, in_sheet=criteria_sheet)


def _read_measure(
    out: Collector, table: Table, row: Row, cols: dict[str, str], known_scores: list[str],
    criteria: CriteriaSheet, allow_missing: bool, result: MeasuresSheet,
) -> None:
    ok = True
    mid = read_ident(out, table, row, cols.get("measure_id")) if "measure_id" in cols else None
    if "measure_id" in cols:
        ok &= check_id(out, table, row, cols["measure_id"], mid, result.ids)
    label_nl = read_text(out, table, row, cols.get("label_nl"))
    if "label_nl" in cols and label_nl is not None and not label_nl.strip():
        out.add(table.name, row.number, cols["label_nl"], "io.empty_label")
        ok = False
    label_en = read_text(out, table, row, cols.get("label_en"))
    description = read_text(out, table, row, cols.get("description"))
    description_en = read_text(out, table, row, cols.get("description_en"))
    cost, cost_ok = read_optional_number(out, table, row, cols.get("cost"), minimum=0)
    cost_unit = read_text(out, table, row, cols.get("cost_unit"))
    group = read_text(out, table, row, cols.get("exclusive_group"))
    ok &= cost_ok
    sheet_scores = table.score_sheet or table.name
    values: dict[str, float] = {}
    for cid in known_scores:
        lo, hi = criteria.by_id[cid].scale  # type: ignore[misc]
        value = read_number(
            out, sheet_scores, row, cid,
            empty_key="" if allow_missing else "io.empty_score", lo=lo, hi=hi,
        )
        if value is None:
            if mid and as_number(row.cells.get(cid)) is EMPTY:
                result.empty_cells.add((mid, cid))
            continue
        if not lo <= value <= hi:
            out.add(sheet_scores, row.number, cid, "io.score_out_of_scale",
                    value=value, lo=lo, hi=hi)
            continue
        values[cid] = value
    if ok and None not in (label_nl, label_en, description, description_en, cost_unit, group):
        result.measures.append(Measure(mid, label_nl, label_en, description, description_en,
                                       cost, cost_unit or "€", group or None))
        for cid, value in values.items():
            result.scores[(mid, cid)] = value
