"""Slides (.pptx): opened with python-pptx, they hold a title slide, the summary and one
picture per chart under the chart's title, in the language asked for."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from pptx import Presentation
from pptx.enum.shapes import MSO_SHAPE_TYPE
from streamlit.testing.v1 import AppTest

from impact import engine, export
from impact.cli import main
from impact.i18n import t
from impact.io import read_assessment
from tests.conftest import APP, EXAMPLE_DIR


@pytest.fixture(scope="module")
def example():
    return read_assessment(EXAMPLE_DIR)


def slides_of(data: bytes) -> list[dict]:
    deck = Presentation(io.BytesIO(data))
    assert deck.slide_width > deck.slide_height  # 16:9, for a projector
    found = []
    for slide in deck.slides:
        pictures = [s for s in slide.shapes if s.shape_type == MSO_SHAPE_TYPE.PICTURE]
        text = "\n".join(s.text_frame.text for s in slide.shapes if s.has_text_frame)
        found.append({"title": slide.shapes.title.text if slide.shapes.title else "",
                      "text": text, "pictures": pictures})
    return found


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_slides_hold_the_summary_and_one_picture_per_chart(kaleido_server, example,
                                                           lang) -> None:
    data = export.slides_pptx(example, lang=lang, profile="Provincie")
    slides = slides_of(data)
    assert slides[0]["title"] == example.name
    assert t("export.slides.kind", lang) in slides[0]["text"]
    summary = slides[1]
    assert summary["title"] == t("export.summary.title", lang)
    best = engine.evaluate(example, profile=example.profile("Provincie")).ranked().index[0]
    assert example.measure(best).label(lang) in summary["text"]
    assert ("van de 10 wegingen" if lang == "nl" else "of 10 weightings") in summary["text"]
    assert "40 · " in summary["text"]  # the weights in whole points
    charts = slides[2:]
    expected = export.slides.slide_charts(example)
    assert [s["title"] for s in charts] == [export.chart_title(n, lang) for n in expected]
    for name, slide in zip(expected, charts, strict=True):
        (picture,) = slide["pictures"]
        assert picture.image.content_type == "image/png"
        assert picture.image.size[0] >= 1800  # twice the pixels: sharp when projected
        # not stretched: the picture keeps the image's proportions
        width, height = picture.image.size
        assert picture.width / picture.height == pytest.approx(width / height, rel=0.01)
        if name not in export.PROFILE_CHARTS:  # the weights under the title
            assert t("pillar.ecology", lang) + " 40" in slide["text"], name


def test_cli_writes_slides(kaleido_server, tmp_path, capsys) -> None:
    out = tmp_path / "deck.pptx"
    assert main(["--lang", "en", "export", str(EXAMPLE_DIR), "--format", "pptx",
                 "-o", str(out)]) == 0
    slides = slides_of(out.read_bytes())
    assert slides[1]["title"] == "Summary"
    assert len(slides) == 2 + len(export.slides.slide_charts(read_assessment(EXAMPLE_DIR)))
    two = tmp_path / "two.pptx"
    assert main(["export", str(EXAMPLE_DIR), "--chart", "ranking", "--chart", "heatmap",
                 "-o", str(two)]) == 0
    assert [s["title"] for s in slides_of(two.read_bytes())[2:]] == [
        export.chart_title("ranking", "nl"), export.chart_title("heatmap", "nl")]
    capsys.readouterr()
    # a chart image still needs one --chart; a wrong name is named
    assert main(["export", str(EXAMPLE_DIR), "-o", str(tmp_path / "x.png")]) == 1
    assert "--chart" in capsys.readouterr().err
    assert main(["export", str(EXAMPLE_DIR), "--chart", "pie", "-o", str(two)]) == 1
    assert "pie" in capsys.readouterr().err


def test_slides_from_the_export_page(db_path: Path, kaleido_server) -> None:
    at = AppTest.from_file(APP, default_timeout=120)
    at.session_state["lang"] = "en"
    at.run()
    at.switch_page("views/export.py")
    at.run()
    at.radio(key="export:report_format").set_value("pptx")
    at.button(key="export:make_report").click().run()
    assert not at.exception and not at.error
    data = at.session_state["export:report"][1]
    slides = slides_of(data)
    assert slides[1]["title"] == "Summary" and len(slides) > 4
    button = at.download_button(key="export:download_report")
    assert button.label == "Download the report"
