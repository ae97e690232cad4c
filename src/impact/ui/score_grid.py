"""The score grids: edits kept in the grid, checked per cell, saved on request.

A grid's input is the stored data of the version it was built on, under a key that
changes only after a save or when someone else changed the assessment while nothing was
pending. A committed cell does not rerun the page (`on_change="ignore"`): measured in
Chromium, a rerun per cell lost keystrokes typed meanwhile (at typing speed, 2 of 6
values). Edits stay in the grid's own state; a small fragment above the grids reruns
every second, reads them, checks every cell and shows the Save button with the
number of pending changes. A value outside its scale is refused with the measure,
criterion and scale named — never clamped (the columns have no min/max: the browser
would clamp). Edits left unsaved are saved when the analyst opens another page.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

import pandas as pd
import streamlit as st

from impact.editing import (
    cell_text,
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

NO_CONFIDENCE = "none"  # shown as "onbekend"; stored as no confidence
POLL_SECONDS = 1  # how often the Save bar looks at what was typed
# The grid loads its cell editors on the first edit; measured in Chromium, the first
# keys typed into a cell were lost while that code loaded. The page loads it up front.
EDITOR_CHUNKS = ("data-grid-overlay-editor.*.js", "number-overlay-editor.*.js")


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


def save_pending_on_leave(url_path: str, assessment: Assessment | None) -> None:
    """Save the score edits the analyst left the scoring page with (app.py, every run).
    A page switch drops the grids' own states, so what the Save bar saw last is saved:
    an edit committed less than `POLL_SECONDS` before leaving is not in it."""
    if url_path == "scoring" or assessment is None:
        return
    pending = session.take_pending_scores()
    if pending is None or pending.assessment_id != assessment.id:
        return
    if pending.errors:
        st.warning(tr("grid.not_saved_on_leave", count=pending.count,
                      reason=plain(pending.errors[0])))
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
    frames = {}
    for p in PILLARS:  # text cells: "1,5" typed or pasted from Dutch Excel is read too
        scores = score_frame(assessment, p, lang)
        for column in scores.columns[1:]:
            scores[column] = [cell_text(v, lang) for v in scores[column]]
        frames[f"scores:{p}"] = scores
    for p in PILLARS:
        evidence = evidence_frame(assessment, p, lang)
        evidence["confidence"] = evidence["confidence"].fillna(NO_CONFIDENCE)
        frames[f"evidence:{p}"] = evidence
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
        unit = c.unit_in(lang)
        help_text = tr("scoring.scale_help", unit=plain(unit), lo=f"{c.scale_min:g}",
                       hi=f"{c.scale_max:g}", direction=tr(f"direction.{c.direction}"))
        if c.is_seven_point:  # typed and pasted like any other number
            help_text += " · " + ", ".join(seven_point_option_label(v, lang)
                                            for v in range(-3, 4))
        label = f"{c.label(lang)} ({unit})" if unit else c.label(lang)
        # Text, read on the server: a number column would drop a decimal comma.
        config[c.id] = st.column_config.TextColumn(label, help=help_text, max_chars=40)
    return config


def _evidence_config() -> dict[str, object]:
    return {
        "measure": st.column_config.TextColumn(tr("word.measure")),
        "criterion": st.column_config.TextColumn(tr("word.criterion")),
        "value": st.column_config.NumberColumn(tr("word.score"), format="%g"),
        "source": st.column_config.TextColumn(tr("word.source"), width="large"),
        # "none" (onbekend) instead of an empty cell: the browser would show "Select..."
        "confidence": st.column_config.SelectboxColumn(
            tr("word.confidence"), options=[NO_CONFIDENCE, *(str(c) for c in Confidence)],
            format_func=lambda c: tr(f"confidence.{c}"), required=True),
    }


def pending_edits(assessment: Assessment, lang: str) -> Pending | None:
    """What the grids hold that is not stored, checked cell by cell; None before the
    grids were drawn in this session."""
    base = session.grid_base(assessment.id)
    if base is None or base[2] is None:
        return None
    version, generation, frames = base
    keys = _keys(assessment.id, generation)
    pending = Pending(assessment.id, version)
    for pillar in PILLARS:  # only the edited rows: this runs every second
        if not assessment.criteria_of(pillar):
            continue
        if edits := session.grid_edits(keys[f"scores:{pillar}"]):
            edited = _edited(frames[f"scores:{pillar}"], edits)
            upserts, cleared, errors = score_changes(assessment, pillar, edited, lang)
            pending.add_values(upserts, cleared)
            pending.errors.extend(errors)
        if edits := session.grid_edits(keys[f"evidence:{pillar}"]):
            edited = _edited(frames[f"evidence:{pillar}"], edits)
            pending.add_evidence(evidence_changes(assessment, edited))
    return pending


def _edited(frame: pd.DataFrame, edits: dict) -> pd.DataFrame:
    """The edited rows of a grid's input (`edited_rows`: row position -> column -> value)
    with their edits applied."""
    rows = sorted(int(row) for row in edits)
    edited = frame.iloc[rows].copy()
    for row, cells in edits.items():
        for column, value in cells.items():
            if column in edited.columns:
                edited.iloc[rows.index(int(row)), edited.columns.get_loc(column)] = value
    return edited


@cache
def _editor_chunks() -> tuple[str, ...]:
    static = Path(st.__file__).parent / "static" / "static" / "js"
    return tuple(sorted(p.name for pattern in EDITOR_CHUNKS for p in static.glob(pattern)))


def preload_cell_editors() -> None:
    """Load the grid's cell editors before the first keystroke (see EDITOR_CHUNKS)."""
    base = "/" + (st.get_option("server.baseUrlPath") or "").strip("/")
    urls = [f"{base.rstrip('/')}/static/js/{name}" for name in _editor_chunks()]
    # The names come from Streamlit's own files: no user text reaches this script.
    imports = "".join(f"import('{url}').catch(() => {{}});" for url in urls)
    st.html(f"<script>{imports}</script>", unsafe_allow_javascript=True)


