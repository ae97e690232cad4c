"""Chart builders: the figures carry the engine's numbers, pillar colours, language, escaping."""

from __future__ import annotations

import json
from dataclasses import replace

import numpy as np
import pandas as pd
import plotly.graph_objects as go
import pytest

from impact import charts, engine, robustness
from impact.charts import PILLAR_COLOURS
from impact.i18n import t
from impact.io import read_assessment
from impact.model import PILLARS, Assessment, Measure, Pillar, WeightProfile
from tests.conftest import EXAMPLE_DIR

HTML_NAME = "<b>x</b>"
MARKDOWN_NAME = "**x**"


@pytest.fixture(scope="module")
def example() -> Assessment:
    return read_assessment(EXAMPLE_DIR)


@pytest.fixture(scope="module")
def tricky(example: Assessment) -> Assessment:
    """The example with a measure and a profile whose names are HTML or Markdown."""
    measures = list(example.measures)
    measures[0] = replace(measures[0], label_nl=HTML_NAME, label_en=HTML_NAME)
    measures[1] = replace(measures[1], label_nl=MARKDOWN_NAME, label_en=MARKDOWN_NAME)
    profiles = [*example.profiles,
                WeightProfile("<i>p</i>", {Pillar.ECOLOGY: 1, Pillar.ECONOMY: 1,
                                           Pillar.PEOPLE: 1})]
    return replace(example, measures=measures, profiles=profiles)


def strings(fig: go.Figure) -> list[str]:
    """Every string in a figure's JSON (text, ticks, hover, names, titles, annotations)."""
    found: list[str] = []

    def walk(node: object) -> None:
        if isinstance(node, str):
            found.append(node)
        elif isinstance(node, dict):
            for value in node.values():
                walk(value)
        elif isinstance(node, list | tuple):
            for value in node:
                walk(value)

    walk(json.loads(fig.to_json()))
    return found


def arr(values: object) -> np.ndarray:
    return np.asarray(values, dtype=float)


def ranked(table: pd.DataFrame) -> pd.DataFrame:
    return table.sort_values(["rank", "score"], ascending=[True, False], kind="stable")


# -- numbers --------------------------------------------------------------------------------

def test_ranking_bars_are_the_engines_contributions_best_first(example: Assessment) -> None:
    weights = {"ecology": 50, "economy": 20, "people": 30}
    ev = engine.evaluate(example, pillar_weights=weights)
    fig = charts.ranking_chart(ev.table, lang="nl")
    order = ranked(ev.table)
    bars = [trace for trace in fig.data if trace.type == "bar"]
    assert [b.name for b in bars] == ["Ecologie", "Economie", "Mens"]
    for bar, pillar in zip(bars, PILLARS, strict=True):
        assert list(bar.y) == list(order.index)
        np.testing.assert_allclose(arr(bar.x), order[f"contrib_{pillar.value}"].to_numpy())
    # stacked contributions add up to the score (wsm), and the score is written beside it
    total = sum(arr(b.x) for b in bars)
    np.testing.assert_allclose(total, order["score"].to_numpy())
    score = next(tr for tr in fig.data if tr.type == "scatter" and tr.mode == "text")
    np.testing.assert_allclose(arr(score.x), order["score"].to_numpy())
    # a no-break space keeps the number clear of its bar
    assert score.text[0] == "\u00a0" + charts.fmt(order["score"].iloc[0], "nl", 2)
    assert fig.layout.yaxis.autorange == "reversed"  # best on top


def test_ranking_marks_floor_violations_and_no_regret_measures(example: Assessment) -> None:
    ev = engine.evaluate(example, floors={"people": 0.45})
    below = set(ev.table.index[ev.table["people"] < 0.45])
    assert below, "the example should have measures below this floor"
    fig = charts.ranking_chart(ev.table, lang="en", no_regret=["M01", "M08"])
    violation = next(tr for tr in fig.data if tr.name == "Below a floor")
    assert set(violation.y) == below
    assert all("People" in row[1] for row in violation.customdata)
    star = next(tr for tr in fig.data if tr.name == "No-regret")
    assert list(star.y) == ["M01", "M08"]
    assert star.marker.symbol == "star"
    # violators are ranked after all others
    assert set(ranked(ev.table).index[-len(below):]) == below


