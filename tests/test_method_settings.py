"""The methods' settings reach the user (issue 14): PROMETHEE's preference functions and
SPOTIS's expected points per criterion (criteria sheet, store, migration 9, dialog),
VIKOR's v in the weighting (engine, CLI, exports), and the GAIA plane as a chart.

Independent references: PROMETHEE II against pymcdm's PROMETHEE_II (usual, V-shape and
linear; pymcdm's "vshape_2" is the linear type V), VIKOR's Q and compromise set
written out here from Opricovic & Tzeng (2004), GAIA against a numpy eigen-decomposition
of the unicriterion net flows computed here pair by pair.
"""

from __future__ import annotations

import json
import shutil
from dataclasses import replace
from pathlib import Path

import duckdb
import numpy as np
import pandas as pd
import pytest
from pymcdm.methods import PROMETHEE_II

from impact import charts, cli, engine, export, forms
from impact.export.slides import slide_charts
from impact.io import (
    AssessmentValidationError,
    assessment_to_csv_zip_bytes,
    assessment_to_json,
    assessment_to_xlsx_bytes,
    read_assessment,
    read_assessment_bytes,
)
from impact.migrations import MIGRATIONS, statements
from impact.model import Assessment
from impact.numbers import format_percent
from impact.store import Store
from impact.weighting import Weighting
from tests.conftest import EXAMPLE_DIR
from tests.test_chart_readability import contrast_on_white, fonts
from tests.test_io import add_column, load_rows

pytestmark = pytest.mark.filterwarnings("ignore:Alternatives with indices")

# criterion -> (pref_function as written, q, p, s, spotis_expected); Dutch names on purpose
SETTINGS = {
    "eco_n": ("lineair", "5", "40", "", ""),
    "eco_ghg": ("V-vorm", "", "10", "", ""),
    "econ_cost": ("gauss", "", "", "12,5", ""),
    "eco_bio": ("", "", "", "", "2"),
}
EXPECTED = {
    "eco_n": ("linear", 5.0, 40.0, None, None),
    "eco_ghg": ("vshape", None, 10.0, None, None),
    "econ_cost": ("gaussian", None, None, 12.5, None),
    "eco_bio": (None, None, None, None, 2.0),
}


def with_settings(tmp_path: Path, settings: dict = SETTINGS,
                  columns: tuple[str, ...] = ("voorkeursfunctie", "q", "p", "s",
                                              "streefpunt")) -> Path:
    folder = tmp_path / "settings"
    shutil.copytree(EXAMPLE_DIR, folder)
    ids = [r[0] for r in load_rows(folder, "criteria")[1:]]
    for k, column in enumerate(columns):
        add_column(folder, "criteria", column,
                   [settings.get(cid, ("",) * 5)[k] for cid in ids])
    return folder


def fields(assessment: Assessment, cid: str) -> tuple:
    c = assessment.criterion(cid)
    return (c.pref_function, c.pref_q, c.pref_p, c.pref_s, c.spotis_expected)


@pytest.fixture(scope="module")
def example() -> Assessment:
    return read_assessment(EXAMPLE_DIR)


# --- the criteria sheet ----------------------------------------------------------------------

def test_criteria_sheet_round_trip_with_pref_function_q_p_s_and_expected_point(tmp_path):
    a = read_assessment(with_settings(tmp_path))
    for cid, expected in EXPECTED.items():
        assert fields(a, cid) == expected, cid
    assert fields(a, "ppl_health") == (None,) * 5
    again = {
        "xlsx": read_assessment_bytes(assessment_to_xlsx_bytes(a), "a.xlsx"),
        "zip": read_assessment_bytes(assessment_to_csv_zip_bytes(a), "a.zip"),
        "json": read_assessment_bytes(assessment_to_json(a).encode(), "a.json"),
    }
    for kind, b in again.items():
        assert b.criteria == a.criteria, kind
    # written under our names, and only the columns that are used
    data = json.loads(assessment_to_json(a))
    eco_n = next(c for c in data["criteria"] if c["id"] == "eco_n")
    assert (eco_n["pref_function"], eco_n["q"], eco_n["p"]) == ("linear", 5, 40)
    assert "q" not in next(c for c in data["criteria"] if c["id"] == "ppl_health")


