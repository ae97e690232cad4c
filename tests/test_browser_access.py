"""Access control in a real Chromium against a real Streamlit server.

Local mode: a request that carries a proxy header (as every request behind a proxy
does) is a participant everywhere; the same browser on loopback without it is the
editor. Sign-in mode: a real OpenID Connect provider (oidc-provider-mock) on
127.0.0.1, sign-in and sign-out in Chromium, a viewer who cannot change a score and an
editor who can.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from impact import access
from impact.store import Store
from tests.browser import (
    free_port,
    read_database_copy,
    streamlit_server,
    wait_for_cell_editors,
)

WAIT = 30_000  # ms; generous on a shared 2-core machine
PATHS = ["/", "/results", "/assessment", "/scoring", "/weights", "/sensitivity",
         "/workshop", "/export", "/access", "/no-such-page"]
EDITOR_ONLY = ["Verwijderen", "Importeren", "Beoordeling verwijderen"]


def sidebar_text(page) -> str:
    sidebar = page.locator('[data-testid="stSidebar"]')
    return sidebar.inner_text() if sidebar.count() else ""


def test_local_mode_proxy_header_sees_only_the_join_page(tmp_path: Path, browser) -> None:
    from playwright.sync_api import expect

    expect.set_options(timeout=WAIT)
    with streamlit_server(tmp_path / "local.duckdb", tmp_path / "server.log") as base:
        room = browser.new_context(extra_http_headers={"X-Forwarded-For": "203.0.113.9"})
        phone = room.new_page()
        phone.set_default_timeout(WAIT)
        for path in PATHS:
            phone.goto(base + path)
            expect(phone.get_by_role("heading", name="Meedoen aan een workshop")).to_be_visible()
            expect(phone.get_by_role("button", name="Verder")).to_be_visible()
            assert phone.locator('[data-testid="stSidebar"]').count() == 0, path
            assert phone.get_by_text("Beoordeling", exact=True).count() == 0, path
            for label in EDITOR_ONLY:
                assert phone.get_by_role("button", name=label).count() == 0, (path, label)
            assert phone.locator('[data-testid="stFileUploader"]').count() == 0, path

        laptop = browser.new_context().new_page()  # the server machine itself
        laptop.set_default_timeout(WAIT)
        laptop.goto(base + "/")
        expect(laptop.get_by_role("heading", name="Beoordeling opzetten")).to_be_visible()
        expect(laptop.locator('[data-testid="stSidebar"]')).to_contain_text("Resultaten")
        laptop.get_by_text("Beoordelingen beheren").click()
        expect(laptop.get_by_role("button", name="Verwijderen")).to_be_visible()
        laptop.goto(base + "/results")
        expect(laptop.get_by_role("heading", name="Resultaten")).to_be_visible()


# -- sign-in mode ------------------------------------------------------------------------
@pytest.fixture
def oidc_app(tmp_path: Path) -> Iterator[tuple[str, Path]]:
    from oidc_provider_mock import run_server_in_thread

    db = tmp_path / "oidc.duckdb"
    port = free_port()
    with run_server_in_thread() as provider:
        issuer = f"http://localhost:{provider.server_port}"
        secrets = tmp_path / "secrets.toml"
        secrets.write_text(
            "[auth]\n"
            f'redirect_uri = "http://127.0.0.1:{port}/oauth2callback"\n'
            'cookie_secret = "a-test-secret-of-at-least-thirty-two-chars"\n'
            'client_id = "impactbalans"\n'
            'client_secret = "test-client-secret"\n'
            f'server_metadata_url = "{issuer}/.well-known/openid-configuration"\n'
        )
        with streamlit_server(db, tmp_path / "server.log", port=port,
                              env={"IMPACT_AUTH": "oidc"},
                              args=("--secrets.files", str(secrets))) as base:
            yield base, db


def sign_in(page, base: str, email: str, expect) -> None:
    page.goto(base + "/")
    page.get_by_role("button", name="Aanmelden").click()
    page.locator('input[name="sub"]').fill(email)  # the provider's own sign-in form
    page.locator('input[name="sub"]').press("Enter")
    expect(page.locator('[data-testid="stSidebar"]')).to_contain_text(email)


# The grid's cell editor (a textarea in Glide's overlay portal) holding `value`.
CELL_EDITOR_HOLDS = ("value => { const a = document.activeElement;"
                     " return !!a && !!a.closest('#portal') && a.value === value; }")


def type_first_score(page, text: str, *, editable: bool = True) -> None:
    """Type into the first measure's first score (nitrogen, 0..100) as a person does:
    click the measure's name, step right into its first score, type, Tab. The grid is a
    canvas, so the result is checked in the database (and by the Save bar).

    This test is about who may write, not typing speed (test_browser_editor types at
    human speed without waiting): in an editable grid each key waits for the cell
    editor to hold it. Once in a CI run under full load the first key went to the grid
    while the editor was still opening ("42" was stored as 2)."""
    from playwright.sync_api import expect

    grid = page.locator('[data-testid="stDataFrame"]').first
    expect(grid.locator('[role="gridcell"]').first).to_be_attached()
    if editable:
        wait_for_cell_editors(page)
    box = grid.bounding_box()
    page.wait_for_timeout(150)
    page.mouse.click(box["x"] + 30, box["y"] + 36 + 17, delay=60)  # row 1, the measure
    page.keyboard.press("ArrowRight")
    page.wait_for_timeout(80)
    for typed in range(1, len(text) + 1):
        page.keyboard.press(text[typed - 1])
        if editable:
            page.wait_for_function(CELL_EDITOR_HOLDS, arg=text[:typed])
        page.wait_for_timeout(80)
    page.keyboard.press("Tab")
    page.wait_for_timeout(80)


def sign_out(page) -> None:
    """Sign out here, and end the provider's session on its confirmation page."""
    from playwright.sync_api import expect

    page.get_by_role("button", name="Afmelden").click()
    page.get_by_role("button", name="End session").click()
    expect(page.get_by_role("button", name="Aanmelden")).to_be_visible()
    assert page.locator('[data-testid="stSidebar"]').count() == 0


