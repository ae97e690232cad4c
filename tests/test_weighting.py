"""The Weighting value object: equality and hashing, profiles, the sliders' rebalancing,
the one whole-point rounding, and the same results through a Weighting as through the
older separate keywords."""

from __future__ import annotations

import io
import re
from dataclasses import FrozenInstanceError, replace
from datetime import datetime

import openpyxl
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from impact import charts, engine, export, robustness
from impact.io import read_assessment
from impact.model import PILLARS, Pillar, WeightProfile
from impact.weighting import (
    TOTAL_POINTS,
    Weighting,
    rebalance,
    resolve_weighting,
    to_points,
    whole_points,
)
from tests.conftest import EXAMPLE_DIR

EXAMPLE = read_assessment(EXAMPLE_DIR)
WEIGHTS = st.floats(0, 100, allow_nan=False)


# -- a value: equal settings are equal, hashable, frozen ---------------------------------------

def test_equal_settings_are_one_hashable_value() -> None:
    a = Weighting(pillar_weights={Pillar.ECOLOGY: 40, "economy": 30, "People": 30},
                  criterion_weights={"eco_n": 2, "eco_bio": 1}, floors={"people": 0.3},
                  method="topsis", profile="Provincie")
    b = Weighting(pillar_weights=(("people", 30), ("economy", 30), ("ecology", 40)),
                  criterion_weights={"eco_bio": 1.0, "eco_n": 2.0},
                  floors={Pillar.PEOPLE: 0.3}, method="topsis", profile="Provincie")
    assert a == b and hash(a) == hash(b)
    assert a.pillar_weights == (("ecology", 40), ("economy", 30), ("people", 30))
    assert a.criterion_weights == (("eco_bio", 1), ("eco_n", 2))
    assert {a: "cached"}[b] == "cached"  # usable as a cache key
    assert a != replace(a, method="wsm") and a != replace(a, floors={})
    assert replace(a, floors={"Ecology": 0.2}).floors == (("ecology", 0.2),)
    with pytest.raises(FrozenInstanceError):
        a.method = "wsm"  # type: ignore[misc]
    assert hash(Weighting()) == hash(Weighting(pillar_weights=None, floors={}))
    assert Weighting().pillar_weights is None  # not chosen ...
    assert Weighting(pillar_weights={}).pillar_weights == ()  # ... is not "chosen empty"


def test_from_profile_and_the_apps_starting_point() -> None:
    prof = WeightProfile("Boeren", {Pillar.ECOLOGY: 1, Pillar.ECONOMY: 3, Pillar.PEOPLE: 1},
                         {"eco_n": 2})
    w = Weighting.from_profile(prof, "vikor")
    assert w.pillar_mapping() == {"ecology": 1, "economy": 3, "people": 1}
    assert dict(w.criterion_weights) == {"eco_n": 2.0}
    assert (w.method, w.profile, w.floors) == ("vikor", "Boeren", ())
    assert w.whole_points() == {Pillar.ECOLOGY: 20, Pillar.ECONOMY: 60, Pillar.PEOPLE: 20}
    start = Weighting.equal()
    assert start.pillar_mapping() == {str(p): TOTAL_POINTS / 3 for p in PILLARS}
    assert start.whole_points() == {Pillar.ECOLOGY: 34, Pillar.ECONOMY: 33, Pillar.PEOPLE: 33}
    within = Weighting.from_profile(EXAMPLE.profiles[0]).within(EXAMPLE)
    assert list(within) == [c.id for c in EXAMPLE.criteria]


def test_the_older_keywords_describe_a_weighting() -> None:
    prof = WeightProfile("P", {Pillar.ECOLOGY: 2, Pillar.ECONOMY: 1, Pillar.PEOPLE: 1},
                         {"eco_n": 3, "gone": 5})
    w = resolve_weighting(EXAMPLE, profile=prof, criterion_weights={"eco_bio": 0.5})
    assert w.pillar_mapping() == {"ecology": 2, "economy": 1, "people": 1}
    # the profile's weights for criteria the assessment has, then the explicit ones
    assert dict(w.criterion_weights) == {"eco_n": 3.0, "eco_bio": 0.5}
    assert (w.profile, w.method) == ("P", "wsm")
    explicit = resolve_weighting(EXAMPLE, pillar_weights={"economy": 1}, profile=prof)
    assert explicit.pillar_mapping() == {"economy": 1}  # explicit pillar weights win
    assert resolve_weighting(EXAMPLE) == Weighting()
    assert resolve_weighting(EXAMPLE, w) is w
    with pytest.raises(TypeError, match="not both"):
        resolve_weighting(EXAMPLE, w, method="topsis")
    with pytest.raises(TypeError, match="not both"):
        engine.evaluate(EXAMPLE, w, floors={"people": 0.2})


