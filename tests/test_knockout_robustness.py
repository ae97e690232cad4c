"""A knocked-out measure is never first in the robustness analysis either: SMAA, the
weight-stability intervals, the no-regret set and the report's "same top three".

On the example with a knock-out on nitrogen deposition (six of eleven measures fail),
each against an independent reference: the engine's ranking of the admissible measures
only (an assessment without the knocked-out ones) under the very same weights.
"""

from __future__ import annotations

from dataclasses import replace

import numpy as np
import pytest

from impact import engine, robustness
from impact.export.summary import top_set_share
from impact.knockouts import knockouts, ranked_last, sorted_last
from impact.methods.ranks import competition_rank
from impact.model import PILLARS
from impact.weighting import Weighting
from tests.helpers import without_measures
from tests.test_portfolio import example_with_costs

SAMPLES = 300
PILLAR_ORDER = [str(p) for p in PILLARS]


@pytest.fixture(scope="module")
def knocked():
    a = example_with_costs()
    failing = set(knockouts(a))
    assert 0 < len(failing) < len(a.measures)
    admissible = without_measures(a, failing)
    return a, failing, admissible


def admissible_ranks(admissible, pillar_weights, method: str = "wsm", **kw):
    """The engine's rank of the admissible measures under these pillar weights."""
    weighting = Weighting(pillar_weights=dict(zip(PILLAR_ORDER, pillar_weights, strict=True)),
                          method=method, **kw)
    return engine.evaluate(admissible, weighting).table["rank"]


def recorded_pillar_draws(monkeypatch) -> list[np.ndarray]:
    """The pillar weights the robustness sampler draws from now on (wrapped to keep them)."""
    drawn: list[np.ndarray] = []
    original = robustness.pillar_sampler

    def recording(*args):
        sampler = original(*args)

        def draw(rng, k):
            rows = sampler(rng, k)
            drawn.append(rows.copy())
            return rows
        return draw

    monkeypatch.setattr(robustness, "pillar_sampler", recording)
    return drawn


def recorded_smaa(monkeypatch, a, weighting, samples=SAMPLES, seed=5):
    """SMAA on `a`, and the pillar weights it drew."""
    drawn = recorded_pillar_draws(monkeypatch)
    result = robustness.smaa_assessment(a, weighting, samples=samples, seed=seed,
                                        sample_scores=False)
    return result, np.vstack(drawn)


@pytest.mark.parametrize("weighting", [
    Weighting(),  # pillar weights uniform on the simplex
    Weighting(pillar_weights={"ecology": 20, "economy": 50, "people": 30}),  # around these
    Weighting(method="spotis"),
], ids=["uniform", "around", "spotis"])
def test_smaa_never_puts_a_knocked_out_measure_first(monkeypatch, knocked, weighting):
    a, failing, admissible = knocked
    result, drawn = recorded_smaa(monkeypatch, a, weighting)
    assert drawn.shape == (SAMPLES, 3)
    n_ok = len(admissible.measures)
    acc = result.acceptability
    # knocked-out: only the places after every admissible measure
    assert (acc.loc[sorted(failing), 1:n_ok].to_numpy() == 0).all()
    np.testing.assert_allclose(acc.loc[sorted(failing)].sum(axis=1), 1.0)
    assert result.central_weights.loc[sorted(failing)].isna().all().all()
    # admissible: exactly the engine's ranking of the admissible ones alone, per sample
    ok = [m.id for m in admissible.measures]
    expected = np.zeros((n_ok, n_ok))
    for row in drawn:
        ranks = admissible_ranks(admissible, row, weighting.method)
        expected[np.arange(n_ok), ranks.loc[ok].to_numpy() - 1] += 1
    np.testing.assert_allclose(acc.loc[ok, 1:n_ok].to_numpy(), expected / SAMPLES, atol=1e-12)
    assert acc.loc[ok, n_ok + 1:].to_numpy().sum() == 0
    # without the knock-out one of them did win samples: the test tells the difference
    free = replace(a, criteria=[replace(c, knockout=None) for c in a.criteria])
    before = robustness.smaa_assessment(free, weighting, samples=SAMPLES, seed=5,
                                        sample_scores=False)
    assert before.first.loc[sorted(failing)].max() > 0.05


@pytest.mark.parametrize("method", ["topsis", "vikor", "promethee"])
def test_smaa_with_other_methods_ranks_like_the_engine_sample_by_sample(monkeypatch, knocked,
                                                                        method):
    """Methods that compare the measures with each other score them among all of them,
    as the engine does, and then put the knocked-out ones last: the engine's `rank`."""
    a, failing, _ = knocked
    result, drawn = recorded_smaa(monkeypatch, a, Weighting(method=method), samples=120)
    ids = [m.id for m in a.measures]
    expected = np.zeros((len(ids), len(ids)))
    for row in drawn:
        ranks = admissible_ranks(a, row, method)
        expected[np.arange(len(ids)), ranks.loc[ids].to_numpy() - 1] += 1
    np.testing.assert_allclose(result.acceptability.loc[ids].to_numpy(), expected / 120,
                               atol=1e-12)
    assert (result.first.loc[sorted(failing)] == 0).all()


