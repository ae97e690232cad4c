"""Weight-stability intervals: how far one pillar's weight can move before the result changes."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd

from impact import methods
from impact.engine import (
    criterion_labels,
    prepare_assessment,
    ranked_last_mask,
    resolve_weights,
)
from impact.knockouts import ranked_last
from impact.methods.base import Method, one_blas_thread
from impact.methods.problem import EngineError, Problem
from impact.pillars import (
    PILLAR_NAMES,
    PillarStructure,
    normalise_pillar_weights,
    pillar_map,
    present_pillars,
)
from impact.weighting import Weighting, resolve_weighting

if TYPE_CHECKING:
    from impact.model import Assessment

__all__ = ["weight_stability"]

_GRID = 201  # grid of 0.5 percentage points, refined by bisection
_BISECT = 40


def weight_stability(
    assessment: Assessment, weighting: Weighting | None = None, **separate: Any
) -> pd.DataFrame:
    """For each pillar, the range of its weight in which the result stays the same.

    Under `weighting`, or the older keywords in `separate`
    (pillar_weights, method, criterion_weights, profile; see
    `impact.weighting.resolve_weighting`). One row per pillar with criteria: its
    current (normalised) `weight`; `top_low`..`top_high`, the interval of that
    pillar's weight in which the same measure(s) stay first; `order_low`..`order_high`,
    the interval in which the whole order stays the same; `top`, the current first
    measure(s). While one pillar's weight moves, the other pillars keep their
    proportions (equal shares if they both weigh 0). At an interval's end two
    measures tie. A measure that fails a knock-out or is below a pillar floor ranks
    after every other one at every weight (`impact.engine.ranked_last_mask`; a pillar
    score does not depend on the pillar weights), so it never becomes first.

    The boundaries are found on a grid of 0.5 percentage points and refined by
    bisection to about 1e-9. For ``wsm``, ``spotis`` and ``promethee`` every score is
    linear in the weight, so the stable set is one interval and the result exact; for
    ``topsis`` and ``vikor`` it is the interval around the current weight seen on that
    grid.
    """
    chosen = resolve_weighting(assessment, weighting, **separate)
    try:
        with one_blas_thread():
            return _weight_stability(assessment, chosen)
    except EngineError as err:
        raise err.with_labels(criterion_labels(assessment)) from None


def _weight_stability(assessment: Assessment, weighting: Weighting) -> pd.DataFrame:
    chosen = methods.get(weighting.method)
    p = prepare_assessment(assessment, weighting)
    chosen.check(p)
    pmap = pillar_map(assessment.pillar_of(), p.criteria)
    present = present_pillars(pmap)
    pw_raw, within = resolve_weights(assessment, weighting)
    pw = normalise_pillar_weights(pw_raw, present)
    structure = PillarStructure.build(p.criteria, pmap, within)
    sweep = _Sweep(p, chosen, structure,
                   np.array([pw[q] for q in PILLAR_NAMES]),
                   ranked_last_mask(assessment, weighting, p, structure))
    rows = [sweep.row(q) for q, name in enumerate(PILLAR_NAMES) if name in present]
    table = pd.DataFrame(rows).set_index("pillar")
    return table[["weight", "top_low", "top_high", "order_low", "order_high", "top"]]


class _Sweep:
    """The ranks while one pillar's weight t runs from 0 to 1, the others in proportion."""

    def __init__(self, p: Problem, method: Method, structure: PillarStructure,
                 base: np.ndarray, knocked: np.ndarray | None = None):
        self.p = p
        self.knocked = knocked  # ranked last: knock-outs and floors (None: none)
        self.method = method
        self.structure = structure
        self.base = base  # current pillar weights, in PILLAR_NAMES order

    def ranks_at(self, q: int, t: np.ndarray) -> np.ndarray:
        """Ranks (len(t) x n) with pillar q at weight t."""
        others = self.base.copy()
        others[q] = 0.0
        mask = self.structure.mask
        mask[q] = False
        if others.sum() > 0:
            rest = others / others.sum()
        else:
            rest = np.where(mask, 1.0 / max(mask.sum(), 1), 0.0)
        t = np.asarray(t, dtype=float)[:, None]
        pws = (1 - t) * rest[None, :]
        pws[:, q] = t[:, 0]
        w = self.structure.to_criteria(pws)
        totals = w.sum(axis=1, keepdims=True)
        w = np.where(totals > 0, w / np.where(totals > 0, totals, 1), 1.0 / w.shape[1])
        return ranked_last(self.method.ranks(self.p, w), self.knocked)

    def row(self, q: int) -> dict[str, Any]:
        """The stability row of pillar q (see `weight_stability`)."""
        t0 = self.base[q]
        r0 = self.ranks_at(q, np.array([t0]))[0]
        top0 = r0 == 1
        tests: dict[str, Callable[[np.ndarray], np.ndarray]] = {
            "top": lambda r: ((r == 1) == top0).all(axis=-1),
            "order": lambda r: (r == r0).all(axis=-1),
        }
        grid = np.unique(np.concatenate([np.linspace(0.0, 1.0, _GRID), [t0]]))
        grid_ranks = self.ranks_at(q, grid)
        row: dict[str, Any] = {"pillar": PILLAR_NAMES[q], "weight": t0}
        for label, same in tests.items():
            def holds(t: float, same=same) -> bool:
                return bool(same(self.ranks_at(q, np.array([t])))[0])

            low, high = _interval(grid, same(grid_ranks), t0, holds)
            row[f"{label}_low"] = float(low)
            row[f"{label}_high"] = float(high)
        row["top"] = ",".join(str(m) for m in self.p.measures[top0])
        return row


def _interval(
    grid: np.ndarray, ok: np.ndarray, t0: float, holds: Callable[[float], bool]
) -> tuple[float, float]:
    """The run of `ok` grid points around t0, its ends refined by bisection."""
    i0 = int(np.searchsorted(grid, t0))
    lo_i = i0
    while lo_i > 0 and ok[lo_i - 1]:
        lo_i -= 1
    hi_i = i0
    while hi_i < len(grid) - 1 and ok[hi_i + 1]:
        hi_i += 1
    low = grid[lo_i] if lo_i == 0 else _bisect(holds, grid[lo_i - 1], grid[lo_i])
    high = grid[hi_i] if hi_i == len(grid) - 1 else _bisect(holds, grid[hi_i + 1], grid[hi_i])
    return low, high


def _bisect(holds: Callable[[float], bool], bad: float, good: float) -> float:
    """The boundary between a t where the result differs (`bad`) and one where it holds."""
    for _ in range(_BISECT):
        mid = 0.5 * (bad + good)
        if holds(mid):
            good = mid
        else:
            bad = mid
        if abs(good - bad) < 1e-10:
            break
    return 0.5 * (bad + good)
