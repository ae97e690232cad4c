"""Live workshop sessions: join codes, participants, rounds, answers and aggregates.

A facilitator creates a session on an assessment with the measures and criteria the
room scores. Participants join with a short code (no account), score silently, the
facilitator closes and reveals the round, the room discusses the largest disagreements
and scores again in a new round.

Everything lives in DuckDB (migration 2 in `impact.migrations`): a reload, a dropped
websocket or a server restart loses nothing. Every write goes through
`Store.transaction()` (the process-wide write lock), and the round's state is checked
inside that same transaction, so an answer can never slip in after the round closed.

Aggregates are computed by DuckDB, one query per view (`median`, `quantile_cont`,
`stddev_samp`, `avg`, `count`), never by Python loops over answers.

Anonymity: no function here returns one participant's answers to anyone but that
participant (`own_answers` needs their token). In an anonymous session every
aggregate over fewer than `ANONYMOUS_MIN_N` answers is suppressed (NaN), because the
"median" of one or two people is their answer; the same applies per stakeholder group.

This package is a facade: callers keep using `from impact import workshop as ws` and
`ws.NAME`; the code lives in

- `base`: limits, round states, `WorkshopError`, the records
- `codes`: join codes, fresh and as typed
- `sessions`: creating and reading sessions, the current round
- `rights`: the facilitator key, the grant made from it, the owner
- `rounds`: open, close, reveal, next round, end the session
- `joining`: joining (participant cap, join and code-guess throttles), participants
- `answers`: answers and pillar splits, checked against the open round
- `reasons`: a participant's short reason per measure, shown grouped by score
- `aggregation`: progress, statistics, hotspots, shifts, splits (one query each)
- `group`: the room's result through the engine, saved as an assessment
- `links`: the public address, join and facilitator links, the QR code
- `summary`: the rounds and statistics exports and reports are given (`export_frames`)
"""

from __future__ import annotations

from impact.workshop.aggregation import (
    aggregates,
    distribution,
    group_shift,
    hotspots,
    progress,
    shift,
    splits_summary,
)
from impact.workshop.answers import (
    SPLIT_TOTAL,
    own_answers,
    own_split,
    submit_answer,
    submit_answers,
    submit_split,
)
from impact.workshop.base import (
    ANONYMOUS_MIN_N,
    DEFAULT_MAX_PARTICIPANTS,
    MAX_PARTICIPANTS_LIMIT,
    Participant,
    Progress,
    RoundState,
    Session,
    Status,
    WorkshopError,
)
from impact.workshop.codes import CODE_ALPHABET, CODE_LENGTH, new_code, normalise_code
from impact.workshop.group import (
    GroupResult,
    group_assessment,
    group_pillar_weights,
    group_result,
    save_group_result,
    split_weight_ranges,
)
from impact.workshop.joining import (
    CODE_GUESSES_PER_MINUTE,
    JOINS_PER_MINUTE,
    guess_limiter,
    join,
    join_limiter,
    participant,
    participants,
    session_for_joining,
    update_participant,
)
from impact.workshop.links import (
    facilitator_url,
    join_url,
    lan_address,
    links_reach_the_room,
    public_base_url,
    qr_png,
)
from impact.workshop.reasons import (
    REASON_COLUMNS,
    REASON_MAX_CHARS,
    by_score,
    own_reasons,
    reasons,
    reasons_export,
    session_reasons,
)
from impact.workshop.rights import (
    facilitator_grant,
    may_facilitate,
    require_facilitator,
    verify_grant,
    verify_key,
)
from impact.workshop.rounds import (
    TIMER_SECONDS,
    close_round,
    close_session,
    new_round,
    open_round,
    reveal_round,
    start_timer,
)
from impact.workshop.sessions import (
    create_session,
    get_session,
    measure_order,
    session_exists,
    sessions_of,
    status,
)
from impact.workshop.summary import AGGREGATE_COLUMNS, ROUND_COLUMNS, export_frames

__all__ = [
    "AGGREGATE_COLUMNS", "ROUND_COLUMNS", "export_frames",
    "REASON_COLUMNS", "REASON_MAX_CHARS", "by_score", "own_reasons", "reasons", "reasons_export",
    "session_reasons",
    "ANONYMOUS_MIN_N", "CODE_ALPHABET", "CODE_GUESSES_PER_MINUTE", "CODE_LENGTH",
    "DEFAULT_MAX_PARTICIPANTS", "JOINS_PER_MINUTE", "MAX_PARTICIPANTS_LIMIT", "SPLIT_TOTAL",
    "GroupResult", "Participant", "Progress", "RoundState", "Session", "Status",
    "WorkshopError", "aggregates", "distribution", "close_round", "close_session", "create_session",
    "facilitator_grant", "facilitator_url", "get_session", "group_assessment",
    "group_pillar_weights", "group_result", "group_shift", "guess_limiter", "hotspots",
    "join", "join_limiter", "join_url", "lan_address", "links_reach_the_room",
    "may_facilitate", "measure_order", "new_code", "new_round", "normalise_code",
    "open_round", "own_answers", "own_split", "participant", "participants", "progress",
    "public_base_url", "qr_png", "require_facilitator", "reveal_round", "save_group_result",
    "session_exists", "session_for_joining", "sessions_of", "shift", "split_weight_ranges",
    "splits_summary", "start_timer", "TIMER_SECONDS", "status", "submit_answer",
    "submit_answers", "submit_split",
    "update_participant", "verify_grant", "verify_key",
]
