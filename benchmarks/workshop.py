"""Workshop load: N participants score a round on one server while 2 facilitator views watch.

What this drives: REAL Streamlit sessions over the server's websocket. One
`streamlit run app.py` process is started per run; every simulated participant is its
own websocket connection speaking Streamlit's protocol (protobuf BackMsg / ForwardMsg)
as a browser tab does: it opens the join link, presses "Doe mee", picks a pill per
criterion in the measure's form (kept in the browser, no request), presses "Volgende"
after each measure (one rerun that sends the measure), and lets the page's status
fragment rerun while the page polls (every 5 s while waiting, every 2 min while
scoring). Two facilitator connections hold the facilitator page open and rerun
its live fragment every second, as the browser does for `st.fragment(run_every=1)`.
Nothing is rendered.

Which widget states a rerun carries decides which callbacks the server runs, so the
client keeps the browser's element tree (`Page`, the frontend's AppRoot reduced to what
decides this): nodes at their delta paths, stamped with the run that wrote them; after
a successful run the nodes that run did not write are dropped (in a fragment run only
those inside the fragment), and with them the states of widgets no longer on the page.
Every rerun then sends the states of the widgets still on the page, with the fragment
id of the widget that changed (or of the timed fragment), as the browser's
WidgetStateManager does. Untouched widgets send no state (a browser may send their
unchanged default; the server sees no change either way).

Set-up outside the server: the benchmark writes the example assessment and a session
(its 11 measures x 3 seven-point criteria, round 1 open) into a fresh database before it
starts the server (the server holds the DuckDB file lock while it runs). Participants
join first (spread over `--ramp` seconds per participant); then all score for
`--duration` seconds or until they answered every question, each waiting a random
0..2x`--think` seconds before every tap. After the server stopped, the benchmark reopens
the file and compares every answer a participant sent with the stored row.

Figures:
- answers stored / sent: rows whose value is the one the participant picked last;
  re-saved: rows written again after the tap was acknowledged (a rerun that ran
  `save_answer` again for an earlier widget): must be 0;
- tap -> stored: from the tap that sends an answer ("Volgende", which submits the
  measure's form) until the row's `updated_at` (the server's clock when it wrote the
  row; same machine), p50 / p95; tap -> ack: until the rerun that stored it finished
  at the client;
- facilitator-visible: from an answer being stored until a facilitator view's answer
  counter includes it, p50 / p95;
- server CPU during the scoring phase (cores = CPU seconds / wall seconds) and the
  server's peak RSS (VmHWM); the load client's own CPU, which shares the machine.

Usage: .venv/bin/python benchmarks/workshop.py --participants 200 500 --think 3 0
           [--duration 75] [--ramp 0.05] [--measures 11]
       .venv/bin/python benchmarks/workshop.py --processes 1 2 --participants 500 --think 3
           (on PostgreSQL: one and two app processes on one database, side by side)
       .venv/bin/python benchmarks/workshop.py --store-threads   (no server: the store
       under threads, for comparison)
"""

from __future__ import annotations

import argparse
import asyncio
import bisect
import os
import random
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(1, str(ROOT))  # tests.browser (the server) and tests.postgres (--processes)

from streamlit.proto.BackMsg_pb2 import BackMsg  # noqa: E402
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg  # noqa: E402
from streamlit.proto.WidgetStates_pb2 import WidgetState  # noqa: E402
from websockets.asyncio.client import connect  # noqa: E402

from impact import workshop as ws  # noqa: E402
from impact.access import SYSTEM  # noqa: E402
from impact.io import read_assessment  # noqa: E402
from impact.store import EXAMPLE_DIR, Store  # noqa: E402
from tests.browser import free_port, start_streamlit, wait_until_healthy  # noqa: E402
from tests.browser import stop as stop_server  # noqa: E402

MEASURES = ["M01", "M02", "M03"]  # the --store-threads mode
CRITERIA = ["eco_bio", "econ_farm", "ppl_health"]
WORDS = {-3: "zeer negatief", -2: "negatief", -1: "licht negatief", 0: "neutraal",
         1: "licht positief", 2: "positief", 3: "zeer positief"}
FINISHED = ForwardMsg.ScriptFinishedStatus
DONE = {FINISHED.FINISHED_SUCCESSFULLY, FINISHED.FINISHED_FRAGMENT_RUN_SUCCESSFULLY,
        FINISHED.FINISHED_WITH_COMPILE_ERROR}
CLEARS = {FINISHED.FINISHED_SUCCESSFULLY, FINISHED.FINISHED_FRAGMENT_RUN_SUCCESSFULLY}
CATCH_UP_SECONDS = 30  # how long the facilitator views may take to count the last answer