def test_balance_shares_are_the_pillar_contribution_shares(example: Assessment) -> None:
    ev = engine.evaluate(example, pillar_weights={"ecology": 60, "economy": 15, "people": 25})
    fig = charts.balance_chart(ev.table, lang="nl")
    trace = fig.data[0]  # the measures; the others are legend entries without points
    assert all(tr.a == (None,) for tr in fig.data[1:])
    order = ranked(ev.table)
    ids = list(trace.ids)
    assert ids == list(order.index)
    for k, mid in enumerate(ids):
        row = ev.table.loc[mid]
        # wsm: the contributions add up to the score
        assert trace.a[k] == pytest.approx(row["contrib_ecology"] / row["score"])
        assert trace.b[k] == pytest.approx(row["contrib_economy"] / row["score"])
        assert trace.c[k] == pytest.approx(row["contrib_people"] / row["score"])
    axis = fig.layout.ternary
    assert axis.aaxis.title.text == "Ecologie"
    # the zoomed triangle still contains every point
    assert min(trace.a) >= axis.aaxis.min and min(trace.b) >= axis.baxis.min
    assert min(trace.c) >= axis.caxis.min


def test_tradeoff_scatter_neutral_lines_quadrants_and_pareto(example: Assessment) -> None:
    ev = engine.evaluate(example)
    fig = charts.tradeoff_chart(ev.table, ev.neutral, lang="en")
    points = {}
    groups = {}
    for trace in fig.data:
        if trace.ids is None:  # a legend entry (what the diamond means)
            continue
        for mid, x, y, symbol in zip(trace.ids, trace.x, trace.y, trace.marker.symbol,
                                     strict=True):
            points[mid] = (x, y, symbol == "diamond")
            groups[mid] = trace.name
    assert set(points) == set(ev.table.index)
    for mid, (x, y, pareto) in points.items():
        row = ev.table.loc[mid]
        assert (x, y) == pytest.approx((row["ecology"], row["economy"]))
        assert pareto == bool(row["pareto"])
        expected = ("Rank 1–3" if row["rank"] <= 3 else "Rank 4–6" if row["rank"] <= 6
                    else "Rank 7 and lower")
        assert groups[mid] == expected
    # dot size follows the people score
    sizes = {mid: s for tr in fig.data if tr.ids for mid, s in zip(tr.ids, tr.marker.size,
                                                                    strict=True)}
    most = ev.table["people"].idxmax()
    least = ev.table["people"].idxmin()
    assert sizes[most] > sizes[least]
    vertical = [s for s in fig.layout.shapes if s.x0 == s.x1]
    horizontal = [s for s in fig.layout.shapes if s.y0 == s.y1]
    assert vertical[0].x0 == pytest.approx(ev.neutral["ecology"])
    assert horizontal[0].y0 == pytest.approx(ev.neutral["economy"])
    notes = [a.text for a in fig.layout.annotations]
    assert {"win-win", "trade-off", "lose-lose"} <= set(notes)
    # win-win is top right: beyond both neutral lines
    win = next(a for a in fig.layout.annotations if a.text == "win-win")
    assert win.x > ev.neutral["ecology"] and win.y > ev.neutral["economy"]
    nl = charts.tradeoff_chart(ev.table, ev.neutral, lang="nl")
    assert "winst-winst" in [a.text for a in nl.layout.annotations]


