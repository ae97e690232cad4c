"""Robustness: SMAA against a per-sample scikit-criteria loop, weight stability by hand,
perspectives, no-regret set and validation."""

from __future__ import annotations

import warnings
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st
from pymcdm.methods import PROMETHEE_II
from scipy import stats

from impact import engine, robustness
from impact.engine import EngineError
from impact.io import read_assessment
from impact.model import (
    Assessment,
    Confidence,
    Criterion,
    Direction,
    Measure,
    Pillar,
    Score,
    WeightProfile,
)

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    import skcriteria as skc
    from skcriteria.agg.simple import WeightedSumModel
    from skcriteria.agg.spotis import SPOTIS
    from skcriteria.agg.topsis import TOPSIS
    from skcriteria.agg.vikor import VIKOR
    from skcriteria.pipelines import mkpipe
    from skcriteria.preprocessing.scalers import SumScaler, VectorScaler

EXAMPLE = Path(__file__).resolve().parents[1] / "src" / "impact" / "example"


@pytest.fixture(scope="module")
def example():
    return read_assessment(EXAMPLE)


def problem(seed: int = 0, n: int = 7, m: int = 4):
    rng = np.random.default_rng(seed)
    x = rng.normal(0, 3, (n, m))
    crit = [f"c{j}" for j in range(m)]
    perf = pd.DataFrame(x, index=[f"M{i}" for i in range(n)], columns=crit)
    obj = {c: ("max" if j % 3 else "min") for j, c in enumerate(crit)}
    scale = {c: (float(x[:, j].min() - 1), float(x[:, j].max() + 1)) for j, c in enumerate(crit)}
    return perf, obj, scale


def skc_ranks(perf, obj, scale, weights, method) -> np.ndarray:
    """scikit-criteria's ranks (as competition ranks) for one weight vector (pymcdm's for
    PROMETHEE II, which scikit-criteria lacks)."""
    is_max = np.array([obj[c] == "max" for c in perf.columns])
    objectives = [max if b else min for b in is_max]
    w = np.asarray(weights, dtype=float) / np.sum(weights)
    x = perf.to_numpy()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        if method == "wsm":
            lo = np.array([scale[c][0] for c in perf.columns])
            hi = np.array([scale[c][1] for c in perf.columns])
            v = np.where(is_max, (x - lo) / (hi - lo), (hi - x) / (hi - lo))
            result = WeightedSumModel().evaluate(skc.mkdm(v, [max] * len(w), weights=w))
        elif method == "topsis":
            pipe = mkpipe(SumScaler(target="weights"), VectorScaler(target="matrix"), TOPSIS())
            result = pipe.evaluate(skc.mkdm(x, objectives, weights=w))
        elif method == "vikor":
            result = VIKOR().evaluate(skc.mkdm(x, objectives, weights=w))
        elif method == "promethee":  # not in scikit-criteria: pymcdm's, usual preference
            flows = PROMETHEE_II("usual")(x, w, np.where(is_max, 1, -1))
            return stats.rankdata(-np.round(flows, 12), method="min").astype(int)
        else:
            bounds = np.array([scale[c] for c in perf.columns])
            result = SPOTIS().evaluate(skc.mkdm(x, objectives, weights=w), bounds=bounds)
    return stats.rankdata(result.rank_, method="min").astype(int)


# --------------------------------------------------------------------------------------
# SMAA = a per-sample scikit-criteria loop, same weights, same ranks
# --------------------------------------------------------------------------------------


@pytest.mark.parametrize("method", engine.METHODS)
def test_rank_many_equals_scikit_criteria_for_sampled_weights(method):
    perf, obj, scale = problem(1)
    weights = np.random.default_rng(9).dirichlet(np.ones(4), size=12)
    ours = robustness.rank_many(perf, objectives=obj, weight_samples=weights, method=method,
                                scale=scale)
    for i, w in enumerate(weights):
        np.testing.assert_array_equal(ours.iloc[i].to_numpy(),
                                      skc_ranks(perf, obj, scale, w, method))


