"""The three pillar scores per measure: grouped bars and the radar overlay."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from impact.charts.frames import _pillar_dict, _sorted, criterion_neutral_values, criterion_values
from impact.charts.labels import (
    esc,
    knocked_out,
    knockout_suffix,
    measure_labels,
    pillar_name,
    rows_height,
    wrap,
)
from impact.charts.ranking import bar_labels, knockout_bars, knockout_legend
from impact.charts.style import (
    FONT_SIZE,
    MEASURE_COLOURS,
    MEASURE_DASHES,
    MUTED_INK,
    NEUTRAL_LINE,
    PILLAR_COLOURS,
    PILLAR_INK,
    _make,
)
from impact.i18n import t
from impact.model import PILLARS, Assessment, Pillar

# -- pillar scores (grouped bars) ---------------------------------------------------


def pillars_chart(
    table: pd.DataFrame,
    neutral: Mapping[Pillar | str, float] | None = None,
    *,
    lang: str = "nl",
    subtitle: str | None = None,
    title: str | None = None,
) -> go.Figure:
    """Per measure its three pillar scores side by side, best measure on top.

    Horizontal bars, so that the measures' whole names fit beside them (wrapped, never
    cut). Dotted lines in the pillar colours mark each pillar's "no change" score. A
    knocked-out measure is marked as in the ranking (name, hatched bars, hover).
    """
    data = _sorted(table)
    ids = [str(i) for i in data.index]
    ticks, hover_names, knocked = bar_labels(data, lang)
    traces: list[dict[str, Any]] = []
    shapes: list[dict[str, Any]] = []
    for pillar in PILLARS:
        traces.append(
            dict(
                type="bar",
                y=ids,
                x=data[pillar.value].astype(float).to_numpy(),
                orientation="h",
                name=pillar_name(pillar, lang),
                marker={"color": PILLAR_COLOURS[pillar], **knockout_bars(data)},
                customdata=hover_names,
                hovertemplate="%{customdata}<br>" + pillar_name(pillar, lang)
                + ": %{x:.3f}<extra></extra>",
            )
        )
    neutral = _pillar_dict(neutral)
    for p, value in neutral.items():
        if not np.isfinite(value):
            continue
        shapes.append(dict(
            type="line", yref="paper", y0=0, y1=1, x0=float(value), x1=float(value),
            line={"color": PILLAR_COLOURS[p], "width": 2, "dash": "dot"},
        ))
    if neutral:
        # An invisible trace gives the dotted "no change" lines a legend entry.
        traces.append(
            dict(type="scatter", x=[None], y=[None], mode="lines",
                 name=t("results.chart.no_change", lang),
                 line={"color": NEUTRAL_LINE, "dash": "dot"}, hoverinfo="skip")
        )
    traces.extend(knockout_legend(knocked, lang))
    return _make(
        traces,
        title or t("results.chart.pillars.title", lang),
        lang,
        subtitle,
        shapes=shapes,
        barmode="group",
        height=150 + rows_height(ticks, 54),
        legend_rows=1,
        xaxis={"title": {"text": t("results.chart.pillar_score", lang)}},
        yaxis={"type": "category", "tickmode": "array", "tickvals": ids, "ticktext": ticks,
               "autorange": "reversed"},
    )


# -- radar --------------------------------------------------------------------------


def radar_chart(
    values: pd.DataFrame,
    *,
    lang: str = "nl",
    axis_labels: Mapping[str, str] | None = None,
    axis_pillars: Mapping[str, Pillar | str] | None = None,
    measure_names: Mapping[str, str] | None = None,
    neutral: Mapping[str, float] | None = None,
    subtitle: str | None = None,
    title: str | None = None,
) -> go.Figure:
    """Profiles of two or more measures overlaid: one closed line per measure.

    `values` has one row per measure and one column per axis (pillars or criteria),
    on the value scale 0..1 (1 = best). `axis_labels` and `measure_names` are plain
    text; `axis_pillars` colours each axis label by its pillar. `neutral` draws the
    "no change" profile as a dotted grey line.
    """
    axes = [str(c) for c in values.columns]
    labels = axis_labels or {}
    pillars = axis_pillars or {}

    def tick(axis: str) -> str:
        text = wrap(labels.get(axis, axis), 18)
        pillar = pillars.get(axis)
        if pillar is None:
            return text
        colour = PILLAR_INK[Pillar(pillar)]
        return "<br>".join(f'<span style="color:{colour}">{line}</span>'
                           for line in text.split("<br>"))

    traces = _radar_traces(values, axes, labels, measure_names or {}, neutral, lang)
    return _make(
        traces,
        title or t("results.chart.radar.title", lang),
        lang,
        subtitle,
        height=620,
        legend_rows=2,  # measure names can be long: room for two rows above the radar
        polar={
            # the axis labels sit outside the circle: keep room for them
            "domain": {"x": [0.08, 0.92], "y": [0.07, 0.93]},
            "radialaxis": {"range": [0, 1], "tickvals": [0, 0.25, 0.5, 0.75, 1],
                           "tickformat": ".2f", "angle": 90 - 180 / max(len(axes), 1),
                           "tickfont": {"size": FONT_SIZE, "color": MUTED_INK}},
            "angularaxis": {"tickmode": "array", "tickvals": axes,
                            "ticktext": [tick(a) for a in axes], "direction": "clockwise"},
        },
    )


def _radar_traces(values: pd.DataFrame, axes: list[str], labels: Mapping[str, str],
                  names: Mapping[str, str], neutral: Mapping[str, float] | None,
                  lang: str) -> list[dict[str, Any]]:
    """The dotted "no change" profile (if given), then one closed line per measure."""
    closed = axes + axes[:1]
    traces: list[dict[str, Any]] = []
    if neutral:
        r = [float(neutral.get(a, np.nan)) for a in axes]
        traces.append(
            dict(
                type="scatterpolar",
                r=r + r[:1], theta=closed, mode="lines", name=t("results.chart.no_change", lang),
                line={"color": NEUTRAL_LINE, "dash": "dot", "width": 1.5}, hoverinfo="skip",
            )
        )
    for k, (mid, row) in enumerate(values.iterrows()):
        r = row.astype(float).tolist()
        colour = MEASURE_COLOURS[k % len(MEASURE_COLOURS)]
        name = esc(names.get(str(mid), str(mid)))
        traces.append(
            dict(
                type="scatterpolar",
                r=r + r[:1],
                theta=closed,
                mode="lines+markers",
                fill="toself",
                fillcolor="rgba(0,0,0,0.04)",
                opacity=0.85,
                name=name,
                line={"color": colour, "width": 2.5,
                      "dash": MEASURE_DASHES[k % len(MEASURE_DASHES)]},
                marker={"size": 6},
                customdata=[esc(labels.get(a, a)) for a in closed],
                hovertemplate=name + "<br>%{customdata}: %{r:.2f}<extra></extra>",
            )
        )
    return traces


def radar_from_table(
    table: pd.DataFrame, measures: Sequence[str], *, lang: str = "nl",
    neutral: Mapping[Pillar | str, float] | None = None, subtitle: str | None = None,
) -> go.Figure:
    """Radar of the pillar scores of the chosen measures."""
    labels = measure_labels(table, lang)
    knocked = dict(zip(table.index, knocked_out(table), strict=True))
    labels = pd.Series({m: labels[m] + (knockout_suffix(lang) if knocked[m] else "")
                        for m in table.index}, dtype=object)
    chosen = [m for m in measures if m in table.index]
    values = table.loc[chosen, [p.value for p in PILLARS]].astype(float)
    return radar_chart(
        values,
        lang=lang,
        axis_labels={p.value: pillar_name(p, lang) for p in PILLARS},
        axis_pillars={p.value: p for p in PILLARS},
        measure_names={str(m): labels[m] for m in chosen},
        neutral={p.value: v for p, v in _pillar_dict(neutral).items()},
        subtitle=subtitle,
    )


def radar_from_assessment(
    assessment: Assessment, measures: Sequence[str], *, lang: str = "nl",
    subtitle: str | None = None,
) -> go.Figure:
    """Radar of the criterion values (0..1) of the chosen measures, criteria by pillar."""
    values = criterion_values(assessment)
    columns = [c.id for p in PILLARS for c in assessment.criteria_of(p)]
    chosen = [m for m in measures if m in values.index]
    return radar_chart(
        values.loc[chosen, columns],
        lang=lang,
        axis_labels={c.id: c.label(lang) for c in assessment.criteria},
        axis_pillars={c.id: c.pillar for c in assessment.criteria},
        measure_names=knockout_names(assessment, lang),
        neutral=criterion_neutral_values(assessment),
        subtitle=subtitle,
    )


def knockout_names(assessment: Assessment, lang: str) -> dict[str, str]:
    """Measure id -> name, "(niet toelaatbaar)" after a measure that fails a knock-out."""
    from impact.knockouts import knockouts

    failing = knockouts(assessment)
    return {m.id: m.label(lang) + (knockout_suffix(lang) if m.id in failing else "")
            for m in assessment.measures}


def default_radar_measures(table: pd.DataFrame, k: int = 3) -> list[str]:
    """The `k` best measures: the radar's default selection."""
    return [str(i) for i in _sorted(table).index[:k]]
