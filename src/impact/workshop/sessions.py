"""Sessions: creating one with its join code, reading it back, its current round."""

from __future__ import annotations

import random
from collections.abc import Sequence
from datetime import datetime

import duckdb

from impact.access import Principal, require_editor
from impact.store import Store
from impact.workshop.base import (
    DEFAULT_MAX_PARTICIPANTS,
    MAX_PARTICIPANTS_LIMIT,
    RoundState,
    Session,
    Status,
    WorkshopError,
    effective_state,
    timestamp,
)
from impact.workshop.codes import new_code, normalise_code
from impact.workshop.rights import hash_key, new_key


def measure_order(session: Session, token: str) -> list[str]:
    """The order in which this participant sees the measures (stable across reloads)."""
    order = list(session.measures)
    if session.shuffle:
        random.Random(f"{session.code}:{token}").shuffle(order)
    return order


def create_session(
    store: Store,
    assessment_id: int,
    measures: Sequence[str],
    criteria: Sequence[str],
    *,
    pillar_split: bool,
    anonymous: bool,
    hide_until_reveal: bool,
    shuffle: bool,
    by: Principal,
    max_participants: int = DEFAULT_MAX_PARTICIPANTS,
) -> tuple[Session, str]:
    """A new session (round 1 waiting) and its facilitator key; the key is not stored.

    Only an editor starts a session; `by` becomes its owner, who may run it without
    the key (a signed-in facilitator whose connection dropped gets the controls back).
    """
    require_editor(by)
    if not 1 <= int(max_participants) <= MAX_PARTICIPANTS_LIMIT:
        raise WorkshopError(
            "workshop.error.bad_cap",
            f"The cap must be between 1 and {MAX_PARTICIPANTS_LIMIT}.",
            limit=MAX_PARTICIPANTS_LIMIT,
        )
    assessment = store.load(assessment_id)
    known_measures = {m.id for m in assessment.measures}
    known_criteria = {c.id for c in assessment.criteria}
    measures = list(dict.fromkeys(measures))
    criteria = list(dict.fromkeys(criteria))
    if not measures:
        raise WorkshopError("workshop.error.no_measures", "Choose at least one measure.")
    if not criteria:
        raise WorkshopError("workshop.error.no_criteria", "Choose at least one criterion.")
    unknown = [m for m in measures if m not in known_measures]
    unknown += [c for c in criteria if c not in known_criteria]
    if unknown:
        raise WorkshopError(
            "workshop.error.unknown_items",
            f"Not in the assessment: {', '.join(unknown)}.",
            items=", ".join(unknown),
        )
    key = new_key()
    now = timestamp()
    with store.transaction() as cur:
        for _ in range(50):
            code = new_code()
            taken = cur.execute(
                "SELECT count(*) FROM workshop_sessions WHERE code = ?", [code]
            ).fetchone()[0]
            if not taken:
                break
        else:  # pragma: no cover - 31^6 codes
            raise WorkshopError("workshop.error.no_code", "No free join code; try again.")
        # Reasons left by a deleted session under this code are not the new room's.
        cur.execute("DELETE FROM workshop_reasons WHERE code = ?", [code])
        cur.execute(
            "INSERT INTO workshop_sessions (code, assessment_id, key_hash, pillar_split, "
            "anonymous, hide_until_reveal, shuffle, closed, created_at, updated_at, owner, "
            "max_participants) VALUES (?, ?, ?, ?, ?, ?, ?, FALSE, ?, ?, ?, ?)",
            [code, assessment_id, hash_key(code, key), pillar_split, anonymous,
             hide_until_reveal, shuffle, now, now, by.subject, int(max_participants)],
        )
        rows = [[code, "measure", m, i] for i, m in enumerate(measures)]
        rows += [[code, "criterion", c, i] for i, c in enumerate(criteria)]
        cur.executemany("INSERT INTO workshop_items VALUES (?, ?, ?, ?)", rows)
        cur.execute(
            "INSERT INTO workshop_rounds (code, round_no, state) VALUES (?, 1, ?)",
            [code, str(RoundState.WAITING)],
        )
    return get_session(store, code), key


