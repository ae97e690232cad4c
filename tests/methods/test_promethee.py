"""``promethee``: PROMETHEE II net flows against pymcdm, and the GAIA plane against a numpy PCA.

Sources: pymcdm's PROMETHEE_II (Shekhovtsov; ``pymcdm.methods.PROMETHEE_II``, its
documented example [0.1, -0.3, 0.2]); the preference functions as in Brans & Vincke
(1985), "A preference ranking organisation method", Management Science 31(6), and
Brans & Mareschal, "PROMETHEE methods" (in Figueira et al., Multiple Criteria
Decision Analysis, 2005): usual (type I), V-shape (III), linear (V), Gaussian (VI).
GAIA: Mareschal & Brans (1988), "Geometrical representations for MCDA", EJOR 34.
"""

from __future__ import annotations

from dataclasses import replace

import numpy as np
import pandas as pd
import pytest
from pymcdm.methods import PROMETHEE_II

from impact import engine, methods
from impact.methods import promethee
from impact.methods.problem import EngineError, prepare
from tests.methods import cases

# pymcdm warns about dominated measures (always so on one criterion); harmless here
pytestmark = pytest.mark.filterwarnings("ignore:Alternatives with indices")

PROMETHEE = methods.get("promethee")
PYMCDM_NAME = {"usual": "usual", "vshape": "vshape", "linear": "vshape_2"}


def test_published_example():
    perf = pd.DataFrame([[4.0, 3, 2], [3, 2, 4], [5, 1, 3]], index=list("abc"),
                        columns=["c1", "c2", "c3"])
    kw = dict(objectives=dict.fromkeys(perf.columns, "max"),
              weights={"c1": 0.5, "c2": 0.3, "c3": 0.2}, method="promethee")
    for ranker in (engine.rank, engine.rank_reference):
        r = ranker(perf, **kw)
        np.testing.assert_allclose(r["score"], [0.1, -0.3, 0.2], atol=1e-12)
        assert r["rank"].tolist() == [2, 3, 1]


def test_hand_made_thresholds():
    # one criterion "max", scores x 0, y 2, z 5; linear q = 1, p = 3: P(2) = .5, P(3) = 1,
    # P(5) = 1
    perf = pd.DataFrame({"c": [0.0, 2.0, 5.0]}, index=list("xyz"))
    kw = dict(objectives={"c": "max"}, weights={"c": 1}, method="promethee",
              options={"preference": {"c": {"function": "linear", "q": 1, "p": 3}}})
    r = engine.rank(perf, **kw)
    # pi: x>y 0, x>z 0, y>x .5, y>z 0, z>x 1, z>y 1
    # phi: x (0 - 1.5) / 2, y (.5 - 1) / 2, z (2 - 0) / 2
    np.testing.assert_allclose(r["score"], [-0.75, -0.25, 1.0])
    gauss = dict(kw, options={"preference": {"c": {"function": "gaussian", "s": 2}}})
    g = engine.rank(perf, **gauss)
    p2, p3, p5 = (1 - np.exp(-d * d / 8) for d in (2.0, 3.0, 5.0))
    np.testing.assert_allclose(g["score"], [-(p2 + p5) / 2, (p2 - p3) / 2, (p5 + p3) / 2])
    pd.testing.assert_frame_equal(g, engine.rank_reference(perf, **gauss))


def with_preference(p, function, seed):
    """The problem with one preference function on every criterion, random thresholds."""
    rng = np.random.default_rng(seed)
    span = p.hi - p.lo
    q = rng.uniform(0, 0.2, len(span)) * span
    pp = q + rng.uniform(0.1, 0.5, len(span)) * span
    prefs = {c: {"function": function, "q": float(q[j]), "p": float(pp[j])}
             for j, c in enumerate(p.criteria)}
    return replace(p, options={"preference": prefs}), q, pp


@pytest.mark.parametrize("function", ["usual", "vshape", "linear"])
@pytest.mark.parametrize("seed", range(4))
def test_net_flows_equal_pymcdm(function, seed):
    p, q, pp = with_preference(cases.random_problem(seed, n=7, m=4), function, seed)
    ours, _ = PROMETHEE.rank(p)
    body = PROMETHEE_II(PYMCDM_NAME[function], p=pp, q=q)
    theirs = body(p.x, p.weights, p.sign.astype(int))
    np.testing.assert_allclose(ours, theirs, atol=1e-12)
    cases.assert_every_path_matches_reference(PROMETHEE, p, seed)


