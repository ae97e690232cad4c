"""A restart loses nothing: kill -9 of the server in the middle of a round.

A real `streamlit run app.py` on a free port with its own DuckDB file, a facilitator
and four phone contexts in headless Chromium. The phones join and answer part of the
round; the server is killed with SIGKILL and started again on the same port and file.
Then every answer the phones saw acknowledged is in the database, each phone page
reconnects by itself (no reload) and goes on at its next unanswered measure, and the
facilitator's page counts the answers and closes the round. Fails (does not skip)
without Chromium when the CI variable is set.
"""

from __future__ import annotations

import re
import signal
from pathlib import Path

from impact import workshop as ws
from impact.access import SYSTEM
from impact.io import read_assessment
from impact.store import EXAMPLE_DIR, Store
from tests.browser import (
    CHROMIUM,
    CHROMIUM_ARGS,
    Connections,
    free_port,
    pill_label,
    read_database_copy,
    require_browser,
    round_action,
    start_streamlit,
    stop,
    wait_until_healthy,
)

PHONES = 4
MEASURES = ["M01", "M02", "M03"]
CRITERIA = ["eco_bio", "ppl_health"]
WAIT = 60_000  # ms; phones and a facilitator on a shared 2-core machine
def answer(i: int, m: int, c: int) -> int:
    return (i + 2 * m + 3 * c) % 7 - 3


def prepare(db: Path) -> tuple[str, str]:
    """The example assessment and a session of 3 measures x 2 criteria, round 1 open."""
    store = Store(db)
    try:
        assessment_id = store.create(read_assessment(EXAMPLE_DIR), by=SYSTEM)
        session, key = ws.create_session(store, assessment_id, MEASURES, CRITERIA,
                                         pillar_split=False, anonymous=False,
                                         hide_until_reveal=True, shuffle=False, by=SYSTEM)
        ws.open_round(store, session.code, by=SYSTEM, key=key)
    finally:
        store.close()
    return session.code, key


def stored_answers(db: Path, code: str) -> dict[tuple[str, str, str], float]:
    def read(store: Store) -> dict[tuple[str, str, str], float]:
        rows = store.cursor().execute(
            "SELECT p.name, a.measure_id, a.criterion_id, a.value FROM workshop_answers a "
            "JOIN workshop_participants p ON p.token = a.token "
            "WHERE a.code = ? AND a.round_no = 1", [code]).fetchall()
        return {(name, m, c): v for name, m, c, v in rows}
    return read_database_copy(db, read)


def score_measure(page, i: int, m: int, expect) -> None:
    """Tap the measure's pills and press "Volgende"; returns once the next screen shows
    (the answers are acknowledged)."""
    expect(page.get_by_text(f"Maatregel {m + 1} van {len(MEASURES)}")).to_be_visible()
    for c in range(len(CRITERIA)):
        choice = page.locator(f".st-key-ans-1-{m}-{c}").get_by_role(
            "radio", name=pill_label(answer(i, m, c)), exact=True)
        choice.click()
        expect(choice).to_have_attribute("aria-checked", "true")
    page.get_by_role("button", name="Volgende").click()
    after = (f"Maatregel {m + 2} van {len(MEASURES)}" if m + 1 < len(MEASURES)
             else "Klaar! Al uw antwoorden zijn bewaard.")
    expect(page.get_by_text(after)).to_be_visible()


def expected(done: dict[int, int]) -> dict[tuple[str, str, str], float]:
    """The answers of phone i's first done[i] measures, as the database keeps them."""
    return {(f"Telefoon {i}", MEASURES[m], CRITERIA[c]): float(answer(i, m, c))
            for i, n in done.items() for m in range(n) for c in range(len(CRITERIA))}


def test_kill_9_mid_round_loses_nothing_and_pages_go_on(tmp_path: Path) -> None:
    sync_playwright = require_browser()  # fails (not skips) in CI without a browser
    from playwright.sync_api import expect

    expect.set_options(timeout=WAIT)
    db, log = tmp_path / "restart.duckdb", tmp_path / "server.log"
    code, key = prepare(db)
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    proc = start_streamlit(db, log, port)
    try:
        wait_until_healthy(base, proc, log)
        with sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            try:
                proc = run(browser, base, db, log, port, code, key, proc, expect)
            finally:
                browser.close()
    finally:
        stop(proc)


