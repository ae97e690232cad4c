"""The chart registry for the export and the CLI: a chart's name -> its title and builder.

`build_chart` evaluates an assessment once (lazily, in `_Context`) and hands the
result to the chart's builder.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any

import pandas as pd
import plotly.graph_objects as go

from impact import engine, robustness
from impact.charts.balance import balance_chart, tradeoff_chart
from impact.charts.frames import _filter
from impact.charts.heatmap import heatmap_from_assessment
from impact.charts.labels import weights_subtitle
from impact.charts.pillars import default_radar_measures, pillars_chart, radar_from_table
from impact.charts.ranking import ranking_chart
from impact.charts.sensitivity import (
    acceptability_chart,
    kendall_chart,
    perspectives_chart,
    stability_chart,
)
from impact.model import Assessment, Pillar

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
}
CHART_NAMES: tuple[str, ...] = tuple(CHART_TITLES)


def build_chart(
    name: str,
    assessment: Assessment,
    *,
    pillar_weights: Mapping[Pillar | str, float] | None = None,
    profile: Any = None,
    method: str = "wsm",
    floors: Mapping[Pillar | str, float] | None = None,
    lang: str = "nl",
    measures: Sequence[str] | None = None,
    criterion_weights: Mapping[str, float] | None = None,
) -> go.Figure:
    """Evaluate `assessment` with these weights and build chart `name` (see CHART_NAMES).

    `profile` is a `WeightProfile` or a profile's name; explicit `pillar_weights` win
    over the profile's (its criterion weights still apply). `measures` restricts the
    per-measure charts to these measure ids; for the radar it is the selection to
    overlay (default: the three best).
    """
    if name not in CHART_TITLES:
        raise ValueError(
            f"Unknown chart {name!r}; choose one of: {', '.join(CHART_NAMES)}"
        )
    if isinstance(profile, str):  # a profile's name
        try:
            profile = assessment.profile(profile)
        except KeyError:
            raise ValueError(f"Unknown profile {profile!r}") from None
    builder = _BUILDERS[name]
    return builder(
        _Context(
            assessment=assessment, pillar_weights=pillar_weights, profile=profile,
            method=method, floors=floors, lang=lang, measures=measures,
            criterion_weights=criterion_weights,
        )
    )


class _Context:
    def __init__(self, **kwargs: Any):
        self.__dict__.update(kwargs)
        self._evaluation: Any = None

    @property
    def evaluation(self) -> Any:
        if self._evaluation is None:
            self._evaluation = engine.evaluate(
                self.assessment,
                pillar_weights=self.pillar_weights,
                profile=self.profile,
                method=self.method,
                floors=self.floors,
                criterion_weights=self.criterion_weights,
            )
        return self._evaluation

    @property
    def subtitle(self) -> str:
        ev = self.evaluation
        profile_name = getattr(self.profile, "name", self.profile)
        return weights_subtitle(ev.pillar_weights, self.lang, ev.method, profile_name)

    @property
    def table(self) -> pd.DataFrame:
        return _filter(self.evaluation.table, self.measures)

    def measure_names(self) -> dict[str, str]:
        return {m.id: m.label(self.lang) for m in self.assessment.measures}


def _no_regret(ctx: _Context) -> list[str]:
    try:
        return list(robustness.perspectives(ctx.assessment, method=ctx.method).no_regret)
    except engine.EngineError:
        # no profiles, too few measures: simply no no-regret markers
        return []


def _build_ranking(ctx: _Context) -> go.Figure:
    return ranking_chart(ctx.table, lang=ctx.lang, no_regret=_no_regret(ctx),
                         subtitle=ctx.subtitle)


def _build_radar(ctx: _Context) -> go.Figure:
    table = ctx.evaluation.table
    chosen = list(ctx.measures) if ctx.measures else default_radar_measures(table)
    return radar_from_table(table, chosen, lang=ctx.lang, neutral=ctx.evaluation.neutral,
                            subtitle=ctx.subtitle)


def _build_acceptability(ctx: _Context) -> go.Figure:
    result = robustness.smaa_assessment(
        ctx.assessment, pillar_weights=ctx.pillar_weights, profile=ctx.profile,
        method=ctx.method, criterion_weights=ctx.criterion_weights,
    )
    acc = result.acceptability
    if ctx.measures is not None:
        acc = acc.loc[[m for m in ctx.measures if m in acc.index]]
    return acceptability_chart(acc, measure_names=ctx.measure_names(), lang=ctx.lang,
                               subtitle=ctx.subtitle)


def _build_stability(ctx: _Context) -> go.Figure:
    frame = robustness.weight_stability(
        ctx.assessment, pillar_weights=ctx.pillar_weights, profile=ctx.profile,
        method=ctx.method, criterion_weights=ctx.criterion_weights,
    )
    return stability_chart(frame, lang=ctx.lang, subtitle=ctx.subtitle)


def _perspectives(ctx: _Context) -> Any:
    return robustness.perspectives(ctx.assessment, method=ctx.method)


def _build_perspectives(ctx: _Context) -> go.Figure:
    result = _perspectives(ctx)
    ranks = result.ranks
    if ctx.measures is not None:
        ranks = ranks.loc[[m for m in ctx.measures if m in ranks.index]]
    return perspectives_chart(ranks, measure_names=ctx.measure_names(),
                              no_regret=result.no_regret, lang=ctx.lang,
                              subtitle=weights_subtitle(None, ctx.lang, ctx.method))


def _build_kendall(ctx: _Context) -> go.Figure:
    return kendall_chart(_perspectives(ctx).kendall_tau, lang=ctx.lang,
                         subtitle=weights_subtitle(None, ctx.lang, ctx.method))


_BUILDERS: dict[str, Callable[[_Context], go.Figure]] = {
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
