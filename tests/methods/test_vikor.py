"""``vikor``: the vectorised Q and compromise set against scikit-criteria's VIKOR."""

from __future__ import annotations

from dataclasses import replace

import numpy as np
import pandas as pd
import pytest

from impact import methods
from impact.methods import vikor
from impact.methods.problem import prepare
from tests.methods import cases

VIKOR = methods.get("vikor")


def test_hand_made_compromise_set():
    # weighted regret: A (0, .125), B (.375, 0), C (.75, .25); Q = A 0, B .342857, C 1.
    # Q(B) - Q(A) < 1 / (3 - 1): no acceptable advantage, so A and B share rank 1.
    p = cases.hand_problem()
    q, _, _ = vikor.q_values(p, p.weights[None, :], None)
    np.testing.assert_allclose(q[0], [0.0, 0.5 * 0.25 / 0.875 + 0.5 * 0.25 / 0.625, 1.0])
    order, higher_is_better = VIKOR.kernel(p, p.weights[None, :], None)
    assert not higher_is_better  # the kernel gives places (1, 1, 2), lowest best
    assert order[0].tolist() == [1, 1, 2]
    assert VIKOR.ranks(p, p.weights[None, :])[0].tolist() == [1, 1, 3]
    cases.assert_kernel_matches_reference(VIKOR, p)


# equal weights, all "max"; in both the runner-up on Q trails by more than 1 / (5 - 1),
# an acceptable advantage
ADVANTAGE = {
    # Q: C .053, D .367; C is best neither on S (B is) nor on R (D is): no acceptable
    # stability, so C and D form the compromise set
    "unstable": ([[4.0, 3, 0], [10, 3, 10], [9, 9, 1], [2, 4, 5], [1, 7, 9]],
                 [1, 0.5, 0.053, 0.367, 0.63], [5, 3, 1, 1, 4]),
    # Q: D .097, C .437; D is best on R (not on S): stable, so D alone is first
    "stable_on_r": ([[3.0, 1, 3], [0, 9, 7], [6, 2, 5], [2, 8, 5], [0, 2, 7]],
                    [1, 0.5, 0.437, 0.097, 0.792], [5, 3, 2, 1, 4]),
}


@pytest.mark.parametrize("case", ADVANTAGE)
def test_acceptable_advantage_and_stability(case):
    scores, expected_q, expected_ranks = ADVANTAGE[case]
    perf = pd.DataFrame(scores, index=list("ABCDE"), columns=["c1", "c2", "c3"])
    p = prepare(perf, dict.fromkeys(perf.columns, "max"), dict.fromkeys(perf.columns, 1), None)
    q, _, _ = vikor.q_values(p, p.weights[None, :], None)
    np.testing.assert_allclose(q[0], expected_q, atol=5e-4)
    assert VIKOR.ranks(p, p.weights[None, :])[0].tolist() == expected_ranks
    cases.assert_kernel_matches_reference(VIKOR, p)


def assert_q_matches_reference(p, seed: int) -> None:
    """1 - Q of the kernel is the reference's score, row by row."""
    w = cases.weight_rows(p, 6, seed)
    q, _, _ = vikor.q_values(p, w, None)
    for i in range(len(w)):
        score, _ = VIKOR.reference(replace(p, weights=w[i]))
        np.testing.assert_allclose(1 - q[i], score, rtol=1e-9, atol=1e-12)


@pytest.mark.parametrize("seed", range(5))
def test_kernel_equals_reference_on_random_problems(seed):
    p = cases.random_problem(seed, n=6, m=3)
    cases.assert_every_path_matches_reference(VIKOR, p, seed)
    assert_q_matches_reference(p, seed)


def test_ties_by_design():
    p = cases.tied_problem()
    cases.assert_kernel_matches_reference(VIKOR, p)
    assert VIKOR.tie_rows is None