def pill(value: int) -> str:
    return f"{value:+d} {WORDS[value]}".replace("+0 ", "0 ")


def value_of(i: int, m: int, c: int) -> int:
    return random.Random(i * 1000 + m * 10 + c).randint(-3, 3)


REASON_EVERY = 3  # by default every third measure a participant gives a reason


def reason_of(i: int, m: int) -> str:
    return f"Deelnemer {i} over maatregel {m}: " + " ".join(["weidevogels en grond."] * 4)


def pct(values: list[float], q: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(q * (len(ordered) - 1))))]


def cpu_seconds(pid: int) -> float:
    """User + system CPU time of a process so far."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def memory_mb(pid: int, key: str = "VmRSS") -> float:
    """A /proc status figure in MB: VmRSS (now) or VmHWM (the peak so far)."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith(key + ":"):
            return int(line.split()[1]) / 1024
    return float("nan")


# -- the browser's element tree ------------------------------------------------------------
@dataclass
class Node:
    run: str  # the script run that last wrote this node (or a node below it)
    fragment: str  # the fragment the delta came from ("" outside fragments)
    block: str | None = None  # the Block type; None for an element
    ident: str = ""  # a widget's id, or a block's id
    kind: str = ""  # an element's type (button, metric, ...)
    proto: object = None
    children: list[Node] = field(default_factory=list)


class Page:
    """What the frontend's AppRoot keeps, as far as it decides which widget states a
    rerun sends: `setNodeAtPath`, `addBlock` and `clearStaleNodes` of Streamlit's
    frontend, without rendering."""

    def __init__(self) -> None:
        # main, sidebar, event, bottom: the roots of every delta path
        self.root = Node("", "", block="root", children=[self._empty() for _ in range(4)])

    @staticmethod
    def _empty() -> Node:
        return Node("", "", block="vertical")

    def _parent(self, path: list[int], run: str) -> Node:
        parent = self.root
        for index in path[:-1]:
            parent.run = run  # the frontend restamps every block on the way down
            parent = parent.children[index]
        parent.run = run
        return parent

    def put(self, path: list[int], node: Node) -> None:
        parent, index = self._parent(path, node.run), path[-1]
        if index < len(parent.children):
            parent.children[index] = node
        else:
            parent.children.append(node)

    def at(self, path: list[int]) -> Node | None:
        node = self.root
        for index in path:
            if node.block is None or index >= len(node.children):
                return None
            node = node.children[index]
        return node

    def add_block(self, path: list[int], node: Node) -> None:
        old = self.at(path)
        if old is not None and old.block == node.block:  # same kind of block: children stay
            node.children = old.children
        self.put(path, node)

    def add_transient(self, path: list[int], run: str) -> None:
        """A spinner or toast beside the element at `path`: it keeps that element (the
        anchor); with none there it takes the place until a later delta does."""
        if self.at(path) is None:
            self.put(path, Node(run, ""))

    def clear_stale(self, run: str, fragments: list[str]) -> None:
        self.root.children = [self._visit(c, run, fragments, False) or self._empty()
                              for c in self.root.children]

    def _visit(self, node: Node, run: str, fragments: list[str], inside: bool) -> Node | None:
        if node.block is None:
            if node.kind == "toast":
                return node
            if fragments:  # a fragment run drops only what it did not write inside itself
                keep = not node.fragment or not inside or node.run == run
            else:
                keep = node.run == run
            return node if keep else None
        if fragments:
            if inside and node.run != run:
                return None
            inside = inside or (node.fragment in fragments and node.run == run)
        elif node.run != run:
            return None
        node.children = [k for c in node.children
                         if (k := self._visit(c, run, fragments, inside)) is not None]
        return node

    def nodes(self) -> list[Node]:
        found, todo = [], list(self.root.children)
        while todo:
            node = todo.pop()
            found.append(node)
            todo.extend(node.children)
        return found

    def active_ids(self) -> set[str]:
        return {n.ident for n in self.nodes() if n.ident}


