"""``spotis``: bounds on the declared scales, an expected solution point, no rank reversal.

Checked against scikit-criteria's SPOTIS (the reference), pymcdm's SPOTIS and the
worked example in pymcdm's documentation (``pymcdm.methods.SPOTIS`` docstring,
after Dezert, Tchamova, Han & Tacnet 2020, "The SPOTIS rank reversal free method
for multi-criteria decision-making support", FUSION 2020).
"""

from __future__ import annotations

from dataclasses import replace

import numpy as np
import pandas as pd
import pytest
from pymcdm.methods import SPOTIS as PymcdmSPOTIS

from impact import engine, methods
from impact.methods.problem import EngineError, prepare
from tests.methods import cases

SPOTIS = methods.get("spotis")

# pymcdm's documented example: distances P = 0.1989, 0.3705, 0.3063, 0.7491 (lower better)
DOC_MATRIX = pd.DataFrame([[10.5, -3.1, 1.7], [-4.7, 0, 3.4], [8.1, 0.3, 1.3], [3.2, 7.3, -5.3]],
                          index=["A1", "A2", "A3", "A4"], columns=["c1", "c2", "c3"])
DOC_BOUNDS = {"c1": (-5.0, 12.0), "c2": (-6.0, 10.0), "c3": (-8.0, 5.0)}
DOC_WEIGHTS = {"c1": 0.2, "c2": 0.3, "c3": 0.5}
DOC_OBJECTIVES = {"c1": "max", "c2": "min", "c3": "max"}


def test_published_example():
    r = engine.rank(DOC_MATRIX, objectives=DOC_OBJECTIVES, weights=DOC_WEIGHTS, method="spotis",
                    scale=DOC_BOUNDS)
    np.testing.assert_allclose(1 - r["score"], [0.1989, 0.3705, 0.3063, 0.7491], atol=5e-5)
    assert r["rank"].tolist() == [1, 3, 2, 4]


def test_hand_made_scores_are_one_minus_the_distance_to_the_ideal_point():
    # distance to the ideal point (10, 0) on the declared bounds: .25, .4, .775
    p = cases.hand_problem()
    scores, higher_is_better = SPOTIS.kernel(p, p.weights[None, :], None)
    assert higher_is_better
    np.testing.assert_allclose(scores[0], [0.75, 0.6, 0.225])
    cases.assert_kernel_matches_reference(SPOTIS, p)


def test_default_point_equals_the_weighted_sum_on_the_declared_scales():
    for seed in range(4):
        p = cases.random_problem(seed)
        np.testing.assert_allclose(SPOTIS.rank(p)[0], methods.get("wsm").rank(p)[0],
                                   rtol=0, atol=1e-14)


def test_without_a_declared_scale_spotis_refuses():
    with pytest.raises(EngineError) as info:
        SPOTIS.check(cases.hand_problem(scale=False))
    assert info.value.key == "engine.error.spotis_needs_scale"
    assert info.value.params == {"criterion": "c1"}


def test_issue_case_cannot_reverse_ranks_on_declared_scales():
    # A(9, 2), B(1, 3), C(4, 8), D(4, 1), equal weights, both "max": with bounds from the
    # data, dropping B moved the bounds and swapped A and C (issue 14); on a declared
    # scale 0..10 the order of A, C, D never depends on B
    perf = pd.DataFrame({"a": [9.0, 1, 4, 4], "b": [2.0, 3, 8, 1]}, index=list("ABCD"))
    kw = dict(objectives={"a": "max", "b": "max"}, weights={"a": 1, "b": 1}, method="spotis",
              scale={"a": (0, 10), "b": (0, 10)})
    full = engine.rank(perf, **kw)
    without_b = engine.rank(perf.drop(index="B"), **kw)
    np.testing.assert_allclose(full["score"].drop(index="B"), without_b["score"], atol=1e-15)
    assert full["rank"].tolist() == [2, 4, 1, 3]
    assert without_b["rank"].tolist() == [2, 1, 3]


def test_expected_solution_point_inside_the_scale():
    # ESP 5 on "a" (0..10): distances |9-5|/10 = .4, |1-5| = .4, |4-5| = .1, .1; on "b" the
    # best bound 10: .8, .7, .2, .9. Score = 1 - (da + db) / 2
    perf = pd.DataFrame({"a": [9.0, 1, 4, 4], "b": [2.0, 3, 8, 1]}, index=list("ABCD"))
    kw = dict(objectives={"a": "max", "b": "max"}, weights={"a": 1, "b": 1}, method="spotis",
              scale={"a": (0, 10), "b": (0, 10)}, options={"esp": {"a": 5}})
    r = engine.rank(perf, **kw)
    np.testing.assert_allclose(r["score"], [0.4, 0.45, 0.85, 0.5])
    pd.testing.assert_frame_equal(r, engine.rank_reference(perf, **kw))


@pytest.mark.parametrize("seed", range(4))
def test_expected_point_against_pymcdm(seed):
    p = cases.random_problem(seed, n=7, m=4)
    rng = np.random.default_rng(seed)
    esp = rng.uniform(p.lo, p.hi)
    p = replace(p, options={"esp": dict(zip(p.criteria, esp, strict=True))})
    ours, _ = SPOTIS.rank(p)
    body = PymcdmSPOTIS(np.column_stack([p.lo, p.hi]), esp=esp)
    theirs = body(p.x, p.weights, p.sign.astype(int))
    np.testing.assert_allclose(1 - ours, theirs, atol=1e-12)
    cases.assert_every_path_matches_reference(SPOTIS, p, seed)


@pytest.mark.parametrize("seed", range(5))
def test_kernel_equals_reference_on_random_problems(seed):
    p = cases.random_problem(seed)
    cases.assert_every_path_matches_reference(SPOTIS, p, seed)
    cases.assert_kernel_matches_reference(SPOTIS, cases.tied_problem(), seed=seed)


def test_an_expected_point_off_the_scale_is_refused():
    perf = cases.HAND
    with pytest.raises(EngineError) as info:
        prepared = prepare(perf, cases.HAND_OBJECTIVES, cases.HAND_WEIGHTS, cases.HAND_SCALE,
                           {"esp": {"c2": -1}})
        SPOTIS.check(prepared)
    assert info.value.params == {"criterion": "c2", "value": "-1", "lo": "0", "hi": "100"}
