"""Exports: chart files, CSV/Excel with formula cells neutralised, the report, the CLI.

Static exports need Chromium. Locally a missing Chromium skips those tests; in CI
(`CI` set) they fail, so a broken CI image cannot hide behind skips. kaleido is
started once for the whole test session.
"""

from __future__ import annotations

import csv
import html
import io
import re
import struct
import sys
import xml.etree.ElementTree as ET
import zipfile
from dataclasses import replace
from datetime import datetime
from pathlib import Path

import openpyxl
import plotly.graph_objects as go
import pytest

from impact import charts, export, robustness, workshop
from impact.cli import main
from impact.i18n import t
from impact.io import read_assessment
from impact.model import Measure, Score
from impact.store import Store
from tests.helpers import EDITOR

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE_DIR = ROOT / "src" / "impact" / "example"
REQUIRED_CHARTS = ("ranking", "balance", "tradeoff", "pillars", "radar", "acceptability")
FORMULAS = ("=HYPERLINK(\"http://x\")", "+31 6 123", "-drop", "@SUM(A1)")


@pytest.fixture(scope="module")
def example():
    return read_assessment(EXAMPLE_DIR)


@pytest.fixture(scope="module")
def evil(example):
    """The example with formula-like and HTML-like user text in names and descriptions."""
    first = example.measures[0]
    measures = [
        replace(first, label_nl=FORMULAS[0], label_en=FORMULAS[0],
                description="<script>alert('x')</script>"),
        replace(example.measures[1], label_nl=FORMULAS[1], label_en=FORMULAS[1]),
        replace(example.measures[2], label_nl="<b>vet</b> & co", label_en="<b>bold</b> & co"),
        *example.measures[3:],
    ]
    criteria = [replace(example.criteria[0], label_nl=FORMULAS[3], label_en=FORMULAS[3]),
                *example.criteria[1:]]
    scores = dict(example.scores)
    key = (measures[3].id, criteria[1].id)
    scores[key] = replace(scores[key], source=FORMULAS[2])
    return replace(example, name="<script>alert(1)</script> Plan", description=FORMULAS[2],
                   measures=measures, criteria=criteria, scores=scores)


def png_size(data: bytes) -> tuple[int, int]:
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    assert data[12:16] == b"IHDR"
    return struct.unpack(">II", data[16:24])


def check_file(fmt: str, data: bytes) -> None:
    """The bytes are a real file of this format, of a plausible size."""
    if fmt == "png":
        width, height = png_size(data)
        assert 300 <= width <= 6000 and 200 <= height <= 6000
        assert 5_000 < len(data) < 5_000_000
    elif fmt == "svg":
        root = ET.fromstring(data.decode("utf-8"))
        assert root.tag.endswith("svg")
        assert len(list(root.iter())) > 20  # drawn elements, not an empty canvas
        assert 2_000 < len(data) < 5_000_000
    elif fmt == "pdf":
        assert data.startswith(b"%PDF-")
        assert b"%%EOF" in data[-64:]
        assert 2_000 < len(data) < 5_000_000
    elif fmt == "html":
        text = data.decode("utf-8")
        assert text.lstrip().lower().startswith("<html") or text.lstrip().startswith("<!")
        assert "Plotly.newPlot" in text
        assert re.search(r"plotly\.js v\d", text)  # the library itself is embedded: offline
        assert not re.search(r"<script[^>]*\bsrc=", text)  # nothing loaded from elsewhere
        assert 1_000_000 < len(data) < 20_000_000
    else:  # pragma: no cover
        raise AssertionError(fmt)


# --- charts ------------------------------------------------------------------------------

def test_the_chart_names_shared_with_the_cli_exist() -> None:
    assert set(REQUIRED_CHARTS) <= set(export.chart_names())


def test_every_chart_in_every_format_is_a_real_file(kaleido_server, example) -> None:
    seen: list[float] = []
    data = export.charts_zip(example, formats=export.FORMATS, lang="en", progress=seen.append)
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        names = set(zf.namelist())
        expected = {f"{c}.{f}" for c in charts.CHART_NAMES for f in export.FORMATS
                    if c != "gaia"}  # PROMETHEE's own chart: see test_method_settings.py
        assert names == expected
        for name in sorted(names):
            check_file(name.rsplit(".", 1)[1], zf.read(name))
    assert seen == sorted(seen) and seen[-1] == pytest.approx(1.0)
    assert len(seen) == (len(charts.CHART_NAMES) - 1) * (1 + len(export.FORMATS))


