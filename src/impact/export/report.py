"""The decision report: computed (`build_report_data`), rendered (`render_report`), printed.

The page comes from the Jinja2 template `templates/report.html.j2` with
`templates/report.css` inlined, so the report is one self-contained file. Both ship
as package data and are read through Jinja2's PackageLoader, so an installed (not
editable) package finds them too. Here the report's values become text and table
rows; the template only lays them out.
"""

from __future__ import annotations

import base64
import html
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from functools import cache
from typing import Any

import jinja2
import pandas as pd
import plotly.graph_objects as go
from markupsafe import Markup

from impact.charts.labels import knockout_suffix
from impact.export.errors import StaticExportUnavailable
from impact.export.figures import (
    available_charts,
    build_figure,
    chart_title,
    evaluate,
    export_weighting,
)
from impact.export.fingerprints import fingerprint, weighting_payload
from impact.export.formatting import (
    format_date,
    format_number,
    format_percent,
    method_label,
    method_settings,
)
from impact.export.images import figure_to_bytes, html_to_pdf, static_export_available
from impact.export.packages import PackageSection, package_section
from impact.export.summary import TOP_SAMPLES, build_summary, top_set_share
from impact.export.workshops import WorkshopRound, round_list
from impact.i18n import t
from impact.model import PILLARS, Assessment
from impact.weighting import TOTAL_POINTS, Weighting, whole_points

# In the order the page shows them: the first one carries plotly.js for all.
REPORT_CHARTS: tuple[str, ...] = ("ranking", "balance", "tradeoff", "acceptability", "gaia")
# the package section's chart, only with a budget (`ReportData.package`)
PACKAGE_CHARTS: tuple[str, ...] = ("frontier",)
REPORT_CHART_WIDTH = 760
REPORT_CHART_HEIGHT = 520
SMAA_SAMPLES = 10_000
SMAA_SEED = 0
NO_REGRET_K = 3


@dataclass
class ReportData:
    """Everything the report shows, computed; `render_report` only formats it."""

    assessment: Assessment
    lang: str
    generated: datetime
    method: str
    pillar_weights: dict[str, float]  # normalised, sums to 1
    profile: str | None
    floors: dict[str, float]
    criterion_weights: dict[str, float]  # within the pillar, normalised per pillar
    ranking: pd.DataFrame  # index measure_id; rank, score, ecology, economy, people, balance
    figures: dict[str, go.Figure] = field(default_factory=dict)
    acceptability: pd.DataFrame | None = None  # measures x ranks 1..n
    smaa_samples: int = 0
    smaa_around: bool = False  # pillar weights drawn around chosen weights (else uniformly)
    perspective_ranks: pd.DataFrame | None = None  # measures x profiles
    no_regret: list[str] = field(default_factory=list)
    no_regret_k: int = 3
    workshop_rounds: list[WorkshopRound] | None = None
    # the reasons participants gave (`workshop.reasons_export`), for the appendix
    workshop_reasons: pd.DataFrame | None = None
    fingerprint: str = ""
    weighting: Weighting | None = None  # what it was computed with (the method's settings)
    # share of pillar weightings with the same top three (None: not computed), of how many
    top_same: float | None = None
    top_samples: int = 0
    # the best package within the budget set on the Portfolio page (None: no budget)
    package: PackageSection | None = None


# --- rendering: the template and what it is given -------------------------------------------------

def _escape(value: Any) -> Markup:
    """How the template writes every value: user text (names, descriptions, units, sources)
    never becomes markup. html.escape rather than Jinja2's own escaping keeps the
    entities the report has always had (&#x27;, &quot;); markup passes as it is."""
    if hasattr(value, "__html__"):
        return Markup(value)
    return Markup(html.escape("" if value is None else str(value), quote=True))


@cache
def _environment() -> jinja2.Environment:
    return jinja2.Environment(
        loader=jinja2.PackageLoader("impact.export", "templates"),
        autoescape=True,  # a second guard: _escape already escapes every value
        finalize=_escape,
        trim_blocks=True,
        lstrip_blocks=True,
        undefined=jinja2.StrictUndefined,
    )


def _stylesheet() -> Markup:
    environment = _environment()
    source, _, _ = environment.loader.get_source(environment, "report.css")
    return Markup(source)


