"""The score heatmap: measures × criteria, criteria grouped by pillar."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import pandas as pd
import plotly.graph_objects as go

from impact.charts.frames import _sorted, criterion_neutral_values, criterion_values
from impact.charts.labels import esc, fmt, knockout_suffix, pillar_name, rows_height, wrap
from impact.charts.style import DIVERGING_SCALE, FONT_SIZE, PILLAR_INK, _make
from impact.i18n import t
from impact.knockouts import knockouts
from impact.model import PILLARS, Assessment, Pillar

# Characters per line of an upright column label: two lines at most for most names, so
# that a label is no wider than its column even in a narrow export.
LABEL_WIDTH = 28


def heatmap_chart(
    deviation: pd.DataFrame,
    raw: pd.DataFrame,
    *,
    criterion_pillars: Mapping[str, Pillar | str],
    criterion_labels: Mapping[str, str],
    measure_names: Mapping[str, str],
    units: Mapping[str, str] | None = None,
    knocked: Mapping[str, str] | None = None,
    lang: str = "nl",
    subtitle: str | None = None,
    title: str | None = None,
) -> go.Figure:
    """Scores per measure and criterion, criteria grouped by pillar.

    `knocked` maps a measure that fails a knock-out to the failing criteria's names: its
    row says "(niet toelaatbaar)" after the name and its cells name them on hover.

    Colour = `deviation`: the value-scale distance from "no change" (−1..1; red worse,
    purple better, grey neutral); the cells show the `raw` scores. Rows follow the
    order of `deviation`'s index, columns are regrouped pillar by pillar.
    """
    columns = [c for p in PILLARS for c in deviation.columns
               if Pillar(criterion_pillars[c]) == p]
    dev = deviation[columns]
    rows = [str(i) for i in dev.index]
    failing = dict(knocked or {})
    names = {m: str(n) + (knockout_suffix(lang) if m in failing else "")
             for m, n in measure_names.items()}
    trace = _score_cells(dev, raw.reindex(index=dev.index, columns=columns),
                         criterion_labels, names, units or {}, lang)
    if failing:
        trace["customdata"] = [[[*cell, "<br>" + esc(t("results.chart.knocked_out_hover", lang,
                                                       criteria=failing[r]))
                                 if r in failing else ""] for cell in row]
                               for r, row in zip(rows, trace["customdata"], strict=True)]
        trace["hovertemplate"] = trace["hovertemplate"].replace(
            "<extra>", "%{customdata[3]}<extra>")
    shapes, annotations = _pillar_groups(columns, criterion_pillars, lang)

    def tick(c: str) -> str:
        # upright (a column is too narrow for a name across), wrapped, whole; a span per
        # line, as plotly styles each line apart
        colour = PILLAR_INK[Pillar(criterion_pillars[c])]
        lines = wrap(criterion_labels.get(c, c), LABEL_WIDTH).split("<br>")
        return "<br>".join(f'<span style="color:{colour}">{line}</span>' for line in lines)

    col_ticks = [tick(c) for c in columns]
    row_ticks = [wrap(names.get(r, r), 30) for r in rows]
    # the longest line of a column label (escaped text counts a little long: fine)
    tick_length = max((len(line) for c in columns
                       for line in wrap(criterion_labels.get(c, c), LABEL_WIDTH).split("<br>")),
                      default=1)
    row_height = rows_height(row_ticks, 34)

    return _make(
        [trace],
        title or t("results.chart.heatmap.title", lang),
        lang,
        subtitle,
        shapes=shapes,
        annotations=annotations,
        height=170 + row_height + int(0.6 * FONT_SIZE * tick_length),
        # room below for the upright labels and right for the colour bar's title
        margin={"b": int(0.6 * FONT_SIZE * tick_length) + 30, "r": 60},
        legend_rows=1,  # room for the pillar names above the columns
        xaxis={"tickmode": "array", "tickvals": columns, "ticktext": col_ticks,
               "side": "bottom", "type": "category", "tickangle": -90},
        yaxis={"autorange": "reversed", "tickmode": "array", "tickvals": rows,
               "ticktext": row_ticks, "type": "category"},
    )


def _score_cells(dev: pd.DataFrame, raw: pd.DataFrame, criterion_labels: Mapping[str, str],
                 measure_names: Mapping[str, str], units: Mapping[str, str],
                 lang: str) -> dict[str, Any]:
    """The heatmap trace: coloured by deviation from "no change", the raw score written."""
    columns = list(dev.columns)
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
    return dict(
        type="heatmap",
        z=dev.to_numpy(dtype=float),
        x=columns,
        y=[str(i) for i in dev.index],
        text=text,
        texttemplate="%{text}",
        textfont={"size": FONT_SIZE},
        customdata=hover,
        colorscale=DIVERGING_SCALE,
        zmid=0.0,
        zmin=-1.0,
        zmax=1.0,
        xgap=2,
        ygap=2,
        colorbar={
            # a shorter bar, so that its title above clears the "better" tick
            "title": {"text": t("results.chart.heatmap.scale", lang), "side": "top"},
            "len": 0.8, "y": 0.4, "yanchor": "middle",
            "tickvals": [-0.94, 0, 0.94],  # the end labels inside the bar's length
            "ticktext": [t("results.chart.worse", lang), t("results.chart.no_change", lang),
                         t("results.chart.better", lang)],
            "thickness": 14,
        },
        hovertemplate=(
            "%{customdata[0]}<br>%{customdata[1]}: %{text} %{customdata[2]}"
            "<extra></extra>"
        ),
    )


def _pillar_groups(columns: list[str], criterion_pillars: Mapping[str, Pillar | str],
                   lang: str) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """Separator lines between the pillars' column groups and each pillar's name above."""
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
            font={"color": PILLAR_INK[pillar], "size": FONT_SIZE + 1},
        ))
        start += count
    return shapes, annotations


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
    labels = {c.id: c.label(lang) for c in assessment.criteria}
    return heatmap_chart(
        deviation,
        assessment.performance(),
        criterion_pillars={c.id: c.pillar for c in assessment.criteria},
        criterion_labels={c.id: c.label(lang) for c in assessment.criteria},
        measure_names={m.id: m.label(lang) for m in assessment.measures},
        units={c.id: c.unit_in(lang) for c in assessment.criteria},
        knocked={m: ", ".join(labels[c] for c in ids)
                 for m, ids in knockouts(assessment).items()},
        lang=lang,
        subtitle=subtitle,
    )
