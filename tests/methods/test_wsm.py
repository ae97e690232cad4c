"""``wsm``: the numpy kernel and the fast `rank` against scikit-criteria's WeightedSumModel."""

from __future__ import annotations

import numpy as np
import pytest

from impact import methods
from tests.methods import cases

WSM = methods.get("wsm")


def test_hand_made_scores_and_ranks():
    # value functions: c1 = x/10 -> .8 .5 .2 ; c2 = (100 - x)/100 -> .6 .9 .3
    p = cases.hand_problem()
    w = np.array([[0.75, 0.25], [1.0, 0.0], [0.0, 1.0]])
    scores, higher_is_better = WSM.kernel(p, w, None)
    assert higher_is_better
    np.testing.assert_allclose(scores, [[0.75, 0.6, 0.225], [0.8, 0.5, 0.2], [0.6, 0.9, 0.3]])
    np.testing.assert_array_equal(WSM.ranks(p, w), [[1, 2, 3], [1, 2, 3], [2, 1, 3]])
    cases.assert_kernel_matches_reference(WSM, p)


def test_identical_measures_share_a_rank():
    # scores 2/3 a/4 + 1/3 (5 - b)/5: v .233, w .7, x .7, y .6, z .217
    p = cases.tied_problem()
    assert WSM.ranks(p, p.weights[None, :])[0].tolist() == [4, 1, 1, 3, 5]
    cases.assert_kernel_matches_reference(WSM, p)


@pytest.mark.parametrize("seed", range(5))
@pytest.mark.parametrize("declared", [True, False])
def test_kernel_equals_reference_on_random_problems(seed, declared):
    p = cases.random_problem(seed, declared=declared)
    cases.assert_every_path_matches_reference(WSM, p, seed)
