"""Workshop exports: rounds with participant counts and group statistics, never answers.

The export does not read workshop sessions: it is given two frames, which the caller
gets from `impact.workshop.export_frames(store, assessment_id)`:

- rounds: one row per round of every session, columns `ROUND_COLUMNS` (session code,
  round number, participants who answered at least one question, session start);
- aggregates: the group statistics of `workshop.aggregates` per round and cell, with
  the session code and round number in front (columns `AGGREGATE_COLUMNS`).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

import pandas as pd

from impact.export.formatting import format_date
from impact.export.tables import Column, frame_to_csv_bytes, frames_to_xlsx_bytes
from impact.i18n import t
from impact.model import Assessment
from impact.workshop.summary import AGGREGATE_COLUMNS as AGGREGATE_COLUMNS  # the frames' columns
from impact.workshop.summary import ROUND_COLUMNS as ROUND_COLUMNS

_STATISTICS = ("median", "q1", "q3", "iqr", "mean", "sd")


@dataclass(frozen=True)
class WorkshopRound:
    """One workshop round as the report shows it: counts only, never answers."""

    session: str
    round: int
    participants: int
    started_at: datetime | None = None
    label: str = ""


def round_list(rounds: Sequence[WorkshopRound] | pd.DataFrame) -> list[WorkshopRound]:
    """The rounds as `WorkshopRound`s, from a rounds frame or as given."""
    if not isinstance(rounds, pd.DataFrame):
        return list(rounds)
    return [
        WorkshopRound(session=str(row.session), round=int(row.round),
                      participants=int(row.participants), started_at=_moment(row.started_at))
        for row in rounds.itertuples(index=False)
    ]


def _moment(value: object) -> datetime | None:
    """A frame's date cell as a datetime (pandas gives Timestamps, NaT when missing)."""
    if value is None or pd.isna(value):
        return None
    return pd.Timestamp(value).to_pydatetime()


def _aggregate_columns(lang: str) -> list[str]:
    return [t("export.col.session", lang), t("export.col.round", lang),
            t("export.col.measure_id", lang), t("word.measure", lang),
            t("word.criterion", lang), t("export.col.answers", lang),
            *(t(f"export.col.{k}", lang) for k in _STATISTICS)]


def workshop_tables(
    assessment: Assessment,
    rounds: Sequence[WorkshopRound] | pd.DataFrame,
    aggregates: pd.DataFrame,
    lang: str = "nl",
    reasons: pd.DataFrame | None = None,
) -> dict[str, pd.DataFrame]:
    """The rounds with participant counts, the group statistics per cell, and (given
    `reasons`, from `workshop.reasons_export`) the reasons participants gave.

    `aggregates` come from `workshop.aggregates`, which already hides cells with too
    few answers in an anonymous session; no individual answer is exported. Reasons
    carry a name only in a named session.
    """
    listed = round_list(rounds)
    rounds_frame = pd.DataFrame({
        t("export.col.session", lang): [r.session for r in listed],
        t("export.col.round", lang): [r.round for r in listed],
        t("export.col.participants", lang): [r.participants for r in listed],
        t("export.col.date", lang): [format_date(r.started_at, lang) if r.started_at else ""
                                     for r in listed],
    })
    measures = {m.id: m.label(lang) for m in assessment.measures}
    criteria = {c.id: c.label(lang) for c in assessment.criteria}
    if len(aggregates):
        values = [
            aggregates["session"].astype(str).to_numpy(),
            aggregates["round"].astype(int).to_numpy(),
            aggregates["measure_id"].astype(str).to_numpy(),
            [measures.get(m, m) for m in aggregates["measure_id"]],
            [criteria.get(c, c) for c in aggregates["criterion_id"]],
            aggregates["n"].astype(int).to_numpy(),
            *(aggregates[k].astype(float).to_numpy() for k in _STATISTICS),
        ]
        table = pd.DataFrame(dict(zip(_aggregate_columns(lang), values, strict=True)))
    else:
        table = pd.DataFrame(columns=_aggregate_columns(lang))
    sheets = {t("export.sheet.rounds", lang): rounds_frame,
              t("export.sheet.aggregates", lang): table}
    if reasons is not None and len(reasons):
        sheets[t("export.sheet.reasons", lang)] = pd.DataFrame({
            t("export.col.session", lang): reasons["session"].astype(str).to_numpy(),
            t("export.col.round", lang): reasons["round"].astype(int).to_numpy(),
            t("export.col.measure_id", lang): reasons["measure_id"].astype(str).to_numpy(),
            t("word.measure", lang): [measures.get(m, m) for m in reasons["measure_id"]],
            t("export.col.participant", lang): reasons["participant"].fillna("").to_numpy(),
            t("export.col.reason", lang): reasons["reason"].astype(str).to_numpy(),
        })
    return sheets


def workshop_tables_csv(tables: dict[str, pd.DataFrame], lang: str = "nl") -> bytes:
    """The group statistics of `workshop_tables` as one CSV."""
    return frame_to_csv_bytes(tables.get(t("export.sheet.aggregates", lang), pd.DataFrame()), lang)


def workshop_tables_xlsx(tables: dict[str, pd.DataFrame], lang: str = "nl") -> bytes:
    """The sheets of `workshop_tables` as a formatted workbook."""
    stats = {t(f"export.col.{k}", lang): Column("0.00") for k in _STATISTICS}
    return frames_to_xlsx_bytes(tables, columns={t("export.sheet.aggregates", lang): stats})
