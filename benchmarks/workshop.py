"""Workshop load: N participants submit a full round at once while 2 facilitator views poll.

What this drives: REAL Streamlit sessions over the server's websocket. One
`streamlit run app.py` process is started per run; every simulated participant is
its own websocket connection speaking Streamlit's protocol (protobuf BackMsg /
ForwardMsg) exactly as a browser tab does: it opens the join link, presses
"Doe mee", picks a pill per criterion, presses "Volgende", and (like the browser)
lets the page's status fragment rerun every 3 s. Two facilitator connections hold
the facilitator page open and rerun its live fragment every second, as the browser
does for `st.fragment(run_every=1)`. No browser rendering is simulated.

Set-up outside the server: the benchmark writes the example assessment and a session
(3 measures x 3 criteria, round 1 open) into a fresh database before it starts the
server (the server holds the DuckDB file lock while it runs). After the server has
stopped, it reopens the file and checks that every answer is stored with the value
the participant picked.

Figures:
- answers stored / expected (must be equal), and wrong values (must be 0);
- click: the time from a participant's click until the server finished the rerun
  that stored it (p50, p95);
- visible: the time from an answer being stored until a facilitator view's counter
  includes it, and the same for a participant finishing the round (p50, p95);
- server memory (RSS) per participant: RSS after the round minus RSS before the
  participants connected, divided by N.

Usage: .venv/bin/python benchmarks/workshop.py [--participants 100 200] [--think 0]
       .venv/bin/python benchmarks/workshop.py --store-threads   (no server: the store
       under threads, for comparison)
"""

from __future__ import annotations

import argparse
import asyncio
import os
import random
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from streamlit.proto.BackMsg_pb2 import BackMsg  # noqa: E402
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg  # noqa: E402
from streamlit.proto.WidgetStates_pb2 import WidgetState  # noqa: E402
from websockets.asyncio.client import connect  # noqa: E402

from impact import workshop as ws  # noqa: E402
from impact.access import SYSTEM  # noqa: E402
from impact.io import read_assessment  # noqa: E402
from impact.store import EXAMPLE_DIR, Store  # noqa: E402

MEASURES = ["M01", "M02", "M03"]
CRITERIA = ["eco_bio", "econ_farm", "ppl_health"]
WORDS = {-3: "zeer negatief", -2: "negatief", -1: "licht negatief", 0: "neutraal",
         1: "licht positief", 2: "positief", 3: "zeer positief"}
DONE = {ForwardMsg.FINISHED_SUCCESSFULLY, ForwardMsg.FINISHED_FRAGMENT_RUN_SUCCESSFULLY,
        ForwardMsg.FINISHED_WITH_COMPILE_ERROR}


def pill(value: int) -> str:
    return f"{value:+d} {WORDS[value]}".replace("+0 ", "0 ")


def value_of(i: int, m: int, c: int) -> int:
    return random.Random(i * 1000 + m * 10 + c).randint(-3, 3)


def pct(values: list[float], q: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(q * (len(ordered) - 1))))]