@pytest.mark.parametrize("method", engine.METHODS)
def test_smaa_acceptability_equals_a_scikit_criteria_loop(method):
    perf, obj, scale = problem(2)
    samples, seed = 40, 5
    result = robustness.smaa(perf, objectives=obj, samples=samples, seed=seed, method=method,
                             scale=scale)
    # uniform weights on the simplex are drawn as normalised exponentials from the first
    # of two streams spawned from the seed
    rng = np.random.default_rng(np.random.SeedSequence(seed).spawn(2)[0])
    e = rng.standard_exponential((samples, len(perf.columns)))
    weights = e / e.sum(axis=1, keepdims=True)
    n = len(perf)
    counts = np.zeros((n, n))
    central = np.zeros((n, len(perf.columns)))
    for w in weights:
        ranks = skc_ranks(perf, obj, scale, w, method)
        counts[np.arange(n), ranks - 1] += 1
        central[ranks == 1] += w
    np.testing.assert_allclose(result.acceptability.to_numpy(), counts / samples)
    firsts = counts[:, 0]
    with np.errstate(invalid="ignore"):
        expected_central = central / firsts[:, None]
    np.testing.assert_allclose(result.central_weights.to_numpy(), expected_central)
    assert result.samples == samples and result.method == method


def test_smaa_acceptability_shape_and_rows_sum_to_one():
    perf, obj, scale = problem(3, n=9, m=5)
    result = robustness.smaa(perf, objectives=obj, samples=3000, scale=scale)
    acc = result.acceptability
    assert list(acc.index) == list(perf.index)
    assert list(acc.columns) == list(range(1, 10))
    np.testing.assert_allclose(acc.sum(axis=1), 1.0)
    np.testing.assert_allclose(acc.sum(axis=0), 1.0)  # no ties: each rank once per sample
    assert list(result.central_weights.columns) == list(perf.columns)
    first = acc[1] > 0
    np.testing.assert_allclose(result.central_weights[first].sum(axis=1), 1.0)
    assert result.central_weights[~first].isna().all(axis=None)
    assert result.mean_rank.between(1, 9).all()
    np.testing.assert_allclose(result.top(9), 1.0)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    cells=st.lists(st.lists(st.integers(-3, 3), min_size=3, max_size=3), min_size=2,
                   max_size=6),
    method=st.sampled_from(engine.METHODS),
    ranges=st.booleans(),
)
def test_acceptability_rows_sum_to_one(cells, method, ranges):
    perf = pd.DataFrame(np.array(cells, dtype=float), columns=["a", "b", "c"],
                        index=[f"M{i}" for i in range(len(cells))])
    obj = {"a": "max", "b": "min", "c": "max"}
    weights = {"a": (0, 2), "b": 1, "c": (0.5, 1)} if ranges else None
    try:
        result = robustness.smaa(perf, objectives=obj, weights=weights, samples=200,
                                 method=method, scale={c: (-3, 3) for c in obj})
    except EngineError as err:
        assume(err.key not in ("engine.error.zero_column", "engine.error.identical_measures"))
        raise
    np.testing.assert_allclose(result.acceptability.sum(axis=1), 1.0)
    # identical measures tie: they always share a rank
    for i in range(len(perf)):
        for j in range(i + 1, len(perf)):
            if (perf.iloc[i] == perf.iloc[j]).all():
                np.testing.assert_allclose(result.acceptability.iloc[i],
                                           result.acceptability.iloc[j])


def test_fixed_weights_give_the_rank_of_the_engine():
    perf, obj, scale = problem(4)
    w = {"c0": 1, "c1": 2, "c2": 0.5, "c3": 1}
    result = robustness.smaa(perf, objectives=obj, weights=w, samples=50, scale=scale)
    ranks = engine.rank(perf, objectives=obj, weights=w, scale=scale)["rank"]
    for m, r in ranks.items():
        assert result.acceptability.loc[m, r] == 1.0


