"""The score grids: edits kept in the grid, checked per cell, saved on request.

A grid's input is the stored data of the version it was built on, under a key that
changes only after a save or when someone else changed the assessment while nothing was
pending; so a rerun never rebuilds the grid under the cursor. Edits stay in the grid's
own state until Save. A value outside its scale is refused with the measure, criterion
and scale named — never clamped (the columns have no min/max: the browser would clamp).
Valid unsaved edits are kept aside each run and saved when the analyst goes to another
page (`save_pending_on_leave`).
"""

from __future__ import annotations

from dataclasses import dataclass, field

import pandas as pd
import streamlit as st

from impact.editing import (
    evidence_changes,
    evidence_frame,
    score_changes,
    score_frame,
    seven_point_option_label,
)
from impact.errors import UserError
from impact.model import PILLARS, Assessment, Confidence, Pillar, Score
from impact.ui import session
from impact.ui.auth import principal
from impact.ui.text import plain, tr
from impact.ui.widgets import PILLAR_BADGE, table_height


@dataclass
class Pending:
    """Unsaved grid edits of one assessment, made on `version`."""

    assessment_id: int
    version: int
    scores: dict[tuple[str, str], Score] = field(default_factory=dict)
    cleared: set[tuple[str, str]] = field(default_factory=set)
    errors: list[str] = field(default_factory=list)

    @property
    def count(self) -> int:
        return len(self.scores) + len(self.cleared)

    def add_values(self, upserts: list[Score], cleared: list[tuple[str, str]]) -> None:
        for score in upserts:
            self.scores[(score.measure_id, score.criterion_id)] = score
        self.cleared.update(cleared)

    def add_evidence(self, changes: list[Score]) -> None:
        """Source and confidence of a cell whose value may be changed too."""
        for change in changes:
            key = (change.measure_id, change.criterion_id)
            if key in self.cleared:
                continue
            value = self.scores[key].value if key in self.scores else change.value
            self.scores[key] = Score(*key, value, change.source, change.confidence)


def save(pending: Pending) -> int | None:
    """Store the edits on the version they were made on (refused when someone else
    saved in between); the grids are rebuilt from the stored data afterwards."""
    version = session.store().set_scores(
        pending.assessment_id, list(pending.scores.values()), cleared=sorted(pending.cleared),
        by=principal(), expected_version=pending.version)
    session.set_grid_base(pending.assessment_id, version or pending.version)
    return version


def save_pending_on_leave(url_path: str) -> None:
    """Save the score edits the analyst left the scoring page with (app.py, every run)."""
    if url_path == "scoring":
        return
    pending = session.take_pending_scores()
    if pending is None or not pending.count:
        return
    try:
        save(pending)
        st.toast(tr("grid.saved_on_leave", count=pending.count))
    except UserError as exc:
        st.error(tr("grid.not_saved_on_leave", count=pending.count,
                    reason=plain(exc.message(session.lang()))))


def _keys(assessment_id: int, generation: int) -> dict[str, str]:
    return {f"{kind}:{p}": f"grid:{assessment_id}:{generation}:{kind}:{p}"
            for kind in ("scores", "evidence") for p in PILLARS}


def _frames(assessment: Assessment, lang: str) -> dict[str, pd.DataFrame]:
    frames = {f"scores:{p}": score_frame(assessment, p, lang) for p in PILLARS}
    frames.update({f"evidence:{p}": evidence_frame(assessment, p, lang) for p in PILLARS})
    return frames


def _base(assessment: Assessment, lang: str) -> tuple[int, int, dict[str, pd.DataFrame]]:
    """The grids' version, key generation and input frames: kept between reruns (the
    same objects), rebuilt after a save, or when someone else saved while this analyst
    has nothing pending."""
    base = session.grid_base(assessment.id)
    stale = base is not None and base[0] != assessment.version and not session.has_grid_edits(
        list(_keys(assessment.id, base[1]).values()))
    if base is None or base[2] is None or stale:
        session.set_grid_base(assessment.id, assessment.version, _frames(assessment, lang))
        base = session.grid_base(assessment.id)
    return base