@dataclass(frozen=True)
class _Chart:
    """One chart on the page: a static SVG image (base64) or plotly's interactive markup."""

    alt: str
    svg: str = ""
    html: Markup = Markup("")


@dataclass(frozen=True)
class _Table:
    """One table on the page: cells are plain text (the template escapes them); the
    `numeric` columns are aligned right."""

    headers: list[str]
    rows: list[list[Any]]
    numeric: tuple[int, ...] = ()


def render_report(
    data: ReportData,
    *,
    static_charts: bool = False,
    progress: Callable[[float], None] | None = None,
) -> str:
    """The decision report as one self-contained HTML page.

    Interactive charts embed plotly.js once (works offline); `static_charts`
    embeds SVG images instead (needs Chromium; used for the PDF).
    """
    a, lang = data.assessment, data.lang
    ranking = data.ranking.sort_values(["rank", "score"], ascending=[True, False])
    acceptability = _acceptability_table(data, ranking)
    charts = _charts(data, static=static_charts, progress=progress,
                     skip=("acceptability",) if acceptability is None else ())
    return _environment().get_template("report.html.j2").render(
        t=lambda key, **params: t(key, lang, **params),
        lang=lang,
        data=data,
        a=a,
        css=_stylesheet(),
        summary=build_summary(data),
        generated=format_date(data.generated, lang),
        description=a.description.strip(),
        criteria=_criteria_table(data),
        pillar_weights=_pillar_points(data.pillar_weights, lang),
        floors=[_pillar_share(p, data.floors[str(p)], lang)
                for p in PILLARS if data.floors.get(str(p))],
        profiles=_profiles_table(a, lang),
        method_name=method_label(data.method, lang),
        method_help=_method_help(data.method, lang),
        method_settings=method_settings(a, data.weighting or Weighting(method=data.method), lang),
        ranking=_ranking_table(a, ranking, lang),
        charts=charts,
        acceptability=acceptability,
        smaa_intro=t("export.report.smaa_around" if data.smaa_around
                     else "export.report.smaa_uniform", lang,
                     samples=format_number(data.smaa_samples, lang, 0)),
        perspectives=_perspectives_table(data, ranking),
        no_regret=[_measure_label(a, m, lang) for m in data.no_regret],
        workshop=_workshop_table(data.workshop_rounds, lang),
        reasons=_reasons_table(data, lang),
        package=_package_view(data),
    )


def _charts(data: ReportData, *, static: bool, progress: Callable[[float], None] | None,
            skip: Sequence[str]) -> dict[str, _Chart]:
    """The report's charts, made in page order; `progress` after each one."""
    names = (*REPORT_CHARTS, *PACKAGE_CHARTS)
    shown = [name for name in names if name in data.figures and name not in skip]
    total = max(1, sum(1 for name in names if name in data.figures))
    charts: dict[str, _Chart] = {}
    for done, name in enumerate(shown, start=1):
        fig = data.figures[name]
        alt = chart_title(name, data.lang)
        if static:
            # report width: about the page's text width, so chart text matches the report's
            svg = figure_to_bytes(fig, "svg", width=REPORT_CHART_WIDTH,
                                  height=fig.layout.height or REPORT_CHART_HEIGHT,
                                  lang=data.lang)
            charts[name] = _Chart(alt, svg=base64.b64encode(svg).decode("ascii"))
        else:
            charts[name] = _Chart(alt, html=Markup(fig.to_html(
                full_html=False,
                include_plotlyjs=done == 1,
                config={"displaylogo": False, "responsive": True},
            )))
        if progress:
            progress(done / total)
    return charts


def _pillar_name(pillar: str, lang: str) -> str:
    return t(f"pillar.{pillar}", lang)


def _pillar_share(pillar: Any, share: float, lang: str) -> str:
    return f"{_pillar_name(str(pillar), lang)}: {format_percent(share, lang, 0)}"


def _pillar_points(weights: Mapping[str, float], lang: str) -> list[str]:
    """'Ecologie: 34%' per pillar: the whole points the app shows, out of 100."""
    points = whole_points(weights)
    return [_pillar_share(p, points[p] / TOTAL_POINTS, lang) for p in PILLARS]


def _pillar_headers(lang: str) -> list[str]:
    return [t(f"pillar.{p}", lang) for p in PILLARS]


