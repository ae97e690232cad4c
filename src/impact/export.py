"""Exports: chart images and interactive HTML, data as CSV and Excel, the decision report.

No Streamlit here, so the CLI, tests and notebooks use the same code as the pages.

Static images (PNG, SVG, PDF) are rendered by kaleido 1.x in the system Chromium.
One kaleido sync server runs per process, started lazily on the first static
export (about 2.5 s once; every export after that takes 0.15-0.4 s). Calls are
serialised by a lock: kaleido renders in one tab anyway, and its queue does not
match results to callers when several threads call at once. Without Chromium,
static export raises `StaticExportUnavailable` with a message that says how to
install it; interactive HTML needs no browser and keeps working.

The PDF report is the HTML report with static SVG charts, printed by the same
Chromium in headless mode (`--print-to-pdf`).
"""

from __future__ import annotations

import base64
import hashlib
import html
import io
import json
import logging
import os
import shutil
import subprocess
import tempfile
import threading
import time
import zipfile
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

import pandas as pd
import plotly.graph_objects as go

from impact.i18n import t
from impact.model import PILLARS, Assessment

# --- formats ----------------------------------------------------------------------

FORMATS: tuple[str, ...] = ("png", "svg", "pdf", "html")
STATIC_FORMATS: tuple[str, ...] = ("png", "svg", "pdf")
MIME: dict[str, str] = {
    "png": "image/png",
    "svg": "image/svg+xml",
    "pdf": "application/pdf",
    "html": "text/html",
    "csv": "text/csv",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "zip": "application/zip",
}
# Print resolution: a 1000 px wide chart at scale 3 is 3000 px, 300 dpi at about 25 cm wide.
PRINT_SCALE = 3
DEFAULT_WIDTH = 1000  # used when a figure sets no size: fits a slide
DEFAULT_HEIGHT = 600
RENDER_TIMEOUT = 90.0  # seconds for one static image
PDF_TIMEOUT = 120.0  # seconds for printing the report


class ExportError(Exception):
    """An export that cannot be made, with a message for the user."""


class StaticExportUnavailable(ExportError):
    """Static images (PNG/SVG/PDF) need Chromium, and it is not there."""


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


def safe_stem(name: str, limit: int = 60) -> str:
    """A file name stem from any text: letters, digits, - and _ only, at most `limit` long."""
    safe = "".join(ch if ch.isalnum() or ch in "-_" else "-" for ch in str(name))
    while "--" in safe:
        safe = safe.replace("--", "-")
    return safe.strip("-")[:limit].strip("-") or "export"


def file_name(name: str, fmt: str) -> str:
    """A safe file name for a chart or table: letters, digits, - and _ only."""
    return f"{safe_stem(name, 120)}.{fmt}"


def method_label(method: str, lang: str = "nl") -> str:
    try:
        return t(f"engine.method.{method}", lang)
    except KeyError:
        return method


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


# --- number and date formatting for the report and the tables ---------------------------

_MONTHS = {
    "nl": ("januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus",
           "september", "oktober", "november", "december"),
    "en": ("January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December"),
}


def format_number(value: Any, lang: str = "nl", digits: int = 2) -> str:
    """A number in the language's notation: 1.234,56 in Dutch, 1,234.56 in English."""
    try:
        number = float(value)
    except (TypeError, ValueError):
        return "–"
    if number != number:  # NaN
        return "–"
    text = f"{number:,.{digits}f}"
    if lang == "nl":
        text = text.replace(",", "\0").replace(".", ",").replace("\0", ".")
    return text


def format_percent(value: Any, lang: str = "nl", digits: int = 0) -> str:
    text = format_number(float(value) * 100 if value is not None else None, lang, digits)
    return text if text == "–" else f"{text}%"


def format_date(moment: datetime, lang: str = "nl") -> str:
    month = _MONTHS["en" if lang == "en" else "nl"][moment.month - 1]
    if lang == "en":
        return f"{moment.day} {month} {moment.year}, {moment:%H:%M}"
    return f"{moment.day} {month} {moment.year}, {moment:%H.%M} uur"


# --- the decision report --------------------------------------------------------------------

REPORT_CHARTS: tuple[str, ...] = ("ranking", "balance", "tradeoff", "acceptability")
REPORT_CHART_WIDTH = 760
REPORT_CHART_HEIGHT = 520


@dataclass(frozen=True)
class WorkshopRound:
    """One workshop round as the report shows it: counts only, never answers."""

    session: str
    round: int
    participants: int
    started_at: datetime | None = None
    label: str = ""


@dataclass
class ReportData:
    """Everything the report shows, computed; `render_report` only formats it."""

    assessment: Assessment
    lang: str
    generated: datetime
    method: str
    pillar_weights: dict[str, float]  # normalised, sums to 1
    profile: str | None
    floors: dict[str, float]
    criterion_weights: dict[str, float]  # within the pillar, normalised per pillar
    ranking: pd.DataFrame  # index measure_id; rank, score, ecology, economy, people, balance
    figures: dict[str, go.Figure] = field(default_factory=dict)
    acceptability: pd.DataFrame | None = None  # measures x ranks 1..n
    smaa_samples: int = 0
    smaa_around: bool = False  # pillar weights drawn around chosen weights (else uniformly)
    perspective_ranks: pd.DataFrame | None = None  # measures x profiles
    no_regret: list[str] = field(default_factory=list)
    no_regret_k: int = 3
    workshop_rounds: list[WorkshopRound] | None = None
    fingerprint: str = ""


def _e(value: Any) -> str:
    """HTML-escape any user text (names, descriptions, units, sources)."""
    return html.escape("" if value is None else str(value), quote=True)


def _table(headers: Sequence[str], rows: Iterable[Sequence[str]], *, numeric: Sequence[int] = (),
           css: str = "") -> str:
    """An HTML table; cells are already escaped or formatted numbers."""
    head = "".join(
        f'<th class="num">{h}</th>' if i in numeric else f"<th>{h}</th>"
        for i, h in enumerate(headers)
    )
    body = "".join(
        "<tr>" + "".join(
            f'<td class="num">{c}</td>' if i in numeric else f"<td>{c}</td>"
            for i, c in enumerate(row)
        ) + "</tr>"
        for row in rows
    )
    return f'<table class="{css}"><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>'


