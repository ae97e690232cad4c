"""Presentation mode: larger type and charts across the whole width, for projecting; it
lasts from page to page until switched off; downloads keep the normal size."""

from __future__ import annotations

from pathlib import Path

from streamlit.testing.v1 import AppTest

from impact import charts, engine
from impact.charts import FONT_SIZE, PRESENTATION_FACTOR
from impact.io import read_assessment
from tests.conftest import EXAMPLE_DIR
from tests.test_pages_results import chart_specs as specs
from tests.test_pages_results import start


def styles(at: AppTest) -> str:
    return "\n".join(m.value for m in at.markdown if "<style>" in m.value)


def test_presentation_mode_enlarges_the_charts_and_the_page(db_path: Path) -> None:
    at = start("views/results.py")
    # the charts' own type and ink, not Streamlit's chart theme (small grey labels)
    assert {el.proto.theme for el in at.get("plotly_chart")} == {""}
    normal = specs(at)[0]["layout"]
    assert normal["font"]["size"] == FONT_SIZE and "max-width: 100%" not in styles(at)
    at.toggle(key="presentation_switch").set_value(True).run()
    assert not at.exception
    big = specs(at)[0]["layout"]
    assert big["font"]["size"] == FONT_SIZE * PRESENTATION_FACTOR
    assert big["title"]["font"]["size"] > normal["title"]["font"]["size"]
    assert big["height"] > normal["height"]
    assert "max-width: 100%" in styles(at)  # charts across the whole width
    # the next chart page opens in presentation mode too
    at.switch_page("views/sensitivity.py")
    at.run()
    assert at.toggle(key="presentation_switch").value is True
    assert specs(at)[0]["layout"]["font"]["size"] == FONT_SIZE * PRESENTATION_FACTOR
    at.toggle(key="presentation_switch").set_value(False).run()
    assert specs(at)[0]["layout"]["font"]["size"] == FONT_SIZE


def test_enlarged_scales_every_font_and_keeps_the_data() -> None:
    example = read_assessment(EXAMPLE_DIR)
    ev = engine.evaluate(example)
    fig = charts.tradeoff_chart(ev.table, ev.neutral, lang="nl")
    big = charts.enlarged(fig)
    assert [list(tr.x) for tr in big.data] == [list(tr.x) for tr in fig.data]
    key = next(a for a in big.layout.annotations if "<b>1</b>" in a.text)
    assert key.font.size == FONT_SIZE * PRESENTATION_FACTOR
    assert big.layout.margin.r == fig.layout.margin.r * PRESENTATION_FACTOR
    sizes = [s for tr in big.data if tr.ids is not None for s in tr.marker.size]
    before = [s for tr in fig.data if tr.ids is not None for s in tr.marker.size]
    assert sizes == [s * PRESENTATION_FACTOR for s in before]
