"""Uniform samples of the feasible weights: the simplex intersected with a box.

SMAA with weight ranges (Lahdelma & Salminen 2001; Tervonen & Lahdelma 2007) draws
the weights uniformly from W = {w >= 0, sum w = 1, low <= w <= high}. Drawing each
weight in its range and renormalising does not do that (the sum moves samples out
of their ranges and the density is no longer uniform); this module does:

- exact rejection sampling when enough of the candidates land in the box: w = low +
  (1 - sum low) u with u uniform on the simplex covers {w >= low, sum w = 1}
  uniformly, and only the upper bounds reject;
- hit-and-run (Smith 1984) otherwise: a Markov chain whose steps go along a random
  direction in the plane sum w = 1, to a uniform point of the chord through the
  box; it converges to the uniform distribution on W, and is run in many chains at
  once, after a burn-in, keeping every `thin`-th point.

Samples come from a buffer filled in fixed batches, so the stream of weights does
not depend on how many a caller asks for at a time (SMAA's blocks).
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np

__all__ = ["CHAINS", "BoxSimplex", "acceptance_rate", "feasible_box"]

# below this share of accepted candidates, hit-and-run (rejection would draw > 50x)
MIN_ACCEPTANCE = 0.02
_PILOT = 4096  # candidates to estimate the acceptance rate
_BATCH = 4096  # candidates (rejection) per refill
CHAINS = 1024  # hit-and-run chains run side by side


def feasible_box(low: np.ndarray, high: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """(low, high) as shares of the total: as given when the box meets the simplex
    (sum low <= 1 <= sum high), else both divided by the sum of the ranges' middles
    (weights stated in any unit, say points out of 10: the box's centre is then
    feasible)."""
    low = np.asarray(low, dtype=float)
    high = np.asarray(high, dtype=float)
    if low.sum() <= 1.0 + 1e-12 and high.sum() >= 1.0 - 1e-12:
        return low, high
    total = (low + high).sum() / 2
    return low / total, high / total


def acceptance_rate(low: np.ndarray, high: np.ndarray, free: np.ndarray,
                    rng: np.random.Generator, size: int = _PILOT) -> float:
    """The share of shifted-simplex candidates that land in the box."""
    return float(_candidates(low, high, free, rng, size)[1].mean())


def _candidates(low, high, free, rng, size) -> tuple[np.ndarray, np.ndarray]:
    rest = 1.0 - low.sum()
    e = rng.standard_exponential((size, int(free.sum())))
    w = np.broadcast_to(low, (size, len(low))).copy()
    w[:, free] += rest * e / e.sum(axis=1, keepdims=True)
    inside = (w[:, free] <= high[free] + 1e-15).all(axis=1)
    return w, inside


class BoxSimplex:
    """A weight sampler ``(rng, k) -> k x c`` uniform on the simplex within [low, high].

    `low`, `high`: shares (see `feasible_box`) with sum low <= 1 <= sum high.
    `method`: "auto" (rejection if its acceptance rate is at least
    `MIN_ACCEPTANCE`, else hit-and-run), "rejection" or "hit-and-run".
    """

    def __init__(self, low: np.ndarray, high: np.ndarray, method: str = "auto",
                 *, burn_in: int | None = None, thin: int | None = None):
        self.low = np.minimum(np.asarray(low, dtype=float), high)
        self.high = np.asarray(high, dtype=float)
        self.free = self.high - self.low > 1e-15
        self.method = method
        f = int(self.free.sum())
        # hit-and-run forgets its start in about f^2 steps (measured: 8 free weights,
        # distribution within sampling error after 200 steps); burn-in 5 f^2 + 100
        # leaves a margin, and a chain gives one sample per `thin` steps
        self.burn_in = burn_in if burn_in is not None else 5 * f * f + 100
        self.thin = thin if thin is not None else f * f // 4 + 5
        self._buffer = np.empty((0, len(self.low)))
        self._chains: np.ndarray | None = None
        self._low_free = self._high_free = np.empty(0)
        self._fill: Callable[[np.random.Generator], np.ndarray] | None = None

    def __call__(self, rng: np.random.Generator, k: int) -> np.ndarray:
        if self._fill is None:
            self._fill = self._choose(rng)
        while len(self._buffer) < k:
            self._buffer = np.vstack([self._buffer, self._fill(rng)])
        out, self._buffer = self._buffer[:k], self._buffer[k:]
        return out

    def _choose(self, rng: np.random.Generator) -> Callable[[np.random.Generator], np.ndarray]:
        if self.free.sum() <= 1:  # one point: the fixed weights and what is left
            point = self.low.copy()
            point[self.free] = 1.0 - self.low[~self.free].sum()
            return lambda _rng: np.tile(point, (_BATCH, 1))
        if self.method == "rejection":
            return self._rejection
        if self.method == "hit-and-run":
            return self._hit_and_run
        rate = acceptance_rate(self.low, self.high, self.free, rng)
        return self._rejection if rate >= MIN_ACCEPTANCE else self._hit_and_run

    def _rejection(self, rng: np.random.Generator) -> np.ndarray:
        w, inside = _candidates(self.low, self.high, self.free, rng, _BATCH)
        return np.minimum(w[inside], self.high)

    def _start(self) -> np.ndarray:
        """A feasible point: low + t (high - low) with the t that makes the sum 1."""
        span = self.high - self.low
        t = (1.0 - self.low.sum()) / span.sum()
        return np.tile((self.low + t * span)[self.free], (CHAINS, 1))

    def _step(self, rng: np.random.Generator, x: np.ndarray) -> np.ndarray:
        """One hit-and-run step of every chain (rows of x: the free weights)."""
        g = rng.standard_normal(x.shape)
        d = g - g.mean(axis=1, keepdims=True)  # a direction that keeps the sum
        with np.errstate(divide="ignore", invalid="ignore"):
            a = (self._low_free - x) / d
            b = (self._high_free - x) / d
        lo_t = np.minimum(a, b).max(axis=1)  # the chord through the box
        hi_t = np.maximum(a, b).min(axis=1)
        t = lo_t + rng.random(len(x)) * (hi_t - lo_t)
        return np.clip(x + t[:, None] * d, self._low_free, self._high_free)

    def _hit_and_run(self, rng: np.random.Generator) -> np.ndarray:
        if self._chains is None:
            self._low_free, self._high_free = self.low[self.free], self.high[self.free]
            x = self._start()
            for _ in range(self.burn_in):
                x = self._step(rng, x)
            self._chains = x
        x = self._chains
        for _ in range(self.thin):
            x = self._step(rng, x)
        self._chains = x
        out = np.tile(self.low, (len(x), 1))
        out[:, self.free] = x
        return out
