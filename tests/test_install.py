"""A non-editable install (`pip install .` into a fresh venv) validates, starts and seeds.

This is the one test that installs the project: about half a minute with pip's cache
(the bootstrap of `make test` fills it with the same wheels).
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.browser import (
    CHROMIUM,
    CHROMIUM_ARGS,
    free_port,
    require_browser,
    wait_until_healthy,
)

ROOT = Path(__file__).resolve().parents[1]


def clean_env(**extra: str) -> dict[str, str]:
    """The environment without PYTHONPATH, so the fresh venv sees only what it installed."""
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "IMPACT_AUTH")}
    return {**env, **extra}


@pytest.fixture(scope="module")
def installed(tmp_path_factory) -> Path:
    venv = tmp_path_factory.mktemp("venv") / "v"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    done = subprocess.run([str(venv / "bin" / "python"), "-m", "pip", "install", "-q",
                           str(ROOT)], capture_output=True, text=True, timeout=900,
                          env=clean_env())
    assert done.returncode == 0, done.stderr[-3000:]
    return venv


def test_installed_cli_validates_the_shipped_example(installed: Path, tmp_path: Path) -> None:
    example = subprocess.run(
        [str(installed / "bin" / "python"), "-c",
         "from impact.store import EXAMPLE_DIR; print(EXAMPLE_DIR)"],
        capture_output=True, text=True, cwd=tmp_path, check=True, env=clean_env()).stdout.strip()
    assert "site-packages" in example and str(ROOT) not in example  # not the checkout
    done = subprocess.run([str(installed / "bin" / "impact"), "validate", example],
                          capture_output=True, text=True, cwd=tmp_path, env=clean_env())
    assert done.returncode == 0, done.stderr
    assert "11 maatregelen, 13 criteria, 4 profielen" in done.stdout


def test_impact_serve_starts_and_seeds(installed: Path, tmp_path: Path) -> None:
    sync_playwright = require_browser()
    port = free_port()
    db = tmp_path / "served.duckdb"
    env = clean_env(IMPACT_DB=str(db))
    log = tmp_path / "serve.log"
    with open(log, "wb") as out:
        proc = subprocess.Popen(  # noqa: S603 - our own command
            [str(installed / "bin" / "impact"), "serve", "--port", str(port),
             "--address", "127.0.0.1"], cwd=tmp_path, env=env, stdout=out,
            stderr=subprocess.STDOUT)
    try:
        base = f"http://127.0.0.1:{port}"
        wait_until_healthy(base, proc, log)
        with sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            try:
                page = browser.new_page()
                page.goto(base + "/")
                page.get_by_role("heading", name="Beoordeling opzetten").wait_for(
                    timeout=60_000)
                page.get_by_text("11 maatregelen · 13 criteria").wait_for(timeout=30_000)
            finally:
                browser.close()
    finally:
        proc.terminate()
        proc.wait(timeout=20)
    assert "Traceback" not in log.read_text()
