"""AppTest: the export page and the download menu beside a chart.

Download buttons use deferred data (a callable run only on click). AppTest cannot
click a download, so the callables are captured where Streamlit registers them
and called here, as Streamlit's download handler would.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Callable
from pathlib import Path

import openpyxl
import pytest
from streamlit.runtime.media_file_manager import MediaFileManager
from streamlit.testing.v1 import AppTest

from impact import export, workshop
from impact.io import read_assessment
from impact.store import get_store
from tests.conftest import APP
from tests.helpers import EDITOR

PAGE = "views/export.py"


@pytest.fixture
def deferred(monkeypatch) -> dict[str, tuple[Callable[[], bytes], str | None]]:
    """file id -> (the callable a deferred download button registered, its file name)."""
    found: dict[str, tuple[Callable[[], bytes], str | None]] = {}
    original = MediaFileManager.add_deferred

    def add_deferred(self, data_callable, *args, **kwargs):
        file_id = original(self, data_callable, *args, **kwargs)
        found[file_id] = (data_callable, kwargs.get("file_name"))
        return file_id

    monkeypatch.setattr(MediaFileManager, "add_deferred", add_deferred)
    return found


def start(lang: str | None = None) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=90)
    if lang:
        at.session_state["lang"] = lang
    at.run()
    at.switch_page(PAGE)
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def download(at: AppTest, deferred: dict, key: str) -> bytes:
    button = at.download_button(key=key)
    assert button.proto.deferred_file_id, f"{key} is not deferred"
    data = deferred[button.proto.deferred_file_id][0]()
    return data.encode("utf-8") if isinstance(data, str) else data


def test_export_page_offers_every_download_made_on_click(db_path: Path, kaleido_server,
                                                          deferred) -> None:
    at = start()
    assert at.title[0].value == "Export"
    assert not at.warning  # Chromium is there
    buttons = at.download_button
    assert buttons and all(b.proto.deferred_file_id for b in buttons)  # nothing made yet
    labels = [b.label for b in buttons]
    for label in ("PNG", "PNG druk", "SVG", "PDF", "HTML", "CSV", "Excel", "Werkmap (.xlsx)"):
        assert label in labels
    assert at.selectbox(key="export:chart").value == "ranking"

    png = download(at, deferred, "export:one:png:1")
    printed = download(at, deferred, "export:one:png:3")
    assert png.startswith(b"\x89PNG") and printed.startswith(b"\x89PNG")
    assert len(printed) > 2 * len(png)
    assert download(at, deferred, "export:one:pdf:1").startswith(b"%PDF")
    assert b"<svg" in download(at, deferred, "export:one:svg:1")[:200]

    at.selectbox(key="export:chart").set_value("balance").run()
    page = download(at, deferred, "export:one:html:1").decode("utf-8")
    assert "Plotly.newPlot" in page and "ternary" in page  # the balance chart, interactive

    assessment = get_store(db_path).load(at.session_state["assessment_id"])
    ranking = openpyxl.load_workbook(io.BytesIO(download(at, deferred, "export:ranking:xlsx")))
    assert ranking.sheetnames == ["Rangorde", "Instellingen"]
    ids = [r[1] for r in ranking["Rangorde"].iter_rows(min_row=2, values_only=True)]
    assert sorted(ids) == sorted(m.id for m in assessment.measures)
    scores = download(at, deferred, "export:scores:csv").decode("utf-8-sig").splitlines()
    assert len(scores) == 1 + len(assessment.measures)

    workbook = db_path.parent / "back.xlsx"
    workbook.write_bytes(download(at, deferred, "export:workbook"))
    back = read_assessment(workbook)
    assert export.assessment_payload(back) == export.assessment_payload(assessment)


def test_zip_of_the_chosen_charts(db_path: Path, kaleido_server) -> None:
    at = start("en")
    at.multiselect(key="export:charts").set_value(["ranking", "radar"])
    at.multiselect(key="export:formats").set_value(["svg", "html"])
    at.button(key="export:make_zip").click().run()
    assert not at.exception and not at.error
    assert "Done: 2 charts in 2 formats" in at.success[0].value
    assert at.download_button(key="export:download_zip").label == "Download the ZIP file"
    data = at.session_state["export:zip"][1]
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        assert sorted(zf.namelist()) == ["radar.html", "radar.svg", "ranking.html",
                                         "ranking.svg"]
        assert zf.read("radar.svg").lstrip().startswith(b"<svg")


def test_report_from_the_page_lists_workshop_rounds(db_path: Path) -> None:
    store = get_store(db_path)  # seeds the example, as the app does
    assessment_id = store.list_assessments()[0].id
    session, _ = workshop.create_session(store, assessment_id, ["M01", "M02"], ["eco_bio"],
                                         pillar_split=False, anonymous=True,
                                         hide_until_reveal=False, shuffle=False, by=EDITOR)
    workshop.open_round(store, session.code, by=EDITOR)
    for value in (1, 2, 3, 2):
        token = workshop.join(store, session.code).token
        workshop.submit_answer(store, token, "M01", "eco_bio", value, round_no=1)

    at = start("en")
    at.radio(key="export:report_format").set_value("html")
    at.button(key="export:make_report").click().run()
    assert not at.exception and not at.error
    assert "The report is ready" in at.success[0].value
    page = at.session_state["export:report"][1].decode("utf-8")
    work = page[page.index('<section id="workshop">'):page.index('<section id="fingerprint">')]
    assert session.code in work and ">4<" in work
    assert "Decision report" in page and "Plotly.newPlot" in page
    assert at.download_button(key="export:download_report").label == "Download the report"


def test_report_pdf_from_the_page(db_path: Path, kaleido_server) -> None:
    at = start()
    assert at.radio(key="export:report_format").value == "pdf"
    at.button(key="export:make_report").click().run()
    assert not at.exception and not at.error
    assert at.session_state["export:report"][1].startswith(b"%PDF")


def test_without_chromium_the_page_explains_and_offers_html(db_path: Path, monkeypatch,
                                                            deferred) -> None:
    monkeypatch.setenv("BROWSER_PATH", str(db_path.parent / "no-chromium"))
    at = start("en")
    assert "apt-get install chromium" in at.warning[0].value
    one_chart = [b.label for b in at.download_button if b.key.startswith("export:one:")]
    assert one_chart == ["HTML"]
    assert at.multiselect(key="export:formats").options == ["Interactive HTML"]
    assert at.radio(key="export:report_format").options == [
        "HTML (interactive charts, works offline)"
    ]
    assert b"Plotly.newPlot" in download(at, deferred, "export:one:html:1")


def chart_script() -> None:
    import plotly.graph_objects as go

    from impact.ui.downloads import chart_downloads

    chart_downloads(go.Figure(go.Bar(x=["a", "b"], y=[2, 1])), "demo chart")


def test_chart_downloads_beside_a_chart(kaleido_server, deferred) -> None:
    at = AppTest.from_function(chart_script, default_timeout=60)
    at.run()
    assert not at.exception
    keys = [b.key for b in at.download_button]
    assert keys == ["dl-demo chart-png-1", "dl-demo chart-png-3", "dl-demo chart-svg-1",
                    "dl-demo chart-pdf-1", "dl-demo chart-html"]
    names = [deferred[b.proto.deferred_file_id][1] for b in at.download_button]
    assert names == ["demo-chart.png", "demo-chart-print.png", "demo-chart.svg",
                     "demo-chart.pdf", "demo-chart.html"]
    png = download(at, deferred, "dl-demo chart-png-1")
    printed = download(at, deferred, "dl-demo chart-png-3")
    assert png.startswith(b"\x89PNG") and printed.startswith(b"\x89PNG")
    width = int.from_bytes(png[16:20], "big")
    assert int.from_bytes(printed[16:20], "big") == export.PRINT_SCALE * width
    assert download(at, deferred, "dl-demo chart-pdf-1").startswith(b"%PDF")
    assert b"Plotly.newPlot" in download(at, deferred, "dl-demo chart-html")


def test_chart_downloads_without_chromium_offer_html_only(monkeypatch, tmp_path) -> None:
    monkeypatch.setenv("BROWSER_PATH", str(tmp_path / "none"))
    at = AppTest.from_function(chart_script, default_timeout=60)
    at.run()
    assert not at.exception
    assert [b.key for b in at.download_button] == ["dl-demo chart-html"]
    assert any("apt-get install chromium" in c.value for c in at.caption)

