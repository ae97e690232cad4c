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
from collections.abc import Iterable, Mapping
from typing import Any

import numpy as np
import pandas as pd

from impact import engine
from impact.i18n import t
from impact.model import PILLARS, Pillar
from impact.numbers import format_number
from impact.weighting import TOTAL_POINTS as TOTAL_POINTS  # re-exported: charts always had it
from impact.weighting import Weighting, whole_points
from impact.weighting import to_points as to_points  # re-exported


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
                     method: str | None = None, profile: str | None = None) -> str:
    """'Provincie: Ecologie 40 · Economie 30 · Mens 30 · Gewogen som' (user text escaped).

    Given a `Weighting`, its pillar weights, method and profile name (an explicit
    `method` or `profile` wins).
    """
    if isinstance(pillar_weights, Weighting):
        method = method or pillar_weights.method
        profile = profile or pillar_weights.profile
        pillar_weights = pillar_weights.pillar_mapping()
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
