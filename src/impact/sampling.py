"""How SMAA draws its samples: weight vectors (criterion ranges or pillar spreads) and scores.

A weight sampler is a function ``(rng, k) -> k x c`` weight rows, each summing to 1
(c = criteria, or the three pillars for hierarchical weights). The checks here
turn the user's sampling options into such samplers, or raise an `EngineError`.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

import numpy as np
import pandas as pd

from impact.feasible import BoxSimplex, feasible_box
from impact.methods.problem import (
    EngineError,
    Problem,
    as_int,
    as_number,
    by_criterion,
    check_weight_value,
    format_number,
)
from impact.pillars import PILLAR_NAMES

__all__ = [
    "WeightSampler",
    "check_samples",
    "check_score_sd",
    "check_spread",
    "criterion_sampler",
    "pillar_sampler",
    "simplex",
]

WeightSampler = Callable[[np.random.Generator, int], np.ndarray]


def simplex(rng: np.random.Generator, k: int, m: int) -> np.ndarray:
    """k weight vectors uniform on the (m-1)-simplex (normalised exponentials)."""
    e = rng.standard_exponential((k, m))
    return e / e.sum(axis=1, keepdims=True)


def check_samples(samples: int) -> int:
    """The number of samples as an int >= 1."""
    value = as_int(samples, "engine.error.invalid_samples")
    if value < 1:
        raise EngineError("engine.error.invalid_samples", value=str(samples))
    return value


def check_spread(spread: float) -> float:
    """A pillar weight spread as a number 0..1."""
    spread = as_number(spread)
    if not 0.0 <= spread <= 1.0:
        raise EngineError("engine.error.invalid_spread", value=str(spread))
    return spread


# --------------------------------------------------------------------------------------
# criterion weights
# --------------------------------------------------------------------------------------


def criterion_sampler(
    weights: Mapping[str, Any] | None, p: Problem
) -> tuple[WeightSampler, bool]:
    """(sampler, whether every weight has a continuous distribution) for `smaa`.

    `weights` None: uniform on the simplex; otherwise every criterion maps to a
    fixed weight or a `(low, high)` range, and the samples are uniform on the
    feasible weights: on the simplex, every weight within its range (see
    `impact.feasible`). Weights are shares of the total; numbers in another unit
    (points out of 10, say) are first divided by the sum of the ranges' middles
    (`feasible_box`).
    """
    m = len(p.criteria)
    if weights is None:
        return (lambda rng, k: simplex(rng, k, m)), True
    low, high = _weight_bounds(weights, p.criteria)
    return BoxSimplex(*feasible_box(low, high)), bool((high > low).all())


def _weight_bounds(
    weights: Mapping[str, Any], criteria: pd.Index
) -> tuple[np.ndarray, np.ndarray]:
    low = np.empty(len(criteria))
    high = np.empty(len(criteria))
    for j, c, raw in by_criterion(weights, criteria, "weight", "engine.error.missing_weight"):
        if isinstance(raw, (tuple, list)) and len(raw) == 2:
            a = _check_range_end(c, raw[0], raw)
            b = _check_range_end(c, raw[1], raw)
            if a > b:
                raise EngineError("engine.error.invalid_weight_range", criterion=c,
                                  low=format_number(a), high=format_number(b))
            low[j], high[j] = a, b
        else:
            low[j] = high[j] = check_weight_value(c, raw)
    if high.sum() <= 0:
        raise EngineError("engine.error.zero_weights")
    return low, high


def _check_range_end(criterion: str, value: Any, raw: Any) -> float:
    number = as_number(value)
    if not np.isfinite(number) or number < 0:
        raise EngineError("engine.error.invalid_weight_range", criterion=criterion,
                          low=str(raw[0]), high=str(raw[1]))
    return number


# --------------------------------------------------------------------------------------
# pillar weights
# --------------------------------------------------------------------------------------


def pillar_sampler(mask: np.ndarray, base: np.ndarray | None, spread: float) -> WeightSampler:
    """A sampler of k x 3 pillar weights (in `PILLAR_NAMES` order).

    `mask`: the pillars that have criteria. `base` None: uniform on the simplex of
    those pillars; otherwise uniform on the pillar weights within +/- `spread` of
    `base` (normalised; cut off at 0 and 1) that sum to 1 (see `impact.feasible`).
    """
    if base is None:
        def uniform(rng: np.random.Generator, k: int) -> np.ndarray:
            pw = np.zeros((k, len(PILLAR_NAMES)))
            pw[:, mask] = simplex(rng, k, int(mask.sum()))
            return pw

        return uniform
    low = np.where(mask, np.maximum(base - spread, 0.0), 0.0)
    high = np.where(mask, np.minimum(base + spread, 1.0), 0.0)
    return BoxSimplex(low, high)


# --------------------------------------------------------------------------------------
# scores
# --------------------------------------------------------------------------------------


def check_score_sd(score_sd: pd.DataFrame | None, p: Problem) -> np.ndarray | None:
    """Standard deviations per score (n x m; NaN or 0 = exact), or None if all are exact."""
    if score_sd is None:
        return None
    sd = (
        score_sd.reindex(index=p.measures, columns=p.criteria)
        .apply(pd.to_numeric, errors="coerce")
        .to_numpy(dtype=float)
    )
    bad = np.isfinite(sd) & (sd < 0)
    bad |= np.isinf(sd)
    if bad.any():
        i, j = (int(v[0]) for v in np.nonzero(bad))
        raise EngineError("engine.error.invalid_score_sd", criterion=p.criteria[j],
                          measure=p.measures[i], value=format_number(sd[i, j]))
    sd = np.nan_to_num(sd, nan=0.0)
    return sd if (sd > 0).any() else None
