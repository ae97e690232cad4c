"""AppTest: the weights, results and sensitivity pages on the seeded example."""

from __future__ import annotations

import base64
import json
from dataclasses import replace
from pathlib import Path

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st
from streamlit.testing.v1 import AppTest

from impact import engine, robustness
from impact.io import read_assessment
from impact.model import PILLARS, Pillar
from impact.store import get_store
from impact.weighting import rebalance, to_points, whole_points
from tests.conftest import EXAMPLE_DIR, ROOT
from tests.helpers import EDITOR

EXAMPLE = read_assessment(EXAMPLE_DIR)


def start(page: str) -> AppTest:
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=30)
    at.run()
    at.switch_page(page)
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def frame_by_column(at: AppTest, column: str):
    """The first dataframe element that has this column."""
    for element in at.dataframe:
        if column in element.value.columns:
            return element.value
    raise AssertionError(f"no dataframe with column {column!r}")


def name_field(at: AppTest):
    return next(t for t in at.text_input if t.label == "Naam van het perspectief")


def chart_specs(at: AppTest) -> list[dict]:
    return [json.loads(el.proto.spec) for el in at.get("plotly_chart")]


def expected_order(weights: dict[str, float], **kwargs) -> list[str]:
    table = engine.evaluate(EXAMPLE, pillar_weights=weights, **kwargs).table
    return list(table.sort_values(["rank", "score"], ascending=[True, False],
                                  kind="stable").index)


def sliders(at: AppTest, labels=("Ecologie", "Economie", "Mens")):
    return [s for s in at.slider if s.label in labels][:3]


# -- pure helpers behind the sliders ---------------------------------------------------------

@given(
    a=st.floats(0, 100), b=st.floats(0, 100), c=st.floats(0, 100),
    pillar=st.sampled_from(PILLARS), value=st.integers(0, 100),
)
def test_rebalance_always_adds_up_to_100(a, b, c, pillar, value) -> None:
    before = {Pillar.ECOLOGY: a, Pillar.ECONOMY: b, Pillar.PEOPLE: c}
    after = rebalance(before, pillar, value)
    assert sum(after.values()) == 100
    assert after[pillar] == value
    assert all(isinstance(v, int) and v >= 0 for v in after.values())
    others = [p for p in PILLARS if p != pillar]
    points = to_points(before)
    if points[others[0]] > points[others[1]] + 2:  # the ratio of the others is kept
        assert after[others[0]] >= after[others[1]]
    assert sum(whole_points(before).values()) == 100


def test_rebalance_keeps_the_ratio_of_the_other_two() -> None:
    after = rebalance({Pillar.ECOLOGY: 40, Pillar.ECONOMY: 30, Pillar.PEOPLE: 30},
                      Pillar.ECOLOGY, 60)
    assert after == {Pillar.ECOLOGY: 60, Pillar.ECONOMY: 20, Pillar.PEOPLE: 20}
    after = rebalance({Pillar.ECOLOGY: 100, Pillar.ECONOMY: 0, Pillar.PEOPLE: 0},
                      Pillar.ECOLOGY, 50)
    assert after == {Pillar.ECOLOGY: 50, Pillar.ECONOMY: 25, Pillar.PEOPLE: 25}
    assert whole_points({Pillar.ECOLOGY: 1, Pillar.ECONOMY: 1, Pillar.PEOPLE: 1}) == {
        Pillar.ECOLOGY: 34, Pillar.ECONOMY: 33, Pillar.PEOPLE: 33}


# -- results page ------------------------------------------------------------------------------

