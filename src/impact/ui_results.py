"""Streamlit helpers of the weights, results and sensitivity pages.

Cached engine results and the weight controls these pages share. Like
`impact.ui`, this module imports Streamlit; the domain modules do not.

Caching: results are keyed on (database file, assessment id, data version,
weights, method, ...); the Assessment itself is passed as an underscore argument,
which Streamlit does not hash. Any write bumps the data version, so a cache entry
never goes stale.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Mapping
from typing import Any

import streamlit as st

from impact import engine, robustness, ui
from impact.charts import TOTAL_POINTS, to_points, whole_points  # noqa: F401 - re-exported
from impact.model import PILLARS, Assessment, Pillar, WeightProfile
from impact.ui import WeightSettings

# -- weights as a 100-point allocation ----------------------------------------------


def rebalance(
    weights: Mapping[Pillar | str, float], changed: Pillar, value: float
) -> dict[Pillar, int]:
    """Set one pillar to `value` points; the others share the rest in their current ratio.

    The result is whole points that always sum to 100. When the other pillars both
    weigh 0, they share the rest equally.
    """
    value = int(round(min(max(float(value), 0.0), TOTAL_POINTS)))
    current = to_points(weights)
    others = [p for p in PILLARS if p != changed]
    rest = TOTAL_POINTS - value
    base = sum(current[p] for p in others)
    shares = {p: (current[p] / base if base > 0 else 1 / len(others)) for p in others}
    exact = {p: rest * shares[p] for p in others}
    result = {changed: value, **{p: int(exact[p]) for p in others}}
    left = TOTAL_POINTS - sum(result.values())
    for p in sorted(others, key=lambda p: -(exact[p] - int(exact[p])))[:left]:
        result[p] += 1
    return {p: result[p] for p in PILLARS}


def settings_key(settings: WeightSettings) -> tuple[Any, ...]:
    """A hashable fingerprint of the weight settings (cache key)."""
    return (
        tuple(round(float(settings.pillar_weights.get(p, 0.0)), 9) for p in PILLARS),
        tuple(
            (str(p), round(float(settings.floors[p]), 9))
            for p in PILLARS if settings.floors.get(p)
        ),
        settings.method,
        tuple(sorted((str(k), round(float(v), 9)) for k, v in settings.criterion_weights.items())),
    )


def _floors(settings: WeightSettings) -> dict[Pillar, float]:
    return {p: float(v) for p, v in settings.floors.items() if v}


# -- cached engine results ----------------------------------------------------------

@st.cache_data(max_entries=128, show_spinner=False)
def _evaluation(db: str, assessment_id: int, version: int, key: tuple[Any, ...],
                _assessment: Assessment, _settings: WeightSettings) -> engine.Evaluation:
    return engine.evaluate(
        _assessment,
        pillar_weights=_settings.pillar_weights,
        method=_settings.method,
        floors=_floors(_settings) or None,
        criterion_weights=_settings.criterion_weights or None,
    )


def evaluation(assessment: Assessment, settings: WeightSettings) -> engine.Evaluation:
    """`engine.evaluate` with these settings, cached. Raises `engine.EngineError`."""
    return _evaluation(str(ui.store().path), assessment.id, assessment.version,
                       settings_key(settings), assessment, settings)


@st.cache_data(max_entries=32, show_spinner=False)
def _perspectives(db: str, assessment_id: int, version: int, method: str, k: int,
                  _assessment: Assessment) -> robustness.Perspectives | None:
    if not _assessment.profiles:
        return None
    return robustness.perspectives(_assessment, method=method, k=k)


def perspectives(assessment: Assessment, method: str, k: int = 3
                 ) -> robustness.Perspectives | None:
    """The ranking per stakeholder profile (None without profiles), cached."""
    return _perspectives(str(ui.store().path), assessment.id, assessment.version, method,
                         int(k), assessment)


def no_regret(assessment: Assessment, method: str, k: int = 3) -> list[str]:
    """The no-regret measures (top `k` in every perspective); [] when it cannot be known."""
    try:
        result = perspectives(assessment, method, k)
    except engine.EngineError:
        return []
    return list(result.no_regret) if result is not None else []


@st.cache_data(max_entries=64, show_spinner=False)
def _stability(db: str, assessment_id: int, version: int, key: tuple[Any, ...],
               _assessment: Assessment, _settings: WeightSettings) -> Any:
    return robustness.weight_stability(
        _assessment,
        pillar_weights=_settings.pillar_weights,
        method=_settings.method,
        criterion_weights=_settings.criterion_weights or None,
    )


def weight_stability(assessment: Assessment, settings: WeightSettings) -> Any:
    """Weight-stability intervals per pillar (DataFrame), cached."""
    return _stability(str(ui.store().path), assessment.id, assessment.version,
                      settings_key(settings), assessment, settings)


# SMAA reports progress while it runs, which st.cache_data would replay on a cache
# hit; a small process-wide LRU keeps its results instead.
_SMAA_CACHE: OrderedDict[tuple[Any, ...], robustness.SmaaResult] = OrderedDict()
_SMAA_LOCK = threading.Lock()
_SMAA_ENTRIES = 32


def smaa(
    assessment: Assessment,
    settings: WeightSettings,
    *,
    samples: int,
    spread: float,
    progress: Callable[[float], None] | None = None,
) -> robustness.SmaaResult:
    """SMAA around the session's weights (±`spread` per pillar), cached per process."""
    key = (str(ui.store().path), assessment.id, assessment.version, settings_key(settings),
           int(samples), round(float(spread), 6))
    with _SMAA_LOCK:
        hit = _SMAA_CACHE.get(key)
        if hit is not None:
            _SMAA_CACHE.move_to_end(key)
            return hit
    result = robustness.smaa_assessment(
        assessment,
        pillar_weights=settings.pillar_weights,
        spread=spread,
        samples=samples,
        method=settings.method,
        criterion_weights=settings.criterion_weights or None,
        progress=progress,
    )
    with _SMAA_LOCK:
        _SMAA_CACHE[key] = result
        while len(_SMAA_CACHE) > _SMAA_ENTRIES:
            _SMAA_CACHE.popitem(last=False)
    return result


