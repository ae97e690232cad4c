"""Benchmark of validating and importing large assessment files (prints a table).

    .venv/bin/python benchmarks/imports.py [--sizes 5000 20000 100000] [--formats csv xlsx]

For each size and format it writes the example's 13 criteria with that many generated
measures (every score filled) and then, each in a fresh process so that peak memory is
that step's own:
- `validate`: reading and checking the whole file (no database);
- `import`: reading, checking and storing it in a new DuckDB file, while a live workshop
  (50 participants) keeps answering on the same database in another thread. It reports
  how long the import held the write lock and the longest an answer waited.

Targets (issue 11): 20,000 measures import in under 30 s; a workshop answer never waits
on an import for more than a fraction of a second.
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import subprocess
import sys
import tempfile
import threading
import time
from contextlib import contextmanager
from pathlib import Path

from impact import workshop as ws
from impact.access import SYSTEM
from impact.io import read_assessment, write_assessment
from impact.model import Assessment, Measure, Score
from impact.store import EXAMPLE_DIR, Store

SUFFIX = {"csv": ".zip", "xlsx": ".xlsx"}


def generated(measures: int) -> Assessment:
    a = read_assessment(EXAMPLE_DIR)
    rng = random.Random(measures)
    a.measures = [Measure(f"M{i:06d}", f"Maatregel {i}", f"Measure {i}", "x" * 40)
                  for i in range(measures)]
    a.scores = {}
    for m in a.measures:
        for c in a.criteria:
            low, high = sorted((c.scale_min, c.scale_max))
            a.scores[(m.id, c.id)] = Score(m.id, c.id, float(round(rng.uniform(low, high))))
    return a


def step_validate(path: Path) -> dict:
    start = time.perf_counter()
    a = read_assessment(path)
    return {"seconds": time.perf_counter() - start, "measures": len(a.measures)}


def step_import(path: Path, db: Path) -> dict:
    store = Store(db)
    small = read_assessment(EXAMPLE_DIR)
    aid = store.create(small, by=SYSTEM)
    session, key = ws.create_session(store, aid, [m.id for m in small.measures[:3]],
                                   [c.id for c in small.criteria[:3]], pillar_split=False,
                                   anonymous=True, hide_until_reveal=False, shuffle=False,
                                   by=SYSTEM)
    tokens = [ws.join(store, session.code).token for _ in range(50)]
    ws.open_round(store, session.code, by=SYSTEM, key=key)
    held = _time_the_write_lock(store)
    waits: list[float] = []
    stop = threading.Event()

    def workshop() -> None:  # answers one after another, as fast as the store takes them
        i = 0
        while not stop.is_set():
            token = tokens[i % len(tokens)]
            sent = time.perf_counter()
            ws.submit_answer(store, token, small.measures[0].id, small.criteria[0].id,
                             float(i % 50), round_no=1)
            waits.append(time.perf_counter() - sent)
            i += 1

    answering = threading.Thread(target=workshop)
    answering.start()
    time.sleep(0.2)
    start = time.perf_counter()
    before = len(waits)
    a = read_assessment(path)
    store.create(a, by=SYSTEM)
    seconds = time.perf_counter() - start
    during = waits[before:]
    stop.set()
    answering.join()
    store.close()
    return {"seconds": seconds, "lock_seconds": max(held), "answers": len(during),
            "max_wait": max(during) if during else float("nan")}


def _time_the_write_lock(store: Store) -> list[float]:
    """Record how long each write transaction holds the lock."""
    held: list[float] = []
    original = store.transaction

    @contextmanager
    def timed():
        with original() as cur:
            start = time.perf_counter()
            yield cur
            held.append(time.perf_counter() - start)

    store.transaction = timed  # type: ignore[method-assign]
    return held


def run_step(step: str, path: Path, db: Path) -> dict:
    """One step in a fresh process; adds its peak memory (MB)."""
    out = subprocess.run([sys.executable, __file__, "--step", step, str(path), str(db)],
                         capture_output=True, text=True, check=True)
    return json.loads(out.stdout)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", nargs="+", type=int, default=[5_000, 20_000, 100_000])
    parser.add_argument("--formats", nargs="+", choices=list(SUFFIX), default=["csv", "xlsx"])
    parser.add_argument("--step", nargs=3, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.step:
        step, path, db = args.step
        result = step_validate(Path(path)) if step == "validate" else step_import(
            Path(path), Path(db))
        result["peak_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print(json.dumps(result))
        return
    print(f"{'measures':>9} {'format':>6} {'file MB':>8} {'validate s':>11} {'peak MB':>8} "
          f"{'import s':>9} {'peak MB':>8} {'lock s':>7} {'answers':>8} {'max wait s':>10}")
    with tempfile.TemporaryDirectory() as folder:
        for size in args.sizes:
            a = generated(size)
            for fmt in args.formats:
                path = Path(folder) / f"m{size}{SUFFIX[fmt]}"
                write_assessment(a, path)
                check = run_step("validate", path, Path(folder) / "unused")
                db = Path(folder) / f"m{size}-{fmt}.duckdb"
                stored = run_step("import", path, db)
                print(f"{size:>9} {fmt:>6} {path.stat().st_size / 1e6:>8.1f} "
                      f"{check['seconds']:>11.2f} {check['peak_mb']:>8.0f} "
                      f"{stored['seconds']:>9.2f} {stored['peak_mb']:>8.0f} "
                      f"{stored['lock_seconds']:>7.2f} {stored['answers']:>8} "
                      f"{stored['max_wait']:>10.3f}", flush=True)


if __name__ == "__main__":
    main()
