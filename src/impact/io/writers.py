"""Writers: an Assessment → workbook (.xlsx), CSV files (a folder or a .zip) or JSON.

What they write reads back identically (see the round-trip tests); text cells that a
spreadsheet would run as a formula are neutralised (:mod:`impact.io.cells`).
"""

from __future__ import annotations

import csv
import io
import json
import zipfile
from pathlib import Path
from typing import Any

from impact.io.cells import (
    FORMULA_STARTS,
    column_letter,
    fmt_number,
    looks_like_formula,
    neutralise_cell,
)
from impact.io.schema import (
    ASSESSMENT_COLUMNS,
    CRITERIA_COLUMNS,
    EVIDENCE_COLUMNS,
    JSON_FORMAT,
    JSON_VERSION,
    MEASURE_COLUMNS,
    PROFILE_COLUMNS,
    WEIGHT_PREFIX,
)
from impact.model import PILLARS, Assessment, Criterion

Sheet = tuple[str, list[str], list[list[Any]]]  # name, header, rows


# Optional columns a file gets only when some row uses them (older readers, and people,
# then see the familiar layout).
_OPTIONAL = frozenset({"unit_en", "description_en", "knockout", "cost", "cost_unit",
                       "exclusive_group", "pref_function", "q", "p", "s", "spotis_expected"})


def _without_unused(header: list[str], rows: list[list[Any]]) -> tuple[list[str], list]:
    keep = [i for i, name in enumerate(header)
            if name not in _OPTIONAL or any(r[i] is not None for r in rows)]
    return [header[i] for i in keep], [[r[i] for i in keep] for r in rows]


def _method_settings(c: Criterion) -> dict[str, Any]:
    """The criteria sheet's method columns of one criterion (None: not set)."""
    return {"pref_function": c.pref_function, "q": c.pref_q, "p": c.pref_p, "s": c.pref_s,
            "spotis_expected": c.spotis_expected}


def _export_tables(a: Assessment) -> list[Sheet]:
    criterion_ids = [c.id for c in a.criteria]
    override_ids = [
        cid for cid in criterion_ids if any(cid in p.criterion_weights for p in a.profiles)
    ]
    evidence_rows = []
    for m in a.measures:
        for c in a.criteria:
            s = a.scores.get((m.id, c.id))
            if s is not None and (s.source or s.confidence):
                evidence_rows.append(
                    [m.id, c.id, s.source or None, str(s.confidence) if s.confidence else None]
                )
    return [
        ("assessment", list(ASSESSMENT_COLUMNS),
         [["name", a.name], ["description", a.description or None]]),
        ("criteria", *_without_unused(list(CRITERIA_COLUMNS), [
            [c.id, str(c.pillar), c.label_nl, c.label_en or None, c.unit or None,
             str(c.direction), float(c.scale_min), float(c.scale_max),
             c.description or None, float(c.weight), c.unit_en or None,
             c.description_en or None, c.knockout, *_method_settings(c).values()]
            for c in a.criteria
        ])),
        ("measures", *_without_unused([*MEASURE_COLUMNS, *criterion_ids], [
            [m.id, m.label_nl, m.label_en or None, m.description or None,
             m.description_en or None, m.cost,
             m.cost_unit if m.cost is not None else None, m.exclusive_group] + [
                float(a.scores[(m.id, cid)].value) if (m.id, cid) in a.scores else None
                for cid in criterion_ids
            ]
            for m in a.measures
        ])),
        ("profiles", [*PROFILE_COLUMNS, *(f"{WEIGHT_PREFIX}{cid}" for cid in override_ids)], [
            [p.name, *(float(p.pillar_weights.get(x, 0.0)) for x in PILLARS)] + [
                float(p.criterion_weights[cid]) if cid in p.criterion_weights else None
                for cid in override_ids
            ]
            for p in a.profiles
        ]),
        ("evidence", list(EVIDENCE_COLUMNS), evidence_rows),
    ]


# --- CSV --------------------------------------------------------------------------------

def _csv_bytes(header: list[str], rows: list[list[Any]]) -> bytes:
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\r\n")
    for record in [header, *rows]:
        writer.writerow([
            "" if v is None else fmt_number(v) if isinstance(v, float) else neutralise_cell(v)
            for v in record
        ])
    return buffer.getvalue().encode("utf-8-sig")


def _write_csv_folder(a: Assessment, folder: Path) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for name, header, rows in _export_tables(a):
        (folder / f"{name}.csv").write_bytes(_csv_bytes(header, rows))


