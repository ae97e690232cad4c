"""The controls of the weights page: profiles, method, floors, weights within the pillars.

Each control shows the session's weight settings (`session.weight_settings()`) and writes
a change back through a callback, so that every page shows the same weights. Saving or
deleting a profile is a store write: it passes `by=` the principal.
"""

from __future__ import annotations

import pandas as pd
import streamlit as st

from impact import charts, engine
from impact.model import PILLARS, Assessment, Pillar, WeightProfile
from impact.store import StoreError
from impact.ui import results
from impact.ui.auth import principal
from impact.ui.session import (
    WeightSettings,
    set_weight_settings,
    show_in_widget,
    store,
    weight_settings,
    widget_value,
)
from impact.ui.text import plain, tr

OWN = ""  # the profile picker's "own weights"


# -- stakeholder perspectives --------------------------------------------------------------
def _on_pick(key: str, profiles: dict[str, WeightProfile]) -> None:
    name = widget_value(key)
    if name in profiles:
        results.apply_profile(profiles[name])
    else:
        current = weight_settings()
        current.profile = None
        set_weight_settings(current)


def profile_picker(assessment: Assessment, settings: WeightSettings) -> None:
    """Pick a stakeholder profile's weights (or the own ones), and an overview of them all."""
    profiles = {p.name: p for p in assessment.profiles}
    pick_key = f"weights:profile:{assessment.id}"
    show_in_widget(pick_key, settings.profile if settings.profile in profiles else OWN)
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
                    results.whole_points(prof.pillar_weights)[p] for prof in profiles.values()
                ]
                for p in PILLARS
            },
        }
    )
    st.dataframe(overview, hide_index=True, key="weights-profiles")


def profile_controls(assessment: Assessment, settings: WeightSettings) -> None:
    """Save the working weights as a named perspective, or delete one (editors only)."""
    profiles = {p.name for p in assessment.profiles}
    with st.container(border=True):
        save_col, delete_col = st.columns(2)
        with save_col:
            name = st.text_input(
                tr("results.w.save_name"),
                value=settings.profile or "",
                key=f"weights:save_name:{assessment.id}",
                help=tr("results.w.save_help"),
                max_chars=80,
            )
            if st.button(tr("results.w.save"), key="weights-save", icon=":material/save:"):
                save_profile(assessment, settings, name.strip())
        with delete_col:
            if settings.profile in profiles:
                st.caption(tr("results.w.delete_which", name=plain(settings.profile)))
                confirm = st.checkbox(tr("results.w.delete_confirm"), key="weights-del-confirm")
                if st.button(tr("results.w.delete"), key="weights-delete",
                             disabled=not confirm, icon=":material/delete:"):
                    store().delete_profile(assessment.id, settings.profile, by=principal())
                    settings.profile = None
                    set_weight_settings(settings)
                    st.rerun()
            else:
                st.caption(tr("results.w.delete_hint"))


def save_profile(assessment: Assessment, settings: WeightSettings, name: str) -> None:
    if not name:
        st.error(tr("results.w.name_required"))
        return
    profile = WeightProfile(
        name=name,
        pillar_weights=dict(results.to_points(settings.pillar_weights)),
        criterion_weights=dict(settings.criterion_weights),
    )
    try:
        store().save_profile(assessment.id, profile, by=principal())
    except StoreError as err:
        st.error(plain(str(err)))
    else:
        settings.profile = name
        set_weight_settings(settings)
        st.rerun()


# -- method --------------------------------------------------------------------------------
def _on_method(key: str) -> None:
    current = weight_settings()
    current.method = widget_value(key)
    set_weight_settings(current)


def method_picker(assessment: Assessment, settings: WeightSettings, lang: str) -> None:
    method_key = f"weights:method:{assessment.id}"
    show_in_widget(method_key, settings.method)
    st.selectbox(
        tr("results.w.method"),
        list(engine.METHODS),
        format_func=lambda m: engine.method_label(m, lang),
        key=method_key,
        on_change=_on_method,
        args=(method_key,),
    )
    st.caption(tr(engine.METHOD_HELP[settings.method]))


# -- floors --------------------------------------------------------------------------------
def _on_floor(pillar: Pillar, key: str) -> None:
    current = weight_settings()
    value = float(widget_value(key))
    floors = dict(current.floors)
    if value > 0:
        floors[pillar] = value
    else:
        floors.pop(pillar, None)
    current.floors = floors
    set_weight_settings(current)


def floor_sliders(assessment: Assessment, settings: WeightSettings, lang: str) -> None:
    """A minimum score per pillar; the help says where the pillar's neutral score lies."""
    try:
        neutral = results.evaluation(assessment, settings).neutral
    except engine.EngineError:
        neutral = None
    for column, pillar in zip(st.columns(len(PILLARS)), PILLARS, strict=True):
        key = f"weights:floor:{assessment.id}:{pillar.value}"
        show_in_widget(key, float(settings.floors.get(pillar, 0.0)))
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
    current = weight_settings()
    weights = dict(current.criterion_weights)
    weights[criterion_id] = float(widget_value(key))
    current.criterion_weights = weights
    current.profile = None
    set_weight_settings(current)


def within_weights(assessment: Assessment, settings: WeightSettings, lang: str) -> None:
    """A weight per criterion, grouped by pillar, and a reset to the assessment's own."""
    for pillar in PILLARS:
        criteria = assessment.criteria_of(pillar)
        if not criteria:
            continue
        with st.expander(tr(f"pillar.{pillar.value}") + f" ({len(criteria)})"):
            for c in criteria:
                key = f"weights:within:{assessment.id}:{c.id}"
                show_in_widget(key, float(settings.criterion_weights.get(c.id, c.weight)))
                st.number_input(  # widget labels and help render Markdown: escape user text
                    plain(c.label(lang)), min_value=0.0, max_value=100.0, step=0.5, key=key,
                    on_change=_on_within, args=(c.id, key),
                    help=plain(c.description) if c.description else None,
                )
    if settings.criterion_weights and st.button(tr("results.w.within_reset"),
                                                key="weights-within-reset"):
        settings.criterion_weights = {}
        settings.profile = None
        set_weight_settings(settings)
        st.rerun()
