"""Engine: every method against scikit-criteria and against a worked example by hand,
property tests, pillar scores, balance, trade-offs, evaluate() and every validation error."""

from __future__ import annotations

import math
import re
import warnings
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st
from scipy import stats

from impact import engine
from impact.engine import EngineError
from impact.i18n import catalogue
from impact.io import read_assessment
from impact.model import EQUAL_PILLARS, Pillar, WeightProfile

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    import skcriteria as skc
    from skcriteria.agg.simple import WeightedSumModel
    from skcriteria.agg.spotis import SPOTIS
    from skcriteria.agg.topsis import TOPSIS
    from skcriteria.agg.vikor import VIKOR
    from skcriteria.pipelines import mkpipe
    from skcriteria.preprocessing.scalers import SumScaler, VectorScaler

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "src" / "impact" / "example"
# derandomize: the same examples on every run, so CI cannot fail on a case no one saw
# (a random VIKOR near-tie under scaled weights was found this way; issue 14, ties)
SETTINGS = settings(max_examples=30, deadline=None, derandomize=True,
                    suppress_health_check=[HealthCheck.too_slow])


@pytest.fixture(scope="module")
def example():
    return read_assessment(EXAMPLE)


def competition(dense) -> np.ndarray:
    """scikit-criteria's dense ranks (1, 1, 2) as competition ranks (1, 1, 3)."""
    return stats.rankdata(np.asarray(dense), method="min").astype(int)


def random_problem(seed: int, n: int = 8, m: int = 5):
    """Continuous scores with mixed signs and directions, declared scales around them."""
    rng = np.random.default_rng(seed)
    x = rng.normal(0, 5, (n, m)) + rng.uniform(-10, 10, m)
    crit = [f"c{j}" for j in range(m)]
    perf = pd.DataFrame(x, index=[f"M{i:02d}" for i in range(n)], columns=crit)
    objectives = {c: ("max" if rng.random() < 0.6 else "min") for c in crit}
    weights = {c: float(rng.uniform(0.1, 3)) for c in crit}
    scale = {c: (float(x[:, j].min() - rng.uniform(0, 3)), float(x[:, j].max() + rng.uniform(0, 3)))
             for j, c in enumerate(crit)}
    return perf, objectives, weights, scale


def _dm(matrix, objectives, weights, perf):
    return skc.mkdm(np.asarray(matrix, dtype=float), objectives, weights=weights,
                    alternatives=list(perf.index), criteria=list(perf.columns))


# --------------------------------------------------------------------------------------
# each method against scikit-criteria on the same input
# --------------------------------------------------------------------------------------


@pytest.mark.parametrize("seed", [0, 1, 2, 3])
def test_wsm_equals_scikit_criteria_weighted_sum_on_value_functions(seed):
    perf, obj, w, scale = random_problem(seed)
    x = perf.to_numpy()
    lo = np.array([scale[c][0] for c in perf.columns])
    hi = np.array([scale[c][1] for c in perf.columns])
    is_max = np.array([obj[c] == "max" for c in perf.columns])
    v = np.where(is_max, (x - lo) / (hi - lo), (hi - x) / (hi - lo))
    ref = WeightedSumModel().evaluate(
        _dm(v, [max] * len(w), [w[c] for c in perf.columns], perf)
    )
    total = sum(w.values())
    ours = engine.rank(perf, objectives=obj, weights=w, scale=scale)
    np.testing.assert_allclose(ours["score"], np.asarray(ref.e_.score) / total, rtol=1e-12)
    np.testing.assert_array_equal(ours["rank"], competition(ref.rank_))
    # the reference path of the engine goes through skcriteria too and agrees
    via_skc = engine.rank_reference(perf, objectives=obj, weights=w, scale=scale)
    np.testing.assert_allclose(via_skc["score"], ours["score"], rtol=1e-12)
    np.testing.assert_array_equal(via_skc["rank"], ours["rank"])


@pytest.mark.parametrize("seed", [0, 1, 2, 3])
def test_wsm_without_scale_uses_the_data_range(seed):
    perf, obj, w, _ = random_problem(seed)
    x = perf.to_numpy()
    lo, hi = x.min(axis=0), x.max(axis=0)
    is_max = np.array([obj[c] == "max" for c in perf.columns])
    v = np.where(is_max, (x - lo) / (hi - lo), (hi - x) / (hi - lo))
    ref = WeightedSumModel().evaluate(_dm(v, [max] * len(w), list(w.values()), perf))
    ours = engine.rank(perf, objectives=obj, weights=w)
    np.testing.assert_array_equal(ours["rank"], competition(ref.rank_))


@pytest.mark.parametrize("seed", [0, 1, 2, 3])
def test_topsis_equals_scikit_criteria(seed):
    perf, obj, w, scale = random_problem(seed)
    pipe = mkpipe(SumScaler(target="weights"), VectorScaler(target="matrix"), TOPSIS())
    objectives = [max if obj[c] == "max" else min for c in perf.columns]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        ref = pipe.evaluate(_dm(perf, objectives, list(w.values()), perf))
    ours = engine.rank(perf, objectives=obj, weights=w, method="topsis", scale=scale)
    np.testing.assert_allclose(ours["score"], ref.e_.similarity, rtol=1e-12)
    np.testing.assert_array_equal(ours["rank"], competition(ref.rank_))


