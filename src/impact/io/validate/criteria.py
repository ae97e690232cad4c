"""The `criteria` sheet: one criterion per row, with its pillar, direction, scale, weight."""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Any

from impact.io.aliases import DIRECTION_ALIASES, PILLAR_ALIASES
from impact.io.cells import EMPTY, as_number
from impact.io.issues import Collector
from impact.io.schema import CRITERIA_COLUMNS, CRITERIA_REQUIRED, RESERVED_MEASURE_COLUMNS
from impact.io.tables import Row, Table
from impact.io.validate.common import (
    check_columns,
    check_id,
    read_choice,
    read_ident,
    read_number,
    read_optional_number,
    read_text,
    read_weight,
    require_sheet,
)
from impact.model import PILLARS, Pillar

# a criterion id is a column of the measures sheet, so it must not be one of its own columns
_RESERVED_IDS = frozenset(c.lower() for c in RESERVED_MEASURE_COLUMNS)


@dataclass
class CriterionRow:
    row: int
    id: str
    pillar: Pillar | None
    scale: tuple[float, float] | None
    weight: float | None
    fields: dict[str, Any]


@dataclass
class CriteriaSheet:
    """What the later sheets need to know about the criteria."""

    valid: list[CriterionRow] = field(default_factory=list)  # rows without any problem
    ids_seen: set[str] = field(default_factory=set)  # every id in the sheet, valid row or not
    # valid rows, and invalid ones with a usable scale (to check scores against it)
    by_id: dict[str, CriterionRow] = field(default_factory=dict)


def validate_criteria(tables: dict[str, Table], out: Collector) -> CriteriaSheet:
    result = CriteriaSheet()
    table = require_sheet(tables, out, "criteria")
    if table is None:
        return result
    cols = check_columns(out, table, CRITERIA_COLUMNS, CRITERIA_REQUIRED)
    seen: dict[str, int] = {}
    weight_col = cols.get("weight")
    if weight_col and all(as_number(r.cells.get(weight_col)) is EMPTY for r in table.rows):
        weight_col = None  # an empty weight column means: equal weights
    for row in table.rows:
        _read_criterion(out, table, row, cols, weight_col, seen, result)
    if weight_col:
        _check_pillars_have_weight(out, table, weight_col, result.valid)
    return result


def _read_criterion(
    out: Collector, table: Table, row: Row, cols: dict[str, str], weight_col: str | None,
    seen: dict[str, int], result: CriteriaSheet,
) -> None:
    ok = True
    cid = read_ident(out, table, row, cols.get("id")) if "id" in cols else None
    if cid:
        result.ids_seen.add(cid)
    if "id" in cols:
        ok &= check_id(out, table, row, cols["id"], cid, seen)
        if ok and cid.lower() in _RESERVED_IDS:
            out.add(table.name, row.number, cols["id"], "io.reserved_id", id=cid)
            ok = False
    pillar = read_choice(out, table, row, cols.get("pillar"), PILLAR_ALIASES,
                         "io.unknown_pillar")
    direction = read_choice(out, table, row, cols.get("direction"), DIRECTION_ALIASES,
                            "io.unknown_direction")
    label_nl = read_text(out, table, row, cols.get("label_nl"))
    if "label_nl" in cols and label_nl is not None and not label_nl.strip():
        out.add(table.name, row.number, cols["label_nl"], "io.empty_label")
        ok = False
    fields = {
        name: read_text(out, table, row, cols.get(name))
        for name in ("label_en", "unit", "description", "unit_en", "description_en")
    }
    scale = _read_scale(out, table, row, cols)
    weight = _read_weight(out, table, row, weight_col)
    ok &= all(v is not None for v in (pillar, direction, label_nl, scale, weight))
    ok &= all(v is not None for v in fields.values())
    fields["knockout"], knockout_ok = read_optional_number(out, table, row, cols.get("knockout"))
    ok &= knockout_ok
    entry = CriterionRow(row.number, cid or "", pillar, scale, weight, {
        "direction": direction, "label_nl": label_nl, **fields,
    })
    if ok:
        result.valid.append(entry)
        result.by_id[entry.id] = entry
    elif cid and cid not in result.by_id and entry.scale is not None:
        result.by_id.setdefault(cid, entry)  # not built: only to check scores against


def _read_scale(
    out: Collector, table: Table, row: Row, cols: dict[str, str]
) -> tuple[float, float] | None:
    lo = read_number(out, table.name, row, cols["scale_min"]) if "scale_min" in cols else None
    hi = read_number(out, table.name, row, cols["scale_max"]) if "scale_max" in cols else None
    if lo is None or hi is None:
        return None
    if lo >= hi:
        out.add(table.name, row.number, cols["scale_min"], "io.bad_scale", lo=lo, hi=hi)
        return None
    if not math.isfinite(hi - lo):
        out.add(table.name, row.number, cols["scale_max"], "io.scale_too_wide", lo=lo, hi=hi)
        return None
    return lo, hi


def _read_weight(out: Collector, table: Table, row: Row, weight_col: str | None) -> float | None:
    """The weight within the pillar; 1 without a weight column."""
    if not weight_col:
        return 1.0
    return read_weight(out, table, row, weight_col)


def _check_pillars_have_weight(
    out: Collector, table: Table, weight_col: str, valid: list[CriterionRow]
) -> None:
    for pillar in PILLARS:
        rows = [c for c in valid if c.pillar == pillar]
        if rows and all(c.weight == 0 for c in rows):
            out.add(table.name, rows[0].row, weight_col, "io.zero_weights_pillar",
                    pillar=str(pillar), rows=", ".join(str(c.row) for c in rows))
