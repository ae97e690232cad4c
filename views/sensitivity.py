"""Sensitivity page: SMAA rank acceptability, weight stability, what-if, perspectives."""

from dataclasses import replace

import pandas as pd
import streamlit as st

from impact import charts, engine, ui
from impact.model import PILLARS, Pillar
from impact.ui import results, session, widgets
from impact.weighting import TOTAL_POINTS

lang = ui.lang()
assessment = ui.page(ui.tr("results.s.title"))
weighting = ui.weighting()
widgets.presentation_toggle()
st.caption(ui.tr("results.s.intro", weights=results.settings_summary(weighting, lang)))
st.page_link("views/weights.py", label=ui.tr("results.more_weights"), icon=":material/tune:")
try:
    evaluation = results.evaluation(assessment, weighting)
except engine.EngineError as err:
    st.warning(ui.plain(err.message(lang)))
    st.stop()
table = evaluation.table
names = charts.knockout_names(assessment, lang)  # "(niet toelaatbaar)" after a knocked-out one
subtitle = charts.weights_subtitle(evaluation.pillar_weights, lang, weighting.method,
                                   weighting.profile, weighting.vikor_v)

# -- SMAA -----------------------------------------------------------------------------------
st.subheader(ui.tr("results.s.smaa_header"))
st.caption(ui.tr("results.s.smaa_help"))
samples_col, spread_col = st.columns(2)
samples = samples_col.selectbox(
    ui.tr("results.s.samples"), [1_000, 10_000, 50_000], index=1,
    format_func=lambda n: charts.fmt(n, lang, 0), key="sens-samples",
)
spread = spread_col.slider(
    ui.tr("results.s.spread"), min_value=0, max_value=50, value=15, step=5,
    help=ui.tr("results.s.spread_help"), key="sens-spread",
)
bar = st.progress(0.0, text=ui.tr("results.s.running"))
try:
    result = results.smaa(
        assessment, weighting, samples=int(samples), spread=spread / 100,
        progress=lambda f: bar.progress(min(max(float(f), 0.0), 1.0),
                                        text=ui.tr("results.s.running")),
    )
except engine.EngineError as err:
    bar.empty()
    st.warning(ui.plain(err.message(lang)))
    st.stop()
bar.empty()
best = str(table.sort_values("rank", kind="stable").index[0])
st.markdown(ui.tr(
    "results.s.smaa_summary",
    measure=ui.plain(names.get(best, best)),
    first=charts.fmt(100 * float(result.first.get(best, 0.0)), lang, 0),
    top3=charts.fmt(100 * float(result.top(3).get(best, 0.0)), lang, 0),
))
ui.chart(charts.acceptability_chart(result.acceptability, measure_names=names, lang=lang,
                                    subtitle=subtitle),
         "acceptability", downloads="dl-sens-acceptability")

# -- weight stability -------------------------------------------------------------------------
st.subheader(ui.tr("results.s.stability_header"))
st.caption(ui.tr("results.s.stability_help"))
try:
    stability = results.weight_stability(assessment, weighting)
except engine.EngineError as err:
    stability = None
    st.warning(ui.plain(err.message(lang)))
if stability is not None:
    ui.chart(charts.stability_chart(stability, lang=lang, subtitle=subtitle), "stability",
             downloads="dl-sens-stability")
    ui.table(
        pd.DataFrame(
            {
                ui.tr("word.pillar"): [ui.tr(f"pillar.{Pillar(p).value}")
                                       for p in stability.index],
                ui.tr("results.s.col.weight"): 100 * stability["weight"].to_numpy(),
                ui.tr("results.s.col.top"): [
                    f"{charts.fmt(100 * lo, lang, 0)}–{charts.fmt(100 * hi, lang, 0)}"
                    for lo, hi in zip(stability["top_low"], stability["top_high"], strict=True)
                ],
                ui.tr("results.s.col.order"): [
                    f"{charts.fmt(100 * lo, lang, 0)}–{charts.fmt(100 * hi, lang, 0)}"
                    for lo, hi in zip(stability["order_low"], stability["order_high"],
                                      strict=True)
                ],
                ui.tr("results.s.col.best"): [
                    ", ".join(names.get(m, m) for m in str(top).split(",") if m)
                    for top in stability["top"]
                ],
            }
        ),
        hide_index=True,
        key="sens-stability-table",
        column_config={ui.tr("results.s.col.weight"): st.column_config.NumberColumn(
            format="%.0f")},
    )

