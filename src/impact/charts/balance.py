"""Where scores come from: the balance triangle and the trade-off scatter."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from impact.charts.frames import _pillar_dict, _sorted
from impact.charts.labels import (
    esc,
    knocked_out,
    knockout_hover,
    knockout_suffix,
    measure_labels,
    numbered_key,
    pillar_name,
)
from impact.charts.placement import moved_label_traces, place_labels
from impact.charts.style import (
    FONT_SIZE,
    INK,
    KEY_LINE_HEIGHT,
    KNOCKOUT_COLOUR,
    KNOCKOUT_FILL,
    LAYOUT_WIDTHS,
    NEUTRAL_LINE,
    PILLAR_COLOURS,
    PILLAR_INK,
    RANK_GROUP_COLOURS,
    _make,
)
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
    corner to that pillar alone. Each dot has the colour of its dominant pillar and
    carries its place in the ranking; the key beside the triangle gives the full names
    (and hovering a dot). The triangle zooms onto the measures (see the axis ticks);
    shares use the current weights (`pillar_shares`).
    """
    data = _sorted(table)
    shares = pillar_shares(data)
    minimums = _ternary_minimums(shares)
    dominant = dominant_pillars(shares)
    key = numbered_key(_key_names(data, lang), title=t("results.chart.key", lang))
    plot_w, plot_h = _plot_size(key, left=60)
    # the largest equilateral triangle in the ternary's domain (88 % wide, 86 % high),
    # with the domain at the top of a chart made tall by a long key; labels are placed
    # for the report's width and an exported image's
    sides = [min(0.88 * w, 0.86 * plot_h * 2 / np.sqrt(3)) for w in plot_w]
    side = max(sides)
    top = 1 - 40 / plot_h  # room between the legend and the ecology corner's title
    bottom = max(0.0, top - (side * np.sqrt(3) / 2 + 90) / plot_h)

    def axis(pillar: Pillar) -> dict[str, Any]:
        return {
            "title": {"text": pillar_name(pillar, lang),
                      "font": {"color": PILLAR_INK[pillar], "size": FONT_SIZE + 2}},
            "color": PILLAR_COLOURS[pillar], "tickformat": ".0%",
            "tickfont": {"size": FONT_SIZE, "color": INK},
            "min": minimums[pillar.value], "linewidth": 3,
        }

    admissible = {p for p, k in zip(dominant, knocked_out(data), strict=True) if not k}
    return _make(
        [*_balance_points(data, shares, dominant, lang, minimums, sides),
         *_legend_entries("scatterternary", [(pillar_name(p, lang), PILLAR_COLOURS[p], "circle")
                                             for p in PILLARS if p in admissible]),
         *_knockout_entry("scatterternary", data, lang)],
        title or t("results.chart.balance.title", lang),
        lang,
        subtitle,
        height=560,
        legend_rows=1,
        # "Mostly from: ● Ecology ● Economy ● People": one row also in the report's width
        legend={"orientation": "h", "yanchor": "bottom", "y": 1.01, "x": 0.0,
                "xanchor": "left", "title": {"text": t("results.chart.mainly", lang)}},
        key=key,
        margin={"l": 60, "b": 60},
        # the domain leaves room between the legend and the ecology corner's title
        ternary={"sum": 1, "aaxis": axis(Pillar.ECOLOGY), "baxis": axis(Pillar.ECONOMY),
                 "caxis": axis(Pillar.PEOPLE),
                 "domain": {"x": [0.04, 0.92], "y": [bottom, top]}},
    )


def dominant_pillars(shares: pd.DataFrame) -> list[Pillar]:
    """Per measure the pillar most of its score comes from (ties: the first pillar)."""
    columns = [p.value for p in PILLARS]
    return [Pillar(c) for c in shares[columns].astype(float).idxmax(axis=1)]


def _legend_entries(kind: str, entries: list[tuple[str, str, str]]) -> list[dict[str, Any]]:
    """Legend-only traces (no points): what a colour or a symbol means."""
    empty = {"a": [None], "b": [None], "c": [None]} if kind == "scatterternary" else {
        "x": [None], "y": [None]}
    return [dict(type=kind, mode="markers", name=name, hoverinfo="skip", showlegend=True,
                 marker={"size": 14, "color": colour, "symbol": symbol,
                         "line": {"color": INK, "width": 1.5}}, **empty)
            for name, colour, symbol in entries]


