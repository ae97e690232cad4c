"""Weights & perspectives page: pillar weights (100 points), profiles, method, floors."""

import pandas as pd
import streamlit as st

from impact import charts, engine, ui, ui_results
from impact.model import PILLARS, WeightProfile
from impact.store import StoreError

lang = ui.lang()
st.title(ui.tr("nav.weights"))
assessment = ui.current_assessment()
if assessment is None:
    ui.no_assessment_notice()
    st.stop()

store = ui.store()
settings = ui.weight_settings()
st.caption(ui.tr("results.w.intro"))

# -- stakeholder perspectives ----------------------------------------------------------
st.subheader(ui.tr("results.w.profiles_header"))
profiles = {p.name: p for p in assessment.profiles}
OWN = ""
pick_key = f"weights:profile:{assessment.id}"
st.session_state[pick_key] = settings.profile if settings.profile in profiles else OWN


def _on_pick() -> None:
    name = st.session_state[pick_key]
    if name in profiles:
        ui_results.apply_profile(profiles[name])
    else:
        current = ui.weight_settings()
        current.profile = None
        ui.set_weight_settings(current)


st.selectbox(
    ui.tr("results.w.pick"),
    [OWN, *profiles],
    format_func=lambda n: n if n else ui.tr("results.w.own_weights"),
    key=pick_key,
    on_change=_on_pick,
    help=ui.tr("results.w.pick_help"),
)
if profiles:
    overview = pd.DataFrame(
        {
            ui.tr("results.w.col.profile"): list(profiles),
            **{
                ui.tr(f"pillar.{p.value}"): [
                    ui_results.whole_points(prof.pillar_weights)[p] for prof in profiles.values()
                ]
                for p in PILLARS
            },
        }
    )
    st.dataframe(overview, hide_index=True, key="weights-profiles")
else:
    st.info(ui.tr("results.w.no_profiles"))


def profile_controls() -> None:
    """Save the working weights as a named perspective, or delete one (editors only)."""
    me = ui.principal()
    with st.container(border=True):
        save_col, delete_col = st.columns(2)
        with save_col:
            name = st.text_input(
                ui.tr("results.w.save_name"),
                value=settings.profile or "",
                key=f"weights:save_name:{assessment.id}",
                help=ui.tr("results.w.save_help"),
                max_chars=80,
            )
            if st.button(ui.tr("results.w.save"), key="weights-save", icon=":material/save:"):
                clean = name.strip()
                if not clean:
                    st.error(ui.tr("results.w.name_required"))
                else:
                    profile = WeightProfile(
                        name=clean,
                        pillar_weights=dict(ui_results.to_points(settings.pillar_weights)),
                        criterion_weights=dict(settings.criterion_weights),
                    )
                    try:
                        store.save_profile(assessment.id, profile, by=me)
                    except StoreError as err:
                        st.error(ui.plain(str(err)))
                    else:
                        settings.profile = clean
                        ui.set_weight_settings(settings)
                        st.rerun()
        with delete_col:
            if settings.profile in profiles:
                st.caption(ui.tr("results.w.delete_which", name=ui.plain(settings.profile)))
                confirm = st.checkbox(ui.tr("results.w.delete_confirm"),
                                      key="weights-del-confirm")
                if st.button(ui.tr("results.w.delete"), key="weights-delete",
                             disabled=not confirm, icon=":material/delete:"):
                    store.delete_profile(assessment.id, settings.profile, by=me)
                    settings.profile = None
                    ui.set_weight_settings(settings)
                    st.rerun()
            else:
                st.caption(ui.tr("results.w.delete_hint"))


if ui.can_edit():
    profile_controls()

# -- pillar weights ------------------------------------------------------------------------
st.subheader(ui.tr("results.w.pillars_header"))
st.caption(ui.tr("results.w.pillars_help"))
ui_results.pillar_weight_sliders("weights")
st.caption(ui.tr("results.w.total", total=ui_results.TOTAL_POINTS))

# -- method ----------------------------------------------------------------------------------
st.subheader(ui.tr("results.w.method_header"))
method_key = f"weights:method:{assessment.id}"
st.session_state[method_key] = settings.method


def _on_method() -> None:
    current = ui.weight_settings()
    current.method = st.session_state[method_key]
    ui.set_weight_settings(current)


st.selectbox(
    ui.tr("results.w.method"),
    list(engine.METHODS),
    format_func=lambda m: engine.method_label(m, lang),
    key=method_key,
    on_change=_on_method,
)
st.caption(ui.tr(engine.METHOD_HELP[settings.method]))