@pytest.mark.parametrize("seed", [0, 1, 2, 3])
def test_vikor_equals_scikit_criteria(seed):
    perf, obj, w, scale = random_problem(seed)
    objectives = [max if obj[c] == "max" else min for c in perf.columns]
    total = sum(w.values())
    ref = VIKOR().evaluate(_dm(perf, objectives, [v / total for v in w.values()], perf))
    ours = engine.rank(perf, objectives=obj, weights=w, method="vikor", scale=scale)
    np.testing.assert_allclose(ours["score"], 1 - ref.e_.q_k, rtol=1e-12, atol=1e-15)
    np.testing.assert_array_equal(ours["rank"], competition(ref.rank_))


@pytest.mark.parametrize("seed", [0, 1, 2, 3])
def test_spotis_equals_scikit_criteria_with_the_declared_scales_as_bounds(seed):
    perf, obj, w, scale = random_problem(seed)
    objectives = [max if obj[c] == "max" else min for c in perf.columns]
    total = sum(w.values())
    bounds = np.array([scale[c] for c in perf.columns])
    ref = SPOTIS().evaluate(_dm(perf, objectives, [v / total for v in w.values()], perf),
                            bounds=bounds)
    ours = engine.rank(perf, objectives=obj, weights=w, method="spotis", scale=scale)
    np.testing.assert_allclose(ours["score"], 1 - ref.e_.score, rtol=1e-12)
    np.testing.assert_array_equal(ours["rank"], competition(ref.rank_))


@pytest.mark.parametrize("method", engine.METHODS)
def test_rank_reference_agrees_with_rank_on_the_example(example, method):
    ev = engine.evaluate(example, method=method)
    args = dict(objectives=example.objectives(), weights=ev.weights, method=method,
                scale=example.scale())
    ours = engine.rank(example.performance(), **args)
    ref = engine.rank_reference(example.performance(), **args)
    np.testing.assert_allclose(ours["score"], ref["score"], rtol=1e-12)
    np.testing.assert_array_equal(ours["rank"], ref["rank"])
    np.testing.assert_array_equal(ev.table["score_rank"], ours["rank"])


# --------------------------------------------------------------------------------------
# worked examples, computed by hand
# --------------------------------------------------------------------------------------
# Three measures, two criteria:
#   c1 "max" on 0..10, c2 "min" on 0..100, weights 3 : 1 -> 0.75, 0.25
#   A = (8, 40), B = (5, 10), C = (2, 70)

HAND = pd.DataFrame({"c1": [8.0, 5.0, 2.0], "c2": [40.0, 10.0, 70.0]}, index=["A", "B", "C"])
HAND_OBJ = {"c1": "max", "c2": "min"}
HAND_W = {"c1": 3, "c2": 1}
HAND_SCALE = {"c1": (0, 10), "c2": (0, 100)}


def test_worked_example_wsm():
    # value functions: c1 = x/10 -> .8 .5 .2 ; c2 = (100 - x)/100 -> .6 .9 .3
    expected = {"A": 0.75 * 0.8 + 0.25 * 0.6, "B": 0.75 * 0.5 + 0.25 * 0.9,
                "C": 0.75 * 0.2 + 0.25 * 0.3}  # 0.75, 0.6, 0.225
    r = engine.rank(HAND, objectives=HAND_OBJ, weights=HAND_W, scale=HAND_SCALE)
    assert r["score"].to_dict() == pytest.approx(expected)
    assert r["rank"].to_dict() == {"A": 1, "B": 2, "C": 3}
    vm = engine.value_matrix(HAND, objectives=HAND_OBJ, scale=HAND_SCALE)
    assert vm.loc["A"].tolist() == pytest.approx([0.8, 0.6])
    assert vm.loc["C"].tolist() == pytest.approx([0.2, 0.3])


def test_worked_example_topsis():
    n1, n2 = math.sqrt(8**2 + 5**2 + 2**2), math.sqrt(40**2 + 10**2 + 70**2)
    weighted = {k: (0.75 * a / n1, 0.25 * b / n2) for k, (a, b) in
                {"A": (8, 40), "B": (5, 10), "C": (2, 70)}.items()}
    ideal = (weighted["A"][0], weighted["B"][1])  # max of c1, min of c2
    anti = (weighted["C"][0], weighted["C"][1])  # min of c1, max of c2
    expected = {}
    for k, (a, b) in weighted.items():
        d_best = math.hypot(a - ideal[0], b - ideal[1])
        d_worst = math.hypot(a - anti[0], b - anti[1])
        expected[k] = d_worst / (d_best + d_worst)
    r = engine.rank(HAND, objectives=HAND_OBJ, weights=HAND_W, method="topsis")
    assert r["score"].to_dict() == pytest.approx(expected)
    assert expected["A"] > expected["B"] > expected["C"]
    assert r["rank"].to_dict() == {"A": 1, "B": 2, "C": 3}