def test_heatmap_colours_are_the_distance_from_no_change(example: Assessment) -> None:
    fig = charts.heatmap_from_assessment(example, lang="nl")
    (heat,) = fig.data
    columns = list(heat.x)
    # grouped by pillar: all ecology criteria first, then economy, then people
    pillars = [example.criterion(c).pillar for c in columns]
    assert pillars == sorted(pillars, key=list(PILLARS).index)
    z = pd.DataFrame(heat.z, index=list(heat.y), columns=columns)
    # hand-computed: M01 eco_n = 35 on 0..100 (higher is better), no change = 0
    assert z.loc["M01", "eco_n"] == pytest.approx(0.35)
    # M01 econ_cost = 5 on 0..60 (lower is better): value 55/60, no change (0) = value 1
    assert z.loc["M01", "econ_cost"] == pytest.approx(55 / 60 - 1)
    # M01 ppl_support = 2 on -3..3: value 5/6, no change = 0.5
    assert z.loc["M01", "ppl_support"] == pytest.approx(5 / 6 - 0.5)
    text = pd.DataFrame(heat.text, index=list(heat.y), columns=columns)
    assert text.loc["M01", "eco_n"] == "35"
    assert heat.zmid == 0 and heat.zmin == -1 and heat.zmax == 1


def test_radar_shows_the_pillar_scores_of_the_chosen_measures(example: Assessment) -> None:
    ev = engine.evaluate(example)
    fig = charts.radar_from_table(ev.table, ["M04", "M10"], lang="en", neutral=ev.neutral)
    lines = [tr for tr in fig.data if tr.name != "no change"]
    assert [tr.name for tr in lines] == [ev.table.loc["M04", "label_en"],
                                         ev.table.loc["M10", "label_en"]]
    for trace, mid in zip(lines, ["M04", "M10"], strict=True):
        expected = [ev.table.loc[mid, p.value] for p in PILLARS]
        assert list(trace.r) == pytest.approx(expected + expected[:1])  # closed line
    assert len({tr.line.color for tr in lines}) == 2
    assert not {tr.line.color for tr in lines} & set(PILLAR_COLOURS.values())
    detail = charts.radar_from_assessment(example, ["M01", "M02"], lang="nl")
    ticks = detail.layout.polar.angularaxis.ticktext
    assert len(ticks) == len(example.criteria)


def test_pillars_chart_groups_the_three_pillar_scores(example: Assessment) -> None:
    ev = engine.evaluate(example)
    fig = charts.pillars_chart(ev.table, ev.neutral, lang="nl")
    bars = [tr for tr in fig.data if tr.type == "bar"]
    order = ranked(ev.table)
    for bar, pillar in zip(bars, PILLARS, strict=True):
        assert bar.orientation == "h"  # names beside the bars, whole
        assert list(bar.y) == list(order.index)
        np.testing.assert_allclose(arr(bar.x), order[pillar.value].to_numpy())
    levels = sorted(s.x0 for s in fig.layout.shapes)
    assert levels == pytest.approx(sorted(ev.neutral.to_numpy()))


def test_acceptability_bars_are_the_smaa_shares(example: Assessment) -> None:
    result = robustness.smaa_assessment(example, pillar_weights={"ecology": 1, "economy": 1,
                                                                 "people": 1},
                                        samples=2_000, seed=1)
    acc = result.acceptability
    names = {m.id: m.label("nl") for m in example.measures}
    fig = charts.acceptability_chart(acc, measure_names=names, lang="nl")
    # ranks 1, 2, 3 and the rest together: four colours one tells apart
    assert [tr.name for tr in fig.data] == ["Plaats 1", "Plaats 2", "Plaats 3",
                                            "Plaats 4 of lager"]
    assert len({tr.marker.color for tr in fig.data}) == 4
    order = list(result.mean_rank.sort_values(kind="stable").index)
    for trace, rank in zip(fig.data[:3], acc.columns[:3], strict=True):
        assert list(trace.y) == order
        np.testing.assert_allclose(arr(trace.x), acc.loc[order, rank].to_numpy() * 100)
    np.testing.assert_allclose(arr(fig.data[3].x),
                               acc.loc[order, acc.columns[3:]].sum(axis=1).to_numpy() * 100)
    total = sum(np.asarray(tr.x) for tr in fig.data)
    np.testing.assert_allclose(arr(total), 100)


