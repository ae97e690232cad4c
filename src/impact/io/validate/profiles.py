"""The optional `profiles` sheet: pillar weights per profile, plus `w:<criterion>` columns."""

from __future__ import annotations

from impact.io.cells import EMPTY, as_number
from impact.io.issues import Collector
from impact.io.schema import PROFILE_COLUMNS, WEIGHT_PREFIX
from impact.io.tables import Row, Table
from impact.io.validate.common import check_columns, read_ident, read_weight
from impact.io.validate.criteria import CriteriaSheet
from impact.model import PILLARS, Pillar, WeightProfile


def _is_weight_column(col: str) -> bool:
    return col.strip().lower().startswith(WEIGHT_PREFIX)


def validate_profiles(
    tables: dict[str, Table], out: Collector, criteria: CriteriaSheet
) -> list[WeightProfile]:
    table = tables.get("profiles")
    if table is None:
        return []
    cols = check_columns(out, table, PROFILE_COLUMNS, PROFILE_COLUMNS,
                         extra_ok=_is_weight_column)
    weight_cols = _weight_columns(out, table, criteria if "criteria" in tables else None)
    seen: dict[str, int] = {}
    profiles = []
    for row in table.rows:
        profile = _read_profile(out, table, row, cols, weight_cols, seen, criteria)
        if profile is not None:
            profiles.append(profile)
    return profiles


def _weight_columns(
    out: Collector, table: Table, criteria: CriteriaSheet | None
) -> dict[str, str]:
    """Column as written -> criterion id of the `w:<id>` columns (`criteria` None: no sheet,
    so no id can be checked)."""
    weight_cols: dict[str, str] = {}
    for col in table.columns:
        if _is_weight_column(col):
            cid = col.strip()[len(WEIGHT_PREFIX):].strip()
            if criteria is not None and cid not in criteria.ids_seen:
                out.add(table.name, table.header_row or None, col,
                        "io.unknown_weight_column", id=cid)
            elif cid in weight_cols.values():
                out.add(table.name, table.header_row or None, col, "io.duplicate_column")
            else:
                weight_cols[col] = cid
    return weight_cols


def _read_profile(
    out: Collector, table: Table, row: Row, cols: dict[str, str], weight_cols: dict[str, str],
    seen: dict[str, int], criteria: CriteriaSheet,
) -> WeightProfile | None:
    name, ok = _read_name(out, table, row, cols, seen)
    pillar_weights, pillars_ok = _read_pillar_weights(out, table, row, cols)
    overrides, overrides_ok = _read_overrides(out, table, row, weight_cols)
    ok = ok and pillars_ok and overrides_ok
    if ok and len(pillar_weights) == len(PILLARS):
        ok = _check_weight_within_pillars(out, table, row, pillar_weights, overrides,
                                          weight_cols, criteria)
    if ok and name:
        return WeightProfile(name, pillar_weights, overrides)
    return None


def _read_name(
    out: Collector, table: Table, row: Row, cols: dict[str, str], seen: dict[str, int]
) -> tuple[str | None, bool]:
    if "profile" not in cols:
        return None, True
    name = read_ident(out, table, row, cols["profile"])
    if name is None:
        return None, True
    if name == "":
        out.add(table.name, row.number, cols["profile"], "io.missing_profile_name")
        return name, False
    if name in seen:
        out.add(table.name, row.number, cols["profile"], "io.duplicate_profile",
                name=name, first_row=seen[name])
        return name, False
    seen[name] = row.number
    return name, True


def _read_pillar_weights(
    out: Collector, table: Table, row: Row, cols: dict[str, str]
) -> tuple[dict[Pillar, float], bool]:
    """The pillar weights, and whether all three are there and not all zero."""
    read = {  # a missing column was reported with the header
        pillar: read_weight(out, table, row, cols[str(pillar)]) if str(pillar) in cols else None
        for pillar in PILLARS
    }
    pillar_weights = {pillar: value for pillar, value in read.items() if value is not None}
    if len(pillar_weights) < len(PILLARS):
        return pillar_weights, False
    if sum(pillar_weights.values()) == 0:
        out.add(table.name, row.number, ", ".join(cols[str(p)] for p in PILLARS),
                "io.zero_profile_weights")
        return pillar_weights, False
    return pillar_weights, True


def _read_overrides(
    out: Collector, table: Table, row: Row, weight_cols: dict[str, str]
) -> tuple[dict[str, float], bool]:
    """The profile's own criterion weights; an empty cell keeps the criterion's weight."""
    ok = True
    overrides: dict[str, float] = {}
    for col, cid in weight_cols.items():
        value = read_weight(out, table, row, col, empty_key="")
        if value is not None:
            overrides[cid] = value
        elif as_number(row.cells.get(col)) is not EMPTY:
            ok = False
    return overrides, ok


def _check_weight_within_pillars(
    out: Collector, table: Table, row: Row, pillar_weights: dict[Pillar, float],
    overrides: dict[str, float], weight_cols: dict[str, str], criteria: CriteriaSheet,
) -> bool:
    """A weighted pillar needs a criterion with weight, or it cannot share its weight."""
    ok = True
    for pillar in PILLARS:
        crits = [c for c in criteria.valid if c.pillar == pillar]
        if pillar_weights[pillar] > 0 and crits and all(
            overrides.get(c.id, c.weight) == 0 for c in crits
        ):
            col = next(
                (k for k, v in weight_cols.items() if v in {c.id for c in crits}),
                str(pillar),
            )
            out.add(table.name, row.number, col, "io.profile_zero_within", pillar=str(pillar))
            ok = False
    return ok
