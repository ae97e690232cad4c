"""What a workshop hands to exports and reports: counts and group statistics per round,
as two frames (never one participant's answers).

- rounds: one row per round of every session on an assessment, columns
  `ROUND_COLUMNS` (session code, round number, participants who answered at least one
  question, session start);
- aggregates: `aggregates` per round and cell, with the session code and round number
  in front (columns `AGGREGATE_COLUMNS`); cells with too few answers in an anonymous
  session are already hidden.

`impact.export` formats these frames; it never reads the sessions itself.
"""

from __future__ import annotations

from typing import Any

import pandas as pd

from impact.store import Store
from impact.workshop.aggregation import aggregates, progress
from impact.workshop.sessions import get_session, sessions_of

ROUND_COLUMNS: tuple[str, ...] = ("session", "round", "participants", "started_at")
AGGREGATE_COLUMNS: tuple[str, ...] = ("session", "round", "measure_id", "criterion_id", "n",
                                      "median", "q1", "q3", "iqr", "mean", "sd")


def export_frames(store: Store, assessment_id: int | None) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(rounds, aggregates) of every workshop session held on this assessment."""
    rounds: list[tuple[Any, ...]] = []
    parts: list[pd.DataFrame] = []
    codes = sessions_of(store, assessment_id) if assessment_id is not None else []
    for code in codes:
        session = get_session(store, code)
        for number in range(1, session.round + 1):
            counts = progress(store, session, number)
            rounds.append((code, number, counts.started, session.created_at))
            agg = aggregates(store, session, number)
            parts.append(agg.assign(session=code, round=number)[list(AGGREGATE_COLUMNS)])
    frame = (pd.concat(parts, ignore_index=True) if parts
             else pd.DataFrame(columns=list(AGGREGATE_COLUMNS)))
    return pd.DataFrame(rounds, columns=list(ROUND_COLUMNS)), frame