def test_stability_intervals_in_points(example: Assessment) -> None:
    frame = robustness.weight_stability(example, pillar_weights={"ecology": 40, "economy": 30,
                                                                 "people": 30})
    fig = charts.stability_chart(frame, lang="en")
    top, order, current = fig.data
    assert list(top.y) == ["Ecology", "Economy", "People"]
    np.testing.assert_allclose(arr(top.base), frame["top_low"].to_numpy() * 100)
    np.testing.assert_allclose(arr(np.asarray(top.base) + np.asarray(top.x)),
                               frame["top_high"].to_numpy() * 100)
    np.testing.assert_allclose(arr(order.base), frame["order_low"].to_numpy() * 100)
    np.testing.assert_allclose(arr(current.x), [40, 30, 30])
    assert list(order.marker.color) == [PILLAR_COLOURS[p] for p in PILLARS]


def test_perspectives_and_kendall_carry_the_ranks_and_tau(example: Assessment) -> None:
    views = robustness.perspectives(example)
    names = {m.id: m.label("nl") for m in example.measures}
    fig = charts.perspectives_chart(views.ranks, measure_names=names,
                                    no_regret=views.no_regret, lang="nl")
    (heat,) = fig.data
    z = pd.DataFrame(heat.z, index=list(heat.y), columns=list(views.ranks.columns))
    pd.testing.assert_frame_equal(z, views.ranks.loc[z.index].astype(float),
                                  check_names=False)
    starred = [tick for tick in fig.layout.yaxis.ticktext if tick.startswith("★")]
    assert len(starred) == len(views.no_regret)
    kendall = charts.kendall_chart(views.kendall_tau, lang="nl")
    np.testing.assert_allclose(arr(kendall.data[0].z), views.kendall_tau.to_numpy())


def test_hand_made_table_with_ties_and_missing_pillar() -> None:
    table = pd.DataFrame(
        {
            "label_nl": ["A", "B", "C"], "label_en": ["A", "", "C"],
            "score": [0.5, 0.7, 0.5], "rank": [2, 1, 2],
            "ecology": [0.5, 0.7, 0.5], "economy": [0.5, 0.7, 0.5],
            "people": [np.nan, np.nan, np.nan],
            "contrib_ecology": [0.25, 0.35, 0.25], "contrib_economy": [0.25, 0.35, 0.25],
            "contrib_people": [0.0, 0.0, 0.0],
            "balance": [1.0, 1.0, 1.0], "floor_violation": [False, False, False],
            "violated_pillars": ["", "", ""], "pareto": [False, True, False],
        },
        index=pd.Index(["a", "b", "c"], name="measure_id"),
    )
    fig = charts.ranking_chart(table, lang="en")
    assert list(fig.data[0].y) == ["b", "a", "c"]  # ties keep the original order
    assert fig.layout.yaxis.ticktext[0] == "B"  # empty English name falls back to Dutch
    frame = charts.results_table(table, lang="en", no_regret=["b"])
    assert list(frame["Code"]) == ["b", "a", "c"]
    assert list(frame["No-regret"]) == [True, False, False]
    shares = charts.pillar_shares(table)
    assert shares.loc["a"].tolist() == pytest.approx([0.5, 0.5, 0.0])


# -- one colour per pillar, everywhere ------------------------------------------------------

def test_each_pillar_has_one_colour_everywhere(example: Assessment) -> None:
    assert len(set(PILLAR_COLOURS.values())) == 3
    # Okabe-Ito colours: safe for the common colour-vision deficiencies
    assert set(PILLAR_COLOURS.values()) <= {"#E69F00", "#56B4E9", "#009E73", "#F0E442",
                                            "#0072B2", "#D55E00", "#CC79A7", "#000000"}
    ev = engine.evaluate(example)
    seen: dict[str, set[str]] = {p.value: set() for p in PILLARS}
    for fig in (charts.ranking_chart(ev.table), charts.pillars_chart(ev.table, ev.neutral)):
        for trace in fig.data:
            for p in PILLARS:
                if trace.type == "bar" and trace.name == t(f"pillar.{p.value}", "nl"):
                    seen[p.value].add(trace.marker.color)
    balance = charts.balance_chart(ev.table).layout.ternary
    for axis, p in ((balance.aaxis, "ecology"), (balance.baxis, "economy"),
                    (balance.caxis, "people")):
        seen[p].add(axis.color)
    heat = charts.heatmap_from_assessment(example, ev.table)
    # text takes the pillar's darker shade (same hue, readable on white)
    ink = {v: PILLAR_COLOURS[p] for p, v in charts.PILLAR_INK.items()}
    for tick, c in zip(heat.layout.xaxis.ticktext, heat.data[0].x, strict=True):
        colours = {part.split('"')[0] for part in tick.split("color:")[1:]}
        assert len(colours) == 1
        seen[example.criterion(c).pillar.value].add(ink[colours.pop()])
    assert seen == {p.value: {PILLAR_COLOURS[p]} for p in PILLARS}


