"""Robustness of a ranking: SMAA, weight-stability intervals, perspectives, no-regret set.

Everything is vectorised numpy: a block of weight samples is ranked with one
matrix product (``wsm``/``spotis``) or a few array operations (``topsis``,
``vikor``) and one sort; there is no per-sample loop. Tests check the ranks
against scikit-criteria for the same weights, sample by sample.

SMAA (Stochastic Multicriteria Acceptability Analysis) answers "how likely is
each measure to end up first, second, ... if we are unsure about the weights
(and the scores)?":

- rank acceptability: the share of weight samples in which a measure gets each
  rank (rows sum to 1; ties share a rank, as in `impact.engine.rank`);
- central weights: the average weight vector among the samples in which a
  measure ranks first (NaN for a measure that never does).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd
from scipy import stats
from threadpoolctl import ThreadpoolController

from impact.engine import (
    PILLAR_NAMES,
    VIKOR_V,
    EngineError,
    _check_method,
    _check_method_fits,
    _check_weight_value,
    _fmt,
    _pillar_map,
    _prepare,
    _Problem,
    _values,
    _within_normalised,
    competition_rank,
    criterion_labels,
    evaluate,
    normalise_pillar_weights,
    resolve_weights,
    sorted_ranks,
)
from impact.i18n import t

if TYPE_CHECKING:
    from impact.model import Assessment, WeightProfile

__all__ = [
    "CONFIDENCE_SD",
    "Perspectives",
    "SmaaResult",
    "confidence_sd",
    "perspectives",
    "rank_many",
    "smaa",
    "smaa_assessment",
    "smaa_table",
    "weight_stability",
]

# Standard deviation of a sampled score, as a fraction of its criterion's scale
# (hi - lo), per stated confidence. On a -3..+3 scale: high 0.3, medium 0.6,
# low 1.2 points. A score without a stated confidence is taken as given.
CONFIDENCE_SD: dict[str, float] = {"high": 0.05, "medium": 0.10, "low": 0.20}

# Samples are processed in blocks of about this many matrix cells, so memory
# stays small and a progress bar can move.
_BLOCK_CELLS = 4_000_000
_BLOCKS = 10  # at least this many blocks (for a moving progress bar) ...
_MIN_BLOCK = 500  # ... unless blocks would get smaller than this

ProgressFn = Callable[[float], None]

# The matrix products here are small (a block of samples x 12 x 50). Multi-threaded
# BLAS gains nothing on them, and on a busy machine (several sessions, 2 cores) its
# threads wait for each other: measured under load, 10 products that take 0.5 ms now
# and then took 40 ms. So SMAA runs its blocks with one BLAS thread.
_BLAS = ThreadpoolController()


@dataclass
class SmaaResult:
    """Outcome of a SMAA run.

    acceptability: measures x ranks 1..n, share of samples per rank (rows sum to 1).
    central_weights: measures x criteria, mean weights where the measure ranks
    first (NaN row when it never does). central_pillar_weights: the same per
    pillar (only from `smaa_assessment`).
    """

    acceptability: pd.DataFrame
    central_weights: pd.DataFrame
    samples: int
    method: str = "wsm"
    central_pillar_weights: pd.DataFrame | None = None

    @property
    def first(self) -> pd.Series:
        """Chance of ranking first, per measure."""
        return self.acceptability[1]

    def top(self, k: int = 3) -> pd.Series:
        """Chance of ranking in the top k, per measure."""
        cols = [r for r in self.acceptability.columns if r <= k]
        return self.acceptability[cols].sum(axis=1)

    @property
    def mean_rank(self) -> pd.Series:
        """Expected rank, per measure."""
        ranks = np.asarray(self.acceptability.columns, dtype=float)
        return pd.Series(self.acceptability.to_numpy() @ ranks, index=self.acceptability.index)


# --------------------------------------------------------------------------------------
# ranking many weight vectors at once
# --------------------------------------------------------------------------------------


def _dense_rank_ascending(q: np.ndarray) -> np.ndarray:
    """Dense 1-based ranks per row, lowest first (exact comparisons, like scipy 'dense')."""
    order = np.argsort(q, axis=-1, kind="stable")
    sorted_q = np.take_along_axis(q, order, axis=-1)
    new = np.ones(q.shape, dtype=np.int64)
    new[..., 1:] = sorted_q[..., 1:] != sorted_q[..., :-1]
    dense = np.empty(q.shape, dtype=np.int64)
    np.put_along_axis(dense, order, np.cumsum(new, axis=-1), axis=-1)
    return dense


def _scale_to_unit(d: np.ndarray) -> np.ndarray:
    """(d - min) / (max - min) over the measures axis (-2 or -1); 0/0 -> 0, as skcriteria."""
    lo = d.min(axis=-1, keepdims=True)
    hi = d.max(axis=-1, keepdims=True)
    with np.errstate(divide="ignore", invalid="ignore"):
        return np.nan_to_num((d - lo) / (hi - lo))


def _scores_block(
    p: _Problem, method: str, w: np.ndarray, x: np.ndarray | None
) -> tuple[np.ndarray, bool]:
    """(k x n scores, higher_is_better) for weight rows `w` (k x m, each summing to 1).

    `x` is None (the problem's scores) or sampled scores (k x n x m). For ``vikor``
    the "scores" are scikit-criteria's final ranks (compromise set at 1).
    """
    sign = p.sign
    if method in ("wsm", "spotis"):
        # SPOTIS on the declared bounds: 1 - sum w |x - ideal| / (hi - lo) = sum w v,
        # so both rank by the weighted sum of value functions.
        if x is None:
            return w @ _values(p.x, sign, p.lo, p.hi).T, True
        return np.einsum("knm,km->kn", _values(x, sign, p.lo, p.hi), w), True
    if method == "topsis":
        data = p.x if x is None else x
        normal = data / np.sqrt((data * data).sum(axis=-2, keepdims=True))
        top = normal.max(axis=-2, keepdims=True)
        bottom = normal.min(axis=-2, keepdims=True)
        ideal = np.where(sign > 0, top, bottom)
        anti = np.where(sign > 0, bottom, top)
        w2 = w * w
        if x is None:
            # weights are >= 0, so the weighted ideal is w * ideal: two matrix products
            d_best = np.sqrt(w2 @ ((normal - ideal) ** 2).T)
            d_worst = np.sqrt(w2 @ ((normal - anti) ** 2).T)
        else:
            d_best = np.sqrt(np.einsum("knm,km->kn", (normal - ideal) ** 2, w2))
            d_worst = np.sqrt(np.einsum("knm,km->kn", (normal - anti) ** 2, w2))
        with np.errstate(divide="ignore", invalid="ignore"):
            return d_worst / (d_best + d_worst), True
    if method == "vikor":
        data = p.x if x is None else x
        top = data.max(axis=-2, keepdims=True)
        bottom = data.min(axis=-2, keepdims=True)
        with np.errstate(divide="ignore", invalid="ignore"):
            regret = np.nan_to_num(np.where(sign > 0, top - data, data - bottom) / (top - bottom))
        if x is None:
            s_raw = w @ regret.T
            r_raw = (regret[None, :, :] * w[:, None, :]).max(axis=-1)
        else:
            s_raw = np.einsum("knm,km->kn", regret, w)
            r_raw = (regret * w[:, None, :]).max(axis=-1)
        s_k = _scale_to_unit(s_raw)
        r_k = _scale_to_unit(r_raw)
        q = VIKOR_V * s_k + (1 - VIKOR_V) * r_k
        n = q.shape[-1]
        rank_q = _dense_rank_ascending(q)
        chosen = rank_q == 1
        advantage_set = (q - q.min(axis=-1, keepdims=True)) < 1.0 / (n - 1)
        has_advantage = (advantage_set.sum(axis=-1) == chosen.sum(axis=-1))[:, None]
        best_somewhere = (s_k == 0) | (r_k == 0)
        has_stability = ~(chosen & ~best_somewhere).any(axis=-1, keepdims=True)
        compromise = np.where(
            has_advantage & has_stability, chosen,
            np.where(has_advantage, rank_q <= 2, advantage_set),
        )
        top_rank = np.where(compromise, rank_q, 0).max(axis=-1, keepdims=True)
        return np.where(rank_q <= top_rank, 1, rank_q - top_rank + 1), False
    raise AssertionError(method)  # pragma: no cover


def _ranks_block(p: _Problem, method: str, w: np.ndarray, x: np.ndarray | None) -> np.ndarray:
    """Competition ranks (k x n) for weight rows `w`; see `_scores_block`."""
    return competition_rank(*_scores_block(p, method, w, x))


def rank_many(
    performance: pd.DataFrame,
    *,
    objectives: Mapping[str, Any],
    weight_samples: np.ndarray | pd.DataFrame,
    method: str = "wsm",
    scale: Mapping[str, tuple[float, float]] | None = None,
) -> pd.DataFrame:
    """Ranks of the measures for many weight vectors at once (rows = weight vectors).

    `weight_samples`: k x m (columns in the order of `performance`, or a DataFrame
    with criterion columns). Each row is normalised. Returns k x n competition ranks,
    equal to `impact.engine.rank` row by row.
    """
    _check_method(method)
    p = _prepare(performance, objectives, None, scale)
    _check_method_fits(p, method)
    if isinstance(weight_samples, pd.DataFrame):
        w = weight_samples[list(p.criteria)].to_numpy(dtype=float)
    else:
        w = np.atleast_2d(np.asarray(weight_samples, dtype=float))
    if w.shape[1] != len(p.criteria) or (w < 0).any() or not np.isfinite(w).all():
        raise EngineError("engine.error.invalid_weight", criterion="?", value=str(w.shape))
    totals = w.sum(axis=1, keepdims=True)
    if (totals <= 0).any():
        raise EngineError("engine.error.zero_weights")
    with _BLAS.limit(limits=1, user_api="blas"):
        ranks = _ranks_block(p, method, w / totals, None)
    return pd.DataFrame(ranks, columns=p.measures)


# --------------------------------------------------------------------------------------
# SMAA core
# --------------------------------------------------------------------------------------


WeightSampler = Callable[[np.random.Generator, int], np.ndarray]


def _simplex(rng: np.random.Generator, k: int, m: int) -> np.ndarray:
    """k weight vectors uniform on the (m-1)-simplex (normalised exponentials)."""
    e = rng.standard_exponential((k, m))
    return e / e.sum(axis=1, keepdims=True)


def _run_smaa(
    p: _Problem,
    method: str,
    sampler: WeightSampler,
    samples: int,
    seed: int,
    sd: np.ndarray | None,
    progress: ProgressFn | None,
    pillar_sampler: Callable[[np.ndarray], np.ndarray] | None = None,
    ties: bool = True,
) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray | None]:
    """Counts per (measure, rank), weight sums and first-place counts per measure.

    `sampler(rng, k)` returns k x m weight rows (each summing to 1). With
    `pillar_sampler`, the sampler returns k x 3 pillar weights and
    `pillar_sampler(pw)` turns them into criterion weights. `ties=False` when
    ties have probability 0 (see `_ties_possible`).
    """
    n, m = p.x.shape
    # weights and scores draw from their own streams, so the result does not depend on
    # how the samples are split into blocks
    rng, rng_scores = (np.random.default_rng(s) for s in np.random.SeedSequence(seed).spawn(2))
    cells = n * m if (sd is not None or method == "vikor") else n
    block = max(1, min(samples, _BLOCK_CELLS // max(cells, 1),
                       max(_MIN_BLOCK, -(-samples // _BLOCKS))))
    counts = np.zeros(n * n, dtype=np.int64)
    weight_sums = np.zeros((n, m))
    pillar_sums = np.zeros((n, len(PILLAR_NAMES))) if pillar_sampler else None
    firsts = np.zeros(n, dtype=np.int64)
    done = 0
    if progress:
        progress(0.0)
    with _BLAS.limit(limits=1, user_api="blas"):
        while done < samples:
            k = min(block, samples - done)
            _smaa_block(p, method, sampler, pillar_sampler, rng, rng_scores, sd, k, ties,
                        counts, weight_sums, firsts, pillar_sums)
            done += k
            if progress:
                progress(done / samples)
    return counts.reshape(n, n), weight_sums, firsts, pillar_sums


def _smaa_block(p, method, sampler, pillar_sampler, rng, rng_scores, sd, k, ties,
                counts, weight_sums, firsts, pillar_sums) -> None:
    """Draw and rank k samples; add them to the running totals (in place)."""
    n, m = p.x.shape
    drawn = sampler(rng, k)
    w = pillar_sampler(drawn) if pillar_sampler else drawn
    x = None
    if sd is not None:
        noise = rng_scores.standard_normal((k, n, m)) * sd
        x = np.clip(p.x + noise, p.lo, p.hi)
    order, ranks = sorted_ranks(*_scores_block(p, method, w, x), ties=ties)
    # measure order[s, i] has rank ranks[s, i]: count (measure, rank) pairs
    counts += np.bincount((order * n + (ranks - 1)).ravel(), minlength=n * n)
    if ties:
        rows, cols = np.nonzero(ranks == 1)
        winners = order[rows, cols]
    else:
        rows, winners = slice(None), order[:, 0]
    firsts += np.bincount(winners, minlength=n)
    weight_sums += _sum_by(winners, w[rows], n)
    if pillar_sums is not None:
        pillar_sums += _sum_by(winners, drawn[rows], n)


def _sum_by(groups: np.ndarray, values: np.ndarray, n: int) -> np.ndarray:
    """n x c sums of the rows of `values` (k x c) per group (k ints in 0..n-1)."""
    c = values.shape[1]
    index = (groups[:, None] * c + np.arange(c)).ravel()
    return np.bincount(index, weights=values.ravel(), minlength=n * c).reshape(n, c)


def _result(
    p: _Problem,
    method: str,
    samples: int,
    counts: np.ndarray,
    weight_sums: np.ndarray,
    firsts: np.ndarray,
    pillar_sums: np.ndarray | None = None,
) -> SmaaResult:
    n = len(p.measures)
    acceptability = pd.DataFrame(counts / samples, index=p.measures,
                                 columns=pd.Index(range(1, n + 1), name="rank"))
    with np.errstate(divide="ignore", invalid="ignore"):
        central = np.where(firsts[:, None] > 0, weight_sums / firsts[:, None], np.nan)
        central_pillars = (
            None if pillar_sums is None
            else np.where(firsts[:, None] > 0, pillar_sums / firsts[:, None], np.nan)
        )
    return SmaaResult(
        acceptability=acceptability,
        central_weights=pd.DataFrame(central, index=p.measures, columns=p.criteria),
        samples=samples,
        method=method,
        central_pillar_weights=(
            None if central_pillars is None
            else pd.DataFrame(central_pillars, index=p.measures, columns=list(PILLAR_NAMES))
        ),
    )


def _ties_possible(p: _Problem, method: str, continuous: bool, sd, rows=None) -> bool:
    """Whether two measures can tie with a positive probability.

    With weights that have a density (every weight drawn from a non-empty range)
    and exact scores, the weighted sums of two measures are equal with probability
    0 unless their value rows are identical (equal pillar rows for hierarchical
    weights); the same holds for TOPSIS closeness. VIKOR's compromise set ties
    by design, and clipped sampled scores can tie at a scale's end.
    """
    if method == "vikor" or sd is not None or not continuous:
        return True
    if rows is None:
        rows = p.x if method == "topsis" else _values(p.x, p.sign, p.lo, p.hi)
    rounded = np.round(rows, 12)
    return len(np.unique(rounded, axis=0)) < len(rounded)


def _check_samples(samples: int) -> int:
    try:
        value = int(samples)
    except (TypeError, ValueError):
        raise EngineError("engine.error.invalid_samples", value=str(samples)) from None
    if value < 1:
        raise EngineError("engine.error.invalid_samples", value=str(samples))
    return value


def _weight_sampler(
    weights: Mapping[str, Any] | None, p: _Problem
) -> tuple[WeightSampler, bool]:
    """(sampler, whether every weight has a continuous distribution)."""
    m = len(p.criteria)
    if weights is None:
        return (lambda rng, k: _simplex(rng, k, m)), True
    known = set(p.criteria)
    for key in weights:
        if str(key) not in known:
            raise EngineError("engine.error.unknown_criterion", criterion=str(key), what="weight")
    lookup = {str(k): v for k, v in weights.items()}
    low = np.empty(m)
    high = np.empty(m)
    for j, c in enumerate(p.criteria):
        if c not in lookup:
            raise EngineError("engine.error.missing_weight", criterion=c)
        raw = lookup[c]
        if isinstance(raw, (tuple, list)) and len(raw) == 2:
            a = _check_range_end(c, raw[0], raw)
            b = _check_range_end(c, raw[1], raw)
            if a > b:
                raise EngineError("engine.error.invalid_weight_range", criterion=c,
                                  low=_fmt(a), high=_fmt(b))
            low[j], high[j] = a, b
        else:
            low[j] = high[j] = _check_weight_value(c, raw)
    if high.sum() <= 0:
        raise EngineError("engine.error.zero_weights")

    def sample(rng: np.random.Generator, k: int) -> np.ndarray:
        w = low + rng.random((k, m)) * (high - low)
        totals = w.sum(axis=1, keepdims=True)
        # a row can only sum to 0 when every lower bound is 0 and every draw hit it
        w = np.where(totals > 0, w, high)
        return w / w.sum(axis=1, keepdims=True)

    return sample, bool((high > low).all())


def _check_range_end(criterion: str, value: Any, raw: Any) -> float:
    try:
        number = float(value)
    except (TypeError, ValueError):
        number = float("nan")
    if not np.isfinite(number) or number < 0:
        raise EngineError("engine.error.invalid_weight_range", criterion=criterion,
                          low=str(raw[0]), high=str(raw[1]))
    return number


def _check_sd(score_sd: pd.DataFrame | None, p: _Problem) -> np.ndarray | None:
    if score_sd is None:
        return None
    sd = (
        score_sd.reindex(index=p.measures, columns=p.criteria)
        .apply(pd.to_numeric, errors="coerce")
        .to_numpy(dtype=float)
    )
    bad = np.isfinite(sd) & (sd < 0)
    bad |= np.isinf(sd)
    if bad.any():
        i, j = (int(v[0]) for v in np.nonzero(bad))
        raise EngineError("engine.error.invalid_score_sd", criterion=p.criteria[j],
                          measure=p.measures[i], value=_fmt(sd[i, j]))
    sd = np.nan_to_num(sd, nan=0.0)
    return sd if (sd > 0).any() else None


def smaa(
    performance: pd.DataFrame,
    *,
    objectives: Mapping[str, Any],
    weights: Mapping[str, Any] | None = None,
    samples: int = 10_000,
    seed: int = 0,
    method: str = "wsm",
    scale: Mapping[str, tuple[float, float]] | None = None,
    score_sd: pd.DataFrame | None = None,
    progress: ProgressFn | None = None,
) -> SmaaResult:
    """Rank acceptability and central weights under uncertain weights (and scores).

    `weights`: None = uniform on the simplex; otherwise every criterion maps to a
    fixed weight or a `(low, high)` range. Ranges are drawn independently and
    uniformly, then each sample is normalised to sum 1 (the same normalisation
    `rank` applies to any weights). `score_sd`: measures x criteria standard
    deviations; scores are then drawn from a normal distribution around the given
    score and clipped to the criterion's scale (NaN or 0 = exact). `progress` is
    called with the fraction done (0..1) after each block of samples.
    Same seed, same result.
    """
    _check_method(method)
    samples = _check_samples(samples)
    p = _prepare(performance, objectives, None, scale)
    _check_method_fits(p, method)
    sampler, continuous = _weight_sampler(weights, p)
    sd = _check_sd(score_sd, p)
    ties = _ties_possible(p, method, continuous, sd)
    counts, weight_sums, firsts, _ = _run_smaa(p, method, sampler, samples, seed, sd, progress,
                                               ties=ties)
    return _result(p, method, samples, counts, weight_sums, firsts)


# --------------------------------------------------------------------------------------
# SMAA on an assessment (hierarchical weights)
# --------------------------------------------------------------------------------------


def confidence_sd(assessment: Assessment) -> pd.DataFrame:
    """Standard deviation per score from its stated confidence (see `CONFIDENCE_SD`)."""
    conf = assessment.confidence()
    spans = pd.Series({c.id: c.scale_max - c.scale_min for c in assessment.criteria})
    fraction = conf.apply(lambda col: col.map(lambda v: CONFIDENCE_SD.get(v, 0.0) if v else 0.0))
    return fraction.astype(float).mul(spans, axis=1)


def smaa_assessment(
    assessment: Assessment,
    *,
    pillar_weights: Mapping[Any, float] | None = None,
    profile: WeightProfile | None = None,
    spread: float = 0.15,
    samples: int = 10_000,
    seed: int = 0,
    method: str = "wsm",
    sample_scores: bool = True,
    progress: ProgressFn | None = None,
    criterion_weights: Mapping[str, float] | None = None,
) -> SmaaResult:
    """SMAA with the assessment's pillar structure.

    Pillar weights: with neither `pillar_weights` nor `profile`, uniform on the
    simplex of the pillars that have criteria. Otherwise each normalised pillar
    weight is drawn uniformly within +/- `spread` (absolute, e.g. 0.15 = 15
    percentage points, cut off at 0) and the draw is renormalised. Weights within a
    pillar stay fixed. With `sample_scores`, scores that carry a confidence are
    drawn too: normal around the score with a standard deviation of 5 % (high),
    10 % (medium) or 20 % (low) of the criterion's scale, clipped to the scale.
    Scores without a stated confidence are taken as given.
    """
    try:
        return _smaa_assessment(assessment, pillar_weights, profile, spread, samples, seed,
                                method, sample_scores, progress, criterion_weights)
    except EngineError as err:
        raise err.with_labels(criterion_labels(assessment)) from None


def _smaa_assessment(assessment, pillar_weights, profile, spread, samples, seed, method,
                     sample_scores, progress, criterion_weights):
    _check_method(method)
    samples = _check_samples(samples)
    try:
        spread = float(spread)
    except (TypeError, ValueError):
        spread = float("nan")
    if not 0.0 <= spread <= 1.0:
        raise EngineError("engine.error.invalid_spread", value=str(spread))
    p = _prepare(assessment.performance(), assessment.objectives(), None, assessment.scale())
    _check_method_fits(p, method)
    pmap = _pillar_map(assessment.pillar_of(), p.criteria)
    present = [q for q in PILLAR_NAMES if q in pmap.values()]
    pw_raw, within = resolve_weights(assessment, pillar_weights=pillar_weights, profile=profile,
                                     criterion_weights=criterion_weights)
    inner = _within_normalised(pmap, within)
    mask = np.array([q in present for q in PILLAR_NAMES])
    # criterion j gets pillar weight of column pillar_index[j] times its within weight
    pillar_index = np.array([PILLAR_NAMES.index(pmap[c]) for c in p.criteria])
    inner_w = np.array([inner[c] for c in p.criteria])

    if pillar_weights is None and profile is None:
        def sampler(rng: np.random.Generator, k: int) -> np.ndarray:
            pw = np.zeros((k, len(PILLAR_NAMES)))
            pw[:, mask] = _simplex(rng, k, int(mask.sum()))
            return pw
    else:
        base = np.array([v for v in normalise_pillar_weights(pw_raw, present).values()])
        low = np.where(mask, np.maximum(base - spread, 0.0), 0.0)
        high = np.where(mask, base + spread, 0.0)

        def sampler(rng: np.random.Generator, k: int) -> np.ndarray:
            pw = low + rng.random((k, len(PILLAR_NAMES))) * (high - low)
            totals = pw.sum(axis=1, keepdims=True)
            pw = np.where(totals > 0, pw, base)
            return pw / pw.sum(axis=1, keepdims=True)

    def to_criteria(pw: np.ndarray) -> np.ndarray:
        return pw[:, pillar_index] * inner_w

    sd = None
    if sample_scores:
        sd = _check_sd(confidence_sd(assessment), p)
    continuous = (pillar_weights is None and profile is None) or spread > 0
    pillar_rows = None
    if method in ("wsm", "spotis"):
        values = _values(p.x, p.sign, p.lo, p.hi)
        pillar_rows = np.column_stack([
            values[:, pillar_index == q] @ inner_w[pillar_index == q]
            for q in range(len(PILLAR_NAMES))
        ])
    ties = method == "topsis" or _ties_possible(p, method, continuous, sd, pillar_rows)
    counts, weight_sums, firsts, pillar_sums = _run_smaa(
        p, method, sampler, samples, seed, sd, progress, pillar_sampler=to_criteria, ties=ties
    )
    return _result(p, method, samples, counts, weight_sums, firsts, pillar_sums)


# --------------------------------------------------------------------------------------
# weight-stability intervals
# --------------------------------------------------------------------------------------

_GRID = 201  # grid of 0.5 percentage points, refined by bisection
_BISECT = 40


def weight_stability(
    assessment: Assessment,
    *,
    pillar_weights: Mapping[Any, float] | None = None,
    method: str = "wsm",
    criterion_weights: Mapping[str, float] | None = None,
    profile: WeightProfile | None = None,
) -> pd.DataFrame:
    """For each pillar, the range of its weight in which the result stays the same.

    One row per pillar with criteria: its current (normalised) `weight`;
    `top_low`..`top_high`, the interval of that pillar's weight in which the same
    measure(s) stay first; `order_low`..`order_high`, the interval in which the
    whole order stays the same; `top`, the current first measure(s). While one
    pillar's weight moves, the other pillars keep their proportions (equal shares
    if they both weigh 0). At an interval's end two measures tie.

    The boundaries are found on a grid of 0.5 percentage points and refined by
    bisection to about 1e-9. For ``wsm`` (and ``spotis``) every score is linear in the
    weight, so the stable set is one interval and the result exact; for ``topsis``
    and ``vikor`` it is the interval around the current weight seen on that grid.
    """
    try:
        with _BLAS.limit(limits=1, user_api="blas"):
            return _weight_stability(assessment, pillar_weights, method, criterion_weights,
                                     profile)
    except EngineError as err:
        raise err.with_labels(criterion_labels(assessment)) from None


def _weight_stability(assessment, pillar_weights, method, criterion_weights, profile):
    _check_method(method)
    p = _prepare(assessment.performance(), assessment.objectives(), None, assessment.scale())
    _check_method_fits(p, method)
    pmap = _pillar_map(assessment.pillar_of(), p.criteria)
    present = [q for q in PILLAR_NAMES if q in pmap.values()]
    pw_raw, within = resolve_weights(assessment, pillar_weights=pillar_weights, profile=profile,
                                     criterion_weights=criterion_weights)
    pw = normalise_pillar_weights(pw_raw, present)
    inner = _within_normalised(pmap, within)
    pillar_index = np.array([PILLAR_NAMES.index(pmap[c]) for c in p.criteria])
    inner_w = np.array([inner[c] for c in p.criteria])
    base = np.array([pw[q] for q in PILLAR_NAMES])

    def ranks_at(q: int, t: np.ndarray) -> np.ndarray:
        others = base.copy()
        others[q] = 0.0
        mask = np.array([name in present for name in PILLAR_NAMES])
        mask[q] = False
        if others.sum() > 0:
            rest = others / others.sum()
        else:
            rest = np.where(mask, 1.0 / max(mask.sum(), 1), 0.0)
        t = np.asarray(t, dtype=float)[:, None]
        pws = (1 - t) * rest[None, :]
        pws[:, q] = t[:, 0]
        w = pws[:, pillar_index] * inner_w
        totals = w.sum(axis=1, keepdims=True)
        w = np.where(totals > 0, w / np.where(totals > 0, totals, 1), 1.0 / len(inner_w))
        return _ranks_block(p, method, w, None)

    rows = []
    for q, name in enumerate(PILLAR_NAMES):
        if name not in present:
            continue
        t0 = base[q]
        r0 = ranks_at(q, np.array([t0]))[0]
        top0 = r0 == 1
        same_top = lambda r, top0=top0: ((r == 1) == top0).all(axis=-1)  # noqa: E731
        same_order = lambda r, r0=r0: (r == r0).all(axis=-1)  # noqa: E731
        grid = np.unique(np.concatenate([np.linspace(0.0, 1.0, _GRID), [t0]]))
        grid_ranks = ranks_at(q, grid)
        row = {"pillar": name, "weight": t0}
        for label, same in (("top", same_top), ("order", same_order)):
            ok = same(grid_ranks)
            i0 = int(np.searchsorted(grid, t0))
            lo_i = i0
            while lo_i > 0 and ok[lo_i - 1]:
                lo_i -= 1
            hi_i = i0
            while hi_i < len(grid) - 1 and ok[hi_i + 1]:
                hi_i += 1
            low = grid[lo_i] if lo_i == 0 else _bisect(ranks_at, q, same, grid[lo_i - 1],
                                                        grid[lo_i])
            high = grid[hi_i] if hi_i == len(grid) - 1 else _bisect(ranks_at, q, same,
                                                                     grid[hi_i + 1], grid[hi_i])
            row[f"{label}_low"] = float(low)
            row[f"{label}_high"] = float(high)
        row["top"] = ",".join(str(m) for m in p.measures[top0])
        rows.append(row)
    table = pd.DataFrame(rows).set_index("pillar")
    return table[["weight", "top_low", "top_high", "order_low", "order_high", "top"]]


def _bisect(ranks_at, q: int, same, bad: float, good: float) -> float:
    """The boundary between a t where the result differs (`bad`) and one where it holds."""
    for _ in range(_BISECT):
        mid = 0.5 * (bad + good)
        if same(ranks_at(q, np.array([mid])))[0]:
            good = mid
        else:
            bad = mid
        if abs(good - bad) < 1e-10:
            break
    return 0.5 * (bad + good)


# --------------------------------------------------------------------------------------
# perspectives and the no-regret set
# --------------------------------------------------------------------------------------


@dataclass
class Perspectives:
    """Rankings under several stakeholder profiles.

    ranks / scores: measures x profile names. kendall_tau: profiles x profiles
    (Kendall's tau-b between the rankings; 1 = same order, -1 = reversed).
    no_regret: measures in the top k under every profile (ties at place k count),
    in the assessment's order.
    """

    ranks: pd.DataFrame
    scores: pd.DataFrame
    kendall_tau: pd.DataFrame
    no_regret: list[str]
    k: int
    method: str = "wsm"


def perspectives(
    assessment: Assessment,
    *,
    profiles: Sequence[WeightProfile] | None = None,
    k: int = 3,
    method: str = "wsm",
) -> Perspectives:
    """The ranking under each profile, their agreement and the no-regret set."""
    try:
        k = int(k)
    except (TypeError, ValueError):
        raise EngineError("engine.error.invalid_k", value=str(k)) from None
    if k < 1:
        raise EngineError("engine.error.invalid_k", value=str(k))
    chosen = list(assessment.profiles if profiles is None else profiles)
    if not chosen:
        raise EngineError("engine.error.no_profiles")
    ranks: dict[str, pd.Series] = {}
    scores: dict[str, pd.Series] = {}
    for prof in chosen:
        ev = evaluate(assessment, profile=prof, method=method)
        ranks[prof.name] = ev.table["score_rank"]
        scores[prof.name] = ev.table["score"]
    rank_df = pd.DataFrame(ranks)
    score_df = pd.DataFrame(scores)
    names = list(rank_df.columns)
    tau = pd.DataFrame(np.eye(len(names)), index=names, columns=names)
    for i, a in enumerate(names):
        for b in names[i + 1:]:
            value = stats.kendalltau(rank_df[a], rank_df[b]).statistic
            tau.loc[a, b] = tau.loc[b, a] = value
    no_regret = [str(m) for m in rank_df.index if (rank_df.loc[m] <= k).all()]
    return Perspectives(ranks=rank_df, scores=score_df, kendall_tau=tau, no_regret=no_regret,
                        k=k, method=method)



def smaa_table(
    result: SmaaResult,
    assessment: Assessment | None = None,
    lang: str = "nl",
    *,
    full: bool = True,
    k: int = 3,
) -> pd.DataFrame:
    """SMAA results as a flat table, most likely winners first (index measure_id).

    Columns label (when `assessment` is given), first, top3 (top k), mean_rank and,
    with `full`, rank_1 .. rank_n (the whole acceptability row). Without `full`,
    column names are in `lang` (the CLI's table format).
    """
    out = pd.DataFrame(index=result.acceptability.index)
    if assessment is not None:
        names = {m.id: (m.label_en or m.label_nl) if lang == "en" else m.label_nl
                 for m in assessment.measures}
        out["label"] = [names.get(m, m) for m in out.index]
    out["first"] = result.first
    out[f"top{k}"] = result.top(k)
    out["mean_rank"] = result.mean_rank
    out = out.sort_values(["first", f"top{k}", "mean_rank"], ascending=[False, False, True],
                          kind="stable")
    if full:
        for r in result.acceptability.columns:
            out[f"rank_{r}"] = result.acceptability.loc[out.index, r]
        return out
    if "label" in out:
        out["label"] = [s if len(s) <= 40 else s[:39] + "…" for s in out["label"]]
    out = out.rename(columns={
        "label": t("engine.cli.col.label", lang), "first": t("engine.cli.col.first", lang),
        f"top{k}": t("engine.cli.col.top3", lang), "mean_rank": t("engine.cli.col.mean_rank", lang),
    })
    out.index.name = t("engine.cli.col.measure", lang)
    return out
