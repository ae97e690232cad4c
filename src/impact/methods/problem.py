"""The decision problem every method works on: input checks, preparation, value functions.

`prepare` turns the plain pandas input of `impact.engine.rank` (see the contracts in
DESIGN.md) into a validated `Problem` of numpy arrays. Validation happens before
scikit-criteria sees the data: every problem raises an `EngineError` with an i18n key
and parameters, so a page or the CLI can say what is wrong in the user's words
(``err.message("nl")``).

The `require_*` checks are the method-specific ones (what scikit-criteria would
otherwise choke on); each method in `impact.methods` picks the ones it needs.
"""

from __future__ import annotations

import math
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd

from impact.errors import UserError
from impact.i18n import t
from impact.model import PILLARS

__all__ = [
    "OBJECTIVE_ALIASES",
    "EngineError",
    "Problem",
    "as_int",
    "as_number",
    "by_criterion",
    "check_objectives",
    "check_performance",
    "check_scale",
    "check_weight_value",
    "check_weights",
    "format_number",
    "prepare",
    "require_difference",
    "require_nonzero_columns",
    "require_range",
    "require_value_range",
    "unknown_keys",
    "values",
]


# --------------------------------------------------------------------------------------
# errors
# --------------------------------------------------------------------------------------


class EngineError(UserError, ValueError):
    """Invalid input, explained in the user's words.

    `key` is the i18n key of the message and `params` its parameters (criterion and
    measure ids, values). `message(lang)` renders it; `str(err)` is the English text.
    With `with_labels`, criterion and measure ids are shown by their names.
    """

    def __init__(self, key: str, **params: Any):
        self.labels: dict[str, tuple[str, str]] = {}
        super().__init__(key, **params)

    def message(self, lang: str = "nl") -> str:
        # imported here: the registry's method modules import this module
        from impact.methods import METHOD_LABELS

        params = {}
        for name, value in self.params.items():
            if name in ("criterion", "measure") and value in self.labels:
                nl, en = self.labels[value]
                value = en if lang == "en" else nl
            elif name == "what":
                value = t(f"engine.what.{value}", lang)
            elif name == "pillar" and value in PILLARS:
                value = t(f"engine.pillar.{value}", lang)
            elif name == "method" and value in METHOD_LABELS:
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


def as_number(value: Any) -> float:
    """`value` as a float; NaN when it is not a number (so range checks refuse it)."""
    try:
        return float(value)
    except (TypeError, ValueError):
        return float("nan")


def as_int(value: Any, key: str) -> int:
    """`value` as an int, or an `EngineError` with message `key`."""
    try:
        return int(value)
    except (TypeError, ValueError):
        raise EngineError(key, value=str(value)) from None


def format_number(value: float) -> str:
    """A number as a user would write it: 3, 2.5, 0.125."""
    value = float(value)
    if math.isfinite(value) and value == int(value):
        return str(int(value))
    return f"{value:.6g}"


# --------------------------------------------------------------------------------------
# the validated problem
# --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Problem:
    """A validated decision problem as numpy arrays."""

    measures: pd.Index
    criteria: pd.Index
    x: np.ndarray  # n x m raw scores
    sign: np.ndarray  # m: +1 for max, -1 for min
    lo: np.ndarray  # m: lower bound of the value function
    hi: np.ndarray  # m: upper bound of the value function
    declared: np.ndarray  # m bool: (lo, hi) came from a declared scale
    weights: np.ndarray | None  # m, normalised to sum 1 (None when not asked)
    # method settings (VIKOR's v, SPOTIS's expected solution point, PROMETHEE's
    # preference functions); each method checks and reads its own
    options: Mapping[str, Any] = field(default_factory=dict)

    @property
    def objectives(self) -> list[str]:
        return ["max" if s > 0 else "min" for s in self.sign]

    def values(self) -> np.ndarray:
        """The n x m matrix of value functions 0..1 (see `values`)."""
        return values(self.x, self.sign, self.lo, self.hi)


def values(x: np.ndarray, sign: np.ndarray, lo: np.ndarray, hi: np.ndarray) -> np.ndarray:
    """Linear value functions 0..1 (1 = best end of the scale); works on (..., m) arrays."""
    span = hi - lo
    return np.where(sign > 0, (x - lo) / span, (hi - x) / span)


def prepare(
    performance: pd.DataFrame,
    objectives: Mapping[str, Any],
    weights: Mapping[str, float] | None,
    scale: Mapping[str, tuple[float, float]] | None,
    options: Mapping[str, Any] | None = None,
) -> Problem:
    """Check the input of `rank` and turn it into a `Problem` (weights None: not asked).

    `options`: method settings, checked by the method (`Method.check`).
    """
    measures, criteria, x = check_performance(performance)
    sign = check_objectives(objectives, criteria)
    w = check_weights(weights, criteria) if weights is not None else None
    lo, hi, declared = check_scale(scale, criteria, measures, x)
    return Problem(measures, criteria, x, sign, lo, hi, declared, w, dict(options or {}))


# --------------------------------------------------------------------------------------
# input checks
# --------------------------------------------------------------------------------------


OBJECTIVE_ALIASES = {
    "max": 1,
    "min": -1,
    "higher_is_better": 1,
    "lower_is_better": -1,
    ">": 1,
    "<": -1,
    max: 1,
    min: -1,
}


def check_performance(performance: pd.DataFrame) -> tuple[pd.Index, pd.Index, np.ndarray]:
    """(measures, criteria, n x m scores) of a performance table, or an `EngineError`."""
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


