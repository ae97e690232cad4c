"""Scoring engine: value functions, hierarchical weights, rankings, pillar scores, balance.

Everything here takes plain pandas objects (see the contracts in DESIGN.md), so it
works the same from pages, the CLI, tests and notebooks.

Methods (`METHODS`), all built on scikit-criteria and tested against it:

- ``wsm``: weighted sum of linear value functions on the declared scales,
  v = (x - lo) / (hi - lo) for "max" criteria and (hi - x) / (hi - lo) for "min"
  criteria; (lo, hi) from `scale`, or the data's min/max where no scale is given.
  Computed as one numpy matrix product; tests prove it equal to scikit-criteria's
  ``WeightedSumModel`` on the value-function-transformed matrix. Score 0..1.
- ``topsis``: classic TOPSIS on the raw scores (vector normalisation, weighted
  Euclidean distances to the ideal and anti-ideal of the data); score = relative
  closeness 0..1 (scikit-criteria ``VectorScaler`` + ``TOPSIS``).
- ``vikor``: VIKOR with v = 0.5 (scikit-criteria ``VIKOR``); the measures of the
  compromise set share rank 1; score = 1 - Q (0..1, higher is better).
- ``spotis``: SPOTIS with the declared scales as bounds (scikit-criteria
  ``SPOTIS``); score = 1 - weighted normalised distance to the ideal point.
  SPOTIS is free of rank reversal: adding or removing measures never changes
  the order of the others.

In every result a higher ``score`` is better and ``rank`` 1 is best. Ties share
a rank and the next rank is skipped (1, 1, 3: "competition" ranking). Ranks come
from the method's score rounded to 12 decimals (so float noise never splits a
true tie; otherwise the order is scikit-criteria's); for ``vikor`` they are
scikit-criteria's own ranks (with its compromise set) renumbered from dense
(1, 1, 2) to competition ranks.

Validation happens before scikit-criteria sees the data: every problem raises an
`EngineError` with an i18n key and parameters, so a page or the CLI can say what
is wrong in the user's words (``err.message("nl")``).
"""

from __future__ import annotations

import math
import warnings
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd

from impact.i18n import t

with warnings.catch_warnings():  # skcriteria warns about its own deprecated modules on import
    warnings.simplefilter("ignore")
    import skcriteria as skc
    from skcriteria.agg.simple import WeightedSumModel
    from skcriteria.agg.spotis import SPOTIS
    from skcriteria.agg.topsis import TOPSIS
    from skcriteria.agg.vikor import VIKOR
    from skcriteria.pipelines import mkpipe
    from skcriteria.preprocessing.scalers import SumScaler, VectorScaler

if TYPE_CHECKING:
    from impact.model import Assessment, WeightProfile

# TOPSIS warns about "min" criteria (it handles them correctly, by its ideal/anti-ideal);
# VIKOR warns when a criterion does not discriminate (it then ignores it, as it should).
warnings.filterwarnings("ignore", message=r"Although TOPSIS can operate with minimization")
warnings.filterwarnings("ignore", message=r"Some criteria \(or distance\) was equal")

__all__ = [
    "METHODS",
    "METHOD_LABELS",
    "PILLAR_NAMES",
    "PILLAR_PAIRS",
    "EngineError",
    "Evaluation",
    "balance_index",
    "evaluate",
    "hierarchical_weights",
    "method_label",
    "neutral_pillar_scores",
    "pareto_front",
    "pillar_correlation",
    "pillar_effects",
    "pillar_scores",
    "rank",
    "rank_reference",
    "ranking_table",
    "tradeoff_classes",
    "value_matrix",
]

METHODS: tuple[str, ...] = ("wsm", "topsis", "vikor", "spotis")
METHOD_LABELS: dict[str, str] = {m: f"engine.method.{m}" for m in METHODS}
METHOD_HELP: dict[str, str] = {m: f"engine.method.{m}.help" for m in METHODS}

PILLAR_NAMES: tuple[str, ...] = ("ecology", "economy", "people")
PILLAR_PAIRS: tuple[tuple[str, str], ...] = (
    ("ecology", "economy"),
    ("ecology", "people"),
    ("economy", "people"),
)
TRADEOFF_CLASSES: tuple[str, ...] = ("win-win", "trade-off", "lose-lose", "neutral")

VIKOR_V = 0.5
# Scores are rounded to this many decimals before ranking, so that float noise
# (e.g. from normalising the same weights twice) does not break true ties.
RANK_DECIMALS = 12


def method_label(method: str, lang: str = "nl") -> str:
    """The user-facing name of a method, e.g. 'Gewogen som'."""
    return t(METHOD_LABELS[method], lang)


# --------------------------------------------------------------------------------------
# errors
# --------------------------------------------------------------------------------------


