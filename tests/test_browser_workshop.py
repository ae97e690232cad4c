"""End to end in headless Chromium: a two-round workshop with ten participants.

Round 1: everyone scores both measures, five give a reason; the facilitator sees the
reasons under the hotspot, grouped by score, the projection follows every state and
shows them after the reveal. Round 2 runs on a one-minute timer that closes it (the
test lets the minute run out early, in the database).

Starts `streamlit run app.py` on a free port with its own PostgreSQL database, then drives a
facilitator and ten participant browser contexts with Playwright and the system
Chromium. Fails (does not skip) without Chromium when the CI variable is set.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest

from impact.store import Store
from impact.workshop.base import timestamp
from tests.browser import (
    CHROMIUM,
    CHROMIUM_ARGS,
    pill_label,
    require_browser,
    round_action,
    streamlit_server,
)

PARTICIPANTS = 10
MEASURES = ["Extensivering melkveehouderij rond Natura 2000", "Vernatting veenweide"]
CRITERIA = ["Biodiversiteit en natuurkwaliteit", "Gezondheid"]
WAIT = 60_000  # ms; ten phones and a facilitator on a shared 2-core machine
SHOTS = os.environ.get("IMPACT_E2E_SCREENSHOTS")  # a folder: save screenshots for a look


def shot(page, name: str) -> None:
    if SHOTS:
        Path(SHOTS).mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(Path(SHOTS) / f"{name}.png"), full_page=True)


REASONS = 5  # phones 0..4 give a reason on the first measure


def reason(i: int) -> str:
    return f"Reden van telefoon {i}: de weidevogels"


def answer(i: int, m: int, c: int) -> int:
    """Participant i's answer for measure m, criterion c (hand-chosen, spread out)."""
    return [(i % 7) - 3, 1, (i % 3) - 1, 3 - (i % 2) * 6][2 * m + c]


@pytest.fixture
def server(pg_url: str, tmp_path: Path) -> Iterator[str]:
    """On PostgreSQL (the other browser tests run on DuckDB files): the test can look at
    the database while the server runs, and shorten the round's timer."""
    with streamlit_server(pg_url, tmp_path / "server.log") as base:
        yield base


def test_two_round_workshop_with_ten_participants(server: str, pg_url: str) -> None:
    sync_playwright = require_browser()  # fails (not skips) in CI without a browser
    from playwright.sync_api import expect

    expect.set_options(timeout=WAIT)
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            store = Store(pg_url)
            run_workshop(browser, server, expect, store)
            store.close()
        finally:
            browser.close()


