"""Impactbalans: entry point. Navigation, language switch and assessment picker.

Access is denied by default: the navigation holds only the pages the current person
may open (`impact.access`), so any other path, deep links included, does not exist
for them and runs their default page instead. The sidebar's parts are in
`impact.ui.sidebar`; every session and URL key is in `impact.ui.session`.
"""

import os

import streamlit as st

# Imported at start-up, not inside a rerun: scikit-criteria's import takes about 2 s.
import impact.engine  # noqa: F401
import impact.workshop  # noqa: F401
from impact import access, ui
from impact.access import Role
from impact.errors import UserError
from impact.ui import score_grid, sidebar, widgets

st.set_page_config(page_title="Impactbalans", page_icon="⚖️", layout="wide")

# (file, i18n title key, icon); the first is the default page.
PAGES = [
    ("views/assessment.py", "nav.assessment", ":material/edit_note:"),
    ("views/scoring.py", "nav.scoring", ":material/grid_on:"),
    ("views/weights.py", "nav.weights", ":material/tune:"),
    ("views/results.py", "nav.results", ":material/leaderboard:"),
    ("views/sensitivity.py", "nav.sensitivity", ":material/ssid_chart:"),
    ("views/portfolio.py", "nav.portfolio", ":material/inventory_2:"),
    ("views/workshop.py", "nav.workshop", ":material/groups:"),
    ("views/export.py", "nav.export", ":material/download:"),
]
PARTICIPANT_PAGE = "views/participant.py"
PROJECTION_PAGE = "views/projection.py"
SIGN_IN_PAGE = "views/sign_in.py"
ACCESS_PAGE = ("views/access.py", "nav.access", ":material/admin_panel_settings:")


def hidden_navigation(pages: list) -> None:
    st.navigation(pages, position="hidden").run()


def participant_page(default: bool = True) -> st.Page:
    return st.Page(PARTICIPANT_PAGE, title=ui.tr("nav.participant"), default=default)


def dashboard_pages() -> list:
    pages = list(PAGES)
    if ui.can_edit():
        pages.append(ACCESS_PAGE)
    return [
        st.Page(file, title=ui.tr(title), icon=icon, default=(i == 0))
        for i, (file, title, icon) in enumerate(pages)
    ] + [st.Page(PROJECTION_PAGE, title=ui.tr("workshop.projection.title"),
                 url_path="projection", visibility="hidden")]  # the beamer, from the workshop


def dashboard() -> None:
    with st.sidebar:
        widgets.language_switch()
    page = st.navigation(dashboard_pages())
    with st.sidebar:
        sidebar.assessment_picker()
        sidebar.account_box()
    score_grid.save_pending_on_leave(page.url_path, ui.current_assessment())
    page.run()


ui.auth.forget_principal()
try:
    me = ui.principal()
except ValueError:  # IMPACT_AUTH has a value we do not know: refuse, say what to set
    st.error(ui.tr("access.bad_mode", mode=ui.plain(os.environ.get("IMPACT_AUTH", ""))))
    st.stop()

try:
    if ui.session.is_participant_link():
        hidden_navigation([participant_page()])
    elif me.role == Role.PARTICIPANT:
        if access.auth_mode() == "local":
            hidden_navigation([participant_page()])  # the room's devices: the join page only
        else:  # oidc: sign in (or no role yet); the join page needs no account
            hidden_navigation([st.Page(SIGN_IN_PAGE, title=ui.tr("nav.sign_in"),
                                       default=True), participant_page(default=False)])
    else:
        dashboard()
except UserError as exc:  # a refused write (role, stale version), the database gone: say so
    st.error(exc.message(ui.lang()))
