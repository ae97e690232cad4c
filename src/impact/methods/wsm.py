"""``wsm``: weighted sum of linear value functions on the declared scales.

v = (x - lo) / (hi - lo) for "max" criteria and (hi - x) / (hi - lo) for "min"
criteria; (lo, hi) from the declared scale, or the data's min/max where none is
given. Score = sum of weight x value, 0..1. `impact.engine.rank` computes it as one
numpy product; the reference is scikit-criteria's ``WeightedSumModel`` on the
value-function-transformed matrix (all "max", 0..1: the model itself refuses
negative values and "min" criteria).
"""

from __future__ import annotations

import numpy as np

from impact.methods.base import Method
from impact.methods.problem import Problem, require_range, values
from impact.methods.ranks import competition_rank
from impact.methods.scikit import SumScaler, WeightedSumModel, decision_matrix, mkpipe

NAME = "wsm"

_PIPE = mkpipe(SumScaler(target="weights"), WeightedSumModel())


def check(problem: Problem) -> None:
    require_range(problem, NAME)


def reference(p: Problem) -> tuple[np.ndarray, np.ndarray]:
    """Score through scikit-criteria (1-3 ms per call), ranked by `competition_rank`.

    scikit-criteria's own ranks compare floats exactly and so split a published
    tie such as Triantaphyllou's A2 = A3; every method ranks through the one function.
    """
    v = p.values()
    result = _PIPE.evaluate(decision_matrix(p, v, ["max"] * len(p.criteria)))
    score = np.asarray(result.e_.score, dtype=float)
    return score, competition_rank(score)


def rank(p: Problem) -> tuple[np.ndarray, np.ndarray]:
    """Score and rank with one matrix product (equal to `reference`)."""
    assert p.weights is not None
    score = p.values() @ p.weights
    return score, competition_rank(score)


def weighted_values(p: Problem, w: np.ndarray, x: np.ndarray | None) -> tuple[np.ndarray, bool]:
    """k x n weighted sums of the value functions (the kernel, also of ``spotis``)."""
    if x is None:
        return w @ p.values().T, True
    return np.einsum("knm,km->kn", values(x, p.sign, p.lo, p.hi), w), True


METHOD = Method(name=NAME, check=check, rank=rank, reference=reference,
                kernel=weighted_values, linear=True, tie_rows=Problem.values)