_REPORT_CSS = """
:root { --eco: #2e7d32; --econ: #1565c0; --ppl: #ef6c00; --ink: #1f2933; --muted: #5f6b7a; }
* { box-sizing: border-box; }
body { font-family: "Segoe UI", "Helvetica Neue", Arial, "Liberation Sans", sans-serif;
       color: var(--ink); margin: 0 auto; max-width: 980px; padding: 28px 32px; line-height: 1.45;
       font-size: 14px; }
header { border-bottom: 3px solid var(--ink); margin-bottom: 18px; padding-bottom: 8px; }
header .kind { text-transform: uppercase; letter-spacing: .08em; color: var(--muted);
               font-size: 12px; margin: 0; }
h1 { font-size: 26px; margin: 4px 0; }
h2 { font-size: 19px; margin: 26px 0 8px; border-bottom: 1px solid #d5dae1; padding-bottom: 3px; }
h3 { font-size: 15px; margin: 16px 0 6px; }
p.meta, p.note, figcaption { color: var(--muted); font-size: 12.5px; }
.description { white-space: pre-wrap; }
table { border-collapse: collapse; width: 100%; margin: 6px 0 10px; font-size: 12.5px; }
th, td { border-bottom: 1px solid #e3e7ec; padding: 4px 6px; text-align: left;
         vertical-align: top; }
th { background: #f1f4f7; font-weight: 600; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
figure { margin: 10px 0 18px; page-break-inside: avoid; break-inside: avoid; }
figure img { width: 100%; height: auto; }
.chip { display: inline-block; padding: 1px 8px; border-radius: 10px; background: #eef2f6;
        margin: 0 4px 4px 0; }
.chip.ok { background: #e3f1e4; }
code.fp { font-size: 12px; word-break: break-all; background: #f1f4f7; padding: 2px 4px; }
section { page-break-inside: auto; }
tr { page-break-inside: avoid; break-inside: avoid; }
@page { size: A4; margin: 16mm 14mm 18mm;
        @bottom-right { content: counter(page) " / " counter(pages); font-size: 9px;
                        color: #5f6b7a; } }
@media print { body { padding: 0; max-width: none; font-size: 11.5px; }
               h2 { page-break-after: avoid; break-after: avoid; } }
"""


def _pillar_name(pillar: str, lang: str) -> str:
    return t(f"pillar.{pillar}", lang)


def _measure_label(assessment: Assessment, measure_id: str, lang: str) -> str:
    try:
        return assessment.measure(measure_id).label(lang)
    except KeyError:
        return str(measure_id)


def _chart_html(fig: go.Figure, *, static: bool, first_interactive: bool, alt: str,
                lang: str) -> str:
    if static:
        # report width: about the page's text width, so chart text matches the report's
        svg = figure_to_bytes(fig, "svg", width=REPORT_CHART_WIDTH,
                              height=fig.layout.height or REPORT_CHART_HEIGHT, lang=lang)
        data = base64.b64encode(svg).decode("ascii")
        return f'<img alt="{_e(alt)}" src="data:image/svg+xml;base64,{data}" />'
    return fig.to_html(
        full_html=False,
        include_plotlyjs=bool(first_interactive),
        config={"displaylogo": False, "responsive": True},
    )


