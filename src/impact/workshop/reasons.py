"""Reasons: a participant's optional short reason per measure, beside the scores.

A reason is plain text (at most `REASON_MAX_CHARS` characters), stored per round with
the measure's answers in one transaction. The facilitator sees the reasons of a cell
grouped by the score given on it; in an anonymous session without a name, and, like
the statistics, not while the round is open nor for a cell with fewer than
`ANONYMOUS_MIN_N` answers. Reasons are read together with the participant's row, so
those of a deleted session never show.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Mapping

import duckdb
import pandas as pd

from impact.store import Store
from impact.workshop.aggregation import _shown_min_n
from impact.workshop.base import Session, WorkshopError
from impact.workshop.sessions import session_and_round, session_of, sessions_of

REASON_MAX_CHARS = 280
REASON_COLUMNS: tuple[str, ...] = ("session", "round", "measure_id", "participant", "reason")


def clean_reason(text: str | None) -> str | None:
    """The reason as stored: control characters out (line breaks kept), trimmed; None
    when empty. Longer than `REASON_MAX_CHARS` is refused."""
    if text is None:
        return None
    kept = "".join(ch for ch in str(text)
                   if ch in "\n\t" or unicodedata.category(ch)[0] != "C").strip()
    if len(kept) > REASON_MAX_CHARS:
        raise WorkshopError(
            "workshop.error.reason_too_long",
            f"A reason has at most {REASON_MAX_CHARS} characters (now {len(kept)}).",
            max=REASON_MAX_CHARS, n=len(kept),
        )
    return kept or None


def write_reasons(cur: duckdb.DuckDBPyConnection, code: str, round_no: int, token: str,
                  reasons: Mapping[str, str | None], now: object) -> None:
    """Store (upsert) or withdraw (None) reasons, inside the caller's transaction."""
    for measure_id, reason in reasons.items():
        if reason is None:
            cur.execute(
                "DELETE FROM workshop_reasons WHERE code = ? AND round_no = ? AND token = ? "
                "AND measure_id = ?", [code, round_no, token, measure_id])
        else:
            cur.execute(
                "INSERT INTO workshop_reasons (code, round_no, token, measure_id, reason, "
                "updated_at) VALUES (?, ?, ?, ?, ?, ?) "
                "ON CONFLICT (code, round_no, token, measure_id) DO UPDATE SET "
                "reason = excluded.reason, updated_at = excluded.updated_at",
                [code, round_no, token, measure_id, reason, now])


def own_reasons(store: Store, token: str, round_no: int) -> dict[str, str]:
    """A participant's own reasons in a round, per measure (shown only to them)."""
    rows = store.cursor().execute(
        "SELECT measure_id, reason FROM workshop_reasons WHERE token = ? AND round_no = ?",
        [token, round_no]).fetchall()
    return dict(rows)


# Each reason once per criterion the participant scored on its measure, with that score
# and the cell's count of answers (for the anonymity threshold).
_CELL_REASONS = (
    "WITH n AS (SELECT measure_id, criterion_id, count(*) AS n FROM workshop_answers "
    "           WHERE code = ? AND round_no = ? GROUP BY measure_id, criterion_id) "
    "SELECT a.measure_id, a.criterion_id, a.value, r.reason, "
    "       CASE WHEN ? THEN NULL ELSE p.name END AS name, n.n "
    "FROM workshop_reasons r "
    "JOIN workshop_participants p ON p.token = r.token AND p.code = r.code "
    "JOIN workshop_answers a ON a.code = r.code AND a.round_no = r.round_no "
    "     AND a.token = r.token AND a.measure_id = r.measure_id "
    "JOIN n ON n.measure_id = a.measure_id AND n.criterion_id = a.criterion_id "
    "WHERE r.code = ? AND r.round_no = ? "
    "ORDER BY a.measure_id, a.criterion_id, a.value, r.reason"
)


def reasons(store: Store, code: str | Session, round_no: int | None = None) -> pd.DataFrame:
    """Per cell, the reasons of the participants who scored it, with the score they
    gave: columns measure_id, criterion_id, value, reason, name (None in an anonymous
    session). One query; empty while an anonymous round is open, and without the cells
    whose statistics are hidden (fewer answers than the session shows)."""
    session, round_no = session_and_round(store, code, round_no)
    params = [session.code, round_no, session.anonymous, session.code, round_no]
    frame = store.cursor().execute(_CELL_REASONS, params).df()
    shown = frame[frame["n"] >= _shown_min_n(session, round_no)]
    return shown.drop(columns="n").reset_index(drop=True)


def by_score(frame: pd.DataFrame, measure_id: str, criterion_id: str
             ) -> list[tuple[float, list[tuple[str, str | None]]]]:
    """One cell's reasons from `reasons`, grouped by the score given, lowest first."""
    cell = frame[(frame["measure_id"] == measure_id) & (frame["criterion_id"] == criterion_id)]
    return [(float(value), [(r, None if pd.isna(n) else n)
                            for r, n in zip(group["reason"], group["name"], strict=True)])
            for value, group in cell.groupby("value", sort=True)]


def session_reasons(store: Store, code: str | Session) -> pd.DataFrame:
    """Every reason given in one session, columns `REASON_COLUMNS` (the participant's
    name only in a named session; none of an anonymous round still open). Sorted by
    round, measure and text, never in the order given."""
    session = session_of(store, code)
    frame = store.cursor().execute(
        "SELECT r.round_no AS round, r.measure_id, "
        "       CASE WHEN ? THEN NULL ELSE p.name END AS participant, r.reason "
        "FROM workshop_reasons r JOIN workshop_participants p "
        "     ON p.token = r.token AND p.code = r.code "
        "WHERE r.code = ? ORDER BY r.round_no, r.measure_id, r.reason",
        [session.anonymous, session.code]).df()
    hidden = [n for n in range(1, session.round + 1) if session.statistics_hidden(n)]
    frame = frame[~frame["round"].isin(hidden)].assign(session=session.code)
    return frame[list(REASON_COLUMNS)].reset_index(drop=True)


def reasons_export(store: Store, assessment_id: int | None) -> pd.DataFrame:
    """`session_reasons` of every workshop session held on this assessment."""
    codes = sessions_of(store, assessment_id) if assessment_id is not None else []
    if not codes:
        return pd.DataFrame(columns=list(REASON_COLUMNS))
    return pd.concat([session_reasons(store, code) for code in codes], ignore_index=True)
