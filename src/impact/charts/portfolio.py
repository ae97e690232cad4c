"""Charts of packages within a budget: the frontier and the ecology-economy Pareto set."""

from __future__ import annotations

import plotly.graph_objects as go

from impact.charts.style import NEUTRAL_LINE, PEOPLE_SCALE, PILLAR_COLOURS, _make
from impact.i18n import t
from impact.model import Assessment, Pillar
from impact.portfolio import Package


def cost_unit(assessment: Assessment) -> str:
    """The unit of the measures' costs (the first one given; € when none is)."""
    return next((m.cost_unit for m in assessment.measures if m.cost is not None), "€")


def frontier_chart(packages: list[Package], chosen: Package | None, unit: str,
                   lang: str = "nl", subtitle: str | None = None) -> go.Figure:
    """Total score of the best package per budget; the chosen budget marked; `subtitle`
    (the weights) under the title."""
    feasible = [p for p in packages if p.feasible]
    traces = [{
        "type": "scatter", "mode": "lines+markers", "name": t("portfolio.chart.best", lang),
        "x": [p.budget for p in feasible], "y": [p.score for p in feasible],
        "line": {"color": PILLAR_COLOURS[Pillar.ECONOMY], "shape": "hv"},
        "customdata": [[len(p.measures), p.cost] for p in feasible],
        "hovertemplate": t("portfolio.chart.hover", lang, unit=unit) + "<extra></extra>",
    }]
    if chosen is not None and chosen.feasible:
        traces.append({
            "type": "scatter", "mode": "markers", "name": t("portfolio.chart.chosen", lang),
            "x": [chosen.budget], "y": [chosen.score],
            "marker": {"size": 16, "color": NEUTRAL_LINE, "symbol": "diamond"},
            "hoverinfo": "skip"})
    return _make(traces, t("portfolio.chart.frontier_title", lang), lang, subtitle,
                 xaxis={"title": {"text": t("portfolio.chart.budget", lang, unit=unit)}},
                 yaxis={"title": {"text": t("portfolio.chart.total", lang)}},
                 legend_rows=1)


def pareto_chart(packages: list[Package], lang: str = "nl") -> go.Figure:
    """Packages on ecology against economy, people as the colour."""
    traces = [{
        "type": "scatter", "mode": "markers+text",
        "x": [p.pillars["ecology"] for p in packages],
        "y": [p.pillars["economy"] for p in packages],
        "text": [str(i + 1) for i in range(len(packages))], "textposition": "top center",
        "marker": {"size": 14, "color": [p.pillars["people"] for p in packages],
                   "colorscale": PEOPLE_SCALE, "cmin": 0, "cmax": 1,
                   "colorbar": {"title": {"text": t("pillar.people", lang)}},
                   "line": {"color": NEUTRAL_LINE, "width": 1}},
        "customdata": [[" ".join(p.measures), p.cost] for p in packages],
        "hovertemplate": t("portfolio.chart.pareto_hover", lang) + "<extra></extra>",
        "showlegend": False,
    }]
    return _make(traces, t("portfolio.chart.pareto_title", lang), lang,
                 xaxis={"title": {"text": t("pillar.ecology", lang)}, "range": [0, 1.05]},
                 yaxis={"title": {"text": t("pillar.economy", lang)}, "range": [0, 1.05]})
