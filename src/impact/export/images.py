"""Chart images: interactive HTML, and PNG, SVG and PDF rendered by kaleido in Chromium.

Static images (PNG, SVG, PDF) are rendered by kaleido 1.x in the system Chromium.
One kaleido sync server runs per process, started lazily on the first static
export (about 2.5 s once; every export after that takes 0.15-0.4 s). Calls are
serialised by a lock: kaleido renders in one tab anyway, and its queue does not
match results to callers when several threads call at once. Without Chromium,
static export raises `StaticExportUnavailable` with a message that says how to
install it; interactive HTML needs no browser and keeps working.

The PDF report is the HTML report with static SVG charts, printed by the same
Chromium in headless mode (`--print-to-pdf`): `html_to_pdf`.
"""

from __future__ import annotations

import html
import logging
import os
import shutil
import subprocess
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

import plotly.graph_objects as go

from impact.export.errors import ExportError, StaticExportUnavailable
from impact.i18n import t

# --- formats and sizes ------------------------------------------------------------

FORMATS: tuple[str, ...] = ("png", "svg", "pdf", "html")
STATIC_FORMATS: tuple[str, ...] = ("png", "svg", "pdf")
# Print resolution: a 1000 px wide chart at scale 3 is 3000 px, 300 dpi at about 25 cm wide.
PRINT_SCALE = 3
DEFAULT_WIDTH = 1000  # used when a figure sets no size: fits a slide
DEFAULT_HEIGHT = 600
RENDER_TIMEOUT = 90.0  # seconds for one static image
PDF_TIMEOUT = 120.0  # seconds for printing the report


# --- Chromium and the kaleido server ---------------------------------------------------

_CHROMIUM_NAMES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")


def _is_executable(path: str) -> bool:
    return os.path.isfile(path) and os.access(path, os.X_OK)


def browser_path() -> str | None:
    """The Chromium to use: BROWSER_PATH when set, else /usr/bin/chromium or one on PATH.

    An explicit BROWSER_PATH that does not point to a program means "no browser"
    (no silent fallback), so a wrong setting is reported instead of hidden.
    """
    env = os.environ.get("BROWSER_PATH")
    if env:
        return env if _is_executable(env) else None
    if _is_executable("/usr/bin/chromium"):
        return "/usr/bin/chromium"
    for name in _CHROMIUM_NAMES:
        found = shutil.which(name)
        if found and _is_executable(found):
            return found
    return None


def static_export_available(lang: str = "nl") -> tuple[bool, str]:
    """(True, path of the browser) or (False, what to do about it in the user's words)."""
    path = browser_path()
    if path:
        return True, path
    env = os.environ.get("BROWSER_PATH")
    if env:
        return False, t("export.no_chromium_env", lang, path=env)
    return False, t("export.no_chromium", lang)


_log = logging.getLogger(__name__)


class _KaleidoServer:
    """The process-wide kaleido sync server: started once, lazily, calls serialised."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._hooked = False

    def _quiet_server_thread(self) -> None:
        """A browser that fails to start kills kaleido's server thread with a traceback on
        stderr; log it instead (the caller gets a clear ExportError)."""
        if self._hooked:
            return
        import kaleido

        previous = threading.excepthook

        def hook(args: threading.ExceptHookArgs) -> None:
            server_thread = getattr(kaleido._global_server, "_thread", None)  # noqa: SLF001
            if server_thread is not None and args.thread is server_thread:
                _log.info("kaleido server stopped: %r", args.exc_value)
                return
            previous(args)

        threading.excepthook = hook
        self._hooked = True

    def _thread_alive(self) -> bool:
        import kaleido

        server = kaleido._global_server  # noqa: SLF001 - to notice a server that died
        thread = getattr(server, "_thread", None)
        return server.is_running() and thread is not None and thread.is_alive()

    def _ensure_started(self, path: str) -> None:
        import kaleido

        server = kaleido._global_server  # noqa: SLF001
        if server.is_running() and not self._thread_alive():
            server.close(silence_warnings=True)  # it died (browser crashed): start again
        if not server.is_running():
            self._quiet_server_thread()
            kaleido.start_sync_server(
                mathjax=False, path=path, timeout=RENDER_TIMEOUT, silence_warnings=True
            )

    @property
    def running(self) -> bool:
        return self._thread_alive()

    def calc(self, fig_dict: dict, opts: dict, *, path: str, lang: str = "nl") -> bytes:
        import kaleido

        with self._lock:
            self._ensure_started(path)
            result: dict[str, Any] = {}

            def call() -> None:
                try:
                    result["value"] = kaleido.calc_fig_sync(fig_dict, opts=opts)
                except BaseException as exc:  # noqa: BLE001 - handed to the caller
                    result["error"] = exc

            # kaleido's call blocks for ever if its server thread has died (for instance a
            # browser that cannot start); watch the server while waiting. A dead server is
            # closed so that the next export starts a new one. (kaleido times out a render
            # itself after RENDER_TIMEOUT; the deadline here is only a last resort.)
            worker = threading.Thread(target=call, daemon=True, name="impact-kaleido-call")
            worker.start()
            deadline = time.monotonic() + RENDER_TIMEOUT + 10
            while worker.is_alive():
                worker.join(0.05)
                if not worker.is_alive():
                    break
                if not self._thread_alive():
                    kaleido._global_server.close(silence_warnings=True)  # noqa: SLF001
                    raise ExportError(t("export.render_failed", lang, browser=path))
                if time.monotonic() > deadline:
                    raise ExportError(t("export.render_failed", lang, browser=path))
            if "error" in result:
                raise ExportError(
                    t("export.render_error", lang, error=str(result["error"])[:300])
                ) from result["error"]
            return result["value"]


_SERVER = _KaleidoServer()


def kaleido_running() -> bool:
    """True when this process's kaleido server is up (for tests and diagnostics)."""
    return _SERVER.running


