"""Shared by the tests: the principals they act as, answers in the current round, and an
assessment without some of its measures."""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import replace

from impact import workshop as ws
from impact.access import Principal, Role
from impact.model import Assessment
from impact.store import Store

EDITOR = Principal(Role.EDITOR, "editor@test.nl", signed_in=True)
VIEWER = Principal(Role.VIEWER, "viewer@test.nl", signed_in=True)


def without_measures(a: Assessment, ids: Collection[str]) -> Assessment:
    """The assessment without these measures and their scores (e.g. the knocked-out ones:
    the reference an admissible-only result is checked against)."""
    return replace(a, measures=[m for m in a.measures if m.id not in ids],
                   scores={k: v for k, v in a.scores.items() if k[0] not in ids})


def current_round(store: Store, token: str) -> int:
    participant = ws.participant(store, token)
    if participant is None:  # the domain itself must refuse the unknown token
        return 1
    return ws.status(store, participant.code).round


def answer(store: Store, token: str, measure_id: str, criterion_id: str,
           value: float | None) -> None:
    """An answer in the round the participant sees now (as the scoring page sends it)."""
    ws.submit_answer(store, token, measure_id, criterion_id, value,
                     round_no=current_round(store, token))


def answers(store: Store, token: str, values: dict) -> None:
    ws.submit_answers(store, token, values, round_no=current_round(store, token))


def split(store: Store, token: str, values: dict) -> None:
    ws.submit_split(store, token, values, round_no=current_round(store, token))



def run_threads(count: int, work) -> list[BaseException]:
    """Run `work(i)` in `count` threads that start together; the errors they raised."""
    import threading

    errors: list[BaseException] = []
    start = threading.Barrier(count)

    def run(i: int) -> None:
        start.wait()
        try:
            work(i)
        except BaseException as exc:  # noqa: BLE001 - collected and asserted on
            errors.append(exc)

    threads = [threading.Thread(target=run, args=(i,)) for i in range(count)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return errors