def _measure_label(assessment: Assessment, measure_id: str, lang: str) -> str:
    try:
        return assessment.measure(measure_id).label(lang)
    except KeyError:
        return str(measure_id)


def _method_help(method: str, lang: str) -> str:
    try:
        return t(f"engine.method.{method}.help", lang)
    except KeyError:
        return ""


def _scale_bound(value: float, lang: str) -> str:
    return format_number(value, lang, 0 if float(value).is_integer() else 2)


def _criteria_table(data: ReportData) -> _Table:
    lang = data.lang
    rows = []
    for c in data.assessment.criteria:
        within = data.criterion_weights.get(c.id, 0.0)
        overall = within * data.pillar_weights.get(str(c.pillar), 0.0)
        rows.append([
            _pillar_name(str(c.pillar), lang),
            c.label(lang),
            c.unit_in(lang),
            t(f"direction.{c.direction}", lang),
            f"{_scale_bound(c.scale_min, lang)} – {_scale_bound(c.scale_max, lang)}",
            format_percent(within, lang, 0),
            format_percent(overall, lang, 1),
        ])
    headers = [t(key, lang) for key in (
        "word.pillar", "word.criterion", "export.col.unit", "export.col.direction",
        "export.col.scale", "export.col.weight_within", "export.col.weight_total")]
    return _Table(headers, rows, numeric=(4, 5, 6))


def _profiles_table(a: Assessment, lang: str) -> _Table:
    rows = []
    for prof in a.profiles:
        points = whole_points(prof.pillar_weights)
        rows.append([prof.name] + [format_percent(points[p] / TOTAL_POINTS, lang, 0)
                                   for p in PILLARS])
    return _Table([t("export.col.profile", lang)] + _pillar_headers(lang), rows,
                  numeric=(1, 2, 3))


def _ranking_table(a: Assessment, ranking: pd.DataFrame, lang: str) -> _Table:
    rows = [
        [
            format_number(row["rank"], lang, 0),
            _measure_label(a, str(measure_id), lang)
            + (knockout_suffix(lang) if bool(row.get("knocked_out", False)) else ""),
            format_number(row["score"], lang, 2),  # as the charts and the results page
            *[format_number(row.get(str(p)), lang, 2) for p in PILLARS],
            format_number(row.get("balance"), lang, 2),
        ]
        for measure_id, row in ranking.iterrows()
    ]
    headers = ([t("word.rank", lang), t("word.measure", lang), t("word.score", lang)]
               + _pillar_headers(lang) + [t("export.col.balance", lang)])
    return _Table(headers, rows, numeric=(0, 2, 3, 4, 5, 6))


def _acceptability_table(data: ReportData, ranking: pd.DataFrame) -> _Table | None:
    """How often each measure came first and in the top 3 (None: no SMAA result)."""
    acc, lang = data.acceptability, data.lang
    if acc is None or acc.empty:
        return None
    ranks = list(acc.columns)
    top_k = [c for c in ranks if int(c) <= 3]
    rows = [
        [
            _measure_label(data.assessment, str(measure_id), lang),
            format_percent(acc.loc[measure_id, ranks[0]], lang, 0),
            format_percent(acc.loc[measure_id, top_k].sum(), lang, 0),
        ]
        for measure_id in ranking.index if measure_id in acc.index
    ]
    headers = [t("word.measure", lang), t("export.col.first", lang), t("export.col.top3", lang)]
    return _Table(headers, rows, numeric=(1, 2))


def _perspectives_table(data: ReportData, ranking: pd.DataFrame) -> _Table | None:
    """Each measure's rank in each saved perspective (None: no perspectives compared)."""
    pr, lang = data.perspective_ranks, data.lang
    if pr is None or pr.empty:
        return None
    rows = [
        [_measure_label(data.assessment, str(m), lang)]
        + [format_number(pr.loc[m, col], lang, 0) for col in pr.columns]
        for m in ranking.index if m in pr.index
    ]
    return _Table([t("word.measure", lang)] + [str(c) for c in pr.columns], rows,
                  numeric=tuple(range(1, len(pr.columns) + 1)))


def _workshop_table(rounds: Sequence[WorkshopRound] | None, lang: str) -> _Table | None:
    """The workshop rounds, counts only (None: no workshop data available)."""
    if rounds is None:
        return None
    rows = [
        [r.session, r.label or r.round, format_number(r.participants, lang, 0),
         format_date(r.started_at, lang) if r.started_at else "–"]
        for r in rounds
    ]
    headers = [t(key, lang) for key in ("export.col.session", "export.col.round",
                                        "export.col.participants", "export.col.date")]
    return _Table(headers, rows, numeric=(2,))