def warm_up(lang: str = "nl") -> bool:
    """Start the kaleido server now (about 2.5 s) so the first export is fast."""
    ok, _ = static_export_available(lang)
    if ok:
        figure_to_bytes(go.Figure(go.Bar(x=[1], y=[1])), "png", width=50, height=50)
    return ok


def _figure_size(fig: go.Figure, width: int | None, height: int | None) -> tuple[int, int]:
    layout = fig.layout
    return (
        int(width or layout.width or DEFAULT_WIDTH),
        int(height or layout.height or DEFAULT_HEIGHT),
    )


def figure_to_html(fig: go.Figure, *, lang: str = "nl", title: str | None = None) -> str:
    """A standalone interactive HTML page with plotly.js embedded: works offline."""
    page = fig.to_html(
        include_plotlyjs=True,
        full_html=True,
        config={"displaylogo": False, "responsive": True},
    )
    page = page.replace("<html>", f'<html lang="{lang}">', 1)
    if title:
        page = page.replace(
            "<head>", f'<head><meta charset="utf-8" /><title>{html.escape(title)}</title>', 1
        )
    return page


def figure_to_bytes(
    fig: go.Figure,
    fmt: str,
    *,
    scale: float = 1,
    width: int | None = None,
    height: int | None = None,
    lang: str = "nl",
) -> bytes:
    """One figure as PNG, SVG, PDF (kaleido + Chromium) or interactive HTML (no browser)."""
    fmt = fmt.lower()
    if fmt == "html":
        return figure_to_html(fig, lang=lang).encode("utf-8")
    if fmt not in STATIC_FORMATS:
        raise ExportError(t("export.unknown_format", lang, fmt=fmt, formats=", ".join(FORMATS)))
    ok, message = static_export_available(lang)
    if not ok:
        raise StaticExportUnavailable(message)
    w, h = _figure_size(fig, width, height)
    spec = _with_print_border(fig.to_dict())
    # the image keeps the size asked for; the border comes out of the plot area
    opts = {"format": fmt, "width": w, "height": h, "scale": scale if fmt == "png" else 1}
    return _SERVER.calc(spec, opts, path=message, lang=lang)


# White border (px) around a static chart: the screen layout runs to the edge of its
# container, which on paper or a slide puts the title and labels on the image edge.
PRINT_BORDER = 24
_PLOTLY_MARGINS = {"l": 80, "r": 80, "t": 100, "b": 80}


def _with_print_border(spec: dict) -> dict:
    layout = spec.setdefault("layout", {})
    margin = dict(layout.get("margin") or {})
    for side, default in _PLOTLY_MARGINS.items():
        margin[side] = margin.get(side, default) + PRINT_BORDER
    layout["margin"] = margin
    title = layout.get("title")
    if isinstance(title, dict) and title.get("text"):
        # a left-anchored title sits at the container's edge; pad it like the plot
        pad = dict(title.get("pad") or {})
        pad["l"] = pad.get("l", 0) + PRINT_BORDER
        title["pad"] = pad
    return spec

def html_to_pdf(page: str, *, lang: str = "nl") -> bytes:
    """Print an HTML page (self-contained, no scripts needed) to PDF with headless Chromium."""
    ok, message = static_export_available(lang)
    if not ok:
        raise StaticExportUnavailable(message)
    with tempfile.TemporaryDirectory(prefix="impact-pdf-") as tmp:
        source = Path(tmp) / "report.html"
        target = Path(tmp) / "report.pdf"
        source.write_text(page, encoding="utf-8")
        command = [
            message,
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-dev-shm-usage",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--disable-extensions",
            "--no-first-run",
            "--no-default-browser-check",
            f"--user-data-dir={Path(tmp) / 'profile'}",
            "--no-pdf-header-footer",
            f"--print-to-pdf={target}",
            source.as_uri(),
        ]
        try:
            completed = subprocess.run(  # noqa: S603 - fixed arguments, no shell
                command, capture_output=True, timeout=PDF_TIMEOUT, check=False
            )
        except (OSError, subprocess.TimeoutExpired) as exc:
            raise ExportError(t("export.pdf_failed", lang, error=str(exc))) from exc
        if not target.exists() or target.stat().st_size == 0:
            tail = completed.stderr.decode("utf-8", "replace").strip().splitlines()[-3:]
            raise ExportError(
                t("export.pdf_failed", lang, error=f"exit {completed.returncode}; {' '.join(tail)}")
            )
        return target.read_bytes()