def test_weight_ranges_are_respected():
    perf, obj, scale = problem(5)
    w = {"c0": (1, 1), "c1": (0, 3), "c2": 1, "c3": (2, 4)}
    result = robustness.smaa(perf, objectives=obj, weights=w, samples=2000, scale=scale)
    central = result.central_weights.dropna()
    assert len(central)
    # normalised: c3/c2 lies in [2, 4] and c1/c0 in [0, 3] in every sample, so also on average
    ratio = central["c3"] / central["c2"]
    assert ((ratio >= 2 - 1e-9) & (ratio <= 4 + 1e-9)).all()
    assert ((central["c1"] / central["c0"]) <= 3 + 1e-9).all()


def test_same_seed_same_result_and_progress_is_reported():
    perf, obj, scale = problem(6, n=20, m=6)
    seen: list[float] = []
    a = robustness.smaa(perf, objectives=obj, samples=5000, seed=3, scale=scale,
                        method="topsis", progress=seen.append)
    b = robustness.smaa(perf, objectives=obj, samples=5000, seed=3, scale=scale,
                        method="topsis")
    c = robustness.smaa(perf, objectives=obj, samples=5000, seed=4, scale=scale,
                        method="topsis")
    pd.testing.assert_frame_equal(a.acceptability, b.acceptability)
    assert not a.acceptability.equals(c.acceptability)
    assert seen[0] == 0.0 and seen[-1] == 1.0 and len(seen) >= 3
    assert seen == sorted(seen)


@pytest.mark.parametrize("method", ["wsm", "vikor"])
def test_result_does_not_depend_on_the_block_size(monkeypatch, method):
    perf, obj, scale = problem(7, n=6, m=3)
    sd = pd.DataFrame(0.3, index=perf.index, columns=perf.columns)
    args = dict(objectives=obj, samples=3000, seed=11, scale=scale, score_sd=sd, method=method)
    one = robustness.smaa(perf, **args)
    monkeypatch.setattr(robustness, "_MIN_BLOCK", 7)
    monkeypatch.setattr(robustness, "_BLOCKS", 100)
    seen: list[float] = []
    many = robustness.smaa(perf, **args, progress=seen.append)
    assert len(seen) > 100
    pd.testing.assert_frame_equal(one.acceptability, many.acceptability)


def test_score_sampling():
    perf = pd.DataFrame({"a": [2.0, 1.0, -2.0], "b": [2.0, 1.0, -2.0]}, index=["hi", "mid", "lo"])
    obj = {"a": "max", "b": "max"}
    scale = {"a": (-3, 3), "b": (-3, 3)}
    exact = robustness.smaa(perf, objectives=obj, samples=500, scale=scale)
    assert exact.acceptability.loc["hi", 1] == 1.0
    zero = robustness.smaa(perf, objectives=obj, samples=500, scale=scale,
                           score_sd=pd.DataFrame(0.0, index=perf.index, columns=perf.columns))
    pd.testing.assert_frame_equal(zero.acceptability, exact.acceptability)
    sd = pd.DataFrame({"a": [0.8, 0.8, 0.0], "b": [0.8, 0.8, 0.0]}, index=perf.index)
    noisy = robustness.smaa(perf, objectives=obj, samples=4000, scale=scale, score_sd=sd)
    acc = noisy.acceptability
    # hi and mid now swap places sometimes; lo (4 points behind, no noise) never rises
    assert 0.5 < acc.loc["hi", 1] < 1.0 and acc.loc["mid", 1] > 0.05
    assert acc.loc["lo", 3] == 1.0
    np.testing.assert_allclose(acc.sum(axis=1), 1.0)


