"""Two app processes on one PostgreSQL database, behind deploy/nginx-impactbalans.conf.

A participant joins through nginx and scores a measure; the process serving their page is
killed (SIGKILL); their page reconnects by itself, nginx moves it to the other process,
and it goes on at the next measure as the same participant. The killed process starts
again, and a facilitator on it sees every answer, also those given through the other
process, and reveals the round; the participant's page, still on the other process,
follows. Everything runs on 127.0.0.1 in real processes: PostgreSQL, nginx, two
Streamlit servers and Chromium.
"""

from __future__ import annotations

import signal
from pathlib import Path

import pytest

from impact import workshop as ws
from impact.store import Store, forget_store, get_store
from tests.browser import (
    CHROMIUM,
    CHROMIUM_ARGS,
    Connections,
    free_port,
    pill_label,
    require_browser,
    round_action,
    start_streamlit,
    stop,
    wait_until_healthy,
)
from tests.helpers import EDITOR
from tests.nginx import nginx_proxy

WAIT = 60_000  # ms: two app servers, PostgreSQL, nginx and Chromium on 2 shared cores
MEASURES = ["M01", "M02"]
CRITERIA = ["eco_bio", "ppl_health"]
ANSWERS = {("M01", "eco_bio"): 2, ("M01", "ppl_health"): -1,
           ("M02", "eco_bio"): 3, ("M02", "ppl_health"): 0}


def established_ports(ports: list[int]) -> dict[int, int]:
    """How many open TCP connections each of these local ports holds (from /proc/net)."""
    counts = dict.fromkeys(ports, 0)
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        try:
            lines = Path(table).read_text().splitlines()[1:]
        except OSError:
            continue
        for line in lines:
            fields = line.split()
            local_port, state = int(fields[1].rsplit(":", 1)[1], 16), fields[3]
            if state == "01" and local_port in counts:  # 01: ESTABLISHED
                counts[local_port] += 1
    return counts


def score_measure(page, expect, round_no: int, m: int) -> None:
    for c, criterion in enumerate(CRITERIA):
        pill = page.locator(f".st-key-ans-{round_no}-{m}-{c}").get_by_role(
            "radio", name=pill_label(ANSWERS[MEASURES[m], criterion]), exact=True)
        pill.click()
        expect(pill).to_have_attribute("aria-checked", "true")
    page.get_by_role("button", name="Volgende").click()


def stored_answers(store: Store, code: str) -> dict[tuple[str, str], int]:
    rows = store.cursor().execute(
        "SELECT measure_id, criterion_id, value FROM workshop_answers WHERE code = ?",
        [code]).fetchall()
    return {(m, c): int(v) for m, c, v in rows}


def test_two_processes_behind_nginx_serve_one_workshop(pg_url: str, tmp_path: Path) -> None:
    sync_playwright = require_browser()
    from playwright.sync_api import expect

    expect.set_options(timeout=WAIT)
    ports = [free_port(), free_port()]
    logs = [tmp_path / f"app{i}.log" for i in range(2)]
    procs = [start_streamlit(pg_url, log, port) for log, port in zip(logs, ports, strict=True)]
    try:
        for proc, log, port in zip(procs, logs, ports, strict=True):
            wait_until_healthy(f"http://127.0.0.1:{port}", proc, log)
        store = get_store(pg_url)  # seeds the example into the empty database
        assert len(store.list_assessments()) == 1
        session, key = ws.create_session(
            store, store.list_assessments()[0].id, MEASURES, CRITERIA, pillar_split=False,
            anonymous=False, hide_until_reveal=True, shuffle=False, by=EDITOR)
        ws.open_round(store, session.code, by=EDITOR)
        with nginx_proxy(tmp_path / "nginx", ports) as proxy, sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            try:
                run(browser, expect, store, pg_url, session.code, key, proxy, ports, procs, logs)
            finally:
                browser.close()
    finally:
        for proc in procs:
            stop(proc)
        forget_store(pg_url)


def run(browser, expect, store: Store, db: str, code: str, key: str, proxy: str, ports: list[int],
        procs: list, logs: list[Path]) -> None:
    # -- a participant joins through nginx and scores the first measure
    phone = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True,
                                has_touch=True).new_page()
    phone.set_default_timeout(WAIT)
    link = Connections(phone, WAIT)
    phone.goto(f"{proxy}/?join={code}")
    phone.get_by_label("Naam (mag leeg blijven)").fill("Anna")
    phone.get_by_role("button", name="Doe mee").click()
    expect(phone.get_by_text("Maatregel 1 van 2")).to_be_visible()
    token_url = phone.url
    assert "p=" in token_url
    score_measure(phone, expect, 1, 0)
    expect(phone.get_by_text("Maatregel 2 van 2")).to_be_visible()
    assert stored_answers(store, code) == {k: v for k, v in ANSWERS.items() if k[0] == "M01"}

    # -- the process holding the phone's websocket is killed without warning
    connections = established_ports(ports)
    serving = [i for i, port in enumerate(ports) if connections[port]]
    assert len(serving) == 1, connections  # one page, one websocket, one process
    home, other = serving[0], 1 - serving[0]
    before = len(link.full_runs)
    procs[home].send_signal(signal.SIGKILL)
    procs[home].wait(timeout=10)

    # -- the page reconnects by itself, through nginx to the other process, and goes on
    # once the new process ran it in full (a tap during that run would be dropped: a
    # fragment the new session does not know yet, as for a person who then taps again)
    link.wait_for_reconnect(before)
    assert established_ports(ports)[ports[other]] >= 1
    expect(phone.get_by_text("Maatregel 2 van 2")).to_be_visible()
    expect(phone.get_by_text("Ronde 1: 2 van 4 vragen beantwoord")).to_be_visible()
    score_measure(phone, expect, 1, 1)
    expect(phone.get_by_text("Klaar! Al uw antwoorden zijn bewaard.")).to_be_visible()
    assert phone.url == token_url  # the same participant, not a new one
    assert stored_answers(store, code) == ANSWERS
    assert len(ws.participants(store, code)) == 1

    # -- the killed process starts again; its facilitator sees the answers given elsewhere
    procs[home] = start_streamlit(db, logs[home], ports[home])
    wait_until_healthy(f"http://127.0.0.1:{ports[home]}", procs[home], logs[home])
    fac = browser.new_context(viewport={"width": 1400, "height": 1000}).new_page()
    fac.set_default_timeout(WAIT)
    fac.goto(f"http://127.0.0.1:{ports[home]}/workshop")
    fac.get_by_role("tab", name="Sessie openen met sleutel").click()
    fac.get_by_label("Sessiecode").fill(code)
    fac.get_by_label("Sleutel van de gespreksleider").fill(key)
    fac.get_by_role("button", name="Openen").click()
    answers = fac.locator('[data-testid="stMetric"]').filter(has_text="Antwoorden")
    expect(answers).to_contain_text("4 / 4")
    round_action(fac, "Ronde sluiten").click()
    expect(fac.get_by_text("Ronde 1: gesloten")).to_be_visible()
    round_action(fac, "Resultaten onthullen").click()

    # -- the phone, on the other process, follows the round the facilitator revealed
    expect(phone.get_by_text("De resultaten van ronde 1 zijn bekend.")).to_be_visible()
    assert "Traceback" not in logs[other].read_text(errors="replace")


@pytest.fixture(autouse=True)
def _no_public_url(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("IMPACT_PUBLIC_URL", raising=False)