def test_results_page_renders_the_engines_ranking(db_env: Path | str) -> None:
    at = start("views/results.py")
    assert at.title[0].value == "Resultaten"
    table = frame_by_column(at, "Maatregel")
    assert list(table["Code"]) == expected_order({"ecology": 1, "economy": 1, "people": 1})
    assert list(table["Rang"]) == sorted(table["Rang"])
    views = robustness.perspectives(EXAMPLE)
    assert set(table.loc[table["Geen spijt"], "Code"]) == set(views.no_regret)
    specs = chart_specs(at)
    titles = [s["layout"]["title"]["text"] for s in specs]
    assert titles[:3] == ["Rangorde van de maatregelen",
                          "Balans: uit welke pijler komt de score?",
                          "Afruil tussen ecologie en economie"]
    assert any("Profiel" in title for title in titles) and any("criterium" in t for t in titles)
    assert [s.value for s in sliders(at)] == [34, 33, 33]  # 100 points


def test_moving_a_pillar_weight_changes_the_ranking_shown(db_path: Path) -> None:
    at = start("views/results.py")
    before = list(frame_by_column(at, "Maatregel")["Code"])
    sliders(at)[0].set_value(90).run()
    assert not at.exception
    assert [s.value for s in sliders(at)] == [90, 5, 5]  # the others follow, total 100
    after = list(frame_by_column(at, "Maatregel")["Code"])
    assert after != before
    assert after == expected_order({"ecology": 90, "economy": 5, "people": 5})
    ranking = chart_specs(at)[0]
    assert ranking["data"][0]["y"] == after  # the chart follows too
    assert "Ecologie 90" in ranking["layout"]["title"]["subtitle"]["text"]
    # the weights are the session's: the weights page shows the same
    at.switch_page("views/weights.py").run()
    assert [s.value for s in sliders(at)] == [90, 5, 5]


def test_language_switch_changes_the_text(db_path: Path) -> None:
    at = start("views/results.py")
    at.segmented_control(key="lang_switch").set_value("en").run()
    assert not at.exception
    assert at.title[0].value == "Results"
    assert [s.label for s in at.slider][:3] == ["Ecology", "Economy", "People"]
    table = frame_by_column(at, "Measure")
    top = EXAMPLE.measure(table["Code"].iloc[0])
    assert table["Measure"].iloc[0] == top.label_en
    assert chart_specs(at)[0]["layout"]["title"]["text"] == "Ranking of the measures"


def test_user_text_is_shown_literally(db_path: Path) -> None:
    store = get_store(db_path)
    (info,) = store.list_assessments()
    measures = list(EXAMPLE.measures)
    measures[0] = replace(measures[0], label_nl="**vet** <b>x</b>")  # M01, the best one
    store.replace_measures(info.id, measures, by=EDITOR)
    at = start("views/sensitivity.py")
    # st.markdown text: Markdown and HTML escaped, so they show as typed
    summary = [m.value for m in at.markdown if "trekkingen" in m.value]
    assert summary and "\\*\\*vet\\*\\* \\<b\\>x\\</b\\>" in summary[0]
    at.switch_page("views/results.py").run()
    table = frame_by_column(at, "Maatregel")
    assert table.loc[table["Code"] == "M01", "Maatregel"].item() == "**vet** <b>x</b>"
    ranking = chart_specs(at)[0]
    ticks = ranking["layout"]["yaxis"]["ticktext"]
    assert "**vet** &lt;b&gt;x&lt;/b&gt;" in ticks
    assert not any("<b>x" in tick for tick in ticks)
    # criterion names label widgets, whose labels render Markdown: escaped too
    criteria = list(EXAMPLE.criteria)
    criteria[0] = replace(criteria[0], label_nl="**eco** <i>n</i>")
    store.replace_criteria(info.id, criteria, by=EDITOR)
    at.switch_page("views/weights.py").run()
    labels = [n.label for n in at.number_input]
    assert "\\*\\*eco\\*\\* \\<i\\>n\\</i\\>" in labels


# -- weights page ---------------------------------------------------------------------------------