# -- what if ------------------------------------------------------------------------------------
st.subheader(ui.tr("results.s.whatif_header"))
st.caption(ui.tr("results.s.whatif_help"))
pillar_col, value_col = st.columns([1, 3])
pillar = pillar_col.selectbox(
    ui.tr("word.pillar"), list(PILLARS), format_func=lambda p: ui.tr(f"pillar.{p.value}"),
    key="sens-whatif-pillar",
)
current_points = weighting.whole_points()
# a new key whenever the session's weights change: the slider then starts from them
whatif_key = f"sens-whatif:{assessment.id}:{pillar.value}:{abs(hash(weighting))}"
session.default_widget(whatif_key, current_points[pillar])
value = value_col.slider(
    ui.tr("results.s.whatif_weight", pillar=ui.tr(f"pillar.{pillar.value}")),
    min_value=0, max_value=TOTAL_POINTS, step=1, key=whatif_key,
)
# Untouched, the slider shows the current weights rounded to whole points; keep them exact
# then, so that the what-if ranking equals the current one.
whatif = (
    replace(weighting, profile=None) if value == current_points[pillar]
    else weighting.rebalanced(pillar, value)
)
st.caption(ui.tr("results.s.whatif_gives", weights=results.settings_summary(whatif, lang)))
try:
    whatif_eval = results.evaluation(assessment, whatif)
except engine.EngineError as err:
    st.warning(ui.plain(err.message(lang)))
else:
    ui.chart(charts.ranking_chart(
        whatif_eval.table, lang=lang,
        subtitle=charts.weights_subtitle(whatif_eval.pillar_weights, lang, weighting.method,
                                         vikor_v=weighting.vikor_v),
        title=ui.tr("results.s.whatif_chart"), method=weighting.method,
    ), "whatif")
    now = table["rank"].astype(int)
    then = whatif_eval.table["rank"].astype(int)
    moves = pd.DataFrame(
        {
            ui.tr("results.s.col.rank_whatif"): then.to_numpy(),
            ui.tr("word.measure"): [names.get(m, m) for m in then.index],
            ui.tr("results.s.col.rank_now"): now.reindex(then.index).to_numpy(),
            ui.tr("results.s.col.change"): (now.reindex(then.index) - then).to_numpy(),
        }
    ).sort_values(ui.tr("results.s.col.rank_whatif"), kind="stable")
    ui.table(moves, hide_index=True, key="sens-whatif-table",
                 height=ui.table_height(len(moves)),
                 column_config={ui.tr("results.s.col.change"): st.column_config.NumberColumn(
                     help=ui.tr("results.s.col.change_help"), format="%+d")})
    if st.button(ui.tr("results.s.whatif_apply"), key="sens-whatif-apply"):
        ui.set_weighting(whatif)
        st.rerun()

# -- perspectives -------------------------------------------------------------------------------
st.subheader(ui.tr("results.s.perspectives_header"))
k = st.slider(ui.tr("results.s.k"), min_value=1, max_value=max(len(names) - 1, 1),
              value=min(3, max(len(names) - 1, 1)), key="sens-k",
              help=ui.tr("results.s.k_help"))
try:
    views = results.perspectives(assessment, weighting, k)
except engine.EngineError as err:
    views = None
    st.warning(ui.plain(err.message(lang)))
if views is None:
    st.info(ui.tr("results.s.no_profiles"))
    st.stop()
st.caption(ui.tr("results.s.perspectives_help"))
method_note = charts.weights_subtitle(None, lang, weighting.method, vikor_v=weighting.vikor_v)
ui.chart(charts.perspectives_chart(views.ranks, measure_names=names,
                                   no_regret=views.no_regret, lang=lang, subtitle=method_note),
         "perspectives", downloads="dl-sens-perspectives")
ui.chart(charts.kendall_chart(views.kendall_tau, lang=lang, subtitle=method_note), "kendall",
         caption=ui.tr("results.s.kendall_help"), downloads="dl-sens-kendall")

st.markdown("**" + ui.tr("results.s.no_regret_header", k=views.k) + "**")
if views.no_regret:
    regret_free = pd.DataFrame(
        {
            ui.tr("results.col.code"): views.no_regret,
            ui.tr("word.measure"): [names.get(m, m) for m in views.no_regret],
            **{
                ui.tr("results.s.col.rank_in", profile=str(profile)):
                    views.ranks.loc[views.no_regret, profile].astype(int).to_numpy()
                for profile in views.ranks.columns
            },
        }
    )
    ui.table(regret_free, hide_index=True, key="sens-no-regret")
else:
    st.info(ui.tr("results.s.no_regret_none", k=views.k))