def cpu_seconds(pid: int) -> float:
    """User + system CPU time of a process so far."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


# -- one Streamlit session over its websocket ------------------------------------------
class Session:
    """A minimal Streamlit client: reruns with widget states, reads the element deltas."""

    def __init__(self, url: str, query: str, page_name: str = "") -> None:
        self.url, self.query, self.page_name = url, query, page_name
        self.elements: dict[str, tuple[str, object]] = {}  # widget id -> (kind, proto)
        self.fragment_of: dict[str, str] = {}  # widget id -> id of the fragment holding it
        self._fragment_run = False
        self.metrics: dict[str, str] = {}
        self.values: dict[str, WidgetState] = {}
        self.fragment: tuple[str, float] | None = None
        self.errors: list[str] = []
        self.lock = asyncio.Lock()
        self._finished = asyncio.Event()
        self.on_metrics = None

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
                if not self._fragment_run:  # a fragment run replaces only its elements
                    self.elements = {}
            elif kind == "delta" and msg.delta.WhichOneof("type") == "new_element":
                element = msg.delta.new_element
                etype = element.WhichOneof("type")
                proto = getattr(element, etype)
                if etype == "metric":
                    self.metrics[proto.label] = proto.body
                elif etype == "exception":
                    self.errors.append(proto.message)
                elif getattr(proto, "id", ""):
                    self.elements[proto.id] = (etype, proto)
                    self.fragment_of[proto.id] = msg.delta.fragment_id
            elif kind == "page_info_changed":
                self.query = msg.page_info_changed.query_string
            elif kind == "auto_rerun":
                self.fragment = (msg.auto_rerun.fragment_id, msg.auto_rerun.interval)
            elif kind == "script_finished" and msg.script_finished in DONE:
                if self.on_metrics and self.metrics:
                    self.on_metrics(dict(self.metrics))
                self._finished.set()

    def widget(self, key: str) -> str | None:
        return next((i for i in self.elements if i.endswith("-" + key)), None)

    def button(self, label: str) -> str | None:
        return next((i for i, (k, p) in self.elements.items()
                     if k == "button" and p.label == label), None)

    async def rerun(self, *, trigger: str | None = None, fragment: str | None = None,
                    changed: str | None = None, timeout: float = 300) -> None:
        """A rerun as the browser asks for it: the whole page, or only the fragment of the
        widget that changed (`changed`/`trigger`), or a timed fragment run (`fragment`)."""
        async with self.lock:
            msg = BackMsg()
            state = msg.rerun_script
            state.query_string = self.query
            state.page_name = self.page_name
            if fragment:
                state.fragment_id = fragment
                state.is_auto_rerun = True
            elif self.fragment_of.get(changed or trigger or ""):
                state.fragment_id = self.fragment_of[changed or trigger]
            self._fragment_run = bool(state.fragment_id)
            live = [v for i, v in self.values.items() if i in self.elements]
            state.widget_states.widgets.extend(live)
            if trigger:
                state.widget_states.widgets.append(WidgetState(id=trigger, trigger_value=True))
            self._finished.clear()
            await self._conn.send(msg.SerializeToString())
            await asyncio.wait_for(self._finished.wait(), timeout)

    async def settle(self, predicate, timeout: float = 300) -> None:
        """Wait (through follow-up reruns the server starts itself) until predicate holds."""
        deadline = time.monotonic() + timeout
        while not predicate():
            if time.monotonic() > deadline:
                raise TimeoutError(f"page did not settle; errors={self.errors}")
            self._finished.clear()
            try:
                await asyncio.wait_for(self._finished.wait(), 1.0)
            except TimeoutError:
                await self.rerun()

    def choose(self, key: str, label: str) -> str:
        wid = self.widget(key)
        if wid is None:
            raise RuntimeError(f"no widget {key}; errors={self.errors}")
        self.values[wid] = WidgetState(id=wid)
        self.values[wid].string_array_value.data.append(label)
        return wid


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


@dataclass
class Log:
    clicks: list[float] = field(default_factory=list)  # seconds per answer click
    reruns: int = 0  # full reruns the participants asked for (clicks, joins, "next")
    polls: int = 0  # fragment reruns (participants' status, facilitators' live view)
    stored: list[float] = field(default_factory=list)  # monotonic time an answer was stored
    finished: list[float] = field(default_factory=list)  # time a participant finished
    views: list[tuple[float, int, int]] = field(default_factory=list)  # (t, finished, answers)
    errors: list[str] = field(default_factory=list)


async def participant(i: int, url: str, code: str, log: Log, think: float,
                      stop: asyncio.Event) -> None:
    async with Session(url, f"join={code}") as s:
        await s.rerun()
        await s.settle(lambda: s.button("Doe mee") is not None)
        await s.rerun(trigger=s.button("Doe mee"))
        await s.settle(lambda: "p=" in s.query and s.widget("ans-1-0-0") is not None)
        poller = asyncio.create_task(poll_fragment(s, stop, log))
        for m in range(len(MEASURES)):
            await s.settle(lambda m=m: s.widget(f"ans-1-{m}-0") is not None)
            for c in range(len(CRITERIA)):
                if think:
                    await asyncio.sleep(random.uniform(0, 2 * think))
                widget = s.choose(f"ans-1-{m}-{c}", pill(value_of(i, m, c)))
                start = time.monotonic()
                await s.rerun(changed=widget)
                log.reruns += 1
                now = time.monotonic()
                log.clicks.append(now - start)
                log.stored.append(now)
            await s.rerun(trigger=s.widget("next"))
            log.reruns += 1
        log.finished.append(time.monotonic())
        log.errors.extend(s.errors)
        await stop.wait()
        poller.cancel()


async def facilitator(url: str, code: str, key: str, log: Log, stop: asyncio.Event,
                      ready: asyncio.Event) -> None:
    def seen(metrics: dict[str, str]) -> None:
        try:
            finished = int(metrics["Klaar"].split("/")[0])
            answers = int(metrics["Antwoorden"].split("/")[0])
        except (KeyError, ValueError):
            return
        log.views.append((time.monotonic(), finished, answers))

    async with Session(url, f"session={code}&key={key}", page_name="workshop") as s:
        s.on_metrics = seen
        await s.rerun()
        await s.settle(lambda: s.fragment is not None)
        ready.set()
        await poll_fragment(s, stop, log)
        log.errors.extend(s.errors)


def visible_after(events: list[float], views: list[tuple[float, int, int]],
                  index: int) -> list[float]:
    """For the k-th event (by time), the delay until a view counted at least k."""
    delays = []
    ordered_views = sorted(views)
    for k, t in enumerate(sorted(events), start=1):
        seen = next((tv for tv, *counts in ordered_views if tv >= t and counts[index] >= k),
                    None)
        if seen is not None:
            delays.append(seen - t)
    return delays


async def drive(base_ws: str, code: str, key: str, n: int, think: float, pid: int) -> dict:
    log = Log()
    stop = asyncio.Event()
    ready = [asyncio.Event(), asyncio.Event()]
    views = [asyncio.create_task(facilitator(base_ws, code, key, log, stop, r)) for r in ready]
    for r in ready:
        await r.wait()
    await asyncio.sleep(2)
    rss_before = rss_mb(pid)
    cpu_before = cpu_seconds(pid)
    start = time.monotonic()
    people = [asyncio.create_task(participant(i, base_ws, code, log, think, stop))
              for i in range(n)]
    while len(log.finished) < n:
        if any(p.done() and p.exception() for p in people):
            for p in people:
                if p.done() and p.exception():
                    raise p.exception()
        await asyncio.sleep(0.5)
    round_seconds = time.monotonic() - start
    cpu_round = cpu_seconds(pid) - cpu_before
    reruns, polls = log.reruns + 2 * n, log.polls  # + the join page and the join click
    expected_answers = n * len(MEASURES) * len(CRITERIA)
    deadline = time.monotonic() + 60  # let the views catch up
    while time.monotonic() < deadline and not any(
            f >= n and a >= expected_answers for _, f, a in log.views):
        await asyncio.sleep(0.5)
    rss_after = rss_mb(pid)
    stop.set()
    await asyncio.gather(*people, *views, return_exceptions=True)
    return {
        "log": log, "round_seconds": round_seconds, "cpu_round": cpu_round,
        "reruns": reruns, "polls": polls,
        "rss_before": rss_before, "rss_after": rss_after,
    }


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def prepare(db: Path) -> tuple[str, str]:
    store = Store(db)
    assessment_id = store.create(read_assessment(EXAMPLE_DIR), by=SYSTEM)
    session, key = ws.create_session(store, assessment_id, MEASURES, CRITERIA,
                                     pillar_split=False, anonymous=True,
                                     hide_until_reveal=True, shuffle=False, by=SYSTEM)
    ws.open_round(store, session.code, by=SYSTEM, key=key)
    store.close()
    return session.code, key


def check_stored(db: Path, code: str, n: int) -> tuple[int, int, int]:
    store = Store(db)
    rows = store.cursor().execute(
        "SELECT p.joined_at, a.measure_id, a.criterion_id, a.value FROM workshop_answers a "
        "JOIN workshop_participants p ON p.token = a.token WHERE a.code = ?", [code]
    ).fetchall()
    participants = store.cursor().execute(
        "SELECT count(*) FROM workshop_participants WHERE code = ?", [code]).fetchone()[0]
    store.close()
    # Values: each participant i picked value_of(i, m, c); the multiset per cell must match.
    got: dict[tuple[str, str], list[float]] = {}
    for _joined, m, c, v in rows:
        got.setdefault((m, c), []).append(v)
    wrong = 0
    for mi, m in enumerate(MEASURES):
        for ci, c in enumerate(CRITERIA):
            want = sorted(value_of(i, mi, ci) for i in range(n))
            wrong += sum(1 for a, b in zip(sorted(got.get((m, c), [])), want, strict=False)
                         if a != b)
    return len(rows), wrong, participants


def run_server_benchmark(n: int, think: float) -> dict:
    folder = Path(tempfile.mkdtemp(prefix="impact-bench-"))
    db = folder / "bench.duckdb"
    code, key = prepare(db)
    port = free_port()
    env = dict(os.environ, IMPACT_DB=str(db))
    log_file = open(folder / "server.log", "wb")  # noqa: SIM115
    proc = subprocess.Popen(
        [sys.executable, "-m", "streamlit", "run", "app.py", "--server.port", str(port),
         "--server.headless", "true", "--browser.gatherUsageStats", "false"],
        cwd=ROOT, env=env, stdout=log_file, stderr=subprocess.STDOUT,
    )
    try:
        deadline = time.monotonic() + 120
        while True:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/_stcore/health",
                                            timeout=2):
                    break
            except OSError:
                if time.monotonic() > deadline or proc.poll() is not None:
                    raise RuntimeError((folder / "server.log").read_text()) from None
                time.sleep(0.3)
        result = asyncio.run(drive(f"ws://127.0.0.1:{port}/_stcore/stream", code, key, n,
                                   think, proc.pid))
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            proc.kill()
        log_file.close()
    stored, wrong, joined = check_stored(db, code, n)
    result.update(stored=stored, wrong=wrong, joined=joined,
                  expected=n * len(MEASURES) * len(CRITERIA))
    return result


def report(n: int, r: dict) -> None:
    log: Log = r["log"]
    answer_delay = visible_after(log.stored, log.views, 1)
    finish_delay = visible_after(log.finished, log.views, 0)
    per_participant = (r["rss_after"] - r["rss_before"]) / n
    print(f"| {n} | {r['stored']} / {r['expected']} | {r['wrong']} | {r['joined']} "
          f"| {r['round_seconds']:.1f} s "
          f"| {pct(log.clicks, .5) * 1000:.0f} / {pct(log.clicks, .95) * 1000:.0f} ms "
          f"| {pct(answer_delay, .5):.2f} / {pct(answer_delay, .95):.2f} s "
          f"| {pct(finish_delay, .5):.2f} / {pct(finish_delay, .95):.2f} s "
          f"| {r['rss_before']:.0f} → {r['rss_after']:.0f} MB ({per_participant:.2f} MB) "
          f"| {r['cpu_round']:.0f} s for {r['reruns']} reruns + {r['polls']} polls "
          f"| {len(log.errors)} |")


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
    parser.add_argument("--participants", type=int, nargs="+", default=[100, 200])
    parser.add_argument("--think", type=float, default=0.0,
                        help="mean seconds a participant thinks before each click (0 = none)")
    parser.add_argument("--store-threads", action="store_true",
                        help="measure the store under threads instead of a running server")
    args = parser.parse_args()
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
          f"server; 2 facilitator views polling (their live fragment, every 1 s). CPUs: {cpus}. "
          f"Round: {len(MEASURES)} measures x {len(CRITERIA)} criteria per participant, "
          f"think time {args.think:g} s.")
    print("| participants | answers stored | wrong values | participants stored "
          "| round took | click p50 / p95 | answer visible to facilitator p50 / p95 "
          "| finished visible p50 / p95 | server RSS (per participant) "
          "| server CPU during the round | page errors |")
    print("|---|---|---|---|---|---|---|---|---|---|---|")
    for n in args.participants:
        report(n, run_server_benchmark(n, args.think))


if __name__ == "__main__":
    main()
