"""Exact ties share a rank in every method, its reference and its kernel (issue 14).

Published or hand-checkable cases whose scores tie exactly in exact arithmetic but
not always in floating point; one ranking function (`impact.methods.ranks`) decides.
"""

from __future__ import annotations

from fractions import Fraction

import numpy as np
import pandas as pd
import pytest

from impact import engine, methods
from impact.methods.problem import prepare
from impact.methods.ranks import competition_rank, dense_rank, sorted_ranks

# VIKOR, all "max", weights 4:3:4, v = 0.5 (issue 14; found by cross-checking against
# Opricovic & Tzeng 2004's definition). In exact arithmetic Q = A 0, B 9/14, C 1/2,
# D 9/14, E 2/7 (computed with fractions below): B and D tie exactly.
VIKOR_TIE = pd.DataFrame(
    [[7, 9, 2], [3, 9, 4], [8, 6, 2], [9, 8, 1], [5, 6, 5]],
    index=list("ABCDE"), columns=["c1", "c2", "c3"], dtype=float,
)
VIKOR_WEIGHTS = {"c1": 4, "c2": 3, "c3": 4}

# Triantaphyllou (2000), Multi-criteria decision making methods: a comparative study,
# Kluwer, section 2.2.1 (WSM example): weights 0.20, 0.15, 0.40, 0.25, all benefit;
# A1 = 21.5, A2 = A3 = 22.0 ("the best alternatives are A2 and A3").
TRIANTAPHYLLOU = pd.DataFrame(
    [[25, 20, 15, 30], [10, 30, 20, 30], [30, 10, 30, 10]],
    index=["A1", "A2", "A3"], columns=["c1", "c2", "c3", "c4"], dtype=float,
)
TRIANTAPHYLLOU_WEIGHTS = {"c1": 0.20, "c2": 0.15, "c3": 0.40, "c4": 0.25}


def exact_vikor_q(x, w, v=Fraction(1, 2)):
    """VIKOR's Q in exact rational arithmetic (all criteria "max")."""
    x = [[Fraction(int(a)) for a in row] for row in x]
    w = [Fraction(int(a)) for a in w]
    total = sum(w)
    w = [a / total for a in w]
    best = [max(col) for col in zip(*x, strict=True)]
    worst = [min(col) for col in zip(*x, strict=True)]
    d = [[w[j] * (best[j] - row[j]) / (best[j] - worst[j]) for j in range(len(w))]
         for row in x]
    s = [sum(r) for r in d]
    r = [max(r) for r in d]
    return [v * (si - min(s)) / (max(s) - min(s)) + (1 - v) * (ri - min(r)) / (max(r) - min(r))
            for si, ri in zip(s, r, strict=True)]


def test_the_vikor_case_ties_exactly_at_9_over_14():
    q = exact_vikor_q(VIKOR_TIE.to_numpy(), list(VIKOR_WEIGHTS.values()))
    assert q[1] == q[3] == Fraction(9, 14)


@pytest.mark.parametrize("ranker", [engine.rank, engine.rank_reference])
def test_vikor_never_splits_the_exact_tie(ranker):
    result = ranker(VIKOR_TIE, objectives=dict.fromkeys(VIKOR_TIE.columns, "max"),
                    weights=VIKOR_WEIGHTS, method="vikor")
    exact = exact_vikor_q(VIKOR_TIE.to_numpy(), list(VIKOR_WEIGHTS.values()))
    np.testing.assert_allclose(result["score"], [1 - float(q) for q in exact], atol=1e-12)
    assert result.loc["B", "rank"] == result.loc["D", "rank"]
    # A (Q = 0, best on S and R) leads E by 2/7 >= 1 / (5 - 1): A alone is first,
    # then E, C, and B and D share place 4
    assert result["rank"].tolist() == [1, 4, 3, 4, 2]


@pytest.mark.parametrize("factor", [1e-3, 0.37, 3.0, 820.0, 1e6])
def test_vikor_tie_survives_scaled_weights(factor):
    weights = {c: v * factor for c, v in VIKOR_WEIGHTS.items()}
    p = prepare(VIKOR_TIE, dict.fromkeys(VIKOR_TIE.columns, "max"), weights, None)
    vikor = methods.get("vikor")
    _, ranks = vikor.rank(p)
    assert ranks.tolist() == [1, 4, 3, 4, 2]
    assert vikor.ranks(p, p.weights[None, :])[0].tolist() == [1, 4, 3, 4, 2]


@pytest.mark.parametrize("method", ["wsm", "spotis"])
@pytest.mark.parametrize("ranker", [engine.rank, engine.rank_reference])
def test_triantaphyllou_wsm_tie_is_shared(method, ranker):
    scale = dict.fromkeys(TRIANTAPHYLLOU.columns, (0.0, 100.0))
    result = ranker(TRIANTAPHYLLOU, objectives=dict.fromkeys(TRIANTAPHYLLOU.columns, "max"),
                    weights=TRIANTAPHYLLOU_WEIGHTS, method=method, scale=scale)
    # on the scale 0..100 the value functions are the scores / 100
    np.testing.assert_allclose(result["score"], [0.215, 0.22, 0.22], atol=1e-12)
    assert result["rank"].tolist() == [3, 1, 1]


def test_kernel_ranks_share_the_triantaphyllou_tie():
    scale = dict.fromkeys(TRIANTAPHYLLOU.columns, (0.0, 100.0))
    p = prepare(TRIANTAPHYLLOU, dict.fromkeys(TRIANTAPHYLLOU.columns, "max"),
                TRIANTAPHYLLOU_WEIGHTS, scale)
    for name in ("wsm", "spotis"):
        assert methods.get(name).ranks(p, p.weights[None, :])[0].tolist() == [3, 1, 1]


def test_ranks_tolerate_float_noise_but_not_real_differences():
    noisy = np.array([0.22, 0.22 + 3e-17, 0.215, 0.22 - 1e-15])
    assert competition_rank(noisy).tolist() == [1, 1, 4, 1]
    assert dense_rank(noisy).tolist() == [1, 1, 2, 1]
    assert competition_rank(np.array([0.5, 0.5 + 1e-6])).tolist() == [2, 1]
    # relative: the same scores times 1e6 rank the same
    assert competition_rank(noisy * 1e6).tolist() == [1, 1, 4, 1]
    order, ranks = sorted_ranks(np.array([[3.0, 1.0, 3.0], [1.0, 2.0, 3.0]]))
    assert ranks.tolist() == [[1, 1, 3], [1, 2, 3]]
    assert order[1].tolist() == [2, 1, 0]
    assert competition_rank(np.array([2.0, 1.0, 2.0]), higher_is_better=False).tolist() == [2, 1, 2]
