"""SMAA on the feasible weights: uniform on the simplex within the ranges (issue 14).

Reference: the definition itself, sampled the slowest honest way (uniform on the
whole simplex, keep what lies in every range; Tervonen & Lahdelma 2007, "Implementing
stochastic multicriteria acceptability analysis", EJOR 178, sec. 3). Every sampler
here must agree with it within 3 standard errors, and never leave a range.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from impact import methods, robustness
from impact.feasible import CHAINS, BoxSimplex, feasible_box
from impact.methods.problem import prepare
from impact.sampling import pillar_sampler

# shares; sum low = .45, sum high = 1.55
LOW = np.array([0.10, 0.20, 0.00, 0.15])
HIGH = np.array([0.40, 0.50, 0.30, 0.35])
RANGES = {f"c{j}": (float(a), float(b)) for j, (a, b) in enumerate(zip(LOW, HIGH, strict=True))}


def make_problem(seed: int = 5, n: int = 6):
    rng = np.random.default_rng(seed)
    perf = pd.DataFrame(rng.uniform(0, 10, (n, 4)), columns=list(RANGES),
                        index=[f"M{i}" for i in range(n)])
    obj = {"c0": "max", "c1": "min", "c2": "max", "c3": "max"}
    scale = dict.fromkeys(RANGES, (0.0, 10.0))
    return perf, obj, scale


def reference_weights(low, high, size, seed) -> np.ndarray:
    """Uniform on the simplex, kept where every weight is in its range."""
    w = np.random.default_rng(seed).dirichlet(np.ones(len(low)), size=size)
    return w[((w >= low) & (w <= high)).all(axis=1)]


def acceptability(ranks: np.ndarray, n: int) -> np.ndarray:
    """n x n share of samples in which measure i has rank r + 1."""
    return np.stack([(ranks == r + 1).mean(axis=0) for r in range(n)], axis=1)


def assert_within_three_se(ours, n_ours, theirs, n_theirs, se_ours=None):
    se_ref = np.sqrt(theirs * (1 - theirs) / n_theirs)
    if se_ours is None:
        se_ours = np.sqrt(ours * (1 - ours) / n_ours)
    bound = 3 * np.sqrt(se_ours ** 2 + se_ref ** 2) + 1e-12
    assert (np.abs(ours - theirs) <= bound).all(), np.abs(ours - theirs) / bound


@pytest.mark.parametrize("method", ["rejection", "hit-and-run", "auto"])
def test_no_sample_leaves_its_range_and_all_sum_to_one(method):
    sampler = BoxSimplex(LOW, HIGH, method)
    w = sampler(np.random.default_rng(0), 5000)
    assert w.shape == (5000, 4)
    np.testing.assert_allclose(w.sum(axis=1), 1.0, atol=1e-12)
    assert (w >= LOW - 1e-12).all() and (w <= HIGH + 1e-12).all()


def test_narrow_ranges_use_hit_and_run_and_stay_inside():
    # 12 criteria, each at most 0.12: about 1 in 10^4 uniform draws lands
    low = np.zeros(12)
    high = np.full(12, 0.12)
    sampler = BoxSimplex(low, high)
    chains = CHAINS
    w = sampler(np.random.default_rng(1), chains * 30)
    assert sampler._fill == sampler._hit_and_run
    np.testing.assert_allclose(w.sum(axis=1), 1.0, atol=1e-12)
    assert (w >= low - 1e-12).all() and (w <= high + 1e-12).all()
    # uniform on a symmetric set: every mean weight 1/12, within 3.5 standard errors
    # (12 coordinates at once: each 3 SE would fail by chance for 3 % of seeds) of
    # the means of the independent chains (rows i, i + CHAINS, ... are chain i)
    per_chain = w.reshape(-1, chains, 12).mean(axis=0)
    se = per_chain.std(axis=0, ddof=1) / np.sqrt(chains)
    assert (np.abs(w.mean(axis=0) - 1 / 12) <= 3.5 * se).all()


def test_smaa_acceptabilities_equal_the_rejection_reference():
    perf, obj, scale = make_problem()
    result = robustness.smaa(perf, objectives=obj, weights=RANGES, samples=20_000, seed=2,
                             scale=scale)
    p = prepare(perf, obj, None, scale)
    ref_w = reference_weights(LOW, HIGH, 2_000_000, seed=9)
    assert len(ref_w) > 20_000
    ref = acceptability(methods.get("wsm").ranks(p, ref_w), len(perf))
    assert_within_three_se(result.acceptability.to_numpy(), 20_000, ref, len(ref_w))
    # the central weights are means of samples, so inside the ranges too
    central = result.central_weights.dropna().to_numpy()
    assert (central >= LOW - 1e-9).all() and (central <= HIGH + 1e-9).all()


@pytest.mark.parametrize("method", ["hit-and-run", "rejection"])
def test_each_sampler_equals_the_rejection_reference(method):
    perf, obj, scale = make_problem(seed=11, n=5)
    p = prepare(perf, obj, None, scale)
    chains, per_chain = CHAINS, 50
    # a fixed seed: over these 15 cells a 3-SE bound fails by chance for a few per cent
    # of seeds (seed 4 gave 3.1 SE for hit-and-run; seeds 0-3 at most 2.7 with 8M
    # reference draws)
    w = BoxSimplex(LOW, HIGH, method)(np.random.default_rng(0), chains * per_chain)
    ranks = methods.get("topsis").ranks(p, w)
    ours = acceptability(ranks, len(perf))
    # hit-and-run samples within a chain are correlated: the standard error from the
    # means of the independent chains (rows i, i + CHAINS, ... belong to chain i)
    per = np.stack([acceptability(ranks[c::chains], len(perf)) for c in range(chains)])
    se = per.std(axis=0, ddof=1) / np.sqrt(chains)
    ref_w = reference_weights(LOW, HIGH, 2_000_000, seed=10)
    ref = acceptability(methods.get("topsis").ranks(p, ref_w), len(perf))
    assert_within_three_se(ours, len(w), ref, len(ref_w), se_ours=np.maximum(se, 1e-12))


def test_weights_in_other_units_are_scaled_to_a_feasible_box():
    # points out of 10: middles sum to 6.5
    low, high = feasible_box(np.array([1.0, 0, 1, 2]), np.array([1.0, 3, 1, 4]))
    np.testing.assert_allclose(low, np.array([1, 0, 1, 2]) / 6.5)
    np.testing.assert_allclose(high, np.array([1, 3, 1, 4]) / 6.5)
    # shares stay as given
    low2, high2 = feasible_box(LOW, HIGH)
    np.testing.assert_array_equal(low2, LOW)
    np.testing.assert_array_equal(high2, HIGH)


def test_pillar_spread_stays_within_the_spread():
    mask = np.array([True, True, True])
    base = np.array([0.5, 0.3, 0.2])
    sampler = pillar_sampler(mask, base, 0.15)
    pw = sampler(np.random.default_rng(0), 4000)
    np.testing.assert_allclose(pw.sum(axis=1), 1.0, atol=1e-12)
    assert (np.abs(pw - base) <= 0.15 + 1e-12).all()
    # the feasible set is symmetric around base (every bound is 0.15 away): mean = base
    np.testing.assert_allclose(pw.mean(axis=0), base, atol=5e-3)


def test_pillar_spread_with_an_empty_pillar_and_no_spread():
    mask = np.array([True, False, True])
    base = np.array([0.7, 0.0, 0.3])
    pw = pillar_sampler(mask, base, 0.2)(np.random.default_rng(0), 1000)
    assert (pw[:, 1] == 0).all()
    assert (np.abs(pw - base) <= 0.2 + 1e-12).all()
    fixed = pillar_sampler(mask, base, 0.0)(np.random.default_rng(0), 10)
    np.testing.assert_allclose(fixed, np.tile(base, (10, 1)))


def test_samples_do_not_depend_on_how_many_are_asked_at_a_time():
    for method in ("rejection", "hit-and-run"):
        whole = BoxSimplex(LOW, HIGH, method)(np.random.default_rng(3), 3000)
        parts = BoxSimplex(LOW, HIGH, method)
        rng = np.random.default_rng(3)
        pieces = np.vstack([parts(rng, k) for k in (7, 993, 1000, 1000)])
        np.testing.assert_array_equal(whole, pieces)
