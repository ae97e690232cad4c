"""The engine results the weights, results and sensitivity pages show, cached.

Keyed on (database file, assessment id, data version, weight settings, ...); any write
bumps the data version, so an entry never goes stale (the caches: `impact.ui.cache`).
Also the 100-point arithmetic of the weight sliders and the profile a session picks.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from impact import engine, robustness
from impact.charts import TOTAL_POINTS, to_points, whole_points  # noqa: F401 - re-exported
from impact.model import PILLARS, Assessment, Pillar, WeightProfile
from impact.ui import cache
from impact.ui.session import WeightSettings, set_weight_settings, store, weight_settings
from impact.ui.text import tr

# -- weights as a 100-point allocation -----------------------------------------------------


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


def _db() -> str:
    return str(store().path)


# -- cached engine results -----------------------------------------------------------------

def evaluation(assessment: Assessment, settings: WeightSettings) -> engine.Evaluation:
    """`engine.evaluate` with these settings, cached. Raises `engine.EngineError`."""
    return cache.evaluation(_db(), assessment.id, assessment.version, settings_key(settings),
                            assessment, settings)


def perspectives(assessment: Assessment, method: str, k: int = 3
                 ) -> robustness.Perspectives | None:
    """The ranking per stakeholder profile (None without profiles), cached."""
    return cache.perspectives(_db(), assessment.id, assessment.version, method, int(k),
                              assessment)


def no_regret(assessment: Assessment, method: str, k: int = 3) -> list[str]:
    """The no-regret measures (top `k` in every perspective); [] when it cannot be known."""
    try:
        result = perspectives(assessment, method, k)
    except engine.EngineError:
        return []
    return list(result.no_regret) if result is not None else []


def weight_stability(assessment: Assessment, settings: WeightSettings) -> Any:
    """Weight-stability intervals per pillar (DataFrame), cached."""
    return cache.stability(_db(), assessment.id, assessment.version, settings_key(settings),
                           assessment, settings)


def smaa(
    assessment: Assessment,
    settings: WeightSettings,
    *,
    samples: int,
    spread: float,
    progress: Callable[[float], None] | None = None,
) -> robustness.SmaaResult:
    """SMAA around the session's weights (±`spread` per pillar), cached per process."""
    key = (_db(), assessment.id, assessment.version, settings_key(settings),
           int(samples), round(float(spread), 6))
    return cache.smaa(key, lambda: robustness.smaa_assessment(
        assessment,
        pillar_weights=settings.pillar_weights,
        spread=spread,
        samples=samples,
        method=settings.method,
        criterion_weights=settings.criterion_weights or None,
        progress=progress,
    ))


# -- the session's choice ------------------------------------------------------------------

def apply_profile(profile: WeightProfile) -> None:
    """Use a profile's pillar and criterion weights for this session."""
    settings = weight_settings()
    settings.pillar_weights = to_points(profile.pillar_weights)
    settings.criterion_weights = {str(k): float(v) for k, v in profile.criterion_weights.items()}
    settings.profile = profile.name
    set_weight_settings(settings)


def settings_summary(settings: WeightSettings, lang: str) -> str:
    """'Ecologie 40 · Economie 30 · Mens 30 · Gewogen som' (plain text, no Markdown)."""
    points = whole_points(settings.pillar_weights)
    parts = [f"{tr(f'pillar.{p.value}')} {points[p]}" for p in PILLARS]
    method = settings.method
    parts.append(engine.method_label(method, lang) if method in engine.METHODS else method)
    return " · ".join(parts)
