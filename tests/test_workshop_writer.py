"""Group commit of the participants' forms (`impact.workshop.writer`): what queued while
one write ran is written together, each form still checked on its own."""

from __future__ import annotations

import threading
import time
from pathlib import Path

import pytest

from impact import workshop as ws
from impact.store import Store
from impact.workshop import WorkshopError, writer
from tests.helpers import EDITOR
from tests.test_workshop import new_session


@pytest.fixture
def store(tmp_path: Path) -> Store:
    s = Store(tmp_path / "writer.duckdb")
    yield s
    s.close()


class Owner:
    """Stands in for a store (the writer keeps one queue per owner, weakly)."""


def wait_until(condition, what: str) -> None:
    """A correctness wait (threads reaching the queue), not a timing assertion."""
    for _ in range(2000):
        if condition():
            return
        time.sleep(0.005)
    raise AssertionError(f"never: {what}")


def queued(owner: object) -> int:
    queue = writer._queue_of(owner)
    with queue.cond:
        return len(queue.pending)


def in_threads(calls: list) -> tuple[list[BaseException | None], list[threading.Thread]]:
    """Start each call in its own thread; per call None or the error it raised (once
    the threads are joined), and the threads."""
    results: list[BaseException | None] = [None] * len(calls)

    def run(i: int) -> None:
        try:
            calls[i]()
        except BaseException as exc:  # noqa: BLE001 - the test looks at it
            results[i] = exc

    threads = [threading.Thread(target=run, args=(i,)) for i in range(len(calls))]
    for t in threads:
        t.start()
    return results, threads


def test_forms_queued_behind_a_write_go_in_one_batch_each_checked(store: Store,
                                                                  monkeypatch):
    open_one, _ = new_session(store)
    closed_one, _ = new_session(store)
    people = [ws.join(store, open_one.code) for _ in range(5)]
    late = ws.join(store, closed_one.code)
    ws.open_round(store, open_one.code, by=EDITOR)
    ws.open_round(store, closed_one.code, by=EDITOR)
    ws.close_round(store, closed_one.code, by=EDITOR)
    batches: list[int] = []
    real = ws.answers._write_measures

    def counting(s, batch):
        batches.append(len(batch))
        return real(s, batch)

    monkeypatch.setattr(ws.answers, "_write_measures", counting)
    calls = [lambda p=p, v=v: ws.submit_answers(
                 store, p.token, {("A", "c1"): v - 2, ("A", "c2"): 2 - v}, round_no=1,
                 reasons={"A": f"reden {v}"} if v % 2 else {})
             for v, p in enumerate(people)]
    calls.append(lambda: ws.submit_answers(store, late.token, {("A", "c1"): 3},
                                           round_no=1, reasons={"A": "te laat"}))
    calls.append(lambda: ws.submit_answers(store, people[0].token, {("B", "c1"): 1},
                                           round_no=2))  # a round it never saw
    with store.transaction():  # the write lock is held: every form has to queue
        results, threads = in_threads(calls)
        # one call is the writer (waiting for the lock), all the others queued
        wait_until(lambda: queued(store) == len(calls) - 1, "all forms queued")
    for t in threads:
        t.join()
    assert batches == [1, len(calls) - 1]  # the first alone, the rest together
    assert results[:5] == [None] * 5
    assert results[5].key == "workshop.error.round_not_open"
    assert results[6].key == "workshop.error.stale_round"
    for v, p in enumerate(people):
        assert ws.own_answers(store, p.token, 1) == {("A", "c1"): v - 2, ("A", "c2"): 2 - v}
        assert ws.own_reasons(store, p.token, 1) == ({"A": f"reden {v}"} if v % 2 else {})
    assert ws.own_answers(store, late.token, 1) == {}
    assert ws.own_reasons(store, late.token, 1) == {}


def test_the_same_cell_twice_in_one_batch_keeps_the_later_form(store: Store):
    session, _ = new_session(store)
    p = ws.join(store, session.code)
    ws.open_round(store, session.code, by=EDITOR)
    first = ws.answers._Measure(p.token, session.code, 1, [("A", "c1", 1.0)], [],
                                {"A": "eerst"})
    second = ws.answers._Measure(p.token, session.code, 1, [("A", "c1", -2.0)], [],
                                 {"A": "later"})
    assert ws.answers._write_measures(store, [first, second]) == [None, None]
    assert ws.own_answers(store, p.token, 1) == {("A", "c1"): -2.0}
    assert ws.own_reasons(store, p.token, 1) == {"A": "later"}


def test_a_batch_that_fails_is_written_item_by_item():
    """One item the batch cannot write (a database error) refuses only that item."""
    written: list[str] = []
    calls: list[list[str]] = []
    gate = threading.Event()

    def write_batch(items):
        calls.append(list(items))
        if items == ["first"]:
            gate.wait()  # hold the writer until the others queued
        if "bad" in items:
            raise RuntimeError("disk full")
        written.extend(items)
        return [None] * len(items)

    owner = Owner()
    results, threads = in_threads([lambda i=i: writer.write(owner, i, write_batch)
                                   for i in ["first", "a", "bad", "b"]][:1])
    wait_until(lambda: calls == [["first"]], "the first write running")
    more, others = in_threads([lambda i=i: writer.write(owner, i, write_batch)
                               for i in ["a", "bad", "b"]])
    wait_until(lambda: queued(owner) == 3, "three queued")
    gate.set()
    for t in threads + others:
        t.join()
    assert results == [None]
    assert more[0] is None and more[2] is None
    assert isinstance(more[1], RuntimeError)
    assert sorted(written) == ["a", "b", "first"]
    assert len(calls) == 5  # first, the failed batch of three, then each on its own


def test_a_lone_write_raises_its_own_error():
    def refuse(items):
        return [WorkshopError("workshop.error.round_not_open", "closed", round=1)]

    with pytest.raises(WorkshopError) as err:
        writer.write(Owner(), "x", refuse)
    assert err.value.key == "workshop.error.round_not_open"
