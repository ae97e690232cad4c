"""Impactbalans: entry point. Navigation, language switch and assessment picker.

Access is denied by default: the navigation holds only the pages the current person
may open (`impact.access`), so any other path, deep links included, does not exist
for them and runs their default page instead.
"""

import os

import streamlit as st

# Imported at start-up, not inside a rerun: scikit-criteria's import takes about 2 s.
import impact.engine  # noqa: F401
import impact.workshop  # noqa: F401
from impact import access, ui
from impact.access import AccessDenied, Role
from impact.i18n import LANGUAGE_NAMES, LANGUAGES
from impact.io import AssessmentValidationError, assessment_to_xlsx_bytes, read_assessment_bytes
from impact.model import Assessment

st.set_page_config(page_title="Impactbalans", page_icon="⚖️", layout="wide")

# (file, i18n title key, icon); the first is the default page.
PAGES = [
    ("views/assessment.py", "nav.assessment", ":material/edit_note:"),
    ("views/scoring.py", "nav.scoring", ":material/grid_on:"),
    ("views/weights.py", "nav.weights", ":material/tune:"),
    ("views/results.py", "nav.results", ":material/leaderboard:"),
    ("views/sensitivity.py", "nav.sensitivity", ":material/ssid_chart:"),
    ("views/workshop.py", "nav.workshop", ":material/groups:"),
    ("views/export.py", "nav.export", ":material/download:"),
]
PARTICIPANT_PAGE = "views/participant.py"
SIGN_IN_PAGE = "views/sign_in.py"
ACCESS_PAGE = ("views/access.py", "nav.access", ":material/admin_panel_settings:")


def is_participant_link() -> bool:
    """A participant's link (join code or participant token) opens only the participant page."""
    return "join" in st.query_params or "p" in st.query_params


def language_switch() -> None:
    def apply() -> None:  # a callback runs before the script, so the whole page follows
        if st.session_state.get("lang_switch"):
            st.session_state["lang"] = st.session_state["lang_switch"]

    st.session_state.setdefault("lang_switch", ui.lang())
    st.segmented_control(
        "🌐",
        LANGUAGES,
        format_func=LANGUAGE_NAMES.get,
        key="lang_switch",
        on_change=apply,
        label_visibility="collapsed",
    )


def account_box() -> None:
    me = ui.principal()
    if me.signed_in:
        st.caption(ui.tr("access.signed_in_as", who=ui.plain(me.name or me.subject),
                         role=ui.tr(f"role.{me.role}")))
        if st.button(ui.tr("access.sign_out"), key="sign_out", icon=":material/logout:"):
            st.logout()
    elif me.can_edit:
        st.caption(ui.tr("access.local_editor"))


def assessment_picker() -> None:
    store = ui.store()
    infos = store.list_assessments()
    current = ui.current_assessment_id()
    if infos:
        names = {i.id: i.name for i in infos}
        chosen = st.selectbox(
            ui.tr("sidebar.assessment"),
            list(names),
            index=list(names).index(current),
            format_func=names.get,
            key=f"assessment_picker:{current}",
        )
        if chosen != current:
            ui.set_current_assessment(chosen)
            st.rerun()
    if ui.can_edit():
        with st.expander(ui.tr("sidebar.manage"), expanded=not infos):
            manage_assessments(current, {i.id: i.name for i in infos})
    elif current is not None:
        workbook_download(names[current])
    if ui.can_edit():
        st.caption(ui.tr("sidebar.database", path=str(store.path)))


def workbook_download(name: str) -> None:
    assessment = ui.current_assessment()
    st.download_button(
        ui.tr("sidebar.download"),
        data=lambda: assessment_to_xlsx_bytes(assessment),
        file_name=f"{name}.xlsx",
        mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        on_click="ignore",
        icon=":material/download:",
        key="download_workbook",
    )