def test_without_profiles_the_zip_leaves_out_the_perspective_comparisons(example) -> None:
    bare = replace(example, profiles=[])
    assert set(export.available_charts(example)) == set(charts.CHART_NAMES) - {"gaia"}
    assert set(export.available_charts(example, "promethee")) == set(charts.CHART_NAMES)
    names = export.available_charts(bare)
    assert set(REQUIRED_CHARTS) <= set(names) and not set(names) & export.PROFILE_CHARTS
    with zipfile.ZipFile(io.BytesIO(export.charts_zip(bare, formats=["html"]))) as zf:
        assert sorted(zf.namelist()) == sorted(f"{n}.html" for n in names)
    with pytest.raises(export.ExportError):  # asked for explicitly, it says why not
        export.charts_zip(bare, ["perspectives"], ["html"], lang="en")


def test_print_resolution_triples_the_pixels(kaleido_server) -> None:
    fig = go.Figure(go.Bar(x=["a", "b", "c"], y=[1, 3, 2]))
    screen = png_size(export.figure_to_bytes(fig, "png", width=400, height=300))
    printed = png_size(export.figure_to_bytes(fig, "png", scale=export.PRINT_SCALE,
                                              width=400, height=300))
    assert screen == (400, 300)
    assert printed == (400 * export.PRINT_SCALE, 300 * export.PRINT_SCALE)


def test_a_figure_without_size_gets_the_default_size(kaleido_server) -> None:
    fig = go.Figure(go.Scatter(x=[1, 2], y=[2, 1]))
    assert png_size(export.figure_to_bytes(fig, "png")) == (export.DEFAULT_WIDTH,
                                                            export.DEFAULT_HEIGHT)


def test_parallel_exports_each_get_their_own_image(kaleido_server) -> None:
    """Calls from several threads are serialised: each caller gets its own figure back."""
    from concurrent.futures import ThreadPoolExecutor

    sizes = [(300 + 20 * i, 200 + 10 * i) for i in range(4)]

    def one(size: tuple[int, int]) -> tuple[int, int]:
        fig = go.Figure(go.Bar(x=["a"], y=[1]))
        svg = ET.fromstring(export.figure_to_bytes(fig, "svg", width=size[0], height=size[1]))
        return int(float(svg.get("width"))), int(float(svg.get("height")))

    with ThreadPoolExecutor(max_workers=4) as pool:
        assert list(pool.map(one, sizes)) == sizes


def test_unknown_chart_and_format_are_explained(example) -> None:
    with pytest.raises(export.ExportError, match="ranking"):
        export.build_figure("nope", example, lang="en")
    with pytest.raises(export.ExportError, match="png, svg, pdf, html"):
        export.figure_to_bytes(go.Figure(), "gif", lang="en")


def test_unknown_profile_lists_the_profiles(example) -> None:
    with pytest.raises(export.ExportError, match="Bewoners"):
        export.build_figure("ranking", example, profile="Nobody", lang="en")


# --- without Chromium ----------------------------------------------------------------------

def test_without_chromium_static_export_says_how_to_install_it(monkeypatch) -> None:
    monkeypatch.delenv("BROWSER_PATH", raising=False)
    monkeypatch.setattr(export, "_is_executable", lambda path: False)
    ok, message = export.static_export_available("en")
    assert not ok
    assert "apt-get install chromium" in message and "BROWSER_PATH" in message
    fig = go.Figure(go.Bar(x=["a"], y=[1]))
    for fmt in export.STATIC_FORMATS:
        with pytest.raises(export.StaticExportUnavailable, match="apt-get install chromium"):
            export.figure_to_bytes(fig, fmt, lang="en")
    check_file("html", export.figure_to_bytes(fig, "html"))  # HTML keeps working
    nl_ok, nl_message = export.static_export_available("nl")
    assert not nl_ok and "apt-get install chromium" in nl_message and nl_message != message


