"""Weights & perspectives page: pillar weights (100 points), profiles, method, floors."""

import pandas as pd
import streamlit as st

from impact import charts, engine, ui
from impact.numbers import format_percent
from impact.ui import results, widgets
from impact.ui import weights_views as controls
from impact.weighting import TOTAL_POINTS

lang = ui.lang()
assessment = ui.page(ui.tr("nav.weights"))
weighting = ui.weighting()
st.caption(ui.tr("results.w.intro"))

# -- stakeholder perspectives ----------------------------------------------------------
st.subheader(ui.tr("results.w.profiles_header"))
controls.profile_picker(assessment, weighting)
if ui.can_edit():
    controls.profile_controls(assessment, weighting)

# -- pillar weights ------------------------------------------------------------------------
st.subheader(ui.tr("results.w.pillars_header"))
st.caption(ui.tr("results.w.pillars_help"))
widgets.pillar_weight_sliders("weights")
st.caption(ui.tr("results.w.total", total=TOTAL_POINTS))

# -- method ----------------------------------------------------------------------------------
st.subheader(ui.tr("results.w.method_header"))
controls.method_picker(assessment, weighting, lang)

# -- floors ----------------------------------------------------------------------------------
st.subheader(ui.tr("results.w.floors_header"))
st.caption(ui.tr("results.w.floors_help"))
controls.floor_sliders(assessment, weighting, lang)

# -- weights within the pillars ----------------------------------------------------------------
st.subheader(ui.tr("results.w.within_header"))
st.caption(ui.tr("results.w.within_help"))
controls.within_weights(assessment, weighting, lang)

# -- what these settings give ---------------------------------------------------------------------
st.subheader(ui.tr("results.w.preview_header"))
try:
    evaluation = results.evaluation(assessment, weighting)
except engine.EngineError as err:
    st.warning(ui.plain(err.message(lang)))
    st.stop()
effective = pd.DataFrame(
    {
        ui.tr("word.criterion"): [c.label(lang) for c in assessment.criteria],
        ui.tr("word.pillar"): [ui.tr(f"pillar.{c.pillar.value}") for c in assessment.criteria],
        # percentages in the one notation of the report (12,5%)
        ui.tr("results.w.col.within"): [format_percent(evaluation.within.get(c.id, 0.0), lang, 1)
                                        for c in assessment.criteria],
        ui.tr("results.w.col.overall"): [
            format_percent(evaluation.weights.get(c.id, 0.0), lang, 1)
            for c in assessment.criteria],
    }
)
ranking = charts.results_table(evaluation.table, lang=lang)
cols = charts.results_columns(lang)
ui.table(
    charts.shown_numbers(ranking[[cols["rank"], cols["measure"], cols["score"]]],
                         {cols["score"]: 2}, lang),
    hide_index=True, key="weights-ranking", height=ui.table_height(len(ranking)),
)
ui.table(
    effective, hide_index=True, key="weights-effective", height=ui.table_height(len(effective)),
)
st.page_link("views/results.py", label=ui.tr("results.w.to_results"),
             icon=":material/leaderboard:")