def _knockout_entry(kind: str, data: pd.DataFrame, lang: str) -> list[dict[str, Any]]:
    """The legend's "Niet toelaatbaar" (a hollow grey dot) when a measure fails a knock-out."""
    if not knocked_out(data).any():
        return []
    entry = _legend_entries(kind, [(t("results.chart.knocked_out_legend", lang), KNOCKOUT_FILL,
                                    "circle")])[0]
    entry["marker"]["line"] = {"color": KNOCKOUT_COLOUR, "width": 2.5}
    return [entry]


def _key_names(data: pd.DataFrame, lang: str) -> list[str]:
    """The numbered key's names: whole, "(niet toelaatbaar)" after a knocked-out one."""
    labels = measure_labels(data, lang)
    return [labels[i] + (knockout_suffix(lang) if k else "")
            for i, k in zip(data.index, knocked_out(data), strict=True)]


def _hover_names(data: pd.DataFrame, numbers: list[str], lang: str) -> list[str]:
    """'3. Name' per point, with the failing knock-out criteria for a knocked-out one."""
    labels = measure_labels(data, lang)
    return [f"{n}. {esc(labels[i])}{note}" for n, i, note in
            zip(numbers, data.index, knockout_hover(data, lang), strict=True)]


def _numbers(data: pd.DataFrame) -> list[str]:
    """Each measure's number: its place in the ranking (1 = best), as the key lists it."""
    return [str(k) for k in range(1, len(data) + 1)]


def _triangle_xy(shares: pd.DataFrame, minimums: Mapping[str, float]) -> tuple[Any, Any]:
    """Where the points sit in the drawn (zoomed) triangle, as fractions of its side."""
    span = max(1e-9, 1.0 - sum(minimums.values()))
    a, c = ((shares[p.value] - minimums[p.value]) / span
            for p in (Pillar.ECOLOGY, Pillar.PEOPLE))
    return (c + a / 2).to_numpy(), (a * np.sqrt(3) / 2).to_numpy()


# px above the plot (title, subtitle, one legend row: see style._make)
_TOP = 112.0
# px below the trade-off plot: its tick labels and axis title, so that plotly's automargin
# keeps this margin and the plot is as tall as the labels were placed for
_TRADEOFF_BOTTOM = 95


def _plot_size(key: Mapping[str, Any], *, left: float,
               bottom: float = 60.0) -> tuple[list[float], float]:
    """The plot area (px) of a keyed chart at the widths it is mostly drawn at (the
    report's, an exported image's): the labels are placed to stay clear at both."""
    height = max(560.0, _TOP + bottom + int(KEY_LINE_HEIGHT * key["lines"]))
    return [w - key["margin"] - left for w in LAYOUT_WIDTHS], height - _TOP - bottom