def render_report(
    data: ReportData,
    *,
    static_charts: bool = False,
    progress: Callable[[float], None] | None = None,
) -> str:
    """The decision report as one self-contained HTML page.

    Interactive charts embed plotly.js once (works offline); `static_charts`
    embeds SVG images instead (needs Chromium; used for the PDF).
    """
    a, lang = data.assessment, data.lang

    def tx(key: str, **params: Any) -> str:
        return _e(t(key, lang, **params))

    parts: list[str] = []
    # -- title and date
    parts.append(
        f'<header><p class="kind">{tx("export.report.kind")}</p>'
        f"<h1>{_e(a.name)}</h1>"
        f'<p class="meta">{tx("export.report.generated", date=format_date(data.generated, lang))}'
        "</p></header>"
    )
    # -- purpose
    description = a.description.strip()
    parts.append(
        f'<section id="purpose"><h2>{tx("export.report.purpose")}</h2>'
        + (f'<p class="description">{_e(description)}</p>' if description
           else f'<p class="note">{tx("export.report.no_description")}</p>')
        + f'<p class="meta">{tx("export.report.counts", measures=len(a.measures), criteria=len(a.criteria))}</p>'  # noqa: E501
        "</section>"
    )
    # -- criteria and scales
    rows = []
    for c in a.criteria:
        within = data.criterion_weights.get(c.id, 0.0)
        overall = within * data.pillar_weights.get(str(c.pillar), 0.0)
        rows.append([
            _e(_pillar_name(str(c.pillar), lang)),
            _e(c.label(lang)),
            _e(c.unit),
            tx(f"direction.{c.direction}"),
            f"{format_number(c.scale_min, lang, 0 if float(c.scale_min).is_integer() else 2)}"
            f" – {format_number(c.scale_max, lang, 0 if float(c.scale_max).is_integer() else 2)}",
            format_percent(within, lang, 0),
            format_percent(overall, lang, 1),
        ])
    parts.append(
        f'<section id="criteria"><h2>{tx("export.report.criteria")}</h2>'
        + _table(
            [tx("word.pillar"), tx("word.criterion"), tx("export.col.unit"),
             tx("export.col.direction"), tx("export.col.scale"), tx("export.col.weight_within"),
             tx("export.col.weight_total")],
            rows, numeric=(4, 5, 6),
        )
        + "</section>"
    )
    # -- weights and profiles
    weights = "".join(
        f'<span class="chip">{_e(_pillar_name(str(p), lang))}: '
        f"{format_percent(data.pillar_weights.get(str(p), 0.0), lang, 0)}</span>"
        for p in PILLARS
    )
    profile_line = (tx("export.report.profile_used", name=data.profile) if data.profile
                    else tx("export.report.profile_none"))
    floors = [
        f'<span class="chip">{_e(_pillar_name(str(p), lang))}: '
        f"{format_percent(data.floors[str(p)], lang, 0)}</span>"
        for p in PILLARS if data.floors.get(str(p))
    ]
    floors_html = "".join(floors) if floors else tx("export.report.floors_none")
    profile_rows = []
    for prof in a.profiles:
        norm = prof.normalised_pillar_weights()
        profile_rows.append(
            [_e(prof.name)] + [format_percent(norm[p], lang, 0) for p in PILLARS]
        )
    profiles_html = (
        _table([tx("export.col.profile")] + [tx(f"pillar.{p}") for p in PILLARS], profile_rows,
               numeric=(1, 2, 3))
        if profile_rows else f'<p class="note">{tx("export.report.profiles_none")}</p>'
    )
    parts.append(
        f'<section id="weights"><h2>{tx("export.report.weights")}</h2>'
        f"<p>{profile_line}</p><p>{tx('export.report.weights_used')} {weights}</p>"
        f"<p>{tx('export.report.floors')} {floors_html}</p>"
        f"<h3>{tx('export.report.profiles')}</h3>{profiles_html}</section>"
    )
    # -- method
    parts.append(
        f'<section id="method"><h2>{tx("export.report.method")}</h2>'
        f"<p><strong>{_method_name(data.method, lang)}</strong>. "
        f"{_method_help(data.method, lang)}</p></section>"
    )
    # -- ranking
    ranking = data.ranking.sort_values(["rank", "score"], ascending=[True, False])
    rank_rows = []
    for measure_id, row in ranking.iterrows():
        rank_rows.append([
            format_number(row["rank"], lang, 0),
            _e(_measure_label(a, str(measure_id), lang)),
            format_number(row["score"], lang, 3),
            *[format_number(row.get(str(p)), lang, 2) for p in PILLARS],
            format_number(row.get("balance"), lang, 2),
        ])
    figures = data.figures
    total_charts = max(1, sum(1 for name in REPORT_CHARTS if name in figures))
    done = 0
    first_interactive = True

    def chart(name: str) -> str:
        nonlocal done, first_interactive
        fig = figures.get(name)
        if fig is None:
            return ""
        caption = chart_title(name, lang)
        body = _chart_html(fig, static=static_charts, first_interactive=first_interactive,
                           alt=caption, lang=lang)
        first_interactive = False
        done += 1
        if progress:
            progress(done / total_charts)
        # the chart carries its own title; the caption is the image's alt text
        return f'<figure class="chart" data-chart="{_e(name)}">{body}</figure>'


    parts.append(
        f'<section id="ranking"><h2>{tx("export.report.ranking")}</h2>'
        + _table(
            [tx("word.rank"), tx("word.measure"), tx("word.score")]
            + [tx(f"pillar.{p}") for p in PILLARS] + [tx("export.col.balance")],
            rank_rows, numeric=(0, 2, 3, 4, 5, 6),
        )
        + f'<p class="note">{tx("export.report.ranking_note")}</p>'
        + chart("ranking")
        + "</section>"
    )
    # -- balance and trade-offs
    parts.append(
        f'<section id="tradeoffs"><h2>{tx("export.report.charts")}</h2>'
        + chart("balance") + chart("tradeoff") + "</section>"
    )
    # -- robustness and no-regret
    robust = [f'<section id="robustness"><h2>{tx("export.report.robustness")}</h2>']
    if data.acceptability is not None and not data.acceptability.empty:
        acc = data.acceptability
        ranks = list(acc.columns)
        top_k = [c for c in ranks if int(c) <= 3]
        rows = []
        for measure_id in ranking.index:
            if measure_id not in acc.index:
                continue
            rows.append([
                _e(_measure_label(a, str(measure_id), lang)),
                format_percent(acc.loc[measure_id, ranks[0]], lang, 0),
                format_percent(acc.loc[measure_id, top_k].sum(), lang, 0),
            ])
        intro = "export.report.smaa_around" if data.smaa_around else "export.report.smaa_uniform"
        robust.append(f"<p>{tx(intro, samples=format_number(data.smaa_samples, lang, 0))}</p>")
        robust.append(_table([tx("word.measure"), tx("export.col.first"), tx("export.col.top3")],
                             rows, numeric=(1, 2)))
        robust.append(chart("acceptability"))
    if data.perspective_ranks is not None and not data.perspective_ranks.empty:
        pr = data.perspective_ranks
        rows = [
            [_e(_measure_label(a, str(m), lang))]
            + [format_number(pr.loc[m, col], lang, 0) for col in pr.columns]
            for m in ranking.index if m in pr.index
        ]
        robust.append(f"<h3>{tx('export.report.perspectives')}</h3>")
        robust.append(_table([tx("word.measure")] + [_e(c) for c in pr.columns], rows,
                             numeric=tuple(range(1, len(pr.columns) + 1))))
    robust.append(f"<h3>{tx('export.report.no_regret')}</h3>")
    if data.no_regret:
        robust.append(f"<p>{tx('export.report.no_regret_intro', k=data.no_regret_k)}</p><p>")
        robust.append("".join(
            f'<span class="chip ok">{_e(_measure_label(a, m, lang))}</span>'
            for m in data.no_regret
        ))
        robust.append("</p>")
    else:
        robust.append(f'<p class="note">{tx("export.report.no_regret_none", k=data.no_regret_k)}'
                      "</p>")
    robust.append("</section>")
    parts.append("".join(robust))
    # -- workshop rounds: counts only
    workshop = [f'<section id="workshop"><h2>{tx("export.report.workshop")}</h2>']
    if data.workshop_rounds is None:
        workshop.append(f'<p class="note">{tx("export.report.workshop_unavailable")}</p>')
    elif not data.workshop_rounds:
        workshop.append(f'<p class="note">{tx("export.report.workshop_none")}</p>')
    else:
        rows = [
            [_e(r.session), _e(r.label or r.round), format_number(r.participants, lang, 0),
             _e(format_date(r.started_at, lang)) if r.started_at else "–"]
            for r in data.workshop_rounds
        ]
        workshop.append(_table([tx("export.col.session"), tx("export.col.round"),
                                tx("export.col.participants"), tx("export.col.date")],
                               rows, numeric=(2,)))
        workshop.append(f'<p class="note">{tx("export.report.workshop_note")}</p>')
    workshop.append("</section>")
    parts.append("".join(workshop))
    # -- fingerprint
    parts.append(
        f'<section id="fingerprint"><h2>{tx("export.report.fingerprint")}</h2>'
        f'<p>SHA-256: <code class="fp">{_e(data.fingerprint)}</code></p>'
        f'<p class="note">{tx("export.report.fingerprint_note")}</p></section>'
    )
    title = f"{t('export.report.kind', lang)} – {a.name}"
    return (
        f'<!doctype html><html lang="{_e(lang)}"><head><meta charset="utf-8" />'
        '<meta name="viewport" content="width=device-width, initial-scale=1" />'
        f'<meta name="generator" content="Impactbalans" />'
        f'<meta name="impact-fingerprint" content="{_e(data.fingerprint)}" />'
        f"<title>{_e(title)}</title><style>{_REPORT_CSS}</style></head>"
        f"<body>{''.join(parts)}</body></html>"
    )