def test_a_file_without_settings_writes_no_settings_columns(example):
    header = json.loads(assessment_to_json(example))["criteria"][0]
    assert not {"pref_function", "q", "p", "s", "spotis_expected"} & set(header)


@pytest.mark.parametrize("settings, column, nl, en", [
    ({"eco_n": ("trapje", "", "", "", "")}, "voorkeursfunctie",
     "onbekende voorkeursfunctie 'trapje'", "unknown preference function 'trapje'"),
    ({"eco_n": ("lineair", "50", "40", "", "")}, "q",
     "q (50) moet kleiner zijn dan p (40)", "q (50) must be smaller than p (40)"),
    ({"eco_n": ("V-vorm", "", "", "", "")}, "p",
     "voorkeursfunctie vshape heeft een p groter dan 0 nodig",
     "preference function vshape needs a p greater than 0"),
    ({"eco_n": ("V-vorm", "3", "10", "", "")}, "q",
     "voorkeursfunctie vshape gebruikt drempel q niet",
     "preference function vshape does not use threshold q"),
    ({"eco_n": ("", "", "10", "", "")}, "p",
     "drempel p is ingevuld maar pref_function is leeg",
     "threshold p is filled in but pref_function is empty"),
    ({"eco_n": ("gauss", "", "", "0", "")}, "s",
     "gaussian heeft een s (of p) groter dan 0 nodig", "gaussian needs an s (or p) greater"),
    ({"eco_n": ("", "", "", "", "120")}, "streefpunt",
     "het streefpunt 120 ligt buiten de schaal (0 tot 100)",
     "the expected point 120 lies outside the scale (0 to 100)"),
])
def test_bad_settings_name_sheet_row_and_column_in_both_languages(tmp_path, settings, column,
                                                                   nl, en):
    folder = with_settings(tmp_path, settings)
    with pytest.raises(AssessmentValidationError) as info:
        read_assessment(folder)
    issues = info.value.errors
    assert [(i.sheet, i.row, i.column) for i in issues] == [("criteria", 2, column)]
    assert nl in issues[0].message("nl") and en in issues[0].message("en")


# --- the store: migration 9 ------------------------------------------------------------------

def test_migration_9_adds_the_settings_columns_to_a_file_of_version_8(tmp_path, example):
    path = tmp_path / "v8.duckdb"
    conn = duckdb.connect(str(path))
    conn.execute("CREATE TABLE schema_version (version INTEGER PRIMARY KEY, "
                 "applied_at TIMESTAMP NOT NULL)")
    for number, script in enumerate(MIGRATIONS[:8], start=1):
        for statement in statements(script):
            conn.execute(statement)
        conn.execute("INSERT INTO schema_version VALUES (?, now())", [number])
    conn.execute("INSERT INTO assessments (id, name, description, created_at, updated_at) "
                 "VALUES (1, 'Oud', '', now(), now())")
    conn.execute("INSERT INTO criteria (assessment_id, id, position, pillar, label_nl, "
                 "label_en, unit, direction, scale_min, scale_max, description, weight) "
                 "VALUES (1, 'c1', 0, 'ecology', 'Een', '', '', 'higher_is_better', 0, 10, "
                 "'', 1)")
    conn.close()
    store = Store(path)
    assert store.schema_version() == len(MIGRATIONS) == 9
    old = store.load(1)
    assert fields(old, "c1") == (None,) * 5  # an old criterion: the methods' defaults
    settings = {"pref_function": "linear", "pref_q": 1.0, "pref_p": 4.0,
                "spotis_expected": 7.5}
    store.save_criterion(1, replace(old.criterion("c1"), **settings), by=_system(),
                         replaces="c1")
    assert fields(store.load(1), "c1") == ("linear", 1.0, 4.0, None, 7.5)


def _system():
    from impact.access import SYSTEM

    return SYSTEM


def test_an_imported_file_keeps_its_settings_in_the_store(tmp_path):
    a = read_assessment(with_settings(tmp_path))
    store = Store(tmp_path / "s.duckdb")
    loaded = store.load(store.create(a, by=_system()))
    for cid, expected in EXPECTED.items():
        assert fields(loaded, cid) == expected


# --- the engine and the CLI -------------------------------------------------------------------

