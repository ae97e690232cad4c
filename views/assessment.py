"""Assessment page: name, purpose, and the measures and criteria (edited in dialogs)."""

import streamlit as st

from impact import ui
from impact.ui import editor_views, history_views

assessment = ui.page(ui.tr("assessment.title"))
editable = ui.read_only_notice()
st.caption(ui.tr("editor.intro"))
st.caption(ui.tr("assessment.counts", measures=len(assessment.measures),
                 criteria=len(assessment.criteria), profiles=len(assessment.profiles)))

with st.form(f"details:{assessment.id}:{assessment.version}", border=False):
    name = st.text_input(ui.tr("assessment.name"), value=assessment.name,
                         disabled=not editable)
    description = st.text_area(ui.tr("assessment.description"), value=assessment.description,
                               disabled=not editable)
    if st.form_submit_button(ui.tr("assessment.save_details"), disabled=not editable):
        if name.strip():
            ui.store().rename(assessment.id, name.strip(), description.strip(),
                              by=ui.principal(), expected_version=assessment.version)
            st.toast(ui.tr("sidebar.saved"))
            st.rerun()
        else:
            st.error(ui.tr("sidebar.name_required"))

measures, criteria = st.columns(2, gap="large")
with measures:
    st.subheader(ui.tr("assessment.measures"))
    editor_views.measure_list(assessment, editable)
with criteria:
    st.subheader(ui.tr("assessment.criteria"))
    editor_views.criterion_lists(assessment, editable)
history_views.history_panel(assessment, editable)
if editable:
    editor_views.show_open_dialog(assessment)  # last: the buttons above may have opened one