def unknown_keys(mapping: Mapping, criteria: pd.Index, what: str) -> None:
    """Refuse a key of `mapping` that is not a criterion (`what`: objective, weight, ...)."""
    known = set(criteria)
    for key in mapping:
        if str(key) not in known:
            raise EngineError("engine.error.unknown_criterion", criterion=str(key), what=what)


def by_criterion(
    mapping: Mapping[str, Any], criteria: pd.Index, what: str, missing: str
) -> Iterator[tuple[int, str, Any]]:
    """(j, criterion, value) in the order of `criteria`; refuses unknown and missing keys.

    A missing criterion raises `missing` (an i18n key) when the loop reaches it, so
    errors come criterion by criterion.
    """
    unknown_keys(mapping, criteria, what)
    lookup = {str(k): v for k, v in mapping.items()}
    for j, c in enumerate(criteria):
        if c not in lookup:
            raise EngineError(missing, criterion=c)
        yield j, c, lookup[c]


def check_objectives(objectives: Mapping[str, Any], criteria: pd.Index) -> np.ndarray:
    """Per criterion +1 (max) or -1 (min); every criterion needs an objective."""
    sign = np.empty(len(criteria))
    for j, c, raw in by_criterion(objectives, criteria, "objective",
                                  "engine.error.missing_objective"):
        key = raw.lower() if isinstance(raw, str) else raw
        try:
            sign[j] = OBJECTIVE_ALIASES[key]
        except (KeyError, TypeError):
            raise EngineError("engine.error.invalid_objective", criterion=c,
                              value=str(raw)) from None
    return sign


def check_weight_value(criterion: str, raw: Any) -> float:
    """One weight as a finite number >= 0."""
    try:
        value = float(raw)
    except (TypeError, ValueError):
        raise EngineError("engine.error.invalid_weight", criterion=criterion,
                          value=str(raw)) from None
    if not math.isfinite(value):
        raise EngineError("engine.error.invalid_weight", criterion=criterion, value=str(raw))
    if value < 0:
        raise EngineError("engine.error.negative_weight", criterion=criterion,
                          value=format_number(value))
    return value


def check_weights(weights: Mapping[str, float], criteria: pd.Index) -> np.ndarray:
    """Per criterion its weight, normalised to sum 1; every criterion needs one."""
    w = np.empty(len(criteria))
    for j, c, raw in by_criterion(weights, criteria, "weight", "engine.error.missing_weight"):
        w[j] = check_weight_value(c, raw)
    total = w.sum()
    if total <= 0:
        raise EngineError("engine.error.zero_weights")
    return w / total


def check_scale(
    scale: Mapping[str, tuple[float, float]] | None,
    criteria: pd.Index,
    measures: pd.Index,
    x: np.ndarray,
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(lo, hi, declared) per criterion: the declared scale, else the data's min/max."""
    lo = x.min(axis=0)
    hi = x.max(axis=0)
    declared = np.zeros(len(criteria), dtype=bool)
    if scale:
        unknown_keys(scale, criteria, "scale")
        lookup = {str(k): v for k, v in scale.items()}
        for j, c in enumerate(criteria):
            if c not in lookup or lookup[c] is None:
                continue
            lo[j], hi[j] = _check_one_scale(c, lookup[c], x[:, j], measures)
            declared[j] = True
    return lo, hi, declared


def _check_one_scale(
    criterion: str, raw: Any, column: np.ndarray, measures: pd.Index
) -> tuple[float, float]:
    try:
        a, b = (float(v) for v in raw)
    except (TypeError, ValueError):
        raise EngineError("engine.error.invalid_scale", criterion=criterion,
                          lo=str(raw), hi="?") from None
    if not (math.isfinite(a) and math.isfinite(b) and a < b):
        raise EngineError("engine.error.invalid_scale", criterion=criterion,
                          lo=format_number(a), hi=format_number(b))
    outside = (column < a) | (column > b)
    if outside.any():
        i = int(np.flatnonzero(outside)[0])
        raise EngineError("engine.error.out_of_scale", criterion=criterion,
                          measure=measures[i], value=format_number(column[i]),
                          lo=format_number(a), hi=format_number(b))
    return a, b


# --------------------------------------------------------------------------------------
# what a method needs of the problem
# --------------------------------------------------------------------------------------


def require_range(problem: Problem, method: str) -> None:
    """A value function needs a range: from the declared scale, or from the data."""
    x = problem.x
    constant = np.ptp(x, axis=0) == 0
    for j in np.flatnonzero(constant & ~problem.declared):
        raise EngineError("engine.error.constant_column", criterion=problem.criteria[j],
                          value=format_number(x[0, j]), method=method)


def require_value_range(problem: Problem) -> None:
    """`require_range` for the value functions of pillar scores and the value matrix."""
    for j in np.flatnonzero(problem.hi == problem.lo):
        raise EngineError("engine.error.constant_column", criterion=problem.criteria[j],
                          value=format_number(problem.x[0, j]), method="wsm")


def require_nonzero_columns(problem: Problem, method: str) -> None:
    """Vector normalisation divides by a column's length: no all-zero column."""
    for j in np.flatnonzero((problem.x == 0).all(axis=0)):
        raise EngineError("engine.error.zero_column", criterion=problem.criteria[j],
                          method=method)


def require_difference(problem: Problem, method: str) -> None:
    """Distances to the ideal need at least one weighted criterion that tells measures apart."""
    constant = np.ptp(problem.x, axis=0) == 0
    weighted = problem.weights is None or problem.weights > 0
    if constant[weighted].all():
        raise EngineError("engine.error.identical_measures", method=method)