def _package_view(data: ReportData) -> dict[str, Any] | None:
    """The package section's sentences and table (None: no budget, no section)."""
    section, lang = data.package, data.lang
    if section is None:
        return None
    cost, adds = t("portfolio.col.cost", lang), t("portfolio.col.adds", lang)
    rows = [[row[t("word.measure", lang)],
             f"{format_number(row[cost], lang, 0 if float(row[cost]).is_integer() else 1)} "
             f"{row[t('export.col.cost_unit', lang)]}",
             format_number(row[adds], lang, 2),
             *[format_number(row[t(f"pillar.{p}", lang)], lang, 2) for p in PILLARS]]
            for _, row in section.table.iterrows()]
    table = _Table([t("word.measure", lang), cost, adds] + _pillar_headers(lang), rows,
                   numeric=(1, 2, 3, 4, 5))
    excluded = (t("export.package.excluded", lang, names=", ".join(section.excluded))
                if section.excluded else "")
    return {"sentence": section.sentence(lang), "balance": section.balance(lang)
            if section.package.measures else "", "drops": section.drops(lang),
            "table": table if rows else None, "excluded": excluded}


def _reasons_table(data: ReportData, lang: str) -> _Table | None:
    """The workshop's reasons per round and measure, without names (None: none given)."""
    reasons = data.workshop_reasons
    if reasons is None or not len(reasons):
        return None
    rows = [[f"{r.session} · {r.round}", _measure_label(data.assessment, r.measure_id, lang),
             r.reason] for r in reasons.itertuples(index=False)]
    headers = [t(key, lang) for key in ("export.col.round", "word.measure", "export.col.reason")]
    return _Table(headers, rows)


# --- compute, and the page or the PDF in one call -------------------------------------------------

def build_report_data(
    assessment: Assessment,
    *,
    weighting: Weighting | None = None,
    lang: str = "nl",
    workshop_rounds: Sequence[WorkshopRound] | pd.DataFrame | None = None,
    workshop_reasons: pd.DataFrame | None = None,
    smaa_samples: int = SMAA_SAMPLES,
    now: datetime | None = None,
    profile_label: str | None = None,
    progress: Callable[[float], None] | None = None,
    budget: float | None = None,
    **separate: Any,
) -> ReportData:
    """Evaluate, run the robustness analysis and build the report's charts.

    Under `weighting`, or the older keywords in `separate` (pillar_weights, profile as a
    name or WeightProfile, method, floors, criterion_weights). `profile_label` only
    names the perspective the weights came from, when the weighting does not.
    `workshop_rounds` (a list of `WorkshopRound` or a rounds frame, see
    `impact.export.workshops`): None means "no workshop data available" (a report
    made from a file); an empty list means "no rounds were held". `budget` (the one
    set on the Portfolio page) adds the package section; None leaves it out.
    """
    from impact import engine, robustness

    chosen = export_weighting(assessment, weighting, lang=lang, **separate)
    evaluation = evaluate(assessment, chosen, lang=lang)

    def tick(share: float) -> None:
        if progress:
            progress(min(1.0, share))

    tick(0.1)
    try:
        smaa = robustness.smaa_assessment(assessment, chosen, samples=smaa_samples,
                                          seed=SMAA_SEED)
        acceptability = smaa.acceptability
    except engine.EngineError:
        acceptability = None
    top_same = top_set_share(assessment, evaluation, chosen, samples=TOP_SAMPLES,
                             seed=SMAA_SEED)
    tick(0.25)
    perspective_ranks, no_regret = _perspective_views(assessment, chosen)
    tick(0.35)
    figures = _report_figures(assessment, chosen, lang, with_acceptability=acceptability
                              is not None, tick=tick)
    package = _package_and_chart(assessment, chosen, budget, lang, figures)
    rounds = None if workshop_rounds is None else round_list(workshop_rounds)
    label = profile_label or chosen.profile
    fp = fingerprint(assessment, weighting_payload(
        chosen, smaa={"samples": smaa_samples, "seed": SMAA_SEED}, no_regret_k=NO_REGRET_K,
        profile_label=label,
        workshop=[[r.session, r.round, r.participants] for r in rounds] if rounds else None,
        **({"budget": float(budget)} if package is not None else {}),
    ))
    return ReportData(
        assessment=assessment, lang=lang, generated=now or datetime.now(),
        method=chosen.method, weighting=chosen,
        pillar_weights={str(k): float(v) for k, v in evaluation.pillar_weights.items()},
        profile=label, floors=dict(evaluation.floors or {}),
        criterion_weights={str(k): float(v) for k, v in evaluation.within.items()},
        ranking=evaluation.table, figures=figures, acceptability=acceptability,
        smaa_samples=smaa_samples, smaa_around=chosen.pillar_weights is not None,
        perspective_ranks=perspective_ranks, no_regret=no_regret, no_regret_k=NO_REGRET_K,
        workshop_rounds=rounds, workshop_reasons=workshop_reasons, fingerprint=fp,
        top_same=top_same,
        top_samples=TOP_SAMPLES if top_same is not None else 0,
        package=package,
    )


