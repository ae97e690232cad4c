"""Live workshop sessions: join codes, participants, rounds, answers and aggregates.

A facilitator creates a session on an assessment with the measures and criteria the
room scores. Participants join with a short code (no account), score silently, the
facilitator closes and reveals the round, the room discusses the largest disagreements
and scores again in a new round.

Everything lives in DuckDB (migration 2 in `impact.store`): a reload, a dropped
websocket or a server restart loses nothing. Every write goes through
`Store.transaction()` (the process-wide write lock), and the round's state is checked
inside that same transaction, so an answer can never slip in after the round closed.

Aggregates are computed by DuckDB, one query per view (`median`, `quantile_cont`,
`stddev_samp`, `avg`, `count`), never by Python loops over answers.

Anonymity: no function here returns one participant's answers to anyone but that
participant (`own_answers` needs their token). In an anonymous session every
aggregate over fewer than `ANONYMOUS_MIN_N` answers is suppressed (NaN), because the
"median" of one or two people is their answer; the same applies per stakeholder group.
"""

from __future__ import annotations

import hashlib
import hmac
import io
import os
import random
import secrets
import socket
import threading
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from typing import Any
from urllib.parse import urlencode, urlsplit, urlunsplit

import duckdb
import numpy as np
import pandas as pd

from impact.access import Principal, RateLimiter, is_loopback, require_editor
from impact.i18n import t
from impact.model import PILLARS, Assessment, Confidence, Pillar, Score
from impact.store import Store

# No 0/O, 1/I/L: a code read aloud or from a projector cannot be mistyped.
CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
CODE_LENGTH = 6
# In an anonymous session, an aggregate over fewer answers than this is not shown.
ANONYMOUS_MIN_N = 3
SPLIT_TOTAL = 100.0
DEFAULT_MAX_PARTICIPANTS = 500
MAX_PARTICIPANTS_LIMIT = 5000

# Abuse limits per client address, per process. A room behind one NAT address (venue
# Wi-Fi with a remote server) shares one budget: raise IMPACT_JOINS_PER_MINUTE there.
JOINS_PER_MINUTE = int(os.environ.get("IMPACT_JOINS_PER_MINUTE", "10"))
CODE_GUESSES_PER_MINUTE = int(os.environ.get("IMPACT_CODE_GUESSES_PER_MINUTE", "10"))
join_limiter = RateLimiter(JOINS_PER_MINUTE, 60)
guess_limiter = RateLimiter(CODE_GUESSES_PER_MINUTE, 60)


class RoundState(StrEnum):
    WAITING = "waiting"  # created, not open yet (participants can join)
    SCORING = "scoring"  # open: answers are accepted
    CLOSED = "closed"  # no answers accepted, results not shown to participants yet
    REVEALED = "revealed"  # closed and the room's aggregate is shown


class WorkshopError(Exception):
    """A workshop action that cannot be done; `key`/`params` give the i18n message."""

    def __init__(self, key: str, message: str, **params: object):
        super().__init__(message)
        self.key = key
        self.params = params


@dataclass(frozen=True)
class Session:
    code: str
    assessment_id: int
    measures: tuple[str, ...]
    criteria: tuple[str, ...]
    pillar_split: bool
    anonymous: bool
    hide_until_reveal: bool
    shuffle: bool
    closed: bool
    round: int
    round_state: RoundState
    created_at: datetime
    max_participants: int = DEFAULT_MAX_PARTICIPANTS

    @property
    def min_n(self) -> int:
        """The smallest number of answers an aggregate may be shown for."""
        return ANONYMOUS_MIN_N if self.anonymous else 1

    @property
    def questions_per_round(self) -> int:
        return len(self.measures) * len(self.criteria)

    @property
    def accepting(self) -> bool:
        return not self.closed and self.round_state == RoundState.SCORING

    def statistics_hidden(self, round_no: int) -> bool:
        """In an anonymous session a round's statistics appear only once it is closed:
        while it is open, watching the mean move with each answer would give away
        the answer that moved it."""
        return (self.anonymous and round_no == self.round and not self.closed
                and self.round_state in (RoundState.WAITING, RoundState.SCORING))


@dataclass(frozen=True)
class Status:
    """The light status row participants follow: which round, in which state."""

    code: str
    round: int
    round_state: RoundState
    closed: bool


@dataclass(frozen=True)
class Participant:
    token: str
    code: str
    name: str | None
    group: str | None
    joined_at: datetime


@dataclass(frozen=True)
class Progress:
    joined: int
    started: int  # answered at least one question this round
    finished: int  # answered every question (and split the points, when asked)
    answers: int
    expected: int  # questions per round x joined


# The tables are migration 2 in impact.store.MIGRATIONS.
# -- helpers ---------------------------------------------------------------------------
def normalise_code(text: str | None) -> str:
    """What a person typed, as a code: upper case, without spaces or dashes."""
    return "".join(ch for ch in (text or "").upper() if ch.isalnum())


def new_code(rng: random.Random | None = None) -> str:
    chooser = rng.choice if rng else secrets.choice
    return "".join(chooser(CODE_ALPHABET) for _ in range(CODE_LENGTH))


def _hash_key(code: str, key: str) -> str:
    return hashlib.sha256(f"{code}:{key}".encode()).hexdigest()


def _now() -> datetime:
    return datetime.now()


def measure_order(session: Session, token: str) -> list[str]:
    """The order in which this participant sees the measures (stable across reloads)."""
    order = list(session.measures)
    if session.shuffle:
        random.Random(f"{session.code}:{token}").shuffle(order)
    return order