def test_worked_example_vikor_with_a_compromise_set():
    # regret per criterion (best - x)/(best - worst): c1: 0, .5, 1 ; c2: .5, 0, 1
    # weighted: A (0, .125), B (.375, 0), C (.75, .25)
    s = {"A": 0.125, "B": 0.375, "C": 1.0}
    r_ = {"A": 0.125, "B": 0.375, "C": 0.75}
    q = {k: 0.5 * (s[k] - 0.125) / (1.0 - 0.125) + 0.5 * (r_[k] - 0.125) / (0.75 - 0.125)
         for k in s}  # A 0, B 0.342857, C 1
    # Q(B) - Q(A) = 0.34 < 1 / (3 - 1): no acceptable advantage, so A and B form the
    # compromise set and share rank 1; C comes third.
    r = engine.rank(HAND, objectives=HAND_OBJ, weights=HAND_W, method="vikor")
    assert r["score"].to_dict() == pytest.approx({k: 1 - v for k, v in q.items()})
    assert r["rank"].to_dict() == {"A": 1, "B": 1, "C": 3}


def test_worked_example_spotis():
    # distance to the ideal point (10, 0) on the declared bounds
    d = {"A": 0.75 * 2 / 10 + 0.25 * 40 / 100, "B": 0.75 * 5 / 10 + 0.25 * 10 / 100,
         "C": 0.75 * 8 / 10 + 0.25 * 70 / 100}  # .25, .4, .775
    r = engine.rank(HAND, objectives=HAND_OBJ, weights=HAND_W, method="spotis",
                    scale=HAND_SCALE)
    assert r["score"].to_dict() == pytest.approx({k: 1 - v for k, v in d.items()})
    assert r["rank"].to_dict() == {"A": 1, "B": 2, "C": 3}


def test_ties_share_a_rank_and_skip_the_next():
    perf = pd.DataFrame({"c": [1.0, 3.0, 3.0, 2.0]}, index=list("abcd"))
    r = engine.rank(perf, objectives={"c": "max"}, weights={"c": 1}, scale={"c": (0, 5)})
    assert r["rank"].to_dict() == {"a": 4, "b": 1, "c": 1, "d": 3}


def test_result_keeps_input_order_and_index_name():
    r = engine.rank(HAND.iloc[::-1], objectives=HAND_OBJ, weights=HAND_W, scale=HAND_SCALE)
    assert list(r.index) == ["C", "B", "A"]
    assert r.index.name == "measure_id"
    assert list(r.columns) == ["score", "rank"]


def test_declared_scale_keeps_zero_neutral():
    # on -3..+3 a score of 0 is worth 0.5 whatever the other measures score
    perf = pd.DataFrame({"c": [0.0, 1.0, 2.0]}, index=list("abc"))
    vm = engine.value_matrix(perf, objectives={"c": "max"}, scale={"c": (-3, 3)})
    assert vm["c"].tolist() == pytest.approx([0.5, 4 / 6, 5 / 6])


def test_objective_aliases_are_accepted():
    a = engine.rank(HAND, objectives={"c1": "higher_is_better", "c2": "lower_is_better"},
                    weights=HAND_W, scale=HAND_SCALE)
    b = engine.rank(HAND, objectives={"c1": max, "c2": min}, weights=HAND_W, scale=HAND_SCALE)
    pd.testing.assert_frame_equal(a, b)


def test_spotis_has_no_rank_reversal_when_a_measure_is_added():
    perf, obj, w, scale = random_problem(7, n=6)
    before = engine.rank(perf, objectives=obj, weights=w, method="spotis", scale=scale)
    extra = perf.iloc[[0]].copy()
    extra.index = ["NEW"]
    extra.iloc[0] = [(scale[c][0] + scale[c][1]) / 2 for c in perf.columns]
    after = engine.rank(pd.concat([perf, extra]), objectives=obj, weights=w, method="spotis",
                        scale=scale).drop(index="NEW")
    assert list(after["score"].sort_values().index) == list(before["score"].sort_values().index)


# --------------------------------------------------------------------------------------
# property tests
# --------------------------------------------------------------------------------------


@st.composite
def problems(draw, max_n: int = 6, max_m: int = 4):
    n = draw(st.integers(2, max_n))
    m = draw(st.integers(1, max_m))
    cells = draw(st.lists(st.lists(st.integers(-3, 3), min_size=m, max_size=m),
                          min_size=n, max_size=n))
    crit = [f"c{j}" for j in range(m)]
    perf = pd.DataFrame(np.array(cells, dtype=float), index=[f"M{i}" for i in range(n)],
                        columns=crit)
    obj = {c: draw(st.sampled_from(["max", "min"])) for c in crit}
    weights = {c: float(draw(st.integers(0, 5))) for c in crit}
    assume(sum(weights.values()) > 0)
    return perf, obj, weights, {c: (-3.0, 3.0) for c in crit}


def _rank_or_skip(perf, **kwargs):
    try:
        return engine.rank(perf, **kwargs)
    except EngineError as err:  # e.g. TOPSIS on an all-zero column: a documented refusal
        assume(err.key not in ("engine.error.zero_column", "engine.error.identical_measures"))
        raise