def _method_name(method: str, lang: str) -> str:
    return _e(method_label(method, lang))


def _method_help(method: str, lang: str) -> str:
    try:
        return _e(t(f"engine.method.{method}.help", lang))
    except KeyError:
        return ""


def chart_title(name: str, lang: str = "nl") -> str:
    """The display title of a chart name (the names of `impact.charts.CHART_NAMES`)."""
    from impact.charts import CHART_TITLES

    key = CHART_TITLES.get(name)
    return t(key, lang) if key else name


# --- fingerprint ---------------------------------------------------------------------------

def _plain(value: Any) -> Any:
    """JSON-ready, deterministic: str for enums, sorted mappings, floats as repr-able floats."""
    if isinstance(value, Mapping):
        return {str(k): _plain(v) for k, v in sorted(value.items(), key=lambda kv: str(kv[0]))}
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    if isinstance(value, bool) or value is None:
        return value
    if isinstance(value, int | float):
        return float(value)
    if isinstance(value, datetime):
        return value.isoformat()
    return str(value)


def assessment_payload(assessment: Assessment) -> dict[str, Any]:
    """The content of an assessment that results depend on (no ids, dates or versions)."""
    return {
        "name": assessment.name,
        "description": assessment.description,
        "criteria": [
            [c.id, str(c.pillar), c.label_nl, c.label_en, c.unit, str(c.direction),
             float(c.scale_min), float(c.scale_max), c.description, float(c.weight)]
            for c in assessment.criteria
        ],
        "measures": [[m.id, m.label_nl, m.label_en, m.description] for m in assessment.measures],
        "scores": [
            [s.measure_id, s.criterion_id, float(s.value), s.source or "",
             str(s.confidence) if s.confidence else ""]
            for _, s in sorted(assessment.scores.items())
        ],
        "profiles": [
            [p.name, {str(k): float(v) for k, v in p.pillar_weights.items()},
             {str(k): float(v) for k, v in p.criterion_weights.items()}]
            for p in assessment.profiles
        ],
    }


def fingerprint(assessment: Assessment, settings: Mapping[str, Any] | None = None) -> str:
    """SHA-256 (hex) of the assessment's content and the settings a result was made from.

    The same data and settings always give the same fingerprint, whether the
    assessment came from the database or from a file; the language of a report
    is presentation and is not part of it.
    """
    blob = json.dumps(
        {"data": _plain(assessment_payload(assessment)), "settings": _plain(settings or {})},
        sort_keys=True, ensure_ascii=False, separators=(",", ":"),
    )
    return hashlib.sha256(blob.encode("utf-8")).hexdigest()


# --- data: CSV and formatted Excel -----------------------------------------------------------

@dataclass(frozen=True)
class Column:
    """How a column looks in Excel: number format and width (None = from the content)."""

    number_format: str | None = None
    width: float | None = None


def _is_formula_like(value: Any) -> bool:
    from impact.io import neutralise_cell

    return isinstance(value, str) and neutralise_cell(value) != value


def _missing(value: Any) -> bool:
    try:
        return value is None or bool(pd.isna(value))
    except (TypeError, ValueError):  # lists and other non-scalars
        return False


def _csv_value(value: Any) -> Any:
    from impact.io import neutralise_cell

    if _missing(value):
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        return repr(value) if not value.is_integer() else str(int(value))
    return neutralise_cell(value) if isinstance(value, str) else value


def frame_to_csv_bytes(frame: pd.DataFrame) -> bytes:
    """CSV (UTF-8 with BOM so that Excel reads the accents); formula-like text neutralised.

    Every text cell (header included) that starts with = + - @ gets a leading
    apostrophe; numbers, also negative ones, stay numbers.
    """
    import csv

    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow([_csv_value(str(c)) for c in frame.columns])
    for row in frame.itertuples(index=False, name=None):
        writer.writerow([_csv_value(v.item() if hasattr(v, "item") else v) for v in row])
    return buffer.getvalue().encode("utf-8-sig")


_HEADER_FILL = "1F3A5F"
_NUMBER_FORMATS = {"float": "0.00", "int": "0"}


