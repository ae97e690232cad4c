"""Data as CSV and formatted Excel: the writers, and the ranking and score tables.

Text that starts like a formula (= + - @) is neutralised in every cell, header
included, so that a spreadsheet shows it as typed and never runs it; CSV follows the
UI language's spreadsheet conventions (`impact.export.csvfile`).
"""

from __future__ import annotations

import io
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any

import pandas as pd

from impact.export.csvfile import DIALECTS, dialect_for, frame_to_csv
from impact.export.figures import evaluate, export_weighting
from impact.export.fingerprints import fingerprint, weighting_payload
from impact.export.formatting import format_date, method_settings
from impact.i18n import t
from impact.model import PILLARS, Assessment
from impact.weighting import Weighting, whole_points

# --- writers: CSV and formatted Excel --------------------------------------------------------

@dataclass(frozen=True)
class Column:
    """How a column looks in Excel: number format and width (None = from the content)."""

    number_format: str | None = None
    width: float | None = None


def _is_formula_like(value: Any) -> bool:
    from impact.io import neutralise_cell

    return isinstance(value, str) and neutralise_cell(value) != value


def _missing(value: Any) -> bool:
    try:
        return value is None or bool(pd.isna(value))
    except (TypeError, ValueError):  # lists and other non-scalars
        return False


def frame_to_csv_bytes(frame: pd.DataFrame, lang: str = "nl", *,
                       dialect: str | None = None) -> bytes:
    """CSV for a spreadsheet in the UI language: Dutch Excel (`;`, 0,68) or English (`,`,
    0.68), UTF-8 with BOM; numbers rounded, every text cell safe (see `csvfile`).

    `dialect` names one of `csvfile.DIALECTS` instead (the CLI's rfc4180).
    """
    chosen = DIALECTS[dialect] if dialect else dialect_for(lang)
    return frame_to_csv(frame, chosen, lang=lang)


_HEADER_FILL = "1F3A5F"
_NUMBER_FORMATS = {"float": "0.00", "int": "0"}


def frames_to_xlsx_bytes(
    sheets: Mapping[str, pd.DataFrame],
    *,
    columns: Mapping[str, Mapping[str, Column]] | None = None,
) -> bytes:
    """An Excel workbook, one formatted sheet per frame.

    Bold white header on a dark fill, frozen header row, autofilter, column widths
    from the content, number formats per column (`columns[sheet][column]`, else
    0.00 for decimals and 0 for whole numbers). Text that starts like a formula is
    stored as a quote-prefixed text cell, as Excel itself does for '=...: it is
    shown as typed and never run.
    """
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter

    workbook = Workbook()
    workbook.remove(workbook.active)
    header_font = Font(bold=True, color="FFFFFF")
    header_fill = PatternFill("solid", fgColor=_HEADER_FILL)
    used: set[str] = set()
    for raw_name, frame in sheets.items():
        name = _sheet_name(raw_name, used)
        ws = workbook.create_sheet(name)
        spec = (columns or {}).get(raw_name, {})
        headers = [str(c) for c in frame.columns]
        for j, title in enumerate(headers, start=1):
            cell = ws.cell(row=1, column=j)
            _set_text(cell, title)
            cell.font = header_font
            cell.fill = header_fill
            cell.alignment = Alignment(vertical="center", wrap_text=True)
        for i, row in enumerate(frame.itertuples(index=False, name=None), start=2):
            for j, raw in enumerate(row, start=1):
                value = raw.item() if hasattr(raw, "item") else raw
                if _missing(value):
                    continue
                cell = ws.cell(row=i, column=j)
                if isinstance(value, str):
                    _set_text(cell, value)
                    continue
                cell.value = value
                fmt = spec.get(headers[j - 1], Column()).number_format
                if fmt is None and isinstance(value, float) and not isinstance(value, bool):
                    fmt = _NUMBER_FORMATS["float"]
                elif fmt is None and isinstance(value, int) and not isinstance(value, bool):
                    fmt = _NUMBER_FORMATS["int"]
                if fmt:
                    cell.number_format = fmt
        for j, title in enumerate(headers, start=1):
            width = spec.get(title, Column()).width
            if width is None:
                sample = [len(title)] + [
                    len(_display_text(v)) for v in frame.iloc[:200, j - 1].tolist()
                ]
                width = min(max(max(sample) + 2, 8), 60)
            ws.column_dimensions[get_column_letter(j)].width = width
        ws.freeze_panes = "A2"
        if len(headers):
            ws.auto_filter.ref = f"A1:{get_column_letter(len(headers))}{max(1, len(frame) + 1)}"
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _set_text(cell: Any, text: str) -> None:
    cell.value = text
    if _is_formula_like(text):
        cell.data_type = "s"  # never a formula
        cell.quotePrefix = True


