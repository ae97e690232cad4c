"""Settings, evaluation and charts for exports: the chart registry's names in the user's words.

`evaluate` and `build_figure` resolve a profile name and turn engine errors into
`ExportError` messages; `charts_zip` packs several charts in several formats.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Callable, Mapping, Sequence
from typing import Any

import plotly.graph_objects as go

from impact.export.errors import ExportError, StaticExportUnavailable
from impact.export.formatting import file_name
from impact.export.images import FORMATS, STATIC_FORMATS, figure_to_bytes, static_export_available
from impact.i18n import t
from impact.model import Assessment


def resolve_profile(assessment: Assessment, profile: Any, lang: str = "nl") -> Any:
    """A WeightProfile from a name (or one given as is); None stays None."""
    if profile is None or not isinstance(profile, str):
        return profile
    try:
        return assessment.profile(profile)
    except KeyError:
        names = ", ".join(p.name for p in assessment.profiles) or "–"
        raise ExportError(t("export.unknown_profile", lang, name=profile, names=names)) from None


def evaluate(
    assessment: Assessment,
    *,
    pillar_weights: Mapping[Any, float] | None = None,
    profile: Any = None,
    method: str = "wsm",
    floors: Mapping[Any, float] | None = None,
    criterion_weights: Mapping[str, float] | None = None,
    lang: str = "nl",
) -> Any:
    """engine.evaluate with a profile name resolved and engine errors in the user's words."""
    from impact import engine

    try:
        return engine.evaluate(
            assessment, pillar_weights=pillar_weights,
            profile=resolve_profile(assessment, profile, lang), method=method, floors=floors,
            criterion_weights=criterion_weights,
        )
    except engine.EngineError as err:
        raise ExportError(err.message(lang)) from None


def chart_names() -> tuple[str, ...]:
    from impact.charts import CHART_NAMES

    return tuple(CHART_NAMES)


# Charts that compare the stakeholder perspectives: only with saved profiles.
PROFILE_CHARTS = frozenset({"perspectives", "kendall"})


def available_charts(assessment: Assessment) -> tuple[str, ...]:
    """The chart names that can be made for this assessment (all, less the perspective
    comparisons when it has no profiles)."""
    return tuple(n for n in chart_names() if assessment.profiles or n not in PROFILE_CHARTS)


def build_figure(
    name: str,
    assessment: Assessment,
    *,
    pillar_weights: Mapping[Any, float] | None = None,
    profile: Any = None,
    method: str = "wsm",
    floors: Mapping[Any, float] | None = None,
    criterion_weights: Mapping[str, float] | None = None,
    lang: str = "nl",
) -> go.Figure:
    """charts.build_chart with the name checked and errors in the user's words."""
    from impact import charts, engine

    if name not in charts.CHART_NAMES:
        raise ExportError(
            t("export.unknown_chart", lang, name=name, names=", ".join(charts.CHART_NAMES))
        )
    try:
        return charts.build_chart(
            name, assessment, pillar_weights=pillar_weights,
            profile=resolve_profile(assessment, profile, lang), method=method, floors=floors,
            lang=lang, criterion_weights=criterion_weights,
        )
    except engine.EngineError as err:
        raise ExportError(err.message(lang)) from None


def charts_zip(
    assessment: Assessment,
    charts: Sequence[str] | None = None,
    formats: Sequence[str] = FORMATS,
    *,
    pillar_weights: Mapping[Any, float] | None = None,
    profile: Any = None,
    method: str = "wsm",
    floors: Mapping[Any, float] | None = None,
    criterion_weights: Mapping[str, float] | None = None,
    lang: str = "nl",
    scale: float = 1,
    progress: Callable[[float], None] | None = None,
) -> bytes:
    """A ZIP with the charts (default: all it has data for) in the formats; progress 0..1."""
    names = list(charts) if charts is not None else list(available_charts(assessment))
    formats = [f.lower() for f in formats]
    for fmt in formats:
        if fmt not in FORMATS:
            raise ExportError(t("export.unknown_format", lang, fmt=fmt,
                                formats=", ".join(FORMATS)))
    if any(f in STATIC_FORMATS for f in formats):
        ok, message = static_export_available(lang)
        if not ok:
            raise StaticExportUnavailable(message)
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
            fig = build_figure(name, assessment, pillar_weights=pillar_weights, profile=profile,
                               method=method, floors=floors, criterion_weights=criterion_weights,
                               lang=lang)
            step()
            for fmt in formats:
                zf.writestr(file_name(name, fmt),
                            figure_to_bytes(fig, fmt, scale=scale, lang=lang))
                step()
    if progress and not names:
        progress(1.0)
    return buffer.getvalue()


def chart_title(name: str, lang: str = "nl") -> str:
    """The display title of a chart name (the names of `impact.charts.CHART_NAMES`)."""
    from impact.charts import CHART_TITLES

    key = CHART_TITLES.get(name)
    return t(key, lang) if key else name