def frames_to_xlsx_bytes(
    sheets: Mapping[str, pd.DataFrame],
    *,
    columns: Mapping[str, Mapping[str, Column]] | None = None,
) -> bytes:
    """An Excel workbook, one formatted sheet per frame.

    Bold white header on a dark fill, frozen header row, autofilter, column widths
    from the content, number formats per column (`columns[sheet][column]`, else
    0.00 for decimals and 0 for whole numbers). Text that starts like a formula is
    stored as a quote-prefixed text cell, as Excel itself does for '=...: it is
    shown as typed and never run.
    """
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter

    workbook = Workbook()
    workbook.remove(workbook.active)
    header_font = Font(bold=True, color="FFFFFF")
    header_fill = PatternFill("solid", fgColor=_HEADER_FILL)
    used: set[str] = set()
    for raw_name, frame in sheets.items():
        name = _sheet_name(raw_name, used)
        ws = workbook.create_sheet(name)
        spec = (columns or {}).get(raw_name, {})
        headers = [str(c) for c in frame.columns]
        for j, title in enumerate(headers, start=1):
            cell = ws.cell(row=1, column=j)
            _set_text(cell, title)
            cell.font = header_font
            cell.fill = header_fill
            cell.alignment = Alignment(vertical="center", wrap_text=True)
        for i, row in enumerate(frame.itertuples(index=False, name=None), start=2):
            for j, raw in enumerate(row, start=1):
                value = raw.item() if hasattr(raw, "item") else raw
                if _missing(value):
                    continue
                cell = ws.cell(row=i, column=j)
                if isinstance(value, str):
                    _set_text(cell, value)
                    continue
                cell.value = value
                fmt = spec.get(headers[j - 1], Column()).number_format
                if fmt is None and isinstance(value, float) and not isinstance(value, bool):
                    fmt = _NUMBER_FORMATS["float"]
                elif fmt is None and isinstance(value, int) and not isinstance(value, bool):
                    fmt = _NUMBER_FORMATS["int"]
                if fmt:
                    cell.number_format = fmt
        for j, title in enumerate(headers, start=1):
            width = spec.get(title, Column()).width
            if width is None:
                sample = [len(title)] + [
                    len(_display_text(v)) for v in frame.iloc[:200, j - 1].tolist()
                ]
                width = min(max(max(sample) + 2, 8), 60)
            ws.column_dimensions[get_column_letter(j)].width = width
        ws.freeze_panes = "A2"
        if len(headers):
            ws.auto_filter.ref = f"A1:{get_column_letter(len(headers))}{max(1, len(frame) + 1)}"
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _set_text(cell: Any, text: str) -> None:
    cell.value = text
    if _is_formula_like(text):
        cell.data_type = "s"  # never a formula
        cell.quotePrefix = True


def _display_text(value: Any) -> str:
    if _missing(value):
        return ""
    if isinstance(value, float):
        return f"{value:.2f}"
    return str(value)


def _sheet_name(name: str, used: set[str]) -> str:
    """Excel sheet names: at most 31 characters, none of []:*?/\\, unique."""
    clean = "".join("_" if ch in '[]:*?/\\' else ch for ch in str(name)).strip("'") or "data"
    clean = clean[:31]
    candidate, n = clean, 2
    while candidate.lower() in used:
        suffix = f" ({n})"
        candidate = clean[: 31 - len(suffix)] + suffix
        n += 1
    used.add(candidate.lower())
    return candidate


# --- settings, evaluation and charts --------------------------------------------------------

def resolve_profile(assessment: Assessment, profile: Any, lang: str = "nl") -> Any:
    """A WeightProfile from a name (or one given as is); None stays None."""
    if profile is None or not isinstance(profile, str):
        return profile
    try:
        return assessment.profile(profile)
    except KeyError:
        names = ", ".join(p.name for p in assessment.profiles) or "–"
        raise ExportError(t("export.unknown_profile", lang, name=profile, names=names)) from None


def settings_payload(
    *,
    pillar_weights: Mapping[Any, float] | None = None,
    profile: Any = None,
    method: str = "wsm",
    floors: Mapping[Any, float] | None = None,
    criterion_weights: Mapping[str, float] | None = None,
    **extra: Any,
) -> dict[str, Any]:
    """The settings a result depends on, as plain data (for the fingerprint)."""
    return {
        "pillar_weights": {str(k): float(v) for k, v in (pillar_weights or {}).items()} or None,
        "profile": getattr(profile, "name", profile),
        "method": method,
        "floors": {str(k): float(v) for k, v in (floors or {}).items() if v} or None,
        "criterion_weights": dict(criterion_weights or {}) or None,
        **extra,
    }


def evaluate(
    assessment: Assessment,
    *,
    pillar_weights: Mapping[Any, float] | None = None,
    profile: Any = None,
    method: str = "wsm",
    floors: Mapping[Any, float] | None = None,
    criterion_weights: Mapping[str, float] | None = None,
    lang: str = "nl",
) -> Any:
    """engine.evaluate with a profile name resolved and engine errors in the user's words."""
    from impact import engine

    try:
        return engine.evaluate(
            assessment, pillar_weights=pillar_weights,
            profile=resolve_profile(assessment, profile, lang), method=method, floors=floors,
            criterion_weights=criterion_weights,
        )
    except engine.EngineError as err:
        raise ExportError(err.message(lang)) from None


def chart_names() -> tuple[str, ...]:
    from impact.charts import CHART_NAMES

    return tuple(CHART_NAMES)


# Charts that compare the stakeholder perspectives: only with saved profiles.
PROFILE_CHARTS = frozenset({"perspectives", "kendall"})


def available_charts(assessment: Assessment) -> tuple[str, ...]:
    """The chart names that can be made for this assessment (all, less the perspective
    comparisons when it has no profiles)."""
    return tuple(n for n in chart_names() if assessment.profiles or n not in PROFILE_CHARTS)


def build_figure(
    name: str,
    assessment: Assessment,
    *,
    pillar_weights: Mapping[Any, float] | None = None,
    profile: Any = None,
    method: str = "wsm",
    floors: Mapping[Any, float] | None = None,
    criterion_weights: Mapping[str, float] | None = None,
    lang: str = "nl",
) -> go.Figure:
    """charts.build_chart with the name checked and errors in the user's words."""
    from impact import charts, engine

    if name not in charts.CHART_NAMES:
        raise ExportError(
            t("export.unknown_chart", lang, name=name, names=", ".join(charts.CHART_NAMES))
        )
    try:
        return charts.build_chart(
            name, assessment, pillar_weights=pillar_weights,
            profile=resolve_profile(assessment, profile, lang), method=method, floors=floors,
            lang=lang, criterion_weights=criterion_weights,
        )
    except engine.EngineError as err:
        raise ExportError(err.message(lang)) from None