@SETTINGS
@given(problem=problems(), method=st.sampled_from(engine.METHODS), data=st.data())
def test_ranking_does_not_change_when_measures_are_permuted(problem, method, data):
    perf, obj, w, scale = problem
    base = _rank_or_skip(perf, objectives=obj, weights=w, method=method, scale=scale)
    order = data.draw(st.permutations(list(perf.index)))
    shuffled = engine.rank(perf.loc[order], objectives=obj, weights=w, method=method,
                           scale=scale)
    assert shuffled["rank"].loc[base.index].tolist() == base["rank"].tolist()
    np.testing.assert_allclose(shuffled["score"].loc[base.index], base["score"], atol=1e-12)


@SETTINGS
@given(problem=problems(), method=st.sampled_from(engine.METHODS),
       factor=st.floats(0.01, 1000))
def test_ranking_does_not_change_when_all_weights_are_scaled(problem, method, factor):
    perf, obj, w, scale = problem
    base = _rank_or_skip(perf, objectives=obj, weights=w, method=method, scale=scale)
    scaled = engine.rank(perf, objectives=obj, weights={c: v * factor for c, v in w.items()},
                         method=method, scale=scale)
    assert scaled["rank"].tolist() == base["rank"].tolist()


@SETTINGS
@given(problem=problems(max_n=5), pick=st.data())
def test_wsm_dominating_measure_never_ranks_below_the_dominated(problem, pick):
    perf, obj, w, scale = problem
    i, j = pick.draw(st.lists(st.integers(0, len(perf) - 1), min_size=2, max_size=2,
                              unique=True))
    # make measure i at least as good as j on every criterion
    for c in perf.columns:
        a, b = perf.iloc[i][c], perf.iloc[j][c]
        better = max(a, b) if obj[c] == "max" else min(a, b)
        perf.iloc[i, perf.columns.get_loc(c)] = better
    r = engine.rank(perf, objectives=obj, weights=w, scale=scale)
    assert r["rank"].iloc[i] <= r["rank"].iloc[j]
    assert r["score"].iloc[i] >= r["score"].iloc[j] - 1e-12


@SETTINGS
@given(problem=problems())
def test_value_functions_lie_between_0_and_1(problem):
    perf, obj, _, scale = problem
    vm = engine.value_matrix(perf, objectives=obj, scale=scale).to_numpy()
    assert ((vm >= 0) & (vm <= 1)).all()


@SETTINGS
@given(
    pillars=st.lists(st.sampled_from(["ecology", "economy", "people"]), min_size=1,
                     max_size=7),
    pw=st.tuples(*[st.floats(0, 10)] * 3).filter(lambda t: sum(t) > 0.1),
)
def test_hierarchical_weights_sum_to_one_and_factorise(pillars, pw):
    pillar_of = {f"c{j}": p for j, p in enumerate(pillars)}
    present = set(pillars)
    pw_map = dict(zip(["ecology", "economy", "people"], pw, strict=True))
    assume(sum(v for k, v in pw_map.items() if k in present) > 0.1)
    w = engine.hierarchical_weights(pillar_of, pw_map)
    assert sum(w.values()) == pytest.approx(1.0)
    total = sum(v for k, v in pw_map.items() if k in present)
    for c, p in pillar_of.items():
        assert w[c] == pytest.approx(pw_map[p] / total / pillars.count(p))


# --------------------------------------------------------------------------------------
# hierarchical weights, pillar scores, balance, trade-offs
# --------------------------------------------------------------------------------------


def test_hierarchical_weights_by_hand():
    pillar_of = {"a": "ecology", "b": "ecology", "c": "economy", "d": "people"}
    w = engine.hierarchical_weights(pillar_of, {"ecology": 2, "economy": 1, "people": 1},
                                    {"a": 3, "b": 1})
    assert w == pytest.approx({"a": 0.5 * 0.75, "b": 0.5 * 0.25, "c": 0.25, "d": 0.25})
    # equal when nothing is given; Pillar enum keys work like strings
    assert engine.hierarchical_weights(pillar_of) == pytest.approx(
        {"a": 1 / 6, "b": 1 / 6, "c": 1 / 3, "d": 1 / 3})
    enum_keys = engine.hierarchical_weights(
        {"a": Pillar.ECOLOGY, "c": Pillar.ECONOMY},
        {Pillar.ECOLOGY: 3, Pillar.ECONOMY: 1, Pillar.PEOPLE: 5},
    )
    # people has no criteria: its weight is left out and the rest renormalised
    assert enum_keys == pytest.approx({"a": 0.75, "c": 0.25})


def test_pillar_scores_by_hand_on_the_example(example):
    ps = engine.pillar_scores(example.performance(), objectives=example.objectives(),
                              pillar_of=example.pillar_of(), scale=example.scale())
    assert list(ps.columns) == ["ecology", "economy", "people"]
    # M01: eco_n 35 on 0..100, eco_bio 2, eco_water 2, eco_land 1 on -3..3 (max),
    # eco_ghg -6 on -30..5 (min)
    ecology = (35 / 100 + 5 / 6 + 5 / 6 + (5 - -6) / 35 + 4 / 6) / 5
    # econ_cost 5 on 0..60 (min), econ_jobs -8 on -40..40, econ_farm 1, econ_priv 2 on 0..40 (min)
    economy = ((60 - 5) / 60 + (-8 + 40) / 80 + 4 / 6 + (40 - 2) / 40) / 4
    people = (4 / 6 + 4 / 6 + 5 / 6 + 4 / 6) / 4
    assert ps.loc["M01"].tolist() == pytest.approx([ecology, economy, people])