# -- one Streamlit session over its websocket ------------------------------------------
class Session:
    """A minimal Streamlit client: reruns with the widget states a browser would send."""

    def __init__(self, url: str, query: str, page_name: str = "") -> None:
        self.url, self.query, self.page_name = url, query, page_name
        self.page = Page()
        self.widgets: dict[str, Node] = {}  # widget id -> its node, after the last run
        self.values: dict[str, WidgetState] = {}  # states of widgets the user set
        self.pending: dict[str, WidgetState] = {}  # set in a form, not submitted yet
        self.run, self.run_fragments = "", []
        self.fragment: tuple[str, float] | None = None  # a timed fragment (run_every)
        self.errors: list[str] = []
        self.lock = asyncio.Lock()
        self._finished = asyncio.Event()
        self.on_finished: Callable[[Session], None] | None = None

    async def __aenter__(self) -> Session:
        self._conn = await connect(self.url, subprotocols=["streamlit"], max_size=None,
                                   open_timeout=120, ping_interval=None)
        self._reader = asyncio.create_task(self._read())
        return self

    async def __aexit__(self, *exc) -> None:
        await self._conn.close()
        self._reader.cancel()

    async def _read(self) -> None:
        async for data in self._conn:
            msg = ForwardMsg.FromString(data)
            kind = msg.WhichOneof("type")
            if kind == "new_session":
                self.run = msg.metadata.run.script_run_id
                self.run_fragments = list(msg.metadata.run.fragment_ids)
                if not self.run_fragments:
                    self.fragment = None  # a full run: the browser drops every timer
            elif kind == "delta":
                self._delta(msg)
            elif kind == "page_info_changed":
                self.query = msg.page_info_changed.query_string
            elif kind == "auto_rerun":
                self.fragment = (msg.auto_rerun.fragment_id, msg.auto_rerun.interval)
            elif kind == "stop_auto_rerun":
                if self.fragment and self.fragment[0] in msg.stop_auto_rerun.fragment_ids:
                    self.fragment = None
            elif kind == "script_finished" and msg.script_finished in DONE:
                run = msg.metadata.run
                if msg.script_finished in CLEARS and (run.fragment_ids or
                                                      run.script_run_id == self.run):
                    self._after_run(run.script_run_id, list(run.fragment_ids))
                if self.on_finished:
                    self.on_finished(self)
                self._finished.set()

    def _delta(self, msg: ForwardMsg) -> None:
        delta, path = msg.delta, list(msg.metadata.delta_path)
        which = delta.WhichOneof("type")
        if which == "new_element":
            etype = delta.new_element.WhichOneof("type")
            proto = getattr(delta.new_element, etype)
            if etype == "exception":
                self.errors.append(proto.message)
            self.page.put(path, Node(self.run, delta.fragment_id, kind=etype, proto=proto,
                                     ident=getattr(proto, "id", "") or ""))
        elif which == "add_block":
            block = delta.add_block
            self.page.add_block(path, Node(self.run, delta.fragment_id,
                                           block=block.WhichOneof("type") or "vertical",
                                           ident=getattr(block, "id", "") or ""))
        elif which == "new_transient":
            self.page.add_transient(path, self.run)

    def _after_run(self, run: str, fragments: list[str]) -> None:
        """The browser after a successful run: stale nodes go, and with them the widget
        states of every widget no longer on the page."""
        self.page.clear_stale(run, fragments)
        self.widgets = {n.ident: n for n in self.page.nodes() if n.ident and n.block is None}
        active = self.page.active_ids()
        self.values = {i: v for i, v in self.values.items() if i in active}

    def metrics(self) -> dict[str, str]:
        return {n.proto.label: n.proto.body for n in self.elements("metric")}

    def elements(self, kind: str) -> list[Node]:
        return [n for n in self.page.nodes() if n.kind == kind]

    def widget(self, key: str) -> str | None:
        return next((i for i in self.widgets if i.endswith("-" + key)), None)

    def button(self, label: str) -> str | None:
        return next((i for i, n in self.widgets.items()
                     if n.kind == "button" and n.proto.label == label), None)

    async def rerun(self, *, trigger: str | None = None, fragment: str | None = None,
                    changed: str | None = None, timeout: float = 300) -> None:
        """A rerun as the browser asks for it: the whole page, or only the fragment of the
        widget that changed (`changed`/`trigger`), or a timed fragment run (`fragment`)."""
        async with self.lock:
            msg = BackMsg()
            state = msg.rerun_script
            state.query_string = self.query
            state.page_name = self.page_name
            source = self.widgets.get(changed or trigger or "")
            if fragment:
                state.fragment_id = fragment
                state.is_auto_rerun = True
            elif source is not None and source.fragment:
                state.fragment_id = source.fragment
            state.widget_states.widgets.extend(self.values.values())
            if trigger:  # a button's trigger is sent once, never kept
                state.widget_states.widgets.append(WidgetState(id=trigger, trigger_value=True))
            self._finished.clear()
            await self._conn.send(msg.SerializeToString())
            await asyncio.wait_for(self._finished.wait(), timeout)

    async def settle(self, predicate: Callable[[], object], timeout: float = 300) -> None:
        """Wait (through the reruns the server starts itself) until predicate holds."""
        deadline = time.monotonic() + timeout
        while not predicate():
            if time.monotonic() > deadline:
                raise TimeoutError(f"page did not settle; errors={self.errors}")
            self._finished.clear()
            try:
                await asyncio.wait_for(self._finished.wait(), 1.0)
            except TimeoutError:
                pass

    def choose(self, key: str, label: str) -> str:
        """A pill tapped inside a form: the browser keeps it pending (sent with no
        rerun) until the form is submitted."""
        wid = self.widget(key)
        if wid is None:
            raise RuntimeError(f"no widget {key}; errors={self.errors}")
        state = WidgetState(id=wid)
        state.string_array_value.data.append(label)
        self.pending[wid] = state
        return wid

    def type_text(self, key: str, text: str) -> None:
        """Text typed into a form's text area: pending, like a pill in a form."""
        wid = self.widget(key)
        if wid is None:
            raise RuntimeError(f"no widget {key}; errors={self.errors}")
        self.pending[wid] = WidgetState(id=wid, string_value=text)

    async def submit(self, button: str | None) -> None:
        """A form's submit button: its pending states become the widgets' values and go
        with the button's trigger in one rerun."""
        if button is None:
            raise RuntimeError(f"no submit button; errors={self.errors}")
        self.values.update(self.pending)
        self.pending = {}
        await self.rerun(trigger=button)