class EngineError(ValueError):
    """Invalid input, explained in the user's words.

    `key` is the i18n key of the message and `params` its parameters (criterion and
    measure ids, values). `message(lang)` renders it; `str(err)` is the English text.
    With `with_labels`, criterion and measure ids are shown by their names.
    """

    def __init__(self, key: str, **params: Any):
        self.key = key
        self.params = params
        self.labels: dict[str, tuple[str, str]] = {}
        super().__init__(self.message("en"))

    def message(self, lang: str = "nl") -> str:
        params = {}
        for name, value in self.params.items():
            if name in ("criterion", "measure") and value in self.labels:
                nl, en = self.labels[value]
                value = en if lang == "en" else nl
            elif name == "what":
                value = t(f"engine.what.{value}", lang)
            elif name == "pillar" and value in PILLAR_NAMES:
                value = t(f"engine.pillar.{value}", lang)
            elif name == "method" and value in METHODS:
                value = t(METHOD_LABELS[value], lang)
            params[name] = value
        return t(self.key, lang, **params)

    def with_labels(self, labels: Mapping[str, tuple[str, str]]) -> EngineError:
        """Show these ids by their (Dutch, English) names; returns self."""
        self.labels.update(labels)
        self.args = (self.message("en"),)
        return self

    def __str__(self) -> str:
        return self.message("en")


def _fmt(value: float) -> str:
    """A number as a user would write it: 3, 2.5, 0.125."""
    value = float(value)
    if math.isfinite(value) and value == int(value):
        return str(int(value))
    return f"{value:.6g}"


# --------------------------------------------------------------------------------------
# validation
# --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Problem:
    """A validated decision problem as numpy arrays."""

    measures: pd.Index
    criteria: pd.Index
    x: np.ndarray  # n x m raw scores
    sign: np.ndarray  # m: +1 for max, -1 for min
    lo: np.ndarray  # m: lower bound of the value function
    hi: np.ndarray  # m: upper bound of the value function
    declared: np.ndarray  # m bool: (lo, hi) came from a declared scale
    weights: np.ndarray | None  # m, normalised to sum 1 (None when not asked)

    @property
    def objectives(self) -> list[str]:
        return ["max" if s > 0 else "min" for s in self.sign]


_OBJECTIVE_ALIASES = {
    "max": 1,
    "min": -1,
    "higher_is_better": 1,
    "lower_is_better": -1,
    ">": 1,
    "<": -1,
    max: 1,
    min: -1,
}


def _check_performance(performance: pd.DataFrame) -> tuple[pd.Index, pd.Index, np.ndarray]:
    if not isinstance(performance, pd.DataFrame):
        raise EngineError("engine.error.not_a_table")
    criteria = pd.Index([str(c) for c in performance.columns])
    measures = pd.Index([str(m) for m in performance.index], name="measure_id")
    if len(criteria) == 0:
        raise EngineError("engine.error.no_criteria")
    if criteria.has_duplicates:
        raise EngineError("engine.error.duplicate_criterion",
                          criterion=str(criteria[criteria.duplicated()][0]))
    if measures.has_duplicates:
        raise EngineError("engine.error.duplicate_measure",
                          measure=str(measures[measures.duplicated()][0]))
    if len(measures) < 2:
        raise EngineError("engine.error.too_few_measures", count=len(measures))
    if all(pd.api.types.is_numeric_dtype(d) and not pd.api.types.is_bool_dtype(d)
           for d in performance.dtypes):
        x = performance.to_numpy(dtype=float, na_value=np.nan)
    else:
        x = _to_numbers(performance, measures, criteria)
    _check_values(x, measures, criteria)
    return measures, criteria, x


def _to_numbers(performance: pd.DataFrame, measures: pd.Index, criteria: pd.Index) -> np.ndarray:
    x = np.empty(performance.shape, dtype=float)
    for j, col in enumerate(performance.columns):
        column = performance[col]
        numeric = pd.to_numeric(column, errors="coerce")
        bad = numeric.isna() & column.notna()
        if bad.any():
            i = int(np.flatnonzero(bad.to_numpy())[0])
            raise EngineError("engine.error.not_a_number", criterion=criteria[j],
                              measure=measures[i], value=str(column.iloc[i]))
        x[:, j] = numeric.to_numpy(dtype=float, na_value=np.nan)
    return x


def _check_values(x: np.ndarray, measures: pd.Index, criteria: pd.Index) -> None:
    missing = np.isnan(x)
    if missing.any():
        # report the first empty cell in reading order (criterion by criterion)
        j = int(np.flatnonzero(missing.any(axis=0))[0])
        i = int(np.flatnonzero(missing[:, j])[0])
        count = int(missing.sum())
        key = "engine.error.missing_score" if count == 1 else "engine.error.missing_scores"
        raise EngineError(key, criterion=criteria[j], measure=measures[i], count=count)
    infinite = ~np.isfinite(x)
    if infinite.any():
        i, j = (int(v[0]) for v in np.nonzero(infinite))
        raise EngineError("engine.error.not_a_number", criterion=criteria[j],
                          measure=measures[i], value=str(x[i, j]))


def _unknown_keys(mapping: Mapping, criteria: pd.Index, what: str) -> None:
    known = set(criteria)
    for key in mapping:
        if str(key) not in known:
            raise EngineError("engine.error.unknown_criterion", criterion=str(key), what=what)


def _check_objectives(objectives: Mapping[str, Any], criteria: pd.Index) -> np.ndarray:
    _unknown_keys(objectives, criteria, "objective")
    lookup = {str(k): v for k, v in objectives.items()}
    sign = np.empty(len(criteria))
    for j, c in enumerate(criteria):
        if c not in lookup:
            raise EngineError("engine.error.missing_objective", criterion=c)
        raw = lookup[c]
        key = raw.lower() if isinstance(raw, str) else raw
        try:
            sign[j] = _OBJECTIVE_ALIASES[key]
        except (KeyError, TypeError):
            raise EngineError("engine.error.invalid_objective", criterion=c,
                              value=str(raw)) from None
    return sign


