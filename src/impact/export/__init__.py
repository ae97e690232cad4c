"""Exports: chart images and interactive HTML, data as CSV and Excel, the decision report.

No Streamlit here, so the CLI, tests and notebooks use the same code as the pages.
This package is a facade: callers keep using `from impact import export` and
`export.NAME`; the code lives in

- `images`: Chromium, the kaleido server, PNG/SVG/PDF and interactive HTML, html_to_pdf
- `figures`: the weighting and evaluation of an export, the charts by name (the
  registry itself is `impact.charts.registry`), charts_zip
- `tables`: CSV and formatted Excel (formula-like text neutralised), the data tables
- `workshops`: workshop rounds and group statistics from the frames
  `impact.workshop.export_frames` makes (export never reads sessions), never answers
- `report`: the decision report (templates/report.html.j2 and report.css); `summary`
  its first page in plain words
- `slides`: the charts and the summary as PowerPoint slides (.pptx)
- `csvfile`: CSV dialects (Dutch and English Excel, RFC 4180) and safe cells
- `fingerprints`, `formatting`, `errors`: what the others share
"""

from __future__ import annotations

import sys
import types
from typing import Any

from impact.export import (
    csvfile,
    errors,
    figures,
    fingerprints,
    formatting,
    images,
    report,
    slides,
    summary,
    tables,
    workshops,
)
from impact.export.errors import ExportError, StaticExportUnavailable
from impact.export.figures import (
    PROFILE_CHARTS,
    available_charts,
    build_figure,
    chart_names,
    chart_title,
    charts_zip,
    evaluate,
    export_weighting,
    resolve_profile,
)
from impact.export.fingerprints import (
    assessment_payload,
    fingerprint,
    settings_payload,
    weighting_payload,
)
from impact.export.formatting import (
    MIME,
    file_name,
    format_date,
    format_number,
    format_percent,
    method_label,
    safe_stem,
)
from impact.export.images import (
    DEFAULT_HEIGHT,
    DEFAULT_WIDTH,
    FORMATS,
    PDF_TIMEOUT,
    PRINT_BORDER,
    PRINT_SCALE,
    RENDER_TIMEOUT,
    STATIC_FORMATS,
    browser_path,
    figure_to_bytes,
    figure_to_html,
    html_to_pdf,
    kaleido_running,
    static_export_available,
    warm_up,
)
from impact.export.images import _is_executable as _is_executable  # tests patch it
from impact.export.images import _with_print_border as _with_print_border  # tests use it
from impact.export.report import (
    NO_REGRET_K,
    REPORT_CHART_HEIGHT,
    REPORT_CHART_WIDTH,
    REPORT_CHARTS,
    SMAA_SAMPLES,
    SMAA_SEED,
    ReportData,
    build_report_data,
    render_report,
    report_html,
    report_pdf,
)
from impact.export.slides import SLIDE_CHARTS, slides_pptx
from impact.export.tables import (
    Column,
    assessment_xlsx,
    criteria_frame,
    evidence_frame,
    frame_to_csv_bytes,
    frames_to_xlsx_bytes,
    ranking_csv,
    ranking_frame,
    ranking_xlsx,
    score_frame,
    scores_csv,
    scores_xlsx,
    settings_frame,
)
from impact.export.workshops import (
    AGGREGATE_COLUMNS,
    ROUND_COLUMNS,
    WorkshopRound,
    round_list,
    workshop_tables,
    workshop_tables_csv,
    workshop_tables_xlsx,
)

__all__ = [
    "AGGREGATE_COLUMNS", "DEFAULT_HEIGHT", "DEFAULT_WIDTH", "FORMATS", "MIME", "NO_REGRET_K",
    "PDF_TIMEOUT", "PRINT_BORDER", "PRINT_SCALE", "PROFILE_CHARTS", "RENDER_TIMEOUT",
    "REPORT_CHARTS", "REPORT_CHART_HEIGHT", "REPORT_CHART_WIDTH", "ROUND_COLUMNS",
    "SMAA_SAMPLES", "SMAA_SEED", "STATIC_FORMATS", "Column", "ExportError", "ReportData",
    "StaticExportUnavailable", "WorkshopRound", "assessment_payload", "assessment_xlsx",
    "available_charts", "browser_path", "build_figure", "build_report_data", "chart_names",
    "chart_title", "charts_zip", "criteria_frame", "evaluate", "evidence_frame",
    "export_weighting", "figure_to_bytes", "figure_to_html", "file_name", "fingerprint",
    "format_date", "format_number", "format_percent", "frame_to_csv_bytes",
    "frames_to_xlsx_bytes", "html_to_pdf", "kaleido_running", "method_label",
    "ranking_csv", "ranking_frame", "ranking_xlsx", "render_report", "report_html",
    "report_pdf", "resolve_profile", "round_list", "safe_stem", "score_frame", "scores_csv",
    "scores_xlsx", "settings_frame", "settings_payload", "static_export_available", "warm_up",
    "weighting_payload",
    "workshop_tables", "workshop_tables_csv", "workshop_tables_xlsx",
    "SLIDE_CHARTS", "slides_pptx",
]

_PARTS = (csvfile, errors, figures, fingerprints, formatting, images, report, slides, summary,
          tables, workshops)
_MISSING = object()


class _Facade(types.ModuleType):
    """Setting `export.NAME` (as tests do with monkeypatch) also sets it in every part
    that holds the same object, so the export code uses the replacement, as it did
    when export was one module."""

    def __setattr__(self, name: str, value: Any) -> None:
        current = self.__dict__.get(name, _MISSING)
        if current is not _MISSING:
            for part in _PARTS:
                if part.__dict__.get(name, _MISSING) is current:
                    setattr(part, name, value)
        super().__setattr__(name, value)


sys.modules[__name__].__class__ = _Facade