def assessment_to_csv_zip_bytes(a: Assessment) -> bytes:
    """The CSV folder format as a .zip (one CSV file per sheet)."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, header, rows in _export_tables(a):
            archive.writestr(f"{name}.csv", _csv_bytes(header, rows))
    return buffer.getvalue()


# --- workbook ---------------------------------------------------------------------------

def assessment_to_xlsx_bytes(a: Assessment) -> bytes:
    """The workbook format as .xlsx bytes; formula-like text is written as plain text."""
    from openpyxl import Workbook
    from openpyxl.styles import Font

    workbook = Workbook()
    workbook.remove(workbook.active)
    bold = Font(bold=True)
    for name, header, rows in _export_tables(a):
        ws = workbook.create_sheet(name)
        for r, record in enumerate([header, *rows], start=1):
            for c, value in enumerate(record, start=1):
                if value is None:
                    continue
                cell = ws.cell(row=r, column=c)
                _set_cell(cell, value)
                if r == 1:
                    cell.font = bold
        ws.freeze_panes = "A2"
        for c, title in enumerate(header, start=1):
            width = max([len(str(title))] + [
                len(str(row[c - 1])) for row in rows[:50] if row[c - 1] is not None
            ])
            ws.column_dimensions[column_letter(c - 1)].width = min(max(width + 2, 8), 60)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _set_cell(cell: Any, value: Any) -> None:
    """Write `value` so that reading the workbook back gives exactly `value`."""
    if isinstance(value, str):
        # Text starting like a formula stays text: an explicit, quote-prefixed string
        # cell (what Excel itself stores for '=...). Text that starts with apostrophes
        # before such a character gets one more (see neutralise_cell).
        text = value if value[:1] in FORMULA_STARTS else neutralise_cell(value)
        cell.value = text
        if looks_like_formula(text):
            cell.data_type = "s"
            cell.quotePrefix = True
        return
    cell.value = value
    if isinstance(value, float) and float(f"{value:.16g}") != value:
        # openpyxl writes numbers with 16 significant digits, which loses the last bit of
        # e.g. 0.1 + 0.2; write the exact shortest repr (still a numeric cell) so that
        # export -> import is exact.
        cell._value = repr(value)


# --- JSON -------------------------------------------------------------------------------

def _json_number(x: float) -> int | float:
    x = float(x)
    return int(x) if x.is_integer() and abs(x) < 1e16 else x


def assessment_to_json(a: Assessment) -> str:
    """The JSON format (see :mod:`impact.io`)."""
    data = {
        "format": JSON_FORMAT,
        "version": JSON_VERSION,
        "name": a.name,
        "description": a.description,
        "criteria": [
            {"id": c.id, "pillar": str(c.pillar), "label_nl": c.label_nl,
             "label_en": c.label_en, "unit": c.unit, "direction": str(c.direction),
             "scale_min": _json_number(c.scale_min), "scale_max": _json_number(c.scale_max),
             "description": c.description, "weight": _json_number(c.weight),
             "unit_en": c.unit_en, "description_en": c.description_en,
             **({"knockout": c.knockout} if c.knockout is not None else {}),
             **{k: v for k, v in _method_settings(c).items() if v is not None}}
            for c in a.criteria
        ],
        "measures": [
            {"id": m.id, "label_nl": m.label_nl, "label_en": m.label_en,
             "description": m.description, "description_en": m.description_en,
             **({"cost": m.cost, "cost_unit": m.cost_unit} if m.cost is not None else {}),
             **({"exclusive_group": m.exclusive_group} if m.exclusive_group else {})}
            for m in a.measures
        ],
        "scores": {
            m.id: {
                c.id: _json_number(a.scores[(m.id, c.id)].value)
                for c in a.criteria if (m.id, c.id) in a.scores
            }
            for m in a.measures
        },
        "profiles": [
            {"name": p.name,
             **{str(x): _json_number(p.pillar_weights.get(x, 0.0)) for x in PILLARS},
             "criterion_weights": {
                 cid: _json_number(w) for cid, w in p.criterion_weights.items()
             }}
            for p in a.profiles
        ],
        "evidence": [
            {"measure_id": m.id, "criterion_id": c.id, "source": s.source or "",
             "confidence": str(s.confidence) if s.confidence else ""}
            for m in a.measures for c in a.criteria
            if (s := a.scores.get((m.id, c.id))) is not None and (s.source or s.confidence)
        ],
    }
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


# --- by file name -----------------------------------------------------------------------

def write_assessment(a: Assessment, path: str | Path) -> Path:
    """Write by suffix: .xlsx/.xlsm workbook, .json, .zip of CSVs; otherwise a CSV folder."""
    path = Path(path).expanduser()
    suffix = path.suffix.lower()
    if path.is_dir() or not suffix:
        _write_csv_folder(a, path)
        return path
    path.parent.mkdir(parents=True, exist_ok=True)
    if suffix in (".xlsx", ".xlsm"):
        path.write_bytes(assessment_to_xlsx_bytes(a))
    elif suffix == ".json":
        path.write_text(assessment_to_json(a), encoding="utf-8")
    elif suffix == ".zip":
        path.write_bytes(assessment_to_csv_zip_bytes(a))
    else:
        raise ValueError(f"unsupported assessment file type {suffix!r}; use .xlsx, .json, "
                         ".zip or a folder")
    return path
