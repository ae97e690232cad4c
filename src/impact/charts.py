"""Plotly figure builders: engine results in, `go.Figure` out.

Pure functions without Streamlit, usable from pages, the export and the CLI.
Graph objects only (``plotly.express`` costs ~26 ms per figure against ~1 ms).

Colours. One colour per pillar everywhere, from the Okabe-Ito palette, which stays
distinguishable with the common forms of colour blindness (`PILLAR_COLOURS`):
ecology bluish green #009E73, economy blue #0072B2, people orange #E69F00.
Measures overlaid in one chart (radar) take the remaining Okabe-Ito colours
(`MEASURE_COLOURS`) plus a dash pattern, so they never look like a pillar.
Markers: floor violation vermillion #D55E00 cross, no-regret black star.
Diverging scales (better / worse than "no change") run from red #CA0020 through
light grey to purple #5E3C99, hues no pillar uses.

Text. Every label goes through `impact.i18n.t`. Measure, criterion and profile
names are user text: plotly renders a subset of HTML in text, hover, legend and
tick labels, so they are escaped (`esc`) before they reach a figure; a measure
named ``<b>x</b>`` shows literally.
"""

from __future__ import annotations

import html
import textwrap
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from impact import engine, robustness
from impact.i18n import t
from impact.model import PILLARS, Assessment, Pillar

PILLAR_COLOURS: dict[Pillar, str] = {
    Pillar.ECOLOGY: "#009E73",
    Pillar.ECONOMY: "#0072B2",
    Pillar.PEOPLE: "#E69F00",
}
# Lighter tints of the pillar colours (intervals, backgrounds).
PILLAR_TINTS: dict[Pillar, str] = {
    Pillar.ECOLOGY: "#A6DCCB",
    Pillar.ECONOMY: "#A6C9E2",
    Pillar.PEOPLE: "#F5D899",
}
MEASURE_COLOURS: tuple[str, ...] = (
    "#000000", "#D55E00", "#CC79A7", "#56B4E9", "#999999", "#F0E442",
)
MEASURE_DASHES: tuple[str, ...] = ("solid", "dash", "dot", "dashdot", "longdash")
FLOOR_COLOUR = "#D55E00"
NO_REGRET_COLOUR = "#000000"
DIVERGING_SCALE: list[list[Any]] = [[0.0, "#CA0020"], [0.5, "#F2F2F2"], [1.0, "#5E3C99"]]
# Sequential scale for the people pillar (bubble colour in the trade-off chart).
PEOPLE_SCALE: list[list[Any]] = [[0.0, "#FFF4DC"], [0.5, "#E69F00"], [1.0, "#6B4700"]]
# Rank colours: cividis is readable for all common colour-vision deficiencies.
RANK_SCALE = "cividis"
NEUTRAL_LINE = "#555555"
FONT_SIZE = 14

# The chart registry for the export and the CLI: name -> title key.
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


# -- text helpers -------------------------------------------------------------

def esc(text: object) -> str:
    """User text made safe for plotly: <, > and & shown literally, never as markup."""
    return html.escape(str(text), quote=False)


def wrap(text: object, width: int = 28, max_lines: int = 3) -> str:
    """Escaped text wrapped over a few lines with <br> (the only markup we add)."""
    lines = textwrap.wrap(str(text), width=width, break_long_words=False) or [""]
    if len(lines) > max_lines:
        lines = lines[:max_lines]
        lines[-1] = lines[-1][: max(width - 1, 1)] + "…"
    return "<br>".join(esc(line) for line in lines)


def short(text: object, width: int = 20) -> str:
    """Escaped text cut to `width` characters."""
    s = str(text)
    return esc(s if len(s) <= width else s[: width - 1] + "…")


_LABEL_SPOTS = ("top center", "bottom center", "middle right", "middle left",
                "top right", "bottom left", "top left", "bottom right")


def label_positions(x: Any, y: Any, *, near: float = 0.07) -> np.ndarray:
    """Text positions that keep the labels of nearby points apart.

    Plotly does not avoid label overlap; this greedy pass (points from the top down)
    gives each point the first spot that no already-placed neighbour within `near`
    (in data units of axes running 0..1) uses.
    """
    xs = np.asarray(x, dtype=float)
    ys = np.asarray(y, dtype=float)
    spots = np.full(xs.size, _LABEL_SPOTS[0], dtype=object)
    placed: list[int] = []
    for i in np.argsort(-np.nan_to_num(ys, nan=-np.inf), kind="stable"):
        close = [j for j in placed if np.hypot(xs[i] - xs[j], ys[i] - ys[j]) < near]
        used = {spots[j] for j in close}
        spots[i] = next((s for s in _LABEL_SPOTS if s not in used), _LABEL_SPOTS[0])
        placed.append(i)
    return spots