async def poll_fragment(session: Session, stop: asyncio.Event, log: Log) -> None:
    """What the browser does for st.fragment(run_every=...): rerun the fragment."""
    while not stop.is_set():
        interval = session.fragment[1] if session.fragment else 2.0
        try:
            await asyncio.wait_for(stop.wait(), interval)
            return
        except TimeoutError:
            pass
        if session.fragment:
            await session.rerun(fragment=session.fragment[0])
            log.polls += 1


# -- the room ------------------------------------------------------------------------------
@dataclass
class Tap:
    """One answer a participant sent: what, and when (wall clock, as the store writes)."""
    token: str
    measure_id: str
    criterion_id: str
    value: int
    sent: datetime
    acked: datetime


@dataclass
class Log:
    taps: list[Tap] = field(default_factory=list)
    nexts: int = 0  # "Volgende" presses
    polls: int = 0  # fragment reruns (participants' status, facilitators' live view)
    joined: int = 0
    finished: int = 0  # participants who answered every question
    stopped: int = 0  # participants who stopped tapping (finished or out of time)
    views: list[tuple[datetime, int]] = field(default_factory=list)  # (seen, answers counted)
    reasons: list[tuple[str, str, str]] = field(default_factory=list)  # (token, measure, text)
    errors: list[str] = field(default_factory=list)


@dataclass
class Plan:
    code: str
    key: str
    measures: list[str]
    criteria: list[str]
    think: float
    duration: float
    ramp: float  # seconds between two participants' joins
    reason_every: int = REASON_EVERY  # a reason on every n-th measure (0: none)


async def pause(think: float, stop: asyncio.Event) -> bool:
    """A participant's thinking time before a tap; False once the scoring time is over."""
    if think:
        try:
            await asyncio.wait_for(stop.wait(), random.uniform(0, 2 * think))
        except TimeoutError:
            pass
    return not stop.is_set()


async def join(i: int, url: str, plan: Plan, log: Log) -> tuple[Session, str]:
    await asyncio.sleep(i * plan.ramp)
    s = await Session(url, f"join={plan.code}").__aenter__()
    await s.rerun()
    await s.settle(lambda: s.button("Doe mee") is not None)
    await s.rerun(trigger=s.button("Doe mee"))
    await s.settle(lambda: "p=" in s.query and s.widget("ans-1-0-0") is not None)
    log.joined += 1
    return s, urllib.parse.parse_qs(s.query)["p"][0]


async def score(i: int, s: Session, token: str, plan: Plan, log: Log,
                stop: asyncio.Event) -> None:
    """Measure by measure: a pill per criterion (kept in the form), then "Volgende",
    which sends the measure; a pause before each tap."""
    for m, measure_id in enumerate(plan.measures):
        await s.settle(lambda m=m: s.widget(f"ans-1-{m}-0") is not None)
        chosen = []
        for c, criterion_id in enumerate(plan.criteria):
            if not await pause(plan.think, stop):
                return
            value = value_of(i, m, c)
            s.choose(f"ans-1-{m}-{c}", pill(value))
            chosen.append((criterion_id, value))
        every = plan.reason_every
        reason = reason_of(i, m) if every and (i + m) % every == 0 else None
        if reason:  # some participants explain a measure
            s.type_text(f"reason-1-{m}", reason)
        if not await pause(plan.think, stop):
            return
        sent = datetime.now()  # a measure's answers leave the phone with "Volgende"
        await s.submit(s.widget("next"))
        acked = datetime.now()
        if reason:
            log.reasons.append((token, measure_id, reason))
        log.taps.extend(Tap(token, measure_id, c, v, sent, acked) for c, v in chosen)
        log.nexts += 1
    log.finished += 1


