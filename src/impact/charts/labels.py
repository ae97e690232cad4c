"""Text on charts: escaping, wrapping, numbers, pillar and measure names, subtitles.

Pillar weights are shown as whole points with the one rounding of `impact.weighting`
(re-exported here as `TOTAL_POINTS`, `to_points`, `whole_points`).

Every label goes through `impact.i18n.t`. Measure, criterion and profile names are
user text: plotly renders a subset of HTML in text, hover, legend and tick labels,
so they are escaped (`esc`) before they reach a figure; a measure named
``<b>x</b>`` shows literally.
"""

from __future__ import annotations

import html
import textwrap
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

import numpy as np
import pandas as pd

from impact import engine
from impact.charts.style import FONT_SIZE, INK
from impact.i18n import t
from impact.model import PILLARS, Pillar
from impact.numbers import format_number
from impact.weighting import TOTAL_POINTS as TOTAL_POINTS  # re-exported: charts always had it
from impact.weighting import Weighting, whole_points
from impact.weighting import to_points as to_points  # re-exported


def esc(text: object) -> str:
    """User text made safe for plotly: <, > and & shown literally, never as markup."""
    return html.escape(str(text), quote=False)


def wrap(text: object, width: int = 28, max_lines: int | None = None) -> str:
    """Escaped text wrapped over lines with <br> (the only markup we add).

    Chart labels are never cut: without `max_lines` every line is kept (a chart makes
    room for them); with it, the last kept line ends in an ellipsis.
    """
    lines = textwrap.wrap(str(text), width=width, break_long_words=False,
                          break_on_hyphens=False) or [""]
    if max_lines is not None and len(lines) > max_lines:
        lines = lines[:max_lines]
        lines[-1] = lines[-1][: max(width - 1, 1)] + "…"
    return "<br>".join(esc(line) for line in lines)


def line_count(text: str) -> int:
    """How many lines a label made by `wrap` takes."""
    return text.count("<br>") + 1


def rows_height(ticks: list[str], minimum: int) -> int:
    """Pixels for a category axis of these labels: every row as tall as the tallest
    label needs (rows share one height), at least `minimum`."""
    lines = max((line_count(tick) for tick in ticks), default=1)
    return max(len(ticks), 1) * max(minimum, 20 * lines + 10)


def numbered_key(names: list[str], *, width: int = 34, title: str = "",
                 note: str = "") -> dict[str, Any]:
    """The key beside a chart whose markers carry numbers: "1  Full name" per line.

    `names` are plain text in number order (the first is 1). Long names wrap onto
    indented lines; nothing is cut. Returned as an annotation plus the right margin
    (in px) and the number of lines it needs: `{"annotation", "margin", "lines"}`.
    """
    rows: list[str] = []
    longest = 0
    for number, name in enumerate(names, start=1):
        lines = textwrap.wrap(str(name), width=width, break_long_words=False,
                          break_on_hyphens=False) or [""]
        longest = max(longest, *(len(line) for line in lines))
        pad = "\u00a0" * (len(str(len(names))) + 2)
        rows.append(f"<b>{number}</b>\u00a0\u00a0" + esc(lines[0]))
        rows.extend(pad + esc(line) for line in lines[1:])
    if title:
        rows.insert(0, f"<b>{esc(title)}</b>")
    if note:
        rows += ["", esc(note)]
        longest = max(longest, len(note))
    longest = max(longest, len(title))
    annotation = dict(
        xref="paper", yref="paper", x=1.02, y=1.0, xanchor="left", yanchor="top",
        align="left", showarrow=False, text="<br>".join(rows),
        font={"size": KEY_FONT_SIZE, "color": INK},
    )
    # about 0.55 em per character, plus the number and some air
    margin = int(min(460, 0.56 * KEY_FONT_SIZE * (longest + 4) + 30))
    return {"annotation": annotation, "margin": margin, "lines": len(rows)}


def short(text: object, width: int = 20) -> str:
    """Escaped text cut to `width` characters."""
    s = str(text)
    return esc(s if len(s) <= width else s[: width - 1] + "…")


KEY_FONT_SIZE = FONT_SIZE

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


def _label_centre(x: float, y: float, reach: float, half_w: float, kx: int,
                  ky: int) -> tuple[float, float]:
    cx = x + kx * (reach + _BESIDE + half_w)
    cy = y + (reach + _ABOVE if ky > 0 else -(reach + _BELOW) if ky < 0 else 0.7)
    return cx, cy