def test_the_weights_pages_changes() -> None:
    prof = WeightProfile("Boeren", {Pillar.ECOLOGY: 1, Pillar.ECONOMY: 3, Pillar.PEOPLE: 0},
                         {"eco_n": 2})
    mine = Weighting.equal("topsis").with_floor("people", 0.3).with_criterion_weight("eco_bio", 2)
    assert dict(mine.floors) == {"people": 0.3} and dict(mine.criterion_weights) == {
        "eco_bio": 2.0}
    picked = mine.with_profile(prof)  # as the profile picker: points, and keeps method, floors
    assert picked.pillar_mapping() == {"ecology": 25.0, "economy": 75.0, "people": 0.0}
    assert dict(picked.criterion_weights) == {"eco_n": 2.0}
    assert (picked.profile, picked.method, picked.floors) == ("Boeren", "topsis", mine.floors)
    edited = picked.with_criterion_weight("eco_n", 4)
    assert dict(edited.criterion_weights) == {"eco_n": 4.0} and edited.profile is None
    assert picked.with_floor(Pillar.PEOPLE, 0).floors == ()
    assert picked.with_floor("Ecology", 0.2).floors == (("ecology", 0.2), ("people", 0.3))


# -- the sliders: rebalancing and whole points --------------------------------------------------

@settings(max_examples=200, deadline=None)
@given(a=WEIGHTS, b=WEIGHTS, c=WEIGHTS, pillar=st.sampled_from(PILLARS),
       value=st.floats(-10, 110, allow_nan=False))
def test_rebalance_sets_one_pillar_and_keeps_the_others_ratio(a, b, c, pillar, value) -> None:
    before = {Pillar.ECOLOGY: a, Pillar.ECONOMY: b, Pillar.PEOPLE: c}
    after = rebalance(before, pillar, value)
    assert sum(after.values()) == TOTAL_POINTS
    assert after[pillar] == round(min(max(value, 0), 100))
    others = [p for p in PILLARS if p != pillar]
    points, rest = to_points(before), TOTAL_POINTS - after[pillar]
    for p in others:  # each other pillar within one whole point of its exact share
        share = (points[p] / sum(points[q] for q in others)
                 if sum(points[q] for q in others) > 0 else 0.5)
        assert abs(after[p] - rest * share) < 1 + 1e-9


@settings(max_examples=300, deadline=None)
@given(a=WEIGHTS, b=WEIGHTS, c=WEIGHTS)
def test_whole_points_are_the_largest_remainder_rounding(a, b, c) -> None:
    weights = {Pillar.ECOLOGY: a, Pillar.ECONOMY: b, Pillar.PEOPLE: c}
    exact = to_points(weights)
    points = Weighting(pillar_weights=weights).whole_points()
    assert sum(points.values()) == TOTAL_POINTS
    assert all(int(exact[p]) <= points[p] <= int(exact[p]) + 1 for p in PILLARS)
    up = [exact[p] - int(exact[p]) for p in PILLARS if points[p] > int(exact[p])]
    down = [exact[p] - int(exact[p]) for p in PILLARS if points[p] == int(exact[p])]
    assert not up or not down or min(up) >= max(down)


def test_equal_thirds_read_34_33_33_everywhere() -> None:
    thirds = {Pillar.ECOLOGY: 1, Pillar.ECONOMY: 1, Pillar.PEOPLE: 1}
    assert whole_points(thirds) == {Pillar.ECOLOGY: 34, Pillar.ECONOMY: 33, Pillar.PEOPLE: 33}
    assert Weighting().whole_points() == whole_points(thirds) == whole_points(None)
    # charts re-export the one rounding
    assert charts.whole_points is whole_points and charts.to_points is to_points
    assert charts.TOTAL_POINTS == TOTAL_POINTS
    shown = "Ecologie 34 · Economie 33 · Mens 33"
    assert shown in charts.weights_subtitle(Weighting.equal(), "nl")
    assert charts.weights_subtitle(Weighting.equal(), "nl") == f"{shown} · Gewogen som"
    fig = charts.build_chart("ranking", EXAMPLE, weighting=Weighting.equal())
    assert shown in fig.layout.title.subtitle.text
    # the report and the settings sheet of the ranking workbook
    page = export.report_html(EXAMPLE, lang="en", weighting=Weighting.equal(), smaa_samples=200)
    weights = page[page.index('<section id="weights">'):page.index('<section id="method">')]
    assert re.search(r"Ecology: 34%.*Economy: 33%.*People: 33%", weights, re.S)
    book = openpyxl.load_workbook(io.BytesIO(export.ranking_xlsx(EXAMPLE, lang="en")))
    rows = {r[0]: r[1] for r in book["Settings"].iter_rows(min_row=2, values_only=True)}
    assert [rows[f"Weight {p}"] for p in ("Ecology", "Economy", "People")] == [34, 33, 33]


