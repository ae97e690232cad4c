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
# Darker shades of the pillar colours for text (axis titles, column labels): the same
# hue, with at least 4.5:1 contrast on white (WCAG AA), which green and orange lack.
PILLAR_INK: dict[Pillar, str] = {
    Pillar.ECOLOGY: "#00795A",
    Pillar.ECONOMY: "#0072B2",
    Pillar.PEOPLE: "#8A5B00",
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
# A measure that fails a knock-out (not admissible): hollow, in a grey no pillar uses.
KNOCKOUT_COLOUR = "#6B6B6B"
KNOCKOUT_FILL = "#FFFFFF"
DIVERGING_SCALE: list[list[Any]] = [[0.0, "#CA0020"], [0.5, "#F2F2F2"], [1.0, "#5E3C99"]]
# Disagreement in a workshop (IQR): light grey for none through to dark red for a split room.
SPREAD_SCALE: list[list[Any]] = [[0.0, "#F7F7F7"], [0.5, "#F4A582"], [1.0, "#B2182B"]]
# Sequential scale for the people pillar (bubble colour in the trade-off chart).
PEOPLE_SCALE: list[list[Any]] = [[0.0, "#FFF4DC"], [0.5, "#E69F00"], [1.0, "#6B4700"]]
# Rank colours: cividis is readable for all common colour-vision deficiencies.
RANK_SCALE = "cividis"
NEUTRAL_LINE = "#555555"
# Readable at the back of a room and on A4: no chart text below 14 px (about 9 pt when a
# 760 px wide chart is printed across the report's text width), dark ink, larger titles.
FONT_SIZE = 14
TITLE_SIZE = 20
KEY_LINE_HEIGHT = 1.45 * FONT_SIZE  # one line of a numbered key, in px
# px: the widths a chart is mostly drawn at, the report's and an exported image's
# (impact.export REPORT_CHART_WIDTH, DEFAULT_WIDTH); point labels are placed for both
LAYOUT_WIDTHS = (760, 1000)
INK = "#1F2933"  # all chart text: near black on white
MUTED_INK = "#3E4C59"  # secondary text (axis ticks of the radar, notes), still dark
# Rank groups (trade-off chart): Okabe-Ito colours no pillar uses, dark to light.
RANK_GROUP_COLOURS: tuple[str, ...] = ("#000000", "#CC79A7", "#999999")
# Rank acceptability: ranks 1, 2, 3 and "4 or lower", cividis steps far apart.
ACCEPTABILITY_COLOURS: tuple[str, ...] = ("#00204C", "#4E5C7A", "#A69D75", "#E8E1C4")


def _separators(lang: str) -> str:
    return ",." if lang == "nl" else ".,"


_AXIS = {"gridcolor": "#E4E9F0", "linecolor": "#9AA5B1", "zerolinecolor": "#9AA5B1",
         "zerolinewidth": 1.5, "ticks": "", "automargin": True, "ticklabelstandoff": 6}
_GRID = {"gridcolor": "#EBF0F8", "linecolor": "#C8D4E3", "ticks": ""}
# A small white template made once. Plotly copies the template into every figure;
# its full "plotly_white" costs ~20 ms per figure, this one well under 1 ms.
_TEMPLATE = go.layout.Template(
    layout={
        "paper_bgcolor": "white",
        "plot_bgcolor": "white",
        "font": {"color": INK},
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
          annotations: list[dict[str, Any]] | None = None, key: dict[str, Any] | None = None,
          **layout: Any) -> go.Figure:
    """The figure, built and validated once: traces, shapes and annotations as dicts.

    Shared layout: title (+ subtitle) on top, then `legend_rows` of horizontal legend;
    `key` (from `labels.numbered_key`) goes right of the plot, with the margin and
    height it needs.
    Building the whole figure in one go is several times faster than add_trace /
    update_layout, which diff and re-validate on every call.
    """
    title_spec: dict[str, Any] = {"text": title, "x": 0.0, "xanchor": "left",
                                  "yref": "container", "y": 1.0, "yanchor": "top",
                                  "pad": {"t": 12}, "font": {"size": TITLE_SIZE, "color": INK}}
    if subtitle:
        title_spec["subtitle"] = {"text": subtitle, "font": {"size": FONT_SIZE, "color": INK}}
    top = 84 if subtitle else 58
    if legend_rows:
        layout.setdefault("legend", {"orientation": "h", "yanchor": "bottom", "y": 1.01,
                                     "x": 0.0, "xanchor": "left"})
        top += 28 * legend_rows
    margin = {"l": 10, "r": 10, "t": top, "b": 40, **layout.pop("margin", {})}
    annotations = list(annotations or [])
    if key:
        annotations.append(key["annotation"])
        margin["r"] = max(margin["r"], key["margin"])
        needed = top + margin["b"] + int(KEY_LINE_HEIGHT * key["lines"])
        layout["height"] = max(int(layout.get("height") or 0), needed)
    spec = {
        # the template goes in first: Figure() then skips copying the default template
        "template": _TEMPLATE,
        "title": title_spec,
        "separators": _separators(lang),
        "font": {"size": FONT_SIZE, "color": INK},
        "hoverlabel": {"font": {"size": FONT_SIZE}},
        "margin": margin,
        "shapes": shapes or [],
        "annotations": annotations,
        **layout,
    }
    return go.Figure(data=traces, layout=spec)


PRESENTATION_FACTOR = 1.4
_FONT_KEYS = frozenset({"font", "textfont", "tickfont", "insidetextfont", "outsidetextfont"})


def enlarged(fig: go.Figure, factor: float = PRESENTATION_FACTOR) -> go.Figure:
    """A copy of `fig` for projecting: every font, the markers, the margins and the
    height `factor` times as large (the presentation mode of the pages)."""

    def scale(node: Any, in_font: bool = False) -> Any:
        if isinstance(node, dict):
            return {k: (v * factor if in_font and k == "size" and isinstance(v, int | float)
                        else scale(v, k in _FONT_KEYS)) for k, v in node.items()}
        if isinstance(node, list):
            return [scale(v) for v in node]
        return node

    copy = go.Figure(fig)
    layout = scale(copy.layout.to_plotly_json())  # the charts' layouts hold no arrays
    layout.setdefault("font", {})["size"] = FONT_SIZE * factor
    layout["margin"] = {k: v * factor for k, v in (layout.get("margin") or {}).items()}
    layout["height"] = (layout.get("height") or 500) * factor
    for annotation in layout.get("annotations", []):  # a numbered key needs room too
        annotation.setdefault("font", {}).setdefault("size", FONT_SIZE * factor)
    copy.layout = layout
    for trace in copy.data:
        for name in ("textfont", "insidetextfont", "outsidetextfont", "marker"):
            part = getattr(trace, name, None) if name in trace else None
            size = getattr(part, "size", None) if part is not None else None
            if size is None or isinstance(size, str):
                continue
            part.size = (size * factor if isinstance(size, int | float)
                         else [v * factor for v in size])
    return copy
