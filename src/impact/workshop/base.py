"""The workshop's vocabulary: limits, round states, the error and the records."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from impact.errors import UserError

# In an anonymous session, an aggregate over fewer answers than this is not shown.
ANONYMOUS_MIN_N = 3
DEFAULT_MAX_PARTICIPANTS = 500
MAX_PARTICIPANTS_LIMIT = 5000


class RoundState(StrEnum):
    WAITING = "waiting"  # created, not open yet (participants can join)
    SCORING = "scoring"  # open: answers are accepted
    CLOSED = "closed"  # no answers accepted, results not shown to participants yet
    REVEALED = "revealed"  # closed and the room's aggregate is shown


class WorkshopError(UserError):
    """A workshop action that cannot be done; `key`/`params` give the i18n message and
    `message` the English text that `str(err)` shows."""

    def __init__(self, key: str, message: str, **params: object):
        super().__init__(key, **params)
        self.args = (message,)


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
    closes_at: datetime | None = None  # the round's timer: it closes itself then

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
    closes_at: datetime | None = None  # the round's timer, while it runs


def effective_state(state: RoundState, closes_at: datetime | None) -> RoundState:
    """A scoring round whose timer ran out is closed: every read and the write check see
    it so at once, with nothing running in the background to close it."""
    if state == RoundState.SCORING and closes_at is not None and closes_at <= timestamp():
        return RoundState.CLOSED
    return state


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


def timestamp() -> datetime:
    """Now, as every workshop table stores it (local time, like the store)."""
    return datetime.now()