def test_a_wrong_browser_path_is_named(monkeypatch, tmp_path) -> None:
    missing = tmp_path / "no-such-chromium"
    monkeypatch.setenv("BROWSER_PATH", str(missing))
    ok, message = export.static_export_available("en")
    assert not ok and str(missing) in message
    with pytest.raises(export.StaticExportUnavailable, match="no-such-chromium"):
        export.charts_zip(read_assessment(EXAMPLE_DIR), ["ranking"], ["png"])
    with pytest.raises(export.StaticExportUnavailable):
        export.report_pdf(read_assessment(EXAMPLE_DIR), lang="en")


def test_browser_path_uses_the_override(monkeypatch) -> None:
    monkeypatch.setenv("BROWSER_PATH", sys.executable)  # any executable will do for the lookup
    assert export.browser_path() == sys.executable
    assert export.static_export_available() == (True, sys.executable)


def test_the_shared_server_survives_a_missing_browser(kaleido_server, monkeypatch) -> None:
    monkeypatch.setenv("BROWSER_PATH", "/nonexistent/chromium")
    with pytest.raises(export.StaticExportUnavailable):
        export.figure_to_bytes(go.Figure(go.Bar(x=["a"], y=[1])), "svg")
    monkeypatch.undo()
    assert export.kaleido_running()
    check_file("svg", export.figure_to_bytes(go.Figure(go.Bar(x=["a"], y=[2])), "svg"))


def test_cli_without_chromium_fails_clearly_and_html_still_works(
    tmp_path, monkeypatch, capsys
) -> None:
    monkeypatch.setenv("BROWSER_PATH", str(tmp_path / "missing"))
    png, page = tmp_path / "r.png", tmp_path / "b.html"
    assert main(["--lang", "en", "export", str(EXAMPLE_DIR), "--chart", "ranking",
                 "-o", str(png)]) == 1
    err = capsys.readouterr().err
    assert "apt-get install chromium" in err and str(tmp_path / "missing") in err
    assert "Traceback" not in err
    assert not png.exists()
    assert main(["export", str(EXAMPLE_DIR), "--chart", "balance", "-o", str(page)]) == 0
    check_file("html", page.read_bytes())
    assert main(["report", str(EXAMPLE_DIR), "-o", str(tmp_path / "r.pdf")]) == 1
    assert "apt-get install chromium" in capsys.readouterr().err


# --- data: CSV and Excel ----------------------------------------------------------------------

def read_csv(data: bytes) -> list[list[str]]:
    """Rows of a download: Dutch files split on ';' (Dutch Excel), English ones on ','."""
    assert data.startswith(b"\xef\xbb\xbf")  # BOM: Excel reads the accents right
    text = data.decode("utf-8-sig")
    delimiter = ";" if ";" in text.splitlines()[0] else ","
    return list(csv.reader(io.StringIO(text), delimiter=delimiter))


def test_csv_neutralises_formula_cells_and_keeps_numbers(evil) -> None:
    rows = read_csv(export.scores_csv(evil, lang="en"))
    header, body = rows[0], rows[1:]
    cells = [c for row in rows for c in row]
    for text in FORMULAS[:2]:
        assert "'" + text in cells and text not in cells
    assert any(h.startswith("'" + FORMULAS[3]) for h in header)  # a criterion label as header
    # numbers stay numbers, also negative ones (a score of -3 is not a formula)
    perf = evil.performance()
    row = next(r for r in body if r[0] == evil.measures[1].id)
    values = [float(v) for v in row[2:]]
    assert values == [float(v) for v in perf.loc[evil.measures[1].id]]
    assert any(v < 0 for r in body for v in map(float, r[2:]))

    ranking = read_csv(export.ranking_csv(evil, lang="nl"))
    labels = [r[2] for r in ranking[1:]]
    assert "'" + FORMULAS[0] in labels and FORMULAS[0] not in labels
    assert [int(r[0]) for r in ranking[1:]] == sorted(int(r[0]) for r in ranking[1:])


