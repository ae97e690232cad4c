"""Workshop exports: rounds with participant counts and group statistics, never answers."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

import pandas as pd

from impact.export.formatting import format_date
from impact.export.tables import Column, frame_to_csv_bytes, frames_to_xlsx_bytes
from impact.i18n import t
from impact.model import Assessment


@dataclass(frozen=True)
class WorkshopRound:
    """One workshop round as the report shows it: counts only, never answers."""

    session: str
    round: int
    participants: int
    started_at: datetime | None = None
    label: str = ""


def has_workshops(store: Any, assessment_id: int | None) -> bool:
    """True when a workshop session was held on this assessment."""
    from impact import workshop

    return assessment_id is not None and bool(workshop.sessions_of(store, assessment_id))


def workshop_rounds(store: Any, assessment_id: int) -> list[WorkshopRound]:
    """Every round of every workshop session on this assessment, with participant counts.

    A round's participants are those who answered at least one question in it.
    """
    from impact import workshop

    rounds: list[WorkshopRound] = []
    for code in workshop.sessions_of(store, assessment_id):
        session = workshop.get_session(store, code)
        for number in range(1, session.round + 1):
            counts = workshop.progress(store, code, number)
            rounds.append(WorkshopRound(session=code, round=number, participants=counts.started,
                                        started_at=session.created_at))
    return rounds


def workshop_frames(
    store: Any, assessment: Assessment, lang: str = "nl"
) -> dict[str, pd.DataFrame]:
    """Two tables: rounds with participant counts, and the group statistics per cell.

    The statistics come from `workshop.aggregates`, which already hides cells with
    too few answers in an anonymous session; no individual answer is exported.
    """
    from impact import workshop

    if assessment.id is None:
        return {}
    rounds = workshop_rounds(store, assessment.id)
    rounds_frame = pd.DataFrame({
        t("export.col.session", lang): [r.session for r in rounds],
        t("export.col.round", lang): [r.round for r in rounds],
        t("export.col.participants", lang): [r.participants for r in rounds],
        t("export.col.date", lang): [format_date(r.started_at, lang) if r.started_at else ""
                                     for r in rounds],
    })
    measures = {m.id: m.label(lang) for m in assessment.measures}
    criteria = {c.id: c.label(lang) for c in assessment.criteria}
    parts = []
    for r in rounds:
        agg = workshop.aggregates(store, r.session, r.round)
        parts.append(pd.DataFrame({
            t("export.col.session", lang): r.session,
            t("export.col.round", lang): r.round,
            t("export.col.measure_id", lang): agg["measure_id"].astype(str).to_numpy(),
            t("word.measure", lang): [measures.get(m, m) for m in agg["measure_id"]],
            t("word.criterion", lang): [criteria.get(c, c) for c in agg["criterion_id"]],
            t("export.col.answers", lang): agg["n"].astype(int).to_numpy(),
            t("export.col.median", lang): agg["median"].astype(float).to_numpy(),
            t("export.col.q1", lang): agg["q1"].astype(float).to_numpy(),
            t("export.col.q3", lang): agg["q3"].astype(float).to_numpy(),
            t("export.col.iqr", lang): agg["iqr"].astype(float).to_numpy(),
            t("export.col.mean", lang): agg["mean"].astype(float).to_numpy(),
            t("export.col.sd", lang): agg["sd"].astype(float).to_numpy(),
        }))
    columns = [t("export.col.session", lang), t("export.col.round", lang),
               t("export.col.measure_id", lang), t("word.measure", lang),
               t("word.criterion", lang), t("export.col.answers", lang),
               t("export.col.median", lang), t("export.col.q1", lang), t("export.col.q3", lang),
               t("export.col.iqr", lang), t("export.col.mean", lang), t("export.col.sd", lang)]
    aggregates = pd.concat(parts, ignore_index=True) if parts else pd.DataFrame(columns=columns)
    return {t("export.sheet.rounds", lang): rounds_frame,
            t("export.sheet.aggregates", lang): aggregates}


def workshop_csv(store: Any, assessment: Assessment, *, lang: str = "nl") -> bytes:
    """The group statistics per round and cell as one CSV."""
    frames = workshop_frames(store, assessment, lang)
    return frame_to_csv_bytes(frames.get(t("export.sheet.aggregates", lang), pd.DataFrame()))


def workshop_xlsx(store: Any, assessment: Assessment, *, lang: str = "nl") -> bytes:
    """Rounds with participant counts and the group statistics, as a formatted workbook."""
    frames = workshop_frames(store, assessment, lang)
    stats = {t(f"export.col.{k}", lang): Column("0.00")
             for k in ("median", "q1", "q3", "iqr", "mean", "sd")}
    return frames_to_xlsx_bytes(frames, columns={t("export.sheet.aggregates", lang): stats})