def fmt(value: float, lang: str = "nl", digits: int = 2) -> str:
    """A number in the language's notation (Dutch decimal comma)."""
    if value is None or (isinstance(value, float) and np.isnan(value)):
        return "–"
    text = f"{value:,.{digits}f}"
    if lang == "nl":
        text = text.replace(",", "\x00").replace(".", ",").replace("\x00", ".")
    return text


def pillar_name(pillar: Pillar | str, lang: str) -> str:
    return t(f"pillar.{Pillar(pillar).value}", lang)


def measure_label(row: Mapping[str, Any] | pd.Series, lang: str, fallback: str = "") -> str:
    """A measure's name in `lang` (English falls back to Dutch, then to its id); unescaped."""
    en = row.get("label_en") if lang == "en" else None
    for value in (en, row.get("label_nl"), fallback):
        if isinstance(value, str) and value.strip():
            return value
    return str(fallback)


def measure_labels(table: pd.DataFrame, lang: str) -> pd.Series:
    """Unescaped measure names in `lang`, indexed like `table`."""
    return pd.Series(
        [measure_label(row, lang, str(mid)) for mid, row in table.iterrows()],
        index=table.index,
        dtype=object,
    )


def _separators(lang: str) -> str:
    return ",." if lang == "nl" else ".,"


_AXIS = {"gridcolor": "#EBF0F8", "linecolor": "#C8D4E3", "zerolinecolor": "#C8D4E3",
         "zerolinewidth": 1.5, "ticks": "", "automargin": True}
_GRID = {"gridcolor": "#EBF0F8", "linecolor": "#C8D4E3", "ticks": ""}
# A small white template made once. Plotly copies the template into every figure;
# its full "plotly_white" costs ~20 ms per figure, this one well under 1 ms.
_TEMPLATE = go.layout.Template(
    layout={
        "paper_bgcolor": "white",
        "plot_bgcolor": "white",
        "font": {"color": "#2A3F5F"},
        "colorway": list(MEASURE_COLOURS),
        "xaxis": _AXIS,
        "yaxis": _AXIS,
        "ternary": {"bgcolor": "white", "aaxis": _GRID, "baxis": _GRID, "caxis": _GRID},
        "polar": {"bgcolor": "white", "radialaxis": _GRID, "angularaxis": _GRID},
        "hoverlabel": {"align": "left"},
    }
)


def _make(traces: list[dict[str, Any]], title: str, lang: str, subtitle: str | None = None,
          *, legend_rows: int = 0, shapes: list[dict[str, Any]] | None = None,
          annotations: list[dict[str, Any]] | None = None, **layout: Any) -> go.Figure:
    """The figure, built and validated once: traces, shapes and annotations as dicts.

    Shared layout: title (+ subtitle) on top, then `legend_rows` of horizontal legend.
    Building the whole figure in one go is several times faster than add_trace /
    update_layout, which diff and re-validate on every call.
    """
    title_spec: dict[str, Any] = {"text": title, "x": 0.0, "xanchor": "left",
                                  "yref": "container", "y": 1.0, "yanchor": "top",
                                  "pad": {"t": 12}}
    if subtitle:
        title_spec["subtitle"] = {"text": subtitle, "font": {"size": FONT_SIZE - 2}}
    top = 70 if subtitle else 50
    if legend_rows:
        layout.setdefault("legend", {"orientation": "h", "yanchor": "bottom", "y": 1.01,
                                     "x": 0.0, "xanchor": "left"})
        top += 26 * legend_rows
    spec = {
        # the template goes in first: Figure() then skips copying the default template
        "template": _TEMPLATE,
        "title": title_spec,
        "separators": _separators(lang),
        "font": {"size": FONT_SIZE},
        "hoverlabel": {"font": {"size": FONT_SIZE}},
        "margin": {"l": 10, "r": 10, "t": top, "b": 40},
        "shapes": shapes or [],
        "annotations": annotations or [],
        **layout,
    }
    return go.Figure(data=traces, layout=spec)


TOTAL_POINTS = 100


