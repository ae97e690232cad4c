"""The controls of the weights page: profiles, method, floors, weights within the pillars.

Each control shows the session's `Weighting` (`session.weighting()`) and writes a changed
copy back through a callback, so that every page shows the same weights. Saving or
deleting a profile is a store write: it passes `by=` the principal.
"""

from __future__ import annotations

from dataclasses import replace

import pandas as pd
import streamlit as st

from impact import charts, engine
from impact.model import PILLARS, Assessment, Pillar, WeightProfile
from impact.store import StoreError
from impact.ui import results
from impact.ui.auth import principal
from impact.ui.session import lang as current_lang
from impact.ui.session import set_weighting, show_in_widget, store, weighting, widget_value
from impact.ui.text import plain, tr
from impact.ui.widgets import table
from impact.weighting import Weighting, whole_points

OWN = ""  # the profile picker's "own weights"


# -- stakeholder perspectives --------------------------------------------------------------
def _on_pick(key: str, profiles: dict[str, WeightProfile]) -> None:
    name = widget_value(key)
    if name in profiles:
        results.apply_profile(profiles[name])
    else:
        set_weighting(replace(weighting(), profile=None))


def profile_picker(assessment: Assessment, w: Weighting) -> None:
    """Pick a stakeholder profile's weights (or the own ones), and an overview of them all."""
    profiles = {p.name: p for p in assessment.profiles}
    pick_key = f"weights:profile:{assessment.id}"
    show_in_widget(pick_key, w.profile if w.profile in profiles else OWN)
    st.selectbox(
        tr("results.w.pick"),
        [OWN, *profiles],
        format_func=lambda n: n if n else tr("results.w.own_weights"),
        key=pick_key,
        on_change=_on_pick,
        args=(pick_key, profiles),
        help=tr("results.w.pick_help"),
    )
    if not profiles:
        st.info(tr("results.w.no_profiles"))
        return
    overview = pd.DataFrame(
        {
            tr("results.w.col.profile"): list(profiles),
            **{
                tr(f"pillar.{p.value}"): [
                    whole_points(prof.pillar_weights)[p] for prof in profiles.values()
                ]
                for p in PILLARS
            },
        }
    )
    table(overview, hide_index=True, key="weights-profiles")


def profile_controls(assessment: Assessment, w: Weighting) -> None:
    """Save the working weights as a named perspective, or delete one (editors only)."""
    profiles = {p.name for p in assessment.profiles}
    with st.container(border=True):
        save_col, delete_col = st.columns(2)
        with save_col:
            name = st.text_input(
                tr("results.w.save_name"),
                value=w.profile or "",
                key=f"weights:save_name:{assessment.id}",
                help=tr("results.w.save_help"),
                max_chars=80,
            )
            if st.button(tr("results.w.save"), key="weights-save", icon=":material/save:"):
                save_profile(assessment, w, name.strip())
        with delete_col:
            if w.profile in profiles:
                st.caption(tr("results.w.delete_which", name=plain(w.profile)))
                confirm = st.checkbox(tr("results.w.delete_confirm"), key="weights-del-confirm")
                if st.button(tr("results.w.delete"), key="weights-delete",
                             disabled=not confirm, icon=":material/delete:"):
                    store().delete_profile(assessment.id, w.profile, by=principal())
                    set_weighting(replace(w, profile=None))
                    st.rerun()
            else:
                st.caption(tr("results.w.delete_hint"))


def save_profile(assessment: Assessment, w: Weighting, name: str) -> None:
    if not name:
        st.error(tr("results.w.name_required"))
        return
    profile = WeightProfile(
        name=name,
        pillar_weights=dict(w.points()),
        criterion_weights=dict(w.criterion_weights),
    )
    try:
        store().save_profile(assessment.id, profile, by=principal())
    except StoreError as err:
        st.error(plain(err.message(current_lang())))
    else:
        set_weighting(replace(w, profile=name))
        st.rerun()


# -- method --------------------------------------------------------------------------------
def _on_method(key: str) -> None:
    set_weighting(replace(weighting(), method=widget_value(key)))


def method_picker(assessment: Assessment, w: Weighting, lang: str) -> None:
    method_key = f"weights:method:{assessment.id}"
    show_in_widget(method_key, w.method)
    st.selectbox(
        tr("results.w.method"),
        list(engine.METHODS),
        format_func=lambda m: engine.method_label(m, lang),
        key=method_key,
        on_change=_on_method,
        args=(method_key,),
    )
    if w.method == "vikor":
        vikor_slider(assessment, w)
    st.caption(tr(engine.METHOD_HELP[w.method]))


def _on_vikor_v(key: str) -> None:
    set_weighting(replace(weighting(), vikor_v=float(widget_value(key))))


def vikor_slider(assessment: Assessment, w: Weighting) -> None:
    """VIKOR's v: how much the overall score counts against the largest weakness."""
    key = f"weights:vikor_v:{assessment.id}"
    show_in_widget(key, float(w.vikor_v))
    st.slider(tr("results.w.vikor_v"), min_value=0.0, max_value=1.0, step=0.05, key=key,
              on_change=_on_vikor_v, args=(key,), help=tr("results.w.vikor_v_help"))


# -- floors --------------------------------------------------------------------------------
def _on_floor(pillar: Pillar, key: str) -> None:
    set_weighting(weighting().with_floor(pillar, float(widget_value(key))))


def floor_sliders(assessment: Assessment, w: Weighting, lang: str) -> None:
    """A minimum score per pillar; the help says where the pillar's neutral score lies."""
    floors = dict(w.floors)
    try:
        neutral = results.evaluation(assessment, w).neutral
    except engine.EngineError:
        neutral = None
    for column, pillar in zip(st.columns(len(PILLARS)), PILLARS, strict=True):
        key = f"weights:floor:{assessment.id}:{pillar.value}"
        show_in_widget(key, float(floors.get(pillar.value, 0.0)))
        hint = ""
        if neutral is not None and pd.notna(neutral.get(pillar.value)):
            hint = tr("results.w.floor_neutral",
                      value=charts.fmt(float(neutral[pillar.value]), lang, 2))
        column.slider(
            tr(f"pillar.{pillar.value}"), min_value=0.0, max_value=1.0, step=0.05, key=key,
            on_change=_on_floor, args=(pillar, key), help=tr("results.w.floor_help") + hint,
        )


# -- weights within the pillars ------------------------------------------------------------
def _on_within(criterion_id: str, key: str) -> None:
    set_weighting(weighting().with_criterion_weight(criterion_id, float(widget_value(key))))


def within_weights(assessment: Assessment, w: Weighting, lang: str) -> None:
    """A weight per criterion, grouped by pillar, and a reset to the assessment's own."""
    for pillar in PILLARS:
        criteria = assessment.criteria_of(pillar)
        if not criteria:
            continue
        with st.expander(tr(f"pillar.{pillar.value}") + f" ({len(criteria)})"):
            overrides = dict(w.criterion_weights)
            for c in criteria:
                key = f"weights:within:{assessment.id}:{c.id}"
                show_in_widget(key, float(overrides.get(c.id, c.weight)))
                st.number_input(  # widget labels and help render Markdown: escape user text
                    plain(c.label(lang)), min_value=0.0, max_value=100.0, step=0.5, key=key,
                    on_change=_on_within, args=(c.id, key),
                    help=plain(c.describe(lang)) if c.description else None,
                )
    if w.criterion_weights and st.button(tr("results.w.within_reset"),
                                         key="weights-within-reset"):
        set_weighting(replace(w, criterion_weights={}, profile=None))
        st.rerun()