def test_excel_has_no_formula_cells_and_formatted_sheets(evil) -> None:
    for data in (export.scores_xlsx(evil, lang="en"), export.ranking_xlsx(evil, lang="en")):
        book = openpyxl.load_workbook(io.BytesIO(data))
        found = set()
        for ws in book.worksheets:
            assert ws.freeze_panes == "A2"
            assert all(c.font.bold for c in ws[1])
            for row in ws.iter_rows():
                for cell in row:
                    assert cell.data_type != "f", (ws.title, cell.coordinate, cell.value)
                    if isinstance(cell.value, str) and cell.value in FORMULAS:
                        assert cell.data_type == "s" and cell.quotePrefix
                        found.add(cell.value)
        assert found  # the formula-like names are there, as text
    book = openpyxl.load_workbook(io.BytesIO(export.scores_xlsx(evil, lang="en")))
    scores = book["Scores"]
    numbers = [c.value for row in scores.iter_rows(min_row=2, min_col=3) for c in row]
    assert all(isinstance(v, int | float) for v in numbers)
    assert min(numbers) < 0
    assert scores.column_dimensions["B"].width > 10
    assert book.sheetnames == ["Scores", "Criteria", "Sources"]
    sources = [c.value for c in book["Sources"]["D"]]
    assert FORMULAS[2] in sources

    ranking = openpyxl.load_workbook(io.BytesIO(export.ranking_xlsx(evil, lang="en")))
    sheet = ranking["Ranking"]
    header = [c.value for c in sheet[1]]
    score_col = header.index("Score") + 1
    assert sheet.cell(row=2, column=score_col).number_format == "0.000"
    assert sheet.cell(row=2, column=1).value == 1
    settings = {r[0]: r[1] for r in ranking["Settings"].iter_rows(min_row=2, values_only=True)}
    assert settings["Method"] == t("engine.method.wsm", "en")
    assert re.fullmatch(r"[0-9a-f]{64}", settings["Fingerprint"])


def test_ranking_table_follows_the_engine(example) -> None:
    from impact import engine

    evaluation = engine.evaluate(example, profile=example.profile("Bewoners"))
    rows = read_csv(export.ranking_csv(example, lang="en", profile="Bewoners"))
    expected = evaluation.ranked()
    assert [r[1] for r in rows[1:]] == list(expected.index)
    # rounded to 4 decimals: sensible digits for a spreadsheet
    assert [float(r[3]) for r in rows[1:]] == pytest.approx(list(expected["score"]), abs=5e-5)


def test_assessment_workbook_imports_back_identically(evil, tmp_path) -> None:
    path = tmp_path / "back.xlsx"
    path.write_bytes(export.assessment_xlsx(evil))
    back = read_assessment(path)
    assert export.assessment_payload(back) == export.assessment_payload(evil)
    assert export.fingerprint(back) == export.fingerprint(evil)


# --- workshop aggregates ---------------------------------------------------------------------

@pytest.fixture
def workshop_store(tmp_path, example):
    store = Store(tmp_path / "w.duckdb")
    assessment_id = store.create(example, by=EDITOR)
    measures = [m.id for m in example.measures[:2]]
    criteria = ["eco_bio", "ppl_support"]
    session, _ = workshop.create_session(
        store, assessment_id, measures, criteria, pillar_split=False, anonymous=False,
        hide_until_reveal=False, shuffle=False, by=EDITOR,
    )
    workshop.open_round(store, session.code, by=EDITOR)
    answers = {"a": (1, 2), "b": (3, -1), "c": (2, 0)}  # per participant: eco_bio, ppl_support
    tokens = {}
    for name, (bio, support) in answers.items():
        tokens[name] = workshop.join(store, session.code, name=name).token
        workshop.submit_answer(store, tokens[name], measures[0], "eco_bio", bio, round_no=1)
        workshop.submit_answer(store, tokens[name], measures[0], "ppl_support", support,
                               round_no=1)
    workshop.close_round(store, session.code, by=EDITOR)
    workshop.new_round(store, session.code, by=EDITOR)
    # only one in round 2
    workshop.submit_answer(store, tokens["a"], measures[0], "eco_bio", 2, round_no=2)
    yield store, store.load(assessment_id), session.code, tokens
    store.close()


def test_workshop_rounds_count_participants(workshop_store) -> None:
    store, assessment, code, _ = workshop_store
    rounds = export.round_list(workshop.export_frames(store, assessment.id)[0])
    assert [(r.session, r.round, r.participants) for r in rounds] == [(code, 1, 3), (code, 2, 1)]


