"""Download buttons: beside a chart, and the export page's rows of formats.

Every button gets a callable as `data`: the file is made only when the user clicks, in
Streamlit's download thread, so a page rerun costs nothing but the buttons. Static images
(PNG, SVG, PDF) need Chromium; without it the menu says how to install it and offers
interactive HTML only.
"""

from __future__ import annotations

from collections.abc import Callable

import plotly.graph_objects as go
import streamlit as st

from impact import export
from impact.ui.session import lang
from impact.ui.text import tr

Maker = Callable[[], bytes]


def _maker(fig: go.Figure, fmt: str, scale: float, language: str) -> Maker:
    return lambda: export.figure_to_bytes(fig, fmt, scale=scale, lang=language)


def chart_downloads(fig: go.Figure, name: str, *, key: str | None = None) -> None:
    """Download buttons for one chart; the file is made only when clicked.

    PNG (screen and print resolution), SVG, PDF and interactive HTML that works
    offline. `name` is the file name without extension (e.g. "ranking").
    """
    language = lang()
    key = key or f"dl-{name}"
    ok, message = export.static_export_available(language)
    with st.popover(tr("export.download"), icon=":material/download:"):
        if ok:
            options = (
                ("png", 1, tr("export.format.png"), name),
                ("png", export.PRINT_SCALE, tr("export.format.png_print"), f"{name}-print"),
                ("svg", 1, tr("export.format.svg"), name),
                ("pdf", 1, tr("export.format.pdf"), name),
            )
            for fmt, scale, label, stem in options:
                st.download_button(
                    label,
                    data=_maker(fig, fmt, scale, language),
                    file_name=export.file_name(stem, fmt),
                    mime=export.MIME[fmt],
                    key=f"{key}-{fmt}-{scale:g}",
                    on_click="ignore",
                    width="stretch",
                )
        st.download_button(
            tr("export.format.html"),
            data=_maker(fig, "html", 1, language),
            file_name=export.file_name(name, "html"),
            mime=export.MIME["html"],
            key=f"{key}-html",
            on_click="ignore",
            width="stretch",
        )
        if ok:
            st.caption(tr("export.download_help"))
        else:
            st.caption(message)


def chart_format_buttons(name: str, make: Callable[[str, float], Maker], *,
                         static_ok: bool, prefix: str = "one") -> None:
    """One chart in every format, a button each in a row (the export page).

    `make(fmt, scale)` returns the deferred maker of that file; `prefix` keeps the keys
    of two such rows on one page apart.
    """
    # (format, scale, short label, tooltip, file name stem)
    buttons = [("html", 1, tr("export.short.html"), tr("export.format.html"), name)]
    if static_ok:
        buttons = [
            ("png", 1, tr("export.format.png"), None, name),
            ("png", export.PRINT_SCALE, tr("export.short.png_print"),
             tr("export.download_help"), f"{name}-print"),
            ("svg", 1, tr("export.format.svg"), None, name),
            ("pdf", 1, tr("export.format.pdf"), None, name),
            *buttons,
        ]
    for column, (fmt, scale, label, tip, stem) in zip(st.columns(len(buttons)), buttons,
                                                       strict=True):
        column.download_button(
            label, data=make(fmt, scale), file_name=export.file_name(stem, fmt),
            mime=export.MIME[fmt], key=f"export:{prefix}:{fmt}:{scale:g}", on_click="ignore",
            width="stretch", help=tip,
        )


def table_buttons(key: str, csv: Maker, xlsx: Maker, stem: str) -> None:
    """CSV and Excel of one table, side by side (the export page)."""
    left, right = st.columns(2)
    left.download_button(
        tr("export.format.csv"), data=csv, file_name=export.file_name(stem, "csv"),
        mime=export.MIME["csv"], key=f"export:{key}:csv", on_click="ignore",
        width="stretch", icon=":material/download:",
    )
    right.download_button(
        tr("export.format.xlsx"), data=xlsx, file_name=export.file_name(stem, "xlsx"),
        mime=export.MIME["xlsx"], key=f"export:{key}:xlsx", on_click="ignore",
        width="stretch", icon=":material/download:",
    )
