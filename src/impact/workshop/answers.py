"""Answers: a participant's scores and pillar split, stored while their round is open.

The facts an answer is checked against (the participant's session, its questions and
scales) are looked up before the write lock; only the round's state is checked under
it, in the same transaction as the write.
"""

from __future__ import annotations

import threading
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import duckdb
import numpy as np

from impact.model import PILLARS, Pillar
from impact.store import Store
from impact.workshop import writer
from impact.workshop.base import RoundState, WorkshopError, timestamp
from impact.workshop.reasons import clean_reason, write_reasons
from impact.workshop.sessions import current_round, require_open_session

SPLIT_TOTAL = 100.0  # the points a participant splits over the three pillars


def _require_scoring(cur: duckdb.DuckDBPyConnection, code: str, seen_round: int) -> int:
    """The current round of `code`, which must accept answers and be the round the
    participant answered (call inside the lock): a late click on round 1 is not a
    round-2 answer."""
    return _scoring_round(current_round(cur, code), seen_round)


def _scoring_round(current: tuple[int, RoundState, bool], seen_round: int) -> int:
    round_no, state, closed = current
    require_open_session(closed)
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
                    [code, round_no, token, measure_id, criterion_id, value, timestamp()])


@dataclass
class _Measure:
    """One participant's submitted form, checked, waiting for the writer."""

    token: str
    code: str
    round_no: int  # the round the participant saw
    checked: list[tuple[str, str, float]]  # (measure, criterion, value)
    withdrawn: list[tuple[str, str]]
    reasons: dict[str, str | None]


def submit_answers(store: Store, token: str,
                   answers: Mapping[tuple[str, str], float | None], *, round_no: int,
                   reasons: Mapping[str, str | None] | None = None) -> None:
    """Several answers of one participant, all or nothing, with `reasons` (per measure,
    `None` or empty withdraws one) in the same transaction; returns once committed.

    Written together with the other participants' forms that queued meanwhile (see
    `impact.workshop.writer`): one transaction, the round checked inside it, one
    upsert per table. Also with nothing to store the round is checked: a form
    submitted after the round closed is refused, so the page can say so at once.
    """
    checked = [(m, c, _checked_answer(store, token, m, c, v)[1])
               for (m, c), v in answers.items() if v is not None]
    withdrawn = [(m, c) for (m, c), v in answers.items() if v is None]
    code = _code_of(store, token)
    cleaned = {m: clean_reason(r) for m, r in (reasons or {}).items()}
    if cleaned:
        measures, _scales = _session_questions(store, code)
        unknown = sorted(set(cleaned) - measures)
        if unknown:
            raise WorkshopError("workshop.error.unknown_question",
                                f"{unknown[0]} is not a question in this session.")
    item = _Measure(token, code, int(round_no), checked, withdrawn, cleaned)
    writer.write(store, item, lambda batch: _write_measures(store, batch))


def _write_measures(store: Store, batch: Sequence[_Measure]) -> list[BaseException | None]:
    """The queued forms in one transaction: per form the round check (one read per
    session), then one delete per form that withdraws, one upsert of every reason and
    one of every answer. Returns per form None or the error that refused it."""
    errors: list[BaseException | None] = [None] * len(batch)
    with store.transaction() as cur:
        rounds: dict[str, tuple[int, RoundState, bool] | WorkshopError] = {}
        accepted: list[tuple[_Measure, int]] = []
        for i, item in enumerate(batch):
            try:
                if item.code not in rounds:
                    try:
                        rounds[item.code] = current_round(cur, item.code)
                    except WorkshopError as exc:
                        rounds[item.code] = exc
                current = rounds[item.code]
                if isinstance(current, WorkshopError):
                    raise current
                accepted.append((item, _scoring_round(current, item.round_no)))
            except WorkshopError as exc:
                errors[i] = exc
        now = timestamp()
        for item, round_no in accepted:
            if item.withdrawn:
                _delete_answers(cur, item.code, round_no, item.token, item.withdrawn)
        reasons = {(item.code, round_no, item.token, m): r
                   for item, round_no in accepted for m, r in item.reasons.items()}
        if reasons:
            write_reasons(cur, reasons, now)
        # A dict: a participant's form in two tabs may queue the same cell twice (the
        # later wins); one statement may not update a row twice.
        rows = {(item.code, round_no, item.token, m, c): v
                for item, round_no in accepted for m, c, v in item.checked}
        if rows:
            cur.execute(_upsert_rows(len(rows)),
                        [x for key, v in rows.items() for x in (*key, v, now)])
    return errors


def _delete_answers(cur: duckdb.DuckDBPyConnection, code: str, round_no: int, token: str,
                    cells: list[tuple[str, str]]) -> None:
    # Only placeholders are joined into the statement, never a value.
    pairs = " OR ".join(["(measure_id = ? AND criterion_id = ?)"] * len(cells))
    cur.execute(
        "DELETE FROM workshop_answers WHERE code = ? AND round_no = ? "  # noqa: S608
        f"AND token = ? AND ({pairs})",
        [code, round_no, token, *(x for pair in cells for x in pair)],
    )


def _upsert_rows(n: int) -> str:
    values = ", ".join(["(?, ?, ?, ?, ?, ?, ?)"] * n)
    return _UPSERT_ANSWER.replace("(?, ?, ?, ?, ?, ?, ?)", values)


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
            [code, round_no, token, *values, timestamp()],
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