# -- language -----------------------------------------------------------------------------------

def own_method(name: str) -> dict[str, str]:
    """A method's own chart (GAIA) is built under that method; the others as they are."""
    from impact.charts.registry import METHOD_CHARTS

    return {"method": METHOD_CHARTS[name]} if name in METHOD_CHARTS else {}


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_labels_follow_the_language(example: Assessment, lang: str) -> None:
    for name in charts.CHART_NAMES:
        fig = charts.build_chart(name, example, lang=lang, **own_method(name))
        assert fig.layout.title.text == t(charts.CHART_TITLES[name], lang)
        assert fig.layout.separators == (",." if lang == "nl" else ".,")
    fig = charts.build_chart("ranking", example, lang=lang)
    first = fig.layout.yaxis.ticktext[0].replace("<br>", " ")
    top = ranked(engine.evaluate(example).table).iloc[0]
    assert first == (top["label_nl"] if lang == "nl" else top["label_en"])
    assert fig.data[0].name == t("pillar.ecology", lang)
    assert engine.method_label("wsm", lang) in fig.layout.title.subtitle.text


# -- user text shows literally ----------------------------------------------------------------

@pytest.mark.parametrize("name", charts.CHART_NAMES)
def test_html_and_markdown_names_appear_literally(tricky: Assessment, name: str) -> None:
    measures = ["M01", "M02"] if name == "radar" else None  # the radar shows the chosen ones
    fig = charts.build_chart(name, tricky, lang="nl", measures=measures, **own_method(name))
    text = strings(fig)
    joined = "\n".join(text)
    assert HTML_NAME not in joined and "<i>p</i>" not in joined  # never as markup
    assert "&amp;lt;" not in joined  # and not escaped twice
    if name == "kendall":
        assert any("&lt;i&gt;p&lt;/i&gt;" in s for s in text)
    elif name in ("stability", "frontier"):
        return  # pillars or budgets only, no measure names
    else:
        assert any("&lt;b&gt;x&lt;/b&gt;" in s for s in text), name
        assert any(MARKDOWN_NAME in s for s in text), name  # plotly has no Markdown


def test_escape_helpers() -> None:
    assert charts.esc("<b>x</b> & y") == "&lt;b&gt;x&lt;/b&gt; &amp; y"
    assert charts.wrap("<i>" + "a" * 10, 5, 2) == "&lt;i&gt;aaaaaaaaaa"
    assert "<br>" in charts.wrap("een twee drie vier", 9, 3)
    assert charts.fmt(1234.5, "nl") == "1.234,50"
    assert charts.fmt(1234.5, "en") == "1,234.50"


# -- the registry the export relies on -----------------------------------------------------------