def test_neutral_point_on_the_example(example):
    neutral = engine.neutral_pillar_scores(
        example.performance(), objectives=example.objectives(), pillar_of=example.pillar_of(),
        scale=example.scale())
    # 0 on every criterion: 0/100 for N deposition, 0.5 on -3..3, 5/35 for ghg on -30..5 (min),
    # 1 for no cost / no private investment, 0.5 for no jobs change on -40..40
    assert neutral["ecology"] == pytest.approx((0 + 0.5 + 0.5 + 5 / 35 + 0.5) / 5)
    assert neutral["economy"] == pytest.approx((1 + 0.5 + 0.5 + 1) / 4)
    assert neutral["people"] == pytest.approx(0.5)


def test_neutral_point_is_clipped_to_the_scale():
    perf = pd.DataFrame({"a": [2.0, 4.0], "b": [1.0, 3.0]}, index=["x", "y"])
    neutral = engine.neutral_pillar_scores(
        perf, objectives={"a": "max", "b": "min"}, pillar_of={"a": "ecology", "b": "people"},
        scale={"a": (1, 5), "b": (1, 5)})
    # 0 is clipped to 1: worst for "max" (value 0), best for "min" (value 1)
    assert neutral["ecology"] == 0.0 and neutral["people"] == 1.0
    assert math.isnan(neutral["economy"])


def test_balance_index_is_weakest_over_mean():
    pillars = pd.DataFrame({"ecology": [0.2, 0.5, 0.0], "economy": [0.4, 0.5, 0.0],
                            "people": [0.6, 0.5, 0.0]}, index=list("abc"))
    b = engine.balance_index(pillars)
    assert b.tolist() == pytest.approx([0.2 / 0.4, 1.0, 1.0])


def test_pareto_front_by_hand():
    pillars = pd.DataFrame(
        {"ecology": [0.9, 0.5, 0.4, 0.9, 0.1], "economy": [0.2, 0.5, 0.4, 0.2, 0.9],
         "people": [0.5, 0.5, 0.5, 0.4, 0.1]},
        index=["a", "b", "c", "d", "e"])
    # c is dominated by b; d by a (equal on two, worse on people); e is best on economy
    assert engine.pareto_front(pillars).to_dict() == {
        "a": True, "b": True, "c": False, "d": False, "e": True}


def test_tradeoff_classes_by_hand():
    pillars = pd.DataFrame(
        {"ecology": [0.7, 0.7, 0.3, 0.5], "economy": [0.6, 0.4, 0.2, 0.8],
         "people": [0.9, 0.5, 0.6, 0.4]},
        index=["win", "mixed", "down", "flat"])
    neutral = pd.Series({"ecology": 0.5, "economy": 0.5, "people": 0.5})
    classes = engine.tradeoff_classes(pillars, neutral)
    assert list(classes.columns) == ["ecology-economy", "ecology-people", "economy-people"]
    assert classes.loc["win"].tolist() == ["win-win"] * 3
    assert classes.loc["mixed"].tolist() == ["trade-off", "neutral", "neutral"]
    assert classes.loc["down"].tolist() == ["lose-lose", "trade-off", "trade-off"]
    assert classes.loc["flat"].tolist() == ["neutral", "neutral", "trade-off"]
    effects = engine.pillar_effects(pillars, neutral)
    assert effects.loc["mixed"].tolist() == [1, -1, 0]


def test_pillar_correlation_equals_numpy():
    rng = np.random.default_rng(3)
    pillars = pd.DataFrame(rng.random((9, 3)), columns=["ecology", "economy", "people"])
    corr = engine.pillar_correlation(pillars)
    np.testing.assert_allclose(corr.to_numpy(), np.corrcoef(pillars.to_numpy().T))


# --------------------------------------------------------------------------------------
# evaluate
# --------------------------------------------------------------------------------------

TABLE_COLUMNS = [
    "label_nl", "label_en", "score", "rank", "score_rank", "ecology", "economy", "people",
    "contrib_ecology", "contrib_economy", "contrib_people", "balance", "floor_violation",
    "violated_pillars", "pareto", "knocked_out", "knockout_criteria",
]


