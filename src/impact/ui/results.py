"""The engine results the weights, results and sensitivity pages show, cached.

Keyed on (database file, assessment id, data version, the session's `Weighting`, ...);
any write bumps the data version, so an entry never goes stale (the caches:
`impact.ui.cache`). Also the profile a session picks and the one-line summary of its
weights.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from impact import engine, robustness
from impact.model import PILLARS, Assessment, WeightProfile
from impact.ui import cache
from impact.ui.session import set_weighting, store, weighting
from impact.ui.text import tr
from impact.weighting import Weighting


def _db() -> str:
    return str(store().path)


# -- cached engine results -----------------------------------------------------------------

def evaluation(assessment: Assessment, w: Weighting) -> engine.Evaluation:
    """`engine.evaluate` under `w`, cached. Raises `engine.EngineError`."""
    return cache.evaluation(_db(), assessment.id, assessment.version, w, assessment)


def perspectives(assessment: Assessment, w: Weighting, k: int = 3
                 ) -> robustness.Perspectives | None:
    """The ranking per stakeholder profile under `w`'s method, v and floors (None without
    profiles), cached."""
    return cache.perspectives(_db(), assessment.id, assessment.version, w.method, int(k),
                              assessment, float(w.vikor_v), w.floors)


def no_regret(assessment: Assessment, w: Weighting, k: int = 3) -> list[str]:
    """The no-regret measures (top `k` in every perspective); [] when it cannot be known."""
    try:
        result = perspectives(assessment, w, k)
    except engine.EngineError:
        return []
    return list(result.no_regret) if result is not None else []


def weight_stability(assessment: Assessment, w: Weighting) -> Any:
    """Weight-stability intervals per pillar (DataFrame), cached."""
    return cache.stability(_db(), assessment.id, assessment.version, w, assessment)


def smaa(
    assessment: Assessment,
    w: Weighting,
    *,
    samples: int,
    spread: float,
    progress: Callable[[float], None] | None = None,
) -> robustness.SmaaResult:
    """SMAA around the session's weights (±`spread` per pillar), cached per process."""
    key = (_db(), assessment.id, assessment.version, w, int(samples), round(float(spread), 6))
    return cache.smaa(key, lambda: robustness.smaa_assessment(
        assessment, w, spread=spread, samples=samples, progress=progress,
    ))


# -- the session's choice ------------------------------------------------------------------

def apply_profile(profile: WeightProfile) -> None:
    """Use a profile's pillar and criterion weights for this session (method, floors stay)."""
    set_weighting(weighting().with_profile(profile))


def settings_summary(w: Weighting, lang: str) -> str:
    """'Ecologie 40 · Economie 30 · Mens 30 · Gewogen som' (plain text, no Markdown)."""
    points = w.whole_points()
    parts = [f"{tr(f'pillar.{p.value}')} {points[p]}" for p in PILLARS]
    method = w.method
    parts.append(engine.method_label(method, lang, w.vikor_v) if method in engine.METHODS
                 else method)
    return " · ".join(parts)
