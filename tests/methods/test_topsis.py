"""``topsis``: the vectorised closeness against scikit-criteria's VectorScaler + TOPSIS."""

from __future__ import annotations

import math

import numpy as np
import pytest

from impact import methods
from tests.methods import cases

TOPSIS = methods.get("topsis")


def test_hand_made_closeness():
    p = cases.hand_problem()
    n1, n2 = math.sqrt(8**2 + 5**2 + 2**2), math.sqrt(40**2 + 10**2 + 70**2)
    weighted = [(0.75 * a / n1, 0.25 * b / n2) for a, b in [(8, 40), (5, 10), (2, 70)]]
    ideal = (weighted[0][0], weighted[1][1])  # max of c1, min of c2
    anti = (weighted[2][0], weighted[2][1])  # min of c1, max of c2
    expected = [math.dist(v, anti) / (math.dist(v, ideal) + math.dist(v, anti))
                for v in weighted]
    scores, higher_is_better = TOPSIS.kernel(p, p.weights[None, :], None)
    assert higher_is_better
    np.testing.assert_allclose(scores[0], expected)
    assert TOPSIS.ranks(p, p.weights[None, :])[0].tolist() == [1, 2, 3]
    cases.assert_kernel_matches_reference(TOPSIS, p)


def test_identical_measures_share_a_rank():
    p = cases.tied_problem()
    ranks = TOPSIS.ranks(p, p.weights[None, :])[0]
    assert ranks[1] == ranks[2]
    cases.assert_kernel_matches_reference(TOPSIS, p)


@pytest.mark.parametrize("seed", range(5))
def test_kernel_equals_reference_on_random_problems(seed):
    p = cases.random_problem(seed, n=10, m=4)
    cases.assert_every_path_matches_reference(TOPSIS, p, seed)
