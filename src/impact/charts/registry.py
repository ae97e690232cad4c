"""The chart registry: a chart's name -> its title and builder, and the charts by name.

`build_chart` evaluates an assessment once (lazily, in `_Context`) and hands the
result to the chart's builder; `build_figure` is the same for the export and the CLI,
with every problem a `ChartError` in the user's words (`impact.export` turns it into
its `ExportError`). `available_charts` says which charts an assessment has data for.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

import pandas as pd
import plotly.graph_objects as go

from impact import engine, robustness
from impact.charts.balance import balance_chart, tradeoff_chart
from impact.charts.frames import _filter, with_knockout_names
from impact.charts.heatmap import heatmap_from_assessment
from impact.charts.labels import weights_subtitle
from impact.charts.pillars import (
    default_radar_measures,
    knockout_names,
    pillars_chart,
    radar_from_table,
)
from impact.charts.ranking import ranking_chart
from impact.charts.sensitivity import (
    acceptability_chart,
    kendall_chart,
    perspectives_chart,
    stability_chart,
)
from impact.i18n import t
from impact.model import Assessment
from impact.weighting import Weighting, resolve_weighting

# name -> title key
CHART_TITLES: dict[str, str] = {
    "ranking": "results.chart.ranking.title",
    "balance": "results.chart.balance.title",
    "tradeoff": "results.chart.tradeoff.title",
    "pillars": "results.chart.pillars.title",
    "radar": "results.chart.radar.title",
    "heatmap": "results.chart.heatmap.title",
    "acceptability": "results.chart.acceptability.title",
    "stability": "results.chart.stability.title",
    "perspectives": "results.chart.perspectives.title",
    "kendall": "results.chart.kendall.title",
    "frontier": "portfolio.chart.frontier_title",
    "gaia": "results.chart.gaia.title",
}
CHART_NAMES: tuple[str, ...] = tuple(CHART_TITLES)


# Charts that compare the stakeholder perspectives: only with saved profiles.
PROFILE_CHARTS = frozenset({"perspectives", "kendall"})
# Charts of packages within a budget: only when measures have a cost.
COST_CHARTS = frozenset({"frontier"})
# Charts of one method: only when that method ranks (the GAIA plane is PROMETHEE's).
METHOD_CHARTS: dict[str, str] = {"gaia": "promethee"}


class ChartError(ValueError):
    """A chart that cannot be made, with a message in the user's words."""


def chart_names() -> tuple[str, ...]:
    return CHART_NAMES


def chart_title(name: str, lang: str = "nl") -> str:
    """The display title of a chart name (the names of `CHART_NAMES`)."""
    key = CHART_TITLES.get(name)
    return t(key, lang) if key else name


def available_charts(assessment: Assessment, method: str | None = None) -> tuple[str, ...]:
    """The chart names that can be made for this assessment (all, less the perspective
    comparisons when it has no profiles, the frontier without costs, and a method's own
    chart unless `method` is that method)."""
    has_costs = any(m.cost is not None for m in assessment.measures)
    return tuple(n for n in CHART_NAMES
                 if (assessment.profiles or n not in PROFILE_CHARTS)
                 and (has_costs or n not in COST_CHARTS)
                 and METHOD_CHARTS.get(n, method) == method)


def profile_named(assessment: Assessment, profile: Any, lang: str = "nl") -> Any:
    """A WeightProfile from a name (or one given as is); None stays None. An unknown
    name is a `ChartError` that lists the profiles there are."""
    if profile is None or not isinstance(profile, str):
        return profile
    try:
        return assessment.profile(profile)
    except KeyError:
        names = ", ".join(p.name for p in assessment.profiles) or "–"
        raise ChartError(t("export.unknown_profile", lang, name=profile, names=names)) from None


def build_chart(
    name: str,
    assessment: Assessment,
    *,
    weighting: Weighting | None = None,
    lang: str = "nl",
    measures: Sequence[str] | None = None,
    **separate: Any,
) -> go.Figure:
    """Evaluate `assessment` under `weighting` and build chart `name` (see CHART_NAMES).

    `separate` are the older keywords instead of a weighting (pillar_weights, profile,
    method, floors, criterion_weights; see `impact.weighting.resolve_weighting`); there
    `profile` may be a `WeightProfile` or a profile's name. `measures` restricts the
    per-measure charts to these measure ids; for the radar it is the selection to
    overlay (default: the three best). Unknown names raise `ValueError`, bad input an
    `EngineError`.
    """
    if name not in CHART_TITLES:
        raise ValueError(
            f"Unknown chart {name!r}; choose one of: {', '.join(CHART_NAMES)}"
        )
    profile = separate.get("profile")
    if isinstance(profile, str):  # a profile's name
        try:
            separate["profile"] = assessment.profile(profile)
        except KeyError:
            raise ValueError(f"Unknown profile {profile!r}") from None
    chosen = resolve_weighting(assessment, weighting, **separate)
    return _BUILDERS[name](_Context(assessment, chosen, lang, measures))


def build_figure(
    name: str,
    assessment: Assessment,
    *,
    weighting: Weighting | None = None,
    lang: str = "nl",
    **separate: Any,
) -> go.Figure:
    """`build_chart` for the export and the CLI: every problem a `ChartError` in `lang`."""
    if name not in CHART_TITLES:
        raise ChartError(t("export.unknown_chart", lang, name=name, names=", ".join(CHART_NAMES)))
    if "profile" in separate:
        separate["profile"] = profile_named(assessment, separate["profile"], lang)
    try:
        return build_chart(name, assessment, weighting=weighting, lang=lang, **separate)
    except engine.EngineError as err:
        raise ChartError(err.message(lang)) from None


