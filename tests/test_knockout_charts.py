"""A measure that fails a knock-out is marked "niet toelaatbaar" in every per-measure chart
(hollow grey markers, hatched bars, the name's suffix, the failing criterion on hover)
and in the results table; on the example with a knock-out on nitrogen deposition."""

from __future__ import annotations

import pytest

from impact import charts, engine
from impact.charts.style import KNOCKOUT_COLOUR, KNOCKOUT_FILL
from impact.knockouts import knockouts
from tests.helpers import without_measures
from tests.test_portfolio import example_with_costs

NITROGEN_NL = "Stikstofdepositie (afname op Natura 2000)"


@pytest.fixture(scope="module")
def knocked():
    a = example_with_costs()
    failing = knockouts(a)
    assert failing and len(failing) < len(a.measures)  # some, not all
    return a, set(failing)


def point_marks(fig) -> dict[str, tuple[str, str]]:
    """measure id -> (fill colour, ring colour) over every trace with per-measure ids."""
    marks = {}
    for trace in fig.data:
        if trace.ids is None:
            continue
        n = len(trace.ids)
        fills = trace.marker.color
        fills = list(fills) if isinstance(fills, (list, tuple)) else [fills] * n
        rings = trace.marker.line.color
        rings = list(rings) if isinstance(rings, (list, tuple)) else [rings] * n
        marks.update(zip(trace.ids, zip(fills, rings, strict=True), strict=True))
    return marks


def hover_of(fig, mid: str) -> str:
    for trace in fig.data:
        if trace.ids is not None and mid in trace.ids:
            return str(trace.customdata[list(trace.ids).index(mid)][0])
    raise AssertionError(mid)


@pytest.mark.parametrize("lang,word", [("nl", "niet toelaatbaar"), ("en", "not admissible")])
def test_the_balance_chart_draws_knocked_out_measures_hollow_and_grey(knocked, lang, word):
    a, failing = knocked
    fig = charts.build_chart("balance", a, lang=lang)
    for mid, (fill, ring) in point_marks(fig).items():
        assert (fill == KNOCKOUT_FILL and ring == KNOCKOUT_COLOUR) == (mid in failing), mid
    legend = {tr.name: tr for tr in fig.data if tr.showlegend}
    entry = legend[word.capitalize()]
    assert entry.marker.color == KNOCKOUT_FILL and entry.marker.line.color == KNOCKOUT_COLOUR
    # the key: "(niet toelaatbaar)" after exactly the knocked-out measures' names
    key = next(x.text for x in fig.layout.annotations if "<b>1</b>" in x.text)
    words = " ".join(key.replace("\u00a0", " ").replace("<br>", " ").split())
    assert words.count(f"({word})") == len(failing)
    criterion = a.criterion("eco_n").label(lang)
    for mid in failing:
        assert criterion in hover_of(fig, mid)
    assert not any(criterion in hover_of(fig, m.id) for m in a.measures if m.id not in failing)


def test_the_tradeoff_chart_puts_knocked_out_measures_in_a_trace_of_their_own(knocked):
    a, failing = knocked
    fig = charts.build_chart("tradeoff", a, lang="nl")
    own = [tr for tr in fig.data if tr.ids is not None and tr.name == "Niet toelaatbaar"]
    assert len(own) == 1 and set(own[0].ids) == failing
    assert own[0].marker.color == KNOCKOUT_FILL
    assert set(own[0].marker.line.color) == {KNOCKOUT_COLOUR}
    groups = [tr for tr in fig.data if tr.ids is not None and tr is not own[0]]
    assert not {i for tr in groups for i in tr.ids} & failing  # in no rank group
    assert {i for tr in fig.data if tr.ids is not None for i in tr.ids} == {
        m.id for m in a.measures}
    assert all(NITROGEN_NL in hover_of(fig, m) for m in failing)


@pytest.mark.parametrize("name", ["ranking", "pillars"])
def test_bar_charts_hatch_knocked_out_bars_and_name_them(knocked, name):
    a, failing = knocked
    fig = charts.build_chart(name, a, lang="nl")
    bars = [tr for tr in fig.data if tr.type == "bar"]
    assert len(bars) == 3
    for bar in bars:
        hatched = {mid for mid, shape in zip(bar.y, bar.marker.pattern.shape, strict=True)
                   if shape == "/"}
        assert hatched == failing
        for mid, hover in zip(bar.y, bar.customdata, strict=True):
            text = hover if isinstance(hover, str) else hover[0]
            assert (NITROGEN_NL in text) == (mid in failing)
    ticks = dict(zip(fig.layout.yaxis.tickvals, fig.layout.yaxis.ticktext, strict=True))
    assert {m for m, text in ticks.items()
            if "niet toelaatbaar" in text.replace("<br>", " ")} == failing
    assert "Niet toelaatbaar" in {tr.name for tr in fig.data if tr.showlegend is not False}