def pymcdm_flows(a: Assessment, weights: dict[str, float]) -> np.ndarray:
    """PROMETHEE II net flows as pymcdm computes them, criterion by criterion (the net flow
    is linear in the weights, so mixed functions are the weighted sum of one-criterion
    runs)."""
    perf = a.performance()
    names = {"usual": "usual", "vshape": "vshape", "linear": "vshape_2"}
    total = np.zeros(len(perf))
    for c in a.criteria:
        function = c.pref_function or "usual"
        body = PROMETHEE_II(names[function], p=[c.pref_p or 0.0], q=[c.pref_q or 0.0])
        sign = np.array([1 if c.objective == "max" else -1])
        total += weights[c.id] * body(perf[[c.id]].to_numpy(), np.ones(1), sign)
    return total


def test_cli_rank_with_promethee_on_the_example_equals_pymcdm(tmp_path, capsys, example):
    folder = with_settings(tmp_path, {k: v for k, v in SETTINGS.items()
                                      if k != "econ_cost"})  # pymcdm has no Gaussian
    a = read_assessment(folder)
    for source, assessment in ((EXAMPLE_DIR, example), (folder, a)):
        rc = cli.main(["rank", str(source), "--method", "promethee", "--format", "json"])
        out = json.loads(capsys.readouterr().out)
        assert rc == 0 and out["method"] == "promethee"
        ours = {r["measure_id"]: r["score"] for r in out["measures"]}
        weights = engine.evaluate(assessment).weights
        theirs = pymcdm_flows(assessment, weights)
        measures = [m.id for m in assessment.measures]
        np.testing.assert_allclose([ours[m] for m in measures], theirs, atol=1e-6)  # 6 decimals
    # the thresholds count: with them the flows differ from all-usual
    plain = engine.evaluate(example, Weighting(method="promethee")).table["score"]
    chosen = engine.evaluate(a, Weighting(method="promethee")).table["score"]
    assert np.abs(plain - chosen).max() > 0.01


def test_evaluate_with_a_gaussian_criterion_equals_the_pairwise_definition(tmp_path):
    a = read_assessment(with_settings(tmp_path))
    ev = engine.evaluate(a, Weighting(method="promethee"))
    reference = engine.rank_reference(
        a.performance(), objectives=a.objectives(), weights=ev.weights, scale=a.scale(),
        method="promethee", options=engine.method_options(a, Weighting()))
    np.testing.assert_allclose(ev.table["score"], reference["score"], atol=1e-12)
    assert (ev.table["score_rank"] == reference["rank"]).all()


def test_spotis_uses_the_expected_point_of_the_criteria_sheet(tmp_path, example):
    a = read_assessment(with_settings(tmp_path))
    ev = engine.evaluate(a, Weighting(method="spotis"))
    perf, scale = a.performance(), a.scale()
    expected = np.zeros(len(perf))
    for c in a.criteria:
        lo, hi = scale[c.id]
        esp = c.spotis_expected if c.spotis_expected is not None else (
            hi if c.objective == "max" else lo)
        expected += ev.weights[c.id] * (1 - np.abs(perf[c.id].to_numpy() - esp) / (hi - lo))
    np.testing.assert_allclose(ev.table["score"], expected, atol=1e-12)
    # without the sheet's point, SPOTIS is the weighted sum
    wsm = engine.evaluate(example).table["score"]
    np.testing.assert_allclose(engine.evaluate(example, Weighting(method="spotis"))
                               .table["score"], wsm, atol=1e-12)


def vikor_by_hand(perf: pd.DataFrame, objectives: dict, weights: dict, v: float
                  ) -> tuple[np.ndarray, np.ndarray]:
    """(1 - Q, ranks with the compromise set at 1), Opricovic & Tzeng (2004), written out."""
    x = perf.to_numpy(dtype=float)
    w = np.array([weights[c] for c in perf.columns])
    w = w / w.sum()
    top = np.array([x[:, j].max() if objectives[c] == "max" else x[:, j].min()
                    for j, c in enumerate(perf.columns)])
    bottom = np.array([x[:, j].min() if objectives[c] == "max" else x[:, j].max()
                       for j, c in enumerate(perf.columns)])
    d = w * (top - x) / (top - bottom)
    s, r = d.sum(axis=1), d.max(axis=1)
    q = v * (s - s.min()) / (s.max() - s.min()) + (1 - v) * (r - r.min()) / (r.max() - r.min())
    n = len(q)
    order = np.argsort(q, kind="stable")
    a1, a2 = order[0], order[1]
    advantage = q[a2] - q[a1] >= 1 / (n - 1)
    stable = np.isclose(s[a1], s.min()) or np.isclose(r[a1], r.min())
    if advantage and stable:
        top_set = {a1}
    elif advantage:
        top_set = {a1, a2}
    else:
        top_set = {k for k in range(n) if q[k] - q[a1] < 1 / (n - 1)}
    ranks = np.array([1 if k in top_set else 1 + len(top_set) + sum(
        1 for j in range(n) if j not in top_set and q[j] < q[k] - 1e-12) for k in range(n)])
    return 1 - q, ranks


