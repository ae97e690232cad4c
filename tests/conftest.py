"""Shared fixtures: every test gets its own DuckDB file."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
APP = str(ROOT / "app.py")  # AppTest resolves relative paths against the test file
EXAMPLE_DIR = ROOT / "src" / "impact" / "example"
SHARED_DATA = ROOT.parent / "shared" / "data"


@pytest.fixture
def db_path(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    path = tmp_path / "impact.duckdb"
    monkeypatch.setenv("IMPACT_DB", str(path))
    monkeypatch.delenv("IMPACT_AUTH", raising=False)  # local mode unless a test says so
    return path



@pytest.fixture
def browser():
    """Headless system Chromium through Playwright (fails in CI when it is missing)."""
    from tests.browser import CHROMIUM, CHROMIUM_ARGS, require_browser

    sync_playwright = require_browser()
    with sync_playwright() as pw:
        chromium = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            yield chromium
        finally:
            chromium.close()


@pytest.fixture(scope="session")
def kaleido_server() -> None:
    """One kaleido server for the whole test session (started by the first export)."""
    from impact import export
    from tests.browser import missing

    ok, message = export.static_export_available("en")
    if not ok:
        missing(f"no Chromium for static export: {message}")
    assert export.warm_up("en")
    assert export.kaleido_running()