def _balance_points(data: pd.DataFrame, shares: pd.DataFrame, dominant: list[Pillar],
                    lang: str, minimums: Mapping[str, float],
                    sides: list[float]) -> list[dict[str, Any]]:
    """The measures in the triangle, larger the higher their overall score; then the
    labels that had to move away from a crowd of dots (`placement`)."""
    scores = data["score"].astype(float).to_numpy()
    span = np.nanmax(scores) - np.nanmin(scores) if scores.size else 0.0
    relative = (scores - np.nanmin(scores)) / span if span > 0 else np.full_like(scores, 0.5)
    numbers = _numbers(data)
    sizes = 14 + 20 * np.nan_to_num(relative, nan=0.5)
    x, y = _triangle_xy(shares, minimums)
    knocked = knocked_out(data)
    hover = np.column_stack(
        [
            _hover_names(data, numbers, lang),
            data["score"].astype(float).to_numpy(),
            data["rank"].to_numpy(),
        ]
    )
    placed = place_labels(x, y, sizes=sizes, texts=numbers,
                          spans=[(side, side) for side in sides], triangle=True)
    ids = [str(i) for i in data.index]
    points = dict(
        type="scatterternary",
        a=shares[Pillar.ECOLOGY.value].to_numpy(),
        b=shares[Pillar.ECONOMY.value].to_numpy(),
        c=shares[Pillar.PEOPLE.value].to_numpy(),
        mode="markers+text",
        # a label moved away from its dot is drawn by the label trace instead
        text=["" if k in placed.moved else n for k, n in enumerate(numbers)],
        textposition=list(placed.spots),
        cliponaxis=False,  # labels near an edge of the zoomed triangle stay whole
        textfont={"size": FONT_SIZE, "color": INK},
        # a knocked-out measure: hollow, with a grey ring (and so in the legend)
        marker={"size": sizes,
                "color": [KNOCKOUT_FILL if k else PILLAR_COLOURS[p]
                          for p, k in zip(dominant, knocked, strict=True)], "opacity": 0.9,
                "line": {"color": [KNOCKOUT_COLOUR if k else INK for k in knocked],
                         "width": [2.5 if k else 1 for k in knocked]}},
        ids=ids,
        name=t("word.measures", lang),
        showlegend=False,
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
    span = max(1e-9, 1.0 - sum(minimums.values()))

    def to_shares(fx: float, fy: float) -> dict[str, float]:  # triangle place -> a, b, c
        a = fy * 2 / np.sqrt(3)
        c = fx - a / 2
        return {"a": minimums["ecology"] + span * a, "c": minimums["people"] + span * c,
                "b": minimums["economy"] + span * (1 - a - c)}

    return [points, *moved_label_traces("scatterternary", placed, numbers, ids, to_shares)]


# -- trade-off scatter ---------------------------------------------------------------

# Rank groups of the trade-off chart: (highest rank in the group, text key).
RANK_GROUPS: tuple[tuple[float, str], ...] = (
    (3, "results.chart.group.top"), (6, "results.chart.group.middle"),
    (float("inf"), "results.chart.group.rest"),
)


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
    """Ecology against economy; neutral lines, named quadrants, the Pareto set (diamonds).

    Dot colour = rank group (1–3, 4–6, 7 and lower), dot size = the `colour` pillar's
    score; each dot carries its place in the ranking, the key beside the plot the full
    names. `neutral` holds the pillar scores of "no change" (`Evaluation.neutral`):
    right of and above those lines a measure improves on that pillar.
    """
    neutral = _pillar_dict(neutral)
    nx = neutral.get(x, 0.0)
    ny = neutral.get(y, 0.0)
    nx = nx if np.isfinite(nx) else 0.0  # a pillar without criteria has no neutral point
    ny = ny if np.isfinite(ny) else 0.0
    data = _sorted(table)
    x_range = _padded_range(nx, data[x.value].astype(float), 0.06)
    y_range = _padded_range(ny, data[y.value].astype(float), 0.08)
    legend = [(t("results.chart.pareto", lang), "#FFFFFF", "diamond")]
    key = numbered_key(_key_names(data, lang), title=t("results.chart.key", lang),
                       note=t("results.chart.size_note", lang,
                              pillar=pillar_name(colour, lang).lower()))
    return _make(
        [*_tradeoff_points(data, (x, y, colour), lang, (x_range, y_range),
                           _plot_size(key, left=80, bottom=_TRADEOFF_BOTTOM)),
         *_legend_entries("scatter", legend), *_knockout_entry("scatter", data, lang)],
        title or t("results.chart.tradeoff.title", lang),
        lang,
        subtitle,
        shapes=_neutral_lines(nx, ny, x_range, y_range),
        annotations=_quadrant_labels(nx, x_range, y_range, lang),
        height=560,
        legend_rows=1,
        key=key,
        margin={"b": _TRADEOFF_BOTTOM, "l": 80},  # as the labels were placed for
        xaxis={"title": {"text": pillar_name(x, lang) + " →",
                         "font": {"color": PILLAR_INK[x], "size": FONT_SIZE + 2}},
               "range": list(x_range), "zeroline": False},
        yaxis={"title": {"text": pillar_name(y, lang) + " →",
                         "font": {"color": PILLAR_INK[y], "size": FONT_SIZE + 2}},
               "range": list(y_range), "zeroline": False},
    )


def _tradeoff_points(data: pd.DataFrame, axes: tuple[Pillar, Pillar, Pillar], lang: str,
                     ranges: tuple[tuple[float, float], tuple[float, float]],
                     plot: tuple[list[float], float]) -> list[dict[str, Any]]:
    """The measures as one trace per rank group, and the knocked-out ones (hollow, grey) as
    one of their own; Pareto-optimal ones are diamonds."""
    x, y, colour = axes
    xs = data[x.value].astype(float)
    ys = data[y.value].astype(float)
    cs = data[colour.value].astype(float)
    pareto = (
        data["pareto"].fillna(False).astype(bool) if "pareto" in data
        else pd.Series(False, index=data.index)
    ).to_numpy()
    numbers = np.array(_numbers(data), dtype=object)
    lo, hi = (float(cs.min()), float(cs.max())) if cs.notna().any() else (0.0, 1.0)
    sizes = 14 + 22 * ((cs - lo) / (hi - lo) if hi > lo else cs * 0 + 0.5).fillna(0.0)
    (x_lo, x_hi), (y_lo, y_hi) = ranges
    placed = place_labels((xs - x_lo) / (x_hi - x_lo), (ys - y_lo) / (y_hi - y_lo),
                          sizes=sizes, texts=numbers,
                          spans=[(width, plot[1]) for width in plot[0]])
    spots = placed.spots
    shown = np.array(["" if k in placed.moved else n for k, n in enumerate(numbers)],
                     dtype=object)
    hover = (
        "%{customdata[0]}<br>"
        + pillar_name(x, lang) + ": %{x:.2f}<br>"
        + pillar_name(y, lang) + ": %{y:.2f}<br>"
        + pillar_name(colour, lang) + ": %{customdata[1]:.2f}<br>"
        + t("word.score", lang) + ": %{customdata[2]:.3f} · " + t("word.rank", lang)
        + ": %{customdata[3]}%{customdata[4]}<extra></extra>"
    )
    ranks = data["rank"].astype(float).to_numpy()
    knocked = knocked_out(data)
    names = np.array(_hover_names(data, list(numbers), lang), dtype=object)
    groups: list[tuple[np.ndarray, str, str | None]] = []
    low = 0.0
    for (high, key), group_colour in zip(RANK_GROUPS, RANK_GROUP_COLOURS, strict=True):
        groups.append(((ranks > low) & (ranks <= high) & ~knocked, t(key, lang), group_colour))
        low = high
    groups.append((knocked, t("results.chart.knocked_out_legend", lang), None))
    traces: list[dict[str, Any]] = []
    for mask, name, group_colour in groups:
        if not mask.any():
            continue
        sub = data[mask]
        edge = [KNOCKOUT_COLOUR if group_colour is None else INK if p else "#FFFFFF"
                for p in pareto[mask]]
        traces.append(dict(
            type="scatter", x=xs[mask].to_numpy(), y=ys[mask].to_numpy(),
            mode="markers+text", ids=[str(i) for i in sub.index],
            text=list(shown[mask]), textposition=list(spots[mask]),
            textfont={"size": FONT_SIZE, "color": INK}, cliponaxis=False,
            name=name,
            # the knocked-out ones' legend entry is a hollow dot of its own (_knockout_entry)
            showlegend=group_colour is not None,
            marker={"size": sizes[mask].to_numpy(), "opacity": 0.9,
                    "color": group_colour or KNOCKOUT_FILL,
                    "symbol": ["diamond" if p else "circle" for p in pareto[mask]],
                    "line": {"color": edge,
                             "width": [3 if p or group_colour is None else 1
                                       for p in pareto[mask]]}},
            customdata=np.column_stack([
                names[mask],
                cs[mask].to_numpy(), sub["score"].astype(float).to_numpy(),
                sub["rank"].to_numpy(),
                ["<br>" + t("results.chart.pareto", lang) if p else "" for p in pareto[mask]],
            ]),
            hovertemplate=hover,
        ))
    return [*traces, *moved_label_traces(
        "scatter", placed, list(numbers), [str(i) for i in data.index],
        lambda fx, fy: {"x": x_lo + fx * (x_hi - x_lo), "y": y_lo + fy * (y_hi - y_lo)})]


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
    quadrant = {"showarrow": False, "font": {"size": FONT_SIZE, "color": INK},
                "bgcolor": "rgba(255,255,255,0.7)"}
    corners = [
        (x_hi, y_hi, "right", "top", "results.chart.quadrant.win_win"),
        (x_lo, y_hi, "left", "top", "results.chart.quadrant.tradeoff"),
        (x_hi, y_lo, "right", "bottom", "results.chart.quadrant.tradeoff"),
        (x_lo, y_lo, "left", "bottom", "results.chart.quadrant.lose_lose"),
    ]
    # a few px inside the corners: clear of the axes' tick labels
    annotations = [dict(x=cx, y=cy, xanchor=xa, yanchor=ya, text=t(key, lang),
                        xshift=6 if xa == "left" else -6, yshift=4 if ya == "bottom" else -4,
                        **quadrant)
                   for cx, cy, xa, ya, key in corners]
    annotations.append(dict(
        x=nx, y=y_lo, xanchor="left", yanchor="bottom", showarrow=False,
        text=t("results.chart.no_change", lang), font={"size": FONT_SIZE, "color": INK},
    ))
    return annotations