@pytest.mark.parametrize("v", [0.0, 0.2, 0.5, 0.9, 1.0])
def test_vikor_v_in_the_weighting_gives_the_published_q_and_compromise_set(example, v):
    ev = engine.evaluate(example, replace(Weighting.equal("vikor"), vikor_v=v))
    score, ranks = vikor_by_hand(example.performance(), example.objectives(), ev.weights, v)
    np.testing.assert_allclose(ev.table["score"], score, atol=1e-12)
    assert ev.table["score_rank"].tolist() == ranks.tolist()


def test_vikor_v_changes_the_ranking_and_is_part_of_the_cache_key(example):
    low, default = replace(Weighting.equal("vikor"), vikor_v=0.2), Weighting.equal("vikor")
    assert low != default and hash(low) != hash(default)
    from impact.methods.vikor import V

    assert default.vikor_v == V == 0.5  # weighting.VIKOR_V is the method's default
    ranks = {w.vikor_v: engine.evaluate(example, w).table["rank"].tolist()
             for w in (low, default)}
    assert ranks[0.2] != ranks[0.5]
    with pytest.raises(engine.EngineError) as info:
        engine.evaluate(example, replace(default, vikor_v=1.5))
    assert info.value.key == "engine.error.invalid_vikor_v"
    # picking a profile keeps the method and its v
    assert low.with_profile(example.profiles[0]).vikor_v == 0.2


def test_cli_vikor_v(capsys, example):
    rc = cli.main(["rank", str(EXAMPLE_DIR), "--method", "vikor", "--vikor-v", "0.2",
                   "--format", "json"])
    out = json.loads(capsys.readouterr().out)
    assert rc == 0 and out["vikor_v"] == 0.2
    expected = engine.evaluate(example, replace(Weighting(method="vikor"), vikor_v=0.2))
    assert {r["measure_id"]: r["rank"] for r in out["measures"]} == expected.table["rank"].to_dict()
    rc = cli.main(["--lang", "en", "rank", str(EXAMPLE_DIR), "--method", "vikor",
                   "--vikor-v", "2"])
    assert rc != 0 and "VIKOR's weight v must lie between 0 and 1" in capsys.readouterr().err


# --- the GAIA plane as a chart ----------------------------------------------------------------

def flows_by_hand(a: Assessment) -> np.ndarray:
    """n x m unicriterion net flows with the usual and linear functions, pair by pair."""
    x = a.performance().to_numpy(dtype=float)
    n, m = x.shape
    phi = np.zeros((n, m))
    for j, c in enumerate(a.criteria):
        sign = 1 if c.objective == "max" else -1
        for i in range(n):
            for k in range(n):
                d = sign * (x[i, j] - x[k, j])
                if c.pref_function == "linear":
                    pref = np.clip((d - c.pref_q) / (c.pref_p - c.pref_q), 0, 1)
                    back = np.clip((-d - c.pref_q) / (c.pref_p - c.pref_q), 0, 1)
                else:
                    pref, back = float(d > 0), float(d < 0)
                phi[i, j] += (pref - back) / (n - 1)
    return phi


