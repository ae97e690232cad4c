"""Assessment page: name, purpose, measures and criteria."""

import streamlit as st

from impact import ui
from impact.editing import criteria_frame, criteria_from_frame, measures_frame, measures_from_frame
from impact.model import PILLARS, Direction

assessment = ui.page(ui.tr("assessment.title"))

store = ui.store()
lang = ui.lang()
me = ui.principal()
editable = ui.read_only_notice()
st.caption(ui.tr("assessment.intro"))
st.caption(ui.tr("assessment.counts", measures=len(assessment.measures),
                 criteria=len(assessment.criteria), profiles=len(assessment.profiles)))

with st.form(f"details:{assessment.id}:{assessment.version}", border=False):
    name = st.text_input(ui.tr("assessment.name"), value=assessment.name,
                         disabled=not editable)
    description = st.text_area(ui.tr("assessment.description"), value=assessment.description,
                               disabled=not editable)
    if st.form_submit_button(ui.tr("assessment.save_details"), disabled=not editable):
        if name.strip():
            store.rename(assessment.id, name.strip(), description.strip(), by=me)
            st.toast(ui.tr("sidebar.saved"))
            st.rerun()
        else:
            st.error(ui.tr("sidebar.name_required"))


def save_when_valid(errors: list[str], changed: bool, save) -> None:
    """Nothing is saved while any error remains; a valid change is stored at once."""
    if errors:
        st.error("\n".join([ui.tr("assessment.not_saved")]
                           + [f"- {ui.plain(e)}" for e in errors]))
    elif changed and editable:
        save()
        st.toast(ui.tr("sidebar.saved"))
        st.rerun()


# A new editor key per data version: after a save the editor starts from the stored data.
st.subheader(ui.tr("assessment.measures"))
edited_measures = st.data_editor(
    measures_frame(assessment.measures),
    key=f"measures_editor:{assessment.id}:{assessment.version}",
    num_rows="dynamic" if editable else "fixed",
    disabled=not editable,
    height=ui.table_height(len(assessment.measures), extra_row=True),
    hide_index=True,
    width="stretch",
    column_config={
        "id": st.column_config.TextColumn(ui.tr("assessment.col.id"), required=True),
        "label_nl": st.column_config.TextColumn(ui.tr("assessment.col.label_nl"), required=True),
        "label_en": st.column_config.TextColumn(ui.tr("assessment.col.label_en")),
        "description": st.column_config.TextColumn(ui.tr("assessment.col.description"),
                                                   width="large"),
    },
)
measures, measure_errors = measures_from_frame(edited_measures, lang)
save_when_valid(measure_errors, measures != assessment.measures,
                lambda: store.replace_measures(assessment.id, measures, by=me))

st.subheader(ui.tr("assessment.criteria"))
edited_criteria = st.data_editor(
    criteria_frame(assessment.criteria),
    key=f"criteria_editor:{assessment.id}:{assessment.version}",
    num_rows="dynamic" if editable else "fixed",
    disabled=not editable,
    height=ui.table_height(len(assessment.criteria), extra_row=True),
    hide_index=True,
    width="stretch",
    column_config={
        "id": st.column_config.TextColumn(ui.tr("assessment.col.id"), required=True),
        "pillar": st.column_config.SelectboxColumn(
            ui.tr("assessment.col.pillar"), options=[str(p) for p in PILLARS], required=True,
            format_func=lambda p: ui.tr(f"pillar.{p}"),
        ),
        "label_nl": st.column_config.TextColumn(ui.tr("assessment.col.label_nl"), required=True),
        "label_en": st.column_config.TextColumn(ui.tr("assessment.col.label_en")),
        "unit": st.column_config.TextColumn(ui.tr("assessment.col.unit")),
        "direction": st.column_config.SelectboxColumn(
            ui.tr("assessment.col.direction"), options=[str(d) for d in Direction],
            required=True, format_func=lambda d: ui.tr(f"direction.{d}"),
        ),
        "scale_min": st.column_config.NumberColumn(ui.tr("assessment.col.scale_min"),
                                                   required=True),
        "scale_max": st.column_config.NumberColumn(ui.tr("assessment.col.scale_max"),
                                                   required=True),
        "weight": st.column_config.NumberColumn(ui.tr("assessment.col.weight"), min_value=0.0,
                                                default=1.0),
        "description": st.column_config.TextColumn(ui.tr("assessment.col.description"),
                                                   width="large"),
    },
)
criteria, criterion_errors = criteria_from_frame(edited_criteria, assessment, lang)
save_when_valid(criterion_errors, criteria != assessment.criteria,
                lambda: store.replace_criteria(assessment.id, criteria, by=me))