def eventually(check, seconds: float = 15) -> bool:
    import time

    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if check():
            return True
        time.sleep(0.3)
    return check()


def test_sign_in_roles_and_sign_out(oidc_app, browser) -> None:
    from playwright.sync_api import expect

    expect.set_options(timeout=WAIT)
    base, db = oidc_app
    page = browser.new_context(viewport={"width": 1400, "height": 1000}).new_page()
    page.set_default_timeout(WAIT)

    # not signed in: the sign-in page at every path, and the join page one click away
    for path in ("/", "/results", "/assessment"):
        page.goto(base + path)
        expect(page.get_by_role("button", name="Aanmelden")).to_be_visible()
        assert page.locator('[data-testid="stSidebar"]').count() == 0
    expect(page.get_by_role("link", name="Meedoen aan een workshop")).to_be_visible()

    # the first person to sign in to an empty role table becomes its editor
    sign_in(page, base, "anna@provincie.nl", expect)
    expect(page.locator('[data-testid="stSidebar"]')).to_contain_text("redacteur")
    expect(page.locator('[data-testid="stSidebar"]')).to_contain_text("Toegang")
    page.get_by_role("link", name="Toegang").click()
    page.get_by_label("E-mailadres of domein").fill("@waterschap.nl")
    page.get_by_role("button", name="Toevoegen of wijzigen").click()
    expect(page.get_by_text("@waterschap.nl", exact=True)).to_be_attached()
    role = read_database_copy(db, lambda store: access.role_of(store, "piet@waterschap.nl"))
    assert role == "viewer"

    # the editor changes a score in the grid
    page.get_by_role("link", name="Scores").click()
    expect(page.get_by_role("heading", name="Scores")).to_be_visible()
    assert _score(db) == 35
    type_first_score(page, "42")
    page.get_by_role("button", name=re.compile(r"^Opslaan \(1 ")).click()  # saved on request
    assert eventually(lambda: _score(db) == 42)

    sign_out(page)

    # someone of the water board's domain reads, and cannot change a score
    sign_in(page, base, "piet@waterschap.nl", expect)
    expect(page.locator('[data-testid="stSidebar"]')).to_contain_text("lezer")
    assert page.get_by_role("link", name="Toegang").count() == 0
    page.get_by_role("link", name="Scores").click()
    expect(page.get_by_text("Alleen lezen")).to_be_visible()
    type_first_score(page, "7", editable=False)  # read-only: no Save bar, nothing stored
    assert page.get_by_role("button", name=re.compile(r"^(Opslaan|Geen wijzigingen)")).count() == 0
    page.wait_for_timeout(1000)
    assert _score(db) == 42
    assert page.get_by_text("Beoordelingen beheren").count() == 0

    # somebody unknown signs in and gets no access, only the way to the join page
    sign_out(page)
    sign_in_unknown = page
    sign_in_unknown.goto(base + "/")
    sign_in_unknown.get_by_role("button", name="Aanmelden").click()
    sign_in_unknown.locator('input[name="sub"]').fill("kees@elders.nl")
    sign_in_unknown.locator('input[name="sub"]').press("Enter")
    expect(sign_in_unknown.get_by_text(re.compile("nog geen toegang"))).to_be_visible()
    assert sign_in_unknown.locator('[data-testid="stSidebar"]').count() == 0


def _first_score(store: Store) -> float:
    assessment = store.load(store.list_assessments()[0].id)
    measure, criterion = assessment.measures[0].id, assessment.criteria[0].id
    return assessment.scores[(measure, criterion)].value


def _score(db: Path) -> float:
    return read_database_copy(db, _first_score)