async def participant(i: int, url: str, plan: Plan, log: Log, go: asyncio.Event,
                      stop: asyncio.Event, quiet: asyncio.Event) -> None:
    s, token = await join(i, url, plan, log)
    poller = asyncio.create_task(poll_fragment(s, quiet, log))
    try:
        await go.wait()
        await score(i, s, token, plan, log, stop)
    except BaseException:
        poller.cancel()
        await s.__aexit__()
        raise
    finally:
        log.stopped += 1
        log.errors.extend(s.errors)
    await quiet.wait()  # the page stays open (and keeps polling) until the run ends
    await poller
    await s.__aexit__()


async def facilitator(url: str, plan: Plan, log: Log, quiet: asyncio.Event,
                      ready: asyncio.Event) -> None:
    def seen(session: Session) -> None:
        try:
            answers = int(session.metrics()["Antwoorden"].split("/")[0])
        except (KeyError, ValueError):
            return
        log.views.append((datetime.now(), answers))

    query = f"session={plan.code}&key={plan.key}"
    async with Session(url, query, page_name="workshop") as s:
        s.on_finished = seen
        await s.rerun()
        await s.settle(lambda: s.fragment is not None)
        ready.set()
        await poll_fragment(s, quiet, log)
        log.errors.extend(s.errors)


async def drive(urls: list[str], plan: Plan, n: int, pids: list[int],
                db_pids: Callable[[], list[int]] = list) -> dict:
    """Participant i talks to urls[i % len(urls)], as nginx spreads browsers over the
    processes; facilitator view r to urls[r % len(urls)]. CPU and memory are summed over
    the server processes (`pids`); `db_pids` lists a database server's processes."""
    log = Log()
    go, stop, quiet = asyncio.Event(), asyncio.Event(), asyncio.Event()
    ready = [asyncio.Event(), asyncio.Event()]
    views = [asyncio.create_task(facilitator(urls[r % len(urls)], plan, log, quiet, ready[r]))
             for r in range(len(ready))]
    for r in ready:
        await r.wait()
    rss_idle = sum(memory_mb(pid) for pid in pids)
    people = [asyncio.create_task(participant(i, urls[i % len(urls)], plan, log, go, stop,
                                              quiet))
              for i in range(n)]

    async def until(done: Callable[[], bool], limit: float) -> None:
        deadline = time.monotonic() + limit
        while not done() and time.monotonic() < deadline:
            failed = next((p for p in people if p.done() and p.exception()), None)
            if failed is not None:
                raise failed.exception()
            await asyncio.sleep(0.2)

    joining = time.monotonic()
    await until(lambda: log.joined == n, 600)
    joined_seconds = time.monotonic() - joining
    def server_cpu() -> float:
        return sum(cpu_seconds(pid) for pid in pids)

    def db_cpu() -> float:
        return sum(cpu_seconds(pid) for pid in db_pids() if Path(f"/proc/{pid}").exists())

    cpu, database, client_cpu, start = (server_cpu(), db_cpu(), time.process_time(),
                                        time.monotonic())
    go.set()
    await until(lambda: log.finished == n, plan.duration)
    stop.set()
    await until(lambda: log.stopped == n, 300)  # the taps still under way complete
    scoring = {"seconds": time.monotonic() - start, "cpu": server_cpu() - cpu,
               "db_cpu": db_cpu() - database, "client_cpu": time.process_time() - client_cpu}
    answered = len(log.taps)
    await until(lambda: any(a >= answered for _, a in log.views[-2:]), CATCH_UP_SECONDS)
    quiet.set()
    await asyncio.gather(*people, *views)
    return {"log": log, "joined_seconds": joined_seconds, "scoring": scoring,
            "rss_idle": rss_idle, "rss_peak": sum(memory_mb(pid, "VmHWM") for pid in pids)}


def prepare(db: Path, n: int, measures: int) -> tuple[str, str, list[str]]:
    store = Store(db)
    assessment = read_assessment(EXAMPLE_DIR)
    assessment_id = store.create(assessment, by=SYSTEM)
    chosen = [m.id for m in assessment.measures][:measures]
    session, key = ws.create_session(store, assessment_id, chosen, CRITERIA,
                                     pillar_split=False, anonymous=True,
                                     hide_until_reveal=True, shuffle=False, by=SYSTEM,
                                     max_participants=max(n, ws.DEFAULT_MAX_PARTICIPANTS))
    ws.open_round(store, session.code, by=SYSTEM, key=key)
    store.close()
    return session.code, key, chosen