def score_grids(assessment: Assessment, editable: bool, lang: str) -> None:
    """The pillar tabs with their score and evidence grids."""
    if editable:
        preload_cell_editors()
    _, generation, frames = _base(assessment, lang)
    keys = _keys(assessment.id, generation)
    tabs = st.tabs([f":{PILLAR_BADGE[p]}-badge[{tr(f'pillar.{p}')}]" for p in PILLARS])
    for tab, pillar in zip(tabs, PILLARS, strict=True):
        with tab:
            if not assessment.criteria_of(pillar):
                st.info(tr("scoring.no_criteria"))
                continue
            st.data_editor(
                frames[f"scores:{pillar}"], key=keys[f"scores:{pillar}"], hide_index=True,
                height=table_height(len(assessment.measures)), width="stretch",
                column_config=_column_config(assessment, pillar, lang), disabled=not editable,
                placeholder="", alt=tr("grid.alt", pillar=tr(f"pillar.{pillar}")),
                on_change="ignore",
            )
            with st.expander(tr("scoring.evidence")):
                st.caption(tr("scoring.evidence_help"))
                st.data_editor(
                    frames[f"evidence:{pillar}"], key=keys[f"evidence:{pillar}"],
                    hide_index=True, width="stretch", placeholder="", on_change="ignore",
                    column_order=["measure", "criterion", "value", "source", "confidence"],
                    disabled=["measure", "criterion", "value"] if editable else True,
                    column_config=_evidence_config(),
                )


@st.fragment(run_every=POLL_SECONDS)
def save_bar(assessment_id: int) -> None:
    """Errors, the Save button with the number of pending changes, and Discard; reruns
    by itself to follow what is typed in the grids (which do not rerun the page)."""
    assessment = session.current_assessment()
    if assessment is None or assessment.id != assessment_id:
        return
    pending = pending_edits(assessment, session.lang()) or Pending(assessment.id,
                                                                   assessment.version)
    session.keep_pending_scores(pending if pending.count or pending.errors else None)
    for error in pending.errors:
        st.error(plain(error), icon=":material/block:")
    if pending.errors:
        st.caption(tr("grid.fix_first"))
    if pending.version != assessment.version and pending.count:
        st.warning(tr("grid.changed_meanwhile"), icon=":material/sync_problem:")
    left, right = st.columns([1, 1])
    label = tr("grid.save", count=pending.count) if pending.count else tr("grid.nothing")
    # Enabled even at zero: a cell committed a moment ago is only seen by the click's run.
    if left.button(label, type="primary", icon=":material/save:", key="grid_save",
                   width="stretch"):
        _save_clicked(assessment)
    if right.button(tr("grid.discard"), key="grid_discard", width="stretch"):
        session.set_grid_base(assessment.id, assessment.version)
        st.rerun()


def _save_clicked(assessment: Assessment) -> None:
    pending = pending_edits(assessment, session.lang())
    if pending is None or not pending.count:
        return
    if pending.errors:  # the messages above say what to correct
        return
    try:
        save(pending)
    except UserError as exc:
        st.error(plain(exc.message(session.lang())))
        return
    st.toast(tr("grid.saved", count=pending.count))
    st.rerun()
