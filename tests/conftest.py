"""Shared fixtures: every test gets its own DuckDB file (or PostgreSQL database)."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
APP = str(ROOT / "app.py")  # AppTest resolves relative paths against the test file
EXAMPLE_DIR = ROOT / "src" / "impact" / "example"
SHARED_DATA = ROOT.parent / "shared" / "data"

# Tests that drive real servers and Chromium. `make test` runs the suite on two workers
# (pytest-xdist, --dist loadgroup): these all go to one of them, one at a time, so two
# browsers never compete for the two cores while typing at a person's speed; the
# other worker runs everything else beside them.
SERIAL_FILES = ("test_browser_", "test_multiprocess", "test_install", "test_benchmark_client",
                "test_deploy_nginx")


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if item.path.name.startswith(SERIAL_FILES):
            item.add_marker(pytest.mark.xdist_group("servers"))


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


# -- PostgreSQL: one throwaway cluster per test session, a fresh database per test --------
@pytest.fixture(scope="session")
def pg_cluster():
    """The test session's PostgreSQL server (tests/postgres.py); fails when PostgreSQL is
    not installed."""
    from tests.postgres import Cluster

    cluster = Cluster()
    try:
        cluster.start()
        cluster.make_template()
        yield cluster
    finally:
        cluster.stop()


@pytest.fixture
def pg_url(pg_cluster) -> str:
    """A fresh PostgreSQL database with the current schema and no content; its URL."""
    url = pg_cluster.new_database()
    yield url
    pg_cluster.drop_database(url)


@pytest.fixture(params=["duckdb", "postgresql"])
def db_target(request: pytest.FixtureRequest, tmp_path: Path) -> Path | str:
    """A fresh database on each backend: a DuckDB file path, then a PostgreSQL URL."""
    if request.param == "duckdb":
        return tmp_path / "impact.duckdb"
    return request.getfixturevalue("pg_url")


@pytest.fixture
def db_env(db_target: Path | str, monkeypatch: pytest.MonkeyPatch) -> Path | str:
    """`db_path` on each backend: IMPACT_DB set to a fresh file or PostgreSQL database."""
    monkeypatch.setenv("IMPACT_DB", str(db_target))
    monkeypatch.delenv("IMPACT_AUTH", raising=False)
    return db_target


@pytest.fixture
def pg_db(pg_url: str, monkeypatch: pytest.MonkeyPatch) -> str:
    """`db_path` on PostgreSQL only: IMPACT_DB set to a fresh database's URL."""
    monkeypatch.setenv("IMPACT_DB", pg_url)
    monkeypatch.delenv("IMPACT_AUTH", raising=False)
    return pg_url
