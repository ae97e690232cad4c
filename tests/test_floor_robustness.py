"""A measure below a pillar floor ranks after the others in the robustness analysis too,
as in the engine's ranking: SMAA, the weight-stability intervals and the perspectives.

On the example with an ecology floor of 0.35 (M10, M11, M05 and M06 are below it; M10
wins a third of the SMAA samples without the floor), each against the engine's own
ranking with that floor under the very same weights.
"""

from __future__ import annotations

import numpy as np
import pytest

from impact import engine, robustness
from impact.io import read_assessment
from impact.store import EXAMPLE_DIR
from impact.weighting import Weighting
from tests.test_knockout_robustness import PILLAR_ORDER, admissible_ranks, recorded_smaa

FLOORS = {"ecology": 0.35}
SAMPLES = 300


@pytest.fixture(scope="module")
def example():
    a = read_assessment(EXAMPLE_DIR)
    below = set(engine.evaluate(a, Weighting(floors=FLOORS)).table.query(
        "floor_violation").index)
    assert below == {"M10", "M11", "M05", "M06"}
    return a, below


def engine_ranks(a, pillar_weights, method: str = "wsm"):
    """The engine's ranks with the floor under these pillar weights."""
    return admissible_ranks(a, pillar_weights, method, floors=FLOORS)


@pytest.mark.parametrize("weighting", [
    Weighting(floors=FLOORS),  # pillar weights uniform on the simplex
    Weighting(pillar_weights={"ecology": 20, "economy": 40, "people": 40}, floors=FLOORS),
    Weighting(method="topsis", floors=FLOORS),
], ids=["uniform", "around", "topsis"])
def test_smaa_ranks_measures_below_a_floor_last_in_every_sample(monkeypatch, example,
                                                                 weighting):
    a, below = example
    result, drawn = recorded_smaa(monkeypatch, a, weighting)
    ids = [m.id for m in a.measures]
    expected = np.zeros((len(ids), len(ids)))
    for row in drawn:
        ranks = engine_ranks(a, row, weighting.method)
        expected[np.arange(len(ids)), ranks.loc[ids].to_numpy() - 1] += 1
    np.testing.assert_allclose(result.acceptability.loc[ids].to_numpy(), expected / SAMPLES,
                               atol=1e-12)
    n_ok = len(ids) - len(below)
    assert (result.acceptability.loc[sorted(below), 1:n_ok].to_numpy() == 0).all()
    # without the floor M10 wins samples: the test tells the difference
    free = robustness.smaa_assessment(a, Weighting(method=weighting.method),
                                      samples=SAMPLES, seed=5, sample_scores=False)
    assert free.first["M10"] > 0.05


def test_weight_stability_never_makes_a_measure_below_a_floor_top(example):
    a, below = example
    table = robustness.weight_stability(a, Weighting(floors=FLOORS))
    for pillar, row in table.iterrows():
        assert not set(row["top"].split(",")) & below
        q = PILLAR_ORDER.index(pillar)
        for t in np.linspace(0, 1, 41):
            weights = np.full(3, (1 - t) / 2)
            weights[q] = t
            ranks = engine_ranks(a, weights)
            top = ",".join(ranks.index[ranks == 1])
            if row["top_low"] + 1e-6 < t < row["top_high"] - 1e-6:
                assert top == row["top"], (pillar, t)
            if t < row["top_low"] - 1e-6 or t > row["top_high"] + 1e-6:
                assert top != row["top"], (pillar, t)
    # without the floor M10 takes over at a lower ecology weight
    free = robustness.weight_stability(a)
    assert free.loc["ecology", "top_low"] > table.loc["ecology", "top_low"] + 0.05


def test_perspectives_and_no_regret_apply_the_floors_under_every_profile(example):
    a, below = example
    result = robustness.perspectives(a, k=5, floors=FLOORS)
    for profile in a.profiles:
        expected = engine.evaluate(a, Weighting.from_profile(profile).with_floor(
            "ecology", FLOORS["ecology"])).table["rank"]
        assert result.ranks[profile.name].to_dict() == expected.to_dict()
    n_ok = len(a.measures) - len(below)
    assert (result.ranks.loc[sorted(below)] > n_ok).all().all()
    assert result.no_regret == [m for m in result.ranks.index
                                if (result.ranks.loc[m] <= 5).all()]
    assert not set(result.no_regret) & below
    # without the floor M10 is in the top three of a profile
    assert robustness.perspectives(a, k=5).ranks.loc["M10"].min() <= 3


def test_the_reports_top_three_applies_the_floors(monkeypatch, example):
    from impact.export.summary import top_set_share
    from tests.test_knockout_robustness import recorded_pillar_draws

    a, below = example
    weighting = Weighting(pillar_weights={"ecology": 30, "economy": 40, "people": 30},
                          floors=FLOORS)
    evaluation = engine.evaluate(a, weighting)
    chosen = set(evaluation.table.query("rank <= 3").index)
    assert not chosen & below
    drawn = recorded_pillar_draws(monkeypatch)
    share = top_set_share(a, evaluation, weighting, samples=200, seed=3)
    same = 0
    for row in np.vstack(drawn):
        ranks = engine_ranks(a, row)
        same += set(ranks.index[ranks <= 3]) == chosen
    assert share == pytest.approx(same / 200)
    # without the floor M10 enters the top three in some of the same weightings
    free = Weighting(pillar_weights=dict(weighting.pillar_weights))
    assert top_set_share(a, engine.evaluate(a, free), free, samples=200, seed=3) < share
