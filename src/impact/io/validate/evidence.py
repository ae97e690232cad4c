"""The optional `evidence` sheet: a source and a confidence per (measure, criterion) score."""

from __future__ import annotations

from impact.io.aliases import CONFIDENCE_ALIASES
from impact.io.cells import is_empty
from impact.io.issues import Collector
from impact.io.schema import EVIDENCE_COLUMNS, EVIDENCE_REQUIRED
from impact.io.tables import Row, Table
from impact.io.validate.common import check_columns, read_choice, read_ident, read_text
from impact.io.validate.criteria import CriteriaSheet
from impact.io.validate.measures import MeasuresSheet
from impact.model import Confidence

Evidence = dict[tuple[str, str], tuple[str | None, Confidence | None]]


def validate_evidence(
    tables: dict[str, Table], out: Collector, criteria: CriteriaSheet, measures: MeasuresSheet
) -> Evidence:
    """(measure id, criterion id) -> (source or None, confidence or None)."""
    evidence: Evidence = {}
    table = tables.get("evidence")
    if table is None:
        return evidence
    cols = check_columns(out, table, EVIDENCE_COLUMNS, EVIDENCE_REQUIRED)
    seen: dict[tuple[str, str], int] = {}
    for row in table.rows:
        found = _read_evidence_row(out, tables, table, row, cols, criteria, measures)
        if found is None:
            continue
        mid, cid, source, confidence = found
        if (mid, cid) in seen:
            out.add(table.name, row.number, cols["measure_id"], "io.duplicate_evidence",
                    measure=mid, criterion=cid, first_row=seen[(mid, cid)])
            continue
        seen[(mid, cid)] = row.number
        if (mid, cid) in measures.empty_cells:
            # only possible with allow_missing_scores: evidence for an empty score cell
            out.add(table.name, row.number, cols["criterion_id"],
                    "io.evidence_without_score", measure=mid, criterion=cid)
            continue
        evidence[(mid, cid)] = (source or None, confidence)
    return evidence


def _read_evidence_row(
    out: Collector, tables: dict[str, Table], table: Table, row: Row, cols: dict[str, str],
    criteria: CriteriaSheet, measures: MeasuresSheet,
) -> tuple[str, str, str, Confidence | None] | None:
    """Measure id, criterion id, source and confidence; None when a cell has a problem."""
    ok = True
    mid = read_ident(out, table, row, cols.get("measure_id")) if "measure_id" in cols else None
    cid = (read_ident(out, table, row, cols.get("criterion_id"))
           if "criterion_id" in cols else None)
    for col, value, known, key, sheet in (
        ("measure_id", mid, measures.ids, "io.unknown_measure", "measures"),
        ("criterion_id", cid, criteria.ids_seen, "io.unknown_criterion", "criteria"),
    ):
        if value is None:
            ok = False
        elif value == "":
            out.add(table.name, row.number, cols[col], "io.missing_id")
            ok = False
        elif value not in known:
            if sheet in tables:  # a missing sheet is reported once, not per row
                out.add(table.name, row.number, cols[col], key, id=value,
                        in_sheet=tables[sheet].name)
            ok = False
    source = read_text(out, table, row, cols.get("source"))
    confidence = read_choice(out, table, row, cols.get("confidence"), CONFIDENCE_ALIASES,
                             "io.bad_confidence", optional=True)
    if cols.get("confidence") and confidence is None and not is_empty(
        row.cells.get(cols["confidence"])
    ):
        ok = False
    if source is None:
        ok = False
    if not ok:
        return None
    return mid, cid, source, confidence  # type: ignore[return-value]
