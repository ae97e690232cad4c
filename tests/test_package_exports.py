"""The package within a budget in the exports: the report's section (HTML and the printed
PDF), the slides, the package table as CSV in both dialects, and the export page, which
takes the budget set on the Portfolio page in this session (and says when there is none)."""

from __future__ import annotations

import io
import re
import shutil
import subprocess
from pathlib import Path

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from impact import export, portfolio
from impact.export.packages import money, package_section
from impact.io import read_assessment
from tests.conftest import APP, EXAMPLE_DIR
from tests.test_portfolio import example_with_costs
from tests.test_report_summary import summary_text, text_of

BUDGET = 60.0


@pytest.fixture(scope="module")
def example():
    return read_assessment(EXAMPLE_DIR)  # its costs: mln euro per measure


def expected(assessment, budget=BUDGET):
    return portfolio.best_package(portfolio.candidates(assessment), budget)


def flat(text: str) -> str:
    return " ".join(text.split())


def test_the_report_has_a_package_section_only_with_a_budget(example) -> None:
    package = expected(example)
    assert package.measures and package.cost <= BUDGET
    names = [example.measure(m).label_nl for m in package.measures]
    page = export.report_html(example, lang="nl", budget=BUDGET)
    summary = flat(summary_text(page))
    cost = money(package.cost, "mln €", "nl")
    assert f"voor {cost} binnen een budget van {money(BUDGET, 'mln €', 'nl')}" in summary
    assert all(name in summary for name in names)
    section = page[page.index('<section id="package">'):page.index('<section id="robustness">')]
    rows = re.findall(r"<tr><td>(.*?)</td>", section)
    assert [text_of(r) for r in rows] == names  # the package table, in package order
    assert 'data-chart="frontier"' in section
    dropped, _ = portfolio.drops_out(portfolio.candidates(example), package)
    assert all(example.measure(m).label_nl in flat(text_of(section)) for m in dropped)
    plain = export.report_html(example, lang="nl")
    assert 'id="package"' not in plain and "frontier" not in plain
    # the budget is part of what the fingerprint identifies
    assert re.search(r'impact-fingerprint" content="(\w+)', page).group(1) != re.search(
        r'impact-fingerprint" content="(\w+)', plain).group(1)


def test_a_knocked_out_measure_is_named_as_left_out_in_the_report() -> None:
    a = example_with_costs()
    section = package_section(a, None, BUDGET, "en")
    assert section is not None and section.excluded
    page = export.report_html(a, lang="en", budget=BUDGET)
    text = flat(text_of(page[page.index('<section id="package">'):]))
    assert "Not admissible, so in no package: " + ", ".join(section.excluded) in text
    assert not set(section.package.measures) & set(portfolio.candidates(a).excluded)


def test_the_printed_report_holds_the_package_names_and_cost(example, tmp_path,
                                                              kaleido_server) -> None:
    if shutil.which("pdftotext") is None:
        from tests.browser import missing

        missing("pdftotext (poppler-utils) is not installed")
    package = expected(example)
    pdf = tmp_path / "report.pdf"
    pdf.write_bytes(export.report_pdf(example, lang="nl", budget=BUDGET, workshop_rounds=[]))
    first = subprocess.run(["pdftotext", "-f", "1", "-l", "1", str(pdf), "-"],
                           capture_output=True, text=True, check=True).stdout
    whole = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True,
                           check=True).stdout
    cost = money(package.cost, "mln €", "nl")
    assert f"voor {cost} binnen een budget van" in flat(first)  # on the summary page
    for m in package.measures:
        assert flat(example.measure(m).label_nl) in flat(whole)
    assert "Pakket binnen het budget" in whole


@pytest.mark.parametrize("lang,sep,decimal", [("nl", ";", ","), ("en", ",", ".")])
def test_the_package_table_round_trips_through_csv(example, lang, sep, decimal) -> None:
    section = package_section(example, None, BUDGET, lang)
    data = export.frame_to_csv_bytes(section.table, lang)
    assert data.startswith("\ufeff".encode())  # Excel reads the accents right
    back = pd.read_csv(io.BytesIO(data), sep=sep, decimal=decimal, encoding="utf-8-sig")
    assert list(back.columns) == list(section.table.columns)
    assert list(back.iloc[:, 0]) == list(section.package.measures)
    assert back.iloc[:, 2].sum() == pytest.approx(section.package.cost)
    assert back.iloc[:, 4].sum() == pytest.approx(section.package.score, abs=1e-3)


def test_the_slides_carry_the_package_when_a_budget_is_given(example, kaleido_server) -> None:
    from tests.test_slides import slides_of

    package = expected(example)
    slides = slides_of(export.slides_pptx(example, lang="nl", budget=BUDGET))
    titles = [s["title"] for s in slides]
    at = titles.index("Pakket binnen het budget")
    assert at == 2  # right after the summary
    text = flat(slides[at]["text"])
    assert money(package.cost, "mln €", "nl") in text
    assert all(example.measure(m).label_nl in text for m in package.measures)
    assert titles[at + 1] == export.chart_title("frontier", "nl")
    assert len(slides[at + 1]["pictures"]) == 1
    assert titles.count(export.chart_title("frontier", "nl")) == 1
    plain = [s["title"] for s in slides_of(export.slides_pptx(example, lang="nl"))]
    assert "Pakket binnen het budget" not in plain


def test_the_export_page_takes_the_budget_of_the_portfolio_page(db_path: Path) -> None:
    at = AppTest.from_file(APP, default_timeout=120)
    at.run()
    at.switch_page("views/export.py").run()
    assert not at.exception
    captions = " ".join(c.value for c in at.caption)
    assert "nog geen budget op de pagina Pakket" in captions
    assert not [b for b in at.get("download_button") if b.key == "export:package_table:csv"]

    at.switch_page("views/portfolio.py").run()
    next(s for s in at.slider if s.key == "budget:1").set_value(BUDGET).run()
    at.switch_page("views/export.py").run()
    assert not at.exception
    captions = " ".join(c.value for c in at.caption)
    assert f"op de pagina Pakket koos ({money(BUDGET, 'mln €', 'nl')})" in captions
    keys = {b.key for b in at.get("download_button")}
    assert {"export:package_table:csv", "export:package_table:xlsx",
            "export:package:html:1"} <= keys
    at.radio(key="export:report_format").set_value("html")
    at.button(key="export:make_report").click().run()
    assert not at.exception and not at.error
    page = at.session_state["export:report"][1].decode("utf-8")
    example = read_assessment(EXAMPLE_DIR)
    summary = flat(summary_text(page))
    assert all(example.measure(m).label_nl in summary for m in expected(example).measures)
    # back on the Portfolio page the slider still stands at the chosen budget
    at.switch_page("views/portfolio.py").run()
    assert next(s for s in at.slider if s.key == "budget:1").value == BUDGET
