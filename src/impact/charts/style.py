"""The look every chart shares: colours, scales, the template and the figure maker.

One colour per pillar everywhere, from the Okabe-Ito palette, which stays
distinguishable with the common forms of colour blindness (`PILLAR_COLOURS`):
ecology bluish green #009E73, economy blue #0072B2, people orange #E69F00.
Measures overlaid in one chart (radar) take the remaining Okabe-Ito colours
(`MEASURE_COLOURS`) plus a dash pattern, so they never look like a pillar.
Markers: floor violation vermillion #D55E00 cross, no-regret black star.
Diverging scales (better / worse than "no change") run from red #CA0020 through
light grey to purple #5E3C99, hues no pillar uses; workshop disagreement runs from
light grey to dark red (`SPREAD_SCALE`).
"""

from __future__ import annotations

from typing import Any

import plotly.graph_objects as go

from impact.model import Pillar

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
# Disagreement in a workshop (IQR): light grey for none through to dark red for a split room.
SPREAD_SCALE: list[list[Any]] = [[0.0, "#F7F7F7"], [0.5, "#F4A582"], [1.0, "#B2182B"]]
# Sequential scale for the people pillar (bubble colour in the trade-off chart).
PEOPLE_SCALE: list[list[Any]] = [[0.0, "#FFF4DC"], [0.5, "#E69F00"], [1.0, "#6B4700"]]
# Rank colours: cividis is readable for all common colour-vision deficiencies.
RANK_SCALE = "cividis"
NEUTRAL_LINE = "#555555"
FONT_SIZE = 14


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