def to_points(weights: Mapping[Pillar | str, float] | None) -> dict[Pillar, float]:
    """Pillar weights scaled to sum to 100 points (equal when all are 0 or missing)."""
    raw = {p: max(float((weights or {}).get(p, 0.0)), 0.0) for p in PILLARS}
    total = sum(raw.values())
    if total <= 0:
        return {p: TOTAL_POINTS / len(PILLARS) for p in PILLARS}
    return {p: TOTAL_POINTS * v / total for p, v in raw.items()}


def whole_points(weights: Mapping[Pillar | str, float] | None) -> dict[Pillar, int]:
    """Whole points summing to exactly 100 (largest remainder; ties go to the first pillar)."""
    exact = to_points(weights)
    floors = {p: int(exact[p]) for p in PILLARS}
    left = TOTAL_POINTS - sum(floors.values())
    by_remainder = sorted(PILLARS, key=lambda p: -(exact[p] - floors[p]))
    for p in by_remainder[:left]:
        floors[p] += 1
    return floors


def weights_subtitle(pillar_weights: Mapping[Pillar | str, float] | None, lang: str,
                     method: str | None = None, profile: str | None = None) -> str:
    """'Provincie: Ecologie 40 · Economie 30 · Mens 30 · Gewogen som' (user text escaped)."""
    parts: list[str] = []
    if profile:
        parts.append(esc(profile) + ":")
    if pillar_weights:
        # the same whole points as the sliders show, so that 34/33/33 reads alike everywhere
        points = whole_points(pillar_weights)
        parts.append(" · ".join(f"{pillar_name(p, lang)} {points[p]}" for p in PILLARS))
    if method:
        label = engine.method_label(method, lang) if method in engine.METHODS else method
        parts.append(("· " if parts else "") + esc(label))
    return " ".join(parts)


def _violated_names(value: object, lang: str) -> str:
    """Pillar names of a violated_pillars cell (list, tuple, set or comma-separated string)."""
    if value is None or (isinstance(value, float) and np.isnan(value)):
        return ""
    items: Iterable[object]
    if isinstance(value, str):
        items = [v.strip() for v in value.split(",") if v.strip()]
    elif isinstance(value, Iterable):
        items = value
    else:
        items = [value]
    names = []
    for item in items:
        try:
            names.append(pillar_name(str(item), lang))
        except ValueError:
            names.append(esc(item))
    return ", ".join(names)


def _sorted(table: pd.DataFrame) -> pd.DataFrame:
    """Best first: by rank, ties by score (descending), then by original order."""
    order = table.assign(_pos=np.arange(len(table)))
    return order.sort_values(["rank", "score", "_pos"], ascending=[True, False, True]).drop(
        columns="_pos"
    )


def _pillar_dict(values: Mapping[Pillar | str, float] | pd.Series | None) -> dict[Pillar, float]:
    """Pillar -> float from a mapping or a Series keyed by pillar names (None -> {})."""
    if values is None:
        return {}
    return {Pillar(str(k)): float(v) for k, v in values.items()}


def _filter(table: pd.DataFrame, measures: Sequence[str] | None) -> pd.DataFrame:
    if measures is None:
        return table
    wanted = [m for m in measures if m in table.index]
    return table.loc[wanted]


# -- ranking --------------------------------------------------------------------

