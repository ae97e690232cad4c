"""AppTest: the projection view follows the round: code and QR, the live count, results."""

from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from impact import workshop as ws
from tests.conftest import APP
from tests.helpers import EDITOR, answer
from tests.test_pages_workshop import all_text, expire_caches, run, seeded_session


def projection(code: str, key: str | None = None) -> AppTest:
    expire_caches()
    at = AppTest.from_file(APP, default_timeout=60)
    run(at)
    at.query_params["session"] = code
    if key is not None:
        at.query_params["key"] = key
    at.switch_page("views/projection.py")
    return run(at)


def html_texts(at: AppTest) -> list[str]:
    return [m.value for m in at.markdown if m.value.startswith("<div class=\"projection-")]


def test_the_projection_follows_the_round_from_code_to_results(db_path: Path) -> None:
    store, session, key = seeded_session(db_path, anonymous=False)
    at = projection(session.code, key)
    assert f'<div class="projection-code">{session.code}</div>' in html_texts(at)
    assert len(at.get("image")) == 1  # the QR code
    assert not at.get("plotly_chart")

    people = [ws.join(store, session.code, name=n) for n in ("Ans", "Bram")]
    ws.open_round(store, session.code, by=EDITOR)
    reasons = {"Ans": "Kost de boeren hun grond", "Bram": "Goed voor weidevogels"}
    for p, v in zip(people, (-2, 3), strict=True):
        for m in session.measures:
            answer(store, p.token, m, "eco_bio", v)
        ws.submit_answers(store, p.token, {}, round_no=1, reasons={"M01": reasons[p.name]})
    at = projection(session.code, key)
    texts = html_texts(at)
    assert '<div class="projection-big">Ronde 1: scoor nu op uw telefoon</div>' in texts
    assert any("code " + session.code in t for t in texts)  # late arrivals can join
    assert {m.label: m.value for m in at.metric} == {
        "Deelnemers": "2", "Antwoorden": "4 / 8", "Klaar": "0 / 2"}
    assert not at.get("plotly_chart")  # no figures while the round is open

    ws.close_round(store, session.code, by=EDITOR)
    at = projection(session.code, key)
    assert "Ronde 1 is gesloten. Zo meteen de resultaten." in "\n".join(html_texts(at))
    assert not at.get("plotly_chart")  # hidden until the reveal

    ws.reveal_round(store, session.code, by=EDITOR)
    at = projection(session.code, key)
    texts = html_texts(at)
    assert '<div class="projection-big">Hier verschilt de zaal het meest</div>' in texts
    assert any(t.startswith('<div class="projection-big">1. ') for t in texts)
    # under the hotspot M01 · eco_bio its reasons, by the score given, without names
    scores = [m.value for m in at.markdown if m.value.startswith("**Score")]
    assert scores == [r"**Score \-2 negatief \(1\)**", r"**Score \+3 zeer positief \(1\)**"]
    assert [t.value for t in at.text] == [f"“{reasons['Ans']}”", f"“{reasons['Bram']}”"]
    assert len(at.get("plotly_chart")) == 2  # the spread per cell and the group ranking
    assert not at.main.button  # the controls stay on the facilitator's screen


def test_the_projection_needs_the_facilitators_rights(db_path: Path) -> None:
    store, session, key = seeded_session(db_path)
    at = projection(session.code)  # no key, no grant, not the owner
    assert "Open de projectie vanaf het scherm van de gespreksleider." in all_text(at)
    assert f'<div class="projection-code">{session.code}</div>' not in html_texts(at)
    me = ws.join(store, session.code)
    at = AppTest.from_file(APP, default_timeout=60)
    at.query_params["p"] = me.token
    at.query_params["session"] = session.code
    at.query_params["key"] = key
    run(at)
    with pytest.raises(ValueError, match="Could not find a navigation page"):
        at.switch_page("views/projection.py")  # a participant link has no such page
