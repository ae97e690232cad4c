"""The weighting, evaluation and charts of an export, with errors in the user's words.

The chart registry and `build_figure` live in `impact.charts.registry`; here its
`ChartError` and the engine's errors become `ExportError`. `charts_zip` packs several
charts in several formats.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Callable, Sequence
from typing import Any

import plotly.graph_objects as go

from impact.charts import registry
from impact.charts.registry import PROFILE_CHARTS as PROFILE_CHARTS  # re-exported
from impact.charts.registry import available_charts as available_charts  # re-exported
from impact.charts.registry import chart_names as chart_names  # re-exported
from impact.charts.registry import chart_title as chart_title  # re-exported
from impact.export.errors import ExportError, StaticExportUnavailable
from impact.export.formatting import file_name
from impact.export.images import FORMATS, STATIC_FORMATS, figure_to_bytes, static_export_available
from impact.i18n import t
from impact.model import Assessment
from impact.weighting import Weighting, resolve_weighting


def resolve_profile(assessment: Assessment, profile: Any, lang: str = "nl") -> Any:
    """A WeightProfile from a name (or one given as is); None stays None."""
    try:
        return registry.profile_named(assessment, profile, lang)
    except registry.ChartError as err:
        raise ExportError(str(err)) from None


def export_weighting(assessment: Assessment, weighting: Weighting | None = None, *,
                     lang: str = "nl", **separate: Any) -> Weighting:
    """`weighting`, or the one the older keywords describe (`profile` may be a name).

    `separate`: pillar_weights, profile, method, floors, criterion_weights (see
    `impact.weighting.resolve_weighting`).
    """
    if "profile" in separate:
        separate["profile"] = resolve_profile(assessment, separate["profile"], lang)
    return resolve_weighting(assessment, weighting, **separate)


def evaluate(assessment: Assessment, weighting: Weighting | None = None, *,
             lang: str = "nl", **separate: Any) -> Any:
    """engine.evaluate under `weighting` (or the older keywords, a profile by name),
    with engine errors in the user's words."""
    from impact import engine

    chosen = export_weighting(assessment, weighting, lang=lang, **separate)
    try:
        return engine.evaluate(assessment, chosen)
    except engine.EngineError as err:
        raise ExportError(err.message(lang)) from None


def build_figure(name: str, assessment: Assessment, *, weighting: Weighting | None = None,
                 lang: str = "nl", **separate: Any) -> go.Figure:
    """`impact.charts.build_figure` with its errors as `ExportError`."""
    try:
        return registry.build_figure(name, assessment, weighting=weighting, lang=lang,
                                     **separate)
    except registry.ChartError as err:
        raise ExportError(str(err)) from None


def charts_zip(
    assessment: Assessment,
    charts: Sequence[str] | None = None,
    formats: Sequence[str] = FORMATS,
    *,
    weighting: Weighting | None = None,
    lang: str = "nl",
    scale: float = 1,
    progress: Callable[[float], None] | None = None,
    **separate: Any,
) -> bytes:
    """A ZIP with the charts (default: all it has data for under the method) in the formats;
    progress 0..1.

    Under `weighting` (or the older keywords, see `export_weighting`).
    """
    method = (weighting.method if weighting is not None
              else separate.get("method") or "wsm")
    # the default: every chart it has data for, with the method's own (GAIA for PROMETHEE)
    names = list(charts) if charts is not None else list(available_charts(assessment, method))
    formats = [f.lower() for f in formats]
    for fmt in formats:
        if fmt not in FORMATS:
            raise ExportError(t("export.unknown_format", lang, fmt=fmt,
                                formats=", ".join(FORMATS)))
    if any(f in STATIC_FORMATS for f in formats):
        ok, message = static_export_available(lang)
        if not ok:
            raise StaticExportUnavailable(message)
    chosen = export_weighting(assessment, weighting, lang=lang, **separate) if names else None
    steps = max(1, len(names) * (1 + len(formats)))
    done = 0

    def step() -> None:
        nonlocal done
        done += 1
        if progress:
            progress(min(1.0, done / steps))

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as zf:
        for name in names:
            fig = build_figure(name, assessment, weighting=chosen, lang=lang)
            step()
            for fmt in formats:
                zf.writestr(file_name(name, fmt),
                            figure_to_bytes(fig, fmt, scale=scale, lang=lang))
                step()
    if progress and not names:
        progress(1.0)
    return buffer.getvalue()