def test_evaluate_table_and_weights(example):
    ev = engine.evaluate(example)
    t = ev.table
    assert list(t.columns) == TABLE_COLUMNS
    assert list(t.index) == [m.id for m in example.measures]
    assert ev.pillar_weights == pytest.approx({"ecology": 1 / 3, "economy": 1 / 3,
                                               "people": 1 / 3})
    # 5 ecology, 4 economy, 4 people criteria with equal within-pillar weights
    assert ev.weights["eco_n"] == pytest.approx(1 / 15)
    assert ev.weights["econ_cost"] == pytest.approx(1 / 12)
    assert sum(ev.weights.values()) == pytest.approx(1)
    contrib = t[["contrib_ecology", "contrib_economy", "contrib_people"]].sum(axis=1)
    np.testing.assert_allclose(contrib, t["score"], rtol=1e-12)
    np.testing.assert_allclose(t[["ecology", "economy", "people"]].mean(axis=1), t["score"])
    assert (t["rank"] == t["score_rank"]).all()
    assert ev.method == "wsm"
    assert set(ev.tradeoffs.columns) == {"ecology-economy", "ecology-people", "economy-people"}
    assert ev.correlation.shape == (3, 3)
    assert ev.ranked()["rank"].is_monotonic_increasing


def test_evaluate_with_profile_and_explicit_pillar_weights(example):
    farmers = example.profile("Agrarische sector")
    ev = engine.evaluate(example, profile=farmers)
    assert ev.pillar_weights == pytest.approx({"ecology": 0.2, "economy": 0.55, "people": 0.25})
    t = ev.table
    expected = 0.2 * t["ecology"] + 0.55 * t["economy"] + 0.25 * t["people"]
    np.testing.assert_allclose(t["score"], expected, rtol=1e-12)
    # explicit pillar weights win over the profile
    ev2 = engine.evaluate(example, profile=farmers, pillar_weights={"ecology": 1, "economy": 0,
                                                                    "people": 0})
    np.testing.assert_allclose(ev2.table["score"], t["ecology"], rtol=1e-12)


def test_evaluate_criterion_weights_override_within_pillar(example):
    ev = engine.evaluate(example, criterion_weights={"eco_n": 4})
    # ecology weights within: eco_n 4, the four others 1 -> eco_n gets 4/8 of 1/3
    assert ev.weights["eco_n"] == pytest.approx(1 / 3 * 4 / 8)
    assert ev.weights["eco_bio"] == pytest.approx(1 / 3 * 1 / 8)
    profile = WeightProfile("p", {Pillar.ECOLOGY: 1, Pillar.ECONOMY: 1, Pillar.PEOPLE: 1},
                            {"econ_cost": 0})
    ev2 = engine.evaluate(example, profile=profile)
    assert ev2.weights["econ_cost"] == 0
    assert ev2.weights["econ_jobs"] == pytest.approx(1 / 9)


def test_floors_flag_and_rank_flagged_measures_last(example):
    base = engine.evaluate(example)
    ev = engine.evaluate(example, floors={"people": 0.5})
    t = ev.table
    below = t["people"] < 0.5
    assert (t["floor_violation"] == below).all()
    assert below.any() and (~below).any()
    assert (t.loc[below, "violated_pillars"] == "people").all()
    assert (t.loc[~below, "violated_pillars"] == "").all()
    # not compensated: every flagged measure ranks after every measure that meets the floor
    assert t.loc[below, "rank"].min() > t.loc[~below, "rank"].max()
    # the score itself and the score-only rank are unchanged
    np.testing.assert_allclose(t["score"], base.table["score"])
    assert (t["score_rank"] == base.table["rank"]).all()
    # among the unflagged the order of score is kept
    ok = t.loc[~below].sort_values("rank")
    assert ok["score"].is_monotonic_decreasing
    assert ev.floors == {"people": 0.5}


def test_floors_on_two_pillars_list_both(example):
    ev = engine.evaluate(example, floors={Pillar.ECOLOGY: 0.35, "people": 0.3})
    m06 = ev.table.loc["M06"]  # ecology 0.338, people 0.25
    assert m06["floor_violation"] and m06["violated_pillars"] == "ecology,people"


@pytest.mark.parametrize("method", engine.METHODS)
def test_evaluate_every_method(example, method):
    ev = engine.evaluate(example, method=method, profile=EQUAL_PILLARS)
    assert ev.method == method
    assert sorted(ev.table["rank"].unique())[0] == 1
    # PROMETHEE's net flow is -1..1 (the literature's scale); every other score 0..1
    low = -1 if method == "promethee" else 0
    assert ev.table["score"].between(low, 1).all()


def test_evaluate_names_criteria_and_measures_in_errors(example):
    broken = example.with_scores([])
    del broken.scores[("M03", "econ_cost")]
    with pytest.raises(EngineError) as info:
        engine.evaluate(broken)
    err = info.value
    assert err.key == "engine.error.missing_score"
    assert err.message("nl") == (
        "Criterium 'Kosten voor de overheid' heeft geen score voor maatregel "
        "M03 (Hydrologische bufferzone). Vul de score in.")
    assert str(err) == ("Criterion 'Public cost' has no score for measure "
                        "M03 (Hydrological buffer zone). Fill in the score.")


def test_method_labels_are_translated():
    assert set(engine.METHOD_LABELS) == set(engine.METHODS)
    assert engine.method_label("wsm", "nl") == "Gewogen som"
    assert engine.method_label("wsm", "en") == "Weighted sum"
    assert len(engine.METHODS) >= 4 and engine.METHODS[:3] == ("wsm", "topsis", "vikor")


