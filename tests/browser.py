"""Shared by the browser and export tests: Chromium, Playwright and a real Streamlit server."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
CHROMIUM = os.environ.get("BROWSER_PATH", "/usr/bin/chromium")
# Without the background-networking flags Chromium keeps dialling out on a closed network.
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-first-run",
]


# What a phone's seven-point pill says, written out here (not taken from the app), so the
# browser tests check the labels too.
PILL_WORDS = {-3: "zeer negatief", -2: "negatief", -1: "licht negatief", 0: "neutraal",
              1: "licht positief", 2: "positief", 3: "zeer positief"}


def pill_label(value: int) -> str:
    return f"{value:+d} {PILL_WORDS[value]}".replace("+0 ", "0 ")


# Streamlit keeps the previous run's elements on screen, marked data-stale="true", until
# the new run has drawn their replacements. An element whose node is replaced (a form
# under a new key, a button turning primary) is there twice for a moment, and Playwright
# fails at once on two matches (strict mode) instead of waiting.
NOT_STALE = ':not([data-stale="true"] *)'


def fresh(locator):
    """`locator` without the elements left over from the previous run."""
    return locator.and_(locator.page.locator(NOT_STALE))


def missing(problem: str) -> None:
    """A missing browser fails the test in CI (CI=true) and skips it elsewhere."""
    if os.environ.get("CI"):
        pytest.fail(f"{problem} (required in CI)")
    pytest.skip(problem)


def require_browser():
    """Playwright's sync_playwright, driving the system Chromium."""
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        missing("Playwright is not installed")
    if not os.access(CHROMIUM, os.X_OK):
        missing(f"Chromium not found at {CHROMIUM}")
    return sync_playwright


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_until_healthy(base: str, proc: subprocess.Popen, log: Path,
                       timeout: float = 90) -> None:
    """Wait for a Streamlit server's health check; fail with its log if it dies or hangs."""
    deadline = time.monotonic() + timeout
    while True:
        try:
            with urllib.request.urlopen(base + "/_stcore/health", timeout=2) as r:
                if r.status == 200:
                    return
        except OSError:
            pass
        if proc.poll() is not None or time.monotonic() > deadline:
            pytest.fail("streamlit did not start:\n" + log.read_text(errors="replace")[-3000:])
        time.sleep(0.3)


def start_streamlit(db: Path, log: Path, port: int, *, env: dict[str, str] | None = None,
                    args: tuple[str, ...] = ()) -> subprocess.Popen:
    """`streamlit run app.py` on 127.0.0.1:port with IMPACT_DB=db, its output appended to
    `log`; returns the process (not yet healthy: see `wait_until_healthy`)."""
    env = dict(os.environ, IMPACT_DB=str(db), **(env or {}))
    env.pop("IMPACT_PUBLIC_URL", None)
    env.setdefault("IMPACT_AUTH", "local")
    with open(log, "ab") as out:  # the child keeps its own copy of the descriptor
        return subprocess.Popen(  # noqa: S603 - our own app
            [sys.executable, "-m", "streamlit", "run", "app.py", "--server.port", str(port),
             "--server.address", "127.0.0.1", "--server.headless", "true",
             "--browser.gatherUsageStats", "false", *args],
            cwd=ROOT, env=env, stdout=out, stderr=subprocess.STDOUT,
        )


def stop(proc: subprocess.Popen) -> None:
    """SIGTERM; SIGKILL for a server that has not ended 15 s later."""
    for send, patience in ((proc.terminate, 15), (proc.kill, None)):
        send()
        try:
            proc.wait(timeout=patience)
            return
        except subprocess.TimeoutExpired:
            continue


@contextmanager
def streamlit_server(db: Path, log: Path, *, startup_timeout: float = 90,
                     env: dict[str, str] | None = None, args: tuple[str, ...] = (),
                     port: int | None = None) -> Iterator[str]:
    """`streamlit run app.py` on a free port with IMPACT_DB=db; yields its base URL.

    `env` adds environment variables (e.g. IMPACT_AUTH), `args` Streamlit options.
    """
    port = port or free_port()
    proc = start_streamlit(db, log, port, env=env, args=args)
    base = f"http://127.0.0.1:{port}"
    try:
        wait_until_healthy(base, proc, log, startup_timeout)
        yield base
    finally:
        stop(proc)


def read_database_copy(db: Path, read):
    """`read(store)` on a copy of the database file (the server holds the file's lock)."""
    import shutil
    import tempfile

    from impact.store import Store

    with tempfile.TemporaryDirectory() as folder:
        copy = Path(folder) / "copy.duckdb"
        shutil.copy(db, copy)
        wal = db.with_name(db.name + ".wal")
        if wal.exists():
            shutil.copy(wal, copy.with_name(copy.name + ".wal"))
        store = Store(copy)
        try:
            return read(store)
        finally:
            store.close()


class Connections:
    """A page's websockets (Streamlit's frontend opens a new one when it reconnects) and,
    per websocket, how many full script runs the server finished on it."""

    def __init__(self, page, wait_ms: int = 60_000) -> None:
        from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

        self._full_run = ForwardMsg.ScriptFinishedStatus.FINISHED_SUCCESSFULLY
        self._parse = ForwardMsg.FromString
        self.page, self.wait_ms, self.full_runs = page, wait_ms, []
        page.on("websocket", self._opened)

    def _opened(self, socket) -> None:
        index = len(self.full_runs)
        self.full_runs.append(0)
        socket.on("framereceived", lambda payload: self._frame(index, payload))

    def _frame(self, index: int, payload: str | bytes) -> None:
        if isinstance(payload, bytes):
            msg = self._parse(payload)
            if (msg.WhichOneof("type") == "script_finished"
                    and msg.script_finished == self._full_run):
                self.full_runs[index] += 1

    def wait_for_reconnect(self, before: int) -> None:
        """Until the page opened a websocket after its first `before` by itself (the
        frontend retries while the server is down) and the new server finished the full
        run the frontend asks for on reconnecting. Nothing here reloads the page."""
        for _ in range(self.wait_ms // 200):
            if any(self.full_runs[before:]):
                return
            self.page.wait_for_timeout(200)  # lets Playwright deliver the frames
        status = self.page.locator('[data-testid="stStatusWidget"]').all_inner_texts()
        raise AssertionError(f"no reconnect: full runs per websocket {self.full_runs}, "
                             f"status {status}")


def round_action(page, name: str):
    """The facilitator's round button `name` (it turns primary when it is the next step)."""
    return fresh(page.get_by_role("button", name=name))


# The grid's cell editors, which the scoring page loads up front (score_grid.EDITOR_CHUNKS).
# Chromium keeps 250 resource entries: with a full buffer there is nothing to wait for.
CELL_EDITORS_LOADED = """() => {
    const names = performance.getEntriesByType('resource').map(e => e.name);
    return names.length >= 250 || ['data-grid-overlay-editor', 'number-overlay-editor'].every(
        chunk => names.some(name => name.includes('/static/js/' + chunk)));
}"""


def wait_for_cell_editors(page) -> None:
    """Wait until the page has loaded the grid's cell editors: until then a key typed into
    a cell can open an editor that is not there yet, and the next key starts it afresh."""
    page.wait_for_function(CELL_EDITORS_LOADED)
