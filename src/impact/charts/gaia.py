"""PROMETHEE's GAIA plane: measures as points, criteria as axes, the decision stick.

The plane is `impact.engine.evaluation_gaia` (principal components of the unicriterion
net flows). Measures are numbered by their place in the ranking (the key beside the
plot names them) and coloured by the pillar most of their score comes from, as in the
balance chart; each criterion is an arrow in its pillar's colour, lettered A, B, ...
(the key names them); the decision stick (the weights) is the thick black arrow. The
criterion arrows and the stick are scaled by one factor so that the longest arrow
reaches the farthest measure (directions and their ratios are GAIA's; only the common
length is chosen for reading). The subtitle says how much of the information the
plane keeps (delta).
"""

from __future__ import annotations

import string
from typing import Any

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from impact.charts.balance import _legend_entries, dominant_pillars, pillar_shares
from impact.charts.frames import _sorted
from impact.charts.labels import esc, label_positions, measure_labels, numbered_key
from impact.charts.style import (
    FONT_SIZE,
    INK,
    KEY_LINE_HEIGHT,
    LAYOUT_WIDTHS,
    PILLAR_COLOURS,
    PILLAR_INK,
    _make,
)
from impact.i18n import t
from impact.methods.promethee import GaiaPlane
from impact.model import PILLARS, Assessment
from impact.numbers import format_percent

__all__ = ["arrow_scale", "criterion_marks", "gaia_chart"]

STICK_COLOUR = INK