def test_ranking_table_for_the_cli(example):
    ev = engine.evaluate(example, floors={"people": 0.5})
    flat = engine.ranking_table(ev, "en")
    assert list(flat.columns[:3]) == ["label", "rank", "score"]
    assert flat["rank"].is_monotonic_increasing
    shown = engine.ranking_table(ev, "nl", display=True)
    assert "ecologie" in shown.columns and "let op" in shown.columns
    assert shown.loc["M05", "let op"] == "onder ondergrens: mens"


# --------------------------------------------------------------------------------------
# validation: every error, in the user's words
# --------------------------------------------------------------------------------------

P = pd.DataFrame({"kosten": [1.0, 2.0, 3.0], "banen": [5.0, 5.5, 4.0]},
                 index=["M01", "M02", "M03"])
OBJ = {"kosten": "min", "banen": "max"}
W = {"kosten": 1, "banen": 1}


def _err(fn, *args, **kwargs) -> EngineError:
    with pytest.raises(EngineError) as info:
        fn(*args, **kwargs)
    err = info.value
    # both languages render without leftover placeholders
    for lang in ("nl", "en"):
        text = err.message(lang)
        assert text and "{" not in text
    assert str(err) == err.message("en")
    return err


def _rank(perf=P, objectives=OBJ, weights=W, **kw):
    return engine.rank(perf, objectives=objectives, weights=weights, **kw)


def test_error_missing_score_names_criterion_and_measure():
    perf = P.copy()
    perf.loc["M03", "kosten"] = np.nan
    err = _err(_rank, perf)
    assert err.key == "engine.error.missing_score"
    assert err.message("nl") == (
        "Criterium 'kosten' heeft geen score voor maatregel M03. Vul de score in.")
    assert err.params == {"criterion": "kosten", "measure": "M03", "count": 1}
    perf.loc["M01", "banen"] = np.nan
    err = _err(_rank, perf)
    assert err.key == "engine.error.missing_scores" and err.params["count"] == 2
    assert "2" in err.message("nl")


@pytest.mark.parametrize(
    ("kwargs", "key", "params"),
    [
        (dict(perf="not a frame"), "engine.error.not_a_table", {}),
        (dict(perf=P[[]]), "engine.error.no_criteria", {}),
        (dict(perf=P.iloc[:1]), "engine.error.too_few_measures", {"count": 1}),
        (dict(perf=P.rename(index={"M02": "M01"})), "engine.error.duplicate_measure",
         {"measure": "M01"}),
        (dict(perf=P.set_axis(["kosten", "kosten"], axis=1),
              objectives={"kosten": "min"}, weights={"kosten": 1}),
         "engine.error.duplicate_criterion", {"criterion": "kosten"}),
        (dict(perf=P.astype(object).assign(kosten=[1, "veel", 3])),
         "engine.error.not_a_number", {"criterion": "kosten", "measure": "M02",
                                       "value": "veel"}),
        (dict(perf=P.assign(banen=[1.0, np.inf, 2.0])), "engine.error.not_a_number",
         {"criterion": "banen", "measure": "M02", "value": "inf"}),
        (dict(objectives={"kosten": "min"}), "engine.error.missing_objective",
         {"criterion": "banen"}),
        (dict(objectives={"kosten": "min", "banen": "meer"}), "engine.error.invalid_objective",
         {"criterion": "banen", "value": "meer"}),
        (dict(objectives={**OBJ, "natuur": "max"}), "engine.error.unknown_criterion",
         {"criterion": "natuur", "what": "objective"}),
        (dict(weights={"kosten": 1}), "engine.error.missing_weight", {"criterion": "banen"}),
        (dict(weights={**W, "natuur": 1}), "engine.error.unknown_criterion",
         {"criterion": "natuur", "what": "weight"}),
        (dict(weights={"kosten": 1, "banen": "veel"}), "engine.error.invalid_weight",
         {"criterion": "banen", "value": "veel"}),
        (dict(weights={"kosten": 1, "banen": np.nan}), "engine.error.invalid_weight",
         {"criterion": "banen", "value": "nan"}),
        (dict(weights={"kosten": 1, "banen": -2}), "engine.error.negative_weight",
         {"criterion": "banen", "value": "-2"}),
        (dict(weights={"kosten": 0, "banen": 0}), "engine.error.zero_weights", {}),
        (dict(scale={"kosten": (5, 1)}), "engine.error.invalid_scale",
         {"criterion": "kosten", "lo": "5", "hi": "1"}),
        (dict(scale={"kosten": (0, 2.5)}), "engine.error.out_of_scale",
         {"criterion": "kosten", "measure": "M03", "value": "3", "lo": "0", "hi": "2.5"}),
        (dict(scale={"natuur": (0, 1)}), "engine.error.unknown_criterion",
         {"criterion": "natuur", "what": "scale"}),
        (dict(method="ahp"), "engine.error.unknown_method",
         {"method": "ahp", "choices": "wsm, topsis, vikor, spotis, promethee"}),
        (dict(perf=P.assign(banen=4.0)), "engine.error.constant_column",
         {"criterion": "banen", "value": "4", "method": "wsm"}),
        (dict(method="spotis", scale={"banen": (0, 10)}), "engine.error.spotis_needs_scale",
         {"criterion": "kosten"}),
        (dict(method="spotis", scale={"banen": (0, 10), "kosten": (0, 5)},
              options={"esp": {"kosten": 6}}), "engine.error.invalid_esp",
         {"criterion": "kosten", "value": "6", "lo": "0", "hi": "5"}),
        (dict(method="vikor", options={"v": 1.5}), "engine.error.invalid_vikor_v",
         {"value": "1.5"}),
        (dict(perf=P.assign(banen=0.0), method="topsis"), "engine.error.zero_column",
         {"criterion": "banen", "method": "topsis"}),
        (dict(perf=P.assign(banen=2.0, kosten=1.0), method="topsis",
              scale={"kosten": (0, 5)}), "engine.error.identical_measures",
         {"method": "topsis"}),
        (dict(perf=P.assign(kosten=1.0), weights={"kosten": 1, "banen": 0}, method="vikor"),
         "engine.error.identical_measures", {"method": "vikor"}),
    ],
)
def test_validation_errors(kwargs, key, params):
    err = _err(_rank, **kwargs)
    assert err.key == key
    assert err.params == params