def label_positions(x: Any, y: Any, *, sizes: Any = None, texts: Any = None,
                    span: tuple[float, float] = (700.0, 450.0),
                    spans: Sequence[tuple[float, float]] | None = None) -> np.ndarray:
    """Text positions that keep point labels off each other and off the markers.

    `x`, `y` are the points' places as fractions (0..1) of the plot's width and height,
    `span` that plot in pixels (or `spans`: several sizes the chart is drawn at, all
    counted), `sizes` the marker diameters in px (default 12) and `texts` the labels
    (default one digit). Plotly does not avoid label overlap; this greedy pass (in the
    given order, so the best measures choose first) gives each label the first spot
    whose box hits no label placed before and no marker, else the spot that overlaps
    least.
    """
    fx, fy = np.asarray(x, dtype=float), np.asarray(y, dtype=float)
    n = fx.size
    diameter = np.full(n, 12.0) if sizes is None else np.asarray(sizes, dtype=float)
    radius = _MARKER_REACH * diameter / 2
    words = ["0"] * n if texts is None else [str(v) for v in texts]
    half_w = np.array([0.3 * KEY_FONT_SIZE * max(len(w), 1) + 1 for w in words])
    half_h = np.full(n, 0.55 * KEY_FONT_SIZE)
    layouts = [(fx * w, fy * h) for w, h in (spans or [span])]
    markers = [[(xs[j] - radius[j], ys[j] - radius[j], xs[j] + radius[j], ys[j] + radius[j])
                for j in range(n)] for xs, ys in layouts]
    placed: list[list[Box]] = [[] for _ in layouts]
    spots = np.full(n, _LABEL_SPOTS[0][0], dtype=object)
    for i in range(n):
        if not (np.isfinite(fx[i]) and np.isfinite(fy[i])):
            continue
        best_cost, best_boxes = np.inf, None
        for name, kx, ky in _LABEL_SPOTS:
            boxes = []
            for xs, ys in layouts:
                cx, cy = _label_centre(xs[i], ys[i], radius[i], half_w[i], kx, ky)
                boxes.append((cx - half_w[i], cy - half_h[i], cx + half_w[i], cy + half_h[i]))
            cost = sum(_overlap(box, other) for k, box in enumerate(boxes) for other in placed[k])
            cost += sum(_overlap(box, m) for k, box in enumerate(boxes)
                        for j, m in enumerate(markers[k]) if j != i)
            if cost < best_cost:
                spots[i], best_cost, best_boxes = name, cost, boxes
            if cost == 0:
                break
        for k, box in enumerate(best_boxes or []):
            placed[k].append(box)
    return spots


Box = tuple[float, float, float, float]


def _overlap(a: tuple[float, float, float, float], b: tuple[float, float, float, float]) -> float:
    """The area two boxes (x0, y0, x1, y1) share."""
    w = min(a[2], b[2]) - max(a[0], b[0])
    h = min(a[3], b[3]) - max(a[1], b[1])
    return w * h if w > 0 and h > 0 else 0.0


def fmt(value: float, lang: str = "nl", digits: int = 2) -> str:
    """A number in the language's notation (Dutch decimal comma): `impact.numbers`."""
    return format_number(value, lang, digits)


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


def weights_subtitle(pillar_weights: Weighting | Mapping[Pillar | str, float] | None, lang: str,
                     method: str | None = None, profile: str | None = None,
                     vikor_v: float | None = None) -> str:
    """'Provincie: Ecologie 40 · Economie 30 · Mens 30 · Gewogen som' (user text escaped).

    Given a `Weighting`, its pillar weights, method (VIKOR with its v) and profile name
    (an explicit `method` or `profile` wins).
    """
    if isinstance(pillar_weights, Weighting):
        method = method or pillar_weights.method
        profile = profile or pillar_weights.profile
        vikor_v = pillar_weights.vikor_v if vikor_v is None else vikor_v
        pillar_weights = pillar_weights.pillar_mapping()
    parts: list[str] = []
    if profile:
        parts.append(esc(profile) + ":")
    if pillar_weights:
        # the same whole points as the sliders show, so that 34/33/33 reads alike everywhere
        points = whole_points(pillar_weights)
        parts.append(" · ".join(f"{pillar_name(p, lang)} {points[p]}" for p in PILLARS))
    if method:
        label = (engine.method_label(method, lang, vikor_v) if method in engine.METHODS
                 else method)
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
