"""``spotis``: the kernel (the weighted sum of value functions) against scikit-criteria's SPOTIS."""

from __future__ import annotations

import numpy as np
import pytest

from impact import methods
from tests.methods import cases

SPOTIS = methods.get("spotis")


def test_hand_made_scores_are_one_minus_the_distance_to_the_ideal_point():
    # distance to the ideal point (10, 0) on the declared bounds: .25, .4, .775
    p = cases.hand_problem()
    scores, higher_is_better = SPOTIS.kernel(p, p.weights[None, :], None)
    assert higher_is_better
    np.testing.assert_allclose(scores[0], [0.75, 0.6, 0.225])
    cases.assert_kernel_matches_reference(SPOTIS, p)


def test_without_a_scale_the_bounds_are_the_data_range():
    cases.assert_kernel_matches_reference(SPOTIS, cases.hand_problem(scale=False))


@pytest.mark.parametrize("seed", range(5))
@pytest.mark.parametrize("declared", [True, False])
def test_kernel_equals_reference_on_random_problems(seed, declared):
    p = cases.random_problem(seed, declared=declared)
    cases.assert_every_path_matches_reference(SPOTIS, p, seed)
    cases.assert_kernel_matches_reference(SPOTIS, cases.tied_problem(), seed=seed)