def _perspective_views(assessment: Assessment,
                       chosen: Weighting) -> tuple[pd.DataFrame | None, list[str]]:
    """The ranks per stakeholder profile and the no-regret measures (none without
    profiles, or when a profile cannot be evaluated)."""
    from impact import engine, robustness

    if not assessment.profiles:
        return None, []
    try:
        views = robustness.perspectives(assessment, k=NO_REGRET_K, method=chosen.method,
                                        vikor_v=chosen.vikor_v, floors=chosen.floors)
    except engine.EngineError:
        return None, []
    return views.ranks, list(views.no_regret)


def _report_figures(assessment: Assessment, chosen: Weighting, lang: str, *,
                    with_acceptability: bool,
                    tick: Callable[[float], None]) -> dict[str, go.Figure]:
    """The report's charts the method offers, in page order (progress 0.35 to 0.6)."""
    figures: dict[str, go.Figure] = {}
    offered = available_charts(assessment, chosen.method)
    for i, name in enumerate(REPORT_CHARTS):
        if (name == "acceptability" and not with_acceptability) or name not in offered:
            continue
        figures[name] = build_figure(name, assessment, weighting=chosen, lang=lang)
        tick(0.35 + 0.25 * (i + 1) / len(REPORT_CHARTS))
    return figures


def _package_and_chart(assessment: Assessment, weighting: Weighting, budget: float | None,
                       lang: str, figures: dict[str, go.Figure]) -> PackageSection | None:
    """The package section (None without a budget); its frontier chart joins `figures`."""
    package = package_section(assessment, weighting, budget, lang)
    if package is not None:
        figures["frontier"] = package.frontier
    return package


def report_html(
    assessment: Assessment,
    *,
    static_charts: bool = False,
    progress: Callable[[float], None] | None = None,
    **options: Any,
) -> str:
    """The decision report as a self-contained HTML page (options: see build_report_data).

    Interactive charts (plotly.js embedded once, works offline) unless
    `static_charts`, which embeds SVG images (needs Chromium).
    """
    if static_charts:
        ok, message = static_export_available(options.get("lang", "nl"))
        if not ok:
            raise StaticExportUnavailable(message)
    data = build_report_data(assessment, progress=_scaled(progress, 0.0, 0.6), **options)
    page = render_report(data, static_charts=static_charts,
                         progress=_scaled(progress, 0.6, 1.0))
    if progress:
        progress(1.0)
    return page


def report_pdf(
    assessment: Assessment,
    *,
    progress: Callable[[float], None] | None = None,
    **options: Any,
) -> bytes:
    """The decision report as PDF: the HTML report with SVG charts, printed by Chromium."""
    lang = options.get("lang", "nl")
    ok, message = static_export_available(lang)
    if not ok:
        raise StaticExportUnavailable(message)
    page = report_html(assessment, static_charts=True, progress=_scaled(progress, 0.0, 0.8),
                       **options)
    pdf = html_to_pdf(page, lang=lang)
    if progress:
        progress(1.0)
    return pdf


def _scaled(progress: Callable[[float], None] | None, start: float,
            end: float) -> Callable[[float], None] | None:
    if progress is None:
        return None
    return lambda share: progress(start + (end - start) * max(0.0, min(1.0, share)))
