"""Rerun time of the results page on the example assessment, measured with AppTest.

    .venv/bin/python benchmarks/pages.py [--runs 20]

Prints a table: the first run (imports, caches cold), reruns with nothing changed
(what a user waits for after any click that does not touch the weights), reruns
after a weight change (an engine evaluation per new weight, cached afterwards),
and the weights and sensitivity pages for comparison. Target (DESIGN.md): a rerun
of the results page < 300 ms. Uses a fresh database in a temporary folder.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def timed(fn) -> float:
    start = time.perf_counter()
    fn()
    return (time.perf_counter() - start) * 1000


def summary(label: str, samples: list[float]) -> str:
    ordered = sorted(samples)
    p90 = ordered[min(len(ordered) - 1, int(round(0.9 * (len(ordered) - 1))))]
    return (f"{label:<44} {len(samples):>4} {statistics.median(samples):>9.0f} "
            f"{p90:>9.0f} {max(samples):>9.0f}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=20)
    args = parser.parse_args()
    os.environ["IMPACT_DB"] = str(Path(tempfile.mkdtemp()) / "bench.duckdb")
    from streamlit.testing.v1 import AppTest

    def page(path: str) -> AppTest:
        at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
        at.run()
        at.switch_page(path)
        return at

    rows: list[str] = []
    at = page("views/results.py")
    first = timed(at.run)
    assert not at.exception, [e.value for e in at.exception]
    rows.append(summary("results: first run (cold)", [first]))
    rows.append(summary("results: rerun, nothing changed",
                        [timed(at.run) for _ in range(args.runs)]))

    ecology = at.slider[0]
    changed = []
    for k in range(args.runs):
        value = 20 + (k * 7) % 60  # a new weight each time: an engine run per rerun
        ecology = at.slider[0]
        ecology.set_value(value)
        changed.append(timed(at.run))
        assert not at.exception, [e.value for e in at.exception]
    rows.append(summary("results: rerun after a new weight (uncached)", changed))
    again = []
    for k in range(args.runs):
        value = 20 + (k * 7) % 60  # the same weights again: served from the cache
        at.slider[0].set_value(value)
        again.append(timed(at.run))
    rows.append(summary("results: rerun after a weight seen before", again))

    for path in ("views/weights.py", "views/sensitivity.py"):
        other = page(path)
        other.run()
        rows.append(summary(f"{path.split('/')[-1][:-3]}: rerun, nothing changed",
                            [timed(other.run) for _ in range(max(args.runs // 2, 3))]))

    print(f"{'what (ms)':<44} {'runs':>4} {'median':>9} {'p90':>9} {'max':>9}")
    print("\n".join(rows))
    print("target: a rerun of the results page < 300 ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
