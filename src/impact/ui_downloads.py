"""Download buttons beside a chart (Streamlit).

Every button gets a callable as `data`: the file is made only when the user
clicks, in Streamlit's download thread, so a page rerun costs nothing but the
buttons. Static images (PNG, SVG, PDF) need Chromium; without it the menu says
how to install it and offers interactive HTML only.
"""

from __future__ import annotations

from collections.abc import Callable

import plotly.graph_objects as go
import streamlit as st

from impact import export
from impact.ui import lang, tr


def _maker(fig: go.Figure, fmt: str, scale: float, language: str) -> Callable[[], bytes]:
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