def _display_text(value: Any) -> str:
    if _missing(value):
        return ""
    if isinstance(value, float):
        return f"{value:.2f}"
    return str(value)


def _sheet_name(name: str, used: set[str]) -> str:
    """Excel sheet names: at most 31 characters, none of []:*?/\\, unique."""
    clean = "".join("_" if ch in '[]:*?/\\' else ch for ch in str(name)).strip("'") or "data"
    clean = clean[:31]
    candidate, n = clean, 2
    while candidate.lower() in used:
        suffix = f" ({n})"
        candidate = clean[: 31 - len(suffix)] + suffix
        n += 1
    used.add(candidate.lower())
    return candidate


# --- data tables ------------------------------------------------------------------------------

def ranking_frame(evaluation: Any, lang: str = "nl") -> pd.DataFrame:
    """The ranking as a table with headers in `lang`, best first."""
    table = evaluation.ranked() if hasattr(evaluation, "ranked") else evaluation.table
    label_col = "label_en" if lang == "en" else "label_nl"
    frame = pd.DataFrame({
        t("word.rank", lang): table["rank"].astype(int).to_numpy(),
        t("export.col.measure_id", lang): [str(i) for i in table.index],
        t("word.measure", lang): table[label_col].astype(str).to_numpy(),
        t("word.score", lang): table["score"].astype(float).to_numpy(),
    })
    for p in PILLARS:
        frame[t(f"pillar.{p}", lang)] = table[str(p)].astype(float).to_numpy()
    frame[t("export.col.balance", lang)] = table["balance"].astype(float).to_numpy()
    if getattr(evaluation, "floors", None):
        frame[t("export.col.floor_violation", lang)] = [
            t("export.yes", lang) if v else t("export.no", lang) for v in table["floor_violation"]
        ]
    frame[t("export.col.pareto", lang)] = [
        t("export.yes", lang) if v else t("export.no", lang) for v in table["pareto"]
    ]
    return frame


def _ranking_columns(lang: str) -> dict[str, Column]:
    spec = {t("word.rank", lang): Column("0", 7), t("word.score", lang): Column("0.000")}
    for p in PILLARS:
        spec[t(f"pillar.{p}", lang)] = Column("0.00")
    spec[t("export.col.balance", lang)] = Column("0.00")
    return spec


def settings_frame(
    assessment: Assessment, evaluation: Any, *, profile: Any, fingerprint_hex: str,
    lang: str = "nl",
) -> pd.DataFrame:
    """Key/value rows: what a table was made from (for the Excel 'settings' sheet).

    Pillar weights as the whole points the app shows (`impact.weighting.whole_points`).
    """
    rows: list[tuple[str, Any]] = [
        (t("export.settings.assessment", lang), assessment.name),
        (t("export.settings.method", lang), t(f"engine.method.{evaluation.method}", lang)),
        (t("export.settings.profile", lang),
         getattr(profile, "name", profile) or t("export.settings.custom", lang)),
    ]
    if evaluation.weighting is not None:
        rows += [(t("export.settings.method_options", lang), line)
                 for line in method_settings(assessment, evaluation.weighting, lang)]
    points = whole_points(evaluation.pillar_weights)
    for p in PILLARS:
        rows.append((t("export.settings.pillar_weight", lang, pillar=t(f"pillar.{p}", lang)),
                     points[p]))
    for p, value in (evaluation.floors or {}).items():
        rows.append((t("export.settings.floor", lang, pillar=t(f"pillar.{p}", lang)),
                     float(value)))
    rows.append((t("export.settings.made", lang), format_date(datetime.now(), lang)))
    rows.append((t("export.report.fingerprint", lang), fingerprint_hex))
    return pd.DataFrame(rows, columns=[t("export.settings.key", lang),
                                       t("export.settings.value", lang)])


def ranking_csv(assessment: Assessment, *, weighting: Weighting | None = None,
                lang: str = "nl", **separate: Any) -> bytes:
    """The ranking under `weighting` (or the older keywords: pillar_weights, profile,
    method, floors, criterion_weights) as CSV."""
    evaluation = evaluate(assessment, weighting, lang=lang, **separate)
    return frame_to_csv_bytes(ranking_frame(evaluation, lang), lang)