@dataclass
class Check:
    """The stored round against what the participants sent."""
    sent: int
    stored: int  # rows with the value the participant sent
    missing: int  # sent, no row
    wrong: int  # a row with another value
    extra: int  # a row nobody sent
    resaved: int  # a row written again after its tap was acknowledged
    stored_after: list[float]  # seconds from sending a tap until its row was written
    stored_at: list[datetime]  # when each row was written, for the facilitator figures
    participants: int  # participant rows
    reasons_sent: int = 0
    reasons_stored: int = 0  # reason rows with the text the participant sent


def check_stored(db: Path, code: str, taps: list[Tap],
                 reasons: list[tuple[str, str, str]] = ()) -> Check:
    store = Store(db)
    stored_reasons = set(store.cursor().execute(
        "SELECT token, measure_id, reason FROM workshop_reasons WHERE code = ? "
        "AND round_no = 1", [code]).fetchall())
    rows = store.cursor().execute(
        "SELECT token, measure_id, criterion_id, value, updated_at FROM workshop_answers "
        "WHERE code = ? AND round_no = 1", [code]).fetchall()
    participants = store.cursor().execute(
        "SELECT count(*) FROM workshop_participants WHERE code = ?", [code]).fetchone()[0]
    store.close()
    by_cell = {(t, m, c): (v, at) for t, m, c, v, at in rows}
    sent = {(t.token, t.measure_id, t.criterion_id): t for t in taps}
    stored = missing = wrong = resaved = 0
    after = []
    for cell, tap in sent.items():
        if cell not in by_cell:
            missing += 1
            continue
        value, at = by_cell[cell]
        if value != tap.value:
            wrong += 1
        else:
            stored += 1
        if at > tap.acked:
            resaved += 1
        else:
            after.append((at - tap.sent).total_seconds())
    return Check(len(sent), stored, missing, wrong, len(set(by_cell) - set(sent)), resaved,
                 after, sorted(at for _v, at in by_cell.values()), participants,
                 len(reasons), len(set(reasons) & stored_reasons))


def visible_after(events: list[datetime], views: list[tuple[datetime, int]]) -> list[float]:
    """For the k-th event (by time), the seconds until a view counted at least k."""
    views = sorted(views)
    times = [t for t, _count in views]
    delays, j = [], 0
    for k, t in enumerate(sorted(events), start=1):
        j = max(j, bisect.bisect_left(times, t))
        while j < len(views) and views[j][1] < k:
            j += 1
        if j == len(views):
            break
        delays.append((views[j][0] - t).total_seconds())
    return delays


def start_server(db: Path | str, folder: Path) -> tuple[subprocess.Popen, int]:
    """`streamlit run app.py` (the browser tests' command) on a free port with
    IMPACT_DB=db, once it answers its health check; its output goes to
    folder/server-<port>.log."""
    port = free_port()
    log = folder / f"server-{port}.log"
    proc = start_streamlit(db, log, port)
    try:
        wait_until_healthy(f"http://127.0.0.1:{port}", proc, log, timeout=120)
    except BaseException:  # pytest's fail(): with the server's log in its message
        stop_server(proc)
        raise
    return proc, port


def run_server_benchmark(n: int, think: float, duration: float, *, ramp: float = 0.05,
                         measures: int = 11, reason_every: int = REASON_EVERY) -> dict:
    """One run: a fresh database and server, n participants, then the stored check."""
    folder = Path(tempfile.mkdtemp(prefix="impact-bench-"))
    db = folder / "bench.duckdb"
    code, key, chosen = prepare(db, n, measures)
    plan = Plan(code, key, chosen, CRITERIA, think, duration, ramp, reason_every)
    proc, port = start_server(db, folder)
    try:
        result = asyncio.run(drive([f"ws://127.0.0.1:{port}/_stcore/stream"], plan, n,
                                   [proc.pid]))
    finally:
        stop_server(proc)
    log: Log = result["log"]
    result["check"] = check_stored(db, code, log.taps, log.reasons)
    result["visible"] = visible_after(result["check"].stored_at, log.views)
    return result


def postgres_processes(cluster) -> Callable[[], list[int]]:
    """The PostgreSQL server's processes: the postmaster and its children (the backends
    serving the app processes' pooled connections)."""
    postmaster = int((cluster.data / "postmaster.pid").read_text().split()[0])

    def pids() -> list[int]:
        found = [postmaster]
        for entry in Path("/proc").iterdir():
            if entry.name.isdigit():
                try:
                    stat = (entry / "stat").read_text().rsplit(")", 1)[1].split()
                except OSError:
                    continue
                if int(stat[1]) == postmaster:
                    found.append(int(entry.name))
        return found

    return pids