def ranking_chart(
    table: pd.DataFrame,
    *,
    lang: str = "nl",
    no_regret: Iterable[str] = (),
    subtitle: str | None = None,
    title: str | None = None,
) -> go.Figure:
    """Horizontal bars of the overall score, stacked by pillar contribution, best on top.

    `table` is `engine.evaluate(...).table`. Measures that violate a pillar floor get
    a vermillion cross, no-regret measures (best in every perspective) a black star.
    """
    data = _sorted(table)
    ids = [str(i) for i in data.index]
    labels = measure_labels(data, lang)
    ticks = [wrap(labels[i], 34, 2) for i in data.index]
    hover_names = [esc(labels[i]) for i in data.index]
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
                marker={"color": PILLAR_COLOURS[pillar]},
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
    scores = data["score"].astype(float).to_numpy()
    traces.append(
        dict(
            type="scatter",
            y=ids,
            x=scores,
            mode="text",
            text=[fmt(s, lang, 2) for s in scores],
            textposition="middle right",
            name=t("word.score", lang),
            showlegend=False,
            customdata=np.column_stack([hover_names, data["rank"].to_numpy()]),
            hovertemplate=(
                "%{customdata[0]}<br>" + t("word.score", lang) + ": %{x:.3f} · "
                + t("word.rank", lang) + ": %{customdata[1]}<extra></extra>"
            ),
        )
    )
    positive = scores[np.isfinite(scores)]
    top = float(max(positive.max(), 0.0)) if positive.size else 1.0
    top = top or 1.0
    column_violation = top * 1.16
    column_no_regret = top * 1.26
    if "floor_violation" in data:
        mask = data["floor_violation"].fillna(False).astype(bool).to_numpy()
        if mask.any():
            violated = (
                data["violated_pillars"] if "violated_pillars" in data
                else pd.Series([""] * len(data), index=data.index)
            )
            traces.append(
                dict(
                    type="scatter",
                    y=[i for i, m in zip(ids, mask, strict=True) if m],
                    x=[column_violation] * int(mask.sum()),
                    mode="markers",
                    marker={"symbol": "x", "size": 13, "color": FLOOR_COLOUR},
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
            )
    regret_free = [i for i in ids if i in {str(m) for m in no_regret}]
    if regret_free:
        traces.append(
            dict(
                type="scatter",
                y=regret_free,
                x=[column_no_regret] * len(regret_free),
                mode="markers",
                marker={"symbol": "star", "size": 15, "color": NO_REGRET_COLOUR},
                name=t("results.chart.no_regret", lang),
                customdata=[hover_names[ids.index(i)] for i in regret_free],
                hovertemplate=(
                    "%{customdata}<br>" + t("results.chart.no_regret_hover", lang)
                    + "<extra></extra>"
                ),
            )
        )
    low = float(min(0.0, np.nanmin(scores) if scores.size else 0.0))
    return _make(
        traces,
        title or t("results.chart.ranking.title", lang),
        lang,
        subtitle,
        barmode="relative",
        height=140 + 38 * max(len(data), 1),
        legend_rows=1,
        xaxis={"title": {"text": t("results.chart.ranking.x", lang)},
               "range": [low * 1.1, column_no_regret + top * 0.06], "zeroline": True},
        yaxis={"autorange": "reversed", "tickmode": "array", "tickvals": ids,
               "ticktext": ticks, "type": "category"},
    )


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
    labels = measure_labels(data, lang)
    scores = data["score"].astype(float).to_numpy()
    span = np.nanmax(scores) - np.nanmin(scores) if scores.size else 0.0
    relative = (scores - np.nanmin(scores)) / span if span > 0 else np.full_like(scores, 0.5)
    sizes = 12 + 22 * relative
    hover = np.column_stack(
        [
            [esc(labels[i]) for i in data.index],
            data["score"].astype(float).to_numpy(),
            data["rank"].to_numpy(),
        ]
    )
    traces = [
        dict(
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
            marker={"size": sizes, "color": "#333333", "opacity": 0.8,
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
    ]

    minimums = _ternary_minimums(shares)

    def axis(pillar: Pillar) -> dict[str, Any]:
        return {
            "title": {"text": pillar_name(pillar, lang),
                      "font": {"color": PILLAR_COLOURS[pillar], "size": FONT_SIZE + 1}},
            "color": PILLAR_COLOURS[pillar], "tickformat": ".0%",
            "min": minimums[pillar.value], "linewidth": 3,
        }

    return _make(
        traces,
        title or t("results.chart.balance.title", lang),
        lang,
        subtitle,
        height=520,
        showlegend=False,
        ternary={"sum": 1, "aaxis": axis(Pillar.ECOLOGY), "baxis": axis(Pillar.ECONOMY),
                 "caxis": axis(Pillar.PEOPLE)},
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
    labels = measure_labels(data, lang)
    xs = data[x.value].astype(float)
    ys = data[y.value].astype(float)
    cs = data[colour.value].astype(float)
    pareto = (
        data["pareto"].fillna(False).astype(bool) if "pareto" in data
        else pd.Series(False, index=data.index)
    )
    spots = label_positions(xs, ys)
    traces: list[dict[str, Any]] = []
    shapes: list[dict[str, Any]] = []
    annotations: list[dict[str, Any]] = []
    hover_tail = (
        "%{customdata[0]}<br>"
        + pillar_name(x, lang) + ": %{x:.2f}<br>"
        + pillar_name(y, lang) + ": %{y:.2f}<br>"
        + pillar_name(colour, lang) + ": %{customdata[1]:.2f}<br>"
        + t("word.score", lang) + ": %{customdata[2]:.3f} · " + t("word.rank", lang)
        + ": %{customdata[3]}"
    )
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
    finite_x = xs[np.isfinite(xs)]
    finite_y = ys[np.isfinite(ys)]
    x_lo = min([nx, 0.0, *finite_x.tolist()])
    x_hi = max([nx, 1.0, *finite_x.tolist()])
    y_lo = min([ny, 0.0, *finite_y.tolist()])
    y_hi = max([ny, 1.0, *finite_y.tolist()])
    pad_x = 0.06 * (x_hi - x_lo or 1.0)
    pad_y = 0.08 * (y_hi - y_lo or 1.0)
    line = {"color": NEUTRAL_LINE, "width": 1.5, "dash": "dash"}
    shapes.append(dict(type="line", x0=nx, x1=nx, y0=y_lo - pad_y, y1=y_hi + pad_y, line=line))
    shapes.append(dict(type="line", x0=x_lo - pad_x, x1=x_hi + pad_x, y0=ny, y1=ny, line=line))
    quadrant = {"showarrow": False, "font": {"size": FONT_SIZE, "color": "#444444"},
                "bgcolor": "rgba(255,255,255,0.7)"}
    corners = [
        (x_hi + pad_x, y_hi + pad_y, "right", "top", "results.chart.quadrant.win_win"),
        (x_lo - pad_x, y_hi + pad_y, "left", "top", "results.chart.quadrant.tradeoff"),
        (x_hi + pad_x, y_lo - pad_y, "right", "bottom", "results.chart.quadrant.tradeoff"),
        (x_lo - pad_x, y_lo - pad_y, "left", "bottom", "results.chart.quadrant.lose_lose"),
    ]
    for cx, cy, xa, ya, key in corners:
        annotations.append(dict(x=cx, y=cy, xanchor=xa, yanchor=ya, text=t(key, lang),
                                **quadrant))
    annotations.append(dict(
        x=nx, y=y_lo - pad_y, xanchor="left", yanchor="bottom", showarrow=False,
        text=t("results.chart.no_change", lang), font={"size": 11, "color": NEUTRAL_LINE},
    ))
    c_lo = float(min(0.0, cs.min())) if cs.notna().any() else 0.0
    c_hi = float(max(1.0, cs.max())) if cs.notna().any() else 1.0
    return _make(
        traces,
        title or t("results.chart.tradeoff.title", lang),
        lang,
        subtitle,
        shapes=shapes,
        annotations=annotations,
        height=560,
        legend_rows=1,
        coloraxis={
            "colorscale": PEOPLE_SCALE, "cmin": c_lo, "cmax": c_hi,
            "colorbar": {"title": {"text": pillar_name(colour, lang)}, "thickness": 14},
        },
        xaxis={"title": {"text": pillar_name(x, lang) + " →",
                         "font": {"color": PILLAR_COLOURS[x]}},
               "range": [x_lo - pad_x, x_hi + pad_x], "zeroline": False},
        yaxis={"title": {"text": pillar_name(y, lang) + " →",
                         "font": {"color": PILLAR_COLOURS[y]}},
               "range": [y_lo - pad_y, y_hi + pad_y], "zeroline": False},
    )


# -- pillar scores (grouped bars) ---------------------------------------------------

def pillars_chart(
    table: pd.DataFrame,
    neutral: Mapping[Pillar | str, float] | None = None,
    *,
    lang: str = "nl",
    subtitle: str | None = None,
    title: str | None = None,
) -> go.Figure:
    """Per measure its three pillar scores side by side, best measure first.

    Dotted lines in the pillar colours mark each pillar's "no change" score.
    """
    data = _sorted(table)
    ids = [str(i) for i in data.index]
    labels = measure_labels(data, lang)
    traces: list[dict[str, Any]] = []
    shapes: list[dict[str, Any]] = []
    for pillar in PILLARS:
        traces.append(
            dict(
                type="bar",
                x=ids,
                y=data[pillar.value].astype(float).to_numpy(),
                name=pillar_name(pillar, lang),
                marker={"color": PILLAR_COLOURS[pillar]},
                customdata=[esc(labels[i]) for i in data.index],
                hovertemplate="%{customdata}<br>" + pillar_name(pillar, lang)
                + ": %{y:.3f}<extra></extra>",
            )
        )
    neutral = _pillar_dict(neutral)
    for p, value in neutral.items():
        if not np.isfinite(value):
            continue
        shapes.append(dict(
            type="line", xref="paper", x0=0, x1=1, y0=float(value), y1=float(value),
            line={"color": PILLAR_COLOURS[p], "width": 2, "dash": "dot"},
        ))
    if neutral:
        # An invisible trace gives the dotted "no change" lines a legend entry.
        traces.append(
            dict(type="scatter", x=[None], y=[None], mode="lines",
                 name=t("results.chart.no_change", lang),
                 line={"color": NEUTRAL_LINE, "dash": "dot"}, hoverinfo="skip")
        )
    return _make(
        traces,
        title or t("results.chart.pillars.title", lang),
        lang,
        subtitle,
        shapes=shapes,
        barmode="group",
        height=480,
        legend_rows=1,
        yaxis={"title": {"text": t("results.chart.pillar_score", lang)}},
        xaxis={"type": "category", "tickmode": "array", "tickvals": ids,
               "ticktext": [short(labels[i], 26) for i in data.index], "tickangle": -35},
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
        text = wrap(labels.get(axis, axis), 18, 2)
        pillar = pillars.get(axis)
        if pillar is None:
            return text
        return f'<span style="color:{PILLAR_COLOURS[Pillar(pillar)]}">{text}</span>'

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
    names = measure_names or {}
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
                           "tickfont": {"size": 11, "color": "#777777"}},
            "angularaxis": {"tickmode": "array", "tickvals": axes,
                            "ticktext": [tick(a) for a in axes], "direction": "clockwise"},
        },
    )


# -- score heatmap --------------------------------------------------------------------

def heatmap_chart(
    deviation: pd.DataFrame,
    raw: pd.DataFrame,
    *,
    criterion_pillars: Mapping[str, Pillar | str],
    criterion_labels: Mapping[str, str],
    measure_names: Mapping[str, str],
    units: Mapping[str, str] | None = None,
    lang: str = "nl",
    subtitle: str | None = None,
    title: str | None = None,
) -> go.Figure:
    """Scores per measure and criterion, criteria grouped by pillar.

    Colour = `deviation`: the value-scale distance from "no change" (−1..1; red worse,
    purple better, grey neutral); the cells show the `raw` scores. Rows follow the
    order of `deviation`'s index, columns are regrouped pillar by pillar.
    """
    units = units or {}
    columns = [c for p in PILLARS for c in deviation.columns
               if Pillar(criterion_pillars[c]) == p]
    dev = deviation[columns]
    raw = raw.reindex(index=dev.index, columns=columns)
    rows = [str(i) for i in dev.index]
    text = [[fmt(v, lang, 0 if float(v).is_integer() else 1) if pd.notna(v) else "–"
             for v in raw.loc[i].to_numpy()] for i in dev.index]
    hover = [
        [
            [esc(measure_names.get(str(i), str(i))), esc(criterion_labels.get(c, c)),
             esc(units.get(c, ""))]
            for c in columns
        ]
        for i in dev.index
    ]
    traces = [
        dict(
            type="heatmap",
            z=dev.to_numpy(dtype=float),
            x=columns,
            y=rows,
            text=text,
            texttemplate="%{text}",
            textfont={"size": 12},
            customdata=hover,
            colorscale=DIVERGING_SCALE,
            zmid=0.0,
            zmin=-1.0,
            zmax=1.0,
            xgap=2,
            ygap=2,
            colorbar={
                "title": {"text": t("results.chart.heatmap.scale", lang)},
                "tickvals": [-1, 0, 1],
                "ticktext": [t("results.chart.worse", lang), t("results.chart.no_change", lang),
                             t("results.chart.better", lang)],
                "thickness": 14,
            },
            hovertemplate=(
                "%{customdata[0]}<br>%{customdata[1]}: %{text} %{customdata[2]}"
                "<extra></extra>"
            ),
        )
    ]

    def tick(c: str) -> str:
        colour = PILLAR_COLOURS[Pillar(criterion_pillars[c])]
        return f'<span style="color:{colour}">{short(criterion_labels.get(c, c), 30)}</span>'

    # Separators and pillar names above each group of columns.
    shapes: list[dict[str, Any]] = []
    annotations: list[dict[str, Any]] = []
    start = 0
    for pillar in PILLARS:
        count = sum(1 for c in columns if Pillar(criterion_pillars[c]) == pillar)
        if not count:
            continue
        if start:
            shapes.append(dict(type="line", x0=start - 0.5, x1=start - 0.5, yref="paper", y0=0,
                               y1=1, line={"color": "#222222", "width": 2}))
        annotations.append(dict(
            x=start + (count - 1) / 2, y=1.0, yref="paper", yanchor="bottom", showarrow=False,
            text=f"<b>{pillar_name(pillar, lang)}</b>",
            font={"color": PILLAR_COLOURS[pillar], "size": FONT_SIZE + 1},
        ))
        start += count
    return _make(
        traces,
        title or t("results.chart.heatmap.title", lang),
        lang,
        subtitle,
        shapes=shapes,
        annotations=annotations,
        height=160 + 34 * max(len(rows), 1) + 60,
        legend_rows=1,  # room for the pillar names above the columns
        xaxis={"tickmode": "array", "tickvals": columns, "ticktext": [tick(c) for c in columns],
               "side": "bottom", "type": "category", "tickangle": -40},
        yaxis={"autorange": "reversed", "tickmode": "array", "tickvals": rows,
               "ticktext": [wrap(measure_names.get(r, r), 30, 2) for r in rows],
               "type": "category"},
    )


# -- SMAA rank acceptability ---------------------------------------------------------

def acceptability_chart(
    acceptability: pd.DataFrame,
    *,
    measure_names: Mapping[str, str],
    lang: str = "nl",
    subtitle: str | None = None,
    title: str | None = None,
) -> go.Figure:
    """Stacked bars: for each measure the share of weight samples giving it rank 1, 2, ...

    `acceptability` is measures × ranks (1..n), rows summing to 1. Measures are sorted
    by their expected rank, so the most robust ones stand on top.
    """
    acc = acceptability.astype(float)
    ranks = [int(r) for r in acc.columns]
    expected = (acc * np.array(ranks, dtype=float)).sum(axis=1)
    order = expected.sort_values(kind="stable").index
    acc = acc.loc[order]
    ids = [str(i) for i in acc.index]
    names = [esc(measure_names.get(i, i)) for i in ids]
    n = len(ranks)
    colours = _sample_scale(n)
    traces: list[dict[str, Any]] = []
    for k, rank in enumerate(ranks):
        traces.append(
            dict(
                type="bar",
                y=ids,
                x=acc.iloc[:, k].to_numpy() * 100.0,
                orientation="h",
                name=t("results.chart.rank_n", lang, rank=rank),
                marker={"color": colours[k], "line": {"color": "white", "width": 0.5}},
                customdata=names,
                hovertemplate="%{customdata}<br>"
                + t("results.chart.rank_n", lang, rank=rank)
                + ": %{x:.1f}%<extra></extra>",
            )
        )
    return _make(
        traces,
        title or t("results.chart.acceptability.title", lang),
        lang,
        subtitle,
        barmode="stack",
        height=150 + 36 * max(len(ids), 1),
        legend_rows=1 + (len(ranks) - 1) // 10,
        legend={"orientation": "h", "yanchor": "bottom", "y": 1.01, "x": 0.0,
                "traceorder": "normal"},
        xaxis={"title": {"text": t("results.chart.acceptability.x", lang)},
               "range": [0, 100], "ticksuffix": "%"},
        yaxis={"autorange": "reversed", "tickmode": "array", "tickvals": ids,
               "ticktext": [wrap(measure_names.get(i, i), 34, 2) for i in ids],
               "type": "category"},
    )


def _sample_scale(n: int) -> list[str]:
    """`n` colours from the cividis scale, dark (rank 1) to light."""
    from plotly.colors import sample_colorscale

    if n <= 1:
        return ["#00204C"]
    return sample_colorscale(RANK_SCALE, [k / (n - 1) for k in range(n)])


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
    ticks = [("★ " if i in keep else "") + wrap(measure_names.get(i, i), 30, 2) for i in ids]
    n = max(len(ids), 2)
    traces = [
        dict(
            type="heatmap",
            z=data.to_numpy(),
            x=list(range(len(profiles))),
            y=ids,
            text=[[fmt(v, lang, 0) for v in row] for row in data.to_numpy()],
            texttemplate="%{text}",
            textfont={"size": 13},
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
        height=200 + 34 * max(len(ids), 1),
        legend_rows=2,  # room for the profile names above the columns
        xaxis={"tickmode": "array", "tickvals": list(range(len(profiles))),
               "ticktext": [wrap(p, 16, 2) for p in profiles], "side": "top"},
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
            textfont={"size": 13},
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
    ticks = [wrap(n, 16, 2) for n in names]
    return _make(
        traces,
        title or t("results.chart.kendall.title", lang),
        lang,
        subtitle,
        height=200 + 50 * max(len(names), 1),
        xaxis={"tickmode": "array", "tickvals": positions, "ticktext": ticks},
        yaxis={"tickmode": "array", "tickvals": positions, "ticktext": ticks,
               "autorange": "reversed"},
    )


# -- from an assessment: evaluate and build -------------------------------------------

def criterion_neutral_values(assessment: Assessment) -> dict[str, float]:
    """Per criterion the value (0..1, 1 = best) of "no change": a score of 0.

    As in `engine.neutral_pillar_scores`, 0 is clipped to the criterion's scale first.
    """
    out: dict[str, float] = {}
    for c in assessment.criteria:
        lo, hi = float(c.scale_min), float(c.scale_max)
        if hi <= lo:
            out[c.id] = 0.5
            continue
        v = (min(max(0.0, lo), hi) - lo) / (hi - lo)
        out[c.id] = v if c.objective == "max" else 1.0 - v
    return out


def criterion_values(assessment: Assessment) -> pd.DataFrame:
    """Scores on the value scale 0..1 (1 = best), normalised on the declared scales."""
    return engine.value_matrix(
        assessment.performance(), objectives=assessment.objectives(), scale=assessment.scale()
    )


def heatmap_from_assessment(
    assessment: Assessment, table: pd.DataFrame | None = None, *, lang: str = "nl",
    measures: Sequence[str] | None = None, subtitle: str | None = None,
) -> go.Figure:
    """The score heatmap of an assessment; rows in ranking order when `table` is given."""
    values = criterion_values(assessment)
    neutral = criterion_neutral_values(assessment)
    deviation = values - pd.Series(neutral)
    order = list(_sorted(table).index) if table is not None else list(values.index)
    if measures is not None:
        order = [m for m in order if m in set(measures)]
    deviation = deviation.loc[order]
    return heatmap_chart(
        deviation,
        assessment.performance(),
        criterion_pillars={c.id: c.pillar for c in assessment.criteria},
        criterion_labels={c.id: c.label(lang) for c in assessment.criteria},
        measure_names={m.id: m.label(lang) for m in assessment.measures},
        units={c.id: c.unit for c in assessment.criteria},
        lang=lang,
        subtitle=subtitle,
    )


def radar_from_table(
    table: pd.DataFrame, measures: Sequence[str], *, lang: str = "nl",
    neutral: Mapping[Pillar | str, float] | None = None, subtitle: str | None = None,
) -> go.Figure:
    """Radar of the pillar scores of the chosen measures."""
    labels = measure_labels(table, lang)
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
        measure_names={m.id: m.label(lang) for m in assessment.measures},
        neutral=criterion_neutral_values(assessment),
        subtitle=subtitle,
    )


def default_radar_measures(table: pd.DataFrame, k: int = 3) -> list[str]:
    """The `k` best measures: the radar's default selection."""
    return [str(i) for i in _sorted(table).index[:k]]


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


# -- the results table ------------------------------------------------------------------

def results_table(
    table: pd.DataFrame, *, lang: str = "nl", no_regret: Iterable[str] = ()
) -> pd.DataFrame:
    """The evaluation as a plain table for people: best first, columns in `lang`.

    Columns: rank, code, measure, score, the three pillar scores, balance index,
    Pareto-optimal, no-regret, below a floor. Text is left unescaped: show it with
    st.dataframe or write it to CSV, never as HTML/Markdown.
    """
    data = _sorted(table)
    keep = {str(m) for m in no_regret}
    columns = results_columns(lang)
    frame = pd.DataFrame(
        {
            columns["rank"]: data["rank"].astype(int).to_numpy(),
            columns["code"]: [str(i) for i in data.index],
            columns["measure"]: measure_labels(data, lang).to_numpy(),
            columns["score"]: data["score"].astype(float).to_numpy(),
            **{columns[p.value]: data[p.value].astype(float).to_numpy() for p in PILLARS},
            columns["balance"]: data["balance"].astype(float).to_numpy(),
            columns["pareto"]: data["pareto"].fillna(False).astype(bool).to_numpy(),
            columns["no_regret"]: [str(i) in keep for i in data.index],
            columns["floor"]: data["floor_violation"].fillna(False).astype(bool).to_numpy(),
        }
    )
    return frame


def results_columns(lang: str = "nl") -> dict[str, str]:
    """Column headers of `results_table`, by role."""
    return {
        "rank": t("word.rank", lang),
        "code": t("results.col.code", lang),
        "measure": t("word.measure", lang),
        "score": t("word.score", lang),
        **{p.value: pillar_name(p, lang) for p in PILLARS},
        "balance": t("results.col.balance", lang),
        "pareto": t("results.col.pareto", lang),
        "no_regret": t("results.col.no_regret", lang),
        "floor": t("results.col.floor", lang),
    }