def test_gaia_chart_traces_equal_a_numpy_pca_of_the_unicriterion_flows(tmp_path):
    a = read_assessment(with_settings(tmp_path, {"eco_n": SETTINGS["eco_n"]}))
    weighting = Weighting(pillar_weights={"ecology": 50, "economy": 30, "people": 20},
                          method="promethee")
    fig = charts.build_chart("gaia", a, weighting=weighting, lang="nl")
    ev = engine.evaluate(a, weighting)
    phi = flows_by_hand(a)
    values, vectors = np.linalg.eigh(np.cov(phi, rowvar=False, bias=True))
    order = np.argsort(values)[::-1]
    axes = vectors[:, order[:2]]
    w = np.array([ev.weights[c.id] for c in a.criteria])
    axes *= np.where(w @ axes < 0, -1, 1)  # GAIA's orientation: the stick has u, v >= 0
    points = next(tr for tr in fig.data if tr.ids is not None)
    projected = pd.DataFrame(phi @ axes, index=[m.id for m in a.measures])
    np.testing.assert_allclose(np.column_stack([points.x, points.y]),
                               projected.loc[list(points.ids)].to_numpy(), atol=1e-9)
    # measures numbered by their place, as in the other charts
    assert list(points.ids) == list(ev.ranked().index)
    assert list(points.text) == [str(k) for k in range(1, len(a.measures) + 1)]
    # every criterion an arrow along its axis, all scaled by one factor
    arrows = [tr for tr in fig.data if tr.mode == "lines+markers"]
    tips = np.array([[tr.x[1], tr.y[1]] for tr in arrows[:-1]])
    factor = np.linalg.norm(tips, axis=1).max() / np.linalg.norm(axes, axis=1).max()
    np.testing.assert_allclose(tips, axes * factor, atol=1e-9)
    farthest = np.linalg.norm(projected.to_numpy(), axis=1).max()
    assert np.linalg.norm(tips, axis=1).max() == pytest.approx(farthest)
    stick = arrows[-1]
    assert stick.name == "Beslisstok (de gewichten)" and stick.showlegend
    np.testing.assert_allclose([stick.x[1], stick.y[1]], (w / w.sum()) @ axes * factor,
                               atol=1e-9)
    kept = values[order[:2]].sum() / values.sum()
    assert fig.layout.title.subtitle.text.startswith(
        f"Het vlak toont {format_percent(kept, 'nl', 0)} van de informatie (delta)")
    # arrows in their pillar's colour, dots in their dominant pillar's
    colours = {tr.line.color for tr in arrows[:-1]}
    assert colours <= set(charts.PILLAR_COLOURS.values()) and len(colours) == 3
    assert set(points.marker.color) <= set(charts.PILLAR_COLOURS.values())


def test_gaia_is_a_chart_only_under_promethee(example):
    assert "gaia" not in charts.available_charts(example)
    assert "gaia" not in charts.available_charts(example, "vikor")
    assert "gaia" in charts.available_charts(example, "promethee")
    names = slide_charts(example, None, "promethee")
    assert "gaia" in names and "gaia" not in slide_charts(example)


def test_gaia_chart_is_readable_projected(example):
    crowded = replace(example, criteria=[replace(c, label_nl=c.label_nl + " en de gevolgen "
                                                 "daarvan voor de regio")
                                         for c in example.criteria])
    for a in (example, crowded):
        fig = charts.build_chart("gaia", a, weighting=Weighting(method="promethee"))
        assert fig.layout.font.size >= charts.FONT_SIZE and fig.layout.title.font.size >= 18
        for where, font in fonts(fig):
            if "size" in font:
                assert font["size"] >= charts.FONT_SIZE, where
            colours = font.get("color")
            for colour in colours if isinstance(colours, list) else [colours]:
                if str(colour).startswith("#"):
                    assert contrast_on_white(colour) >= 4.5, (where, colour)
        key = next(x.text for x in fig.layout.annotations if "<b>1</b>" in x.text)
        joined = " ".join(line.replace("\u00a0", " ").strip() for line in key.split("<br>"))
        for k, mid in enumerate(engine.evaluate(a, Weighting(method="promethee")).ranked().index,
                                start=1):
            assert f"<b>{k}</b>  {charts.esc(a.measure(mid).label_nl)}" in joined, k
        for mark, c in zip("ABCDEFGHIJKLM", a.criteria, strict=True):
            assert f"<b>{mark}</b>  {charts.esc(c.label_nl)}" in joined, mark
        assert not any("…" in str(tr.text) for tr in fig.data if tr.text is not None)
        assert fig.layout.margin.r >= 200


# --- exports ---------------------------------------------------------------------------------

