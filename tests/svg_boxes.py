"""Boxes of the text in a plotly SVG export, to check that no two labels overlap.

Plotly's SVG places each text with x/y (baseline), text-anchor and a font size, inside
groups moved by translate() (and turned by rotate() for upright labels). The boxes are
estimated from the font size (width ~0.55 em per character, height 1 em): an estimate
that errs on the wide side, so a test that finds no overlap is trustworthy.
"""

from __future__ import annotations

import math
import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass

_SIZE = re.compile(r"font-size:\s*([\d.]+)px")
EM_WIDTH = 0.55


@dataclass(frozen=True)
class Box:
    text: str
    x0: float
    y0: float
    x1: float
    y1: float

    def overlap(self, other: Box) -> float:
        w = min(self.x1, other.x1) - max(self.x0, other.x0)
        h = min(self.y1, other.y1) - max(self.y0, other.y0)
        return w * h if w > 0 and h > 0 else 0.0


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


Matrix = tuple[float, float, float, float, float, float]  # SVG's (a, b, c, d, e, f)
IDENTITY: Matrix = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)
_STEP = re.compile(r"(translate|rotate|scale|matrix)\(([^)]*)\)")


def _times(m: Matrix, n: Matrix) -> Matrix:
    a, b, c, d, e, f = m
    a2, b2, c2, d2, e2, f2 = n
    return (a * a2 + c * b2, b * a2 + d * b2, a * c2 + c * d2, b * c2 + d * d2,
            a * e2 + c * f2 + e, b * e2 + d * f2 + f)


def _parse(transform: str) -> Matrix:
    """An SVG transform attribute as one matrix (translate, rotate, scale, matrix)."""
    result = IDENTITY
    for name, raw in _STEP.findall(transform or ""):
        v = [float(x) for x in re.split(r"[\s,]+", raw.strip()) if x]
        if name == "translate":
            step = (1.0, 0.0, 0.0, 1.0, v[0], v[1] if len(v) > 1 else 0.0)
        elif name == "scale":
            step = (v[0], 0.0, 0.0, v[1] if len(v) > 1 else v[0], 0.0, 0.0)
        elif name == "matrix":
            step = tuple(v[:6])  # type: ignore[assignment]
        else:
            angle = math.radians(v[0])
            cx, cy = (v[1], v[2]) if len(v) >= 3 else (0.0, 0.0)
            cos, sin = math.cos(angle), math.sin(angle)
            step = _times(_times((1.0, 0.0, 0.0, 1.0, cx, cy), (cos, sin, -sin, cos, 0.0, 0.0)),
                          (1.0, 0.0, 0.0, 1.0, -cx, -cy))
        result = _times(result, step)
    return result


def text_boxes(svg: bytes) -> list[Box]:
    """Every visible text (and each line of a multi-line one) as a box in page pixels."""
    root = ET.fromstring(svg)
    boxes: list[Box] = []

    def walk(node: ET.Element, matrix: Matrix) -> None:
        matrix = _times(matrix, _parse(node.get("transform", "")))
        if _local(node.tag) == "text":
            boxes.extend(_boxes_of(node, matrix))
            return
        if _local(node.tag) in ("defs", "clipPath"):
            return
        for child in node:
            walk(child, matrix)

    walk(root, IDENTITY)
    return boxes


def _boxes_of(node: ET.Element, matrix: Matrix) -> list[Box]:
    size_match = _SIZE.search(node.get("style", ""))
    size = float(size_match.group(1)) if size_match else 12.0
    anchor = node.get("text-anchor", "start")
    x = float(node.get("x", 0) or 0)
    y = float(node.get("y", 0) or 0)
    lines = [t for t in node if _local(t.tag) == "tspan" and "line" in t.get("class", "")]
    if not lines:
        pieces = [("".join(node.itertext()), x, y)]
    else:
        pieces, line_y = [], y
        for tspan in lines:
            shift = tspan.get("dy", "0")
            if tspan.get("y") is not None:  # an absolute y: dy counts from there
                line_y = float(tspan.get("y") or 0)
            line_y += float(shift.replace("em", "")) * (size if "em" in shift else 1)
            pieces.append(("".join(tspan.itertext()), float(tspan.get("x", x) or x), line_y))
    out = []
    for text, px, py in pieces:
        text = text.strip()
        if not text:
            continue
        width = EM_WIDTH * size * len(text)
        start = {"start": px, "middle": px - width / 2, "end": px - width}.get(anchor, px)
        corners = [(start, py - 0.8 * size), (start + width, py - 0.8 * size),
                   (start, py + 0.2 * size), (start + width, py + 0.2 * size)]
        a, b, c, d, e, f = matrix
        xs = [a * cx + c * cy + e for cx, cy in corners]
        ys = [b * cx + d * cy + f for cx, cy in corners]
        out.append(Box(text, min(xs), min(ys), max(xs), max(ys)))
    return out
def overlapping(boxes: list[Box], tolerance: float = 4.0) -> list[tuple[str, str, float]]:
    """Pairs of texts whose boxes share more than `tolerance` square pixels."""
    found = []
    for i, a in enumerate(boxes):
        for b in boxes[i + 1:]:
            area = a.overlap(b)
            if area > tolerance:
                found.append((a.text, b.text, round(area, 1)))
    return found
