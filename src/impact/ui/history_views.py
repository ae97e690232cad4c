"""The History panel: every save with who, when and what; undo and restore."""

from __future__ import annotations

import streamlit as st

from impact.model import Assessment
from impact.ui import session
from impact.ui.auth import principal
from impact.ui.text import plain, tr

SHOWN = 20


def _describe(version) -> str:
    what = tr(version.change_key, **version.params)
    line = tr("history.row", version=version.version, when=f"{version.saved_at:%d-%m-%Y %H:%M}",
              who=version.saved_by, what=what)
    return line if version.restorable else f"{line} {tr('history.not_restorable')}"


def history_panel(assessment: Assessment, editable: bool) -> None:
    with st.expander(tr("history.title"), icon=":material/history:", key="history_panel"):
        versions = session.store().versions(assessment.id, limit=SHOWN)
        if not versions:
            st.caption(tr("history.empty"))
            return
        st.markdown("\n".join(f"- {plain(_describe(v))}" for v in versions))
        if not editable:
            return
        if st.button(tr("history.undo"), icon=":material/undo:", key="history_undo",
                     disabled=assessment.version <= 1):
            session.store().undo(assessment.id, by=principal(),
                                 expected_version=assessment.version)
            st.toast(tr("history.undone"))
            st.rerun()
        older = [v.version for v in versions if v.restorable and v.version != assessment.version]
        if not older:
            return
        picked = st.selectbox(tr("history.pick"), older, key="history_pick",
                              format_func=lambda n: _describe(next(
                                  v for v in versions if v.version == n)))
        if st.button(tr("history.restore"), icon=":material/restore:", key="history_restore"):
            session.store().restore_version(assessment.id, picked, by=principal(),
                                            expected_version=assessment.version)
            st.toast(tr("history.restored_toast", version=picked))
            st.rerun()
