"""Where point labels go, so that no label lies on another label or on a dot.

Plotly does not avoid label overlap. `place_labels` gives each label (in the given
order, so the best measures choose first) the first of plotly's eight text positions
beside its dot whose box hits no label placed before and no dot. Where all eight are
taken (dots on top of each other), the label moves further out, to the nearest free
place on rings around its dot, with a thin leader line to it (`Placement.moved`); the
charts draw those labels as a text trace of their own. Boxes are counted at every size
the chart is drawn at (`spans`), in pixels of the plot area, y up.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from impact.charts.style import FONT_SIZE

Box = tuple[float, float, float, float]

# plotly text positions: (name, kx, ky), the side of the marker the label goes to (y up)
_LABEL_SPOTS: tuple[tuple[str, int, int], ...] = (
    ("top center", 0, 1), ("middle right", 1, 0), ("bottom center", 0, -1),
    ("middle left", -1, 0), ("top right", 1, 1), ("bottom left", -1, -1),
    ("top left", -1, 1), ("bottom right", 1, -1),
)
# Where plotly puts a label, measured in its SVG (14 px text): its marker's radius counts
# 1.25 times, the label starts 1 px beyond it sideways; a label's box centre lies 8.8 px
# above it (top) or 7.3 px below it (bottom).
_MARKER_REACH = 1.25
_ABOVE, _BELOW, _BESIDE = 8.8, 7.3, 1.0
# Rings for a label that finds no free spot beside its dot: distances (px, beyond the
# dot's reach) and 24 directions each, nearest first.
_RINGS = (26.0, 40.0, 56.0, 74.0, 96.0, 120.0, 150.0)
_DIRECTIONS = tuple(np.linspace(0, 2 * np.pi, 24, endpoint=False))


@dataclass
class Placement:
    """`spots`: the plotly text position per label beside its dot (for a moved label the
    least overlapping one); `moved`: label index -> (centre, line start, line end) of the
    labels placed further out, each (x, y) as fractions of the plot."""

    spots: np.ndarray
    moved: dict[int, tuple[tuple[float, float], tuple[float, float], tuple[float, float]]] = (
        field(default_factory=dict))


def _label_centre(x: float, y: float, reach: float, half_w: float, kx: int,
                  ky: int) -> tuple[float, float]:
    cx = x + kx * (reach + _BESIDE + half_w)
    cy = y + (reach + _ABOVE if ky > 0 else -(reach + _BELOW) if ky < 0 else 0.7)
    return cx, cy


def _overlap(a: Box, b: Box) -> float:
    """The area two boxes (x0, y0, x1, y1) share."""
    w = min(a[2], b[2]) - max(a[0], b[0])
    h = min(a[3], b[3]) - max(a[1], b[1])
    return w * h if w > 0 and h > 0 else 0.0


def _outside(box: Box, width: float, height: float, triangle: bool = False) -> float:
    """How much of a box lies outside the plot area (0..width, 0..height), or for a
    ternary plot outside its triangle (side `width`), where the axes' tick labels are."""
    if triangle:
        root3 = np.sqrt(3)
        corners = [(box[i], box[j]) for i in (0, 2) for j in (1, 3)]
        return 50.0 * sum(1 for x, y in corners
                          if y < 0 or y > root3 * x or y > root3 * (width - x))
    inside = _overlap(box, (0.0, 0.0, width, height))
    return (box[2] - box[0]) * (box[3] - box[1]) - inside


class _Layout:
    """The points at every drawn size, their dots' boxes and the labels placed so far."""

    def __init__(self, fx: np.ndarray, fy: np.ndarray, radius: np.ndarray,
                 spans: Sequence[tuple[float, float]], triangle: bool = False):
        self.spans = list(spans)
        self.triangle = triangle
        self.xy = [(fx * w, fy * h) for w, h in self.spans]
        self.dots = [[(xs[j] - radius[j], ys[j] - radius[j], xs[j] + radius[j],
                       ys[j] + radius[j]) for j in range(fx.size)] for xs, ys in self.xy]
        self.placed: list[list[Box]] = [[] for _ in self.spans]

    def cost(self, boxes: list[Box], own: int | None, *, dots: bool = True) -> float:
        """Overlap of a label's boxes with placed labels and (`dots`) with the dots but
        `own`."""
        total = 0.0
        for k, box in enumerate(boxes):
            if self.triangle:  # off the triangle: on the tick labels
                total += _outside(box, *self.spans[k], triangle=True)
            total += sum(_overlap(box, other) for other in self.placed[k])
            if dots:
                total += sum(_overlap(box, dot) for j, dot in enumerate(self.dots[k])
                             if j != own)
        return total