def get_session(store: Store, code: str) -> Session:
    code = normalise_code(code)
    cur = store.cursor()
    head = cur.execute(
        "SELECT s.assessment_id, s.pillar_split, s.anonymous, s.hide_until_reveal, s.shuffle, "
        "s.closed, s.created_at, r.round_no, r.state, s.max_participants, r.closes_at "
        "FROM workshop_sessions s "
        "JOIN assessments x ON x.id = s.assessment_id "
        "JOIN workshop_rounds r ON r.code = s.code WHERE s.code = ? "
        "ORDER BY r.round_no DESC LIMIT 1",
        [code],
    ).fetchone()
    if head is None:
        raise WorkshopError(
            "workshop.error.unknown_code", f"There is no session with code {code}.", code=code
        )
    items = cur.execute(
        "SELECT kind, item_id FROM workshop_items WHERE code = ? ORDER BY kind, position",
        [code],
    ).fetchall()
    return Session(
        code=code,
        assessment_id=int(head[0]),
        measures=tuple(i for k, i in items if k == "measure"),
        criteria=tuple(i for k, i in items if k == "criterion"),
        pillar_split=bool(head[1]),
        anonymous=bool(head[2]),
        hide_until_reveal=bool(head[3]),
        shuffle=bool(head[4]),
        closed=bool(head[5]),
        created_at=head[6],
        round=int(head[7]),
        round_state=effective_state(RoundState(head[8]), head[10]),
        max_participants=int(head[9] or DEFAULT_MAX_PARTICIPANTS),
        closes_at=head[10] if RoundState(head[8]) == RoundState.SCORING else None,
    )


def session_of(store: Store, code: str | Session) -> Session:
    return code if isinstance(code, Session) else get_session(store, code)


def session_and_round(store: Store, code: str | Session,
                      round_no: int | None) -> tuple[Session, int]:
    """The session and the round asked for: `round_no`, or the current one when None."""
    session = session_of(store, code)
    return session, session.round if round_no is None else round_no


def session_exists(store: Store, code: str) -> bool:
    row = store.cursor().execute(
        "SELECT count(*) FROM workshop_sessions WHERE code = ?", [normalise_code(code)]
    ).fetchone()
    return bool(row[0])


def sessions_of(store: Store, assessment_id: int) -> list[str]:
    rows = store.cursor().execute(
        "SELECT code FROM workshop_sessions WHERE assessment_id = ? ORDER BY created_at",
        [assessment_id],
    ).fetchall()
    return [r[0] for r in rows]


def status(store: Store, code: str) -> Status:
    """One small row: current round, its state and whether the session is closed."""
    code = normalise_code(code)
    round_no, state, closed, closes_at = round_row(store.cursor(), code)
    timer = closes_at if state == RoundState.SCORING else None
    return Status(code, round_no, state, closed, timer)


def current_round(cur: duckdb.DuckDBPyConnection, code: str) -> tuple[int, RoundState, bool]:
    """(round, state, session closed) of the current round; a round whose timer ran out
    is closed."""
    return round_row(cur, code)[:3]


def round_row(cur: duckdb.DuckDBPyConnection, code: str
              ) -> tuple[int, RoundState, bool, datetime | None]:
    """`current_round` and the round's timer (None without one)."""
    # Measured: about 1 ms; the join of sessions and rounds with ORDER BY took 2.
    row = cur.execute(
        "SELECT round_no, state, (SELECT closed FROM workshop_sessions WHERE code = ?), "
        "closes_at FROM workshop_rounds WHERE code = ? ORDER BY round_no DESC LIMIT 1",
        [code, code],
    ).fetchone()
    if row is None or row[2] is None:
        raise WorkshopError(
            "workshop.error.unknown_code", f"There is no session with code {code}.", code=code
        )
    return int(row[0]), effective_state(RoundState(row[1]), row[3]), bool(row[2]), row[3]


def require_open_session(closed: bool) -> None:
    if closed:
        raise WorkshopError("workshop.error.session_closed", "This session has been closed.")
