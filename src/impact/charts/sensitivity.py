"""Robustness charts (the sensitivity page): SMAA rank acceptability, weight stability,
the stakeholder perspectives' rankings and their agreement (Kendall's tau)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from impact.charts.labels import esc, fmt, pillar_name, rows_height, wrap
from impact.charts.style import (
    ACCEPTABILITY_COLOURS,
    DIVERGING_SCALE,
    FONT_SIZE,
    PILLAR_COLOURS,
    PILLAR_TINTS,
    RANK_SCALE,
    _make,
)
from impact.i18n import t
from impact.model import Pillar

# -- SMAA rank acceptability ---------------------------------------------------------

def acceptability_chart(
    acceptability: pd.DataFrame,
    *,
    measure_names: Mapping[str, str],
    lang: str = "nl",
    subtitle: str | None = None,
    title: str | None = None,
) -> go.Figure:
    """Stacked bars: for each measure the share of weight samples giving it rank 1, 2, 3
    or lower.

    `acceptability` is measures × ranks (1..n), rows summing to 1. Ranks 1, 2 and 3
    have a bar each and the rest one together ("rank 4 or lower"): four colours far
    apart instead of one per rank, which nobody tells apart. Measures are sorted by
    their expected rank, so the most robust ones stand on top.
    """
    acc = acceptability.astype(float)
    ranks = [int(r) for r in acc.columns]
    expected = (acc * np.array(ranks, dtype=float)).sum(axis=1)
    order = expected.sort_values(kind="stable").index
    acc = acc.loc[order]
    ids = [str(i) for i in acc.index]
    names = [esc(measure_names.get(i, i)) for i in ids]
    ticks = [wrap(measure_names.get(i, i), 34) for i in ids]
    traces: list[dict[str, Any]] = []
    for (label, shares), colour in zip(_rank_groups(acc, ranks, lang), ACCEPTABILITY_COLOURS,
                                       strict=False):
        traces.append(
            dict(
                type="bar",
                y=ids,
                x=shares * 100.0,
                orientation="h",
                name=label,
                marker={"color": colour, "line": {"color": "white", "width": 0.5}},
                customdata=names,
                hovertemplate="%{customdata}<br>" + label + ": %{x:.1f}%<extra></extra>",
            )
        )
    return _make(
        traces,
        title or t("results.chart.acceptability.title", lang),
        lang,
        subtitle,
        barmode="stack",
        height=150 + rows_height(ticks, 36),
        legend_rows=1,
        legend={"orientation": "h", "yanchor": "bottom", "y": 1.01, "x": 0.0,
                "traceorder": "normal"},
        xaxis={"title": {"text": t("results.chart.acceptability.x", lang)},
               "range": [0, 100], "ticksuffix": "%"},
        yaxis={"autorange": "reversed", "tickmode": "array", "tickvals": ids,
               "ticktext": ticks,
               "type": "category"},
    )


def _rank_groups(acc: pd.DataFrame, ranks: list[int],
                 lang: str) -> list[tuple[str, np.ndarray]]:
    """(legend name, shares) for ranks 1, 2, 3 each and the ranks below together."""
    groups = [(t("results.chart.rank_n", lang, rank=r), acc.iloc[:, k].to_numpy())
              for k, r in enumerate(ranks) if r <= 3]
    rest = [k for k, r in enumerate(ranks) if r > 3]
    if rest:
        groups.append((t("results.chart.rank_rest", lang, rank=4),
                       acc.iloc[:, rest].sum(axis=1).to_numpy()))
    return groups


# -- weight stability -----------------------------------------------------------------

def stability_chart(
    stability: pd.DataFrame,
    *,
    lang: str = "nl",
    subtitle: str | None = None,
    title: str | None = None,
) -> go.Figure:
    """Per pillar the weight range in which the best measure, and the whole order, stay.

    `stability` is `robustness.weight_stability(...)`: index = pillars, columns weight,
    top_low, top_high, order_low, order_high, as fractions 0..1 (or points 0..100).
    The other two pillars keep their mutual ratio while one pillar's weight moves.
    """
    data = stability.copy()
    data.index = [Pillar(str(i)) for i in data.index]
    cols = ["weight", "top_low", "top_high", "order_low", "order_high"]
    numbers = data[cols].astype(float)
    scale = 1.0 if numbers.max().max() > 1.0 + 1e-9 else 100.0
    numbers = numbers * scale
    names = [pillar_name(p, lang) for p in data.index]
    # a wide pale bar: the top measure stays; inside it a narrow dark bar: the whole order stays
    traces: list[dict[str, Any]] = []
    for kind, colours, width in (("top", PILLAR_TINTS, 0.6), ("order", PILLAR_COLOURS, 0.3)):
        low, high = numbers[f"{kind}_low"], numbers[f"{kind}_high"]
        label = t(f"results.chart.stability.{kind}", lang)
        traces.append(
            dict(
                type="bar",
                y=names,
                base=low.to_numpy(),
                x=(high - low).to_numpy(),
                orientation="h",
                name=label,
                marker={"color": [colours[p] for p in data.index]},
                width=width,
                customdata=np.column_stack([low.to_numpy(), high.to_numpy()]),
                hovertemplate="%{y}: %{customdata[0]:.0f}–%{customdata[1]:.0f}<extra>"
                + label + "</extra>",
            )
        )
    traces.append(
        dict(
            type="scatter",
            y=names,
            x=numbers["weight"].to_numpy(),
            mode="markers",
            name=t("results.chart.stability.current", lang),
            marker={"symbol": "line-ns", "size": 30, "line": {"width": 4, "color": "#000000"}},
            hovertemplate="%{y}: %{x:.0f}<extra>"
            + t("results.chart.stability.current", lang) + "</extra>",
        )
    )
    return _make(
        traces,
        title or t("results.chart.stability.title", lang),
        lang,
        subtitle,
        barmode="overlay",
        height=330,
        legend_rows=1,
        xaxis={"title": {"text": t("results.chart.stability.x", lang)}, "range": [0, 100]},
        yaxis={"autorange": "reversed"},
    )


# -- perspectives ----------------------------------------------------------------------

def perspectives_chart(
    ranks: pd.DataFrame,
    *,
    measure_names: Mapping[str, str],
    no_regret: Iterable[str] = (),
    lang: str = "nl",
    subtitle: str | None = None,
    title: str | None = None,
) -> go.Figure:
    """The ranking per stakeholder perspective side by side (measures × profiles).

    Each cell shows the rank a perspective gives a measure; measures are sorted by
    their mean rank and no-regret measures carry a star.
    """
    data = ranks.astype(float)
    order = data.mean(axis=1).sort_values(kind="stable").index
    data = data.loc[order]
    ids = [str(i) for i in data.index]
    profiles = [str(c) for c in data.columns]
    keep = {str(m) for m in no_regret}
    ticks = [("★ " if i in keep else "") + wrap(measure_names.get(i, i), 30) for i in ids]
    n = max(len(ids), 2)
    traces = [
        dict(
            type="heatmap",
            z=data.to_numpy(),
            x=list(range(len(profiles))),
            y=ids,
            text=[[fmt(v, lang, 0) for v in row] for row in data.to_numpy()],
            texttemplate="%{text}",
            textfont={"size": FONT_SIZE},
            colorscale=RANK_SCALE,  # rank 1 dark, as in the acceptability chart
            zmin=1,
            zmax=n,
            xgap=2,
            ygap=2,
            customdata=[[[esc(measure_names.get(i, i)), esc(p)] for p in profiles] for i in ids],
            hovertemplate="%{customdata[0]}<br>%{customdata[1]}: "
            + t("word.rank", lang).lower() + " %{z:.0f}<extra></extra>",
            showscale=False,  # the ranks are written in the cells
        )
    ]
    return _make(
        traces,
        title or t("results.chart.perspectives.title", lang),
        lang,
        subtitle,
        height=200 + rows_height(ticks, 34),
        legend_rows=2,  # room for the profile names above the columns
        xaxis={"tickmode": "array", "tickvals": list(range(len(profiles))),
               "ticktext": [wrap(p, 16) for p in profiles], "side": "top"},
        yaxis={"autorange": "reversed", "tickmode": "array", "tickvals": ids,
               "ticktext": ticks, "type": "category"},
    )


def kendall_chart(
    tau: pd.DataFrame, *, lang: str = "nl", subtitle: str | None = None,
    title: str | None = None,
) -> go.Figure:
    """Kendall's tau between the perspectives' rankings (1 = same order, −1 = reversed)."""
    names = [str(c) for c in tau.columns]
    values = tau.astype(float).to_numpy()
    positions = list(range(len(names)))
    traces = [
        dict(
            type="heatmap",
            z=values,
            x=positions,
            y=positions,
            text=[[fmt(v, lang, 2) for v in row] for row in values],
            texttemplate="%{text}",
            textfont={"size": FONT_SIZE},
            colorscale=DIVERGING_SCALE,
            zmin=-1,
            zmax=1,
            zmid=0,
            xgap=2,
            ygap=2,
            customdata=[[[esc(a), esc(b)] for b in names] for a in names],
            hovertemplate="%{customdata[0]} · %{customdata[1]}: τ = %{z:.2f}<extra></extra>",
            colorbar={"title": {"text": "τ"}, "thickness": 14},
        )
    ]
    ticks = [wrap(n, 16) for n in names]
    return _make(
        traces,
        title or t("results.chart.kendall.title", lang),
        lang,
        subtitle,
        height=200 + rows_height(ticks, 50),
        xaxis={"tickmode": "array", "tickvals": positions, "ticktext": ticks},
        yaxis={"tickmode": "array", "tickvals": positions, "ticktext": ticks,
               "autorange": "reversed"},
    )