@pytest.mark.parametrize(
    ("kwargs", "key"),
    [
        (dict(samples=0), "engine.error.invalid_samples"),
        (dict(samples="many"), "engine.error.invalid_samples"),
        (dict(weights={"c0": (2, 1), "c1": 1, "c2": 1, "c3": 1}),
         "engine.error.invalid_weight_range"),
        (dict(weights={"c0": (-1, 1), "c1": 1, "c2": 1, "c3": 1}),
         "engine.error.invalid_weight_range"),
        (dict(weights={"c0": 1, "c1": 1, "c2": 1}), "engine.error.missing_weight"),
        (dict(weights={"c0": 1, "c1": 1, "c2": 1, "c3": 1, "x": 1}),
         "engine.error.unknown_criterion"),
        (dict(weights={"c0": 0, "c1": (0, 0), "c2": 0, "c3": 0}), "engine.error.zero_weights"),
        (dict(method="smaa"), "engine.error.unknown_method"),
    ],
)
def test_smaa_validation_errors(kwargs, key):
    perf, obj, scale = problem(0)
    with pytest.raises(EngineError) as info:
        robustness.smaa(perf, objectives=obj, scale=scale, **kwargs)
    assert info.value.key == key
    assert "{" not in info.value.message("nl")


def test_negative_score_sd_is_refused():
    perf, obj, scale = problem(0)
    sd = pd.DataFrame(0.0, index=perf.index, columns=perf.columns)
    sd.loc["M2", "c1"] = -1
    with pytest.raises(EngineError) as info:
        robustness.smaa(perf, objectives=obj, scale=scale, score_sd=sd)
    assert info.value.key == "engine.error.invalid_score_sd"
    assert info.value.params["measure"] == "M2" and info.value.params["criterion"] == "c1"


# --------------------------------------------------------------------------------------
# SMAA on an assessment
# --------------------------------------------------------------------------------------


def test_smaa_assessment_uniform_pillars(example):
    result = robustness.smaa_assessment(example, samples=3000)
    acc = result.acceptability
    np.testing.assert_allclose(acc.sum(axis=1), 1.0)
    cp = result.central_pillar_weights.dropna()
    np.testing.assert_allclose(cp.sum(axis=1), 1.0)
    # criterion central weights follow the pillar ones: ecology criteria share ecology's
    eco = [c.id for c in example.criteria if c.pillar == Pillar.ECOLOGY]
    cw = result.central_weights.loc[cp.index]
    np.testing.assert_allclose(cw[eco].sum(axis=1), cp["ecology"])


def test_smaa_assessment_with_zero_spread_is_the_profile_ranking(example):
    profile = example.profile("Natuurorganisaties")
    result = robustness.smaa_assessment(example, profile=profile, spread=0, samples=100,
                                        sample_scores=False)
    ranks = engine.evaluate(example, profile=profile).table["score_rank"]
    for m, r in ranks.items():
        assert result.acceptability.loc[m, r] == 1.0
    np.testing.assert_allclose(
        result.central_pillar_weights.dropna().iloc[0].to_numpy(), [0.6, 0.15, 0.25])


def test_smaa_assessment_around_pillar_weights_stays_within_spread(example):
    result = robustness.smaa_assessment(
        example, pillar_weights={"ecology": 0.5, "economy": 0.25, "people": 0.25},
        spread=0.05, samples=2000, sample_scores=False)
    cp = result.central_pillar_weights.dropna()
    # draws lie in 0.45..0.55 / 0.2..0.3 before renormalising (sum 0.85..1.15)
    assert cp["ecology"].between(0.45 / 1.15, 0.55 / 0.85).all()
    assert cp["economy"].between(0.2 / 1.15, 0.3 / 0.85).all()


