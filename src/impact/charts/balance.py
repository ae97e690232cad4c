"""Where scores come from: the balance triangle and the trade-off scatter."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from impact.charts.frames import _pillar_dict, _sorted
from impact.charts.labels import esc, label_positions, measure_labels, pillar_name, short
from impact.charts.style import FONT_SIZE, NEUTRAL_LINE, PEOPLE_SCALE, PILLAR_COLOURS, _make
from impact.i18n import t
from impact.model import PILLARS, Pillar

# -- balance (ternary) -------------------------------------------------------------


def pillar_shares(table: pd.DataFrame) -> pd.DataFrame:
    """Which share of each measure's score comes from each pillar (rows sum to 1).

    Based on the pillar contributions (pillar weight × pillar score), so the shares
    follow the weights; with equal weights they are the shares of the pillar scores.
    Negative contributions count as 0; a measure without any contribution sits in
    the middle.
    """
    columns = [f"contrib_{p.value}" for p in PILLARS]
    parts = table[columns].astype(float).clip(lower=0.0).fillna(0.0)
    parts.columns = [p.value for p in PILLARS]
    total = parts.sum(axis=1)
    shares = parts.div(total.where(total > 0, np.nan), axis=0)
    return shares.fillna(1 / 3)


def _ternary_minimums(shares: pd.DataFrame, step: float = 0.05) -> dict[str, float]:
    """Axis minimums that zoom the ternary plot onto the data (in steps of `step`)."""
    mins = {p.value: max(0.0, np.floor((shares[p.value].min() - step) / step) * step)
            for p in PILLARS}
    total = sum(mins.values())
    if total > 0.85:  # keep a readable triangle
        mins = {k: v * 0.85 / total for k, v in mins.items()}
    return mins


def balance_chart(
    table: pd.DataFrame, *, lang: str = "nl", subtitle: str | None = None,
    title: str | None = None,
) -> go.Figure:
    """Ternary plot: where each measure's score comes from; marker size = overall score.

    A measure in the middle owes its score evenly to the three pillars; one near a
    corner to that pillar alone. The triangle zooms onto the measures (see the axis
    ticks); shares use the current weights (`pillar_shares`).
    """
    data = _sorted(table)
    shares = pillar_shares(data)
    minimums = _ternary_minimums(shares)

    def axis(pillar: Pillar) -> dict[str, Any]:
        return {
            "title": {"text": pillar_name(pillar, lang),
                      "font": {"color": PILLAR_COLOURS[pillar], "size": FONT_SIZE + 1}},
            "color": PILLAR_COLOURS[pillar], "tickformat": ".0%",
            "min": minimums[pillar.value], "linewidth": 3,
        }

    return _make(
        [_balance_points(data, shares, lang)],
        title or t("results.chart.balance.title", lang),
        lang,
        subtitle,
        height=520,
        showlegend=False,
        ternary={"sum": 1, "aaxis": axis(Pillar.ECOLOGY), "baxis": axis(Pillar.ECONOMY),
                 "caxis": axis(Pillar.PEOPLE)},
    )


def _balance_points(data: pd.DataFrame, shares: pd.DataFrame, lang: str) -> dict[str, Any]:
    """The measures in the triangle, larger the higher their overall score."""
    labels = measure_labels(data, lang)
    scores = data["score"].astype(float).to_numpy()
    span = np.nanmax(scores) - np.nanmin(scores) if scores.size else 0.0
    relative = (scores - np.nanmin(scores)) / span if span > 0 else np.full_like(scores, 0.5)
    hover = np.column_stack(
        [
            [esc(labels[i]) for i in data.index],
            data["score"].astype(float).to_numpy(),
            data["rank"].to_numpy(),
        ]
    )
    return dict(
        type="scatterternary",
        a=shares[Pillar.ECOLOGY.value].to_numpy(),
        b=shares[Pillar.ECONOMY.value].to_numpy(),
        c=shares[Pillar.PEOPLE.value].to_numpy(),
        mode="markers+text",
        text=[short(labels[i], 18) for i in data.index],
        # ternary: economy share against ecology share is a fair 2-D proxy for nearness
        textposition=list(label_positions(shares[Pillar.ECOLOGY.value],
                                          shares[Pillar.ECONOMY.value])),
        cliponaxis=False,  # labels near an edge of the zoomed triangle stay whole
        textfont={"size": 11},
        marker={"size": 12 + 22 * relative, "color": "#333333", "opacity": 0.8,
                "line": {"color": "white", "width": 1}},
        ids=[str(i) for i in data.index],
        name=t("word.measures", lang),
        customdata=hover,
        hovertemplate=(
            "%{customdata[0]}<br>"
            + pillar_name(Pillar.ECOLOGY, lang) + ": %{a:.0%}<br>"
            + pillar_name(Pillar.ECONOMY, lang) + ": %{b:.0%}<br>"
            + pillar_name(Pillar.PEOPLE, lang) + ": %{c:.0%}<br>"
            + t("word.score", lang) + ": %{customdata[1]:.3f} · "
            + t("word.rank", lang) + ": %{customdata[2]}<extra></extra>"
        ),
    )


# -- trade-off scatter ---------------------------------------------------------------


def tradeoff_chart(
    table: pd.DataFrame,
    neutral: Mapping[Pillar | str, float] | None = None,
    *,
    lang: str = "nl",
    x: Pillar = Pillar.ECOLOGY,
    y: Pillar = Pillar.ECONOMY,
    colour: Pillar = Pillar.PEOPLE,
    subtitle: str | None = None,
    title: str | None = None,
) -> go.Figure:
    """Ecology against economy, colour = people; neutral lines, named quadrants, Pareto set.

    `neutral` holds the pillar scores of "no change" (`Evaluation.neutral`): right of
    and above those lines a measure improves on that pillar.
    """
    neutral = _pillar_dict(neutral)
    nx = neutral.get(x, 0.0)
    ny = neutral.get(y, 0.0)
    nx = nx if np.isfinite(nx) else 0.0  # a pillar without criteria has no neutral point
    ny = ny if np.isfinite(ny) else 0.0
    data = _sorted(table)
    xs = data[x.value].astype(float)
    ys = data[y.value].astype(float)
    cs = data[colour.value].astype(float)
    x_range = _padded_range(nx, xs, 0.06)
    y_range = _padded_range(ny, ys, 0.08)
    c_lo = float(min(0.0, cs.min())) if cs.notna().any() else 0.0
    c_hi = float(max(1.0, cs.max())) if cs.notna().any() else 1.0
    return _make(
        _tradeoff_points(data, (x, y, colour), lang),
        title or t("results.chart.tradeoff.title", lang),
        lang,
        subtitle,
        shapes=_neutral_lines(nx, ny, x_range, y_range),
        annotations=_quadrant_labels(nx, x_range, y_range, lang),
        height=560,
        legend_rows=1,
        coloraxis={
            "colorscale": PEOPLE_SCALE, "cmin": c_lo, "cmax": c_hi,
            "colorbar": {"title": {"text": pillar_name(colour, lang)}, "thickness": 14},
        },
        xaxis={"title": {"text": pillar_name(x, lang) + " →",
                         "font": {"color": PILLAR_COLOURS[x]}},
               "range": list(x_range), "zeroline": False},
        yaxis={"title": {"text": pillar_name(y, lang) + " →",
                         "font": {"color": PILLAR_COLOURS[y]}},
               "range": list(y_range), "zeroline": False},
    )


def _tradeoff_points(data: pd.DataFrame, axes: tuple[Pillar, Pillar, Pillar],
                     lang: str) -> list[dict[str, Any]]:
    """The measures as two traces: dominated circles, then Pareto-optimal diamonds."""
    x, y, colour = axes
    labels = measure_labels(data, lang)
    xs = data[x.value].astype(float)
    ys = data[y.value].astype(float)
    cs = data[colour.value].astype(float)
    pareto = (
        data["pareto"].fillna(False).astype(bool) if "pareto" in data
        else pd.Series(False, index=data.index)
    )
    spots = label_positions(xs, ys)
    hover_tail = (
        "%{customdata[0]}<br>"
        + pillar_name(x, lang) + ": %{x:.2f}<br>"
        + pillar_name(y, lang) + ": %{y:.2f}<br>"
        + pillar_name(colour, lang) + ": %{customdata[1]:.2f}<br>"
        + t("word.score", lang) + ": %{customdata[2]:.3f} · " + t("word.rank", lang)
        + ": %{customdata[3]}"
    )
    traces: list[dict[str, Any]] = []
    for is_pareto in (False, True):
        mask = (pareto == is_pareto).to_numpy()
        if not mask.any():
            continue
        sub = data[mask]
        traces.append(
            dict(
                type="scatter",
                x=xs[mask].to_numpy(),
                y=ys[mask].to_numpy(),
                mode="markers+text",
                ids=[str(i) for i in sub.index],
                text=[short(labels[i], 18) for i in sub.index],
                textposition=list(spots[mask]),
                textfont={"size": 11},
                name=t("results.chart.pareto" if is_pareto else "results.chart.dominated", lang),
                marker={
                    "size": 20 if is_pareto else 14,
                    "symbol": "diamond" if is_pareto else "circle",
                    "color": cs[mask].to_numpy(),
                    "coloraxis": "coloraxis",
                    "line": {"color": "#000000" if is_pareto else "#777777",
                             "width": 2.5 if is_pareto else 1},
                },
                customdata=np.column_stack(
                    [
                        [esc(labels[i]) for i in sub.index],
                        cs[mask].to_numpy(),
                        sub["score"].astype(float).to_numpy(),
                        sub["rank"].to_numpy(),
                    ]
                ),
                hovertemplate=hover_tail
                + ("<br>" + t("results.chart.pareto", lang) if is_pareto else "")
                + "<extra></extra>",
            )
        )
    return traces


def _padded_range(neutral: float, values: pd.Series, pad: float) -> tuple[float, float]:
    """An axis range holding 0..1, the neutral point and the data, widened by `pad`."""
    finite = values[np.isfinite(values)].tolist()
    lo = min([neutral, 0.0, *finite])
    hi = max([neutral, 1.0, *finite])
    margin = pad * (hi - lo or 1.0)
    return lo - margin, hi + margin


def _neutral_lines(nx: float, ny: float, x_range: tuple[float, float],
                   y_range: tuple[float, float]) -> list[dict[str, Any]]:
    """Dashed "no change" lines through the neutral point, across the whole plot."""
    line = {"color": NEUTRAL_LINE, "width": 1.5, "dash": "dash"}
    return [
        dict(type="line", x0=nx, x1=nx, y0=y_range[0], y1=y_range[1], line=line),
        dict(type="line", x0=x_range[0], x1=x_range[1], y0=ny, y1=ny, line=line),
    ]


def _quadrant_labels(nx: float, x_range: tuple[float, float], y_range: tuple[float, float],
                     lang: str) -> list[dict[str, Any]]:
    """The quadrants' names in the plot's corners, and "no change" at the neutral line."""
    (x_lo, x_hi), (y_lo, y_hi) = x_range, y_range
    quadrant = {"showarrow": False, "font": {"size": FONT_SIZE, "color": "#444444"},
                "bgcolor": "rgba(255,255,255,0.7)"}
    corners = [
        (x_hi, y_hi, "right", "top", "results.chart.quadrant.win_win"),
        (x_lo, y_hi, "left", "top", "results.chart.quadrant.tradeoff"),
        (x_hi, y_lo, "right", "bottom", "results.chart.quadrant.tradeoff"),
        (x_lo, y_lo, "left", "bottom", "results.chart.quadrant.lose_lose"),
    ]
    annotations = [dict(x=cx, y=cy, xanchor=xa, yanchor=ya, text=t(key, lang), **quadrant)
                   for cx, cy, xa, ya, key in corners]
    annotations.append(dict(
        x=nx, y=y_lo, xanchor="left", yanchor="bottom", showarrow=False,
        text=t("results.chart.no_change", lang), font={"size": 11, "color": NEUTRAL_LINE},
    ))
    return annotations
