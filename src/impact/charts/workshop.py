"""Workshop figures: where the room disagrees, and how it moved between two rounds.

Input are the frames of `impact.workshop` (`aggregates`, `shift`): one row per
measure and criterion. Measure and criterion names are user text and escaped.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from impact.charts.labels import esc, fmt, rows_height, wrap
from impact.charts.style import DIVERGING_SCALE, FONT_SIZE, INK, SPREAD_SCALE, TITLE_SIZE
from impact.i18n import t


def _signed(value: float, lang: str = "nl") -> str:
    """+1,5, −1, 0 (Dutch) / +1.5, −1, 0: a cell label on a -3..+3 scale, two significant
    digits, in the one number notation (`impact.numbers`)."""
    if pd.isna(value):
        return ""
    if value == 0:
        return "0"
    short = f"{abs(value):.2g}"
    digits = 2 if "e" in short else len(short.partition(".")[2])
    return ("+" if value > 0 else "-") + fmt(abs(value), lang, digits)


def _cells(frame: pd.DataFrame, *values: str) -> tuple[list[str], list[str], list[pd.DataFrame]]:
    """Measures and criteria in first-seen order, and a measures × criteria grid per value."""
    measures = list(dict.fromkeys(frame["measure_id"]))
    criteria = list(dict.fromkeys(frame["criterion_id"]))
    grids = [
        frame.pivot(index="measure_id", columns="criterion_id", values=value)
        .reindex(index=measures, columns=criteria)
        for value in values
    ]
    return measures, criteria, grids


def _cell_heatmap(measures: list[str], criteria: list[str], measure_names: Mapping[str, str],
                  criterion_names: Mapping[str, str], title: str,
                  **heatmap: Any) -> go.Figure:
    """A measures × criteria heatmap with the names (escaped) on the axes."""
    rows = [wrap(measure_names.get(m, m), 32) for m in measures]  # whole names, never cut
    # a shorter colour bar: its title above clears the top tick
    heatmap["colorbar"] = {**heatmap.get("colorbar", {}), "len": 0.8, "y": 0.4,
                           "ticklabelposition": "outside bottom",
                           "yanchor": "middle"}
    fig = go.Figure(go.Heatmap(
        x=[wrap(criterion_names.get(c, c), 13) for c in criteria], y=rows,
        texttemplate="%{text}", xgap=2, ygap=2, **heatmap,
    ))
    fig.update_layout(
        title={"text": title, "x": 0, "xanchor": "left",
               "font": {"size": TITLE_SIZE, "color": INK}},
        yaxis={"autorange": "reversed"},
        xaxis={"side": "bottom", "tickangle": 0, "tickfont": {"size": FONT_SIZE}},
        margin={"l": 10, "r": 10, "t": 60, "b": 10}, height=160 + rows_height(rows, 40),
        font={"size": FONT_SIZE, "color": INK},
    )
    return fig


def disagreement_heatmap(agg: pd.DataFrame, measure_names: Mapping[str, str],
                         criterion_names: Mapping[str, str], lang: str = "nl") -> go.Figure:
    """Measures x criteria coloured by IQR (disagreement), the median written in each cell."""
    measures, criteria, (iqr, median, n) = _cells(agg, "iqr", "median", "n")
    top = float(np.nanmax(iqr.to_numpy())) if iqr.notna().any().any() else 1.0
    return _cell_heatmap(
        measures, criteria, measure_names, criterion_names,
        esc(t("workshop.chart.heatmap_title", lang)),
        z=iqr.to_numpy(dtype=float),
        text=median.map(lambda v: _signed(v, lang)).to_numpy(),
        customdata=np.dstack([median.to_numpy(dtype=float), n.to_numpy(dtype=float)]),
        colorscale=SPREAD_SCALE,
        zmin=0, zmax=max(top, 1.0),  # no spread yet: a 0..1 scale, not 0..1e-9
        colorbar={"title": {"text": esc(t("workshop.chart.iqr", lang))}},
        hovertemplate=(
            "%{y} · %{x}<br>" + esc(t("workshop.col.iqr", lang)) + ": %{z:.2f}<br>"
            + esc(t("workshop.col.median", lang)) + ": %{customdata[0]:.1f}<br>"
            + "n: %{customdata[1]:.0f}<extra></extra>"
        ),
    )


def shift_heatmap(frame: pd.DataFrame, measure_names: Mapping[str, str],
                  criterion_names: Mapping[str, str], lang: str = "nl") -> go.Figure:
    """Measures x criteria coloured by the change of the median between two rounds."""
    measures, criteria, (delta, iqr_delta) = _cells(frame, "median_shift", "iqr_shift")
    span = float(np.nanmax(np.abs(delta.to_numpy()))) if delta.notna().any().any() else 1.0
    return _cell_heatmap(
        measures, criteria, measure_names, criterion_names,
        esc(t("workshop.chart.shift_title", lang)),
        z=delta.to_numpy(dtype=float),
        text=delta.map(lambda v: _signed(v, lang)).to_numpy(),
        customdata=iqr_delta.to_numpy(dtype=float),
        colorscale=DIVERGING_SCALE, zmid=0, zmin=-max(span, 0.5), zmax=max(span, 0.5),
        colorbar={"title": {"text": esc(t("workshop.chart.median_shift", lang))}},
        hovertemplate=(
            "%{y} · %{x}<br>" + esc(t("workshop.col.median_shift", lang)) + ": %{z:+.1f}<br>"
            + esc(t("workshop.col.iqr_shift", lang)) + ": %{customdata:+.2f}<extra></extra>"
        ),
    )