def charts_zip(
    assessment: Assessment,
    charts: Sequence[str] | None = None,
    formats: Sequence[str] = FORMATS,
    *,
    pillar_weights: Mapping[Any, float] | None = None,
    profile: Any = None,
    method: str = "wsm",
    floors: Mapping[Any, float] | None = None,
    criterion_weights: Mapping[str, float] | None = None,
    lang: str = "nl",
    scale: float = 1,
    progress: Callable[[float], None] | None = None,
) -> bytes:
    """A ZIP with the charts (default: all it has data for) in the formats; progress 0..1."""
    names = list(charts) if charts is not None else list(available_charts(assessment))
    formats = [f.lower() for f in formats]
    for fmt in formats:
        if fmt not in FORMATS:
            raise ExportError(t("export.unknown_format", lang, fmt=fmt,
                                formats=", ".join(FORMATS)))
    if any(f in STATIC_FORMATS for f in formats):
        ok, message = static_export_available(lang)
        if not ok:
            raise StaticExportUnavailable(message)
    steps = max(1, len(names) * (1 + len(formats)))
    done = 0

    def step() -> None:
        nonlocal done
        done += 1
        if progress:
            progress(min(1.0, done / steps))

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as zf:
        for name in names:
            fig = build_figure(name, assessment, pillar_weights=pillar_weights, profile=profile,
                               method=method, floors=floors, criterion_weights=criterion_weights,
                               lang=lang)
            step()
            for fmt in formats:
                zf.writestr(file_name(name, fmt),
                            figure_to_bytes(fig, fmt, scale=scale, lang=lang))
                step()
    if progress and not names:
        progress(1.0)
    return buffer.getvalue()


# --- data tables ------------------------------------------------------------------------------

def ranking_frame(evaluation: Any, lang: str = "nl") -> pd.DataFrame:
    """The ranking as a table with headers in `lang`, best first."""
    table = evaluation.ranked() if hasattr(evaluation, "ranked") else evaluation.table
    label_col = "label_en" if lang == "en" else "label_nl"
    frame = pd.DataFrame({
        t("word.rank", lang): table["rank"].astype(int).to_numpy(),
        t("export.col.measure_id", lang): [str(i) for i in table.index],
        t("word.measure", lang): table[label_col].astype(str).to_numpy(),
        t("word.score", lang): table["score"].astype(float).to_numpy(),
    })
    for p in PILLARS:
        frame[t(f"pillar.{p}", lang)] = table[str(p)].astype(float).to_numpy()
    frame[t("export.col.balance", lang)] = table["balance"].astype(float).to_numpy()
    if getattr(evaluation, "floors", None):
        frame[t("export.col.floor_violation", lang)] = [
            t("export.yes", lang) if v else t("export.no", lang) for v in table["floor_violation"]
        ]
    frame[t("export.col.pareto", lang)] = [
        t("export.yes", lang) if v else t("export.no", lang) for v in table["pareto"]
    ]
    return frame


def _ranking_columns(lang: str) -> dict[str, Column]:
    spec = {t("word.rank", lang): Column("0", 7), t("word.score", lang): Column("0.000")}
    for p in PILLARS:
        spec[t(f"pillar.{p}", lang)] = Column("0.00")
    spec[t("export.col.balance", lang)] = Column("0.00")
    return spec


def settings_frame(
    assessment: Assessment, evaluation: Any, *, profile: Any, fingerprint_hex: str,
    lang: str = "nl",
) -> pd.DataFrame:
    """Key/value rows: what a table was made from (for the Excel 'settings' sheet)."""
    rows: list[tuple[str, Any]] = [
        (t("export.settings.assessment", lang), assessment.name),
        (t("export.settings.method", lang), t(f"engine.method.{evaluation.method}", lang)),
        (t("export.settings.profile", lang),
         getattr(profile, "name", profile) or t("export.settings.custom", lang)),
    ]
    for p in PILLARS:
        rows.append((t("export.settings.pillar_weight", lang, pillar=t(f"pillar.{p}", lang)),
                     float(evaluation.pillar_weights.get(str(p), 0.0))))
    for p, value in (evaluation.floors or {}).items():
        rows.append((t("export.settings.floor", lang, pillar=t(f"pillar.{p}", lang)),
                     float(value)))
    rows.append((t("export.settings.made", lang), format_date(datetime.now(), lang)))
    rows.append((t("export.report.fingerprint", lang), fingerprint_hex))
    return pd.DataFrame(rows, columns=[t("export.settings.key", lang),
                                       t("export.settings.value", lang)])


def ranking_csv(assessment: Assessment, *, lang: str = "nl", **settings: Any) -> bytes:
    """The ranking under these settings (pillar_weights, profile, method, floors) as CSV."""
    return frame_to_csv_bytes(ranking_frame(evaluate(assessment, lang=lang, **settings), lang))


def ranking_xlsx(assessment: Assessment, *, lang: str = "nl", **settings: Any) -> bytes:
    """The ranking as a formatted workbook, with a sheet of the settings it was made from."""
    evaluation = evaluate(assessment, lang=lang, **settings)
    profile = resolve_profile(assessment, settings.get("profile"), lang)
    sheet = t("export.sheet.ranking", lang)
    meta = t("export.sheet.settings", lang)
    fp = fingerprint(assessment, settings_payload(**settings))
    return frames_to_xlsx_bytes(
        {sheet: ranking_frame(evaluation, lang),
         meta: settings_frame(assessment, evaluation, profile=profile, fingerprint_hex=fp,
                              lang=lang)},
        columns={sheet: _ranking_columns(lang),
                 meta: {t("export.settings.value", lang): Column("0.00", 70)}},
    )


def _criterion_header(c: Any, lang: str) -> str:
    return f"{c.label(lang)} [{c.unit}]" if c.unit else c.label(lang)


def score_frame(assessment: Assessment, lang: str = "nl") -> pd.DataFrame:
    """The score matrix: one row per measure, one column per criterion (label [unit])."""
    perf = assessment.performance()
    frame = pd.DataFrame({
        t("export.col.measure_id", lang): [m.id for m in assessment.measures],
        t("word.measure", lang): [m.label(lang) for m in assessment.measures],
    })
    headers = []
    for c in assessment.criteria:
        header = _criterion_header(c, lang)
        if header in headers or header in frame.columns:
            header = f"{header} ({c.id})"
        headers.append(header)
        frame[header] = perf[c.id].to_numpy(dtype=float)
    return frame