def manage_assessments(current: int | None, names: dict[int, str]) -> None:
    store = ui.store()
    me = ui.principal()
    with st.form("new_assessment", clear_on_submit=True, border=False):
        name = st.text_input(ui.tr("sidebar.new_name"), value=ui.tr("sidebar.new_default"))
        if st.form_submit_button(ui.tr("sidebar.create"), icon=":material/add:"):
            if name.strip():
                new = Assessment(name=store.unique_name(name.strip()))
                ui.set_current_assessment(store.create(new, by=me))
                st.rerun()
            else:
                st.error(ui.tr("sidebar.name_required"))

    if current is not None:
        st.divider()
        new_name = st.text_input(ui.tr("sidebar.rename_to"), value=names[current],
                                 key=f"rename:{current}")
        if st.button(ui.tr("sidebar.rename"), key="rename_button"):
            if new_name.strip():
                store.rename(current, new_name.strip(), by=me)
                st.rerun()
            else:
                st.error(ui.tr("sidebar.name_required"))
        if st.button(ui.tr("sidebar.duplicate"), key="duplicate_button"):
            copy_name = store.unique_name(ui.tr("sidebar.copy_of", name=names[current]))
            copy_id = store.duplicate(current, copy_name, by=me)
            ui.set_current_assessment(copy_id)
            st.rerun()
        confirm = st.checkbox(ui.tr("sidebar.delete_confirm", name=ui.plain(names[current])),
                              key=f"delete_confirm:{current}")
        if st.button(ui.tr("sidebar.delete"), disabled=not confirm, type="primary",
                     icon=":material/delete:", key="delete_button"):
            store.delete(current, by=me)
            st.session_state.pop("assessment_id", None)
            st.query_params.pop("a", None)
            st.toast(ui.tr("sidebar.deleted", name=ui.plain(names[current])))
            st.rerun()
        workbook_download(names[current])

    st.divider()
    upload = st.file_uploader(ui.tr("sidebar.import"), type=["xlsx", "json", "zip"],
                              help=ui.tr("sidebar.import_help"), key="import_upload")
    if upload is not None and st.button(ui.tr("sidebar.import_button"), key="import_button"):
        import_upload(upload.name, upload.getvalue())
    for line in st.session_state.pop("import_errors", []):
        st.error(ui.plain(line))


def import_upload(filename: str, data: bytes) -> None:
    try:
        # The app's own download of a half-scored assessment must import back.
        assessment = read_assessment_bytes(data, filename, lang=ui.lang(),
                                           allow_missing_scores=True)
    except AssessmentValidationError as exc:
        st.session_state["import_errors"] = [ui.tr("sidebar.import_failed")] + [
            issue.message(ui.lang()) for issue in exc.errors
        ]
        return
    # Two assessments with one name cannot be told apart in the picker.
    assessment.name = ui.store().unique_name(assessment.name)
    new_id = ui.store().create(assessment, by=ui.principal())
    ui.set_current_assessment(new_id)
    st.toast(ui.tr("sidebar.imported", name=ui.plain(assessment.name),
                   measures=len(assessment.measures), criteria=len(assessment.criteria)))
    st.rerun()


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
    ]


def dashboard() -> None:
    with st.sidebar:
        language_switch()
    page = st.navigation(dashboard_pages())
    with st.sidebar:
        assessment_picker()
        account_box()
    page.run()


ui.auth.forget_principal()
try:
    me = ui.principal()
except ValueError:  # IMPACT_AUTH has a value we do not know: refuse, say what to set
    st.error(ui.tr("access.bad_mode", mode=ui.plain(os.environ.get("IMPACT_AUTH", ""))))
    st.stop()

if is_participant_link():
    hidden_navigation([participant_page()])
elif me.role == Role.PARTICIPANT:
    if access.auth_mode() == "local":
        hidden_navigation([participant_page()])  # the room's devices: the join page only
    else:  # oidc: sign in (or no role yet); the join page needs no account
        hidden_navigation([st.Page(SIGN_IN_PAGE, title=ui.tr("nav.sign_in"), default=True),
                           participant_page(default=False)])
else:
    try:
        dashboard()
    except AccessDenied as exc:  # a write the role does not allow: say so, change nothing
        st.error(exc.message(ui.lang()))
