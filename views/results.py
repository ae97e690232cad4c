"""Results page: ranking, pillar balance, trade-offs, measure profiles, score heatmap, table."""

import streamlit as st

from impact import charts, engine, export, ui, ui_results
from impact.ui_downloads import chart_downloads

lang = ui.lang()
st.title(ui.tr("results.title"))
assessment = ui.current_assessment()
if assessment is None:
    ui.no_assessment_notice()
    st.stop()

st.caption(ui.tr("results.intro"))
settings = ui_results.pillar_weight_sliders("results")
profile_note = (
    ui.tr("results.from_profile", profile=ui.plain(settings.profile)) if settings.profile else ""
)
st.caption(
    ui.tr("results.settings", method=engine.method_label(settings.method, lang))
    + (" " + profile_note if profile_note else "")
)
st.page_link("views/weights.py", label=ui.tr("results.more_weights"), icon=":material/tune:")

try:
    evaluation = ui_results.evaluation(assessment, settings)
except engine.EngineError as err:
    st.warning(ui.plain(err.message(lang)))
    st.stop()

table = evaluation.table
no_regret = ui_results.no_regret(assessment, settings.method)
subtitle = charts.weights_subtitle(evaluation.pillar_weights, lang, settings.method,
                                   settings.profile)

# Ranking
fig = charts.ranking_chart(table, lang=lang, no_regret=no_regret, subtitle=subtitle)
st.plotly_chart(fig, key="chart-ranking", config={"displaylogo": False})
st.caption(ui.tr("results.ranking_help"))
chart_downloads(fig, "ranking", key="dl-results-ranking")

# Balance and trade-offs
st.subheader(ui.tr("results.balance_header"))
fig = charts.balance_chart(table, lang=lang, subtitle=subtitle)
st.plotly_chart(fig, key="chart-balance", config={"displaylogo": False})
st.caption(ui.tr("results.balance_help"))
chart_downloads(fig, "balance", key="dl-results-balance")

fig = charts.tradeoff_chart(table, evaluation.neutral, lang=lang, subtitle=subtitle)
st.plotly_chart(fig, key="chart-tradeoff", config={"displaylogo": False})
st.caption(ui.tr("results.tradeoff_help"))
chart_downloads(fig, "tradeoff", key="dl-results-tradeoff")

fig = charts.pillars_chart(table, evaluation.neutral, lang=lang, subtitle=subtitle)
st.plotly_chart(fig, key="chart-pillars", config={"displaylogo": False})
chart_downloads(fig, "pillars", key="dl-results-pillars")

# Measure profile
st.subheader(ui.tr("results.profile_header"))
names = {m.id: m.label(lang) for m in assessment.measures}
choice_key = f"results:radar:{assessment.id}"
if choice_key not in st.session_state or not set(st.session_state[choice_key]) <= set(names):
    st.session_state[choice_key] = charts.default_radar_measures(table)
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
    st.plotly_chart(fig, key="chart-radar", config={"displaylogo": False})
    chart_downloads(fig, "radar", key="dl-results-radar")

# Score heatmap
st.subheader(ui.tr("results.heatmap_header"))
fig = charts.heatmap_from_assessment(assessment, table, lang=lang, subtitle=subtitle)
st.plotly_chart(fig, key="chart-heatmap", config={"displaylogo": False})
st.caption(ui.tr("results.heatmap_help"))
chart_downloads(fig, "heatmap", key="dl-results-heatmap")

# Table
st.subheader(ui.tr("results.table_header"))
frame = charts.results_table(table, lang=lang, no_regret=no_regret)
cols = charts.results_columns(lang)
st.dataframe(
    frame,
    hide_index=True,
    width="stretch",
    height=ui.table_height(len(frame)),  # every measure visible, no inner scrolling
    key="results-table",
    column_config={
        cols["score"]: st.column_config.NumberColumn(format="%.3f"),
        cols["ecology"]: st.column_config.NumberColumn(format="%.3f"),
        cols["economy"]: st.column_config.NumberColumn(format="%.3f"),
        cols["people"]: st.column_config.NumberColumn(format="%.3f"),
        cols["balance"]: st.column_config.NumberColumn(
            format="%.2f", help=ui.tr("results.col.balance_help")),
        cols["pareto"]: st.column_config.CheckboxColumn(help=ui.tr("results.col.pareto_help")),
        cols["no_regret"]: st.column_config.CheckboxColumn(
            help=ui.tr("results.col.no_regret_help")),
    },
)
st.download_button(
    ui.tr("results.download_csv"),
    data=lambda: export.frame_to_csv_bytes(frame),
    file_name="resultaten.csv" if lang == "nl" else "results.csv",
    mime="text/csv",
    key="dl-results-table",
    on_click="ignore",
    icon=":material/download:",
)
