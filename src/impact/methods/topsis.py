"""``topsis``: classic TOPSIS on the raw scores (scikit-criteria ``VectorScaler`` + ``TOPSIS``).

Vector normalisation, weighted Euclidean distances to the ideal and anti-ideal of
the data; score = relative closeness 0..1.
"""

from __future__ import annotations

import warnings

import numpy as np

from impact.methods.base import Method
from impact.methods.problem import Problem, require_difference, require_nonzero_columns
from impact.methods.ranks import competition_rank
from impact.methods.scikit import TOPSIS, SumScaler, VectorScaler, decision_matrix, mkpipe

# TOPSIS warns about "min" criteria (it handles them correctly, by its ideal/anti-ideal).
warnings.filterwarnings("ignore", message=r"Although TOPSIS can operate with minimization")

NAME = "topsis"

_PIPE = mkpipe(SumScaler(target="weights"), VectorScaler(target="matrix"), TOPSIS())


def check(problem: Problem) -> None:
    require_nonzero_columns(problem, NAME)
    require_difference(problem, NAME)


def reference(p: Problem) -> tuple[np.ndarray, np.ndarray]:
    """Score (closeness) and rank through scikit-criteria."""
    result = _PIPE.evaluate(decision_matrix(p))
    score = np.asarray(result.e_.similarity, dtype=float)
    return score, competition_rank(score)


def closeness(p: Problem, w: np.ndarray, x: np.ndarray | None) -> tuple[np.ndarray, bool]:
    """k x n relative closeness to the ideal (the kernel)."""
    sign = p.sign
    data = p.x if x is None else x
    normal = data / np.sqrt((data * data).sum(axis=-2, keepdims=True))
    top = normal.max(axis=-2, keepdims=True)
    bottom = normal.min(axis=-2, keepdims=True)
    ideal = np.where(sign > 0, top, bottom)
    anti = np.where(sign > 0, bottom, top)
    w2 = w * w
    if x is None:
        # weights are >= 0, so the weighted ideal is w * ideal: two matrix products
        d_best = np.sqrt(w2 @ ((normal - ideal) ** 2).T)
        d_worst = np.sqrt(w2 @ ((normal - anti) ** 2).T)
    else:
        d_best = np.sqrt(np.einsum("knm,km->kn", (normal - ideal) ** 2, w2))
        d_worst = np.sqrt(np.einsum("knm,km->kn", (normal - anti) ** 2, w2))
    with np.errstate(divide="ignore", invalid="ignore"):
        return d_worst / (d_best + d_worst), True


def _raw_scores(p: Problem) -> np.ndarray:
    return p.x


METHOD = Method(name=NAME, check=check, rank=reference, reference=reference,
                kernel=closeness, tie_rows=_raw_scores)