# -- floors ----------------------------------------------------------------------------------
st.subheader(ui.tr("results.w.floors_header"))
st.caption(ui.tr("results.w.floors_help"))
try:
    neutral = ui_results.evaluation(assessment, settings).neutral
except engine.EngineError:
    neutral = None


def _on_floor(pillar, key: str) -> None:
    current = ui.weight_settings()
    value = float(st.session_state[key])
    floors = dict(current.floors)
    if value > 0:
        floors[pillar] = value
    else:
        floors.pop(pillar, None)
    current.floors = floors
    ui.set_weight_settings(current)


for column, pillar in zip(st.columns(len(PILLARS)), PILLARS, strict=True):
    key = f"weights:floor:{assessment.id}:{pillar.value}"
    st.session_state[key] = float(settings.floors.get(pillar, 0.0))
    hint = ""
    if neutral is not None and pd.notna(neutral.get(pillar.value)):
        hint = ui.tr("results.w.floor_neutral",
                     value=charts.fmt(float(neutral[pillar.value]), lang, 2))
    column.slider(
        ui.tr(f"pillar.{pillar.value}"), min_value=0.0, max_value=1.0, step=0.05, key=key,
        on_change=_on_floor, args=(pillar, key), help=ui.tr("results.w.floor_help") + hint,
    )

# -- weights within the pillars ----------------------------------------------------------------
st.subheader(ui.tr("results.w.within_header"))
st.caption(ui.tr("results.w.within_help"))


def _on_within(criterion_id: str, key: str) -> None:
    current = ui.weight_settings()
    weights = dict(current.criterion_weights)
    weights[criterion_id] = float(st.session_state[key])
    current.criterion_weights = weights
    current.profile = None
    ui.set_weight_settings(current)


for pillar in PILLARS:
    criteria = assessment.criteria_of(pillar)
    if not criteria:
        continue
    with st.expander(ui.tr(f"pillar.{pillar.value}") + f" ({len(criteria)})"):
        for c in criteria:
            key = f"weights:within:{assessment.id}:{c.id}"
            st.session_state[key] = float(settings.criterion_weights.get(c.id, c.weight))
            st.number_input(  # widget labels and help render Markdown: escape user text
                ui.plain(c.label(lang)), min_value=0.0, max_value=100.0, step=0.5, key=key,
                on_change=_on_within, args=(c.id, key),
                help=ui.plain(c.description) if c.description else None,
            )
if settings.criterion_weights and st.button(ui.tr("results.w.within_reset"),
                                            key="weights-within-reset"):
    settings.criterion_weights = {}
    settings.profile = None
    ui.set_weight_settings(settings)
    st.rerun()

# -- what these settings give ---------------------------------------------------------------------
st.subheader(ui.tr("results.w.preview_header"))
try:
    evaluation = ui_results.evaluation(assessment, settings)
except engine.EngineError as err:
    st.warning(ui.plain(err.message(lang)))
    st.stop()
effective = pd.DataFrame(
    {
        ui.tr("word.criterion"): [c.label(lang) for c in assessment.criteria],
        ui.tr("word.pillar"): [ui.tr(f"pillar.{c.pillar.value}") for c in assessment.criteria],
        ui.tr("results.w.col.within"): [100 * evaluation.within.get(c.id, 0.0)
                                        for c in assessment.criteria],
        ui.tr("results.w.col.overall"): [100 * evaluation.weights.get(c.id, 0.0)
                                         for c in assessment.criteria],
    }
)
ranking = charts.results_table(evaluation.table, lang=lang)
cols = charts.results_columns(lang)
st.dataframe(
    ranking[[cols["rank"], cols["measure"], cols["score"]]],
    hide_index=True, key="weights-ranking", height=ui.table_height(len(ranking)),
    column_config={cols["score"]: st.column_config.NumberColumn(format="%.3f")},
)
st.dataframe(
    effective, hide_index=True, key="weights-effective", height=ui.table_height(len(effective)),
    column_config={
        ui.tr("results.w.col.within"): st.column_config.NumberColumn(format="%.1f %%"),
        ui.tr("results.w.col.overall"): st.column_config.NumberColumn(format="%.1f %%"),
    },
)
st.page_link("views/results.py", label=ui.tr("results.w.to_results"),
             icon=":material/leaderboard:")