def _column_config(assessment: Assessment, pillar: Pillar, lang: str) -> dict[str, object]:
    config: dict[str, object] = {
        "measure": st.column_config.TextColumn(tr("word.measure"), disabled=True, pinned=True),
    }
    for c in assessment.criteria_of(pillar):
        # Column help renders Markdown: the unit is user text.
        help_text = tr("scoring.scale_help", unit=plain(c.unit), lo=f"{c.scale_min:g}",
                       hi=f"{c.scale_max:g}", direction=tr(f"direction.{c.direction}"))
        if c.is_seven_point:
            config[c.id] = st.column_config.SelectboxColumn(
                c.label(lang), help=help_text, options=[float(v) for v in range(-3, 4)],
                format_func=lambda v: seven_point_option_label(v, lang),
            )
        else:
            label = f"{c.label(lang)} ({c.unit})" if c.unit else c.label(lang)
            config[c.id] = st.column_config.NumberColumn(label, help=help_text, format="%g")
    return config


def _evidence_config() -> dict[str, object]:
    return {
        "measure": st.column_config.TextColumn(tr("word.measure")),
        "criterion": st.column_config.TextColumn(tr("word.criterion")),
        "value": st.column_config.NumberColumn(tr("word.score"), format="%g"),
        "source": st.column_config.TextColumn(tr("word.source"), width="large"),
        "confidence": st.column_config.SelectboxColumn(
            tr("word.confidence"), options=[str(c) for c in Confidence],
            format_func=lambda c: tr(f"confidence.{c}")),
    }


def score_grids(assessment: Assessment, editable: bool, lang: str) -> Pending:
    """The pillar tabs with their score and evidence grids; returns what is pending."""
    version, generation, frames = _base(assessment, lang)
    keys = _keys(assessment.id, generation)
    pending = Pending(assessment.id, version)
    tabs = st.tabs([f":{PILLAR_BADGE[p]}-badge[{tr(f'pillar.{p}')}]" for p in PILLARS])
    for tab, pillar in zip(tabs, PILLARS, strict=True):
        with tab:
            if not assessment.criteria_of(pillar):
                st.info(tr("scoring.no_criteria"))
                continue
            edited = st.data_editor(
                frames[f"scores:{pillar}"], key=keys[f"scores:{pillar}"], hide_index=True,
                height=table_height(len(assessment.measures)), width="stretch",
                column_config=_column_config(assessment, pillar, lang), disabled=not editable,
                placeholder="", alt=tr("grid.alt", pillar=tr(f"pillar.{pillar}")),
            )
            upserts, cleared, errors = score_changes(assessment, pillar, edited, lang)
            pending.add_values(upserts, cleared)
            pending.errors.extend(errors)
            with st.expander(tr("scoring.evidence")):
                st.caption(tr("scoring.evidence_help"))
                evidence = st.data_editor(
                    frames[f"evidence:{pillar}"],
                    key=keys[f"evidence:{pillar}"],
                    hide_index=True, width="stretch", placeholder="",
                    column_order=["measure", "criterion", "value", "source", "confidence"],
                    disabled=["measure", "criterion", "value"] if editable else True,
                    column_config=_evidence_config(),
                )
                pending.add_evidence(evidence_changes(assessment, evidence))
    return pending


def save_bar(pending: Pending, assessment: Assessment) -> None:
    """Errors, the Save button with the number of pending changes, and Discard."""
    for error in pending.errors:
        st.error(plain(error), icon=":material/block:")
    if pending.version != assessment.version and pending.count:
        st.warning(tr("grid.changed_meanwhile"), icon=":material/sync_problem:")
    session.keep_pending_scores(pending if pending.count and not pending.errors else None)
    left, right = st.columns([1, 1])
    label = tr("grid.save", count=pending.count) if pending.count else tr("grid.nothing")
    if left.button(label, type="primary", disabled=not pending.count or bool(pending.errors),
                   icon=":material/save:", key="grid_save", width="stretch"):
        try:
            save(pending)
        except UserError as exc:
            st.error(plain(exc.message(session.lang())))
            return
        session.take_pending_scores()
        st.toast(tr("grid.saved", count=pending.count))
        st.rerun()
    if right.button(tr("grid.discard"), disabled=not pending.count and not pending.errors,
                    key="grid_discard", width="stretch"):
        session.take_pending_scores()
        session.set_grid_base(assessment.id, assessment.version)
        st.rerun()