# -- the same results through a Weighting as through the older keywords -----------------------

PROFILE = EXAMPLE.profile("Natuurorganisaties")
CASES = [
    ({}, Weighting()),
    ({"pillar_weights": {"ecology": 50, "economy": 25, "people": 25}, "method": "topsis"},
     Weighting(pillar_weights={"ecology": 50, "economy": 25, "people": 25}, method="topsis")),
    ({"profile": PROFILE}, Weighting.from_profile(PROFILE)),
    ({"pillar_weights": {Pillar.ECONOMY: 2, Pillar.PEOPLE: 1}, "floors": {"people": 0.45},
      "criterion_weights": {"eco_n": 3}, "method": "spotis"},
     Weighting(pillar_weights={"economy": 2, "people": 1}, floors={"people": 0.45},
               criterion_weights={"eco_n": 3}, method="spotis")),
]


@pytest.mark.parametrize(("keywords", "weighting"), CASES)
def test_engine_and_robustness_results_are_the_same(keywords, weighting) -> None:
    old = engine.evaluate(EXAMPLE, **keywords)
    new = engine.evaluate(EXAMPLE, weighting)
    pd.testing.assert_frame_equal(old.table, new.table)
    assert (old.weights, old.pillar_weights, old.within, old.floors, old.method) == (
        new.weights, new.pillar_weights, new.within, new.floors, new.method)
    assert old.weighting == new.weighting == weighting
    smaa_old = robustness.smaa_assessment(EXAMPLE, samples=500, **keywords)
    smaa_new = robustness.smaa_assessment(EXAMPLE, weighting, samples=500)
    pd.testing.assert_frame_equal(smaa_old.acceptability, smaa_new.acceptability)
    pd.testing.assert_frame_equal(robustness.weight_stability(EXAMPLE, **keywords),
                                  robustness.weight_stability(EXAMPLE, weighting))


@pytest.mark.parametrize(("keywords", "weighting"), CASES)
def test_chart_and_export_results_are_the_same(keywords, weighting) -> None:
    for name in ("ranking", "stability"):
        assert (charts.build_chart(name, EXAMPLE, lang="en", **keywords).to_json()
                == charts.build_chart(name, EXAMPLE, lang="en", weighting=weighting).to_json())
    assert (export.build_figure("balance", EXAMPLE, **keywords).to_json()
            == export.build_figure("balance", EXAMPLE, weighting=weighting).to_json())
    assert (export.ranking_csv(EXAMPLE, lang="en", **keywords)
            == export.ranking_csv(EXAMPLE, lang="en", weighting=weighting))
    now = datetime(2026, 3, 4, 9, 30)
    old = export.build_report_data(EXAMPLE, smaa_samples=300, now=now, **keywords)
    new = export.build_report_data(EXAMPLE, smaa_samples=300, now=now, weighting=weighting)
    pd.testing.assert_frame_equal(old.ranking, new.ranking)
    pd.testing.assert_frame_equal(old.acceptability, new.acceptability)
    assert {k: f.to_json() for k, f in old.figures.items()} == {
        k: f.to_json() for k, f in new.figures.items()}
    plain = ("fingerprint", "method", "pillar_weights", "profile", "floors",
             "criterion_weights", "smaa_around", "no_regret")
    assert [getattr(old, k) for k in plain] == [getattr(new, k) for k in plain]


def test_a_profile_by_name_in_the_older_keywords() -> None:
    by_name = export.evaluate(EXAMPLE, profile="Natuurorganisaties")
    assert by_name.weighting == Weighting.from_profile(PROFILE)
    with pytest.raises(export.ExportError, match="Bewoners"):
        export.evaluate(EXAMPLE, profile="Nobody", lang="en")