def test_confidence_spread_per_level(example):
    sd = robustness.confidence_sd(example)
    assert sd.loc["M07", "eco_n"] == pytest.approx(0.20 * 100)  # low
    assert sd.loc["M01", "eco_n"] == pytest.approx(0.10 * 100)  # medium
    assert sd.loc["M05", "eco_ghg"] == pytest.approx(0.05 * 35)  # high
    assert sd.loc["M01", "ppl_health"] == 0  # no stated confidence: taken as given
    with_scores = robustness.smaa_assessment(example, samples=2000, seed=1)
    without = robustness.smaa_assessment(example, samples=2000, seed=1, sample_scores=False)
    assert not with_scores.acceptability.equals(without.acceptability)


def test_smaa_assessment_validation(example):
    with pytest.raises(EngineError) as info:
        robustness.smaa_assessment(example, spread=2, samples=10)
    assert info.value.key == "engine.error.invalid_spread"


def test_smaa_table(example):
    result = robustness.smaa_assessment(example, samples=1000)
    table = robustness.smaa_table(result, example, "nl")
    assert list(table.columns[:4]) == ["label", "first", "top3", "mean_rank"]
    assert table["first"].is_monotonic_decreasing
    assert [c for c in table.columns if c.startswith("rank_")] == [
        f"rank_{r}" for r in range(1, 12)]


# --------------------------------------------------------------------------------------
# weight stability
# --------------------------------------------------------------------------------------


def tiny_assessment(pillar_values: dict[str, tuple[float, float, float]]) -> Assessment:
    """One criterion per pillar on 0..1 (max), so pillar score = the score itself."""
    criteria = [Criterion(f"c_{p}", Pillar(p), p, p, "", Direction.HIGHER_IS_BETTER, 0, 1)
                for p in ("ecology", "economy", "people")]
    measures = [Measure(m, m) for m in pillar_values]
    scores = {}
    for m, values in pillar_values.items():
        for c, v in zip(criteria, values, strict=True):
            scores[(m, c.id)] = Score(m, c.id, v, None, Confidence.MEDIUM)
    profiles = [WeightProfile("eco", {Pillar.ECOLOGY: 2, Pillar.ECONOMY: 1, Pillar.PEOPLE: 1}),
                WeightProfile("econ", {Pillar.ECOLOGY: 1, Pillar.ECONOMY: 3, Pillar.PEOPLE: 1})]
    return Assessment("tiny", criteria=criteria, measures=measures, scores=scores,
                      profiles=profiles)


TINY = {"A": (0.9, 0.2, 0.5), "B": (0.4, 0.8, 0.5), "C": (0.5, 0.5, 0.4)}


def crossing(i, j, q):
    """Weight t of pillar q where measures i and j score equal, the others sharing 1 - t
    equally: t e_i + (1 - t) b_i = t e_j + (1 - t) b_j with b = mean of the other pillars."""
    k = ("ecology", "economy", "people").index(q)
    ei, ej = TINY[i][k], TINY[j][k]
    bi = (sum(TINY[i]) - ei) / 2
    bj = (sum(TINY[j]) - ej) / 2
    return (bj - bi) / ((ei - bi) - (ej - bj))


def test_weight_stability_by_hand():
    table = robustness.weight_stability(tiny_assessment(TINY))
    assert list(table.columns) == ["weight", "top_low", "top_high", "order_low", "order_high",
                                   "top"]
    # equal weights: A 1.6/3, B 1.7/3, C 1.4/3 -> B first, then A, then C
    assert table.loc["ecology", "top"] == "B"
    assert table.loc["ecology", "weight"] == pytest.approx(1 / 3)
    # ecology: B stays first until A overtakes it; C never leads.
    t_ab = crossing("A", "B", "ecology")  # 0.4
    assert table.loc["ecology", "top_low"] == pytest.approx(0.0, abs=1e-9)
    assert table.loc["ecology", "top_high"] == pytest.approx(t_ab, abs=1e-7)
    # the whole order B > A > C: bounded by the same crossing above and by A-C below
    t_ac = crossing("A", "C", "ecology")
    assert 0 < t_ac < 1 / 3
    assert table.loc["ecology", "order_low"] == pytest.approx(t_ac, abs=1e-7)
    assert table.loc["ecology", "order_high"] == pytest.approx(t_ab, abs=1e-7)
    # economy: more economy only helps B; less lets A overtake it
    assert table.loc["economy", "top_high"] == pytest.approx(1.0)
    assert table.loc["economy", "top_low"] == pytest.approx(crossing("A", "B", "economy"),
                                                            abs=1e-7)