def test_smaa_on_a_table_takes_knocked_out_measures_too(knocked):
    a, failing, _ = knocked
    perf, obj, scale = a.performance(), a.objectives(), a.scale()
    result = robustness.smaa(perf, objectives=obj, scale=scale, samples=400,
                             knocked_out=failing)
    assert (result.first.loc[sorted(failing)] == 0).all()
    assert result.first.sum() == pytest.approx(1.0)
    assert robustness.smaa(perf, objectives=obj, scale=scale, samples=400).first.loc[
        sorted(failing)].max() > 0


def test_sorted_last_equals_ranked_last_with_ties():
    """SMAA's sorted ranks with knock-outs give the engine's rule (ties kept)."""
    rng = np.random.default_rng(1)
    scores = rng.integers(0, 4, (500, 9)).astype(float)  # many ties
    knocked = np.array([0, 1, 0, 0, 1, 1, 0, 0, 1], dtype=bool)
    order, ranks = sorted_last(scores, True, knocked)
    got = np.empty_like(order)
    np.put_along_axis(got, order, ranks, axis=-1)
    np.testing.assert_array_equal(got, ranked_last(competition_rank(scores), knocked))
    # knocked-out measures take exactly the last four places, admissible ones the first
    assert knocked[order[:, :5]].sum() == 0 and knocked[order[:, 5:]].all()
    for s, r in zip(scores[:20], got[:20], strict=True):  # a row by hand
        ok, out = ~knocked, knocked
        np.testing.assert_array_equal(r[ok], competition_rank(s[ok]))
        np.testing.assert_array_equal(r[out], 5 + competition_rank(s[out]))


def test_weight_stability_never_makes_a_knocked_out_measure_top(knocked):
    """The top interval of each pillar is the run of weights where the admissible
    measures' engine ranking keeps the same winner (checked on a grid)."""
    a, failing, admissible = knocked
    table = robustness.weight_stability(a)
    grid = np.linspace(0, 1, 41)
    for pillar, row in table.iterrows():
        assert not set(row["top"].split(",")) & failing
        q = PILLAR_ORDER.index(pillar)
        for t in grid:
            weights = np.full(3, (1 - t) / 2)
            weights[q] = t
            ranks = admissible_ranks(admissible, weights)
            top = ",".join(ranks.index[ranks == 1])
            inside = row["top_low"] + 1e-6 < t < row["top_high"] - 1e-6
            outside = t < row["top_low"] - 1e-6 or t > row["top_high"] + 1e-6
            assert (top == row["top"]) if inside else True, (pillar, t)
            assert (top != row["top"]) if outside else True, (pillar, t)
    # the example's knock-out does change the intervals (M10 would win with more people)
    free = replace(a, criteria=[replace(c, knockout=None) for c in a.criteria])
    assert robustness.weight_stability(free).loc["people", "top_high"] < 0.99
    assert table.loc["people", "top_high"] > 0.999


def test_no_regret_and_perspective_ranks_skip_knocked_out_measures(knocked):
    a, failing, admissible = knocked
    for k in (1, 3, 5):
        result = robustness.perspectives(a, k=k)
        n_ok = len(admissible.measures)
        assert (result.ranks.loc[sorted(failing)] > n_ok).all().all()
        expected = []
        for m in admissible.measures:
            if all(engine.evaluate(admissible, Weighting.from_profile(p)).table.loc[m.id, "rank"]
                   <= k for p in a.profiles):
                expected.append(m.id)
        assert result.no_regret == expected and not set(result.no_regret) & failing
    # at k = 5 a knocked-out measure would be no-regret without the rule
    free = replace(a, criteria=[replace(c, knockout=None) for c in a.criteria])
    assert set(robustness.perspectives(free, k=5).no_regret) & failing


@pytest.mark.parametrize("method", ["wsm", "vikor"])
def test_the_reports_top_three_counts_admissible_measures_only(monkeypatch, knocked, method):
    """top_set_share against its reference: the engine's ranking of the admissible
    measures under each weighting drawn, with the weighting's method and VIKOR's v."""
    a, failing, admissible = knocked
    weighting = Weighting(pillar_weights={"ecology": 40, "economy": 30, "people": 30},
                          method=method, vikor_v=0.8)
    evaluation = engine.evaluate(a, weighting)
    drawn = recorded_pillar_draws(monkeypatch)
    share = top_set_share(a, evaluation, weighting, samples=200, seed=2)
    rows = np.vstack(drawn)
    assert rows.shape == (200, 3)
    # drawn as SMAA draws: every sample within 15 points of the weights, summing to 1
    assert (np.abs(rows - np.array([0.4, 0.3, 0.3])) <= 0.15 + 1e-12).all()
    np.testing.assert_allclose(rows.sum(axis=1), 1.0)
    reference = admissible if method == "wsm" else a  # vikor scores among all measures
    chosen = set(evaluation.table.query("rank <= 3").index)
    assert not chosen & failing
    same = 0
    for row in rows:
        ranks = admissible_ranks(reference, row, method, vikor_v=0.8)
        same += set(ranks.index[ranks <= 3]) == chosen
    assert share == pytest.approx(same / 200)
    assert 0 < share < 1
