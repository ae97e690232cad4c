"""Benchmark of the package within a budget (prints a table; not part of the tests).

    .venv/bin/python benchmarks/portfolio.py [--sizes 100 500] [--steps 20]

On random measures (costs 1..100, scores and pillar scores uniform, one exclusive group
per 10 measures, an ecology floor of 0.4): the time of one best package at half the
total cost, and of the whole frontier (`--steps` budgets). Target (issue 15): one
package for 100 measures in well under a second. Timings are medians of 3 runs.
"""

from __future__ import annotations

import argparse
import statistics
import time

import numpy as np

from impact import portfolio


def options(n: int, seed: int = 0) -> portfolio.Candidates:
    rng = np.random.default_rng(seed)
    groups: dict[str, list[int]] = {}
    for i in range(n):
        if i % 3 == 0:
            groups.setdefault(f"g{i // 10}", []).append(i)
    return portfolio.Candidates(
        ids=[f"M{i}" for i in range(n)], cost=rng.integers(1, 101, n).astype(float),
        score=rng.random(n), pillar={p: rng.random(n) for p in ("ecology", "economy", "people")},
        groups=groups)


def timed(work) -> float:
    runs = []
    for _ in range(3):
        start = time.perf_counter()
        work()
        runs.append(time.perf_counter() - start)
    return statistics.median(runs)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", nargs="+", type=int, default=[100, 500])
    parser.add_argument("--steps", type=int, default=20)
    args = parser.parse_args()
    floors = {"ecology": 0.4}
    print(f"{'measures':>9} {'one package s':>14} {'frontier s':>11} {'steps':>6}")
    for n in args.sizes:
        o = options(n)
        half = float(o.cost.sum()) / 2
        one = timed(lambda o=o, half=half: portfolio.best_package(o, half, floors=floors))
        front = timed(lambda o=o: portfolio.frontier(o, steps=args.steps, floors=floors))
        print(f"{n:>9} {one:>14.3f} {front:>11.2f} {args.steps:>6}", flush=True)


if __name__ == "__main__":
    main()