def run_processes_benchmark(n: int, think: float, duration: float, processes: int, cluster,
                            *, ramp: float = 0.05, measures: int = 11,
                            reason_every: int = REASON_EVERY) -> dict:
    """One run on PostgreSQL: a fresh database, `processes` app servers on it, the
    participants spread over them, then the stored check."""
    folder = Path(tempfile.mkdtemp(prefix="impact-bench-"))
    db = cluster.new_database()
    code, key, chosen = prepare(db, n, measures)
    plan = Plan(code, key, chosen, CRITERIA, think, duration, ramp, reason_every)
    servers = [start_server(db, folder) for _ in range(processes)]
    try:
        result = asyncio.run(drive([f"ws://127.0.0.1:{port}/_stcore/stream"
                                    for _proc, port in servers], plan, n,
                                   [proc.pid for proc, _port in servers],
                                   postgres_processes(cluster)))
    finally:
        for proc, _port in servers:
            stop_server(proc)
    log: Log = result["log"]
    result["check"] = check_stored(db, code, log.taps, log.reasons)
    result["visible"] = visible_after(result["check"].stored_at, log.views)
    return result


def report_processes(processes: int, n: int, think: float, r: dict) -> None:
    stored, timings, cores = common_cells(r)
    scoring = r["scoring"]
    print(f"| {processes} | {n} | {think:g} s | {stored} | {timings} | {cores} "
          f"| {scoring['db_cpu'] / scoring['seconds']:.2f} | {r['rss_peak']:.0f} MB "
          f"| {scoring['client_cpu'] / scoring['seconds']:.2f} "
          f"| {os.getloadavg()[0]:.1f} | {len(r['log'].errors)} |", flush=True)


def processes_mode(args: argparse.Namespace) -> None:
    """`--processes 1 2`: the same room on PostgreSQL with one and with two app processes."""
    from tests.postgres import Cluster  # the tests' throwaway cluster on 127.0.0.1

    print("Mode: PostgreSQL (a throwaway cluster on 127.0.0.1, no fsync), N `streamlit run "
          "app.py` processes on one database; participant i and facilitator view r talk to "
          "process i mod N and r mod N directly (as nginx's sticky cookie spreads browsers; "
          f"nginx itself not in the loop). CPUs: {os.cpu_count()}. Session: {args.measures} "
          f"measures x {len(CRITERIA)} criteria; scoring for at most {args.duration:g} s; a "
          f"reason on every {args.reason_every or 'no'}-th measure.")
    print("| processes | participants | think | answers stored / sent | missing or wrong "
          "| re-saved | reasons stored / sent | tap → stored p50 / p95 | tap → ack p50 / p95 "
          "| facilitator-visible p50 / p95 | app CPU (cores, all processes) "
          "| PostgreSQL CPU (cores) | app peak RSS (sum) | load client CPU | load average "
          "| page errors |")
    print("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|")
    cluster = Cluster()
    cluster.start()
    try:
        cluster.make_template()
        for think in args.think:
            for n in args.participants:
                for processes in args.processes:
                    report_processes(processes, n, think, run_processes_benchmark(
                        n, think, args.duration, processes, cluster, ramp=args.ramp,
                        measures=args.measures, reason_every=args.reason_every))
    finally:
        cluster.stop()


def ms(values: list[float]) -> str:
    return f"{pct(values, .5) * 1000:.0f} / {pct(values, .95) * 1000:.0f} ms"


def common_cells(r: dict) -> tuple[str, str, str]:
    """The cells both tables share: what was stored (answers stored / sent | missing or
    wrong | re-saved | reasons), the three timings, and the app's CPU in cores."""
    log: Log = r["log"]
    check: Check = r["check"]
    acked = [(t.acked - t.sent).total_seconds() for t in log.taps]
    stored = (f"{check.stored} / {check.sent} | {check.missing + check.wrong + check.extra} "
              f"| {check.resaved} | {check.reasons_stored} / {check.reasons_sent}")
    timings = f"{ms(check.stored_after)} | {ms(acked)} | {ms(r['visible'])}"
    return stored, timings, f"{r['scoring']['cpu'] / r['scoring']['seconds']:.2f}"


def report(n: int, think: float, r: dict) -> None:
    log: Log = r["log"]
    scoring = r["scoring"]
    stored, timings, cores = common_cells(r)
    print(f"| {n} | {think:g} s | {scoring['seconds']:.0f} s | {log.finished} "
          f"| {stored} | {timings} | {cores} "
          f"| {r['rss_peak']:.0f} MB ({r['rss_idle']:.0f} idle) "
          f"| {scoring['client_cpu'] / scoring['seconds']:.2f} "
          f"| {len(log.taps) + log.nexts} taps, {log.polls} polls | {len(log.errors)} |",
          flush=True)
    print(f"  tap → ack p95 per 10 s of scoring: {windows(log.taps)}", file=sys.stderr)