@pytest.mark.parametrize("seed", range(3))
def test_mixed_functions_equal_pymcdm_criterion_by_criterion(seed):
    # net flows are linear in the weights: the sum of w_j x pymcdm's one-criterion flows
    p = cases.random_problem(seed, n=6, m=4)
    span = p.hi - p.lo
    chosen = ["usual", "vshape", "linear", "usual"]
    prefs = {c: {"function": f, "q": 0.05 * span[j], "p": 0.3 * span[j]}
             for j, (c, f) in enumerate(zip(p.criteria, chosen, strict=True))}
    p = replace(p, options={"preference": prefs})
    expected = sum(
        p.weights[j] * PROMETHEE_II(PYMCDM_NAME[f], p=[0.3 * span[j]], q=[0.05 * span[j]])(
            p.x[:, [j]], np.ones(1), p.sign[[j]].astype(int))
        for j, f in enumerate(chosen))
    np.testing.assert_allclose(PROMETHEE.rank(p)[0], expected, atol=1e-12)


@pytest.mark.parametrize("seed", range(3))
def test_gaussian_every_path_equals_the_pairwise_definition(seed):
    p, _, _ = with_preference(cases.random_problem(seed, n=6, m=3), "gaussian", seed)
    cases.assert_every_path_matches_reference(PROMETHEE, p, seed)
    cases.assert_kernel_matches_reference(PROMETHEE, cases.tied_problem(), seed=seed)


def test_bad_preference_settings_are_explained():
    p = cases.hand_problem()
    for prefs, key, params in [
        ({"c1": "stairs"}, "engine.error.unknown_preference",
         {"criterion": "c1", "value": "stairs", "choices": "usual, vshape, linear, gaussian"}),
        ({"c1": {"function": "linear", "q": 3, "p": 2}}, "engine.error.invalid_thresholds",
         {"criterion": "c1", "function": "linear", "q": "3", "p": "2", "s": "2"}),
        ({"c2": {"function": "vshape"}}, "engine.error.invalid_thresholds",
         {"criterion": "c2", "function": "vshape", "q": "0", "p": "0", "s": "0"}),
        ({"c9": "usual"}, "engine.error.unknown_criterion",
         {"criterion": "c9", "what": "preference"}),
    ]:
        with pytest.raises(EngineError) as info:
            PROMETHEE.check(replace(p, options={"preference": prefs}))
        assert info.value.key == key
        assert info.value.params == params
        assert "{" not in info.value.message("nl") and "{" not in info.value.message("en")


# --------------------------------------------------------------------------------------
# GAIA
# --------------------------------------------------------------------------------------


@pytest.mark.parametrize("seed", range(4))
def test_gaia_equals_a_numpy_pca_of_the_unicriterion_flows(seed):
    p, _, _ = with_preference(cases.random_problem(seed, n=9, m=5), "linear", seed)
    plane = promethee.gaia(p)
    phi = promethee.unicriterion_flows(p)
    # PCA the textbook way: eigenvectors of the covariance matrix, largest first
    values, vectors = np.linalg.eigh(np.cov(phi, rowvar=False, bias=True))
    order = np.argsort(values)[::-1]
    values, vectors = values[order], vectors[:, order[:2]]
    np.testing.assert_allclose(phi.mean(axis=0), 0, atol=1e-12)  # flows are centred
    # an axis's sign is arbitrary: align ours with numpy's before comparing
    signs = np.sign((plane.criteria.to_numpy() * vectors).sum(axis=0))
    np.testing.assert_allclose(plane.criteria.to_numpy() * signs, vectors, atol=1e-9)
    np.testing.assert_allclose(plane.measures.to_numpy() * signs, phi @ vectors, atol=1e-9)
    np.testing.assert_allclose(plane.stick.to_numpy() * signs, p.weights @ vectors, atol=1e-9)
    assert plane.kept == pytest.approx(values[:2].sum() / values.sum(), abs=1e-12)
    assert (plane.stick >= 0).all()


def test_gaia_of_two_criteria_keeps_everything_and_orders_by_the_stick():
    p = prepare(pd.DataFrame({"a": [1.0, 4, 2, 8], "b": [3.0, 1, 4, 2]}, index=list("wxyz")),
                {"a": "max", "b": "max"}, {"a": 2, "b": 1}, None)
    plane = promethee.gaia(p)
    assert plane.kept == pytest.approx(1.0)
    along = plane.measures.to_numpy() @ plane.stick.to_numpy()
    phi, _ = PROMETHEE.rank(p)
    # with the whole space kept, projecting on the stick is phi (up to the stick's length)
    np.testing.assert_allclose(along, phi, atol=1e-12)


def test_engine_gaia_plane_from_plain_tables():
    perf = pd.DataFrame({"a": [1.0, 4, 2, 8], "b": [3.0, 1, 4, 2], "c": [0.0, 1, 1, 0]},
                        index=list("wxyz"))
    plane = engine.gaia_plane(perf, objectives={"a": "max", "b": "min", "c": "max"},
                              weights={"a": 1, "b": 1, "c": 2})
    assert list(plane.measures.index) == list("wxyz")
    assert list(plane.criteria.index) == ["a", "b", "c"]
    np.testing.assert_allclose(np.linalg.norm(plane.criteria.to_numpy(), axis=0), 1.0)
