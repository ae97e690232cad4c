"""Shared fixtures: every test gets its own DuckDB file."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
APP = str(ROOT / "app.py")  # AppTest resolves relative paths against the test file
EXAMPLE_DIR = ROOT / "data" / "example"
SHARED_DATA = ROOT.parent / "shared" / "data"


@pytest.fixture
def db_path(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    path = tmp_path / "impact.duckdb"
    monkeypatch.setenv("IMPACT_DB", str(path))
    return path


@pytest.fixture(autouse=True, scope="session")
def _apptest_runs_app_py_every_time():
    """Make AppTest run app.py on every run, as the real server does.

    AppTest resets `PagesManager.uses_pages_directory` before each run; with a
    `pages/` folder beside app.py it then runs a page file directly on the second
    run, skipping app.py (sidebar, language switch). The real server sets the flag
    to False for good the first time app.py calls st.navigation.
    """
    from streamlit.runtime.pages_manager import PagesManager
    from streamlit.testing.v1 import app_test

    class NavigationPagesManager(PagesManager):
        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            PagesManager.uses_pages_directory = False

    original = app_test.PagesManager
    app_test.PagesManager = NavigationPagesManager
    yield
    app_test.PagesManager = original