def test_the_heatmap_names_knocked_out_rows_and_their_criterion(knocked):
    a, failing = knocked
    fig = charts.build_chart("heatmap", a, lang="en")
    ticks = dict(zip(fig.layout.yaxis.tickvals, fig.layout.yaxis.ticktext, strict=True))
    assert {m for m, text in ticks.items()
            if "(not admissible)" in text.replace("<br>", " ")} == failing
    cells = fig.data[0]
    criterion = a.criterion("eco_n").label("en")
    for mid, row in zip(cells.y, cells.customdata, strict=True):
        assert all((criterion in cell[3]) == (mid in failing) for cell in row)
    assert "%{customdata[3]}" in cells.hovertemplate


def test_the_radar_and_the_robustness_charts_say_it_after_the_name(knocked):
    a, failing = knocked
    table = engine.evaluate(a).table
    fig = charts.radar_from_table(table, list(table.index), lang="nl")
    names = {tr.name for tr in fig.data}
    assert sum("(niet toelaatbaar)" in n for n in names) == len(failing)
    acceptability = charts.build_chart("acceptability", a, lang="nl")
    ticks = dict(zip(acceptability.layout.yaxis.tickvals,
                     acceptability.layout.yaxis.ticktext, strict=True))
    assert {m for m, text in ticks.items()
            if "niet toelaatbaar" in text.replace("<br>", " ")} == failing


def test_without_a_knock_out_no_chart_carries_the_mark() -> None:
    from impact.io import read_assessment
    from tests.conftest import EXAMPLE_DIR

    plain = read_assessment(EXAMPLE_DIR)
    for name in ("ranking", "balance", "tradeoff", "pillars", "heatmap"):
        fig = charts.build_chart(name, plain, lang="nl")
        assert "toelaatbaar" not in fig.to_json(), name


def test_the_results_table_names_the_failing_criterion(knocked):
    a, failing = knocked
    table = charts.with_knockout_names(engine.evaluate(a).table, a)
    frame = charts.results_table(table, lang="nl")
    column = charts.results_columns("nl")["knockout"]
    shown = dict(zip(frame["Code"], frame[column], strict=True))
    assert {m for m, v in shown.items() if v} == failing
    assert all(shown[m] == NITROGEN_NL for m in failing)
    plain = charts.results_table(engine.evaluate(a, None).table.assign(knocked_out=False))
    assert column not in plain


def test_the_reports_robustness_counts_only_admissible_measures(knocked) -> None:
    """"In 8 of 10 weightings the same top three": among the measures that may be chosen;
    with the weighted sum on declared scales that is the share without the knocked-out
    measures at all."""
    from dataclasses import replace

    from impact.export.summary import top_set_share
    from impact.weighting import Weighting

    a, failing = knocked
    w = Weighting.equal()
    share = top_set_share(a, engine.evaluate(a, w), w)
    kept = without_measures(a, failing)
    kept = replace(kept, criteria=[replace(c, knockout=None) for c in kept.criteria])
    assert share == pytest.approx(top_set_share(kept, engine.evaluate(kept, w), w))
    assert share > 0.3  # not the 0 of 10 it read while knocked-out measures counted


def test_the_results_and_sensitivity_pages_mark_knocked_out_measures(db_path) -> None:
    """In the app: the results page's charts and table, the sensitivity page's charts."""
    import json
    from dataclasses import replace

    from streamlit.testing.v1 import AppTest

    from impact.store import get_store
    from tests.conftest import APP
    from tests.helpers import EDITOR

    store = get_store(db_path)
    (info,) = store.list_assessments()
    a = store.load(info.id)
    store.replace_criteria(info.id, [replace(c, knockout=10.0) if c.id == "eco_n" else c
                                     for c in a.criteria], by=EDITOR)
    failing = set(knockouts(store.load(info.id)))
    at = AppTest.from_file(APP, default_timeout=60)
    at.run()
    at.switch_page("views/results.py").run()
    assert not at.exception, [e.value for e in at.exception]
    specs = {s["layout"]["title"]["text"]: s for s in
             (json.loads(el.proto.spec) for el in at.get("plotly_chart"))}
    balance = next(s for title, s in specs.items() if title.startswith("Balans"))
    points = balance["data"][0]
    hollow = {i for i, fill in zip(points["ids"], points["marker"]["color"], strict=True)
              if fill == KNOCKOUT_FILL}
    assert hollow == failing
    assert any(NITROGEN_NL in h[0] for h in points["customdata"])
    column = charts.results_columns("nl")["knockout"]
    table = next(el.value for el in at.dataframe if column in el.value.columns)
    assert set(table.loc[table[column] == NITROGEN_NL, "Code"]) == failing
    at.switch_page("views/sensitivity.py").run()
    assert not at.exception, [e.value for e in at.exception]
    acceptability = json.loads(at.get("plotly_chart")[0].proto.spec)
    ticks = dict(zip(acceptability["layout"]["yaxis"]["tickvals"],
                     acceptability["layout"]["yaxis"]["ticktext"], strict=True))
    assert {m for m, text in ticks.items()
            if "niet toelaatbaar" in text.replace("<br>", " ")} == failing
