"""The dashboard's sidebar: the assessment picker, managing assessments, the account box.

Every write passes `by=` the principal; the store refuses what the role does not allow.
"""

from __future__ import annotations

import streamlit as st

from impact.io import AssessmentValidationError, assessment_to_xlsx_bytes, read_assessment_bytes
from impact.model import Assessment
from impact.store import StoreError
from impact.ui import session
from impact.ui.auth import can_edit, principal
from impact.ui.session import current_assessment, current_assessment_id, lang, store
from impact.ui.text import plain, tr


def account_box() -> None:
    me = principal()
    if me.signed_in:
        st.caption(tr("access.signed_in_as", who=plain(me.name or me.subject),
                      role=tr(f"role.{me.role}")))
        if st.button(tr("access.sign_out"), key="sign_out", icon=":material/logout:"):
            st.logout()
    elif me.can_edit:
        st.caption(tr("access.local_editor"))


def assessment_picker() -> None:
    infos = store().list_assessments()
    current = current_assessment_id()
    if infos:
        names = {i.id: i.name for i in infos}
        chosen = st.selectbox(
            tr("sidebar.assessment"),
            list(names),
            index=list(names).index(current),
            format_func=names.get,
            key=f"assessment_picker:{current}",
        )
        if chosen != current:
            session.set_current_assessment(chosen)
            st.rerun()
    if can_edit():
        with st.expander(tr("sidebar.manage"), expanded=not infos):
            manage_assessments(current, {i.id: i.name for i in infos})
    elif current is not None:
        workbook_download(names[current])
    if can_edit():
        st.caption(tr("sidebar.database", path=store().shown))


def workbook_download(name: str) -> None:
    assessment = current_assessment()
    st.download_button(
        tr("sidebar.download"),
        data=lambda: assessment_to_xlsx_bytes(assessment),
        file_name=f"{name}.xlsx",
        mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        on_click="ignore",
        icon=":material/download:",
        key="download_workbook",
    )


def manage_assessments(current: int | None, names: dict[int, str]) -> None:
    with st.form("new_assessment", clear_on_submit=True, border=False):
        name = st.text_input(tr("sidebar.new_name"), value=tr("sidebar.new_default"))
        if st.form_submit_button(tr("sidebar.create"), icon=":material/add:"):
            if name.strip():
                new = Assessment(name=name.strip())  # a name in use gets a number added
                session.set_current_assessment(store().create(new, by=principal()))
                st.rerun()
            else:
                st.error(tr("sidebar.name_required"))
    if current is not None:
        st.divider()
        change_current(current, names[current])
    st.divider()
    upload = st.file_uploader(tr("sidebar.import"), type=["xlsx", "json", "zip"],
                              help=tr("sidebar.import_help"),
                              key=session.import_uploader_key())
    if upload is not None and st.button(tr("sidebar.import_button"), key="import_button"):
        import_upload(upload.name, upload.getvalue())
    for line in session.take_import_errors():
        st.error(plain(line))


def change_current(current: int, name: str) -> None:
    """Rename, duplicate, delete or download the current assessment."""
    s, me = store(), principal()
    new_name = st.text_input(tr("sidebar.rename_to"), value=name, key=f"rename:{current}")
    if st.button(tr("sidebar.rename"), key="rename_button"):
        if new_name.strip():
            try:
                s.rename(current, new_name.strip(), by=me)
            except StoreError as err:  # the name is taken: say so, keep the field
                st.error(plain(err.message(lang())))
            else:
                st.rerun()
        else:
            st.error(tr("sidebar.name_required"))
    if st.button(tr("sidebar.duplicate"), key="duplicate_button"):
        # a name in use gets a number added by the store, under its write lock
        session.set_current_assessment(s.duplicate(current, tr("sidebar.copy_of", name=name),
                                                   by=me))
        st.rerun()
    confirm = st.checkbox(tr("sidebar.delete_confirm", name=plain(name)),
                          key=f"delete_confirm:{current}")
    if st.button(tr("sidebar.delete"), disabled=not confirm, type="primary",
                 icon=":material/delete:", key="delete_button"):
        s.delete(current, by=me)
        session.forget_current_assessment()
        st.toast(tr("sidebar.deleted", name=plain(name)))
        st.rerun()
    workbook_download(name)


def import_upload(filename: str, data: bytes) -> None:
    try:
        # The app's own download of a half-scored assessment must import back.
        assessment = read_assessment_bytes(data, filename, lang=lang(), allow_missing_scores=True)
    except AssessmentValidationError as exc:
        session.keep_import_errors([tr("sidebar.import_failed")] + [
            issue.message(lang()) for issue in exc.errors
        ])
        return
    # Two assessments with one name cannot be told apart: a name in use gets a number.
    new_id = store().create(assessment, by=principal(), change_key="history.imported")
    session.set_current_assessment(new_id)
    session.import_done()
    st.toast(tr("sidebar.imported", name=plain(store().info(new_id).name),
                measures=len(assessment.measures), criteria=len(assessment.criteria)))
    st.rerun()