def windows(taps: list[Tap], width: float = 10) -> str:
    """Where in the run the slow taps were (a stall shows as one slow window)."""
    if not taps:
        return "-"
    first = min(t.sent for t in taps)
    buckets: dict[int, list[float]] = {}
    for t in taps:
        slot = int((t.sent - first).total_seconds() // width)
        buckets.setdefault(slot, []).append((t.acked - t.sent).total_seconds())
    return ", ".join(f"{k * width:.0f}s: {pct(v, .95):.2f}" for k, v in sorted(buckets.items()))


def store_threads(n: int) -> None:
    """The store under threads, without Streamlit: the same round written by n threads."""
    folder = Path(tempfile.mkdtemp(prefix="impact-bench-"))
    store = Store(folder / "threads.duckdb")
    assessment_id = store.create(read_assessment(EXAMPLE_DIR), by=SYSTEM)
    session, key = ws.create_session(store, assessment_id, MEASURES, CRITERIA,
                                     pillar_split=False, anonymous=True,
                                     hide_until_reveal=True, shuffle=False, by=SYSTEM)
    code = session.code
    ws.open_round(store, code, by=SYSTEM, key=key)
    clicks: list[float] = []
    barrier = threading.Barrier(n)

    def one(i: int) -> None:
        barrier.wait()
        me = ws.join(store, code)
        for mi, m in enumerate(MEASURES):
            for ci, c in enumerate(CRITERIA):
                t = time.perf_counter()
                ws.submit_answer(store, me.token, m, c, value_of(i, mi, ci), round_no=1)
                clicks.append(time.perf_counter() - t)

    threads = [threading.Thread(target=one, args=(i,)) for i in range(n)]
    start = time.perf_counter()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    took = time.perf_counter() - start
    t = time.perf_counter()
    progress = ws.progress(store, code)
    ws.aggregates(store, code)
    view = time.perf_counter() - t
    print(f"| {n} | {progress.answers} / {n * 9} | {took:.2f} s | "
          f"{pct(clicks, .5) * 1000:.1f} / {pct(clicks, .95) * 1000:.1f} ms | "
          f"{view * 1000:.1f} ms |")
    store.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--participants", type=int, nargs="+", default=[200, 500])
    parser.add_argument("--think", type=float, nargs="+", default=[3.0, 0.0],
                        help="mean seconds a participant waits before each tap (0 = none)")
    parser.add_argument("--duration", type=float, default=75,
                        help="seconds of scoring after everyone joined (less if all finish)")
    parser.add_argument("--ramp", type=float, default=0.05,
                        help="seconds between two participants' joins")
    parser.add_argument("--measures", type=int, default=11,
                        help="measures in the session (3 criteria each)")
    parser.add_argument("--reason-every", type=int, default=REASON_EVERY,
                        help="a reason typed on every n-th measure (0: none, 1: every one)")
    parser.add_argument("--store-threads", action="store_true",
                        help="measure the store under threads instead of a running server")
    parser.add_argument("--processes", type=int, nargs="+",
                        help="on PostgreSQL, with this many app processes each (e.g. 1 2)")
    args = parser.parse_args()
    if args.processes:
        processes_mode(args)
        return
    cpus = os.cpu_count()
    if args.store_threads:
        print(f"Mode: the store under threads (NO Streamlit server). CPUs: {cpus}.")
        print("| participants | answers stored | round took | answer write p50 / p95 "
              "| progress + aggregates query |")
        print("|---|---|---|---|---|")
        for n in args.participants:
            store_threads(n)
        return
    print("Mode: real Streamlit sessions over the websocket of one `streamlit run app.py` "
          f"server, sending the widget states a browser sends; 2 facilitator views polling "
          f"(their live fragment, every 1 s). CPUs: {cpus}. Session: {args.measures} "
          f"measures x {len(CRITERIA)} criteria; scoring for at most {args.duration:g} s; "
          f"a reason on every {args.reason_every or 'no'}-th measure.")
    print("| participants | think | scoring took | finished all | answers stored / sent "
          "| missing or wrong | re-saved | reasons stored / sent | tap → stored p50 / p95 "
          "| tap → ack p50 / p95 "
          "| facilitator-visible p50 / p95 | server CPU (cores) | server peak RSS "
          "| load client CPU (cores) | load | page errors |")
    print("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|")
    for think in args.think:
        for n in args.participants:
            report(n, think, run_server_benchmark(n, think, args.duration, ramp=args.ramp,
                                                  measures=args.measures,
                                                  reason_every=args.reason_every))


if __name__ == "__main__":
    main()
