"""Plotly figure builders: engine results in, `go.Figure` out.

Pure functions without Streamlit, usable from pages, the export and the CLI.
Graph objects only (``plotly.express`` costs ~26 ms per figure against ~1 ms).

This package's modules: `style` (colours, template, the figure maker), `labels`
(escaped user text, numbers, names, subtitles), `frames` (the data charts draw),
one module per chart family (`ranking`, `balance`, `pillars`, `heatmap`,
`sensitivity`, `workshop`), `table` (the results table) and `registry` (chart names,
titles, `build_chart` and the export's `build_figure`). Import from `impact.charts`;
the names below are its surface.
"""

from impact.charts.balance import balance_chart, pillar_shares, tradeoff_chart
from impact.charts.frames import criterion_neutral_values, criterion_values
from impact.charts.gaia import gaia_chart
from impact.charts.heatmap import heatmap_chart, heatmap_from_assessment
from impact.charts.labels import (
    TOTAL_POINTS,
    esc,
    fmt,
    label_positions,
    measure_label,
    measure_labels,
    pillar_name,
    short,
    to_points,
    weights_subtitle,
    whole_points,
    wrap,
)
from impact.charts.pillars import (
    default_radar_measures,
    pillars_chart,
    radar_chart,
    radar_from_assessment,
    radar_from_table,
)
from impact.charts.ranking import ranking_chart
from impact.charts.registry import (
    CHART_NAMES,
    CHART_TITLES,
    PROFILE_CHARTS,
    ChartError,
    available_charts,
    build_chart,
    build_figure,
    chart_names,
    chart_title,
    profile_named,
)
from impact.charts.sensitivity import (
    acceptability_chart,
    kendall_chart,
    perspectives_chart,
    stability_chart,
)
from impact.charts.style import (
    DIVERGING_SCALE,
    FLOOR_COLOUR,
    FONT_SIZE,
    MEASURE_COLOURS,
    MEASURE_DASHES,
    NEUTRAL_LINE,
    NO_REGRET_COLOUR,
    PEOPLE_SCALE,
    PILLAR_COLOURS,
    PILLAR_INK,
    PILLAR_TINTS,
    PRESENTATION_FACTOR,
    RANK_SCALE,
    SPREAD_SCALE,
    enlarged,
)
from impact.charts.table import results_columns, results_table, shown_numbers
from impact.charts.workshop import disagreement_heatmap, shift_heatmap

__all__ = [
    "CHART_NAMES", "CHART_TITLES", "DIVERGING_SCALE", "FLOOR_COLOUR", "FONT_SIZE",
    "MEASURE_COLOURS", "MEASURE_DASHES", "NEUTRAL_LINE", "NO_REGRET_COLOUR", "PEOPLE_SCALE",
    "PILLAR_COLOURS", "PILLAR_INK", "PILLAR_TINTS", "PROFILE_CHARTS", "RANK_SCALE", "SPREAD_SCALE",
    "TOTAL_POINTS", "ChartError", "acceptability_chart", "available_charts", "balance_chart",
    "PRESENTATION_FACTOR", "build_chart", "build_figure", "enlarged", "chart_names",
    "chart_title", "criterion_neutral_values",
    "criterion_values", "default_radar_measures", "disagreement_heatmap", "esc", "fmt",
    "gaia_chart",
    "heatmap_chart", "heatmap_from_assessment", "kendall_chart", "label_positions",
    "measure_label", "measure_labels", "perspectives_chart", "pillar_name", "pillar_shares",
    "profile_named",
    "pillars_chart", "radar_chart", "radar_from_assessment", "radar_from_table",
    "ranking_chart", "results_columns", "results_table", "shift_heatmap", "short", "shown_numbers",
    "stability_chart", "to_points", "tradeoff_chart", "weights_subtitle", "whole_points",
    "wrap",
]