def criterion_marks(count: int) -> list[str]:
    """A, B, ..., Z, then AA, AB, ...: the criteria's marks on the plane and in the key."""
    letters = string.ascii_uppercase
    return [letters[k] if k < 26 else letters[k // 26 - 1] + letters[k % 26]
            for k in range(count)]


def arrow_scale(plane: GaiaPlane) -> float:
    """The one factor the criterion arrows and the stick are drawn with."""
    reach = float(np.hypot(*plane.measures.to_numpy().T).max(initial=0.0))
    longest = float(np.hypot(*plane.criteria.to_numpy().T).max(initial=0.0))
    return reach / longest if longest > 0 and reach > 0 else 1.0


def _key(measures: list[str], criteria: list[str], lang: str) -> dict[str, Any]:
    """One key beside the plot: the numbered measures, then the lettered criteria."""
    first = numbered_key(measures, title=t("results.chart.key", lang))
    second = numbered_key(criteria, title=t("results.chart.gaia.criteria", lang))
    text = second["annotation"]["text"]
    for number, mark in enumerate(criterion_marks(len(criteria)), start=1):
        text = text.replace(f"<b>{number}</b>\u00a0", f"<b>{mark}</b>\u00a0", 1)
    annotation = dict(first["annotation"], text=first["annotation"]["text"] + "<br><br>" + text)
    return {"annotation": annotation, "margin": max(first["margin"], second["margin"]),
            "lines": first["lines"] + second["lines"] + 1}


def gaia_chart(plane: GaiaPlane, table: pd.DataFrame, assessment: Assessment, *,
               lang: str = "nl", subtitle: str | None = None,
               title: str | None = None) -> go.Figure:
    """The GAIA plane of `plane` (see `impact.methods.promethee.gaia`); `table` is the
    evaluation's (for places, labels and the dominant pillar)."""
    data = _sorted(table.loc[[m for m in table.index if m in plane.measures.index]])
    labels = measure_labels(data, lang)
    numbers = [str(k) for k in range(1, len(data) + 1)]
    criteria = [assessment.criterion(c) for c in plane.criteria.index]
    marks = criterion_marks(len(criteria))
    key = _key([labels[i] for i in data.index], [c.label(lang) for c in criteria], lang)
    factor = arrow_scale(plane)
    points = plane.measures.loc[data.index]
    tips = plane.criteria.to_numpy() * factor
    stick = plane.stick.to_numpy() * factor
    reach = max(float(np.abs(np.vstack([points.to_numpy(), tips, stick[None]])).max()), 1e-9)
    span = [-1.15 * reach, 1.15 * reach]
    height = int(max(600.0, 172.0 + KEY_LINE_HEIGHT * key["lines"]))
    spots = label_positions(
        (np.r_[points["u"], tips[:, 0]] - span[0]) / (span[1] - span[0]),
        (np.r_[points["v"], tips[:, 1]] - span[0]) / (span[1] - span[0]),
        sizes=[16] * len(points) + [10] * len(tips), texts=numbers + marks,
        spans=[(min(w - key["margin"] - 80, height - 172.0),) * 2 for w in LAYOUT_WIDTHS])
    dominant = dominant_pillars(pillar_shares(data))
    traces: list[dict[str, Any]] = [
        *(_arrow(tip, PILLAR_COLOURS[c.pillar], 2.5, f"{mark}. {esc(c.label(lang))}")
          for tip, c, mark in zip(tips, criteria, marks, strict=True)),
        dict(type="scatter", x=tips[:, 0], y=tips[:, 1], mode="text", text=marks,
             textposition=list(spots[len(points):]), cliponaxis=False, showlegend=False,
             textfont={"size": FONT_SIZE, "color": [PILLAR_INK[c.pillar] for c in criteria]},
             hoverinfo="skip", name=t("results.chart.gaia.criteria", lang)),
        dict(_arrow(stick, STICK_COLOUR, 5, t("results.chart.gaia.stick", lang)),
             name=t("results.chart.gaia.stick", lang), showlegend=True),
        dict(type="scatter", x=points["u"].to_numpy(), y=points["v"].to_numpy(),
             mode="markers+text", ids=[str(i) for i in data.index], text=numbers,
             textposition=list(spots[:len(points)]), cliponaxis=False, showlegend=False,
             textfont={"size": FONT_SIZE, "color": INK}, name=t("word.measures", lang),
             marker={"size": 16, "color": [PILLAR_COLOURS[p] for p in dominant],
                     "opacity": 0.9, "line": {"color": INK, "width": 1}},
             customdata=np.column_stack([
                 [f"{n}. {esc(labels[i])}" for n, i in zip(numbers, data.index, strict=True)],
                 data["score"].astype(float).to_numpy(), data["rank"].to_numpy()]),
             hovertemplate="%{customdata[0]}<br>" + t("word.score", lang)
             + ": %{customdata[1]:.3f} · " + t("word.rank", lang)
             + ": %{customdata[2]}<extra></extra>"),
        *_legend_entries("scatter", [(t(f"pillar.{p.value}", lang), PILLAR_COLOURS[p], "circle")
                                     for p in PILLARS if p in dominant]),
    ]
    kept = t("results.chart.gaia.kept", lang, share=format_percent(plane.kept, lang, 0))
    axis = {"range": span, "zeroline": True, "showticklabels": False}
    return _make(
        traces, title or t("results.chart.gaia.title", lang), lang,
        kept + (" · " + subtitle if subtitle else ""),
        height=height, legend_rows=1, key=key, margin={"b": 40},
        xaxis={**axis, "title": {"text": t("results.chart.gaia.axis_u", lang)}},
        yaxis={**axis, "title": {"text": t("results.chart.gaia.axis_v", lang)},
               # equal units on both axes; a tall chart (a long key) keeps a square plot
               "scaleanchor": "x", "scaleratio": 1, "constrain": "domain",
               "constraintoward": "top"},
    )


def _arrow(tip: np.ndarray, colour: str, width: float, hover: str) -> dict[str, Any]:
    """A line from the origin to `tip` with an arrowhead."""
    return dict(type="scatter", x=[0.0, float(tip[0])], y=[0.0, float(tip[1])],
                mode="lines+markers", showlegend=False, name=hover,
                line={"color": colour, "width": width},
                marker={"size": [0, 4 * width + 4], "symbol": "arrow", "angleref": "previous",
                        "color": colour},
                hovertemplate=hover + "<extra></extra>")
