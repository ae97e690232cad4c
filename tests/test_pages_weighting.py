"""AppTest: every page shows the session's pillar weights with one rounding.

The session starts from equal weights (100/3 points each); `Weighting.whole_points()`
rounds them to 34/33/33, and the sliders, the chart subtitles and the export page's
caption must all read so (the export caption once read 33/33/33).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from impact import charts, engine
from impact.io import read_assessment
from impact.store import Store, StoreError
from impact.ui.text import plain
from impact.weighting import Weighting
from tests.conftest import APP, EXAMPLE_DIR

EQUAL = "Ecologie 34 · Economie 33 · Mens 33"


def start(page: str) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=60)
    at.run()
    at.switch_page(page)
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def pillar_sliders(at: AppTest) -> list[int]:
    return [s.value for s in at.slider if s.label in ("Ecologie", "Economie", "Mens")][:3]


def subtitles(at: AppTest) -> list[str]:
    specs = [json.loads(el.proto.spec) for el in at.get("plotly_chart")]
    return [s["layout"]["title"]["subtitle"]["text"] for s in specs]


def test_equal_weights_read_34_33_33_on_every_page(db_path: Path) -> None:
    at = start("views/weights.py")
    assert pillar_sliders(at) == [34, 33, 33]

    at.switch_page("views/results.py").run()
    assert not at.exception, [e.value for e in at.exception]
    assert pillar_sliders(at) == [34, 33, 33]
    # the subtitle as the page makes it: from the evaluation's pillar weights
    evaluation = engine.evaluate(read_assessment(EXAMPLE_DIR), Weighting.equal())
    expected = charts.weights_subtitle(evaluation.pillar_weights, "nl", "wsm", None)
    assert expected.startswith(EQUAL)
    shown = subtitles(at)
    assert shown and all(s == expected for s in shown), shown

    at.switch_page("views/sensitivity.py").run()
    assert not at.exception, [e.value for e in at.exception]
    assert EQUAL in at.caption[0].value

    at.switch_page("views/export.py").run()
    assert not at.exception, [e.value for e in at.exception]
    captions = [c.value for c in at.caption]
    assert any("ecologie 34%, economie 33%, mens 33%" in c for c in captions), captions


def test_a_store_error_on_saving_a_profile_reads_in_the_page_language(
        db_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    error = StoreError("store.error.locked", path="impact.duckdb", error="bezet")

    def locked(self, *args, **kwargs):
        raise error

    monkeypatch.setattr(Store, "save_profile", locked)
    at = start("views/weights.py")
    next(t for t in at.text_input if t.label == "Naam van het perspectief").set_value("Ede").run()
    next(b for b in at.button if b.label == "Huidige gewichten opslaan").click().run()
    assert not at.exception, [e.value for e in at.exception]
    # Dutch, as the page (str(err) is the English message), with Markdown escaped
    assert [e.value for e in at.error] == [plain(error.message("nl"))]
    assert "kan niet worden geopend" in at.error[0].value