def run_workshop(browser, base: str, expect, store: Store) -> None:
    # -- the facilitator creates a session through the app's navigation
    fac = browser.new_context(viewport={"width": 1400, "height": 1000}).new_page()
    fac.set_default_timeout(WAIT)
    fac.goto(base + "/")
    fac.get_by_role("link", name="Workshop").click()
    expect(fac.get_by_role("button", name="Sessie starten")).to_have_count(1)
    boxes = fac.locator('[data-testid="stMultiSelect"]')
    measure_box, criteria_box = boxes.nth(0), boxes.nth(1)
    criteria_box.wait_for()
    for box, keep in ((measure_box, MEASURES), (criteria_box, CRITERIA)):
        chips = box.locator('[aria-label^="Remove "]').evaluate_all(
            "els => els.map(e => e.getAttribute('aria-label'))")
        for chip in chips:
            if chip.removeprefix("Remove ") not in keep:
                box.get_by_label(chip, exact=True).click()
    fac.get_by_text("Deelnemers verdelen ook 100 punten").click()  # no split in this run
    fac.get_by_role("button", name="Sessie starten").click()
    # the key is shown once, in a dialog, and never in the address bar
    dialog = fac.get_by_role("dialog")
    key = dialog.locator('[data-testid="stCode"]').inner_text().strip()
    match = re.search(r"session=([A-Z0-9]{6})$", fac.url)
    assert match and "key=" not in fac.url, fac.url
    code = match.group(1)
    assert len(key) >= 16
    dialog.get_by_role("button", name="Ik heb de sleutel bewaard").click()
    expect(dialog).to_have_count(0)
    # one button once the rerun that closed the dialog has replaced the page's elements
    expect(round_action(fac, "Ronde openen")).to_have_count(1)
    assert key not in fac.content()  # gone from the page once the dialog is closed
    join_link = fac.locator('[data-testid="stCode"]').filter(has_text="?join=").inner_text()
    join_link = join_link.strip()
    assert join_link == f"{base}/?join={code}"
    round_action(fac, "Ronde openen").click()
    expect(fac.get_by_text("Ronde 1: deelnemers scoren")).to_be_visible()
    # -- the projection for the beamer, in a second tab of the facilitator's browser
    with fac.context.expect_page() as opened:
        fac.get_by_role("link", name="Projectie openen (beamer)").click()
    beamer = opened.value
    beamer.set_default_timeout(WAIT)
    expect(beamer.get_by_text("Ronde 1: scoor nu op uw telefoon")).to_be_visible()
    # the page's style hides it; once in a CI run it still showed when the text did
    expect(beamer.locator('[data-testid="stSidebar"]')).to_be_hidden()

    # -- ten participants join through the link and score both measures
    pages = []
    for i in range(PARTICIPANTS):
        page = browser.new_context(viewport={"width": 390, "height": 844},
                                   is_mobile=True, has_touch=True).new_page()
        page.set_default_timeout(WAIT)
        page.goto(join_link)
        page.get_by_role("button", name="Doe mee").click()
        expect(page.get_by_text("Maatregel 1 van 2")).to_be_visible()
        assert "p=" in page.url and "join=" not in page.url
        for m in range(2):
            for c in range(2):
                pill = page.locator(f".st-key-ans-1-{m}-{c}").get_by_role(
                    "radio", name=pill_label(answer(i, m, c)), exact=True)
                pill.click()
                expect(pill).to_have_attribute("aria-checked", "true")
            if m == 0 and i < REASONS:
                page.locator(".st-key-reason-1-0 textarea").fill(reason(i))
            page.get_by_role("button", name="Volgende").click()
        expect(page.get_by_text("Klaar! Al uw antwoorden zijn bewaard.")).to_be_visible()
        pages.append(page)

    # -- the facilitator's live view counts them without a reload
    metric = fac.locator('[data-testid="stMetric"]').filter(has_text="Klaar")
    expect(metric).to_contain_text(f"{PARTICIPANTS} / {PARTICIPANTS}")
    expect(fac.locator('[data-testid="stMetric"]').filter(has_text="Deelnemers")).to_contain_text(
        str(PARTICIPANTS))
    fac.get_by_text("Tussenstand op dit scherm tonen").click()
    fac.get_by_role("tab", name="Alle scores").click()
    grid = fac.locator('[data-testid="stDataFrame"]').filter(has_text="Gemiddelde")
    expect(grid).to_be_visible()
    # an anonymous round still open shows counts only (no mean to difference)
    expect(fac.get_by_text("ziet u alleen aantallen")).to_be_visible()
    for measure in MEASURES:
        for criterion in CRITERIA:
            row = grid.locator('[role="row"]').filter(has_text=measure).filter(
                has_text=criterion)
            cells = row.locator('[role="gridcell"]').all_inner_texts()
            assert cells[2] == str(PARTICIPANTS) and cells[3].strip() == "", cells
    round_action(fac, "Ronde sluiten").click()
    expect(fac.get_by_text("Ronde 1: gesloten")).to_be_visible()
    fac.get_by_role("tab", name="Alle scores").click()
    expect(fac.get_by_text("ziet u alleen aantallen")).to_have_count(0)
    for m, measure in enumerate(MEASURES):
        for c, criterion in enumerate(CRITERIA):
            values = [answer(i, m, c) for i in range(PARTICIPANTS)]
            mean = round(sum(values) / len(values), 2)
            row = grid.locator('[role="row"]').filter(has_text=measure).filter(
                has_text=criterion)
            expect(row.locator('[role="gridcell"]').nth(3)).to_have_text(re.compile(r"\d"))
            cells = row.locator('[role="gridcell"]').all_inner_texts()
            assert cells[2] == str(PARTICIPANTS), cells  # n
            assert float(cells[3]) == pytest.approx(mean), (measure, criterion, cells)
    fac.get_by_role("tab", name="Grootste verschillen").click()
    # the reasons under the hotspot, by the score given on it (anonymous: no names)
    hotspot = fac.locator('[data-testid="stExpander"]').filter(
        has_text=f"{MEASURES[0]} · {CRITERIA[0]} ({REASONS} toelichtingen)")
    expect(hotspot).to_have_count(1)
    if hotspot.locator("details").get_attribute("open") is None:
        hotspot.locator("summary").click()
    for i in range(REASONS):
        expect(hotspot).to_contain_text(re.compile(
            rf"Score {re.escape(pill_label(answer(i, 0, 0)))} \(1\)\s*“{re.escape(reason(i))}”$",
            re.MULTILINE), use_inner_text=True)
    assert " — " not in hotspot.inner_text()
    shot(fac, "facilitator-round1")

    # -- reveal: participants follow within a few seconds, without doing anything
    round_action(fac, "Resultaten onthullen").click()
    for page in pages[:3]:
        expect(page.get_by_text("De resultaten van ronde 1 zijn bekend.")).to_be_visible()
        expect(page.get_by_text("Zo scoorde de zaal in ronde 1")).to_be_visible()
    # the room's chart on the phone, drawn (Vega-Lite renders into a canvas or svg)
    chart = pages[0].locator('[data-testid="stVegaLiteChart"]')
    expect(chart.locator("canvas, svg").first).to_be_visible()
    assert chart.bounding_box()["width"] <= 390  # fits the phone's width
    shot(pages[0], "participant-revealed")

    # the projection followed by itself: the room's result, large, with two charts
    expect(beamer.locator(".projection-big").filter(
        has_text="Hier verschilt de zaal het meest")).to_be_visible()
    expect(beamer.locator('[data-testid="stPlotlyChart"]')).to_have_count(2)
    for i in range(REASONS):  # under its hotspot, without names
        expect(beamer.get_by_text(f"“{reason(i)}”", exact=True).first).to_be_visible()
    expect(round_action(beamer, "Ronde sluiten")).to_have_count(0)
    shot(beamer, "projection-revealed")

    # -- round 2 opens; participants are taken to the questions again
    round_action(fac, "Nieuwe ronde").click()
    expect(fac.get_by_text("Ronde 2: deelnemers scoren")).to_be_visible()
    first = pages[0]
    expect(first.get_by_text("Maatregel 1 van 2")).to_be_visible()
    for c in range(2):
        pill = first.locator(f".st-key-ans-2-0-{c}").get_by_role("radio", name=pill_label(0),
                                                                   exact=True)
        pill.click()
        expect(pill).to_have_attribute("aria-checked", "true")
    first.get_by_role("button", name="Volgende").click()  # the measure's form stores both
    expect(first.get_by_text("Maatregel 2 van 2")).to_be_visible()

    # -- a reload resumes where the participant was, as the same participant
    token_url = first.url
    first.reload()
    expect(first.get_by_text("Maatregel 2 van 2")).to_be_visible()
    assert first.url == token_url
    expect(first.get_by_text("Ronde 2: 2 van 4 vragen beantwoord")).to_be_visible()
    shot(first, "participant-resumed")
    expect(fac.locator('[data-testid="stMetric"]').filter(has_text="Antwoorden")).to_contain_text(
        f"2 / {PARTICIPANTS * 4}")
    expect(fac.locator('[data-testid="stMetric"]').filter(has_text="Deelnemers")).to_contain_text(
        str(PARTICIPANTS))  # no duplicate participant
    # a one-minute timer: it closes round 2 by itself at the end of this test
    fac.get_by_label("Timer (minuten)").fill("1")
    fac.get_by_role("button", name="Timer starten").click()
    expect(fac.get_by_text(re.compile(r"De ronde sluit over 0:[0-5]\d"))).to_be_visible()
    # the facilitator's minute is in the database; the test then lets it run out in 8 s,
    # not 60 (a round closes itself when its closes_at passes, whoever set it)
    closes_at = store.cursor().execute(
        "SELECT closes_at FROM workshop_rounds WHERE code = ? AND round_no = 2",
        [code]).fetchone()[0]
    assert 30 < (closes_at - timestamp()).total_seconds() <= 60
    with store.transaction() as cur:
        cur.execute("UPDATE workshop_rounds SET closes_at = ? WHERE code = ? AND round_no = 2",
                    [timestamp() + timedelta(seconds=8), code])
    expect(beamer.get_by_text(re.compile(r"De ronde sluit over 0:[0-5]\d"))).to_be_visible()
    first.reload()  # the phone shows at what time the round closes
    expect(first.get_by_text(re.compile(r"De ronde sluit om \d\d:\d\d:\d\d\."))).to_be_visible()
    if SHOTS:
        fac.get_by_text("Tussenstand op dit scherm tonen").click()
        fac.get_by_role("tab", name="Verschuiving").click()
        shot(fac, "facilitator-round2")

    # -- a participant's link never reaches the facilitator controls
    token = re.search(r"p=([^&]+)", token_url).group(1)
    intruder = browser.new_context().new_page()
    intruder.set_default_timeout(WAIT)
    for url in (f"{base}/workshop?p={token}", f"{base}/?p={token}&session={code}",
                f"{base}/workshop?join={code}&session={code}&key={key}"):
        intruder.goto(url)
        expect(intruder.get_by_text("Workshop " + code).or_(
            intruder.get_by_role("button", name="Doe mee"))).to_be_visible()
        assert intruder.get_by_role("button", name="Ronde openen").count() == 0
        assert intruder.get_by_role("button", name="Ronde sluiten").count() == 0
    intruder.goto(f"{base}/workshop?session={code}")  # the facilitator page without the key
    expect(intruder.get_by_text("kan alleen worden beheerd met de sleutel")).to_be_visible()
    assert intruder.get_by_role("button", name="Ronde openen").count() == 0

    # -- the timer closes round 2 by itself: facilitator and beamer follow, a late
    # answer is refused
    expect(fac.get_by_text("Ronde 2: gesloten")).to_be_visible()
    expect(beamer.get_by_text("Ronde 2 is gesloten. Zo meteen de resultaten.")).to_be_visible()
    for c in range(2):
        first.locator(f".st-key-ans-2-1-{c}").get_by_role("radio", name=pill_label(1),
                                                           exact=True).click()
    first.get_by_role("button", name="Volgende").click()
    expect(first.get_by_text("Ronde 2 is niet open; uw antwoord is niet bewaard.")).to_be_visible()