def run(browser, base: str, db: Path, log: Path, port: int, code: str, key: str, proc,
        expect):
    fac = browser.new_context(viewport={"width": 1400, "height": 1000}).new_page()
    fac.set_default_timeout(WAIT)
    fac_link = Connections(fac, WAIT)
    fac.goto(f"{base}/workshop?session={code}&key={key}")  # an old link: the key is kept
    expect(round_action(fac, "Ronde sluiten")).to_have_count(1)
    # the controls survive a new server session through the grant cookie, not the key
    fac.wait_for_function(f"document.cookie.includes('impact_facilitator_{code}=')")
    answers_metric = fac.locator('[data-testid="stMetric"]').filter(has_text="Antwoorden")

    # -- four phones join; phone i answers i measures before the server dies
    phones, links, done = [], [], {}
    for i in range(PHONES):
        page = browser.new_context(viewport={"width": 390, "height": 844},
                                   is_mobile=True, has_touch=True).new_page()
        page.set_default_timeout(WAIT)
        links.append(Connections(page, WAIT))
        page.goto(f"{base}/?join={code}")
        page.get_by_label("Naam (mag leeg blijven)").fill(f"Telefoon {i}")
        page.get_by_role("button", name="Doe mee").click()
        expect(page.get_by_text("Maatregel 1 van 3")).to_be_visible()
        for m in range(i):
            score_measure(page, i, m, expect)
        phones.append(page)
        done[i] = i
    # phone 1 has tapped a pill of its second measure, not sent: not an answer yet
    phones[1].locator(".st-key-ans-1-1-0").get_by_role("radio", name=pill_label(3),
                                                        exact=True).click()
    acknowledged = expected(done)
    expect(answers_metric).to_contain_text(f"{len(acknowledged)} / ")

    # -- kill -9 in the middle of the round, start again on the same port and file
    before = [len(link.full_runs) for link in (fac_link, *links)]
    assert all(link.full_runs[-1] >= 1 for link in (fac_link, *links))
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=30)
    assert stored_answers(db, code) == acknowledged  # on disk, before any restart
    proc = start_streamlit(db, log, port)
    wait_until_healthy(base, proc, log)

    # -- every page reconnects by itself and goes on where it was
    for link, sockets in zip((fac_link, *links), before, strict=True):
        link.wait_for_reconnect(sockets)
    for i, page in enumerate(phones):
        step = min(done[i], len(MEASURES) - 1)
        if done[i] < len(MEASURES):
            expect(page.get_by_text(f"Maatregel {step + 1} van 3")).to_be_visible()
            expect(page.get_by_text(
                f"Ronde 1: {2 * done[i]} van 6 vragen beantwoord")).to_be_visible()
        else:
            expect(page.get_by_text("Klaar! Al uw antwoorden zijn bewaard.")).to_be_visible()
        assert re.search(r"[?&]p=", page.url), page.url  # still the same participant
    for i, page in enumerate(phones):
        for m in range(done[i], len(MEASURES) - 1):  # all but the last phone's last measure
            score_measure(page, i, m, expect)
            done[i] = m + 1
    assert stored_answers(db, code) == expected(done)

    # -- the facilitator's page continues: it counts every answer and closes the round
    expect(answers_metric).to_contain_text(f"{len(expected(done))} / {PHONES * 6}")
    round_action(fac, "Ronde sluiten").click()
    expect(fac.get_by_text("Ronde 1: gesloten")).to_be_visible()
    last = phones[0]  # still on its last measure: the closed round shows on its submit
    for c in range(len(CRITERIA)):
        last.locator(f".st-key-ans-1-2-{c}").get_by_role("radio", name=pill_label(0),
                                                          exact=True).click()
    last.get_by_role("button", name="Volgende").click()
    expect(last.get_by_text("uw antwoord is niet bewaard")).to_be_visible()
    expect(last.get_by_text("Ronde 1 is gesloten.")).to_be_visible()
    assert stored_answers(db, code) == expected(done)  # the late answers were refused
    return proc
