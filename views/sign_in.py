"""Sign in (IMPACT_AUTH=oidc): the only dashboard page for someone without a role.

Workshop participants never need an account: the take-part page stays one click away.
"""

import streamlit as st

from impact import ui

st.title(ui.tr("access.sign_in_title"))
me = ui.principal()
if me.signed_in:  # signed in, but no role in this database yet
    st.warning(ui.tr("access.no_role", who=ui.plain(me.name or me.subject)))
    if st.button(ui.tr("access.sign_out"), icon=":material/logout:", key="sign_out"):
        st.logout()
elif not ui.auth.auth_configured():
    st.error(ui.tr("access.auth_not_configured"))
else:
    st.write(ui.tr("access.sign_in_intro"))
    if st.button(ui.tr("access.sign_in_button"), type="primary", icon=":material/login:",
                 key="sign_in"):
        st.login()
st.divider()
st.caption(ui.tr("access.join_instead"))
st.page_link("views/participant.py", label=ui.tr("access.join_link"), icon=":material/groups:")