def test_weights_page_changes_ranking_method_and_floors(db_path: Path) -> None:
    at = start("views/weights.py")
    assert at.title[0].value == "Gewichten & perspectieven"
    ranking = frame_by_column(at, "Rang")
    before = list(ranking["Maatregel"])
    sliders(at)[2].set_value(70).run()  # people
    assert [s.value for s in sliders(at)] == [15, 15, 70]
    after = frame_by_column(at, "Rang")
    names = {m.label_nl: m.id for m in EXAMPLE.measures}
    assert list(after["Maatregel"]) != before
    assert [names[n] for n in after["Maatregel"]] == expected_order(
        {"ecology": 15, "economy": 15, "people": 70})
    # method
    method = next(s for s in at.selectbox if s.label == "Methode")
    method.set_value("topsis").run()
    assert [names[n] for n in frame_by_column(at, "Rang")["Maatregel"]] == expected_order(
        {"ecology": 15, "economy": 15, "people": 70}, method="topsis")
    # a floor on ecology puts the measures below it last
    floor = [s for s in at.slider if s.label == "Ecologie"][1]
    floor.set_value(0.4).run()
    order = [names[n] for n in frame_by_column(at, "Rang")["Maatregel"]]
    assert order == expected_order({"ecology": 15, "economy": 15, "people": 70},
                                   method="topsis", floors={"ecology": 0.4})


def test_profile_create_select_edit_and_delete(db_env: Path | str) -> None:
    at = start("views/weights.py")
    aid = get_store(db_env).list_assessments()[0].id
    sliders(at)[0].set_value(50).run()
    assert [s.value for s in sliders(at)] == [50, 25, 25]
    name_field(at).set_value("Gemeente <b>Ede</b>").run()
    next(b for b in at.button if b.label == "Huidige gewichten opslaan").click().run()
    assert not at.exception
    saved = get_store(db_env).load(aid).profile("Gemeente <b>Ede</b>")
    assert to_points(saved.pillar_weights) == {Pillar.ECOLOGY: 50, Pillar.ECONOMY: 25,
                                               Pillar.PEOPLE: 25}
    picker = next(s for s in at.selectbox if s.label == "Perspectief")
    assert "Gemeente <b>Ede</b>" in picker.options
    assert picker.value == "Gemeente <b>Ede</b>"
    overview = frame_by_column(at, "Perspectief")
    assert "Gemeente <b>Ede</b>" in list(overview["Perspectief"])
    # pick another profile: its weights become the session's
    picker.set_value("Natuurorganisaties").run()
    assert [s.value for s in sliders(at)] == [60, 15, 25]
    # edit: pick ours, move a weight, save under the same name
    next(s for s in at.selectbox if s.label == "Perspectief").set_value(
        "Gemeente <b>Ede</b>").run()
    assert [s.value for s in sliders(at)] == [50, 25, 25]
    sliders(at)[1].set_value(45).run()
    name_field(at).set_value("Gemeente <b>Ede</b>").run()
    next(b for b in at.button if b.label == "Huidige gewichten opslaan").click().run()
    edited = get_store(db_env).load(aid).profile("Gemeente <b>Ede</b>")
    assert whole_points(edited.pillar_weights)[Pillar.ECONOMY] == 45
    # delete it (needs the confirmation)
    delete = next(b for b in at.button if b.label == "Perspectief verwijderen")
    assert delete.disabled
    next(c for c in at.checkbox if c.label == "Ja, verwijder dit perspectief").check().run()
    next(b for b in at.button if b.label == "Perspectief verwijderen").click().run()
    assert not at.exception
    names = [p.name for p in get_store(db_env).load(aid).profiles]
    assert "Gemeente <b>Ede</b>" not in names and len(names) == 4
    picker = next(s for s in at.selectbox if s.label == "Perspectief")
    assert "Gemeente <b>Ede</b>" not in picker.options


# -- sensitivity page --------------------------------------------------------------------------

