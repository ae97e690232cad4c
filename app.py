"""Impactbalans: entry point. Navigation, language switch and assessment picker."""

from pathlib import Path

import streamlit as st

# Import heavy modules once at start-up, not inside a rerun (scikit-criteria takes ~2 s).
# TODO(lead): import impact.engine here once it exists
from impact import ui
from impact.i18n import LANGUAGE_NAMES, LANGUAGES


HERE = Path(__file__).parent

st.set_page_config(page_title="Impactbalans", page_icon="⚖️", layout="wide")

# (file, i18n title key, icon); the first is the default page.
PAGES = [
    ("pages/assessment.py", "nav.assessment", ":material/edit_note:"),
    ("pages/scoring.py", "nav.scoring", ":material/grid_on:"),
    ("pages/weights.py", "nav.weights", ":material/tune:"),
    ("pages/results.py", "nav.results", ":material/leaderboard:"),
    ("pages/sensitivity.py", "nav.sensitivity", ":material/ssid_chart:"),
    ("pages/workshop.py", "nav.workshop", ":material/groups:"),
    ("pages/export.py", "nav.export", ":material/download:"),
]
PARTICIPANT_PAGE = "pages/participant.py"


def is_participant_link() -> bool:
    """A participant's link (join code or participant token) opens only the participant page."""
    return "join" in st.query_params or "p" in st.query_params


if is_participant_link() and (HERE / PARTICIPANT_PAGE).exists():
    page = st.navigation(
        [st.Page(PARTICIPANT_PAGE, title=ui.tr("nav.participant"), default=True)],
        position="hidden",
    )
    page.run()
else:
    with st.sidebar:
        choice = st.segmented_control(
            "🌐",
            LANGUAGES,
            format_func=LANGUAGE_NAMES.get,
            default=ui.lang(),
            key="lang_switch",
            label_visibility="collapsed",
        )
        if choice and choice != st.session_state.get("lang"):
            st.session_state["lang"] = choice
            st.rerun()
    pages = [
        st.Page(file, title=ui.tr(title), icon=icon, default=(i == 0))
        for i, (file, title, icon) in enumerate(PAGES)
        if (HERE / file).exists()
    ]
    page = st.navigation(pages)
    assessment_sidebar()
    page.run()
