"""Robustness of a ranking: SMAA, weight-stability intervals, perspectives, no-regret set.

Everything is vectorised numpy: a block of weight samples is ranked by the method's
kernel (see `impact.methods`: one matrix product for ``wsm``/``spotis``, a few array
operations for ``topsis`` and ``vikor``) and one sort; there is no per-sample loop.
Tests check the ranks against scikit-criteria for the same weights, sample by sample.

SMAA (Stochastic Multicriteria Acceptability Analysis) answers "how likely is
each measure to end up first, second, ... if we are unsure about the weights
(and the scores)?":

- rank acceptability: the share of weight samples in which a measure gets each
  rank (rows sum to 1; ties share a rank, as in `impact.engine.rank`); a measure that
  fails a knock-out or is below a pillar floor ranks after every other one in every
  sample, as in the engine's ranking (`impact.engine.ranked_last_mask`), so it is
  never first;
- central weights: the average weight vector among the samples in which a
  measure ranks first (NaN for a measure that never does).

How the samples are drawn is in `impact.sampling`; weight-stability intervals are in
`impact.stability` and perspectives in `impact.perspectives` (both re-exported here).
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Mapping
from dataclasses import dataclass, field
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
from impact.i18n import t
from impact.knockouts import knocked_mask, ranked_last, sorted_last
from impact.methods.base import Method, one_blas_thread
from impact.methods.problem import EngineError, Problem, prepare
from impact.methods.ranks import sorted_ranks
from impact.perspectives import Perspectives, perspectives
from impact.pillars import PILLAR_NAMES, PillarStructure, normalise_pillar_weights, pillar_map
from impact.sampling import (
    WeightSampler,
    check_samples,
    check_score_sd,
    check_spread,
    criterion_sampler,
    pillar_sampler,
)
from impact.stability import weight_stability
from impact.weighting import Weighting, resolve_weighting

if TYPE_CHECKING:
    from impact.model import Assessment

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
    chosen = methods.get(method)
    p = prepare(performance, objectives, None, scale)
    chosen.check(p)
    if isinstance(weight_samples, pd.DataFrame):
        w = weight_samples[list(p.criteria)].to_numpy(dtype=float)
    else:
        w = np.atleast_2d(np.asarray(weight_samples, dtype=float))
    if w.shape[1] != len(p.criteria) or (w < 0).any() or not np.isfinite(w).all():
        raise EngineError("engine.error.invalid_weight", criterion="?", value=str(w.shape))
    totals = w.sum(axis=1, keepdims=True)
    if (totals <= 0).any():
        raise EngineError("engine.error.zero_weights")
    with one_blas_thread():
        ranks = chosen.ranks(p, w / totals)
    return pd.DataFrame(ranks, columns=p.measures)


# --------------------------------------------------------------------------------------
# SMAA core
# --------------------------------------------------------------------------------------


@dataclass
class _Tally:
    """Running totals of a SMAA run: (measure, rank) counts, first places and their weights.

    `weight_sums` sums the criterion weights of the samples a measure wins;
    `pillar_sums` the drawn pillar weights (for hierarchical weights only).
    """

    n: int
    m: int
    pillars: bool = False
    counts: np.ndarray = field(init=False)
    firsts: np.ndarray = field(init=False)
    weight_sums: np.ndarray = field(init=False)
    pillar_sums: np.ndarray | None = field(init=False)

    def __post_init__(self) -> None:
        self.counts = np.zeros(self.n * self.n, dtype=np.int64)
        self.firsts = np.zeros(self.n, dtype=np.int64)
        self.weight_sums = np.zeros((self.n, self.m))
        self.pillar_sums = np.zeros((self.n, len(PILLAR_NAMES))) if self.pillars else None

    def add(self, order: np.ndarray, ranks: np.ndarray, w: np.ndarray, drawn: np.ndarray,
            ties: bool) -> None:
        """Count a block: measure order[s, i] has rank ranks[s, i] in sample s."""
        n = self.n
        self.counts += np.bincount((order * n + (ranks - 1)).ravel(), minlength=n * n)
        if ties:
            rows, cols = np.nonzero(ranks == 1)
            winners = order[rows, cols]
        else:
            rows, winners = slice(None), order[:, 0]
        self.firsts += np.bincount(winners, minlength=n)
        self.weight_sums += _sum_by(winners, w[rows], n)
        if self.pillar_sums is not None:
            self.pillar_sums += _sum_by(winners, drawn[rows], n)

    def result(self, p: Problem, method: str, samples: int) -> SmaaResult:
        acceptability = pd.DataFrame(self.counts.reshape(self.n, self.n) / samples,
                                     index=p.measures,
                                     columns=pd.Index(range(1, self.n + 1), name="rank"))
        central = _mean_where_first(self.weight_sums, self.firsts)
        pillar_central = (
            None if self.pillar_sums is None
            else pd.DataFrame(_mean_where_first(self.pillar_sums, self.firsts),
                              index=p.measures, columns=list(PILLAR_NAMES))
        )
        return SmaaResult(
            acceptability=acceptability,
            central_weights=pd.DataFrame(central, index=p.measures, columns=p.criteria),
            samples=samples,
            method=method,
            central_pillar_weights=pillar_central,
        )


def _mean_where_first(sums: np.ndarray, firsts: np.ndarray) -> np.ndarray:
    with np.errstate(divide="ignore", invalid="ignore"):
        return np.where(firsts[:, None] > 0, sums / firsts[:, None], np.nan)


def _sum_by(groups: np.ndarray, values: np.ndarray, n: int) -> np.ndarray:
    """n x c sums of the rows of `values` (k x c) per group (k ints in 0..n-1)."""
    c = values.shape[1]
    index = (groups[:, None] * c + np.arange(c)).ravel()
    return np.bincount(index, weights=values.ravel(), minlength=n * c).reshape(n, c)


def _run_smaa(
    p: Problem,
    method: Method,
    sampler: WeightSampler,
    samples: int,
    seed: int,
    sd: np.ndarray | None,
    progress: ProgressFn | None,
    to_criteria: Callable[[np.ndarray], np.ndarray] | None = None,
    ties: bool = True,
    knocked: np.ndarray | None = None,
) -> _Tally:
    """The tally of `samples` samples, drawn and ranked in blocks.

    `sampler(rng, k)` returns k x m weight rows (each summing to 1). With
    `to_criteria`, the sampler returns k x 3 pillar weights and `to_criteria(pw)`
    turns them into criterion weights. `ties=False` when ties have probability 0
    (see `_ties_possible`). `knocked`: the measures ranked last (a mask: knock-outs, and
    floors for an assessment; see `impact.engine.ranked_last_mask`), in every sample.
    """
    n, m = p.x.shape
    # weights and scores draw from their own streams, so the result does not depend on
    # how the samples are split into blocks
    rng, rng_scores = (np.random.default_rng(s) for s in np.random.SeedSequence(seed).spawn(2))
    cells = n * m if (sd is not None or method.dense_kernel) else n
    block = max(1, min(samples, _BLOCK_CELLS // max(cells, 1),
                       max(_MIN_BLOCK, -(-samples // _BLOCKS))))
    tally = _Tally(n, m, pillars=to_criteria is not None)
    done = 0
    if progress:
        progress(0.0)
    with one_blas_thread():
        while done < samples:
            k = min(block, samples - done)
            _smaa_block(p, method, sampler(rng, k), to_criteria, rng_scores, sd, ties, tally,
                        knocked)
            done += k
            if progress:
                progress(done / samples)
    return tally


def _smaa_block(p: Problem, method: Method, drawn: np.ndarray,
                to_criteria: Callable[[np.ndarray], np.ndarray] | None,
                rng_scores: np.random.Generator, sd: np.ndarray | None, ties: bool,
                tally: _Tally, knocked: np.ndarray | None = None) -> None:
    """Rank one block of drawn weights (and sampled scores) and add it to the tally.

    A function of its own, so that the block's large arrays are freed before the next
    block is drawn (numpy then reuses their memory; measured 10 % faster for topsis).
    """
    w = to_criteria(drawn) if to_criteria else drawn
    x = None
    if sd is not None:
        noise = rng_scores.standard_normal((drawn.shape[0], *p.x.shape)) * sd
        x = np.clip(p.x + noise, p.lo, p.hi)
    scores, higher_is_better = method.kernel(p, w, x)
    if knocked is None:
        order, ranks = sorted_ranks(scores, higher_is_better, ties=ties)
    else:  # knocked-out measures after every admissible one
        order, ranks = sorted_last(scores, higher_is_better, knocked, ties=ties)
    tally.add(order, ranks, w, drawn, ties)


def _ties_possible(p: Problem, method: Method, continuous: bool, sd, rows=None) -> bool:
    """Whether two measures can tie with a positive probability.

    With weights that have a density (every weight drawn from a non-empty range)
    and exact scores, the weighted sums of two measures are equal with probability
    0 unless their value rows are identical (equal pillar rows for hierarchical
    weights); the same holds for TOPSIS closeness. VIKOR's compromise set ties
    by design, and clipped sampled scores can tie at a scale's end.
    """
    if method.tie_rows is None or sd is not None or not continuous:
        return True
    if rows is None:
        rows = method.tie_rows(p)
    rounded = np.round(rows, 12)
    return len(np.unique(rounded, axis=0)) < len(rounded)


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
    knocked_out: Collection[str] = (),
) -> SmaaResult:
    """Rank acceptability and central weights under uncertain weights (and scores).

    `weights`: None = uniform on the simplex; otherwise every criterion maps to a
    fixed weight or a `(low, high)` range, as shares of the total, and the samples
    are uniform on the feasible weights (sum 1, every weight in its range; see
    `impact.feasible`), so no sample leaves a range. Numbers that are not shares
    (the ranges do not meet the simplex) are first divided by the sum of the
    ranges' middles. `score_sd`: measures x criteria standard
    deviations; scores are then drawn from a normal distribution around the given
    score and clipped to the criterion's scale (NaN or 0 = exact). `progress` is
    called with the fraction done (0..1) after each block of samples. `knocked_out`:
    measures that fail a knock-out; in every sample they rank after every other
    measure (see `impact.knockouts`), so they are never first. Same seed, same result.
    """
    chosen = methods.get(method)
    samples = check_samples(samples)
    p = prepare(performance, objectives, None, scale)
    chosen.check(p)
    sampler, continuous = criterion_sampler(weights, p)
    sd = check_score_sd(score_sd, p)
    ties = _ties_possible(p, chosen, continuous, sd)
    tally = _run_smaa(p, chosen, sampler, samples, seed, sd, progress, ties=ties,
                      knocked=knocked_mask(p.measures, set(knocked_out)))
    return tally.result(p, method, samples)


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
    weighting: Weighting | None = None,
    *,
    spread: float = 0.15,
    samples: int = 10_000,
    seed: int = 0,
    sample_scores: bool = True,
    progress: ProgressFn | None = None,
    **separate: Any,
) -> SmaaResult:
    """SMAA with the assessment's pillar structure, under `weighting`. `separate`: the
    older keywords instead of a weighting (pillar_weights, profile, method,
    criterion_weights; see `impact.weighting.resolve_weighting`).

    Pillar weights: when the weighting has none, uniform on the simplex of the pillars
    that have criteria. Otherwise the pillar weights are uniform on those that sum to
    1 and lie within +/- `spread` of the normalised weights (absolute, e.g. 0.15 = 15
    percentage points, cut off at 0 and 1; see `impact.feasible`). Weights within a
    pillar stay fixed. With
    `sample_scores`, scores that carry a confidence are drawn too: normal around the
    score with a standard deviation of 5 % (high), 10 % (medium) or 20 % (low) of the
    criterion's scale, clipped to the scale. Scores without a stated confidence are
    taken as given. A measure that fails a knock-out or is below one of the weighting's
    pillar floors (both on its given scores) ranks after every other one in every
    sample, as in the engine's ranking (`impact.engine.ranked_last_mask`).
    """
    chosen = resolve_weighting(assessment, weighting, **separate)
    try:
        return _smaa_assessment(assessment, chosen, spread, samples, seed, sample_scores,
                                progress)
    except EngineError as err:
        raise err.with_labels(criterion_labels(assessment)) from None


def _smaa_assessment(assessment: Assessment, weighting: Weighting, spread: float,
                     samples: int, seed: int, sample_scores: bool,
                     progress: ProgressFn | None) -> SmaaResult:
    samples = check_samples(samples)
    spread = check_spread(spread)
    chosen, p, structure, sampler = _pillar_sampling(assessment, weighting, spread)
    uniform = weighting.pillar_weights is None
    sd = check_score_sd(confidence_sd(assessment), p) if sample_scores else None
    continuous = uniform or spread > 0
    pillar_rows = _pillar_rows(p, chosen, structure) if chosen.linear else None
    ties = not chosen.linear or _ties_possible(p, chosen, continuous, sd, pillar_rows)
    tally = _run_smaa(p, chosen, sampler, samples, seed, sd, progress,
                      to_criteria=structure.to_criteria, ties=ties,
                      knocked=ranked_last_mask(assessment, weighting, p, structure))
    return tally.result(p, weighting.method, samples)


def _pillar_sampling(assessment: Assessment, weighting: Weighting, spread: float
                     ) -> tuple[Method, Problem, PillarStructure, WeightSampler]:
    """The method, the problem, its pillar structure (weights within the pillars fixed)
    and the sampler of pillar weights: uniform on the simplex when the weighting sets
    none, else uniform on those within `spread` of its own (see `smaa_assessment`)."""
    method = methods.get(weighting.method)
    p = prepare_assessment(assessment, weighting)
    method.check(p)
    pw_raw, within = resolve_weights(assessment, weighting)
    structure = PillarStructure.build(p.criteria, pillar_map(assessment.pillar_of(),
                                                             p.criteria), within)
    base = None if weighting.pillar_weights is None else np.array(
        list(normalise_pillar_weights(pw_raw, structure.present).values()))
    return method, p, structure, pillar_sampler(structure.mask, base, spread)


def sampled_pillar_ranks(assessment: Assessment, weighting: Weighting, *,
                         spread: float = 0.15, samples: int = 2_000,
                         seed: int = 0) -> pd.DataFrame:
    """The engine's ranks (samples x measures) under pillar weights drawn as in
    `smaa_assessment`, scores as given: the method with its settings, the weights within
    each pillar fixed, knock-outs and floors last. For questions SMAA's tallies do not
    answer, such as how often the same set of measures is on top."""
    chosen = resolve_weighting(assessment, weighting)
    method, p, structure, draw = _pillar_sampling(assessment, chosen, check_spread(spread))
    w = structure.to_criteria(draw(np.random.default_rng(seed), check_samples(samples)))
    with one_blas_thread():
        ranks = ranked_last(method.ranks(p, w / w.sum(axis=1, keepdims=True)),
                            ranked_last_mask(assessment, chosen, p, structure))
    return pd.DataFrame(ranks, columns=p.measures)


def _pillar_rows(p: Problem, method: Method, structure: PillarStructure) -> np.ndarray:
    """Per measure its within-weighted sum per pillar of the method's per-criterion rows
    (`Method.tie_rows`; n x 3, 0 for an empty pillar).

    With fixed weights within each pillar, two measures of a linear method tie only
    when these rows are equal.
    """
    assert method.tie_rows is not None
    values = method.tie_rows(p)
    index, inner = structure.index, structure.inner
    return np.column_stack([
        values[:, index == q] @ inner[index == q] for q in range(len(PILLAR_NAMES))
    ])


# --------------------------------------------------------------------------------------
# tables
# --------------------------------------------------------------------------------------


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
