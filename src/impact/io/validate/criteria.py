"""The `criteria` sheet: one criterion per row, with its pillar, direction, scale, weight."""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Any

from impact.io.aliases import DIRECTION_ALIASES, PILLAR_ALIASES, PREFERENCE_ALIASES
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
from impact.preferences import USED_THRESHOLDS, threshold_issue

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
    settings, settings_ok = _read_method_settings(out, table, row, cols, scale)
    fields.update(settings)
    ok &= settings_ok
    entry = CriterionRow(row.number, cid or "", pillar, scale, weight, {
        "direction": direction, "label_nl": label_nl, **fields,
    })
    if ok:
        result.valid.append(entry)
        result.by_id[entry.id] = entry
    elif cid and cid not in result.by_id and entry.scale is not None:
        result.by_id.setdefault(cid, entry)  # not built: only to check scores against


def _read_method_settings(
    out: Collector, table: Table, row: Row, cols: dict[str, str],
    scale: tuple[float, float] | None,
) -> tuple[dict[str, Any], bool]:
    """PROMETHEE's preference function and thresholds, SPOTIS's expected point: all
    optional; the thresholds must fit the function (`promethee.threshold_issue`) and the
    expected point must lie on the scale."""
    function = read_choice(out, table, row, cols.get("pref_function"), PREFERENCE_ALIASES,
                           "io.unknown_pref_function", optional=True)
    ok = "pref_function" not in cols or function is not None or _empty(row, cols["pref_function"])
    numbers: dict[str, float | None] = {}
    for name in ("q", "p", "s", "spotis_expected"):
        numbers[name], read_ok = read_optional_number(out, table, row, cols.get(name))
        ok &= read_ok
    if ok:
        ok = _check_thresholds(out, table, row, cols, function, numbers)
    esp = numbers["spotis_expected"]
    if ok and esp is not None and scale is not None and not scale[0] <= esp <= scale[1]:
        out.add(table.name, row.number, cols["spotis_expected"], "io.esp_outside_scale",
                value=esp, lo=scale[0], hi=scale[1])
        ok = False
    return {"pref_function": function, "pref_q": numbers["q"], "pref_p": numbers["p"],
            "pref_s": numbers["s"], "spotis_expected": esp}, ok


def _empty(row: Row, column: str) -> bool:
    return as_number(row.cells.get(column)) is EMPTY


def _check_thresholds(out: Collector, table: Table, row: Row, cols: dict[str, str],
                      function: str | None, numbers: dict[str, float | None]) -> bool:
    given = [t for t in "qps" if numbers[t] is not None]
    if function is None:
        for t in given:
            out.add(table.name, row.number, cols[t], "io.pref.without_function", threshold=t)
        return not given
    for t in given:
        if t not in USED_THRESHOLDS[function]:
            out.add(table.name, row.number, cols[t], "io.pref.unused", threshold=t,
                    function=function)
            return False
    issue = threshold_issue(function, numbers["q"], numbers["p"], numbers["s"])
    if issue is None:
        return True
    threshold, reason = issue
    column = cols.get(threshold) or cols.get("p") or cols["pref_function"]
    out.add(table.name, row.number, column, f"io.pref.{reason}", function=function,
            q=numbers["q"] or 0.0, p=numbers["p"] or 0.0)
    return False


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