def test_sensitivity_page_smaa_whatif_and_perspectives(db_path: Path) -> None:
    at = start("views/sensitivity.py")
    assert at.title[0].value == "Gevoeligheid"
    titles = [s["layout"]["title"]["text"] for s in chart_specs(at)]
    assert titles[0].startswith("Hoe zeker is de rangorde")
    assert "Rangorde per perspectief" in titles and any("Kendall" in t for t in titles)
    acc = chart_specs(at)[0]
    # ranks 1, 2, 3 and "4 or lower"
    assert [tr["name"] for tr in acc["data"]] == ["Plaats 1", "Plaats 2", "Plaats 3",
                                                  "Plaats 4 of lager"]
    views = robustness.perspectives(EXAMPLE)
    regret_free = frame_by_column(at, "Rang bij Provincie")
    assert list(regret_free["Code"]) == views.no_regret
    stability = frame_by_column(at, "Zelfde volgorde bij")
    assert list(stability["Pijler"]) == ["Ecologie", "Economie", "Mens"]
    # what-if, untouched: the current weights exactly (not rounded to 34/33/33)
    untouched = frame_by_column(at, "Rang bij wat-als")
    assert list(untouched["Rang bij wat-als"]) == list(untouched["Rang nu"])
    chart = next(c for c in chart_specs(at)
                 if c["layout"]["title"]["text"].startswith("Rangorde bij deze gewichten"))
    score_trace = next(tr for tr in chart["data"] if tr.get("name") == "Score")
    shown = np.frombuffer(base64.b64decode(score_trace["x"]["bdata"]), dtype="f8")
    equal = engine.evaluate(EXAMPLE).table["score"].sort_values(ascending=False)
    assert np.allclose(shown, equal.to_numpy())
    # what-if: ecology to 100 points ranks by the ecology pillar score alone
    whatif = next(s for s in at.slider if s.label.startswith("Gewicht van Ecologie"))
    whatif.set_value(100).run()
    assert not at.exception
    moves = frame_by_column(at, "Rang bij wat-als")
    names = {m.label_nl: m.id for m in EXAMPLE.measures}
    assert [names[n] for n in moves["Maatregel"]] == expected_order(
        {"ecology": 100, "economy": 0, "people": 0})
    # ... without touching the session's weights until applied
    assert "Ecologie 34" in at.caption[0].value
    next(b for b in at.button if b.label == "Deze gewichten overnemen").click().run()
    at.switch_page("views/results.py").run()
    assert [s.value for s in sliders(at)] == [100, 0, 0]


@pytest.mark.parametrize("page", ["views/weights.py", "views/sensitivity.py"])
def test_pages_speak_english(db_path: Path, page: str) -> None:
    at = start(page)
    at.segmented_control(key="lang_switch").set_value("en").run()
    assert not at.exception
    assert at.title[0].value in ("Weights & perspectives", "Sensitivity")
    assert [s.label for s in at.slider][:3] in (["Ecology", "Economy", "People"],
                                                ["Uncertainty per pillar weight (± points)",
                                                 "Weight of Ecology (points)",
                                                 "No-regret = among the best … in every "
                                                 "perspective"])


def test_the_sensitivity_page_applies_the_floors_set_on_the_weights_page(db_path: Path) -> None:
    """An ecology floor of 0.35 (M10, M11, M05 and M06 are below it) counts in SMAA and
    in the perspectives too, as in the ranking."""
    at = start("views/weights.py")
    [s for s in at.slider if s.label == "Ecologie"][1].set_value(0.35).run()
    at.switch_page("views/sensitivity.py").run()
    assert not at.exception
    acc = chart_specs(at)[0]
    first = next(tr for tr in acc["data"] if tr["name"] == "Plaats 1")
    shares = dict(zip(first["y"], np.frombuffer(base64.b64decode(first["x"]["bdata"]),
                                                dtype=first["x"]["dtype"]), strict=True))
    below = ["M10", "M11", "M05", "M06"]
    assert all(shares[m] == 0 for m in below) and list(shares)[-4:] == below  # last
    assert sum(shares.values()) == pytest.approx(100.0)  # per cent
    expected = robustness.perspectives(EXAMPLE, floors={"ecology": 0.35})
    shown = frame_by_column(at, "Rang bij Provincie")
    assert list(shown["Code"]) == expected.no_regret
    assert (expected.ranks.loc[below] > len(EXAMPLE.measures) - len(below)).all().all()