def test_workshop_export_has_group_statistics_never_answers(workshop_store) -> None:
    store, assessment, code, tokens = workshop_store
    tables = {lang: export.workshop_tables(assessment, *workshop.export_frames(
        store, assessment.id), lang) for lang in ("nl", "en")}
    book = openpyxl.load_workbook(io.BytesIO(export.workshop_tables_xlsx(tables["en"], "en")))
    assert book.sheetnames == ["Rounds", "Group scores"]
    rounds = list(book["Rounds"].iter_rows(min_row=2, values_only=True))
    assert [(r[0], r[1], r[2]) for r in rounds] == [(code, 1, 3), (code, 2, 1)]
    stats = book["Group scores"]
    header = [c.value for c in stats[1]]
    rows = [dict(zip(header, r, strict=True)) for r in stats.iter_rows(min_row=2,
                                                                         values_only=True)]
    bio = next(r for r in rows if r["Round"] == 1 and r["ID"] == assessment.measures[0].id
               and r["Criterion"] == assessment.criterion("eco_bio").label_en)
    assert bio["Answers"] == 3 and bio["Median"] == 2 and bio["Mean"] == pytest.approx(2.0)
    support = next(r for r in rows if r["Round"] == 1 and r["ID"] == assessment.measures[0].id
                   and r["Criterion"] == assessment.criterion("ppl_support").label_en)
    assert support["Median"] == 0 and support["Answers"] == 3
    everything = str([list(r) for ws in book.worksheets for r in ws.iter_rows(values_only=True)])
    for name, token in tokens.items():
        assert token not in everything
        assert f"'{name}'" not in everything  # participant names are not exported
    rows_csv = read_csv(export.workshop_tables_csv(tables["nl"], "nl"))
    assert rows_csv[0][:3] == ["Sessie", "Ronde", "Code"]
    assert len(rows_csv) - 1 == len(rows)


# --- the decision report ---------------------------------------------------------------------

SECTIONS = ("purpose", "criteria", "weights", "method", "ranking", "tradeoffs", "robustness",
            "workshop", "fingerprint")


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_report_holds_its_sections(example, lang) -> None:
    rounds = [export.WorkshopRound("ABC234", 1, 17, datetime(2026, 3, 2, 14, 5)),
              export.WorkshopRound("ABC234", 2, 15, datetime(2026, 3, 2, 14, 5))]
    page = export.report_html(example, lang=lang, profile="Provincie", workshop_rounds=rounds,
                              now=datetime(2026, 3, 4, 9, 30))
    assert f'<html lang="{lang}">' in page
    for section in SECTIONS:
        assert f'<section id="{section}">' in page
    for key in ("export.summary.question", "export.report.criteria", "export.report.weights",
                "export.report.method", "export.report.ranking", "export.report.robustness",
                "export.report.no_regret", "export.report.workshop",
                "export.report.fingerprint"):
        assert t(key, lang) in page
    assert ("4 maart 2026" if lang == "nl" else "4 March 2026") in page
    assert example.description.split(".")[0] in page
    for c in example.criteria:
        assert c.label(lang) in page
    for m in example.measures:
        assert m.label(lang) in page
    for p in example.profiles:
        assert p.name in page
    assert t("engine.method.wsm", lang) in page
    assert html.escape(t("export.report.profile_used", lang, name="Provincie")) in page
    # the charts are there, interactive, with plotly.js embedded exactly once
    for name in ("ranking", "balance", "tradeoff", "acceptability"):
        assert f'data-chart="{name}"' in page
    assert len(re.findall(r"plotly\.js v\d", page)) == 1
    assert page.count("Plotly.newPlot") == 4
    # no-regret measures: the robustness module's set, by name
    no_regret = robustness.perspectives(example, k=export.NO_REGRET_K).no_regret
    assert no_regret
    robust = page[page.index('<section id="robustness">'):page.index('<section id="workshop">')]
    for measure_id in no_regret:
        assert example.measure(measure_id).label(lang) in robust
    # workshop rounds with counts only
    work = page[page.index('<section id="workshop">'):page.index('<section id="fingerprint">')]
    assert "ABC234" in work and ">17<" in work and ">15<" in work
    fp = re.search(r"<code class=\"fp\">([0-9a-f]{64})</code>", page)
    assert fp is not None


