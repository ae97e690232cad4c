"""``spotis``: SPOTIS with the declared scales as bounds (scikit-criteria ``SPOTIS``).

Score = 1 - weighted normalised distance to the ideal point. SPOTIS is free of rank
reversal: adding or removing measures never changes the order of the others.

With the bounds at the value functions' (lo, hi), the distance of a measure is
sum w |x - ideal| / (hi - lo) = 1 - sum w v, so the score is exactly the weighted
sum of the value functions: the kernel is `wsm`'s.
"""

from __future__ import annotations

import numpy as np

from impact.methods.base import Method
from impact.methods.problem import Problem, require_range
from impact.methods.ranks import competition_rank
from impact.methods.scikit import SPOTIS, SumScaler, decision_matrix
from impact.methods.wsm import weighted_values

NAME = "spotis"

_WEIGHT_SCALER = SumScaler(target="weights")


def check(problem: Problem) -> None:
    require_range(problem, NAME)


def reference(p: Problem) -> tuple[np.ndarray, np.ndarray]:
    """Score and rank through scikit-criteria."""
    dm = _WEIGHT_SCALER.transform(decision_matrix(p))
    result = SPOTIS().evaluate(dm, bounds=np.column_stack([p.lo, p.hi]))
    score = 1.0 - np.asarray(result.e_.score, dtype=float)
    return score, competition_rank(score)


METHOD = Method(name=NAME, check=check, rank=reference, reference=reference,
                kernel=weighted_values, linear=True, tie_rows=Problem.values)