class _Context:
    """What a chart's builder gets: the inputs, and the evaluation made once, lazily."""

    def __init__(self, assessment: Assessment, weighting: Weighting, lang: str,
                 measures: Sequence[str] | None):
        self.assessment = assessment
        self.weighting = weighting
        self.method = weighting.method
        self.lang = lang
        self.measures = measures
        self._evaluation: Any = None

    @property
    def evaluation(self) -> Any:
        if self._evaluation is None:
            self._evaluation = engine.evaluate(self.assessment, self.weighting)
        return self._evaluation

    @property
    def subtitle(self) -> str:
        ev = self.evaluation
        # the evaluation's weights: normalised over the pillars that have criteria
        return weights_subtitle(ev.pillar_weights, self.lang, ev.method, self.weighting.profile,
                                self.weighting.vikor_v)

    @property
    def table(self) -> pd.DataFrame:
        # with the failing knock-out criteria's names, for the charts' hover
        return with_knockout_names(_filter(self.evaluation.table, self.measures),
                                   self.assessment)

    def measure_names(self) -> dict[str, str]:
        return knockout_names(self.assessment, self.lang)


def _no_regret(ctx: _Context) -> list[str]:
    try:
        return list(_perspectives(ctx).no_regret)
    except engine.EngineError:
        # no profiles, too few measures: simply no no-regret markers
        return []


def _build_ranking(ctx: _Context) -> go.Figure:
    return ranking_chart(ctx.table, lang=ctx.lang, no_regret=_no_regret(ctx),
                         subtitle=ctx.subtitle, method=ctx.evaluation.method)


def _build_radar(ctx: _Context) -> go.Figure:
    table = ctx.evaluation.table
    chosen = list(ctx.measures) if ctx.measures else default_radar_measures(table)
    return radar_from_table(table, chosen, lang=ctx.lang, neutral=ctx.evaluation.neutral,
                            subtitle=ctx.subtitle)


def _build_acceptability(ctx: _Context) -> go.Figure:
    result = robustness.smaa_assessment(ctx.assessment, ctx.weighting)
    acc = result.acceptability
    if ctx.measures is not None:
        acc = acc.loc[[m for m in ctx.measures if m in acc.index]]
    return acceptability_chart(acc, measure_names=ctx.measure_names(), lang=ctx.lang,
                               subtitle=ctx.subtitle)


def _build_stability(ctx: _Context) -> go.Figure:
    frame = robustness.weight_stability(ctx.assessment, ctx.weighting)
    return stability_chart(frame, lang=ctx.lang, subtitle=ctx.subtitle)


def _perspectives(ctx: _Context) -> Any:
    return robustness.perspectives(ctx.assessment, method=ctx.method,
                                   vikor_v=ctx.weighting.vikor_v, floors=ctx.weighting.floors)


def _build_perspectives(ctx: _Context) -> go.Figure:
    result = _perspectives(ctx)
    ranks = result.ranks
    if ctx.measures is not None:
        ranks = ranks.loc[[m for m in ctx.measures if m in ranks.index]]
    return perspectives_chart(ranks, measure_names=ctx.measure_names(),
                              no_regret=result.no_regret, lang=ctx.lang,
                              subtitle=weights_subtitle(None, ctx.lang, ctx.method,
                                                        vikor_v=ctx.weighting.vikor_v))


def _build_kendall(ctx: _Context) -> go.Figure:
    return kendall_chart(_perspectives(ctx).kendall_tau, lang=ctx.lang,
                         subtitle=weights_subtitle(None, ctx.lang, ctx.method,
                                                   vikor_v=ctx.weighting.vikor_v))


def _build_frontier(ctx: _Context) -> go.Figure:
    from impact import portfolio  # imported here: the portfolio builds on the engine
    from impact.charts.portfolio import cost_unit, frontier_chart

    options = portfolio.candidates(ctx.assessment, ctx.weighting)
    unit = cost_unit(ctx.assessment)
    return frontier_chart(portfolio.frontier(options), None, unit, ctx.lang, ctx.subtitle)


def _build_gaia(ctx: _Context) -> go.Figure:
    from impact.charts.gaia import gaia_chart

    if ctx.method != METHOD_CHARTS["gaia"]:
        raise engine.EngineError("engine.error.gaia_needs_promethee")
    plane = engine.evaluation_gaia(ctx.assessment, ctx.evaluation)
    return gaia_chart(plane, ctx.evaluation.table, ctx.assessment, lang=ctx.lang,
                      subtitle=ctx.subtitle)


_BUILDERS: dict[str, Callable[[_Context], go.Figure]] = {
    "gaia": _build_gaia,
    "frontier": _build_frontier,
    "ranking": _build_ranking,
    "balance": lambda c: balance_chart(c.table, lang=c.lang, subtitle=c.subtitle),
    "tradeoff": lambda c: tradeoff_chart(c.table, c.evaluation.neutral, lang=c.lang,
                                         subtitle=c.subtitle),
    "pillars": lambda c: pillars_chart(c.table, c.evaluation.neutral, lang=c.lang,
                                       subtitle=c.subtitle),
    "radar": _build_radar,
    "heatmap": lambda c: heatmap_from_assessment(c.assessment, c.evaluation.table,
                                                 lang=c.lang, measures=c.measures,
                                                 subtitle=c.subtitle),
    "acceptability": _build_acceptability,
    "stability": _build_stability,
    "perspectives": _build_perspectives,
    "kendall": _build_kendall,
}