def test_report_fingerprint_tracks_data_and_settings_not_language(example) -> None:
    def fp(page: str) -> str:
        return re.search(r'name="impact-fingerprint" content="([0-9a-f]{64})"', page).group(1)

    nl = export.build_report_data(example, lang="nl", profile="Bewoners")
    en = export.build_report_data(example, lang="en", profile="Bewoners")
    assert nl.fingerprint == en.fingerprint == fp(export.render_report(nl))
    settings = export.settings_payload(profile="Bewoners")
    base = export.fingerprint(example, settings)
    assert base == export.fingerprint(read_assessment(EXAMPLE_DIR), settings)
    assert base != export.fingerprint(example, export.settings_payload(profile="Provincie"))
    assert base != export.fingerprint(example, {**settings, "method": "topsis"})
    key = next(iter(example.scores))
    changed = example.with_scores([replace(example.scores[key],
                                           value=example.scores[key].value + 1)])
    assert base != export.fingerprint(changed, settings)
    sourced = example.with_scores([replace(example.scores[key], source="another source")])
    assert base != export.fingerprint(sourced, settings)


def test_report_escapes_user_text(evil) -> None:
    page = export.report_html(evil, lang="en", workshop_rounds=[])
    assert "<script>alert(1)</script>" not in page
    assert "<script>alert('x')</script>" not in page
    assert "<b>bold</b>" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt; Plan" in page
    assert "&lt;b&gt;bold&lt;/b&gt; &amp; co" in page
    assert t("export.report.workshop_none", "en") in page


def test_report_pdf_prints_the_report_with_svg_charts(kaleido_server, example,
                                                     monkeypatch) -> None:
    printed: list[str] = []
    real = export.html_to_pdf

    def spy(page: str, **kwargs) -> bytes:
        printed.append(page)
        return real(page, **kwargs)

    monkeypatch.setattr(export, "html_to_pdf", spy)
    seen: list[float] = []
    data = export.report_pdf(example, lang="en", profile="Provincie", progress=seen.append)
    check_file("pdf", data)
    assert len(data) > 50_000  # text plus vector charts
    assert len(re.findall(rb"/Type\s*/Page[^s]", data)) >= 3
    assert seen == sorted(seen) and seen[-1] == pytest.approx(1.0)
    # what was printed: the report with static SVG charts and no scripts
    (page,) = printed
    assert "Plotly.newPlot" not in page and "<script" not in page
    assert page.count('src="data:image/svg+xml;base64,') == 4
    for section in SECTIONS:
        assert f'<section id="{section}">' in page


# --- the command line --------------------------------------------------------------------------

def test_cli_export_writes_each_format(kaleido_server, tmp_path, capsys) -> None:
    for fmt in export.FORMATS:
        out = tmp_path / f"ranking.{fmt}"
        assert main(["export", str(EXAMPLE_DIR), "--chart", "ranking", "--format", fmt,
                     "-o", str(out)]) == 0
        check_file(fmt, out.read_bytes())
    assert "ranking.html" in capsys.readouterr().out


def test_cli_report_html_and_pdf(kaleido_server, tmp_path) -> None:
    html_out, pdf_out = tmp_path / "report.html", tmp_path / "report.pdf"
    assert main(["--lang", "en", "report", str(EXAMPLE_DIR), "-o", str(html_out),
                 "--profile", "Bewoners", "--method", "topsis"]) == 0
    page = html_out.read_text(encoding="utf-8")
    assert t("export.report.kind", "en") in page and t("engine.method.topsis", "en") in page
    assert t("export.report.workshop_unavailable", "en") in page
    assert main(["report", str(EXAMPLE_DIR), "-o", str(pdf_out)]) == 0
    check_file("pdf", pdf_out.read_bytes())


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["export", "{example}", "--chart", "nope", "-o", "{tmp}/x.png"], "ranking, balance"),
        (["export", "{example}", "--chart", "ranking", "-o", "{tmp}/x.gif"], "png, svg"),
        (["export", "{example}", "--chart", "ranking", "-o", "{tmp}/x.html", "--profile",
          "Nobody"], "Bewoners"),
        (["export", "{example}", "--chart", "ranking", "-o", "{tmp}/x.html", "--method",
          "magic"], "magic"),
        (["export", "{tmp}/missing.xlsx", "--chart", "ranking", "-o", "{tmp}/x.html"],
         "missing.xlsx"),
        (["report", "{example}", "-o", "{tmp}/report.docx"], "pdf, html"),
        (["report", "{example}", "-o", "{tmp}/no/such/dir/report.html"], "report.html"),
    ],
)
def test_cli_errors_are_clear_without_traceback(tmp_path, capsys, args, message) -> None:
    argv = [a.format(example=EXAMPLE_DIR, tmp=tmp_path) for a in args]
    assert main(["--lang", "en", *argv]) == 1
    captured = capsys.readouterr()
    assert message in captured.err
    assert "Traceback" not in captured.err and "Error:" not in captured.err


