"""Download buttons beside a chart (Streamlit). Extended by the export work."""

from __future__ import annotations

import plotly.graph_objects as go
import streamlit as st

from impact.ui import tr


def chart_downloads(fig: go.Figure, name: str, *, key: str | None = None) -> None:
    """Download buttons for one chart; the file is made only when clicked."""
    st.download_button(
        tr("core.download_html"),
        data=lambda: fig.to_html(include_plotlyjs=True, full_html=True),
        file_name=f"{name}.html",
        mime="text/html",
        key=key or f"dl-{name}-html",
        on_click="ignore",
    )
