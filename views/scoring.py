"""Scoring page: the measures x criteria matrix, grouped by pillar, with source and confidence."""

import streamlit as st

from impact import ui
from impact.editing import (
    evidence_changes,
    evidence_frame,
    score_changes,
    score_frame,
    seven_point_option_label,
)
from impact.model import PILLARS, Confidence

# Streamlit colour names matching the pillar colours of the charts.
PILLAR_BADGE = {"ecology": "green", "economy": "blue", "people": "orange"}

assessment = ui.page(ui.tr("scoring.title"))

store = ui.store()
lang = ui.lang()
me = ui.principal()
editable = ui.read_only_notice()
st.caption(ui.tr("scoring.intro"))
total = len(assessment.measures) * len(assessment.criteria)
filled = sum(1 for key in assessment.scores if key[1] in {c.id for c in assessment.criteria})
st.progress(filled / total if total else 0.0,
            text=ui.tr("scoring.progress", filled=filled, total=total))

tabs = st.tabs([f":{PILLAR_BADGE[p]}-badge[{ui.tr(f'pillar.{p}')}]" for p in PILLARS])
for tab, pillar in zip(tabs, PILLARS, strict=True):
    with tab:
        criteria = assessment.criteria_of(pillar)
        if not criteria:
            st.info(ui.tr("scoring.no_criteria"))
            continue
        config: dict[str, object] = {
            "measure": st.column_config.TextColumn(ui.tr("word.measure"), disabled=True,
                                                   pinned=True),
        }
        for c in criteria:
            # Column help renders Markdown: the unit is user text.
            help_text = ui.tr("scoring.scale_help", unit=ui.plain(c.unit), lo=f"{c.scale_min:g}",
                              hi=f"{c.scale_max:g}", direction=ui.tr(f"direction.{c.direction}"))
            if c.is_seven_point:
                config[c.id] = st.column_config.SelectboxColumn(
                    c.label(lang), help=help_text, options=[float(v) for v in range(-3, 4)],
                    format_func=lambda v: seven_point_option_label(v, lang),
                )
            else:
                label = f"{c.label(lang)} ({c.unit})" if c.unit else c.label(lang)
                config[c.id] = st.column_config.NumberColumn(
                    label, help=help_text, min_value=c.scale_min,
                    max_value=c.scale_max, format="%g",
                )
        edited = st.data_editor(
            score_frame(assessment, pillar, lang),
            key=f"scores:{assessment.id}:{assessment.version}:{pillar}",
            hide_index=True,
            height=ui.table_height(len(assessment.measures)),
            width="stretch",
            column_config=config,
            disabled=not editable,
        )
        upserts, cleared, errors = score_changes(assessment, pillar, edited, lang)
        for error in errors:
            st.error(ui.plain(error))
        if editable and (upserts or cleared):
            store.set_scores(assessment.id, upserts, by=me)
            for measure_id, criterion_id in cleared:
                store.delete_score(assessment.id, measure_id, criterion_id, by=me)
            st.toast(ui.tr("sidebar.saved"))
            st.rerun()

        with st.expander(ui.tr("scoring.evidence")):
            st.caption(ui.tr("scoring.evidence_help"))
            edited_evidence = st.data_editor(
                evidence_frame(assessment, pillar, lang),
                key=f"evidence:{assessment.id}:{assessment.version}:{pillar}",
                hide_index=True,
                width="stretch",
                column_order=["measure", "criterion", "value", "source", "confidence"],
                disabled=["measure", "criterion", "value"] if editable else True,
                column_config={
                    "measure": st.column_config.TextColumn(ui.tr("word.measure")),
                    "criterion": st.column_config.TextColumn(ui.tr("word.criterion")),
                    "value": st.column_config.NumberColumn(ui.tr("word.score"), format="%g"),
                    "source": st.column_config.TextColumn(ui.tr("word.source"), width="large"),
                    "confidence": st.column_config.SelectboxColumn(
                        ui.tr("word.confidence"), options=[str(c) for c in Confidence],
                        format_func=lambda c: ui.tr(f"confidence.{c}"),
                    ),
                },
            )
            changes = evidence_changes(assessment, edited_evidence)
            if editable and changes:
                store.set_scores(assessment.id, changes, by=me)
                st.toast(ui.tr("sidebar.saved"))
                st.rerun()