# --- formatting helpers -----------------------------------------------------------------------

def test_numbers_and_dates_follow_the_language() -> None:
    assert export.format_number(1234.5, "nl", 2) == "1.234,50"
    assert export.format_number(1234.5, "en", 2) == "1,234.50"
    assert export.format_percent(0.125, "nl", 1) == "12,5%"
    assert export.format_number(float("nan"), "nl") == "–"
    assert export.format_date(datetime(2026, 3, 4, 9, 5), "nl") == "4 maart 2026, 09.05 uur"
    assert export.format_date(datetime(2026, 3, 4, 9, 5), "en") == "4 March 2026, 09:05"


def test_file_names_are_safe() -> None:
    assert export.file_name("../etc/passwd", "png") == "etc-passwd.png"
    assert export.safe_stem("Gebied: Veluwe / Vallei (2026)") == "Gebied-Veluwe-Vallei-2026"


def test_a_measure_without_english_label_falls_back_to_dutch(example) -> None:
    extra = Measure("MX", "Alleen Nederlands")
    a = replace(example, measures=[*example.measures, extra],
                scores={**example.scores, **{
                    ("MX", c.id): Score("MX", c.id, c.scale_min) for c in example.criteria}})
    rows = read_csv(export.ranking_csv(a, lang="en"))
    assert "Alleen Nederlands" in [r[2] for r in rows[1:]]


def test_static_exports_get_a_white_border() -> None:
    fig = go.Figure(layout={"margin": {"l": 10, "t": 96}, "title": {"text": "T", "x": 0}})
    spec = export._with_print_border(fig.to_dict())
    border = export.PRINT_BORDER
    assert spec["layout"]["margin"] == {"l": 10 + border, "r": 80 + border,
                                        "t": 96 + border, "b": 80 + border}
    assert spec["layout"]["title"]["pad"]["l"] == border
    assert fig.layout.margin.l == 10  # the figure on screen is left as it was


def test_workshop_export_lists_the_reasons_given(workshop_store) -> None:
    store, assessment, code, tokens = workshop_store
    measure = assessment.measures[0].id
    workshop.submit_answers(store, tokens["b"], {(measure, "eco_bio"): 1}, round_no=2,
                            reasons={measure: "=kosten te hoog voor de weidevogels"})
    tables = export.workshop_tables(assessment, *workshop.export_frames(store, assessment.id),
                                    "en", reasons=workshop.reasons_export(store, assessment.id))
    book = openpyxl.load_workbook(io.BytesIO(export.workshop_tables_xlsx(tables, "en")))
    assert book.sheetnames == ["Rounds", "Group scores", "Reasons"]
    header, *rows = list(book["Reasons"].iter_rows(values_only=True))
    assert header == ("Session", "Round", "ID", "Measure", "Participant", "Reason")
    assert rows == [(code, 2, measure, assessment.measures[0].label_en, "b",
                     "=kosten te hoog voor de weidevogels")]
    assert book["Reasons"]["F2"].data_type == "s"  # text, never a formula


def test_the_report_appendix_lists_the_reasons_without_names(workshop_store) -> None:
    store, assessment, code, tokens = workshop_store
    measure = assessment.measures[0]
    workshop.submit_answers(store, tokens["b"], {(measure.id, "eco_bio"): 1}, round_no=2,
                            reasons={measure.id: "te duur voor <b>boeren</b>"})
    page = export.report_html(assessment, lang="nl", workshop_rounds=[],
                              workshop_reasons=workshop.reasons_export(store, assessment.id))
    section = page[page.index('<section id="reasons">'):]
    section = section[:section.index("</section>")]
    assert "Redenen uit de workshop" in section and measure.label_nl in section
    assert "te duur voor &lt;b&gt;boeren&lt;/b&gt;" in section  # plain text, escaped
    assert f"{code} · 2" in section and ">b<" not in section  # no participant names
    assert page.index('<p class="part appendix">') < page.index('<section id="reasons">')
    assert '<section id="reasons">' not in export.report_html(assessment, lang="nl")