@pytest.mark.parametrize("method", ["topsis", "vikor"])
def test_weight_stability_boundaries_are_where_the_result_changes(example, method):
    table = robustness.weight_stability(example, method=method)
    base = engine.evaluate(example, method=method).table
    for q, row in table.iterrows():
        assert row["top_low"] <= row["weight"] <= row["top_high"]
        assert row["order_low"] <= row["weight"] <= row["order_high"]
        assert row["top_low"] <= row["order_low"] and row["order_high"] <= row["top_high"]

        def at(t, q=q):
            others = [p for p in ("ecology", "economy", "people") if p != q]
            pw = {q: t, **{p: (1 - t) / 2 for p in others}}
            return engine.evaluate(example, pillar_weights=pw, method=method).table

        for bound, inside, outside in (("order_high", -1e-6, 1e-6),
                                       ("order_low", 1e-6, -1e-6)):
            edge = row[bound]
            if 0 < edge < 1:
                assert (at(edge + inside)["score_rank"] == base["score_rank"]).all()
                assert not (at(edge + outside)["score_rank"] == base["score_rank"]).all()


def test_weight_stability_with_a_profile_keeps_other_proportions(example):
    profile = example.profile("Agrarische sector")  # 20 / 55 / 25
    table = robustness.weight_stability(example, pillar_weights=profile.pillar_weights)
    assert table["weight"].tolist() == pytest.approx([0.2, 0.55, 0.25])
    top = engine.evaluate(example, profile=profile).ranked().index[0]
    assert (table["top"] == top).all()


# --------------------------------------------------------------------------------------
# perspectives and no-regret
# --------------------------------------------------------------------------------------


def test_perspectives(example):
    result = robustness.perspectives(example, k=3)
    names = [p.name for p in example.profiles]
    assert list(result.ranks.columns) == names
    for p in example.profiles:
        ev = engine.evaluate(example, profile=p)
        assert (result.ranks[p.name] == ev.table["rank"]).all()
        np.testing.assert_allclose(result.scores[p.name], ev.table["score"])
    for a in names:
        for b in names:
            expected = stats.kendalltau(result.ranks[a], result.ranks[b]).statistic
            assert result.kendall_tau.loc[a, b] == pytest.approx(expected)
    expected_set = [m for m in result.ranks.index if (result.ranks.loc[m] <= 3).all()]
    assert result.no_regret == expected_set
    assert result.k == 3


def test_no_regret_by_hand():
    a = tiny_assessment(TINY)
    # eco (2:1:1): A .625, B .525, C .475 ; econ (1:3:1): A .34, B .66, C .48
    result = robustness.perspectives(a, k=1)
    assert result.ranks.loc["A"].tolist() == [1, 3]
    assert result.ranks.loc["B"].tolist() == [2, 1]
    assert result.no_regret == []
    assert robustness.perspectives(a, k=2).no_regret == ["B"]
    assert robustness.perspectives(a, k=3).no_regret == ["A", "B", "C"]
    assert result.kendall_tau.loc["eco", "econ"] == pytest.approx(
        stats.kendalltau([1, 2, 3], [3, 1, 2]).statistic)


def test_perspectives_validation(example):
    with pytest.raises(EngineError) as info:
        robustness.perspectives(example, k=0)
    assert info.value.key == "engine.error.invalid_k"
    with pytest.raises(EngineError) as info:
        robustness.perspectives(example, profiles=[])
    assert info.value.key == "engine.error.no_profiles"
