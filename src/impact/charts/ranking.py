"""The ranking: overall score per measure, stacked by pillar contribution, best on top."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from impact.charts.frames import _sorted
from impact.charts.labels import (
    _violated_names,
    esc,
    fmt,
    knocked_out,
    knockout_hover,
    knockout_suffix,
    measure_labels,
    pillar_name,
    rows_height,
    wrap,
)
from impact.charts.style import (
    FLOOR_COLOUR,
    KNOCKOUT_COLOUR,
    KNOCKOUT_FILL,
    NO_REGRET_COLOUR,
    PILLAR_COLOURS,
    _make,
)
from impact.i18n import t
from impact.model import PILLARS

# Where the marker columns stand, as multiples of the highest score (right of the bars).
_VIOLATION_COLUMN = 1.16
_NO_REGRET_COLUMN = 1.26

# the x axis per method: what its score is
_AXIS_TITLES = {
    "wsm": "results.chart.ranking.x.wsm",
    "topsis": "results.chart.ranking.x.topsis",
    "vikor": "results.chart.ranking.x.vikor",
    "spotis": "results.chart.ranking.x.spotis",
    "promethee": "results.chart.ranking.x.promethee",
}


def ranking_chart(
    table: pd.DataFrame,
    *,
    lang: str = "nl",
    no_regret: Iterable[str] = (),
    subtitle: str | None = None,
    title: str | None = None,
    method: str = "wsm",
) -> go.Figure:
    """Horizontal bars of the overall score, stacked by pillar contribution, best on top.

    The x axis says what `method`'s score is (PROMETHEE's net flow runs -1..1,
    VIKOR's score is 1 - Q).

    `table` is `engine.evaluate(...).table`. Measures that violate a pillar floor get
    a vermillion cross, no-regret measures (best in every perspective) a black star,
    measures that fail a knock-out "(niet toelaatbaar)" after their name, hatched bars
    and the failing criteria on hover (see `knockout_legend`).
    """
    data = _sorted(table)
    ids = [str(i) for i in data.index]
    ticks, hover_names, knocked = bar_labels(data, lang)
    scores = data["score"].astype(float).to_numpy()
    positive = scores[np.isfinite(scores)]
    top = float(max(positive.max(), 0.0)) if positive.size else 1.0
    top = top or 1.0
    traces = [
        *_contribution_bars(data, ids, hover_names, lang),
        _score_labels(data, ids, hover_names, scores, lang),
        *_floor_markers(data, ids, hover_names, top * _VIOLATION_COLUMN, lang),
        *_no_regret_markers(ids, hover_names, no_regret, top * _NO_REGRET_COLUMN, lang),
        *knockout_legend(knocked, lang),
    ]
    low = float(min(0.0, np.nanmin(scores) if scores.size else 0.0))
    return _make(
        traces,
        title or t("results.chart.ranking.title", lang),
        lang,
        subtitle,
        barmode="relative",
        height=150 + rows_height(ticks, 38),
        legend_rows=1,
        xaxis={"title": {"text": t(_AXIS_TITLES.get(method, _AXIS_TITLES["wsm"]), lang)},
               "range": [low * 1.1, top * _NO_REGRET_COLUMN + top * 0.06], "zeroline": True},
        yaxis={"autorange": "reversed", "tickmode": "array", "tickvals": ids,
               "ticktext": ticks, "type": "category"},
    )


def _contribution_bars(data: pd.DataFrame, ids: list[str], hover_names: list[str],
                       lang: str) -> list[dict[str, Any]]:
    """One bar trace per pillar: its contribution (weight × pillar score) to the score."""
    traces: list[dict[str, Any]] = []
    for pillar in PILLARS:
        column = f"contrib_{pillar.value}"
        values = data[column].astype(float).to_numpy() if column in data else np.zeros(len(data))
        traces.append(
            dict(
                type="bar",
                y=ids,
                x=values,
                orientation="h",
                name=pillar_name(pillar, lang),
                marker={"color": PILLAR_COLOURS[pillar], **knockout_bars(data)},
                customdata=np.column_stack(
                    [hover_names, data[pillar.value].astype(float).to_numpy()]
                ) if pillar.value in data else hover_names,
                hovertemplate=(
                    "%{customdata[0]}<br>"
                    + pillar_name(pillar, lang)
                    + " · " + t("results.chart.contribution", lang) + ": %{x:.3f}"
                    + "<extra></extra>"
                ),
            )
        )
    return traces


def _score_labels(data: pd.DataFrame, ids: list[str], hover_names: list[str],
                  scores: np.ndarray, lang: str) -> dict[str, Any]:
    """The overall score written right of each bar."""
    return dict(
        type="scatter",
        y=ids,
        x=scores,
        mode="text",
        text=["\u00a0" + fmt(s, lang, 2) for s in scores],  # a little air after the bar
        textposition="middle right",
        name=t("word.score", lang),
        showlegend=False,
        customdata=np.column_stack([hover_names, data["rank"].to_numpy()]),
        hovertemplate=(
            "%{customdata[0]}<br>" + t("word.score", lang) + ": %{x:.3f} · "
            + t("word.rank", lang) + ": %{customdata[1]}<extra></extra>"
        ),
    )


def _floor_markers(data: pd.DataFrame, ids: list[str], hover_names: list[str],
                   column: float, lang: str) -> list[dict[str, Any]]:
    """A cross at `column` for each measure below a pillar floor (none: no trace)."""
    if "floor_violation" not in data:
        return []
    mask = data["floor_violation"].fillna(False).astype(bool).to_numpy()
    if not mask.any():
        return []
    violated = (
        data["violated_pillars"] if "violated_pillars" in data
        else pd.Series([""] * len(data), index=data.index)
    )
    return [
        dict(
            type="scatter",
            y=[i for i, m in zip(ids, mask, strict=True) if m],
            x=[column] * int(mask.sum()),
            mode="markers",
            marker={"symbol": "x", "size": 16, "color": FLOOR_COLOUR},
            name=t("results.chart.floor_violation", lang),
            customdata=[
                [hover_names[k], _violated_names(violated.iloc[k], lang)]
                for k in range(len(data)) if mask[k]
            ],
            hovertemplate=(
                "%{customdata[0]}<br>" + t("results.chart.floor_violation_hover", lang)
                + ": %{customdata[1]}<extra></extra>"
            ),
        )
    ]


def _no_regret_markers(ids: list[str], hover_names: list[str], no_regret: Iterable[str],
                       column: float, lang: str) -> list[dict[str, Any]]:
    """A star at `column` for each no-regret measure (none: no trace)."""
    regret_free = [i for i in ids if i in {str(m) for m in no_regret}]
    if not regret_free:
        return []
    return [
        dict(
            type="scatter",
            y=regret_free,
            x=[column] * len(regret_free),
            mode="markers",
            marker={"symbol": "star", "size": 18, "color": NO_REGRET_COLOUR},
            name=t("results.chart.no_regret", lang),
            customdata=[hover_names[ids.index(i)] for i in regret_free],
            hovertemplate=(
                "%{customdata}<br>" + t("results.chart.no_regret_hover", lang)
                + "<extra></extra>"
            ),
        )
    ]


def bar_labels(data: pd.DataFrame, lang: str) -> tuple[list[str], list[str], np.ndarray]:
    """The measures' tick labels (whole names, wrapped, never cut; "(niet toelaatbaar)"
    after a knocked-out one), their hover names (with the failing criteria) and which
    are knocked out: for the bar charts with a row per measure."""
    labels = measure_labels(data, lang)
    knocked = knocked_out(data)
    ticks = [wrap(labels[i] + (knockout_suffix(lang) if k else ""), 34)
             for i, k in zip(data.index, knocked, strict=True)]
    hover_names = [esc(labels[i]) + note for i, note in
                   zip(data.index, knockout_hover(data, lang), strict=True)]
    return ticks, hover_names, knocked


def knockout_bars(data: pd.DataFrame) -> dict[str, Any]:
    """Bar marker settings that hatch (grey, diagonal) the bars of knocked-out measures."""
    knocked = knocked_out(data)
    if not knocked.any():
        return {}
    return {"pattern": {"shape": ["/" if k else "" for k in knocked],
                        "fgcolor": KNOCKOUT_FILL, "fillmode": "overlay", "size": 8,
                        "solidity": 0.45},
            "line": {"color": [KNOCKOUT_COLOUR if k else "rgba(0,0,0,0)" for k in knocked],
                     "width": [2 if k else 0 for k in knocked]}}


def knockout_legend(knocked: np.ndarray, lang: str) -> list[dict[str, Any]]:
    """A legend entry "Niet toelaatbaar" (a hollow grey square) when any measure is."""
    if not np.asarray(knocked).any():
        return []
    return [dict(type="scatter", x=[None], y=[None], mode="markers", hoverinfo="skip",
                 name=t("results.chart.knocked_out_legend", lang), showlegend=True,
                 marker={"symbol": "square", "size": 14, "color": KNOCKOUT_FILL,
                         "line": {"color": KNOCKOUT_COLOUR, "width": 2.5}})]
