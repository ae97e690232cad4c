"""Shared cases for the method tests: each method's kernel against its scikit-criteria reference.

A kernel ranks many weight vectors (and sampled scores) at once; the reference ranks one
problem through scikit-criteria. They must give equal ranks and, where the kernel returns
scores, close scores.
"""

from __future__ import annotations

from dataclasses import replace

import numpy as np
import pandas as pd

from impact.methods.base import Method
from impact.methods.problem import Problem, prepare

# A = (8, 40), B = (5, 10), C = (2, 70); c1 "max" on 0..10, c2 "min" on 0..100, weights 3:1
HAND = pd.DataFrame({"c1": [8.0, 5.0, 2.0], "c2": [40.0, 10.0, 70.0]}, index=["A", "B", "C"])
HAND_OBJECTIVES = {"c1": "max", "c2": "min"}
HAND_WEIGHTS = {"c1": 3, "c2": 1}
HAND_SCALE = {"c1": (0, 10), "c2": (0, 100)}


def hand_problem(scale: bool = True) -> Problem:
    return prepare(HAND, HAND_OBJECTIVES, HAND_WEIGHTS, HAND_SCALE if scale else None)


# scales of the kind assessments use: an effect score, a grade, a percentage, a balance
SCALES = ((-3.0, 3.0), (0.0, 10.0), (0.0, 100.0), (-50.0, 50.0))


def random_problem(seed: int, n: int = 8, m: int = 5, *, declared: bool = True) -> Problem:
    """Continuous scores on assessment-like scales, mixed directions, random weights.

    `declared`: the value functions use those scales; otherwise the data's range.
    """
    rng = np.random.default_rng(seed)
    scale = {f"c{j}": SCALES[int(rng.integers(len(SCALES)))] for j in range(m)}
    perf = pd.DataFrame({c: rng.uniform(lo, hi, n) for c, (lo, hi) in scale.items()},
                        index=[f"M{i:02d}" for i in range(n)])
    objectives = {c: str(rng.choice(["max", "max", "min"])) for c in scale}
    weights = {c: float(rng.uniform(0.1, 3)) for c in scale}
    return prepare(perf, objectives, weights, scale if declared else None)


def tied_problem() -> Problem:
    """Two identical measures (they must share a rank) among three others."""
    perf = pd.DataFrame({"a": [1.0, 3.0, 3.0, 2.0, 0.5], "b": [4.0, 2.0, 2.0, 1.0, 3.0]},
                        index=list("vwxyz"))
    return prepare(perf, {"a": "max", "b": "min"}, {"a": 2, "b": 1}, {"a": (0, 4), "b": (0, 5)})


def weight_rows(p: Problem, k: int, seed: int) -> np.ndarray:
    """k random weight vectors on the simplex, the problem's own weights first."""
    rows = np.random.default_rng(seed).dirichlet(np.ones(len(p.criteria)), size=k)
    rows[0] = p.weights
    return rows


def sampled_scores(p: Problem, k: int, seed: int) -> np.ndarray:
    """k x n x m scores around the problem's, clipped to its (lo, hi) as SMAA does."""
    noise = np.random.default_rng(seed).normal(0, 0.1, (k, *p.x.shape)) * (p.hi - p.lo)
    return np.clip(p.x + noise, p.lo, p.hi)


def assert_kernel_matches_reference(
    method: Method, p: Problem, *, k: int = 6, seed: int = 0, sample_scores: bool = False
) -> None:
    """Row by row, the kernel's ranks (and scores) equal the reference's for those weights.

    With `sample_scores`, every row also gets its own sampled scores (the kernel's
    k x n x m path) and the reference sees those scores.
    """
    method.check(p)
    w = weight_rows(p, k, seed)
    x = sampled_scores(p, k, seed) if sample_scores else None
    scores, higher_is_better = method.kernel(p, w, x)
    ranks = method.ranks(p, w, x)
    assert scores.shape == ranks.shape == (k, len(p.measures))
    for i in range(k):
        one = replace(p, weights=w[i]) if x is None else replace(p, weights=w[i], x=x[i])
        ref_score, ref_rank = method.reference(one)
        np.testing.assert_array_equal(ranks[i], ref_rank, err_msg=f"row {i}")
        if higher_is_better:
            np.testing.assert_allclose(scores[i], ref_score, rtol=1e-9, atol=1e-12)


def assert_every_path_matches_reference(method: Method, p: Problem, seed: int) -> None:
    """The kernel (exact and sampled scores) and `method.rank` against the reference."""
    assert_kernel_matches_reference(method, p, seed=seed)
    assert_kernel_matches_reference(method, p, seed=seed, sample_scores=True)
    assert_rank_matches_reference(method, p)


def assert_rank_matches_reference(method: Method, p: Problem) -> None:
    """What `impact.engine.rank` returns (`method.rank`) equals the reference."""
    method.check(p)
    score, ranks = method.rank(p)
    ref_score, ref_rank = method.reference(p)
    np.testing.assert_array_equal(ranks, ref_rank)
    np.testing.assert_allclose(score, ref_score, rtol=1e-12, atol=1e-15)