def place_labels(x: Any, y: Any, *, sizes: Any = None, texts: Any = None,
                 span: tuple[float, float] = (700.0, 450.0),
                 spans: Sequence[tuple[float, float]] | None = None,
                 triangle: bool = False) -> Placement:
    """Label places that keep point labels off each other and off the dots.

    `x`, `y` are the points' places as fractions (0..1) of the plot's width and height,
    `span` that plot in pixels (or `spans`: several sizes the chart is drawn at, all
    counted), `sizes` the marker diameters in px (default 12) and `texts` the labels
    (default one digit). `triangle`: a ternary plot (spans (side, side)); labels stay
    inside its triangle, off the tick labels along its sides.
    """
    fx, fy = np.asarray(x, dtype=float), np.asarray(y, dtype=float)
    n = fx.size
    diameter = np.full(n, 12.0) if sizes is None else np.asarray(sizes, dtype=float)
    radius = _MARKER_REACH * diameter / 2
    words = ["0"] * n if texts is None else [str(v) for v in texts]
    half_w = np.array([0.3 * FONT_SIZE * max(len(w), 1) + 1 for w in words])
    half_h = 0.55 * FONT_SIZE
    layout = _Layout(fx, fy, radius, spans or [span], triangle)
    placement = Placement(np.full(n, _LABEL_SPOTS[0][0], dtype=object))
    for i in range(n):
        if not (np.isfinite(fx[i]) and np.isfinite(fy[i])):
            continue
        best_cost, best_boxes = np.inf, None
        for name, kx, ky in _LABEL_SPOTS:
            boxes = []
            for xs, ys in layout.xy:
                cx, cy = _label_centre(xs[i], ys[i], radius[i], half_w[i], kx, ky)
                boxes.append((cx - half_w[i], cy - half_h, cx + half_w[i], cy + half_h))
            cost = layout.cost(boxes, i)
            if cost < best_cost:
                placement.spots[i], best_cost, best_boxes = name, cost, boxes
            if cost == 0:
                break
        if best_cost > 0:  # every spot beside the dot is taken: further out, with a line
            found = _ring_place(layout, i, radius[i], half_w[i], half_h)
            if found is not None:
                kept, placement.moved[i] = found
                for k, boxes in enumerate(kept):
                    layout.placed[k].extend(boxes)
                continue
        for k, box in enumerate(best_boxes or []):
            layout.placed[k].append(box)
    return placement


def _ring_place(layout: _Layout, i: int, reach: float, half_w: float, half_h: float
                ) -> tuple[list[Box], tuple[Any, Any, Any]] | None:
    """The nearest free place on the rings around dot `i` (None: none is free): its
    label hits no label, no dot and no line placed before, its leader line no label and
    no line (it may cross a dot of the crowd it leads out of). Returns the
    boxes to keep free from now on (the label's and small ones along its line)."""
    w0, h0 = layout.spans[0]
    for distance in _RINGS:
        for angle in _DIRECTIONS:
            dx, dy = np.cos(angle), np.sin(angle)
            # the offset in px at the first size, as fractions (it scales with the plot)
            ox = (reach + distance + half_w * abs(dx)) * dx / w0
            oy = (reach + distance + half_h * abs(dy)) * dy / h0
            fx, fy = layout.xy[0][0][i] / w0, layout.xy[0][1][i] / h0
            start = (fx + reach * dx / w0, fy + reach * dy / h0)
            end = (fx + ox - (half_w * abs(dx) + 2) * dx / w0,
                   fy + oy - (half_h * abs(dy) + 2) * dy / h0)
            boxes, line = [], []
            outside = 0.0
            for (w, h), (xs, ys) in zip(layout.spans, layout.xy, strict=True):
                cx, cy = xs[i] + ox * w, ys[i] + oy * h
                box = (cx - half_w, cy - half_h, cx + half_w, cy + half_h)
                boxes.append(box)
                outside += 0.0 if layout.triangle else _outside(box, w, h)
                line.append([(x - 1.5, y - 1.5, x + 1.5, y + 1.5) for x, y in (
                    ((start[0] + q * (end[0] - start[0])) * w,
                     (start[1] + q * (end[1] - start[1])) * h)
                    for q in np.linspace(0, 1, 12))])
            if outside or layout.cost(boxes, None):
                continue
            if any(layout.cost(dots, None, dots=False) for dots in zip(*line, strict=True)):
                continue  # the line would cross a label or another line (a dot it may)
            kept = [[box, *dots] for box, dots in zip(boxes, line, strict=True)]
            return kept, ((fx + ox, fy + oy), start, end)
    return None


def label_positions(x: Any, y: Any, *, sizes: Any = None, texts: Any = None,
                    span: tuple[float, float] = (700.0, 450.0),
                    spans: Sequence[tuple[float, float]] | None = None) -> np.ndarray:
    """The plotly text position per label beside its dot (`place_labels` without moving
    labels further out: those keep the least overlapping spot)."""
    return place_labels(x, y, sizes=sizes, texts=texts, span=span, spans=spans).spots


def moved_label_traces(kind: str, placement: Placement, texts: Sequence[str],
                       ids: Sequence[str], to_data: Any) -> list[dict[str, Any]]:
    """The labels placed further out: a thin leader line from each dot and the label,
    as two traces of `kind` ("scatter" or "scatterternary"). `to_data(fx, fy)` turns a
    place in plot fractions into the trace's coordinates ({"x": .., "y": ..} or
    {"a": .., "b": .., "c": ..}). The label trace's `meta` lists its measures' ids."""
    from impact.charts.style import INK, MUTED_INK

    if not placement.moved:
        return []
    order = sorted(placement.moved)
    lines: dict[str, list[Any]] = {}
    for i in order:
        _, start, end = placement.moved[i]
        for point in (to_data(*start), to_data(*end), None):
            for axis, value in (point or dict.fromkeys(to_data(*start))).items():
                lines.setdefault(axis, []).append(value)
    centres = [to_data(*placement.moved[i][0]) for i in order]
    labels = {axis: [c[axis] for c in centres] for axis in centres[0]}
    return [
        dict(type=kind, mode="lines", hoverinfo="skip", showlegend=False, cliponaxis=False,
             line={"color": MUTED_INK, "width": 1}, **lines),
        dict(type=kind, mode="text", hoverinfo="skip", showlegend=False, cliponaxis=False,
             text=[texts[i] for i in order], textposition="middle center",
             textfont={"size": FONT_SIZE, "color": INK}, meta=[ids[i] for i in order],
             **labels),
    ]