def _check_weight_value(criterion: str, raw: Any) -> float:
    try:
        value = float(raw)
    except (TypeError, ValueError):
        raise EngineError("engine.error.invalid_weight", criterion=criterion,
                          value=str(raw)) from None
    if not math.isfinite(value):
        raise EngineError("engine.error.invalid_weight", criterion=criterion, value=str(raw))
    if value < 0:
        raise EngineError("engine.error.negative_weight", criterion=criterion,
                          value=_fmt(value))
    return value


def _check_weights(weights: Mapping[str, float], criteria: pd.Index) -> np.ndarray:
    _unknown_keys(weights, criteria, "weight")
    lookup = {str(k): v for k, v in weights.items()}
    w = np.empty(len(criteria))
    for j, c in enumerate(criteria):
        if c not in lookup:
            raise EngineError("engine.error.missing_weight", criterion=c)
        w[j] = _check_weight_value(c, lookup[c])
    total = w.sum()
    if total <= 0:
        raise EngineError("engine.error.zero_weights")
    return w / total


def _check_scale(
    scale: Mapping[str, tuple[float, float]] | None,
    criteria: pd.Index,
    measures: pd.Index,
    x: np.ndarray,
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    lo = x.min(axis=0)
    hi = x.max(axis=0)
    declared = np.zeros(len(criteria), dtype=bool)
    if scale:
        _unknown_keys(scale, criteria, "scale")
        lookup = {str(k): v for k, v in scale.items()}
        for j, c in enumerate(criteria):
            if c not in lookup or lookup[c] is None:
                continue
            try:
                a, b = (float(v) for v in lookup[c])
            except (TypeError, ValueError):
                raise EngineError("engine.error.invalid_scale", criterion=c,
                                  lo=str(lookup[c]), hi="?") from None
            if not (math.isfinite(a) and math.isfinite(b) and a < b):
                raise EngineError("engine.error.invalid_scale", criterion=c, lo=_fmt(a),
                                  hi=_fmt(b))
            outside = (x[:, j] < a) | (x[:, j] > b)
            if outside.any():
                i = int(np.flatnonzero(outside)[0])
                raise EngineError("engine.error.out_of_scale", criterion=c,
                                  measure=measures[i], value=_fmt(x[i, j]), lo=_fmt(a),
                                  hi=_fmt(b))
            lo[j], hi[j] = a, b
            declared[j] = True
    return lo, hi, declared


def _prepare(
    performance: pd.DataFrame,
    objectives: Mapping[str, Any],
    weights: Mapping[str, float] | None,
    scale: Mapping[str, tuple[float, float]] | None,
) -> _Problem:
    measures, criteria, x = _check_performance(performance)
    sign = _check_objectives(objectives, criteria)
    w = _check_weights(weights, criteria) if weights is not None else None
    lo, hi, declared = _check_scale(scale, criteria, measures, x)
    return _Problem(measures, criteria, x, sign, lo, hi, declared, w)


def _check_method(method: str) -> str:
    if method not in METHODS:
        raise EngineError("engine.error.unknown_method", method=str(method),
                          choices=", ".join(METHODS))
    return method


def _check_method_fits(problem: _Problem, method: str) -> None:
    """Method-specific checks: what scikit-criteria would otherwise choke on."""
    x = problem.x
    constant = np.ptp(x, axis=0) == 0
    if method in ("wsm", "spotis"):
        # a value function needs a range: from the declared scale, or from the data
        for j in np.flatnonzero(constant & ~problem.declared):
            raise EngineError("engine.error.constant_column", criterion=problem.criteria[j],
                              value=_fmt(x[0, j]), method=method)
    if method == "topsis":
        for j in np.flatnonzero((x == 0).all(axis=0)):
            raise EngineError("engine.error.zero_column", criterion=problem.criteria[j],
                              method=method)
    if method in ("topsis", "vikor"):
        weighted = problem.weights is None or problem.weights > 0
        if constant[weighted].all():
            raise EngineError("engine.error.identical_measures", method=method)


# --------------------------------------------------------------------------------------
# value functions and ranks
# --------------------------------------------------------------------------------------


def _values(x: np.ndarray, sign: np.ndarray, lo: np.ndarray, hi: np.ndarray) -> np.ndarray:
    """Linear value functions 0..1 (1 = best end of the scale); works on (..., m) arrays."""
    span = hi - lo
    return np.where(sign > 0, (x - lo) / span, (hi - x) / span)


def sorted_ranks(
    scores: np.ndarray, higher_is_better: bool = True, *, ties: bool = True
) -> tuple[np.ndarray, np.ndarray]:
    """(order, ranks in that order) along the last axis, with competition ranks.

    `order[..., i]` is the index of the measure in position i (best first) and
    `ranks[..., i]` its rank: i + 1, or the rank of the first of a group of ties.
    Scores are rounded to `RANK_DECIMALS` decimals first so float noise does not
    break true ties. One sort; the order among tied measures is arbitrary, their
    rank is not. With ``ties=False`` the caller guarantees that no two scores in a
    row are equal (SMAA with continuous weights and distinct measures), which skips
    looking for them.
    """
    scores = np.asarray(scores, dtype=float)
    n = scores.shape[-1]
    positions = np.arange(n)
    if not ties:
        order = np.argsort(scores, axis=-1)
        if higher_is_better:
            order = order[..., ::-1]
        return order, np.broadcast_to(positions + 1, scores.shape)
    s = np.round(scores, RANK_DECIMALS)
    if higher_is_better:
        np.negative(s, out=s)
    order = np.argsort(s, axis=-1)
    sorted_s = np.take_along_axis(s, order, axis=-1)
    tie = sorted_s[..., 1:] == sorted_s[..., :-1]
    if not tie.any():
        return order, np.broadcast_to(positions + 1, s.shape)
    start = np.ones(s.shape, dtype=bool)
    start[..., 1:] = ~tie
    first = np.maximum.accumulate(np.where(start, positions, 0), axis=-1)
    return order, first + 1


def competition_rank(scores: np.ndarray, higher_is_better: bool = True) -> np.ndarray:
    """1-based ranks, ties share the best rank and skip the next (1, 1, 3).

    Works along the last axis, so a (samples x measures) array is ranked per row.
    Scores are rounded to `RANK_DECIMALS` decimals first so float noise does not
    break true ties.
    """
    order, ranks_sorted = sorted_ranks(scores, higher_is_better)
    ranks = np.empty(order.shape, dtype=np.int64)
    np.put_along_axis(ranks, order, ranks_sorted, axis=-1)
    return ranks


def dense_to_competition(dense: np.ndarray) -> np.ndarray:
    """Renumber dense ranks (1, 1, 2) to competition ranks (1, 1, 3); order kept."""
    dense = np.asarray(dense)
    return 1 + (dense[None, :] < dense[:, None]).sum(axis=1)


def value_matrix(
    performance: pd.DataFrame,
    *,
    objectives: Mapping[str, Any],
    scale: Mapping[str, tuple[float, float]] | None = None,
) -> pd.DataFrame:
    """Linear value functions 0..1 per cell (1 = best end of the criterion's scale).

    v = (x - lo) / (hi - lo) for "max" and (hi - x) / (hi - lo) for "min", with
    (lo, hi) from `scale` or else the data's min/max for that criterion.
    """
    p = _prepare(performance, objectives, None, scale)
    for j in np.flatnonzero(p.hi == p.lo):
        raise EngineError("engine.error.constant_column", criterion=p.criteria[j],
                          value=_fmt(p.x[0, j]), method="wsm")
    v = _values(p.x, p.sign, p.lo, p.hi)
    return pd.DataFrame(v, index=p.measures, columns=p.criteria)


def _skc_matrix(p: _Problem, x: np.ndarray | None = None, objectives=None):
    return skc.mkdm(
        p.x if x is None else x,
        objectives if objectives is not None else p.objectives,
        weights=p.weights,
        alternatives=list(p.measures),
        criteria=list(p.criteria),
    )


_TOPSIS_PIPE = mkpipe(SumScaler(target="weights"), VectorScaler(target="matrix"), TOPSIS())
_VIKOR_PIPE = mkpipe(SumScaler(target="weights"), VIKOR(v=VIKOR_V))
_WEIGHT_SCALER = SumScaler(target="weights")


def _rank_problem(p: _Problem, method: str) -> tuple[np.ndarray, np.ndarray]:
    """(score, rank) arrays for a validated problem."""
    assert p.weights is not None
    if method == "wsm":
        score = _values(p.x, p.sign, p.lo, p.hi) @ p.weights
        return score, competition_rank(score)
    if method == "topsis":
        result = _TOPSIS_PIPE.evaluate(_skc_matrix(p))
        score = np.asarray(result.e_.similarity, dtype=float)
        return score, competition_rank(score)
    if method == "vikor":
        result = _VIKOR_PIPE.evaluate(_skc_matrix(p))
        return 1.0 - np.asarray(result.e_.q_k, dtype=float), dense_to_competition(result.rank_)
    if method == "spotis":
        dm = _WEIGHT_SCALER.transform(_skc_matrix(p))
        result = SPOTIS().evaluate(dm, bounds=np.column_stack([p.lo, p.hi]))
        score = 1.0 - np.asarray(result.e_.score, dtype=float)
        return score, competition_rank(score)
    raise AssertionError(method)  # pragma: no cover - _check_method ran first


_WSM_PIPE = mkpipe(SumScaler(target="weights"), WeightedSumModel())


def rank_reference(
    performance: pd.DataFrame,
    *,
    objectives: Mapping[str, Any],
    weights: Mapping[str, float],
    method: str = "wsm",
    scale: Mapping[str, tuple[float, float]] | None = None,
) -> pd.DataFrame:
    """Like `rank`, but every method through scikit-criteria, including ``wsm``.

    For ``wsm`` the value-function-transformed matrix (all "max", 0..1) goes
    through scikit-criteria's ``WeightedSumModel``; `rank` computes the same with one
    numpy product. Slower (1-3 ms per call); used by tests and the benchmark.
    """
    _check_method(method)
    p = _prepare(performance, objectives, weights, scale)
    _check_method_fits(p, method)
    if method != "wsm":
        score, ranks = _rank_problem(p, method)
    else:
        v = _values(p.x, p.sign, p.lo, p.hi)
        result = _WSM_PIPE.evaluate(_skc_matrix(p, v, ["max"] * len(p.criteria)))
        score = np.asarray(result.e_.score, dtype=float)
        ranks = dense_to_competition(result.rank_)
    return pd.DataFrame({"score": score, "rank": ranks.astype(int)}, index=p.measures)


def rank(
    performance: pd.DataFrame,
    *,
    objectives: Mapping[str, Any],
    weights: Mapping[str, float],
    method: str = "wsm",
    scale: Mapping[str, tuple[float, float]] | None = None,
) -> pd.DataFrame:
    """Rank measures on criteria (the DESIGN.md contract).

    `performance`: index = measures, columns = criteria. `objectives`: criterion ->
    "max"/"min". `weights`: criterion -> weight >= 0 (normalised here; every
    criterion needs one). `scale`: criterion -> (lo, hi); criteria without a scale
    use the data's min/max. Returns one row per measure, in input order, with
    `score` (higher is better) and `rank` (1 = best; ties share a rank).
    """
    _check_method(method)
    p = _prepare(performance, objectives, weights, scale)
    _check_method_fits(p, method)
    score, ranks = _rank_problem(p, method)
    return pd.DataFrame({"score": score, "rank": ranks.astype(int)}, index=p.measures)


# --------------------------------------------------------------------------------------
# hierarchical weights and pillar scores
# --------------------------------------------------------------------------------------


def _pillar_name(pillar: Any) -> str:
    name = str(pillar).lower()
    if name not in PILLAR_NAMES:
        raise EngineError("engine.error.unknown_pillar", pillar=str(pillar))
    return name


def _pillar_map(pillar_of: Mapping[str, Any], criteria: pd.Index | None = None) -> dict[str, str]:
    result = {str(c): _pillar_name(p) for c, p in pillar_of.items()}
    if criteria is not None:
        _unknown_keys(result, criteria, "pillar")
        for c in criteria:
            if c not in result:
                raise EngineError("engine.error.missing_pillar", criterion=c)
    return result


def normalise_pillar_weights(
    pillar_weights: Mapping[Any, float] | None,
    present: tuple[str, ...] | list[str] = PILLAR_NAMES,
) -> dict[str, float]:
    """Pillar weights normalised to sum 1 over the `present` pillars (equal when None).

    Pillars that are not present get weight 0. Keys may be strings or `Pillar`s.
    """
    if pillar_weights is None:
        return {p: (1.0 / len(present) if p in present else 0.0) for p in PILLAR_NAMES}
    raw = {p: 0.0 for p in PILLAR_NAMES}
    for key, value in pillar_weights.items():
        name = _pillar_name(key)
        try:
            number = float(value)
        except (TypeError, ValueError):
            number = float("nan")
        if not math.isfinite(number) or number < 0:
            raise EngineError("engine.error.negative_pillar_weight", pillar=name,
                              value=str(value))
        raw[name] = number
    total = sum(raw[p] for p in present)
    if total <= 0:
        raise EngineError("engine.error.zero_pillar_weights")
    return {p: (raw[p] / total if p in present else 0.0) for p in PILLAR_NAMES}


def _within_normalised(
    pillar_of: dict[str, str], within: Mapping[str, float] | None
) -> dict[str, float]:
    """Within-pillar weights normalised per pillar (equal when None)."""
    lookup: dict[str, float] = {}
    if within is not None:
        for c, v in within.items():
            c = str(c)
            if c not in pillar_of:
                raise EngineError("engine.error.unknown_criterion", criterion=c, what="weight")
            lookup[c] = _check_weight_value(c, v)
    result: dict[str, float] = {}
    for pillar in PILLAR_NAMES:
        members = [c for c, p in pillar_of.items() if p == pillar]
        if not members:
            continue
        raw = [lookup.get(c, 1.0) if within is not None else 1.0 for c in members]
        total = sum(raw)
        if total <= 0:
            raise EngineError("engine.error.zero_within_weights", pillar=pillar)
        result.update({c: r / total for c, r in zip(members, raw, strict=True)})
    return result


def hierarchical_weights(
    pillar_of: Mapping[str, Any],
    pillar_weights: Mapping[Any, float] | None = None,
    within: Mapping[str, float] | None = None,
) -> dict[str, float]:
    """Criterion weights from pillar weights and weights within each pillar.

    A criterion's weight = its pillar's normalised weight x its normalised weight
    within the pillar. Pillar weights are normalised over the pillars that have
    criteria (equal when None); within-pillar weights are normalised per pillar
    (equal when None; a criterion missing from `within` weighs 1). The result sums
    to 1 and keeps the order of `pillar_of`.
    """
    pmap = _pillar_map(pillar_of)
    present = [p for p in PILLAR_NAMES if p in pmap.values()]
    if not present:
        raise EngineError("engine.error.no_criteria")
    pw = normalise_pillar_weights(pillar_weights, present)
    inner = _within_normalised(pmap, within)
    return {c: pw[p] * inner[c] for c, p in pmap.items()}


def _pillar_matrix(
    criteria: pd.Index, pmap: dict[str, str], inner: dict[str, float]
) -> np.ndarray:
    """m x 3 matrix A with A[j, k] = within weight of criterion j if it is in pillar k."""
    a = np.zeros((len(criteria), len(PILLAR_NAMES)))
    for j, c in enumerate(criteria):
        a[j, PILLAR_NAMES.index(pmap[c])] = inner[c]
    return a


def _pillar_values(v: np.ndarray, a: np.ndarray) -> np.ndarray:
    """Pillar scores from value functions; NaN for a pillar without criteria."""
    out = v @ a
    empty = a.sum(axis=0) == 0
    if empty.any():
        out = out.astype(float)
        out[..., empty] = np.nan
    return out


def _pillar_setup(
    performance: pd.DataFrame,
    objectives: Mapping[str, Any],
    pillar_of: Mapping[str, Any],
    within: Mapping[str, float] | None,
    scale: Mapping[str, tuple[float, float]] | None,
) -> tuple[_Problem, np.ndarray]:
    p = _prepare(performance, objectives, None, scale)
    for j in np.flatnonzero(p.hi == p.lo):
        raise EngineError("engine.error.constant_column", criterion=p.criteria[j],
                          value=_fmt(p.x[0, j]), method="wsm")
    pmap = _pillar_map(pillar_of, p.criteria)
    pmap = {c: pmap[c] for c in p.criteria}
    inner = _within_normalised(pmap, within)
    return p, _pillar_matrix(p.criteria, pmap, inner)


def pillar_scores(
    performance: pd.DataFrame,
    *,
    objectives: Mapping[str, Any],
    pillar_of: Mapping[str, Any],
    within: Mapping[str, float] | None = None,
    scale: Mapping[str, tuple[float, float]] | None = None,
) -> pd.DataFrame:
    """Per measure a 0..1 score per pillar: the within-weighted mean of its value functions.

    Columns ecology, economy, people (NaN for a pillar without criteria).
    """
    p, a = _pillar_setup(performance, objectives, pillar_of, within, scale)
    v = _values(p.x, p.sign, p.lo, p.hi)
    return pd.DataFrame(_pillar_values(v, a), index=p.measures, columns=list(PILLAR_NAMES))


def neutral_pillar_scores(
    performance: pd.DataFrame,
    *,
    objectives: Mapping[str, Any],
    pillar_of: Mapping[str, Any],
    within: Mapping[str, float] | None = None,
    scale: Mapping[str, tuple[float, float]] | None = None,
) -> pd.Series:
    """Pillar scores of a "no change" measure: 0 on every criterion, clipped to its scale.

    This is the neutral point against which gains and losses are judged: on a
    -3..+3 scale it is 0.5; for "lower cost is better" on 0..60 it is 1 (no cost).
    """
    p, a = _pillar_setup(performance, objectives, pillar_of, within, scale)
    zero = np.clip(np.zeros(len(p.criteria)), p.lo, p.hi)
    v = _values(zero, p.sign, p.lo, p.hi)
    return pd.Series(_pillar_values(v[None, :], a)[0], index=list(PILLAR_NAMES), name="neutral")


# --------------------------------------------------------------------------------------
# balance, Pareto set, trade-offs, correlation
# --------------------------------------------------------------------------------------


def _pillar_columns(pillars: pd.DataFrame) -> list[str]:
    present = [p for p in PILLAR_NAMES if p in pillars.columns]
    filled = pillars[present].notna().any(axis=0).to_numpy()
    return [p for p, f in zip(present, filled, strict=True) if f]


def balance_index(pillars: pd.DataFrame) -> pd.Series:
    """How evenly a measure scores on its pillars: weakest pillar / mean pillar score.

    1 = all pillars equal (perfectly balanced); towards 0 = one pillar far behind
    the others; 0 = one pillar at the very bottom of its scales. Pillars without
    criteria are left out. A measure with all pillar scores 0 counts as balanced (1).
    Balance says nothing about how good a measure is, only how even.
    """
    cols = _pillar_columns(pillars)
    values = pillars[cols].to_numpy(dtype=float)
    low = values.min(axis=1)
    mean = values.mean(axis=1)
    with np.errstate(divide="ignore", invalid="ignore"):
        ratio = np.where(mean > 0, low / np.where(mean > 0, mean, 1.0), 1.0)
    return pd.Series(ratio, index=pillars.index, name="balance")


def pareto_front(pillars: pd.DataFrame) -> pd.Series:
    """True for measures no other measure beats on every pillar (non-dominated set).

    A measure is dominated when another one scores at least as well on all pillars
    and strictly better on at least one.
    """
    cols = _pillar_columns(pillars)
    v = pillars[cols].to_numpy(dtype=float)
    ge = (v[:, None, :] >= v[None, :, :]).all(axis=2)  # ge[j, i]: j at least as good as i
    gt = (v[:, None, :] > v[None, :, :]).any(axis=2)
    dominated = (ge & gt).any(axis=0)
    return pd.Series(~dominated, index=pillars.index, name="pareto")


def pillar_effects(
    pillars: pd.DataFrame, neutral: pd.Series | Mapping[str, float], tol: float = 1e-9
) -> pd.DataFrame:
    """Per measure and pillar: +1 gain, -1 loss, 0 no change against the neutral point."""
    cols = _pillar_columns(pillars)
    diff = pillars[cols].to_numpy(dtype=float) - np.array([float(neutral[c]) for c in cols])
    out = np.where(np.abs(diff) > tol, np.sign(diff), 0.0).astype(int)
    return pd.DataFrame(out, index=pillars.index, columns=cols)


def tradeoff_classes(
    pillars: pd.DataFrame, neutral: pd.Series | Mapping[str, float], tol: float = 1e-9
) -> pd.DataFrame:
    """Per measure and pillar pair the kind of effect against the neutral point.

    Columns "ecology-economy", "ecology-people", "economy-people"; values:
    "win-win" (both pillars better than doing nothing), "lose-lose" (both worse),
    "trade-off" (one better, the other worse), "neutral" (at least one pillar
    unchanged, within `tol`). Pairs with a pillar without criteria are left out.
    """
    effects = pillar_effects(pillars, neutral, tol)
    data: dict[str, list[str]] = {}
    for a, b in PILLAR_PAIRS:
        if a not in effects.columns or b not in effects.columns:
            continue
        ea, eb = effects[a].to_numpy(), effects[b].to_numpy()
        cls = np.where(
            (ea == 0) | (eb == 0),
            "neutral",
            np.where((ea > 0) & (eb > 0), "win-win",
                     np.where((ea < 0) & (eb < 0), "lose-lose", "trade-off")),
        )
        data[f"{a}-{b}"] = list(cls)
    return pd.DataFrame(data, index=pillars.index)


def pillar_correlation(pillars: pd.DataFrame, method: str = "pearson") -> pd.DataFrame:
    """Correlation between pillar scores across the measures (pillars x pillars).

    Negative = measures that do well on one pillar tend to do badly on the other
    (a structural trade-off). NaN where a pillar does not vary.
    """
    cols = _pillar_columns(pillars)
    return pillars[cols].corr(method=method)


# --------------------------------------------------------------------------------------
# evaluate an assessment
# --------------------------------------------------------------------------------------


@dataclass
class Evaluation:
    """The full picture of one assessment under one set of weights and one method.

    `table` (index measure_id, in the assessment's order) has the columns
    label_nl, label_en, score, rank, score_rank, ecology, economy, people,
    contrib_ecology, contrib_economy, contrib_people, balance, floor_violation,
    violated_pillars, pareto.

    - score: the method's score (higher is better; for wsm the weighted sum 0..1).
    - rank: the final rank. Measures below a pillar floor are *not* compensated by
      their other pillars: they are ranked after every measure that meets all
      floors (in score order among themselves). Without floors rank = score_rank.
    - score_rank: the rank on score alone, ignoring floors.
    - contrib_<pillar>: pillar weight x pillar score; for wsm they sum to score.
    """

    table: pd.DataFrame
    weights: dict[str, float]
    pillar_weights: dict[str, float]
    neutral: pd.Series
    tradeoffs: pd.DataFrame
    correlation: pd.DataFrame
    method: str
    floors: dict[str, float] = field(default_factory=dict)
    within: dict[str, float] = field(default_factory=dict)

    def ranked(self) -> pd.DataFrame:
        """The table sorted by rank (then by the assessment's order)."""
        return self.table.sort_values("rank", kind="stable")


def criterion_labels(assessment: Assessment) -> dict[str, tuple[str, str]]:
    """id -> (Dutch, English) display names of criteria and measures, for EngineError."""
    labels = {c.id: (c.label_nl, c.label_en or c.label_nl) for c in assessment.criteria}
    for m in assessment.measures:
        labels[m.id] = (f"{m.id} ({m.label_nl})", f"{m.id} ({m.label_en or m.label_nl})")
    return labels


def resolve_weights(
    assessment: Assessment,
    *,
    pillar_weights: Mapping[Any, float] | None = None,
    profile: WeightProfile | None = None,
    criterion_weights: Mapping[str, float] | None = None,
) -> tuple[dict[str, float], dict[str, float]]:
    """(pillar weights as given, within-pillar weights) for an assessment.

    Pillar weights: `pillar_weights` if given, else the profile's, else equal.
    Within-pillar weights: the criteria's own, overridden by the profile's
    criterion weights, overridden by `criterion_weights`.
    """
    if pillar_weights is not None:
        pw = {_pillar_name(k): v for k, v in pillar_weights.items()}
    elif profile is not None:
        pw = {_pillar_name(k): v for k, v in profile.pillar_weights.items()}
    else:
        pw = {p: 1.0 for p in PILLAR_NAMES}
    within = dict(assessment.within_weights(profile))
    if criterion_weights:
        within.update({str(k): v for k, v in criterion_weights.items()})
    return pw, within


def _check_floors(floors: Mapping[Any, float] | None) -> dict[str, float]:
    result: dict[str, float] = {}
    for key, value in (floors or {}).items():
        name = _pillar_name(key)
        if value is None:
            continue
        try:
            number = float(value)
        except (TypeError, ValueError):
            number = float("nan")
        if not (0.0 <= number <= 1.0):
            raise EngineError("engine.error.invalid_floor", pillar=name, value=str(value))
        result[name] = number
    return result


def evaluate(
    assessment: Assessment,
    *,
    pillar_weights: Mapping[Any, float] | None = None,
    profile: WeightProfile | None = None,
    method: str = "wsm",
    floors: Mapping[Any, float] | None = None,
    criterion_weights: Mapping[str, float] | None = None,
) -> Evaluation:
    """Rank an assessment's measures and describe their pillar balance and trade-offs.

    Weights: see `resolve_weights`. Scores are normalised on the criteria's declared
    scales. `floors` maps pillar -> minimum pillar score 0..1; measures below a
    floor are flagged and ranked after all measures that meet every floor.
    Raises `EngineError` (with criterion and measure names attached) on bad input.
    """
    try:
        return _evaluate(assessment, pillar_weights, profile, method, floors, criterion_weights)
    except EngineError as err:
        raise err.with_labels(criterion_labels(assessment)) from None


def _evaluate(assessment, pillar_weights, profile, method, floors, criterion_weights):
    _check_method(method)
    floor = _check_floors(floors)
    performance = assessment.performance()
    objectives = assessment.objectives()
    scale = assessment.scale()
    pillar_of = assessment.pillar_of()
    pw_raw, within = resolve_weights(assessment, pillar_weights=pillar_weights,
                                     profile=profile, criterion_weights=criterion_weights)

    p = _prepare(performance, objectives, None, scale)
    pmap = _pillar_map(pillar_of, p.criteria)
    present = [q for q in PILLAR_NAMES if q in pmap.values()]
    pw = normalise_pillar_weights(pw_raw, present)
    inner = _within_normalised(pmap, within)
    weights = {c: pw[pmap[c]] * inner[c] for c in p.criteria}

    w = np.array([weights[c] for c in p.criteria])
    problem = replace(p, weights=w / w.sum())
    _check_method_fits(problem, method)
    score, score_rank = _rank_problem(problem, method)
    a = _pillar_matrix(p.criteria, pmap, inner)
    v = _values(p.x, p.sign, p.lo, p.hi)
    pillars = pd.DataFrame(_pillar_values(v, a), index=p.measures, columns=list(PILLAR_NAMES))
    zero = np.clip(np.zeros(len(p.criteria)), p.lo, p.hi)
    neutral = pd.Series(_pillar_values(_values(zero, p.sign, p.lo, p.hi)[None, :], a)[0],
                        index=list(PILLAR_NAMES), name="neutral")

    labels = {m.id: m for m in assessment.measures}
    pv = pillars.to_numpy()
    below = np.zeros(pv.shape, dtype=bool)
    for k, q in enumerate(PILLAR_NAMES):
        if q in floor:
            below[:, k] = pv[:, k] < floor[q] - 1e-12  # NaN (no criteria) is never below
    flagged = below.any(axis=1)
    columns: dict[str, Any] = {
        "label_nl": [labels[m].label_nl for m in p.measures],
        "label_en": [labels[m].label_en or labels[m].label_nl for m in p.measures],
        "score": score,
        "rank": _floor_rank(score, score_rank, flagged),
        "score_rank": score_rank.astype(int),
    }
    for k, q in enumerate(PILLAR_NAMES):
        columns[q] = pv[:, k]
    for k, q in enumerate(PILLAR_NAMES):
        columns[f"contrib_{q}"] = pw[q] * np.nan_to_num(pv[:, k])
    columns["balance"] = balance_index(pillars).to_numpy()
    columns["floor_violation"] = flagged
    columns["violated_pillars"] = [
        ",".join(q for k, q in enumerate(PILLAR_NAMES) if row[k]) for row in below
    ]
    columns["pareto"] = pareto_front(pillars).to_numpy()
    table = pd.DataFrame(columns, index=p.measures)
    return Evaluation(
        table=table,
        weights=weights,
        pillar_weights=pw,
        neutral=neutral,
        tradeoffs=tradeoff_classes(pillars, neutral),
        correlation=pillar_correlation(pillars),
        method=method,
        floors=floor,
        within={c: inner[c] for c in p.criteria},
    )


def _floor_rank(score: np.ndarray, score_rank: np.ndarray, flagged: np.ndarray) -> np.ndarray:
    """Ranks with every flagged measure after every unflagged one; ties kept."""
    if not flagged.any():
        return score_rank.astype(int)
    # sort key: unflagged first, then by score rank; equal keys share a rank
    key = score_rank.astype(float) + flagged * (len(score_rank) + 1)
    return competition_rank(key, higher_is_better=False).astype(int)


def ranking_table(evaluation: Evaluation, lang: str = "nl", *, display: bool = False,
                  label_width: int = 40) -> pd.DataFrame:
    """The ranking as a flat table, best first (index measure_id).

    Columns label, rank, score, ecology, economy, people, balance, pareto,
    floor_violation. With `display`, column names are in `lang`, labels are cut to
    `label_width` characters and pillars without criteria are left out (for a
    terminal or a quick look; the CLI's table format).
    """
    table = evaluation.ranked()
    label = table["label_en"] if lang == "en" else table["label_nl"]
    out = pd.DataFrame({"label": label, "rank": table["rank"], "score": table["score"]})
    for q in PILLAR_NAMES:
        out[q] = table[q]
    out["balance"] = table["balance"]
    out["pareto"] = table["pareto"]
    out["floor_violation"] = table["floor_violation"]
    if not display:
        return out
    out["label"] = [s if len(s) <= label_width else s[: label_width - 1] + "…"
                    for s in out["label"]]
    out["pareto"] = np.where(out["pareto"], "*", "")
    if not evaluation.floors:
        out = out.drop(columns=["floor_violation"])
    else:
        out["floor_violation"] = [
            t("engine.cli.floor_flag", lang, pillars=", ".join(
                t(f"engine.pillar.{q}", lang).lower() for q in v.split(","))) if v else ""
            for v in table["violated_pillars"]
        ]
    out = out.drop(columns=[q for q in PILLAR_NAMES if out[q].isna().all()])
    names = {"label": t("engine.cli.col.label", lang), "rank": t("engine.cli.col.rank", lang),
             "score": t("engine.cli.col.score", lang),
             "balance": t("engine.cli.col.balance", lang), "pareto": "",
             "floor_violation": t("engine.cli.col.flag", lang)}
    names.update({q: t(f"engine.pillar.{q}", lang).lower() for q in PILLAR_NAMES})
    out = out.rename(columns=names)
    out.index.name = t("engine.cli.col.measure", lang)
    return out