def ranking_xlsx(assessment: Assessment, *, weighting: Weighting | None = None,
                 lang: str = "nl", **separate: Any) -> bytes:
    """The ranking as a formatted workbook, with a sheet of the settings it was made from."""
    chosen = export_weighting(assessment, weighting, lang=lang, **separate)
    evaluation = evaluate(assessment, chosen, lang=lang)
    sheet = t("export.sheet.ranking", lang)
    meta = t("export.sheet.settings", lang)
    fp = fingerprint(assessment, weighting_payload(chosen))
    return frames_to_xlsx_bytes(
        {sheet: ranking_frame(evaluation, lang),
         meta: settings_frame(assessment, evaluation, profile=chosen.profile,
                              fingerprint_hex=fp, lang=lang)},
        # no fixed number format: whole points show as 34, floors as 0.30
        columns={sheet: _ranking_columns(lang),
                 meta: {t("export.settings.value", lang): Column(None, 70)}},
    )


def _criterion_header(c: Any, lang: str) -> str:
    return f"{c.label(lang)} [{c.unit_in(lang)}]" if c.unit else c.label(lang)


def score_frame(assessment: Assessment, lang: str = "nl") -> pd.DataFrame:
    """The score matrix: one row per measure, one column per criterion (label [unit])."""
    perf = assessment.performance()
    frame = pd.DataFrame({
        t("export.col.measure_id", lang): [m.id for m in assessment.measures],
        t("word.measure", lang): [m.label(lang) for m in assessment.measures],
    })
    headers = []
    for c in assessment.criteria:
        header = _criterion_header(c, lang)
        if header in headers or header in frame.columns:
            header = f"{header} ({c.id})"
        headers.append(header)
        frame[header] = perf[c.id].to_numpy(dtype=float)
    return frame


def criteria_frame(assessment: Assessment, lang: str = "nl") -> pd.DataFrame:
    return pd.DataFrame({
        t("export.col.criterion_id", lang): [c.id for c in assessment.criteria],
        t("word.pillar", lang): [t(f"pillar.{c.pillar}", lang) for c in assessment.criteria],
        t("word.criterion", lang): [c.label(lang) for c in assessment.criteria],
        t("export.col.unit", lang): [c.unit_in(lang) for c in assessment.criteria],
        t("export.col.direction", lang): [t(f"direction.{c.direction}", lang)
                                          for c in assessment.criteria],
        t("export.col.scale_min", lang): [float(c.scale_min) for c in assessment.criteria],
        t("export.col.scale_max", lang): [float(c.scale_max) for c in assessment.criteria],
        t("export.col.weight_within", lang): [float(c.weight) for c in assessment.criteria],
        t("export.col.description", lang): [c.describe(lang) for c in assessment.criteria],
    })


def evidence_frame(assessment: Assessment, lang: str = "nl") -> pd.DataFrame:
    rows = []
    for m in assessment.measures:
        for c in assessment.criteria:
            s = assessment.scores.get((m.id, c.id))
            if s is not None and (s.source or s.confidence):
                rows.append([m.id, m.label(lang), c.label(lang), s.source or "",
                             t(f"confidence.{s.confidence}", lang) if s.confidence else ""])
    return pd.DataFrame(rows, columns=[
        t("export.col.measure_id", lang), t("word.measure", lang), t("word.criterion", lang),
        t("word.source", lang), t("word.confidence", lang),
    ])


def scores_csv(assessment: Assessment, *, lang: str = "nl") -> bytes:
    return frame_to_csv_bytes(score_frame(assessment, lang), lang)


def scores_xlsx(assessment: Assessment, *, lang: str = "nl") -> bytes:
    """The score matrix, the criteria with their scales, and sources and confidence."""
    sheet = t("export.sheet.scores", lang)
    crit = t("export.sheet.criteria", lang)
    frame = score_frame(assessment, lang)
    return frames_to_xlsx_bytes(
        {sheet: frame, crit: criteria_frame(assessment, lang),
         t("export.sheet.evidence", lang): evidence_frame(assessment, lang)},
        columns={
            sheet: {str(c): Column("General", 14) for c in frame.columns[2:]},
            crit: {t("export.col.scale_min", lang): Column("General"),
                   t("export.col.scale_max", lang): Column("General"),
                   t("export.col.weight_within", lang): Column("General")},
        },
    )


def assessment_xlsx(assessment: Assessment) -> bytes:
    """The whole assessment in the workbook format; `impact.io` reads it back identically."""
    from impact.io import assessment_to_xlsx_bytes

    return assessment_to_xlsx_bytes(assessment)