def criteria_frame(assessment: Assessment, lang: str = "nl") -> pd.DataFrame:
    return pd.DataFrame({
        t("export.col.criterion_id", lang): [c.id for c in assessment.criteria],
        t("word.pillar", lang): [t(f"pillar.{c.pillar}", lang) for c in assessment.criteria],
        t("word.criterion", lang): [c.label(lang) for c in assessment.criteria],
        t("export.col.unit", lang): [c.unit for c in assessment.criteria],
        t("export.col.direction", lang): [t(f"direction.{c.direction}", lang)
                                          for c in assessment.criteria],
        t("export.col.scale_min", lang): [float(c.scale_min) for c in assessment.criteria],
        t("export.col.scale_max", lang): [float(c.scale_max) for c in assessment.criteria],
        t("export.col.weight_within", lang): [float(c.weight) for c in assessment.criteria],
        t("export.col.description", lang): [c.description for c in assessment.criteria],
    })


def evidence_frame(assessment: Assessment, lang: str = "nl") -> pd.DataFrame:
    rows = []
    for m in assessment.measures:
        for c in assessment.criteria:
            s = assessment.scores.get((m.id, c.id))
            if s is not None and (s.source or s.confidence):
                rows.append([m.id, m.label(lang), c.label(lang), s.source or "",
                             t(f"confidence.{s.confidence}", lang) if s.confidence else ""])
    return pd.DataFrame(rows, columns=[
        t("export.col.measure_id", lang), t("word.measure", lang), t("word.criterion", lang),
        t("word.source", lang), t("word.confidence", lang),
    ])


def scores_csv(assessment: Assessment, *, lang: str = "nl") -> bytes:
    return frame_to_csv_bytes(score_frame(assessment, lang))


def scores_xlsx(assessment: Assessment, *, lang: str = "nl") -> bytes:
    """The score matrix, the criteria with their scales, and sources and confidence."""
    sheet = t("export.sheet.scores", lang)
    crit = t("export.sheet.criteria", lang)
    frame = score_frame(assessment, lang)
    return frames_to_xlsx_bytes(
        {sheet: frame, crit: criteria_frame(assessment, lang),
         t("export.sheet.evidence", lang): evidence_frame(assessment, lang)},
        columns={
            sheet: {str(c): Column("General", 14) for c in frame.columns[2:]},
            crit: {t("export.col.scale_min", lang): Column("General"),
                   t("export.col.scale_max", lang): Column("General"),
                   t("export.col.weight_within", lang): Column("General")},
        },
    )


def assessment_xlsx(assessment: Assessment) -> bytes:
    """The whole assessment in the workbook format; `impact.io` reads it back identically."""
    from impact.io import assessment_to_xlsx_bytes

    return assessment_to_xlsx_bytes(assessment)


# --- workshop: rounds and aggregates (never individual answers) -------------------------------

def has_workshops(store: Any, assessment_id: int | None) -> bool:
    """True when a workshop session was held on this assessment."""
    from impact import workshop

    return assessment_id is not None and bool(workshop.sessions_of(store, assessment_id))


def workshop_rounds(store: Any, assessment_id: int) -> list[WorkshopRound]:
    """Every round of every workshop session on this assessment, with participant counts.

    A round's participants are those who answered at least one question in it.
    """
    from impact import workshop

    rounds: list[WorkshopRound] = []
    for code in workshop.sessions_of(store, assessment_id):
        session = workshop.get_session(store, code)
        for number in range(1, session.round + 1):
            counts = workshop.progress(store, code, number)
            rounds.append(WorkshopRound(session=code, round=number, participants=counts.started,
                                        started_at=session.created_at))
    return rounds


def workshop_frames(
    store: Any, assessment: Assessment, lang: str = "nl"
) -> dict[str, pd.DataFrame]:
    """Two tables: rounds with participant counts, and the group statistics per cell.

    The statistics come from `workshop.aggregates`, which already hides cells with
    too few answers in an anonymous session; no individual answer is exported.
    """
    from impact import workshop

    if assessment.id is None:
        return {}
    rounds = workshop_rounds(store, assessment.id)
    rounds_frame = pd.DataFrame({
        t("export.col.session", lang): [r.session for r in rounds],
        t("export.col.round", lang): [r.round for r in rounds],
        t("export.col.participants", lang): [r.participants for r in rounds],
        t("export.col.date", lang): [format_date(r.started_at, lang) if r.started_at else ""
                                     for r in rounds],
    })
    measures = {m.id: m.label(lang) for m in assessment.measures}
    criteria = {c.id: c.label(lang) for c in assessment.criteria}
    parts = []
    for r in rounds:
        agg = workshop.aggregates(store, r.session, r.round)
        parts.append(pd.DataFrame({
            t("export.col.session", lang): r.session,
            t("export.col.round", lang): r.round,
            t("export.col.measure_id", lang): agg["measure_id"].astype(str).to_numpy(),
            t("word.measure", lang): [measures.get(m, m) for m in agg["measure_id"]],
            t("word.criterion", lang): [criteria.get(c, c) for c in agg["criterion_id"]],
            t("export.col.answers", lang): agg["n"].astype(int).to_numpy(),
            t("export.col.median", lang): agg["median"].astype(float).to_numpy(),
            t("export.col.q1", lang): agg["q1"].astype(float).to_numpy(),
            t("export.col.q3", lang): agg["q3"].astype(float).to_numpy(),
            t("export.col.iqr", lang): agg["iqr"].astype(float).to_numpy(),
            t("export.col.mean", lang): agg["mean"].astype(float).to_numpy(),
            t("export.col.sd", lang): agg["sd"].astype(float).to_numpy(),
        }))
    columns = [t("export.col.session", lang), t("export.col.round", lang),
               t("export.col.measure_id", lang), t("word.measure", lang),
               t("word.criterion", lang), t("export.col.answers", lang),
               t("export.col.median", lang), t("export.col.q1", lang), t("export.col.q3", lang),
               t("export.col.iqr", lang), t("export.col.mean", lang), t("export.col.sd", lang)]
    aggregates = pd.concat(parts, ignore_index=True) if parts else pd.DataFrame(columns=columns)
    return {t("export.sheet.rounds", lang): rounds_frame,
            t("export.sheet.aggregates", lang): aggregates}