def test_the_report_names_the_method_settings_and_shows_gaia_only_under_promethee(tmp_path):
    a = read_assessment(with_settings(tmp_path))
    html = export.report_html(a, weighting=Weighting(method="promethee"), lang="nl",
                              smaa_samples=200)
    assert 'data-chart="gaia"' in html
    assert "Voorkeursfunctie: usual (elk verschil telt volledig), behalve:" in html
    assert "Stikstofdepositie (afname op Natura 2000): lineair (niets onder q, volledig " \
           "vanaf p) (q = 5, p = 40)" in html
    vikor = export.report_html(a, weighting=replace(Weighting(method="vikor"), vikor_v=0.3),
                               lang="en", smaa_samples=200)
    assert 'data-chart="gaia"' not in vikor
    assert "v = 0.30: the weight of the overall score against the largest weakness" in vikor
    spotis = export.report_html(a, weighting=Weighting(method="spotis"), lang="en",
                                smaa_samples=200)
    assert "Biodiversity and habitat quality: expected point 2" in spotis


def test_vikor_v_is_in_the_fingerprint_only_for_vikor(example):
    from impact.export.fingerprints import weighting_payload

    assert "vikor_v" not in weighting_payload(Weighting())
    assert weighting_payload(Weighting(method="vikor"))["vikor_v"] == 0.5
    assert weighting_payload(replace(Weighting(), vikor_v=0.3)) == weighting_payload(Weighting())


# --- the criterion dialog's fields -------------------------------------------------------------

BASE = {"id": "c9", "pillar": "ecology", "label_nl": "Nieuw", "direction": "higher_is_better",
        "scale_min": 0, "scale_max": 100, "weight": 1}


def test_criterion_form_reads_and_checks_the_settings():
    made, errors = forms.criterion_from_fields(
        {**BASE, "pref_function": "linear", "pref_q": "2,5", "pref_p": "10",
         "spotis_expected": "50"}, taken_ids=[])
    assert errors == {}
    assert (made.pref_function, made.pref_q, made.pref_p, made.pref_s, made.spotis_expected) \
        == ("linear", 2.5, 10.0, None, 50.0)
    plain_one, errors = forms.criterion_from_fields(BASE, taken_ids=[])
    assert errors == {} and plain_one.pref_function is None and plain_one.pref_p is None
    _, errors = forms.criterion_from_fields(
        {**BASE, "pref_function": "linear", "pref_q": "12", "pref_p": "10",
         "spotis_expected": "150"}, taken_ids=[], lang="en")
    assert errors == {"pref_q": "q (12) must be smaller than p (10): below q a difference does "
                                "not count, from p on it counts fully.",
                      "spotis_expected": "the expected point 150 lies outside the scale (0 to "
                                         "100)."}
    _, errors = forms.criterion_from_fields({**BASE, "pref_p": "3"}, taken_ids=[])
    assert errors == {"pref_p": "Voorkeursfunctie usual gebruikt p niet; laat dit veld leeg."}


# --- the weights page (AppTest) ---------------------------------------------------------------

V_SLIDER = "VIKOR: gewicht van de totale score (v)"


def test_weights_page_shows_v_only_for_vikor_and_the_ranking_follows_v(db_path, example):
    from tests.test_pages_weighting import start

    at = start("views/weights.py")
    assert V_SLIDER not in [s.label for s in at.slider]
    method = next(s for s in at.selectbox if s.label == "Methode")
    method.set_value("vikor").run()
    assert not at.exception, [e.value for e in at.exception]
    slider = next(s for s in at.slider if s.label == V_SLIDER)
    assert slider.value == 0.5 and "0,5 (standaard)" in slider.help

    def shown_ranking() -> dict[str, int]:
        frame = next(df.value for df in at.dataframe if "Rang" in df.value.columns)
        names = {m.label_nl: m.id for m in example.measures}
        return {names[name]: int(rank) for name, rank in zip(frame["Maatregel"], frame["Rang"],
                                                             strict=True)}

    weights = engine.evaluate(example, Weighting.equal("vikor")).weights
    perf, objectives = example.performance(), example.objectives()
    ids = list(perf.index)
    for v in (0.5, 0.2):
        slider = next(s for s in at.slider if s.label == V_SLIDER)
        slider.set_value(v).run()
        assert not at.exception, [e.value for e in at.exception]
        _, ranks = vikor_by_hand(perf, objectives, weights, v)
        assert shown_ranking() == dict(zip(ids, ranks.tolist(), strict=True)), v
    assert vikor_by_hand(perf, objectives, weights, 0.2)[1].tolist() != \
        vikor_by_hand(perf, objectives, weights, 0.5)[1].tolist()
    # the caption names v; another method hides the slider and keeps v for later
    next(s for s in at.selectbox if s.label == "Methode").set_value("wsm").run()
    assert V_SLIDER not in [s.label for s in at.slider]
    next(s for s in at.selectbox if s.label == "Methode").set_value("vikor").run()
    assert next(s for s in at.slider if s.label == V_SLIDER).value == 0.2