def test_constant_column_is_fine_with_a_declared_scale():
    r = _rank(P.assign(banen=4.0), scale={"banen": (0, 10)})
    # banen adds 0.4 * 0.5 to everyone: the order is that of kosten
    assert r["rank"].tolist() == [1, 2, 3]


def test_error_messages_in_dutch_use_user_words():
    err = _err(_rank, weights={"kosten": 1, "banen": -2})
    assert err.message("nl") == (
        "Het gewicht van 'banen' is negatief (-2); gewichten zijn 0 of meer.")
    err = _err(_rank, method="ahp")
    assert err.message("nl") == ("Methode 'ahp' bestaat niet; kies uit wsm, topsis, vikor, "
                                 "spotis, promethee.")
    err = _err(_rank, perf=P.assign(banen=4.0))
    assert "Gewogen som" in err.message("nl") and "Weighted sum" in err.message("en")
    err = _err(_rank, objectives={**OBJ, "natuur": "max"})
    assert err.message("nl") == ("Er is een richting opgegeven voor 'natuur', maar dat "
                                 "criterium bestaat niet.")


@pytest.mark.parametrize(
    ("call", "key"),
    [
        (lambda: engine.hierarchical_weights({"a": "natuur"}), "engine.error.unknown_pillar"),
        (lambda: engine.hierarchical_weights({"a": "ecology"}, {"ecology": 0, "people": 1}),
         "engine.error.zero_pillar_weights"),
        (lambda: engine.hierarchical_weights({"a": "ecology"}, {"ecology": -1}),
         "engine.error.negative_pillar_weight"),
        (lambda: engine.hierarchical_weights({"a": "ecology", "b": "ecology"}, None,
                                             {"a": 0, "b": 0}),
         "engine.error.zero_within_weights"),
        (lambda: engine.hierarchical_weights({"a": "ecology"}, None, {"z": 1}),
         "engine.error.unknown_criterion"),
        (lambda: engine.hierarchical_weights({}), "engine.error.no_criteria"),
        (lambda: engine.pillar_scores(P, objectives=OBJ, pillar_of={"kosten": "economy"}),
         "engine.error.missing_pillar"),
        (lambda: engine.pillar_scores(P, objectives=OBJ, pillar_of={
            "kosten": "economy", "banen": "economy", "x": "people"}),
         "engine.error.unknown_criterion"),
        (lambda: engine.value_matrix(P.assign(banen=1.0), objectives=OBJ),
         "engine.error.constant_column"),
    ],
)
def test_pillar_validation_errors(call, key):
    assert _err(call).key == key


def test_evaluate_validation_errors(example):
    assert _err(engine.evaluate, example, floors={"people": 1.5}).key == \
        "engine.error.invalid_floor"
    assert _err(engine.evaluate, example, floors={"natuur": 0.5}).key == \
        "engine.error.unknown_pillar"
    assert _err(engine.evaluate, example, method="electre").key == "engine.error.unknown_method"
    err = _err(engine.evaluate, example, pillar_weights={"ecology": 0, "economy": 0,
                                                         "people": 0})
    assert err.key == "engine.error.zero_pillar_weights"
    err = _err(engine.evaluate, example, criterion_weights={"ppl_health": 0, "ppl_liv": 0,
                                                            "ppl_support": 0, "ppl_equity": 0})
    assert err.key == "engine.error.zero_within_weights"
    assert err.message("nl") == ("Alle criteria van pijler Mens hebben gewicht 0. Geef minstens "
                                 "één criterium binnen deze pijler een gewicht.")


def test_every_engine_error_key_used_in_the_code_has_both_languages():
    # the checks live in the modules engine and robustness are built from (impact.methods,
    # impact.pillars, ...), so scan the whole domain
    sources = sorted((ROOT / "src" / "impact").rglob("*.py"))
    keys = set()
    for path in sources:
        keys |= set(re.findall(r'"(engine\.error\.[a-z_]+)"', path.read_text()))
    assert len(keys) >= 30
    texts = catalogue()
    for key in keys:
        nl, en = texts[key]
        assert nl and en and nl != en