def workshop_csv(store: Any, assessment: Assessment, *, lang: str = "nl") -> bytes:
    """The group statistics per round and cell as one CSV."""
    frames = workshop_frames(store, assessment, lang)
    return frame_to_csv_bytes(frames.get(t("export.sheet.aggregates", lang), pd.DataFrame()))


def workshop_xlsx(store: Any, assessment: Assessment, *, lang: str = "nl") -> bytes:
    """Rounds with participant counts and the group statistics, as a formatted workbook."""
    frames = workshop_frames(store, assessment, lang)
    stats = {t(f"export.col.{k}", lang): Column("0.00")
             for k in ("median", "q1", "q3", "iqr", "mean", "sd")}
    return frames_to_xlsx_bytes(frames, columns={t("export.sheet.aggregates", lang): stats})


# --- the report: compute, render, print -------------------------------------------------------

SMAA_SAMPLES = 10_000
SMAA_SEED = 0
NO_REGRET_K = 3


def build_report_data(
    assessment: Assessment,
    *,
    pillar_weights: Mapping[Any, float] | None = None,
    profile: Any = None,
    method: str = "wsm",
    floors: Mapping[Any, float] | None = None,
    criterion_weights: Mapping[str, float] | None = None,
    lang: str = "nl",
    workshop_rounds: Sequence[WorkshopRound] | None = None,
    smaa_samples: int = SMAA_SAMPLES,
    now: datetime | None = None,
    profile_label: str | None = None,
    progress: Callable[[float], None] | None = None,
) -> ReportData:
    """Evaluate, run the robustness analysis and build the report's charts.

    `profile` (a name or WeightProfile) is used for the computation; `profile_label`
    only names the perspective the weights came from (the app passes the weights
    themselves). `workshop_rounds` None means "no workshop data available" (a
    report made from a file); an empty list means "no rounds were held".
    """
    from impact import engine, robustness

    prof = resolve_profile(assessment, profile, lang)
    settings = dict(pillar_weights=pillar_weights, profile=prof, method=method, floors=floors,
                    criterion_weights=criterion_weights)
    evaluation = evaluate(assessment, lang=lang, **settings)

    def tick(share: float) -> None:
        if progress:
            progress(min(1.0, share))

    tick(0.1)
    try:
        smaa = robustness.smaa_assessment(
            assessment, pillar_weights=pillar_weights, profile=prof, method=method,
            samples=smaa_samples, seed=SMAA_SEED, criterion_weights=criterion_weights,
        )
        acceptability = smaa.acceptability
    except engine.EngineError:
        acceptability = None
    tick(0.25)
    perspective_ranks, no_regret = None, []
    if assessment.profiles:
        try:
            views = robustness.perspectives(assessment, k=NO_REGRET_K, method=method)
            perspective_ranks, no_regret = views.ranks, list(views.no_regret)
        except engine.EngineError:
            pass
    tick(0.35)
    figures: dict[str, go.Figure] = {}
    for i, name in enumerate(REPORT_CHARTS):
        if name == "acceptability" and acceptability is None:
            continue
        figures[name] = build_figure(name, assessment, lang=lang, **settings)
        tick(0.35 + 0.25 * (i + 1) / len(REPORT_CHARTS))
    rounds = list(workshop_rounds) if workshop_rounds is not None else None
    label = profile_label or getattr(prof, "name", None)
    fp = fingerprint(assessment, settings_payload(
        **settings, smaa={"samples": smaa_samples, "seed": SMAA_SEED}, no_regret_k=NO_REGRET_K,
        profile_label=label,
        workshop=[[r.session, r.round, r.participants] for r in rounds] if rounds else None,
    ))
    return ReportData(
        assessment=assessment, lang=lang, generated=now or datetime.now(), method=method,
        pillar_weights={str(k): float(v) for k, v in evaluation.pillar_weights.items()},
        profile=label, floors=dict(evaluation.floors or {}),
        criterion_weights={str(k): float(v) for k, v in evaluation.within.items()},
        ranking=evaluation.table, figures=figures, acceptability=acceptability,
        smaa_samples=smaa_samples, smaa_around=pillar_weights is not None or prof is not None,
        perspective_ranks=perspective_ranks, no_regret=no_regret, no_regret_k=NO_REGRET_K,
        workshop_rounds=rounds, fingerprint=fp,
    )


def report_html(
    assessment: Assessment,
    *,
    static_charts: bool = False,
    progress: Callable[[float], None] | None = None,
    **options: Any,
) -> str:
    """The decision report as a self-contained HTML page (options: see build_report_data).

    Interactive charts (plotly.js embedded once, works offline) unless
    `static_charts`, which embeds SVG images (needs Chromium).
    """
    if static_charts:
        ok, message = static_export_available(options.get("lang", "nl"))
        if not ok:
            raise StaticExportUnavailable(message)
    data = build_report_data(assessment, progress=_scaled(progress, 0.0, 0.6), **options)
    page = render_report(data, static_charts=static_charts,
                         progress=_scaled(progress, 0.6, 1.0))
    if progress:
        progress(1.0)
    return page


def report_pdf(
    assessment: Assessment,
    *,
    progress: Callable[[float], None] | None = None,
    **options: Any,
) -> bytes:
    """The decision report as PDF: the HTML report with SVG charts, printed by Chromium."""
    lang = options.get("lang", "nl")
    ok, message = static_export_available(lang)
    if not ok:
        raise StaticExportUnavailable(message)
    page = report_html(assessment, static_charts=True, progress=_scaled(progress, 0.0, 0.8),
                       **options)
    pdf = html_to_pdf(page, lang=lang)
    if progress:
        progress(1.0)
    return pdf


def _scaled(progress: Callable[[float], None] | None, start: float,
            end: float) -> Callable[[float], None] | None:
    if progress is None:
        return None
    return lambda share: progress(start + (end - start) * max(0.0, min(1.0, share)))