# -- sessions ----------------------------------------------------------------------------
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
    key = secrets.token_urlsafe(12)
    now = _now()
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
        cur.execute(
            "INSERT INTO workshop_sessions (code, assessment_id, key_hash, pillar_split, "
            "anonymous, hide_until_reveal, shuffle, closed, created_at, updated_at, owner, "
            "max_participants) VALUES (?, ?, ?, ?, ?, ?, ?, FALSE, ?, ?, ?, ?)",
            [code, assessment_id, _hash_key(code, key), pillar_split, anonymous,
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
        "s.closed, s.created_at, r.round_no, r.state, s.max_participants "
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
        round_state=RoundState(head[8]),
        max_participants=int(head[9] or DEFAULT_MAX_PARTICIPANTS),
    )


def _session(store: Store, code: str | Session) -> Session:
    return code if isinstance(code, Session) else get_session(store, code)


def session_exists(store: Store, code: str) -> bool:
    row = store.cursor().execute(
        "SELECT count(*) FROM workshop_sessions WHERE code = ?", [normalise_code(code)]
    ).fetchone()
    return bool(row[0])


def verify_key(store: Store, code: str, key: str | None) -> bool:
    """True when `key` is the facilitator key of session `code` (constant-time compare)."""
    code = normalise_code(code)
    if not key or not code:
        return False
    row = store.cursor().execute(
        "SELECT key_hash FROM workshop_sessions WHERE code = ?", [code]
    ).fetchone()
    if row is None:
        return False
    return hmac.compare_digest(row[0], _hash_key(code, key))


def _key_hash(store: Store, code: str) -> str | None:
    row = store.cursor().execute(
        "SELECT key_hash FROM workshop_sessions WHERE code = ?", [code]
    ).fetchone()
    return row[0] if row else None


def _grant_of(code: str, key_hash: str) -> str:
    return hmac.new(key_hash.encode(), f"facilitator-grant:{code}".encode(),
                    hashlib.sha256).hexdigest()


def facilitator_grant(store: Store, code: str, key: str | None) -> str | None:
    """A token the facilitator's browser keeps (a cookie) instead of the key: it opens
    the controls after a reload, and is worthless without the server's stored hash."""
    code = normalise_code(code)
    if not verify_key(store, code, key):
        return None
    key_hash = _key_hash(store, code)
    return _grant_of(code, key_hash) if key_hash else None


def verify_grant(store: Store, code: str, grant: str | None) -> bool:
    code = normalise_code(code)
    key_hash = _key_hash(store, code) if grant and code else None
    return key_hash is not None and hmac.compare_digest(_grant_of(code, key_hash), grant)


def may_facilitate(store: Store, code: str, *, by: Principal | None,
                   key: str | None = None) -> bool:
    """True for the holder of the session's key (or a grant made from it, see
    `facilitator_grant`), and for its signed-in owner (sign-in
    mode). On the server machine in local mode every browser is the same "local"
    editor, so there only the key tells the facilitator's screen from another one."""
    code = normalise_code(code)
    if verify_key(store, code, key) or verify_grant(store, code, key):
        return True
    if by is None or not by.signed_in or not by.can_read:  # local mode: the key only
        return False
    row = store.cursor().execute(
        "SELECT owner FROM workshop_sessions WHERE code = ?", [code]
    ).fetchone()
    return row is not None and row[0] is not None and hmac.compare_digest(row[0], by.subject)


def require_facilitator(store: Store, code: str, *, by: Principal | None,
                        key: str | None = None) -> None:
    if not may_facilitate(store, code, by=by, key=key):
        raise WorkshopError("workshop.error.not_facilitator",
                            "Only the facilitator of this session can do that.")


def sessions_of(store: Store, assessment_id: int) -> list[str]:
    rows = store.cursor().execute(
        "SELECT code FROM workshop_sessions WHERE assessment_id = ? ORDER BY created_at",
        [assessment_id],
    ).fetchall()
    return [r[0] for r in rows]


def status(store: Store, code: str) -> Status:
    """One small row: current round, its state and whether the session is closed."""
    code = normalise_code(code)
    round_no, state, closed = _current(store.cursor(), code)
    return Status(code, round_no, state, closed)


# -- rounds ------------------------------------------------------------------------------
def _current(cur: duckdb.DuckDBPyConnection, code: str) -> tuple[int, RoundState, bool]:
    # Measured: about 1 ms; the join of sessions and rounds with ORDER BY took 2.
    row = cur.execute(
        "SELECT round_no, state, (SELECT closed FROM workshop_sessions WHERE code = ?) "
        "FROM workshop_rounds WHERE code = ? ORDER BY round_no DESC LIMIT 1",
        [code, code],
    ).fetchone()
    if row is None or row[2] is None:
        raise WorkshopError(
            "workshop.error.unknown_code", f"There is no session with code {code}.", code=code
        )
    return int(row[0]), RoundState(row[1]), bool(row[2])


def _require_open_session(closed: bool) -> None:
    if closed:
        raise WorkshopError("workshop.error.session_closed", "This session has been closed.")


def _set_round_state(store: Store, code: str, allowed: set[RoundState], new: RoundState,
                     stamp: str, *, by: Principal | None, key: str | None) -> Status:
    code = normalise_code(code)
    require_facilitator(store, code, by=by, key=key)
    with store.transaction() as cur:
        round_no, state, closed = _current(cur, code)
        _require_open_session(closed)
        if state not in allowed:
            raise WorkshopError(
                "workshop.error.bad_transition",
                f"Round {round_no} is {state}; it cannot become {new}.",
                round=round_no, state=str(state), new=str(new),
            )
        cur.execute(
            f"UPDATE workshop_rounds SET state = ?, {stamp} = coalesce({stamp}, ?) "  # noqa: S608
            "WHERE code = ? AND round_no = ?",
            [str(new), _now(), code, round_no],
        )
        cur.execute("UPDATE workshop_sessions SET updated_at = ? WHERE code = ?", [_now(), code])
    return status(store, code)


def open_round(store: Store, code: str, *, by: Principal | None,
               key: str | None = None) -> Status:
    """Start scoring the current round (waiting -> scoring; a closed round may reopen)."""
    return _set_round_state(
        store, code, {RoundState.WAITING, RoundState.CLOSED}, RoundState.SCORING, "opened_at",
        by=by, key=key,
    )


def close_round(store: Store, code: str, *, by: Principal | None,
                key: str | None = None) -> Status:
    """Stop accepting answers for the current round."""
    return _set_round_state(store, code, {RoundState.SCORING}, RoundState.CLOSED, "closed_at",
                            by=by, key=key)


def reveal_round(store: Store, code: str, *, by: Principal | None,
                 key: str | None = None) -> Status:
    """Show the room's aggregate to participants; closes the round first if still open."""
    return _set_round_state(
        store, code, {RoundState.SCORING, RoundState.CLOSED}, RoundState.REVEALED,
        "revealed_at", by=by, key=key,
    )


def new_round(store: Store, code: str, *, by: Principal | None, key: str | None = None,
              start: bool = True) -> Status:
    """A next round with the same questions; scoring at once unless `start` is False."""
    code = normalise_code(code)
    require_facilitator(store, code, by=by, key=key)
    with store.transaction() as cur:
        round_no, state, closed = _current(cur, code)
        _require_open_session(closed)
        if state in (RoundState.WAITING, RoundState.SCORING):
            raise WorkshopError(
                "workshop.error.round_still_open",
                f"Round {round_no} has not been closed yet.",
                round=round_no,
            )
        now = _now()
        cur.execute(
            "INSERT INTO workshop_rounds (code, round_no, state, opened_at) VALUES (?, ?, ?, ?)",
            [code, round_no + 1, str(RoundState.SCORING if start else RoundState.WAITING),
             now if start else None],
        )
        cur.execute("UPDATE workshop_sessions SET updated_at = ? WHERE code = ?", [now, code])
    return status(store, code)


def close_session(store: Store, code: str, *, by: Principal | None,
                  key: str | None = None) -> Status:
    """End the session: an open round closes, no answers or participants are accepted."""
    code = normalise_code(code)
    require_facilitator(store, code, by=by, key=key)
    with store.transaction() as cur:
        round_no, state, _closed = _current(cur, code)
        now = _now()
        if state in (RoundState.WAITING, RoundState.SCORING):
            cur.execute(
                "UPDATE workshop_rounds SET state = ?, closed_at = ? "
                "WHERE code = ? AND round_no = ?",
                [str(RoundState.CLOSED), now, code, round_no],
            )
        cur.execute(
            "UPDATE workshop_sessions SET closed = TRUE, updated_at = ? WHERE code = ?",
            [now, code],
        )
    return status(store, code)


# -- participants ------------------------------------------------------------------------
def _clean(text: str | None, limit: int = 80) -> str | None:
    text = " ".join((text or "").split())[:limit]
    return text or None


def _unknown_code(code: str, client: str | None) -> WorkshopError:
    if client:
        guess_limiter.hit(client)
    return WorkshopError(
        "workshop.error.unknown_code", f"There is no session with code {code}.", code=code
    )


def _check_guesses(client: str | None) -> None:
    if client and guess_limiter.blocked(client):
        raise WorkshopError("workshop.error.too_many_guesses",
                            "Too many wrong codes; wait a minute and try again.")


def session_for_joining(store: Store, code: str, *, client: str | None = None) -> Session:
    """The session a typed code opens for joining. An ended session's code no longer
    resolves, and wrong codes from one address are throttled (no guessing codes)."""
    code = normalise_code(code)
    _check_guesses(client)
    try:
        session = get_session(store, code)
    except WorkshopError:
        raise _unknown_code(code, client) from None
    if session.closed:
        raise _unknown_code(code, client)
    return session


def join(store: Store, code: str, *, name: str | None = None,
         group: str | None = None, client: str | None = None) -> Participant:
    """A new participant with a fresh token; in an anonymous session no name is kept.

    Refused for an ended session, beyond the session's participant cap, and past
    JOINS_PER_MINUTE joins from one client address.
    """
    code = normalise_code(code)
    _check_guesses(client)
    if client and not join_limiter.hit(client):
        raise WorkshopError("workshop.error.too_many_joins",
                            "Too many joins from this device; wait a minute and try again.")
    token = secrets.token_urlsafe(16)
    with store.transaction() as cur:
        row = cur.execute(
            "SELECT anonymous, closed, max_participants FROM workshop_sessions WHERE code = ?",
            [code],
        ).fetchone()
        if row is None or bool(row[1]):
            raise _unknown_code(code, client)
        anonymous, cap = bool(row[0]), int(row[2] or DEFAULT_MAX_PARTICIPANTS)
        joined = cur.execute(
            "SELECT count(*) FROM workshop_participants WHERE code = ?", [code]
        ).fetchone()[0]
        if joined >= cap:
            raise WorkshopError("workshop.error.session_full",
                                f"This session is full ({cap} participants).", cap=cap)
        cur.execute(
            "INSERT INTO workshop_participants (token, code, name, stakeholder_group, joined_at) "
            "VALUES (?, ?, ?, ?, ?)",
            [token, code, None if anonymous else _clean(name), _clean(group), _now()],
        )
    found = participant(store, token)
    assert found is not None
    return found


def participant(store: Store, token: str | None) -> Participant | None:
    if not token:
        return None
    row = store.cursor().execute(
        "SELECT token, code, name, stakeholder_group, joined_at FROM workshop_participants "
        "WHERE token = ?",
        [token],
    ).fetchone()
    return Participant(*row) if row else None


def update_participant(store: Store, token: str, *, name: str | None,
                       group: str | None) -> None:
    with store.transaction() as cur:
        row = cur.execute(
            "SELECT s.anonymous FROM workshop_participants p JOIN workshop_sessions s "
            "ON s.code = p.code WHERE p.token = ?",
            [token],
        ).fetchone()
        if row is None:
            raise WorkshopError("workshop.error.unknown_participant", "Unknown participant.")
        cur.execute(
            "UPDATE workshop_participants SET name = ?, stakeholder_group = ? WHERE token = ?",
            [None if row[0] else _clean(name), _clean(group), token],
        )


def participants(store: Store, code: str | Session) -> pd.DataFrame:
    """Who joined (name, group) and whether they finished the current round.

    Named sessions only: in an anonymous session this raises, because even a list of
    who finished tells the room something about individuals.
    """
    session = _session(store, code)
    if session.anonymous:
        raise WorkshopError("workshop.error.anonymous", "This session is anonymous.")
    return store.cursor().execute(
        "SELECT p.name, p.stakeholder_group AS grp, p.joined_at, "
        "coalesce(a.n, 0) AS answers, (sp.token IS NOT NULL) AS split "
        "FROM workshop_participants p "
        "LEFT JOIN (SELECT token, count(*) AS n FROM workshop_answers "
        "  WHERE code = ? AND round_no = ? GROUP BY token) a ON a.token = p.token "
        "LEFT JOIN workshop_splits sp ON sp.token = p.token AND sp.code = p.code "
        "  AND sp.round_no = ? "
        "WHERE p.code = ? ORDER BY p.joined_at",
        [session.code, session.round, session.round, session.code],
    ).df()


# -- answers -----------------------------------------------------------------------------
def _require_scoring(cur: duckdb.DuckDBPyConnection, code: str, seen_round: int) -> int:
    """The current round of `code`, which must accept answers and be the round the
    participant answered (call inside the lock): a late click on round 1 is not a
    round-2 answer."""
    round_no, state, closed = _current(cur, code)
    _require_open_session(closed)
    if int(seen_round) != round_no:
        raise WorkshopError(
            "workshop.error.stale_round",
            f"Round {seen_round} is over; round {round_no} is the current one.",
            round=seen_round, current=round_no,
        )
    if state != RoundState.SCORING:
        raise WorkshopError(
            "workshop.error.round_not_open",
            f"Round {round_no} is not open for answers ({state}).",
            round=round_no, state=str(state),
        )
    return round_no


def _participant_code(cur: duckdb.DuckDBPyConnection, token: str) -> str:
    row = cur.execute("SELECT code FROM workshop_participants WHERE token = ?", [token]).fetchone()
    if row is None:
        raise WorkshopError("workshop.error.unknown_participant", "Unknown participant.")
    return row[0]


# What never changes during a session, kept per process so that an answer costs one
# state check and one upsert (measured: the joined validation query took 5 ms of the
# 10 ms an answer cost). A criterion's scale edited during a session is not seen here.
_facts_lock = threading.Lock()
_token_codes: dict[tuple[str, str], str] = {}
_questions: dict[tuple[str, str], tuple[frozenset[str], dict[str, tuple[float, float]]]] = {}
_FACTS_LIMIT = 20_000


def _remember(cache: dict, key: tuple[str, str], value: Any) -> None:
    with _facts_lock:
        if len(cache) >= _FACTS_LIMIT:
            cache.clear()
        cache[key] = value


def _session_questions(store: Store, code: str
                       ) -> tuple[frozenset[str], dict[str, tuple[float, float]]]:
    key = (str(store.path), code)
    found = _questions.get(key)
    if found is None:
        rows = store.cursor().execute(
            "SELECT i.kind, i.item_id, k.scale_min, k.scale_max FROM workshop_items i "
            "JOIN workshop_sessions s ON s.code = i.code "
            "LEFT JOIN criteria k ON i.kind = 'criterion' AND k.assessment_id = s.assessment_id "
            "     AND k.id = i.item_id "
            "WHERE i.code = ?",
            [code],
        ).fetchall()
        found = (
            frozenset(item for kind, item, _lo, _hi in rows if kind == "measure"),
            {item: (float(lo), float(hi)) for kind, item, lo, hi in rows
             if kind == "criterion" and lo is not None},
        )
        _remember(_questions, key, found)
    return found


def _code_of(store: Store, token: str) -> str:
    key = (str(store.path), token)
    code = _token_codes.get(key)
    if code is None:
        code = _participant_code(store.cursor(), token)
        _remember(_token_codes, key, code)
    return code


def _checked_answer(store: Store, token: str, measure_id: str, criterion_id: str,
                    value: float) -> tuple[str, float]:
    """(session code, value) after checking participant, question and scale.

    Runs before the write lock is taken: these facts do not change during a round, so
    only the round's state needs checking under the lock.
    """
    code = _code_of(store, token)
    measures, scales = _session_questions(store, code)
    if measure_id not in measures or criterion_id not in scales:
        raise WorkshopError(
            "workshop.error.unknown_question",
            f"{measure_id} / {criterion_id} is not a question in this session.",
        )
    lo, hi = scales[criterion_id]
    value = float(value)
    if not np.isfinite(value) or not lo <= value <= hi:
        raise WorkshopError(
            "workshop.error.out_of_scale",
            f"{value:g} is outside the scale {lo:g} to {hi:g}.",
            value=f"{value:g}", lo=f"{lo:g}", hi=f"{hi:g}",
        )
    if lo == -3 and hi == 3 and value != round(value):
        raise WorkshopError(
            "workshop.error.not_whole", "Choose one of the seven points.", value=f"{value:g}"
        )
    return code, value


_UPSERT_ANSWER = (
    "INSERT INTO workshop_answers (code, round_no, token, measure_id, criterion_id, "
    "value, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?) "
    "ON CONFLICT (code, round_no, token, measure_id, criterion_id) DO UPDATE SET "
    "value = excluded.value, updated_at = excluded.updated_at"
)


def submit_answer(store: Store, token: str, measure_id: str, criterion_id: str,
                  value: float | None, *, round_no: int) -> None:
    """Store (upsert) one answer at once; `None` withdraws it. Only while the round is open.

    The round's state is checked inside the same transaction as the write, behind the
    store's write lock, so an answer never lands after the facilitator closed the round.
    """
    if value is None:
        with store.transaction() as cur:
            code = _participant_code(cur, token)
            round_no = _require_scoring(cur, code, round_no)
            cur.execute(
                "DELETE FROM workshop_answers WHERE code = ? AND round_no = ? AND token = ? "
                "AND measure_id = ? AND criterion_id = ?",
                [code, round_no, token, measure_id, criterion_id],
            )
        return
    code, value = _checked_answer(store, token, measure_id, criterion_id, value)
    with store.transaction() as cur:
        round_no = _require_scoring(cur, code, round_no)
        cur.execute(_UPSERT_ANSWER,
                    [code, round_no, token, measure_id, criterion_id, value, _now()])


def submit_answers(store: Store, token: str,
                   answers: Mapping[tuple[str, str], float], *, round_no: int) -> None:
    """Several answers of one participant in one transaction (all or nothing)."""
    if not answers:
        return
    checked = [(m, c, *_checked_answer(store, token, m, c, v)) for (m, c), v in answers.items()]
    with store.transaction() as cur:
        code = checked[0][2]
        round_no = _require_scoring(cur, code, round_no)
        now = _now()
        cur.executemany(_UPSERT_ANSWER,
                        [[code, round_no, token, m, c, v, now] for m, c, _code, v in checked])


def submit_split(store: Store, token: str, split: Mapping[Pillar | str, float], *,
                 round_no: int) -> None:
    """This participant's 100 points over ecology, economy and people for the round."""
    values = [float(split.get(p, split.get(str(p), 0.0))) for p in PILLARS]
    if any(not np.isfinite(v) or v < 0 for v in values) or abs(sum(values) - SPLIT_TOTAL) > 1e-6:
        raise WorkshopError(
            "workshop.error.split_total",
            f"The points must be 0 or more and add up to 100 (now {sum(values):g}).",
            total=f"{sum(values):g}",
        )
    with store.transaction() as cur:
        code = _participant_code(cur, token)
        round_no = _require_scoring(cur, code, round_no)
        cur.execute(
            "INSERT INTO workshop_splits (code, round_no, token, ecology, economy, people, "
            "updated_at) VALUES (?, ?, ?, ?, ?, ?, ?) "
            "ON CONFLICT (code, round_no, token) DO UPDATE SET ecology = excluded.ecology, "
            "economy = excluded.economy, people = excluded.people, "
            "updated_at = excluded.updated_at",
            [code, round_no, token, *values, _now()],
        )


def own_answers(store: Store, token: str, round_no: int) -> dict[tuple[str, str], float]:
    """A participant's own answers in a round (only ever shown to that participant)."""
    rows = store.cursor().execute(
        "SELECT measure_id, criterion_id, value FROM workshop_answers "
        "WHERE token = ? AND round_no = ?",
        [token, round_no],
    ).fetchall()
    return {(m, c): v for m, c, v in rows}


def own_split(store: Store, token: str, round_no: int) -> dict[Pillar, float] | None:
    row = store.cursor().execute(
        "SELECT ecology, economy, people FROM workshop_splits WHERE token = ? AND round_no = ?",
        [token, round_no],
    ).fetchone()
    return dict(zip(PILLARS, map(float, row), strict=True)) if row else None


# -- aggregates (one query per view) ---------------------------------------------------
def progress(store: Store, code: str | Session, round_no: int | None = None) -> Progress:
    """Joined, started and finished participants of a round, in one query."""
    session = _session(store, code)
    round_no = session.round if round_no is None else round_no
    per_round = session.questions_per_round
    row = store.cursor().execute(
        "SELECT count(*), count(a.token), "
        "count(*) FILTER (WHERE coalesce(a.n, 0) >= ? AND (NOT ? OR sp.token IS NOT NULL)), "
        "coalesce(sum(a.n), 0) "
        "FROM workshop_participants p "
        "LEFT JOIN (SELECT token, count(*) AS n FROM workshop_answers "
        "  WHERE code = ? AND round_no = ? GROUP BY token) a ON a.token = p.token "
        "LEFT JOIN workshop_splits sp ON sp.token = p.token AND sp.code = p.code "
        "  AND sp.round_no = ? "
        "WHERE p.code = ?",
        [per_round, session.pillar_split, session.code, round_no, round_no, session.code],
    ).fetchone()
    joined, started, finished, answers = (int(x) for x in row)
    return Progress(joined, started, finished, answers, per_round * joined)


_AGGREGATE_COLUMNS = ["n", "mean", "median", "q1", "q3", "iqr", "sd"]


def _shown_min_n(session: Session, round_no: int) -> int:
    """The fewest answers a statistic of this round may be shown for (counts are always
    shown); no number is enough while an anonymous round is still open."""
    return np.iinfo(np.int64).max if session.statistics_hidden(round_no) else session.min_n


def _suppress(frame: pd.DataFrame, min_n: int, columns: Sequence[str]) -> pd.DataFrame:
    if min_n > 1 and len(frame):
        small = frame["n"] < min_n
        frame.loc[small, list(columns)] = np.nan
    return frame


def aggregates(store: Store, code: str | Session, round_no: int | None = None) -> pd.DataFrame:
    """Per measure x criterion of the session: n, mean, median, q1, q3, iqr, sd.

    One query. Cells nobody answered have n = 0 and NaN statistics; in an anonymous
    session statistics over fewer than ANONYMOUS_MIN_N answers are NaN as well.
    `iqr_rel` and `sd_rel` are the spread as a share of the criterion's scale, so that
    criteria on different scales compare; `position` orders cells as the session does.
    """
    session = _session(store, code)
    round_no = session.round if round_no is None else round_no
    frame = store.cursor().execute(
        "WITH m AS (SELECT item_id AS measure_id, position AS mpos FROM workshop_items "
        "           WHERE code = ? AND kind = 'measure'), "
        "c AS (SELECT i.item_id AS criterion_id, i.position AS cpos, "
        "             k.scale_max - k.scale_min AS span "
        "      FROM workshop_items i JOIN workshop_sessions s ON s.code = i.code "
        "      JOIN criteria k ON k.assessment_id = s.assessment_id AND k.id = i.item_id "
        "      WHERE i.code = ? AND i.kind = 'criterion'), "
        "a AS (SELECT measure_id, criterion_id, count(*) AS n, avg(value) AS mean, "
        "             median(value) AS median, quantile_cont(value, 0.25) AS q1, "
        "             quantile_cont(value, 0.75) AS q3, stddev_samp(value) AS sd "
        "      FROM workshop_answers WHERE code = ? AND round_no = ? "
        "      GROUP BY measure_id, criterion_id) "
        "SELECT m.measure_id, c.criterion_id, coalesce(a.n, 0) AS n, a.mean, a.median, a.q1, "
        "       a.q3, a.q3 - a.q1 AS iqr, a.sd, (a.q3 - a.q1) / c.span AS iqr_rel, "
        "       a.sd / c.span AS sd_rel, m.mpos, c.cpos "
        "FROM m CROSS JOIN c LEFT JOIN a ON a.measure_id = m.measure_id "
        "     AND a.criterion_id = c.criterion_id "
        "ORDER BY m.mpos, c.cpos",
        [session.code, session.code, session.code, round_no],
    ).df()
    frame["n"] = frame["n"].astype(int)
    return _suppress(frame, _shown_min_n(session, round_no),
                     _AGGREGATE_COLUMNS[1:] + ["iqr_rel", "sd_rel"])


def hotspots(agg: pd.DataFrame, top: int | None = None, *, min_n: int = 2) -> pd.DataFrame:
    """Cells ranked by disagreement: relative IQR, then relative standard deviation.

    Works on the output of `aggregates` (no further queries). Cells with fewer than
    `min_n` answers, or suppressed ones, are left out. Adds `hotspot_rank` (1 = most
    disagreement); ties keep the session's order.
    """
    ok = agg[(agg["n"] >= min_n) & agg["iqr_rel"].notna()].copy()
    ok = ok.sort_values(
        ["iqr_rel", "sd_rel", "mpos", "cpos"],
        ascending=[False, False, True, True],
        na_position="last",
        kind="mergesort",
    )
    ok["hotspot_rank"] = range(1, len(ok) + 1)
    ok = ok.reset_index(drop=True)
    return ok.head(top) if top else ok


def shift(store: Store, code: str | Session, from_round: int, to_round: int) -> pd.DataFrame:
    """Per cell: mean, median and IQR in both rounds and their change (one query)."""
    session = _session(store, code)
    frame = store.cursor().execute(
        "WITH a AS (SELECT round_no, measure_id, criterion_id, count(*) AS n, "
        "             avg(value) AS mean, median(value) AS median, "
        "             quantile_cont(value, 0.75) - quantile_cont(value, 0.25) AS iqr "
        "           FROM workshop_answers WHERE code = ? AND round_no IN (?, ?) "
        "           GROUP BY round_no, measure_id, criterion_id), "
        "m AS (SELECT item_id AS measure_id, position AS mpos FROM workshop_items "
        "      WHERE code = ? AND kind = 'measure'), "
        "c AS (SELECT item_id AS criterion_id, position AS cpos FROM workshop_items "
        "      WHERE code = ? AND kind = 'criterion') "
        "SELECT m.measure_id, c.criterion_id, "
        "  coalesce(f.n, 0) AS n_from, coalesce(t.n, 0) AS n_to, "
        "  f.mean AS mean_from, t.mean AS mean_to, t.mean - f.mean AS mean_shift, "
        "  f.median AS median_from, t.median AS median_to, t.median - f.median AS median_shift, "
        "  f.iqr AS iqr_from, t.iqr AS iqr_to, t.iqr - f.iqr AS iqr_shift, m.mpos, c.cpos "
        "FROM m CROSS JOIN c "
        "LEFT JOIN a f ON f.round_no = ? AND f.measure_id = m.measure_id "
        "     AND f.criterion_id = c.criterion_id "
        "LEFT JOIN a t ON t.round_no = ? AND t.measure_id = m.measure_id "
        "     AND t.criterion_id = c.criterion_id "
        "ORDER BY m.mpos, c.cpos",
        [session.code, from_round, to_round, session.code, session.code, from_round, to_round],
    ).df()
    min_n = max(_shown_min_n(session, from_round), _shown_min_n(session, to_round))
    if min_n > 1 and len(frame):
        small = (frame["n_from"] < min_n) | (frame["n_to"] < min_n)
        stats = [c for c in frame.columns if c.split("_")[0] in ("mean", "median", "iqr")]
        frame.loc[small, stats] = np.nan
    return frame


def group_shift(store: Store, code: str | Session, from_round: int, to_round: int) -> pd.DataFrame:
    """Per stakeholder group: size and the average change of its cell means (one query).

    `mean_shift` averages (mean in to_round - mean in from_round) over the cells the
    group answered in both rounds; `abs_shift` the absolute changes; `gap_from`/`gap_to`
    the average distance of the group's cell means to the room's cell medians, so a
    falling gap means the group moved towards the room. Participants without a group
    count as ''. Anonymous sessions: groups under ANONYMOUS_MIN_N people are hidden.
    """
    session = _session(store, code)
    frame = store.cursor().execute(
        "WITH g AS (SELECT a.round_no, coalesce(p.stakeholder_group, '') AS grp, "
        "             a.measure_id, a.criterion_id, avg(a.value) AS mean, "
        "             count(DISTINCT a.token) AS n "
        "           FROM workshop_answers a JOIN workshop_participants p ON p.token = a.token "
        "           WHERE a.code = ? AND a.round_no IN (?, ?) "
        "           GROUP BY a.round_no, grp, a.measure_id, a.criterion_id), "
        "room AS (SELECT round_no, measure_id, criterion_id, median(value) AS median "
        "         FROM workshop_answers WHERE code = ? AND round_no IN (?, ?) "
        "         GROUP BY round_no, measure_id, criterion_id), "
        "pairs AS (SELECT f.grp, f.mean AS f_mean, t.mean AS t_mean, "
        "            least(f.n, t.n) AS n, abs(f.mean - rf.median) AS f_gap, "
        "            abs(t.mean - rt.median) AS t_gap "
        "          FROM g f JOIN g t ON t.grp = f.grp AND t.measure_id = f.measure_id "
        "            AND t.criterion_id = f.criterion_id AND t.round_no = ? "
        "          JOIN room rf ON rf.round_no = f.round_no AND rf.measure_id = f.measure_id "
        "            AND rf.criterion_id = f.criterion_id "
        "          JOIN room rt ON rt.round_no = t.round_no AND rt.measure_id = t.measure_id "
        "            AND rt.criterion_id = t.criterion_id "
        "          WHERE f.round_no = ?), "
        "sizes AS (SELECT coalesce(p.stakeholder_group, '') AS grp, "
        "            count(DISTINCT p.token) AS members FROM workshop_participants p "
        "          WHERE p.code = ? GROUP BY grp) "
        "SELECT s.grp AS grp, s.members, min(pairs.n) AS n, "
        "  avg(pairs.t_mean - pairs.f_mean) AS mean_shift, "
        "  avg(abs(pairs.t_mean - pairs.f_mean)) AS abs_shift, "
        "  avg(pairs.f_gap) AS gap_from, avg(pairs.t_gap) AS gap_to "
        "FROM sizes s LEFT JOIN pairs ON pairs.grp = s.grp "
        "GROUP BY s.grp, s.members ORDER BY s.grp",
        [session.code, from_round, to_round, session.code, from_round, to_round, to_round,
         from_round, session.code],
    ).df()
    frame["n"] = frame["n"].fillna(0).astype(int)
    min_n = max(_shown_min_n(session, from_round), _shown_min_n(session, to_round))
    if session.min_n > 1 and len(frame):
        stats = ["mean_shift", "abs_shift", "gap_from", "gap_to"]
        frame.loc[frame["n"] < min_n, stats] = np.nan
        frame = frame[frame["members"] >= session.min_n].reset_index(drop=True)
    return frame


def splits_summary(store: Store, code: str | Session, round_no: int | None = None) -> pd.DataFrame:
    """Per pillar: n, mean, median, q1, q3 of the participants' 100-point splits (one query)."""
    session = _session(store, code)
    round_no = session.round if round_no is None else round_no
    frame = store.cursor().execute(
        "SELECT pillar, count(*) AS n, avg(v) AS mean, median(v) AS median, "
        "quantile_cont(v, 0.25) AS q1, quantile_cont(v, 0.75) AS q3 FROM ("
        "  SELECT 'ecology' AS pillar, ecology AS v FROM workshop_splits "
        "    WHERE code = ? AND round_no = ? "
        "  UNION ALL SELECT 'economy', economy FROM workshop_splits "
        "    WHERE code = ? AND round_no = ? "
        "  UNION ALL SELECT 'people', people FROM workshop_splits "
        "    WHERE code = ? AND round_no = ?) "
        "GROUP BY pillar",
        [session.code, round_no] * 3,
    ).df().set_index("pillar")
    frame = frame.reindex([str(p) for p in PILLARS])
    frame["n"] = frame["n"].fillna(0).astype(int)
    return _suppress(frame, _shown_min_n(session, round_no), ["mean", "median", "q1", "q3"])


def _split_matrix(store: Store, code: str, round_no: int) -> np.ndarray:
    """All splits of a round as an (n, 3) array, for the engine only (never displayed)."""
    rows = store.cursor().execute(
        "SELECT ecology, economy, people FROM workshop_splits WHERE code = ? AND round_no = ?",
        [code, round_no],
    ).fetchall()
    return np.asarray(rows, dtype=float).reshape(-1, 3)


# -- group result through the engine ---------------------------------------------------
def _confidence_of(iqr_rel: float) -> Confidence:
    """Consensus as confidence: an IQR within one step of seven is high, two steps medium."""
    if iqr_rel <= 1 / 6 + 1e-9:
        return Confidence.HIGH
    if iqr_rel <= 2 / 6 + 1e-9:
        return Confidence.MEDIUM
    return Confidence.LOW


def group_assessment(store: Store, code: str | Session, round_no: int | None = None,
                     *, name: str | None = None, lang: str = "nl") -> Assessment:
    """The session's assessment with the room's median scores in place of the analyst's.

    Cells the room did not score (or that are suppressed for anonymity) keep their
    scores. Each substituted score's source names the session, round and n; its
    confidence follows the room's consensus (IQR as a share of the scale).
    """
    session = _session(store, code)
    round_no = session.round if round_no is None else round_no
    base = store.load(session.assessment_id)
    agg = aggregates(store, session, round_no)
    known = {(m.id, c.id) for m in base.measures for c in base.criteria}
    scored = agg[agg["median"].notna()]
    new_scores = [
        Score(
            r.measure_id, r.criterion_id, float(r.median),
            source=t("workshop.score_source", lang, code=session.code, round=round_no,
                     n=int(r.n)),
            confidence=_confidence_of(float(r.iqr_rel)),
        )
        for r in scored.itertuples()
        if (r.measure_id, r.criterion_id) in known
    ]
    result = base.with_scores(new_scores)
    result.id = None
    result.version = 0
    result.name = name or t("workshop.result_name", lang, name=base.name, code=session.code,
                            round=round_no)
    return result


def group_pillar_weights(store: Store, code: str | Session,
                         round_no: int | None = None) -> dict[Pillar, float] | None:
    """The room's pillar weights: the mean of the participants' splits (None if none)."""
    session = _session(store, code)
    round_no = session.round if round_no is None else round_no
    matrix = _split_matrix(store, session.code, round_no)
    if len(matrix) == 0 or len(matrix) < session.min_n or session.statistics_hidden(round_no):
        return None
    return {p: float(v) for p, v in zip(PILLARS, matrix.mean(axis=0), strict=True)}


def split_weight_ranges(
    assessment: Assessment, splits: np.ndarray, criteria: Sequence[str] | None = None
) -> dict[str, tuple[float, float]]:
    """Criterion weight ranges spanned by the participants' pillar splits.

    Each participant's split becomes criterion weights through the engine's
    hierarchical weights (pillar share x the criterion's share within its pillar);
    the result holds, per criterion, the lowest and highest weight any participant
    implies. These ranges are the SMAA's weight space.
    """
    from impact.engine import hierarchical_weights

    wanted = list(criteria) if criteria else [c.id for c in assessment.criteria]
    pillar_of = {c: p for c, p in assessment.pillar_of().items() if c in set(wanted)}
    within = {c: w for c, w in assessment.within_weights().items() if c in pillar_of}
    samples = np.array([
        [hierarchical_weights(pillar_of, dict(zip(PILLARS, row, strict=True)), within)[c]
         for c in wanted]
        for row in splits
    ]).reshape(-1, len(wanted))
    return {c: (float(samples[:, j].min()), float(samples[:, j].max()))
            for j, c in enumerate(wanted)}


@dataclass
class GroupResult:
    assessment: Assessment  # the substituted assessment (all measures), as it would be saved
    table: pd.DataFrame  # engine table for the session's measures (score, rank, pillars...)
    pillar_weights: dict[Pillar, float] | None  # mean split; None = equal weights
    acceptability: pd.DataFrame | None  # SMAA over the participants' splits, if any
    participants_with_split: int


def group_result(store: Store, code: str | Session, round_no: int | None = None, *,
                 samples: int = 2000, seed: int = 0, method: str = "wsm") -> GroupResult:
    """Rank and balance with the room's scores and weights, through `impact.engine`.

    Only the session's measures are ranked (the room did not score the others). Pillar
    weights are the mean of the participants' splits when the session asked for them
    (else equal); the SMAA samples weights within the range of the participants' splits.
    Raises `impact.engine.EngineError` if a cell has no score at all.
    """
    from impact import engine  # imported late: heavy, and only the facilitator needs it

    session = _session(store, code)
    round_no = session.round if round_no is None else round_no
    assessment = group_assessment(store, session, round_no)
    keep_ids = set(session.measures)
    keep = [m for m in assessment.measures if m.id in keep_ids]
    scoped = Assessment(
        name=assessment.name, description=assessment.description,
        criteria=assessment.criteria, measures=keep,
        scores={k: v for k, v in assessment.scores.items() if k[0] in keep_ids},
        profiles=assessment.profiles,
    )
    weights = group_pillar_weights(store, session, round_no) if session.pillar_split else None
    evaluation = engine.evaluate(scoped, pillar_weights=weights, method=method)
    splits = (_split_matrix(store, session.code, round_no) if session.pillar_split
              else np.empty((0, 3)))
    acceptability = None
    if len(splits) >= max(2, session.min_n) and len(keep) >= 2:
        acceptability = _smaa_over_splits(scoped, splits, samples=samples, seed=seed,
                                          method=method)
    return GroupResult(assessment, evaluation.table, weights, acceptability, len(splits))


def _smaa_over_splits(assessment: Assessment, splits: np.ndarray, *, samples: int,
                      seed: int, method: str) -> pd.DataFrame:
    from impact import robustness  # imported late: built beside this module

    performance = assessment.performance()
    ranges = split_weight_ranges(assessment, splits, list(performance.columns))
    result = robustness.smaa(
        performance, objectives=assessment.objectives(), weights=ranges, samples=samples,
        seed=seed, method=method, scale=assessment.scale(),
    )
    return result.acceptability


def save_group_result(store: Store, code: str | Session, round_no: int | None = None, *,
                      by: Principal, key: str | None = None, name: str | None = None,
                      lang: str = "nl") -> int:
    """Store the group's scores as a new assessment (all measures); returns its id.
    Needs an editor who facilitates the session."""
    session = _session(store, code)
    require_editor(by)
    require_facilitator(store, session.code, by=by, key=key)
    round_no = session.round if round_no is None else round_no
    return store.create(group_assessment(store, session, round_no, name=name, lang=lang),
                        by=by)


# -- links -----------------------------------------------------------------------------
def lan_address() -> str | None:
    """This machine's IPv4 address on the local network, when its name resolves to one
    (no traffic is sent); None when it does not."""
    try:
        infos = socket.getaddrinfo(socket.gethostname(), None, socket.AF_INET)
    except OSError:
        return None
    found = [info[4][0] for info in infos if not is_loopback(info[4][0])]
    return found[0] if found else None


def links_reach_the_room(base: str) -> bool:
    """False when join links would point at this machine's loopback name (localhost),
    which no phone can open."""
    return not is_loopback(urlsplit(base).hostname or "")


def public_base_url(page_url: str | None, *, host: str | None = None,
                    override: str | None = None, page_path: str = "workshop") -> str:
    """The app's base URL for links others open (QR code, join link).

    `override` (env IMPACT_PUBLIC_URL) wins; else the URL the facilitator's browser
    uses (`st.context.url`) without its page path; else the Host header.
    """
    if override:
        return override.strip().rstrip("/")
    if page_url:
        parts = urlsplit(page_url)
        path = parts.path.rstrip("/")
        if path.endswith("/" + page_path) or path == page_path:
            path = path[: -len(page_path)].rstrip("/")
        netloc = parts.netloc
        if is_loopback(parts.hostname or "") and lan_address():
            # The facilitator opened http://localhost on the laptop; phones need its
            # address on the room's network.
            netloc = lan_address() + (f":{parts.port}" if parts.port else "")
        return urlunsplit((parts.scheme, netloc, path, "", "")).rstrip("/")
    if host:
        return f"http://{host}".rstrip("/")
    return "http://localhost:8501"


def join_url(base: str, code: str) -> str:
    return f"{base.rstrip('/')}/?{urlencode({'join': code})}"


def facilitator_url(base: str, code: str, key: str) -> str:
    return f"{base.rstrip('/')}/workshop?{urlencode({'session': code, 'key': key})}"


def qr_png(url: str, *, scale: int = 12) -> bytes:
    """A QR code of `url` as PNG bytes, large enough to project."""
    import segno

    buffer = io.BytesIO()
    segno.make(url, error="m").save(buffer, kind="png", scale=scale, border=2)
    return buffer.getvalue()
