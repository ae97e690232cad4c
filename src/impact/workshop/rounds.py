"""Rounds: open, close and reveal the current one, start the next, end the session.

Only the session's facilitator does any of this (`require_facilitator`), and each
state change is checked and written in one transaction.
"""

from __future__ import annotations

from datetime import timedelta

from impact.access import Principal
from impact.store import Store
from impact.workshop.base import RoundState, Status, WorkshopError, timestamp
from impact.workshop.codes import normalise_code
from impact.workshop.rights import require_facilitator
from impact.workshop.sessions import current_round, require_open_session, status


def _set_round_state(store: Store, code: str, allowed: set[RoundState], new: RoundState,
                     stamp: str, *, by: Principal | None, key: str | None) -> Status:
    code = normalise_code(code)
    require_facilitator(store, code, by=by, key=key)
    with store.transaction() as cur:
        round_no, state, closed = current_round(cur, code)
        require_open_session(closed)
        if state not in allowed:
            raise WorkshopError(
                "workshop.error.bad_transition",
                f"Round {round_no} is {state}; it cannot become {new}.",
                round=round_no, state=str(state), new=str(new),
            )
        now = timestamp()
        # A round that closed itself keeps its timer as the moment it closed; one that
        # opens again starts without a timer.
        timed_out = "coalesce(closed_at, CASE WHEN closes_at <= ? THEN closes_at END)"
        closed_at = "" if stamp == "closed_at" else f"closed_at = {timed_out}, "
        cur.execute(
            f"UPDATE workshop_rounds SET state = ?, {stamp} = coalesce({stamp}, ?), "  # noqa: S608
            f"{closed_at}closes_at = CASE WHEN ? THEN NULL ELSE closes_at END "
            "WHERE code = ? AND round_no = ?",
            [str(new), now, *([now] if closed_at else []), new == RoundState.SCORING, code,
             round_no],
        )
        cur.execute("UPDATE workshop_sessions SET updated_at = ? WHERE code = ?",
                    [timestamp(), code])
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


TIMER_SECONDS = (10, 2 * 60 * 60)  # the shortest and longest timer a facilitator may set


def start_timer(store: Store, code: str, seconds: float, *, by: Principal | None,
                key: str | None = None) -> Status:
    """The open round closes itself `seconds` from now (a new timer replaces the old)."""
    code = normalise_code(code)
    require_facilitator(store, code, by=by, key=key)
    lo, hi = TIMER_SECONDS
    if not lo <= float(seconds) <= hi:
        raise WorkshopError("workshop.error.timer_range",
                            f"A timer runs {lo} seconds to {hi // 60} minutes.",
                            lo=lo, hi=hi // 60)
    with store.transaction() as cur:
        round_no, state, closed = current_round(cur, code)
        require_open_session(closed)
        if state != RoundState.SCORING:
            raise WorkshopError("workshop.error.round_not_open",
                                f"Round {round_no} is not open for answers ({state}).",
                                round=round_no, state=str(state))
        cur.execute("UPDATE workshop_rounds SET closes_at = ? WHERE code = ? AND round_no = ?",
                    [timestamp() + timedelta(seconds=float(seconds)), code, round_no])
    return status(store, code)


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
        round_no, state, closed = current_round(cur, code)
        require_open_session(closed)
        if state in (RoundState.WAITING, RoundState.SCORING):
            raise WorkshopError(
                "workshop.error.round_still_open",
                f"Round {round_no} has not been closed yet.",
                round=round_no,
            )
        now = timestamp()
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
        round_no, state, _closed = current_round(cur, code)
        now = timestamp()
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
