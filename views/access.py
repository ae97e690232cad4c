"""Access (editors): who may read and who may edit, by e-mail address or domain."""

import pandas as pd
import streamlit as st

from impact import access, ui
from impact.access import ASSIGNABLE_ROLES, AccessDenied

st.title(ui.tr("access.title"))
if access.auth_mode() == "local":
    st.info(ui.tr("access.local_mode"))
    st.stop()

store = ui.store()
me = ui.principal()
st.caption(ui.tr("access.intro"))

roles = access.list_roles(store)
if roles:
    ui.table(pd.DataFrame({
        ui.tr("access.col.subject"): [subject for subject, _role in roles],
        ui.tr("access.col.role"): [ui.tr(f"role.{role}") for _subject, role in roles],
    }), hide_index=True, width="stretch", key="roles")
else:
    st.info(ui.tr("access.none_yet"))

with st.form("set_role", clear_on_submit=True):
    subject = st.text_input(ui.tr("access.col.subject"), placeholder="naam@provincie.nl",
                            max_chars=254)
    role = st.segmented_control(ui.tr("access.col.role"), ASSIGNABLE_ROLES,
                                default=ASSIGNABLE_ROLES[0],
                                format_func=lambda r: ui.tr(f"role.{r}"))
    add, remove = st.columns(2)
    adding = add.form_submit_button(ui.tr("access.add"), type="primary")
    removing = remove.form_submit_button(ui.tr("access.remove"))
    try:
        if adding:
            stored = access.set_role(store, subject, role or ASSIGNABLE_ROLES[0], by=me)
            st.toast(ui.tr("access.saved", subject=ui.plain(stored),
                           role=ui.tr(f"role.{role or ASSIGNABLE_ROLES[0]}")))
            st.rerun()
        if removing:
            access.remove_role(store, subject, by=me)
            st.toast(ui.tr("access.removed", subject=ui.plain(subject.strip())))
            st.rerun()
    except AccessDenied as exc:
        st.error(ui.plain(exc.message(ui.lang())))