def test_build_chart_registry(example: Assessment) -> None:
    assert {"ranking", "balance", "tradeoff", "pillars", "radar", "acceptability"} <= set(
        charts.CHART_NAMES)
    with pytest.raises(ValueError, match="Unknown chart"):
        charts.build_chart("pie", example)
    equal = charts.build_chart("ranking", example)
    nature = charts.build_chart("ranking", example, profile=example.profile("Natuurorganisaties"))
    assert list(equal.data[0].y) != list(nature.data[0].y)
    ev = engine.evaluate(example, profile=example.profile("Natuurorganisaties"))
    assert list(nature.data[0].y) == list(ranked(ev.table).index)
    assert "Natuurorganisaties" in nature.layout.title.subtitle.text
    by_name = charts.build_chart("ranking", example, profile="Natuurorganisaties")
    assert list(by_name.data[0].y) == list(nature.data[0].y)
    with pytest.raises(ValueError, match="Unknown profile"):
        charts.build_chart("ranking", example, profile="Niemand")
    picked = charts.build_chart("radar", example, measures=["M02", "M05"], lang="en")
    assert [tr.name for tr in picked.data if tr.name != "no change"] == [
        "Rewetting peat meadows", "Solar park on farmland"]
    subset = charts.build_chart("ranking", example, measures=["M03", "M01"])
    assert set(subset.data[0].y) == {"M01", "M03"}
    topsis = charts.build_chart("ranking", example, method="topsis")
    assert "TOPSIS" in topsis.layout.title.subtitle.text


def test_build_chart_reports_engine_errors_in_the_users_words(example: Assessment) -> None:
    broken = replace(example, measures=[*example.measures, Measure("M99", "Leeg")])
    with pytest.raises(engine.EngineError) as err:
        charts.build_chart("ranking", broken)
    assert "Leeg" in err.value.message("nl")


def test_an_assessment_without_people_criteria_still_charts(example: Assessment) -> None:
    criteria = [c for c in example.criteria if c.pillar != Pillar.PEOPLE]
    scores = {k: v for k, v in example.scores.items() if k[1] in {c.id for c in criteria}}
    partial = replace(example, criteria=criteria, scores=scores)
    ev = engine.evaluate(partial)
    assert ev.table["people"].isna().all()
    for name in charts.CHART_NAMES:
        fig = charts.build_chart(name, partial, lang="en", **own_method(name))
        assert fig.data, name
    ranking = charts.build_chart("ranking", partial)
    people = next(tr for tr in ranking.data if tr.name == "Mens")
    assert set(people.x) == {0.0}
    ecology = next(tr for tr in ranking.data if tr.name == "Ecologie")
    np.testing.assert_allclose(arr(ecology.x), ranked(ev.table)["contrib_ecology"].to_numpy())


def test_labels_of_nearby_points_get_different_positions() -> None:
    from impact.charts import label_positions

    spots = label_positions([0.50, 0.52, 0.90, 0.51], [0.50, 0.51, 0.10, 0.49],
                            span=(400, 400))
    # the three points around (0.5, 0.5) each get their own spot; the lone point the first
    assert len({spots[0], spots[1], spots[3]}) == 3
    assert spots[2] == "top center"


AXIS_WORDS = {  # what each method's score is, as the ranking's x axis says it
    "wsm": ("Totaalscore (0 = slechtst, 1 = best)", "Overall score (0 = worst, 1 = best)"),
    "topsis": ("nabijheid tot het ideaal", "closeness to the ideal"),
    "vikor": ("1 − Q", "1 − Q"),
    "spotis": ("afstand tot het streefpunt", "distance to the target point"),
    "promethee": ("nettostroom (−1 = slechtst, +1 = best)", "net flow (−1 = worst, +1 = best)"),
}


@pytest.mark.parametrize("method", list(AXIS_WORDS))
def test_the_ranking_axis_says_what_the_methods_score_is(example, method):
    titles = {}
    for lang, words in zip(("nl", "en"), AXIS_WORDS[method], strict=True):
        fig = charts.build_chart("ranking", example, lang=lang, method=method)
        titles[lang] = fig.layout.xaxis.title.text
        assert words in titles[lang], (method, lang, titles[lang])
        assert ("0 = slechtst, 1 = best" in titles[lang]) == (method == "wsm" and lang == "nl")
        # the same title on the results page's own call of the chart
        table = engine.evaluate(example, method=method).table
        assert charts.ranking_chart(table, lang=lang, method=method).layout.xaxis.title.text \
            == titles[lang]
    assert titles["nl"] != titles["en"]
    if method == "promethee":  # its net flows do go below 0 on the axis
        table = engine.evaluate(example, method=method).table
        assert table["score"].min() < 0