# -- weight controls ------------------------------------------------------------------

def _slider_key(prefix: str, pillar: Pillar) -> str:
    return f"{prefix}:weight:{ui.current_assessment_id()}:{pillar.value}"


def _on_weight_change(prefix: str, pillar: Pillar) -> None:
    settings = ui.weight_settings()
    value = st.session_state[_slider_key(prefix, pillar)]
    settings.pillar_weights = dict(rebalance(settings.pillar_weights, pillar, value))
    settings.profile = None  # the weights no longer are a profile's
    ui.set_weight_settings(settings)


def pillar_weight_sliders(prefix: str) -> WeightSettings:
    """Three sliders, one per pillar, that always add up to 100 points.

    Moving one slider rebalances the other two in their current ratio. The values
    live in `ui.weight_settings()`, so every page shows the same weights.
    """
    settings = ui.weight_settings()
    shown = whole_points(settings.pillar_weights)
    columns = st.columns(len(PILLARS))
    for column, pillar in zip(columns, PILLARS, strict=True):
        key = _slider_key(prefix, pillar)
        st.session_state[key] = shown[pillar]  # the widget follows the shared settings
        column.slider(
            ui.tr(f"pillar.{pillar.value}"),
            min_value=0,
            max_value=TOTAL_POINTS,
            step=1,
            key=key,
            on_change=_on_weight_change,
            args=(prefix, pillar),
            help=ui.tr("results.w.slider_help"),
        )
    return settings


def apply_profile(profile: WeightProfile) -> None:
    """Use a profile's pillar and criterion weights for this session."""
    settings = ui.weight_settings()
    settings.pillar_weights = to_points(profile.pillar_weights)
    settings.criterion_weights = {str(k): float(v) for k, v in profile.criterion_weights.items()}
    settings.profile = profile.name
    ui.set_weight_settings(settings)


def settings_summary(settings: WeightSettings, lang: str) -> str:
    """'Ecologie 40 · Economie 30 · Mens 30 · Gewogen som' (plain text, no Markdown)."""
    points = whole_points(settings.pillar_weights)
    parts = [f"{ui.tr(f'pillar.{p.value}')} {points[p]}" for p in PILLARS]
    method = settings.method
    parts.append(engine.method_label(method, lang) if method in engine.METHODS else method)
    return " · ".join(parts)
