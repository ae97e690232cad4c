"""Results page: ranking, pillar balance, trade-offs, measure profiles, score heatmap, table."""

import streamlit as st

from impact import charts, engine, export, ui
from impact.ui import results, session, widgets

lang = ui.lang()
assessment = ui.page(ui.tr("results.title"))
st.caption(ui.tr("results.intro"))
widgets.presentation_toggle()
weighting = widgets.pillar_weight_sliders("results")
profile_note = (
    ui.tr("results.from_profile", profile=ui.plain(weighting.profile)) if weighting.profile
    else ""
)
st.caption(
    ui.tr("results.settings", method=engine.method_label(weighting.method, lang,
                                                         weighting.vikor_v))
    + (" " + profile_note if profile_note else "")
)
st.page_link("views/weights.py", label=ui.tr("results.more_weights"), icon=":material/tune:")

try:
    evaluation = results.evaluation(assessment, weighting)
except engine.EngineError as err:
    st.warning(ui.plain(err.message(lang)))
    st.stop()

# with the names of the criteria a knocked-out measure fails, for charts and table
table = charts.with_knockout_names(evaluation.table, assessment)
no_regret = results.no_regret(assessment, weighting)
# the evaluation's pillar weights: a pillar without criteria shows 0, not its share
subtitle = charts.weights_subtitle(evaluation.pillar_weights, lang, weighting.method,
                                   weighting.profile, weighting.vikor_v)

# Ranking
ui.chart(charts.ranking_chart(table, lang=lang, no_regret=no_regret, subtitle=subtitle,
                              method=weighting.method),
         "ranking", caption=ui.tr("results.ranking_help"), downloads="dl-results-ranking")

# Balance and trade-offs
st.subheader(ui.tr("results.balance_header"))
ui.chart(charts.balance_chart(table, lang=lang, subtitle=subtitle), "balance",
         caption=ui.tr("results.balance_help"), downloads="dl-results-balance")
ui.chart(charts.tradeoff_chart(table, evaluation.neutral, lang=lang, subtitle=subtitle),
         "tradeoff", caption=ui.tr("results.tradeoff_help"), downloads="dl-results-tradeoff")
ui.chart(charts.pillars_chart(table, evaluation.neutral, lang=lang, subtitle=subtitle),
         "pillars", downloads="dl-results-pillars")

# PROMETHEE's GAIA plane: how measures and criteria relate, and what the weights reward
if weighting.method == "promethee":
    try:
        plane = engine.evaluation_gaia(assessment, evaluation)
    except engine.EngineError as err:
        st.warning(ui.plain(err.message(lang)))
    else:
        ui.chart(charts.gaia_chart(plane, table, assessment, lang=lang, subtitle=subtitle),
                 "gaia", caption=ui.tr("results.gaia_help"), downloads="dl-results-gaia")

# Measure profile
st.subheader(ui.tr("results.profile_header"))
names = {m.id: m.label(lang) for m in assessment.measures}
choice_key = f"results:radar:{assessment.id}"
picked = session.widget_value(choice_key)
if picked is None or not set(picked) <= set(names):
    session.show_in_widget(choice_key, charts.default_radar_measures(table))
pick, level = st.columns([3, 1])
chosen = pick.multiselect(
    ui.tr("results.radar_pick"), list(names), format_func=names.get, key=choice_key,
    help=ui.tr("results.radar_pick_help"),
)
detail = level.segmented_control(
    ui.tr("results.radar_level"), ["pillars", "criteria"],
    format_func=lambda v: ui.tr(f"results.radar_level.{v}"), default="pillars",
    key="results:radar:level",
)
if len(chosen) < 1:
    st.info(ui.tr("results.radar_empty"))
else:
    if detail == "criteria":
        fig = charts.radar_from_assessment(assessment, chosen, lang=lang, subtitle=subtitle)
    else:
        fig = charts.radar_from_table(table, chosen, lang=lang, neutral=evaluation.neutral,
                                      subtitle=subtitle)
    ui.chart(fig, "radar", downloads="dl-results-radar")

# Score heatmap
st.subheader(ui.tr("results.heatmap_header"))
ui.chart(charts.heatmap_from_assessment(assessment, table, lang=lang, subtitle=subtitle),
         "heatmap", caption=ui.tr("results.heatmap_help"), downloads="dl-results-heatmap")

# Table
st.subheader(ui.tr("results.table_header"))
frame = charts.results_table(table, lang=lang, no_regret=no_regret)
cols = charts.results_columns(lang)
numbers = {cols["score"]: 2, cols["ecology"]: 2, cols["economy"]: 2, cols["people"]: 2,
           cols["balance"]: 2}
ui.table(
    # numbers as text in the one notation of the charts (0,68), not Streamlit's 0.680
    charts.shown_numbers(frame, numbers, lang),
    hide_index=True,
    width="stretch",
    height=ui.table_height(len(frame)),  # every measure visible, no inner scrolling
    key="results-table",
    column_config={
        cols["balance"]: st.column_config.TextColumn(help=ui.tr("results.col.balance_help")),
        cols["pareto"]: st.column_config.CheckboxColumn(help=ui.tr("results.col.pareto_help")),
        cols["no_regret"]: st.column_config.CheckboxColumn(
            help=ui.tr("results.col.no_regret_help")),
    },
)
st.download_button(
    ui.tr("results.download_csv"),
    data=lambda: export.frame_to_csv_bytes(frame, lang),
    file_name="resultaten.csv" if lang == "nl" else "results.csv",
    mime=export.MIME["csv"],
    key="dl-results-table",
    on_click="ignore",
    icon=":material/download:",
)
