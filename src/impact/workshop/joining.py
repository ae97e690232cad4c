"""Participants: joining with a code (capped per session, throttled per address), who
they are, and the list of them a named session's facilitator sees."""

from __future__ import annotations

import os
import secrets

import pandas as pd

from impact.access import RateLimiter
from impact.store import Store
from impact.workshop.base import (
    DEFAULT_MAX_PARTICIPANTS,
    Participant,
    Session,
    WorkshopError,
    timestamp,
)
from impact.workshop.codes import normalise_code
from impact.workshop.sessions import get_session, session_of

# Abuse limits per client address, per process. A room behind one NAT address (venue
# Wi-Fi with a remote server) shares one budget: raise IMPACT_JOINS_PER_MINUTE there.
JOINS_PER_MINUTE = int(os.environ.get("IMPACT_JOINS_PER_MINUTE", "10"))
CODE_GUESSES_PER_MINUTE = int(os.environ.get("IMPACT_CODE_GUESSES_PER_MINUTE", "10"))
join_limiter = RateLimiter(JOINS_PER_MINUTE, 60)
guess_limiter = RateLimiter(CODE_GUESSES_PER_MINUTE, 60)


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
            [token, code, None if anonymous else _clean(name), _clean(group), timestamp()],
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
    session = session_of(store, code)
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