def test_results_page_shows_the_gaia_plane_only_under_promethee(db_path):
    from tests.test_pages_weighting import start

    def titles(at) -> list[str]:
        return [json.loads(el.proto.spec)["layout"]["title"]["text"]
                for el in at.get("plotly_chart")]

    at = start("views/results.py")
    gaia_title = charts.chart_title("gaia", "nl")
    assert gaia_title not in titles(at)
    at.switch_page("views/weights.py").run()
    next(s for s in at.selectbox if s.label == "Methode").set_value("promethee").run()
    at.switch_page("views/results.py").run()
    assert not at.exception, [e.value for e in at.exception]
    assert gaia_title in titles(at)
    assert any("beslisstok wijst naar wat de gewichten belonen" in c.value for c in at.caption)


def test_cli_exports_the_gaia_plane_with_promethee_only(tmp_path, capsys):
    out = tmp_path / "gaia.html"
    rc = cli.main(["export", str(EXAMPLE_DIR), "--chart", "gaia", "--method", "promethee",
                   "-o", str(out)])
    assert rc == 0 and 'GAIA-vlak' in out.read_text(encoding="utf-8")
    capsys.readouterr()
    rc = cli.main(["--lang", "en", "export", str(EXAMPLE_DIR), "--chart", "gaia",
                   "-o", str(tmp_path / "wsm.html")])
    assert rc != 0 and "The GAIA plane belongs to PROMETHEE" in capsys.readouterr().err
    assert not (tmp_path / "wsm.html").exists()


def test_slides_hold_the_gaia_plane_under_promethee(kaleido_server, example):
    from tests.test_slides import slides_of

    gaia = charts.chart_title("gaia", "nl")
    titles = [s["title"] for s in slides_of(export.slides_pptx(
        example, weighting=Weighting.equal("promethee"), charts=["ranking", "gaia"]))]
    assert titles[2:] == [charts.chart_title("ranking", "nl"), gaia]
    default = [s["title"] for s in slides_of(export.slides_pptx(
        example, weighting=Weighting.equal("promethee")))]
    assert default[-1] == gaia
    assert gaia not in [s["title"] for s in slides_of(export.slides_pptx(example))]


def test_the_criterion_dialog_sets_and_checks_the_method_settings(db_path):
    from impact.store import get_store
    from tests.test_pages_editor import button, red, start

    at = start()
    at.button(key="edit:criterion:eco_n").click().run()
    form = "criterion:1:edit:eco_n"
    function = at.selectbox(key=f"{form}:pref_function")
    assert function.value == "" and "usual" in function.options[1]
    function.set_value("linear")
    at.text_input(key=f"{form}:pref_q").input("12")
    at.text_input(key=f"{form}:pref_p").input("10")
    button(at, "Opslaan").click().run()
    assert any(r"q \(12\) moet kleiner zijn dan p \(10\)" in m for m in red(at)), red(at)
    assert get_store().load(1).criterion("eco_n").pref_function is None  # nothing saved
    at.text_input(key=f"{form}:pref_q").input("2,5")
    at.text_input(key=f"{form}:spotis_expected").input("60")
    button(at, "Opslaan").click().run()
    assert not at.exception, [e.value for e in at.exception]
    assert fields(get_store().load(1), "eco_n") == ("linear", 2.5, 10.0, None, 60.0)
    # opened again, the dialog shows what was saved, in Dutch notation
    at.button(key="edit:criterion:eco_n").click().run()
    assert at.selectbox(key=f"{form}:pref_function").value == "linear"
    assert at.text_input(key=f"{form}:pref_q").value == "2,5"
